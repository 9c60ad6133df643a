# Reference values for TaylorDesign.raked and TaylorDesign.postStratified (org.pluralstats.design), computed
# with R survey on its bundled api data (the CSV files tools/design_reference.R wrote, read back with read.csv).
#
#   Rscript tools/raked_design_reference.R pluralstats-core/src/test/resources/org/pluralstats/design
#
# Writes raked-design-reference.json: per case, the base design (svydesign call in "call"; Java builds the
# same from "ids", "strata", "fpc", "weights", "nest"), then the calibration steps in order ("steps"): a
# postStratify(design, ~v, population) or a rake(design, list(~v1, ~v2, ...), populations, control =
# list(maxit, epsilon)), populations as level -> Freq. On the calibrated design:
#   "weights": weights(design), one per row;
#   "estimates": svymean(~v, design, na.rm = TRUE, deff = TRUE) and svytotal(...) for v in api00, enroll,
#     acs.k3 (NAs in acs.k3 and enroll: na.rm = TRUE), with SE, deff and confint(est, df = degf(design));
#     svyratio(~api00, ~api99, design) with SE;
#   "by": svyby(~api00, ~g, design, svymean, deff = TRUE) and svyby(..., svytotal) for g in stype,
#     comp.imp (a raking margin and a variable that is none): estimate, SE, deff per domain;
#   "uncalibrated": svymean(~api00) on the base design, to show that the calibration changed the SE.
# The residuals R uses for the variance (svyrecvar's postStrata branch) are not written: Java must
# arrive at the SEs from the weights and margins alone.
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
nums <- function(v) arr(vapply(v, num, ""))
f2s <- function(f) if (is.null(f)) "null" else str(all.vars(f))
read_api <- function(name) read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = FALSE)

pop <- function(v, levels, freq) {
  d <- data.frame(levels, Freq = freq, stringsAsFactors = FALSE)
  names(d)[1] <- v
  d
}
# ?rake's population margins, and apipop's for comp.imp
pop.types <- pop("stype", c("E", "H", "M"), c(4421, 755, 1018))
pop.schwide <- pop("sch.wide", c("No", "Yes"), c(1072, 5122))
pop.compimp <- pop("comp.imp", c("No", "Yes"), c(1712, 4482))
tight <- list(maxit = 1000, epsilon = 1e-14)

cases <- list(
  list(name = "dclus1 raked on stype, sch.wide", data = "apiclus1", ids = ~dnum, strata = NULL, fpc = ~fpc,
       weights = ~pw,
       steps = list(list(kind = "rake", margins = list(pop.types, pop.schwide), control = tight))),
  list(name = "dclus1 raked, R's default control", data = "apiclus1", ids = ~dnum, strata = NULL, fpc = ~fpc,
       weights = ~pw,
       steps = list(list(kind = "rake", margins = list(pop.types, pop.schwide),
                         control = list(maxit = 10, epsilon = 1)))),
  list(name = "dclus2 raked on stype, sch.wide, comp.imp", data = "apiclus2", ids = ~dnum + snum, strata = NULL,
       fpc = ~fpc1 + fpc2, weights = NULL,
       steps = list(list(kind = "rake", margins = list(pop.types, pop.schwide, pop.compimp), control = tight))),
  list(name = "dstrat post-stratified on sch.wide", data = "apistrat", ids = ~1, strata = ~stype, fpc = ~fpc,
       weights = ~pw, steps = list(list(kind = "postStratify", margins = list(pop.schwide)))),
  list(name = "dclus1 post-stratified on stype", data = "apiclus1", ids = ~dnum, strata = NULL, fpc = ~fpc,
       weights = ~pw, steps = list(list(kind = "postStratify", margins = list(pop.types)))),
  list(name = "dstrat post-stratified on sch.wide, then raked on stype, comp.imp", data = "apistrat", ids = ~1,
       strata = ~stype, fpc = ~fpc, weights = ~pw,
       steps = list(list(kind = "postStratify", margins = list(pop.schwide)),
                    list(kind = "rake", margins = list(pop.types, pop.compimp), control = tight)))
)

stat <- function(est, design) {
  ci <- confint(est, df = degf(design))
  d <- if (is.null(attr(est, "deff"))) NA else unname(deff(est))[1]
  obj(estimate = num(unname(coef(est))[1]), se = num(unname(SE(est))[1]), deff = num(d),
      ci = nums(ci[1, ]))
}

out_cases <- c()
for (spec in cases) {
  d <- read_api(spec$data)
  args <- list(ids = spec$ids, fpc = spec$fpc, data = d)
  if (!is.null(spec$strata)) args$strata <- spec$strata
  if (!is.null(spec$weights)) args$weights <- spec$weights
  design <- do.call(svydesign, args)
  base <- design
  steps <- c()
  for (s in spec$steps) {
    vars <- vapply(s$margins, function(m) names(m)[1], "")
    margins <- arr(vapply(s$margins, function(m) {
      kv <- paste(sprintf('"%s":%s', m[[1]], vapply(m$Freq, num, "")), collapse = ",")
      paste0('{"variable":', str(names(m)[1]), ',"population":{', kv, '}}')
    }, ""))
    if (s$kind == "rake") {
      design <- rake(design, lapply(vars, function(v) as.formula(paste("~", v))), s$margins, control = s$control)
      steps <- c(steps, obj(kind = str("rake"), margins = margins, maxit = num(s$control$maxit),
                            epsilon = num(s$control$epsilon)))
    } else {
      design <- postStratify(design, as.formula(paste("~", vars[1])), s$margins[[1]])
      steps <- c(steps, obj(kind = str("postStratify"), margins = margins))
    }
  }
  estimates <- c()
  for (v in c("api00", "enroll", "acs.k3")) {
    f <- as.formula(paste("~", v))
    estimates <- c(estimates, obj(variable = str(v),
                                  mean = stat(svymean(f, design, na.rm = TRUE, deff = TRUE), design),
                                  total = stat(svytotal(f, design, na.rm = TRUE, deff = TRUE), design)))
  }
  ratio <- svyratio(~api00, ~api99, design)
  by <- c()
  for (g in c("stype", "comp.imp")) {
    for (fun in c("mean", "total")) {
      b <- svyby(~api00, as.formula(paste("~", g)), design, if (fun == "mean") svymean else svytotal, deff = TRUE)
      rows <- c()
      for (k in seq_len(nrow(b))) {
        rows <- c(rows, obj(group = str(as.character(b[k, 1])), estimate = num(b[k, "api00"]),
                            se = num(b[k, "se"]), deff = num(b[k, 4])))
      }
      by <- c(by, obj(by = str(g), statistic = str(fun), rows = arr(rows)))
    }
  }
  out_cases <- c(out_cases, obj(
    name = str(spec$name), data = str(paste0(spec$data, ".csv")),
    call = str(paste0("svydesign(ids = ", deparse(spec$ids), if (!is.null(spec$strata)) paste0(", strata = ", deparse(spec$strata)) else "", ", fpc = ", deparse(spec$fpc), if (!is.null(spec$weights)) paste0(", weights = ", deparse(spec$weights)) else "", ")")),
    ids = if (identical(spec$ids, ~1)) "[]" else f2s(spec$ids), strata = f2s(spec$strata), fpc = f2s(spec$fpc),
    weights = f2s(spec$weights), probs = "null", nest = "false", lonely = str("fail"),
    steps = arr(steps), degf = num(degf(design)),
    calibratedWeights = nums(weights(design)),
    estimates = arr(estimates),
    ratio = obj(estimate = num(unname(coef(ratio))[1]), se = num(unname(SE(ratio))[1])),
    by = arr(by),
    uncalibrated = stat(svymean(~api00, base, deff = TRUE), base)))
}
writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/raked_design_reference.R",\n',
                  '  "cases":[\n', paste(out_cases, collapse = ",\n"), '\n]}'),
           file.path(out, "raked-design-reference.json"))
