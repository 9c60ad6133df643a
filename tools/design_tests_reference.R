# Reference values for org.pluralstats.design.DesignChiSquare and TaylorDesign.domainDifference, computed
# with R survey on its bundled api data (the CSV files tools/design_reference.R wrote, read back with read.csv).
#
#   Rscript tools/design_tests_reference.R pluralstats-core/src/test/resources/org/pluralstats/design
#
# Writes design-tests-reference.json: per design (the svydesign call in "call"; Java builds the same from
# "ids", "strata", "fpc", "weights", "nest"):
#   "growth3": a derived three-level factor, written out per row so Java need not re-derive it:
#     g = api00 - api99; "low" if g <= 20, "mid" if g <= 50, else "high";
#   "chisq": for each two-way table svychisq(~row + col, design, statistic = s) for s in F (the default,
#     Rao-Scott second order), Chisq (first order), Wald and adjWald: the statistic, its df (ndf, ddf or
#     df), the p-value; "pearson" = chisq.test(svytable(~row + col, design, Ntotal = nrow), correct = FALSE)'s
#     X-squared, which svychisq's F and Chisq start from; "traceDelta" and "d0" (recomputed as svychisq
#     does, for diagnosis);
#   "differences": svyby(~y, ~stype, design, svymean, covmat = TRUE) for y = as.numeric(sch.wide == "Yes")
#     and y = api00, then svycontrast(by, c(E = 1, H = -1, M = 0)): the estimate and SE; the domain means, SEs
#     and their covariance vcov(by)["E", "H"]; t = est / SE, df = degf(design), p = 2 pt(-|t|, df),
#     ci = est -/+ qt(0.975, df) SE; and "nlconSe": the same SE by the delta method on svytotal of
#     y·[E], [E], y·[H], [H] (svycontrast with a quoted ratio difference), a check on the first.
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/design"
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

num <- function(x) {
  if (length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  s <- sprintf("%.17g", x)
  if (as.numeric(s) != x) stop("formatting does not round-trip: ", s)
  s
}
str <- function(x) toJSON(x, auto_unbox = TRUE)
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(kv), unlist(kv)), collapse = ","), "}")
}
arr <- function(v) paste0("[", paste(v, collapse = ","), "]")
f2s <- function(f) if (is.null(f)) "null" else str(all.vars(f))

read_api <- function(name) {
  d <- read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = FALSE)
  g <- d$api00 - d$api99
  d$growth3 <- ifelse(g <= 20, "low", ifelse(g <= 50, "mid", "high"))
  d
}

designs <- list(
  list(name = "dstrat", data = "apistrat", ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw,
       tables = list(c("sch.wide", "stype"), c("comp.imp", "awards"), c("stype", "growth3"))),
  list(name = "dclus1", data = "apiclus1", ids = ~dnum, fpc = ~fpc, weights = ~pw,
       tables = list(c("sch.wide", "comp.imp"), c("stype", "awards"), c("stype", "growth3"))),
  list(name = "dclus2", data = "apiclus2", ids = ~dnum + snum, fpc = ~fpc1 + fpc2,
       tables = list(c("sch.wide", "stype"), c("stype", "growth3")))
)

# svychisq's Delta, recomputed (survey:::svychisq.survey.design, statistic "F")
delta <- function(design, rows, cols) {
  fsat <- eval(bquote(~interaction(factor(.(as.name(rows))), factor(.(as.name(cols)))) - 1))
  mm <- model.matrix(fsat, model.frame(fsat, design$variables, na.action = na.pass))
  N <- nrow(mm)
  nr <- length(unique(design$variables[[rows]]))
  nc <- length(unique(design$variables[[cols]]))
  mean2 <- svymean(mm, design, na.rm = TRUE)
  mf1 <- expand.grid(rows = 1:nr, cols = 1:nc)
  X1 <- model.matrix(~factor(rows) + factor(cols), mf1)
  X12 <- model.matrix(~factor(rows) * factor(cols), mf1)
  Cmat <- qr.resid(qr(X1), X12[, -(1:(nr + nc - 1)), drop = FALSE])
  iDmat <- diag(ifelse(mean2 == 0, 0, 1 / mean2))
  denom <- t(Cmat) %*% (iDmat / N) %*% Cmat
  numr <- t(Cmat) %*% iDmat %*% attr(mean2, "var") %*% iDmat %*% Cmat
  D <- solve(denom, numr)
  c(trace = sum(diag(D)), d0 = sum(diag(D))^2 / sum(diag(D %*% D)))
}

cases <- c()
for (spec in designs) {
  data <- read_api(spec$data)
  a <- list(ids = spec$ids, data = data, fpc = spec$fpc)
  if (!is.null(spec$strata)) a$strata <- spec$strata
  if (!is.null(spec$weights)) a$weights <- spec$weights
  des <- do.call(svydesign, a)
  df <- degf(des)
  tests <- c()
  for (t in spec$tables) {
    fm <- as.formula(paste0("~", t[1], " + ", t[2]))
    res <- c()
    for (s in c("F", "Chisq", "Wald", "adjWald")) {
      r <- svychisq(fm, des, statistic = s)
      res[[s]] <- obj(statistic = num(unname(r$statistic)), parameter = arr(sapply(r$parameter, num)),
                      parameterNames = str(names(r$parameter)), p = num(r$p.value), method = str(r$method))
    }
    pearson <- suppressWarnings(chisq.test(svytable(fm, des, Ntotal = nrow(data)), correct = FALSE))
    dl <- delta(des, t[1], t[2])
    tests <- c(tests, obj(rows = str(t[1]), cols = str(t[2]), pearson = num(unname(pearson$statistic)),
                          traceDelta = num(dl[["trace"]]), d0 = num(dl[["d0"]]),
                          F = res[["F"]], Chisq = res[["Chisq"]], Wald = res[["Wald"]], adjWald = res[["adjWald"]]))
  }
  des <- update(des, yes = as.numeric(sch.wide == "Yes"), inE = as.numeric(stype == "E"),
                inH = as.numeric(stype == "H"))
  diffs <- c()
  for (v in c("yes", "api00")) {
    by <- svyby(as.formula(paste0("~", v)), ~stype, des, svymean, covmat = TRUE)
    con <- svycontrast(by, c(E = 1, H = -1, M = 0))
    est <- unname(coef(con))[1]
    se <- unname(SE(con))[1]
    tt <- est / se
    q <- qt(0.975, df)
    des2 <- update(des, yE = get(v) * inE, yH = get(v) * inH)
    tot <- svytotal(~yE + inE + yH + inH, des2)
    nl <- svycontrast(tot, quote(yE / inE - yH / inH))
    diffs <- c(diffs, obj(variable = str(v), first = str("E"), second = str("H"),
                          firstEstimate = num(unname(coef(by))[1]), secondEstimate = num(unname(coef(by))[2]),
                          firstSe = num(unname(SE(by))[1]), secondSe = num(unname(SE(by))[2]),
                          covariance = num(vcov(by)["E", "H"]),
                          estimate = num(est), se = num(se), t = num(tt), df = num(df),
                          p = num(2 * pt(-abs(tt), df)), ci = arr(c(num(est - q * se), num(est + q * se))),
                          nlconSe = num(unname(SE(nl))[1])))
  }
  cases <- c(cases, obj(name = str(spec$name), data = str(paste0(spec$data, ".csv")),
                        call = str(paste(deparse(as.call(c(as.name("svydesign"), a[names(a) != "data"]))),
                                         collapse = " ")),
                        ids = f2s(spec$ids), strata = f2s(spec$strata), fpc = f2s(spec$fpc),
                        weights = f2s(spec$weights), probs = "null", nest = "false", lonely = str("fail"),
                        degf = num(df),
                        growth3 = str(data$growth3), chisq = arr(tests), differences = arr(diffs)))
}
writeLines(paste0('{"program":', str(program), ',"script":"tools/design_tests_reference.R","cases":',
                  arr(cases), "}"), file.path(out, "design-tests-reference.json"))
