# Reference values for ReplicateDesign.proportion and ReplicateDesign.quantile (issue 14), computed with R survey.
#
#   Rscript tools/replicate_estimators_reference.R pluralstats-core/src/test/resources/org/pluralstats/design/replicate
#
# The designs are those of tools/replicate_reference.R, built the same way (its replicate-weight CSVs are the ones
# the Java tests read; this script checks that its designs' weights equal them):
#   clus1-jk1               as.svrepdesign(svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc), type="JK1")
#   clus1-jk1-combined-mse  the same analysis weights as svrepdesign(combined.weights=TRUE, mse=TRUE)
#   strat-jkn               as.svrepdesign(svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc), type="JKn")
#   scd-brr, scd-fay        ?svrepdesign's BRR half-samples, and as Fay weights 1.7/0.3 (rho = 0.3)
#
# Writes to the output directory:
#   apiclus1-estimators.csv, apistrat-estimators.csv, scd-estimators.csv
#       the indicator "yes" (0/1) per respondent, in the order of apiclus1.csv, apistrat.csv, scd.csv:
#       sch.wide == "Yes" for api, alive > 40 for scd
#   replicate-estimators-reference.json, per design and for the whole sample and each domain (subset(design,
#   by == d); for the api designs also checked equal to svyby(…, FUN) at 95%), at levels 0.95 and 0.90:
#     proportions     svyciprop(~I(yes == 1), design, method = m, level) for m in logit, mean, xlogit, asin:
#                     coef, SE, confint as R prints them (logit: from svyglm's IRLS at glm's default epsilon 1e-8)
#     logitConverged  the same logit interval with the fit converged: expit of coef and of
#                     confint(svyglm(yes ~ 1, design, family = quasibinomial, control = glm.control(epsilon = 1e-15,
#                     maxit = 100)), 1, level, method = "Wald", ddf = degf(design))
#     quantiles       svyquantile(~v, design, p, qrule = r, alpha = 1 - level) (interval.type = "mean", the default:
#                     Woodruff) for p in .25, .5, .75 and r in math, hf7: quantile, se, ci (null where R's is NaN)
#   degf is that of the (sub)design, as svyciprop and svyquantile use it.
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/design/replicate"
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

num <- function(x) {
  if (length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  s <- sprintf("%.17g", x)
  if (as.numeric(s) != x) stop("formatting does not round-trip: ", s)
  s
}
str <- function(x) if (is.null(x)) "null" else paste0('"', x, '"')
same_weights <- function(design, file) {
  m <- as.matrix(weights(design, "replication"))
  f <- as.matrix(read.csv(file.path(out, file)))
  stopifnot(max(abs(unname(m) - unname(f))) == 0)
}

data(api)
data(scd)
options(survey.replicates.mse = FALSE)
apiclus1$yes <- as.numeric(apiclus1$sch.wide == "Yes")
apistrat$yes <- as.numeric(apistrat$sch.wide == "Yes")
scd$yes <- as.numeric(scd$alive > 40)
writeLines(c("yes", apiclus1$yes), file.path(out, "apiclus1-estimators.csv"))
writeLines(c("yes", apistrat$yes), file.path(out, "apistrat-estimators.csv"))
writeLines(c("yes", scd$yes), file.path(out, "scd-estimators.csv"))

levels <- c(0.95, 0.90)
methods <- c("logit", "mean", "xlogit", "asin")
probs <- c(0.25, 0.5, 0.75)
rules <- c("math", "hf7")

one_domain <- function(des, dom, v) {
  props <- c()
  conv <- c()
  quants <- c()
  df <- degf(des)
  for (level in levels) {
    for (m in methods) {
      cp <- svyciprop(~I(yes == 1), des, method = m, level = level)
      ci <- attr(cp, "ci")
      props <- c(props, sprintf('{"method":%s,"domain":%s,"level":%s,"degf":%s,"estimate":%s,"se":%s,"ci":[%s,%s]}',
                                str(m), str(dom), num(level), num(df), num(unname(coef(cp))[1]), num(unname(SE(cp))[1]),
                                num(ci[1]), num(ci[2])))
    }
    fit <- svyglm(yes ~ 1, des, family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100))
    ci <- plogis(confint(fit, 1, level = level, method = "Wald", ddf = df))
    conv <- c(conv, sprintf('{"domain":%s,"level":%s,"estimate":%s,"ci":[%s,%s]}', str(dom), num(level),
                            num(plogis(unname(coef(fit))[1])), num(ci[1]), num(ci[2])))
    for (r in rules) {
      q <- svyquantile(as.formula(paste0("~", v)), des, probs, qrule = r, alpha = 1 - level)[[1]]
      for (k in seq_along(probs)) {
        quants <- c(quants, sprintf('{"rule":%s,"p":%s,"domain":%s,"level":%s,"estimate":%s,"se":%s,"ci":[%s,%s]}',
                                    str(r), num(probs[k]), str(dom), num(level), num(q[k, 1]), num(q[k, 4]),
                                    num(q[k, 2]), num(q[k, 3])))
      }
    }
  }
  list(props = props, conv = conv, quants = quants)
}

# svyby on the replicate design subsets rows, as subset() does: the same numbers at 95%
check_svyby <- function(design, by, v) {
  f <- as.formula(paste0("~", by))
  for (m in methods) {
    b <- svyby(~I(yes == 1), f, design, svyciprop, method = m, vartype = c("se", "ci"))
    for (i in seq_len(nrow(b))) {
      cp <- svyciprop(~I(yes == 1), design[design$variables[[by]] == b[i, 1], ], method = m)
      stopifnot(isTRUE(all.equal(unname(c(coef(cp), SE(cp), attr(cp, "ci"))),
                                 unname(unlist(b[i, c(2, 3, 4, 5)])), tolerance = 1e-15)))
    }
  }
  for (r in rules) {
    b <- svyby(as.formula(paste0("~", v)), f, design, svyquantile, quantiles = probs, qrule = r, ci = TRUE,
               vartype = c("se", "ci"))
    for (i in seq_len(nrow(b))) {
      q <- svyquantile(as.formula(paste0("~", v)), design[design$variables[[by]] == b[i, 1], ], probs, qrule = r)[[1]]
      stopifnot(isTRUE(all.equal(unname(c(q[, 1], q[, 4], q[, 2], q[, 3])), unname(unlist(b[i, -1])),
                                 tolerance = 1e-15)))
    }
  }
}

cases <- c()
add_design <- function(id, design, data, extra, v, by = NULL) {
  parts <- list(one_domain(design, NULL, v))
  if (!is.null(by)) {
    check_svyby(design, by, v)
    for (d in sort(unique(as.character(design$variables[[by]])))) {
      parts[[length(parts) + 1]] <- one_domain(design[design$variables[[by]] == d, ], d, v)
    }
  }
  glue <- function(k) paste(unlist(lapply(parts, `[[`, k)), collapse = ",\n      ")
  cases <<- c(cases, sprintf(paste0('    {"id":%s,"data":%s,"extra":%s,"indicator":"yes","variable":%s,"by":%s,"degf":%s,\n',
                                    '     "proportions":[\n      %s],\n     "logitConverged":[\n      %s],\n',
                                    '     "quantiles":[\n      %s]}'),
                             str(id), str(data), str(extra), str(v), str(by), num(degf(design)),
                             glue("props"), glue("conv"), glue("quants")))
}

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
rclus1 <- as.svrepdesign(dclus1, type = "JK1")
same_weights(rclus1, "clus1-jk1-repweights.csv")
add_design("clus1-jk1", rclus1, "apiclus1.csv", "apiclus1-estimators.csv", "api00", "stype")

rclus1c <- svrepdesign(data = apiclus1, repweights = as.matrix(weights(rclus1, "analysis")), weights = ~pw,
                       type = "JK1", scale = rclus1$scale, combined.weights = TRUE, mse = TRUE)
same_weights(rclus1c, "clus1-jk1-combined-repweights.csv")
add_design("clus1-jk1-combined-mse", rclus1c, "apiclus1.csv", "apiclus1-estimators.csv", "api00", "stype")

rstrat <- as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc), type = "JKn")
same_weights(rstrat, "strat-jkn-repweights.csv")
add_design("strat-jkn", rstrat, "apistrat.csv", "apistrat-estimators.csv", "api00", "awards")

halves <- cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1), c(0, 1, 0, 1, 1, 0))
scdrep <- suppressWarnings(svrepdesign(data = scd, type = "BRR", repweights = 2 * halves, combined.weights = FALSE))
same_weights(scdrep, "scd-brr-repweights.csv")
add_design("scd-brr", scdrep, "scd.csv", "scd-estimators.csv", "arrests")
scdfay <- suppressWarnings(svrepdesign(data = scd, type = "Fay", rho = 0.3, repweights = ifelse(halves == 1, 1.7, 0.3),
                                       combined.weights = FALSE))
same_weights(scdfay, "scd-fay-repweights.csv")
add_design("scd-fay", scdfay, "scd.csv", "scd-estimators.csv", "arrests")

writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/replicate_estimators_reference.R",\n',
                  '  "definition":"proportions: svyciprop(~I(yes == 1), d, method, level); logitConverged: svyglm(yes ~ 1, d, quasibinomial, epsilon = 1e-15) Wald interval with ddf = degf(d); quantiles: svyquantile(~v, d, p, qrule, alpha = 1 - level); d = the design or subset(design, by == domain)",\n',
                  '  "designs":[\n', paste(cases, collapse = ",\n"), '\n  ]\n}'),
           file.path(out, "replicate-estimators-reference.json"))
cat("wrote", file.path(out, "replicate-estimators-reference.json"), "\n")
