# Reference values for org.pluralstats.weight, computed with R survey on the WVS Wave 7-style sample.
#
#   Rscript tools/weight_reference.R data-samples/wvs-sample pluralstats-core/src/test/resources/org/pluralstats/weight
#
# Writes to the output directory:
#   vps-reference.json     value polarity scores (Eq. 1 of seed 003) per population x item with
#                          svymean / SE / svyciprop(method = "logit") from
#                          svydesign(ids = ~1, weights = ~w, data = <P's respondents who answered q>),
#                          for --by B_COUNTRY_ALPHA, S_INTLANGUAGE and global, weights W_WEIGHT and
#                          W_WEIGHT*S018 (items.json); the joint EVS/WVS sample under the released
#                          code's automatic rule (implemented here independently) with gwght*pwght;
#                          and Pearson/Spearman correlations (cor()) between the country score vectors.
#   wvs7-rake.csv          the sample plus two derived margin variables, SEX = 1 + D_INTERVIEW mod 2
#                          and AGEGRP = 1 + (D_INTERVIEW div 2) mod 3 (deterministic, "sex-like")
#   rake-reference.json    raked weights: survey::rake (iterative proportional fitting) without
#                          bounds, and survey::calibrate(calfun = "raking", bounds = ...) for bounded
#                          raking (survey::rake has no bounds; calibrate's bounded raking is the
#                          reference for bounded weights).
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
samples <- if (length(args) > 0) args[1] else "data-samples/wvs-sample"
out <- if (length(args) > 1) args[2] else "pluralstats-core/src/test/resources/org/pluralstats/weight"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

num <- function(x) {
  if (length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  s <- sprintf("%.17g", x)
  if (as.numeric(s) != x) stop("formatting does not round-trip: ", s)
  s
}
str <- function(x) toJSON(x, auto_unbox = TRUE)
nums <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ","), "]")

# --- value polarity scores ------------------------------------------------------------------------

expit <- function(x) 1 / (1 + exp(-x))

# One score row: svymean, its linearised SE and the logit CI of svyciprop, over the respondents of the
# population who answered the item. 'gap': svyciprop's CI minus the converged fit's; 'closed': the
# converged fit's CI minus expit(logit(p) +- t(0.975, m - 1) * se / (p (1 - p))).
score_row <- function(pop, item, A, w) {
  m <- length(A)
  if (m == 0) {
    return(list(json = sprintf('{"population":%s,"item":%s,"vps":null,"n":0,"weightSum":0,"se":null,"nEff":null,"ciLow":null,"ciHigh":null,"svycipropLow":null,"svycipropHigh":null}',
                               str(pop), str(item)), gap = 0, closed = 0))
  }
  des <- svydesign(ids = ~1, weights = ~w, data = data.frame(A = A, w = w))
  est <- svymean(~A, des)
  p <- unname(coef(est)[1])
  se <- if (m >= 2) unname(SE(est)[1]) else NA
  lo <- NA
  hi <- NA
  dlo <- NA
  dhi <- NA
  gap <- 0
  closed <- 0
  if (m >= 2 && p > 0 && p < 1) {
    # svyciprop's own result: svyglm(A ~ 1, quasibinomial) with glm's default IRLS tolerance (1e-8 on
    # the deviance), so its CI is only as converged as that fit ...
    ci0 <- attr(svyciprop(~A, des, method = "logit"), "ci")
    # ... and the same computation with the fit converged to machine precision: the reference.
    fit <- svyglm(A ~ 1, des, family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100))
    ci <- as.numeric(expit(confint(fit, 1, level = 0.95, method = "Wald", ddf = degf(des))))
    t <- qt(0.975, degf(des))
    f <- expit(log(p / (1 - p)) + c(-1, 1) * t * se / (p * (1 - p)))
    gap <- max(abs(ci0 - ci))
    closed <- max(abs(ci - f))
    lo <- ci[1]
    hi <- ci[2]
    dlo <- unname(ci0[1])
    dhi <- unname(ci0[2])
  }
  neff <- sum(w)^2 / sum(w^2)
  list(json = sprintf('{"population":%s,"item":%s,"vps":%s,"n":%d,"weightSum":%s,"se":%s,"nEff":%s,"ciLow":%s,"ciHigh":%s,"svycipropLow":%s,"svycipropHigh":%s}',
                      str(pop), str(item), num(p), m, num(sum(w)), num(se), num(neff), num(lo), num(hi), num(dlo), num(dhi)),
       gap = gap, closed = closed, p = p)
}

# Scores of every population x item. 'positive' gives each item's positive codes; codes <= 0 and NA
# are missing (the WVS/EVS convention).
score_case <- function(d, by, w, items, positive) {
  if (by == "global") {
    pops <- list(global = rep(TRUE, nrow(d)))
  } else {
    levels <- unique(d[[by]][!is.na(d[[by]])])
    pops <- setNames(lapply(levels, function(l) !is.na(d[[by]]) & d[[by]] == l), levels)
  }
  rows <- c()
  gap <- 0
  closed <- 0
  scores <- list()
  for (pop in names(pops)) {
    for (item in items) {
      x <- d[[item]]
      answered <- pops[[pop]] & !is.na(x) & x > 0
      r <- score_row(pop, item, as.numeric(x[answered] %in% positive[[item]]), w[answered])
      rows <- c(rows, r$json)
      gap <- max(gap, r$gap)
      closed <- max(closed, r$closed)
      scores[[pop]][[item]] <- if (is.null(r$p)) NA else r$p
    }
  }
  list(rows = rows, gap = gap, closed = closed, scores = scores)
}

w7 <- read.csv(file.path(samples, "wvs7-sample.csv"), stringsAsFactors = FALSE)
spec <- fromJSON(file.path(samples, "items.json"), simplifyVector = FALSE)
items <- vapply(spec$items, function(i) i$id, "")
positive <- setNames(lapply(spec$items, function(i) unlist(i$positive)), items)

cases <- c()
gap <- 0
closed <- 0
country_scores <- NULL
for (weight in c("W_WEIGHT", "W_WEIGHT*S018")) {
  w <- if (weight == "W_WEIGHT") w7$W_WEIGHT else w7$W_WEIGHT * w7$S018
  for (by in c("B_COUNTRY_ALPHA", "S_INTLANGUAGE", "global")) {
    r <- score_case(w7, by, w, items, positive)
    gap <- max(gap, r$gap)
    closed <- max(closed, r$closed)
    if (weight == "W_WEIGHT" && by == "B_COUNTRY_ALPHA") country_scores <- r$scores
    cases <- c(cases, sprintf('    {"data":"wvs7-sample.csv","items":"items.json","by":%s,"weight":%s,"rows":[\n      %s\n    ]}',
                              str(by), str(weight), paste(r$rows, collapse = ",\n      ")))
  }
}

# The released code's automatic rule on the joint EVS/WVS-style sample: each item's maximum over the
# pooled file; maximum 3 -> positive = 1; maximum 10 -> positive = 6..10; otherwise positive = codes
# <= maximum %/% 2; E035 reversed; codes <= 0 missing; weight gwght * pwght.
joint <- read.csv(file.path(samples, "joint-sample.csv"), sep = ";", stringsAsFactors = FALSE)
jitems <- c("A001", "A002", "A006", "C001", "A165", "F063", "F118", "F120", "E023", "E114", "E033")
jpositive <- list()
for (item in jitems) {
  mx <- max(joint[[item]], na.rm = TRUE)
  codes <- seq_len(mx)
  pos <- if (mx == 3) 1 else if (mx == 10) 6:10 else codes[codes <= mx %/% 2]
  if (startsWith(item, "E035")) pos <- setdiff(codes, pos)
  jpositive[[item]] <- pos
}
jw <- joint$gwght * joint$pwght
for (by in c("cntry_AN", "global")) {
  r <- score_case(joint, by, jw, jitems, jpositive)
  gap <- max(gap, r$gap)
  closed <- max(closed, r$closed)
  cases <- c(cases, sprintf('    {"data":"joint-sample.csv","rule":"paper","by":%s,"weight":"gwght*pwght","positive":%s,"rows":[\n      %s\n    ]}',
                            str(by), toJSON(lapply(jpositive, as.integer)), paste(r$rows, collapse = ",\n      ")))
}
if (closed > 1e-12) stop("the converged svyglm logit CI and the closed form differ by ", closed)

# Correlations between the country score vectors (by B_COUNTRY_ALPHA, W_WEIGHT) over the items both
# countries have a score for; cor() with method pearson and spearman (average ranks for ties).
corr <- c()
pops <- names(country_scores)
for (i in seq_along(pops)) for (j in seq_along(pops)) {
  a <- unlist(country_scores[[pops[i]]])
  b <- unlist(country_scores[[pops[j]]])
  shared <- !is.na(a) & !is.na(b)
  for (method in c("pearson", "spearman")) {
    corr <- c(corr, sprintf('{"a":%s,"b":%s,"method":"%s","items":%d,"r":%s}', str(pops[i]), str(pops[j]), method,
                            sum(shared), num(cor(a[shared], b[shared], method = method))))
  }
}

writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/weight_reference.R",\n',
                  '  "definition":"svymean(~A, svydesign(ids=~1, weights=~w, data=<P respondents who answered q>)); SE(); attr(svyciprop(~A, design, method=\\"logit\\"), \\"ci\\"); nEff = sum(w)^2/sum(w^2)",\n',
                  '  "ciNote":"ciLow/ciHigh: the Wald interval of svyglm(A ~ 1, design, family = quasibinomial, control = glm.control(epsilon = 1e-15)) on the logit scale with ddf = degf(design) = m - 1, back-transformed: svyciprop(method = \\"logit\\")\'s computation with its IRLS fit converged; svycipropLow/svycipropHigh: svyciprop itself (glm default tolerance)",\n',
                  '  "maxAbsSvycipropMinusConverged":', num(gap), ',\n',
                  '  "maxAbsConvergedMinusClosedForm":', num(closed), ',\n',
                  '  "cases":[\n', paste(cases, collapse = ",\n"), '\n  ],\n',
                  '  "correlations":{"by":"B_COUNTRY_ALPHA","weight":"W_WEIGHT","pairs":[\n    ', paste(corr, collapse = ",\n    "), '\n  ]}\n}'),
           file.path(out, "vps-reference.json"))

# --- raking ---------------------------------------------------------------------------------------

rk <- w7
rk$SEX <- 1 + rk$D_INTERVIEW %% 2
rk$AGEGRP <- 1 + (rk$D_INTERVIEW %/% 2) %% 3
write.csv(rk, file.path(out, "wvs7-rake.csv"), row.names = FALSE, na = "")

country_t <- data.frame(B_COUNTRY_ALPHA = c("DNK", "NLD", "GBR", "BRA", "USA", "NGA"),
                        Freq = c(50, 70, 60, 80, 75, 45))
# SEX and AGEGRP are factors for R (calibrate's model matrix would otherwise treat them as numbers).
sex_t <- data.frame(SEX = factor(c(1, 2)), Freq = c(200, 180))
age_t <- data.frame(AGEGRP = factor(c(1, 2, 3)), Freq = c(110, 150, 120))
joint_t <- merge(data.frame(B_COUNTRY_ALPHA = country_t$B_COUNTRY_ALPHA), data.frame(SEX = factor(c(1, 2))))
joint_t$Freq <- round(country_t$Freq[match(joint_t$B_COUNTRY_ALPHA, country_t$B_COUNTRY_ALPHA)] *
                        ifelse(joint_t$SEX == 1, 0.55, 0.45), 1)

margin_json <- function(vars, t, scale = 1) {
  keys <- do.call(paste, c(lapply(vars, function(v) t[[v]]), sep = ":"))
  sprintf('{"variables":%s,"targets":{%s}}', toJSON(vars),
          paste(sprintf('%s:%s', vapply(as.character(keys), str, ""), vapply(t$Freq * scale, num, "")), collapse = ","))
}

des <- svydesign(ids = ~1, weights = ~W_WEIGHT, data = transform(rk, SEX = factor(SEX), AGEGRP = factor(AGEGRP)))
kish <- function(w) sum(w)^2 / (length(w) * sum(w^2))
rake_cases <- c()
add_case <- function(name, method, margins, control, w, iterations, converged) {
  rake_cases <<- c(rake_cases, sprintf(
    '    {"name":%s,"method":%s,"margins":[%s],%s"iterations":%s,"converged":%s,"kishBefore":%s,"kishAfter":%s,"weights":%s}',
    str(name), str(method), paste(margins, collapse = ","), control, iterations, tolower(converged),
    num(kish(rk$W_WEIGHT)), num(kish(w)), nums(w)))
}

# survey::rake counts 'iter' as the cycles before the converging one; we record the number of full
# cycles performed (iter + 1 when converged, maxit otherwise).
run_rake <- function(name, smargins, pmargins, mjson, maxit, epsilon) {
  cycles <- NA
  converged <- TRUE
  r <- withCallingHandlers(
    rake(des, smargins, pmargins, control = list(maxit = maxit, epsilon = epsilon)),
    warning = function(w) { converged <<- FALSE; invokeRestart("muffleWarning") })
  # re-run cycle by cycle to count the cycles performed
  for (k in seq_len(maxit)) {
    rk_k <- suppressWarnings(rake(des, smargins, pmargins, control = list(maxit = k, epsilon = epsilon)))
    if (isTRUE(all.equal(weights(rk_k), weights(r), tolerance = 0))) { cycles <- k; break }
  }
  add_case(name, "ipf", mjson, sprintf('"tolerance":%s,"maxIterations":%d,', num(epsilon), maxit),
           weights(r), cycles, converged)
}
three <- c(margin_json("B_COUNTRY_ALPHA", country_t), margin_json("SEX", sex_t), margin_json("AGEGRP", age_t))
run_rake("ipf", list(~B_COUNTRY_ALPHA, ~SEX, ~AGEGRP), list(country_t, sex_t, age_t), three, 100, 1e-12)
run_rake("ipf-3-cycles", list(~B_COUNTRY_ALPHA, ~SEX, ~AGEGRP), list(country_t, sex_t, age_t), three, 3, 1e-12)
run_rake("ipf-joint-margin", list(~B_COUNTRY_ALPHA + SEX, ~AGEGRP), list(joint_t, age_t),
         c(margin_json(c("B_COUNTRY_ALPHA", "SEX"), joint_t), margin_json("AGEGRP", age_t)), 100, 1e-12)

# Bounded raking: calibrate(calfun = "raking", bounds = c(lower, upper)) bounds g = w_new / w_old.
run_calibrate <- function(name, scale, bounds) {
  pm <- list(transform(country_t, Freq = Freq * scale), transform(sex_t, Freq = Freq * scale),
             transform(age_t, Freq = Freq * scale))
  iterations <- NA
  cal <- calibrate(des, list(~B_COUNTRY_ALPHA, ~SEX, ~AGEGRP), pm, calfun = "raking",
                   bounds = bounds, maxit = 100, epsilon = 1e-13)
  w <- weights(cal)
  g <- w / rk$W_WEIGHT
  mjson <- c(margin_json("B_COUNTRY_ALPHA", country_t, scale), margin_json("SEX", sex_t, scale),
             margin_json("AGEGRP", age_t, scale))
  add_case(name, "calibrate-raking", mjson,
           sprintf('"bounds":[%s,%s],"tolerance":1e-13,"maxIterations":100,"gRange":[%s,%s],', num(bounds[1]), num(bounds[2]),
                   num(min(g)), num(max(g))),
           w, "null", TRUE)
}
run_calibrate("bounded", 1, c(0.7, 1.4))
run_calibrate("bounded-rescaled", 10000, c(0.6, 1.5))

writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/weight_reference.R",\n',
                  '  "data":"wvs7-rake.csv","baseWeight":"W_WEIGHT",\n',
                  '  "definition":"ipf: weights(rake(svydesign(ids=~1, weights=~W_WEIGHT, data), sample.margins, population.margins, control=list(maxit, epsilon))); calibrate-raking: weights(calibrate(design, margins, population, calfun=\\"raking\\", bounds, maxit, epsilon)); kish = sum(w)^2/(n sum(w^2))",\n',
                  '  "cases":[\n', paste(rake_cases, collapse = ",\n"), '\n  ]\n}'),
           file.path(out, "rake-reference.json"))
cat("wrote", file.path(out, "vps-reference.json"), "and", file.path(out, "rake-reference.json"), "\n")
