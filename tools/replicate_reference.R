# Reference values for org.pluralstats.design.replicate (issue 14), computed with R survey.
#
#   Rscript tools/replicate_reference.R pluralstats-core/src/test/resources/org/pluralstats/design/replicate
#
# Writes to the output directory:
#   apiclus1.csv, apistrat.csv, scd.csv   the data (numeric columns and the domain variable) as R has them
#   <design>-repweights.csv               each design's replicate weights, one column per replicate, one row per
#                                         respondent, as weights(design, "replication") gives them (multipliers
#                                         for combined.weights = FALSE, analysis weights for TRUE), so that Java
#                                         reads the very same weights
#   replicate-reference.json              per design: type, scale, rscales, combined.weights, mse, degf(design),
#                                         and svymean / svytotal / svyratio / svyby estimates with SE(),
#                                         confint(..., df = degf(design)) at 95% and 90%, and deff(..., deff = TRUE)
#                                         for means and totals (svyratio(deff = TRUE) fails on replicate designs
#                                         in survey 4.1.1: no ratio deff); "Infinity" where R's is Inf (a census:
#                                         the weights sum to n, so the SRS variance is 0)
#
# Designs:
#   clus1-jk1        as.svrepdesign(svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc), type="JK1")
#   clus1-jk1-nofpc  the same without fpc
#   clus1-jk1-combined-mse  svrepdesign(repweights = analysis weights of clus1-jk1, weights=~pw, type="JK1",
#                    scale = clus1-jk1's, combined.weights=TRUE, mse=TRUE)
#                    (also svyby over district637 = dnum == 637, a domain that is one cluster)
#   strat-jkn        as.svrepdesign(svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc), type="JKn")
#   strat-other      svrepdesign(type="other", repweights = strat-jkn's multipliers, weights=~pw, scale=1,
#                    rscales = strat-jkn's rscales, combined.weights=FALSE)
#   scd-brr          ?svrepdesign's example: svrepdesign(data=scd, type="BRR", repweights=2*cbind(...),
#                    combined.weights=FALSE) (no weights: equal probability, weights 1)
#   scd-fay          the same half-samples as Fay weights 1.7/0.3, type="Fay", rho=0.3
#   clus1-boot       as.svrepdesign(dclus1, type="bootstrap", replicates=50) with set.seed(14): the weights are
#                    read back by Java (checks the estimator, not the draw)
#   clus1-boot-svrep svrepdesign(type="bootstrap", repweights = clus1-boot's multipliers, weights=~pw,
#                    combined.weights=FALSE): the default scale 1/(R-1)
# plus the Taylor-linearised svymean(~api00, dclus1) and svymean(~api00, dstrat) (for the Java bootstrap's SE check).
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/design/replicate"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

num <- function(x) {
  if (length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  s <- sprintf("%.17g", x)
  if (as.numeric(s) != x) stop("formatting does not round-trip: ", s)
  s
}
nums <- function(v) paste0("[", paste(vapply(as.numeric(v), num, ""), collapse = ","), "]")
str <- function(x) paste0('"', gsub('"', '\\\\"', x), '"')

write_numeric_csv <- function(df, file) {
  cols <- lapply(df, function(c) if (is.numeric(c)) vapply(as.numeric(c), num, "") else as.character(c))
  lines <- c(paste(names(df), collapse = ","), do.call(paste, c(cols, sep = ",")))
  writeLines(lines, file.path(out, file))
}
write_repweights <- function(design, file) {
  m <- as.matrix(weights(design, "replication"))
  colnames(m) <- paste0("rep", seq_len(ncol(m)))
  write_numeric_csv(as.data.frame(m), file)
}

data(api)
data(scd)
options(survey.replicates.mse = FALSE)
apiclus1$district637 <- ifelse(apiclus1$dnum == 637, "yes", "no")
write_numeric_csv(data.frame(dnum = apiclus1$dnum, pw = apiclus1$pw, fpc = apiclus1$fpc, api00 = apiclus1$api00,
                             api99 = apiclus1$api99, enroll = apiclus1$enroll, stype = as.character(apiclus1$stype),
                             district637 = apiclus1$district637),
                  "apiclus1.csv")
write_numeric_csv(data.frame(stype = as.character(apistrat$stype), pw = apistrat$pw, fpc = apistrat$fpc,
                             api00 = apistrat$api00, api99 = apistrat$api99, enroll = apistrat$enroll,
                             awards = as.character(apistrat$awards)), "apistrat.csv")
write_numeric_csv(scd, "scd.csv")

deff_of <- function(s, i = 1) if (is.null(attr(s, "deff")) && !inherits(s, "svyby")) NA else unname(deff(s))[i]
numd <- function(x) if (length(x) == 1 && !is.na(x) && is.infinite(x)) '"Infinity"' else num(x)
est_json <- function(name, variable, s, df) {
  ci95 <- confint(s, df = df)
  ci90 <- confint(s, df = df, level = 0.90)
  sprintf('{"statistic":%s,"variable":%s,"estimate":%s,"se":%s,"deff":%s,"ci95":[%s,%s],"ci90":[%s,%s]}',
          str(name), str(variable), num(unname(coef(s))[1]), num(unname(SE(s))[1]), numd(deff_of(s)),
          num(ci95[1, 1]), num(ci95[1, 2]), num(ci90[1, 1]), num(ci90[1, 2]))
}
by_json <- function(name, variable, by, s, df) {
  hasdeff <- any(grepl("^DEff", names(s)))
  ci95 <- confint(s, df = df)
  ci90 <- confint(s, df = df, level = 0.90)
  rows <- vapply(seq_len(nrow(s)), function(i)
    sprintf('{"domain":%s,"estimate":%s,"se":%s,"deff":%s,"ci95":[%s,%s],"ci90":[%s,%s]}', str(as.character(s[i, 1])),
            num(unname(coef(s))[i]), num(unname(SE(s))[i]), if (hasdeff) numd(unname(deff(s))[i]) else "null", num(ci95[i, 1]), num(ci95[i, 2]),
            num(ci90[i, 1]), num(ci90[i, 2])), "")
  sprintf('{"statistic":%s,"variable":%s,"by":%s,"domains":[%s]}', str(name), str(variable), str(by),
          paste(rows, collapse = ","))
}

cases <- c()
add_design <- function(id, design, data, repfile, y, x, tot, by, extra = c()) {
  df <- degf(design)
  f <- function(v) as.formula(paste0("~", v))
  ests <- c(est_json("mean", y, svymean(f(y), design, deff = TRUE), df),
            est_json("total", tot, svytotal(f(tot), design, deff = TRUE), df),
            est_json("ratio", paste0(y, "/", x), svyratio(f(y), f(x), design), df))
  bys <- c(by_json("mean", y, by, svyby(f(y), f(by), design, svymean, deff = TRUE), df),
           by_json("total", tot, by, svyby(f(tot), f(by), design, svytotal, deff = TRUE), df),
           by_json("ratio", paste0(y, "/", x), by, svyby(f(y), f(by), design, svyratio, denominator = f(x)), df))
  bys <- c(bys, extra)
  mse <- if (is.null(design$mse)) FALSE else design$mse
  cases <<- c(cases, sprintf(paste0('    {"id":%s,"data":%s,"repweights":%s,"type":%s,"replicates":%d,"scale":%s,',
                                    '"rscales":%s,"rho":%s,"combinedWeights":%s,"mse":%s,"degf":%s,"print":%s,\n',
                                    '     "estimates":[\n      %s],\n     "byDomain":[\n      %s]}'),
                             str(id), str(data), str(repfile), str(design$type), ncol(as.matrix(weights(design, "replication"))),
                             num(design$scale), nums(design$rscales), if (is.null(design$rho)) "null" else num(design$rho),
                             tolower(design$combined.weights), tolower(mse), num(df),
                             str(tail(capture.output(print(design)), 1)),
                             paste(ests, collapse = ",\n      "), paste(bys, collapse = ",\n      ")))
}

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
rclus1 <- as.svrepdesign(dclus1, type = "JK1")
write_repweights(rclus1, "clus1-jk1-repweights.csv")
# a domain that is one cluster: the replicate deleting it has no estimate and svrVar drops it (with a warning)
lonely <- suppressWarnings(svyby(~api00, ~district637, rclus1, svymean))
add_design("clus1-jk1", rclus1, "apiclus1.csv", "clus1-jk1-repweights.csv", "api00", "api99", "enroll", "stype",
           by_json("mean", "api00", "district637", lonely, degf(rclus1)))

rclus1n <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus1), type = "JK1")
write_repweights(rclus1n, "clus1-jk1-nofpc-repweights.csv")
add_design("clus1-jk1-nofpc", rclus1n, "apiclus1.csv", "clus1-jk1-nofpc-repweights.csv", "api00", "api99", "enroll", "stype")

combined <- as.matrix(weights(rclus1, "analysis"))
rclus1c <- svrepdesign(data = apiclus1, repweights = combined, weights = ~pw, type = "JK1", scale = rclus1$scale,
                       combined.weights = TRUE, mse = TRUE)
write_repweights(rclus1c, "clus1-jk1-combined-repweights.csv")
add_design("clus1-jk1-combined-mse", rclus1c, "apiclus1.csv", "clus1-jk1-combined-repweights.csv", "api00", "api99", "enroll", "stype")

dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
rstrat <- as.svrepdesign(dstrat, type = "JKn")
write_repweights(rstrat, "strat-jkn-repweights.csv")
add_design("strat-jkn", rstrat, "apistrat.csv", "strat-jkn-repweights.csv", "api00", "api99", "enroll", "awards")

rstrato <- svrepdesign(data = apistrat, repweights = as.matrix(weights(rstrat, "replication")), weights = ~pw,
                       type = "other", scale = 1, rscales = rstrat$rscales, combined.weights = FALSE)
add_design("strat-other", rstrato, "apistrat.csv", "strat-jkn-repweights.csv", "api00", "api99", "enroll", "awards")

halves <- cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1), c(0, 1, 0, 1, 1, 0))
scdrep <- suppressWarnings(svrepdesign(data = scd, type = "BRR", repweights = 2 * halves, combined.weights = FALSE))
write_repweights(scdrep, "scd-brr-repweights.csv")
add_design("scd-brr", scdrep, "scd.csv", "scd-brr-repweights.csv", "alive", "arrests", "arrests", "ESA")

scdfay <- suppressWarnings(svrepdesign(data = scd, type = "Fay", rho = 0.3, repweights = ifelse(halves == 1, 1.7, 0.3),
                                       combined.weights = FALSE))
write_repweights(scdfay, "scd-fay-repweights.csv")
add_design("scd-fay", scdfay, "scd.csv", "scd-fay-repweights.csv", "alive", "arrests", "arrests", "ESA")

set.seed(14)
bclus1 <- suppressWarnings(as.svrepdesign(dclus1, type = "bootstrap", replicates = 50))
write_repweights(bclus1, "clus1-boot-repweights.csv")
add_design("clus1-boot", bclus1, "apiclus1.csv", "clus1-boot-repweights.csv", "api00", "api99", "enroll", "stype")

bclus1s <- svrepdesign(data = apiclus1, repweights = as.matrix(weights(bclus1, "replication")), weights = ~pw,
                       type = "bootstrap", combined.weights = FALSE)
add_design("clus1-boot-svrep", bclus1s, "apiclus1.csv", "clus1-boot-repweights.csv", "api00", "api99", "enroll", "stype")

taylor <- svymean(~api00, dclus1)
taylor_strat <- svymean(~api00, dstrat)
taylor_nofpc <- svymean(~api00, svydesign(id = ~dnum, weights = ~pw, data = apiclus1))

writeLines(paste0('{\n  "program":', str(program), ',\n  "script":"tools/replicate_reference.R",\n',
                  '  "definition":"estimates: coef/SE/confint(svymean|svytotal|svyratio(~y, design), df = degf(design)); byDomain: svyby(~y, ~by, design, FUN) with confint(..., df = degf(design))",\n',
                  '  "taylorClus1":{"design":"svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc)","mean":"api00","estimate":',
                  num(unname(coef(taylor))), ',"se":', num(unname(SE(taylor))), ',"seWithoutFpc":', num(unname(SE(taylor_nofpc))), '},\n',
                  '  "taylorStrat":{"design":"svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc)","mean":"api00","estimate":',
                  num(unname(coef(taylor_strat))), ',"se":', num(unname(SE(taylor_strat))), '},\n',
                  '  "designs":[\n', paste(cases, collapse = ",\n"), '\n  ]\n}'),
           file.path(out, "replicate-reference.json"))
cat("wrote", file.path(out, "replicate-reference.json"), "\n")
