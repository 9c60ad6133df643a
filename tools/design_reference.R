# Reference values for org.pluralstats.design.TaylorDesign, computed with R survey on its bundled api data.
#
#   Rscript tools/design_reference.R pluralstats-core/src/test/resources/org/pluralstats/design
#
# Writes to the output directory:
#   apistrat.csv, apiclus1.csv, apiclus2.csv   data(api) as write.csv writes them (NA as NA); every
#                                              estimate below is computed on the file read back with
#                                              read.csv, so Java and R read the same rows.
#   design-reference.json  per design (svydesign call in "call"; Java builds the same from "ids",
#                          "strata", "fpc", "weights"/"probs", "nest", "lonely"):
#     degf(design); print(design)'s first lines;
#     svymean(~v, design, na.rm = TRUE, deff = TRUE) and svytotal(…) for v in api00, enroll, avg.ed (NAs
#       in enroll of apiclus2 and avg.ed of apiclus1: na.rm = TRUE drops those rows from the design, as
#       subset() does), with SE, deff, confint(est, df = degf(design)) ("ciT") and confint(est) ("ciNormal");
#     svyratio(~api.stu, ~enroll, design, na.rm = TRUE);
#     svyciprop(~I(sch.wide == "Yes"), design, method = m) for m in logit (the default), mean, xlogit,
#       asin, with df = degf(design) (svyciprop's default); and "ciprop_logit_converged": the Wald
#       interval of svyglm(yes ~ 1, quasibinomial, control = glm.control(epsilon = 1e-15)) with
#       ddf = degf(design), i.e. svyciprop's logit computation with its IRLS fit converged;
#     svyquantile(~api00, design, c(.25, .5, .75), qrule = "math" (the default) and "hf7",
#       interval.type = "mean" (the default), ci = TRUE);
#     svyby(~api00, ~stype, design, svymean, deff = TRUE) with confint(…, df = degf(design)), and per
#       domain degf(subset(design, stype == k)); and "separate": svymean(~api00, deff = TRUE) of
#       svydesign(<same arguments>, data = <the rows of that stype>) with confint(…, df = degf(<it>));
#       and on sub = subset(design, stype == k): svytotal(~api00, sub, deff = TRUE) with
#       confint(…, df = degf(design)), svyciprop(~I(sch.wide == "Yes"), sub, method = "xlogit") and
#       svyquantile(~api00, sub, .5, ci = TRUE), whose intervals use degf(sub) (their default).
#   A design whose svydesign call or estimate fails (lonely PSU with "fail") records the error message.
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/design"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
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

data(api)
files <- list(apistrat = apistrat, apiclus1 = apiclus1, apiclus2 = apiclus2)
api <- list()
for (name in names(files)) {
  f <- file.path(out, paste0(name, ".csv"))
  write.csv(files[[name]], f, row.names = FALSE)
  back <- read.csv(f, stringsAsFactors = FALSE)
  # write.csv keeps 15 significant digits (avg.ed has more): the estimates use the file's values
  api[[name]] <- back
}
# A lonely-PSU design: apiclus1's districts in three strata, the first stratum holding one district.
lonely <- api$apiclus1
d1 <- sort(unique(lonely$dnum))
lonely$str <- ifelse(lonely$dnum == d1[1], "A", ifelse(lonely$dnum <= d1[8], "B", "C"))
write.csv(lonely, file.path(out, "apiclus1-lonely.csv"), row.names = FALSE)
api[["apiclus1-lonely"]] <- read.csv(file.path(out, "apiclus1-lonely.csv"), stringsAsFactors = FALSE)

stat_json <- function(est, df, deff = TRUE) {
  ci <- confint(est, df = df)
  cin <- confint(est)
  obj(estimate = num(unname(coef(est))[1]), se = num(unname(SE(est))[1]),
      deff = if (deff) num(unname(deff(est))[1]) else "null",
      ciT = arr(c(num(ci[1]), num(ci[2]))), ciNormal = arr(c(num(cin[1]), num(cin[2]))))
}

make_design <- function(spec, data) {
  a <- list(ids = spec$ids, data = data, nest = spec$nest)
  if (!is.null(spec$strata)) a$strata <- spec$strata
  if (!is.null(spec$fpc)) a$fpc <- spec$fpc
  if (!is.null(spec$weights)) a$weights <- spec$weights
  if (!is.null(spec$probs)) a$probs <- spec$probs
  do.call(svydesign, a)
}

f2s <- function(f) if (is.null(f)) "null" else str(all.vars(f))

run_case <- function(name, file, spec, rule) {
  options(survey.lonely.psu = rule)
  data <- api[[file]]
  header <- c(name = str(name), data = str(paste0(file, ".csv")), lonely = str(rule),
              call = str(paste(deparse(spec$call), collapse = " ")),
              ids = f2s(spec$ids), strata = f2s(spec$strata), fpc = f2s(spec$fpc),
              weights = f2s(spec$weights), probs = if (is.null(spec$probs)) "null" else str(deparse(spec$probs[[2]])), nest = tolower(spec$nest))
  body <- tryCatch({
    des <- make_design(spec, data)
    df <- degf(des)
    printed <- capture.output(print(des))
    # print(design) without the call (do.call's call holds the whole data)
    printed <- printed[seq_len(if (startsWith(printed[2], "With (")) 2 else 1)]
    r <- c(degf = num(df), printed = toJSON(printed))
    for (v in c("api00", "enroll", "avg.ed")) {
      fm <- as.formula(paste0("~", v))
      r[[paste0("mean_", v)]] <- stat_json(svymean(fm, des, na.rm = TRUE, deff = TRUE), df)
      r[[paste0("total_", v)]] <- stat_json(svytotal(fm, des, na.rm = TRUE, deff = TRUE), df)
    }
    ra <- svyratio(~api.stu, ~enroll, des, na.rm = TRUE)
    cir <- confint(ra, df = df)
    r[["ratio"]] <- obj(estimate = num(coef(ra)[1]), se = num(SE(ra)[1]), ciT = arr(c(num(cir[1]), num(cir[2]))))
    for (m in c("logit", "mean", "xlogit", "asin")) {
      cp <- svyciprop(~I(sch.wide == "Yes"), des, method = m)
      ci <- attr(cp, "ci")
      r[[paste0("ciprop_", m)]] <- obj(estimate = num(unname(coef(cp))[1]), se = num(unname(SE(cp))[1]),
                                      ci = arr(c(num(ci[1]), num(ci[2]))))
    }
    # svyciprop's logit interval comes from svyglm with glm's default tolerance (its limits differ from
    # the converged fit's by up to ~1e-10): the same Wald interval with the fit converged to 1e-15
    yes <- des
    yes$variables$yes <- as.numeric(yes$variables$sch.wide == "Yes")
    fit <- svyglm(yes ~ 1, yes, family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100))
    cic <- as.numeric(plogis(confint(fit, 1, level = 0.95, method = "Wald", ddf = df)))
    r[["ciprop_logit_converged"]] <- obj(estimate = num(plogis(unname(coef(fit)[1]))),
                                         ci = arr(c(num(cic[1]), num(cic[2]))))
    for (q in c("math", "hf7")) {
      sq <- svyquantile(~api00, des, c(.25, .5, .75), qrule = q, ci = TRUE)$api00
      r[[paste0("quantile_", q)]] <- arr(vapply(1:3, function(k)
        obj(p = num(c(.25, .5, .75)[k]), estimate = num(sq[k, 1]), ciLow = num(sq[k, 2]), ciHigh = num(sq[k, 3]),
            se = num(sq[k, 4])), ""))
    }
    by <- svyby(~api00, ~stype, des, svymean, deff = TRUE)
    byci <- confint(by, df = df)
    rows <- c()
    for (k in seq_len(nrow(by))) {
      g <- as.character(by$stype[k])
      sub <- subset(des, stype == g)
      sdata <- data[data$stype == g, ]
      sep <- tryCatch({
        sd <- make_design(spec, sdata)
        stat_json(svymean(~api00, sd, deff = TRUE), degf(sd))
      }, error = function(e) obj(error = str(conditionMessage(e))))
      cp <- svyciprop(~I(sch.wide == "Yes"), sub, method = "xlogit")
      sq <- svyquantile(~api00, sub, .5, ci = TRUE)$api00
      rows <- c(rows, obj(domain = str(g), n = nrow(sdata), estimate = num(by$api00[k]), se = num(SE(by)[k]),
                          deff = num(deff(by)[k]), ciT = arr(c(num(byci[k, 1]), num(byci[k, 2]))),
                          degfSubset = num(degf(sub)), separate = sep,
                          total = stat_json(svytotal(~api00, sub, deff = TRUE), df),
                          cipropXlogit = obj(estimate = num(unname(coef(cp))[1]), se = num(unname(SE(cp))[1]),
                                             ci = arr(c(num(attr(cp, "ci")[1]), num(attr(cp, "ci")[2])))),
                          median = obj(estimate = num(sq[1, 1]), ciLow = num(sq[1, 2]), ciHigh = num(sq[1, 3]),
                                       se = num(sq[1, 4]))))
    }
    r[["byStype"]] <- arr(rows)
    r
  }, error = function(e) c(error = str(conditionMessage(e))))
  paste0("    ", obj(design = do.call(obj, as.list(header)), results = do.call(obj, as.list(body))))
}

specs <- list(
  list(name = "stratified", file = "apistrat",
       spec = list(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, nest = FALSE,
                   call = quote(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)))),
  list(name = "one-stage cluster", file = "apiclus1",
       spec = list(ids = ~dnum, weights = ~pw, fpc = ~fpc, nest = FALSE,
                   call = quote(svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)))),
  list(name = "two-stage cluster", file = "apiclus2",
       spec = list(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, nest = FALSE,
                   call = quote(svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)))),
  list(name = "two-stage cluster, weights, no fpc", file = "apiclus2",
       spec = list(ids = ~dnum + snum, weights = ~pw, nest = FALSE,
                   call = quote(svydesign(id = ~dnum + snum, weights = ~pw, data = apiclus2)))),
  list(name = "unequal probabilities, no fpc", file = "apistrat",
       spec = list(ids = ~1, probs = ~I(1 / pw), nest = FALSE,
                   call = quote(svydesign(id = ~1, probs = ~I(1 / pw), data = apistrat)))),
  list(name = "stratified cluster, nest", file = "apistrat",
       spec = list(ids = ~dnum, strata = ~stype, weights = ~pw, nest = TRUE,
                   call = quote(svydesign(id = ~dnum, strata = ~stype, weights = ~pw, data = apistrat, nest = TRUE)))))
cases <- c()
for (s in specs) cases <- c(cases, run_case(s$name, s$file, s$spec, "fail"))
# apiclus2 per school type as separate designs has districts with one sampled school at stage 2
for (rule in c("adjust", "average")) {
  cases <- c(cases, run_case(paste("two-stage cluster, lonely", rule), "apiclus2", specs[[3]]$spec, rule))
}
lonely_spec <- list(ids = ~dnum, strata = ~str, weights = ~pw, nest = FALSE,
                    call = quote(svydesign(id = ~dnum, strata = ~str, weights = ~pw, data = apiclus1_lonely)))
for (rule in c("fail", "remove", "adjust", "average", "certainty")) {
  cases <- c(cases, run_case(paste("lonely PSU", rule), "apiclus1-lonely", lonely_spec, rule))
}
# the same lonely design with a finite-population correction (strata of 5, 7 and 10 districts)
api[["apiclus1-lonely"]]$fpcstr <- c(A = 5, B = 7, C = 10)[api[["apiclus1-lonely"]]$str]
write.csv(api[["apiclus1-lonely"]], file.path(out, "apiclus1-lonely.csv"), row.names = FALSE)
api[["apiclus1-lonely"]] <- read.csv(file.path(out, "apiclus1-lonely.csv"), stringsAsFactors = FALSE)
lonely_fpc <- list(ids = ~dnum, strata = ~str, weights = ~pw, fpc = ~fpcstr, nest = FALSE,
                   call = quote(svydesign(id = ~dnum, strata = ~str, weights = ~pw, fpc = ~fpcstr, data = apiclus1_lonely)))
for (rule in c("adjust", "average")) {
  cases <- c(cases, run_case(paste("lonely PSU with fpc", rule), "apiclus1-lonely", lonely_fpc, rule))
}
# apiclus2 with strata at both stages (districts by odd/even number, then school type within each
# district), nest = TRUE and the fpc as sampling fractions (40 of 757 districts; the district's sampled
# share of its schools): weights from the fpc; stage-2 strata with one school follow the rule.
d2 <- api$apiclus2
d2$str1 <- ifelse(d2$dnum %% 2 == 0, "even", "odd")
d2$fr1 <- 40 / 757
d2$fr2 <- ave(d2$snum, d2$dnum, FUN = length) / d2$fpc2
write.csv(d2, file.path(out, "apiclus2-strata.csv"), row.names = FALSE)
api[["apiclus2-strata"]] <- read.csv(file.path(out, "apiclus2-strata.csv"), stringsAsFactors = FALSE)
strata2 <- list(ids = ~dnum + snum, strata = ~str1 + stype, fpc = ~fr1 + fr2, nest = TRUE,
                call = quote(svydesign(id = ~dnum + snum, strata = ~str1 + stype, fpc = ~fr1 + fr2, nest = TRUE,
                                       data = apiclus2_strata)))
for (rule in c("adjust", "average", "certainty")) {
  cases <- c(cases, run_case(paste("two-stage stratified, fpc fractions, nest,", rule), "apiclus2-strata", strata2, rule))
}
options(survey.lonely.psu = "fail")

writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/design_reference.R",\n',
                  '  "cases":[\n', paste(cases, collapse = ",\n"), '\n  ]\n}'),
           file.path(out, "design-reference.json"))
cat("wrote", file.path(out, "design-reference.json"), "\n")
