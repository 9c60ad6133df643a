# Reference values for org.pluralstats.regress.MixedModel, computed with lme4.
#
#   Rscript tools/regress_reference.R DESIGN_DIR OUT.json
#
# Called by tools/regress_reference.py, which writes to DESIGN_DIR a manifest.json and, for every mixed
# case, NAME.csv holding the response y, the patsy design matrix x0, x1, ... and the group label g.
# Each case is fitted as lmer(y ~ 0 + x0 + x1 + ... + (1 | g), REML = reml) with tight optimiser
# tolerances, so the fixed effects are in patsy's (statsmodels') order and parameterisation. Writes
# fixef, sqrt(diag(vcov)), the group variance (VarCorr), sigma^2, logLik (the REML criterion's
# log-likelihood for REML fits), theta and the predicted random effects, with 17 significant digits.
suppressMessages({
  library(lme4)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- args[2]
manifest <- fromJSON(file.path(dir, "manifest.json"), simplifyVector = FALSE)
cases <- list()
for (m in manifest) {
  d <- read.csv(file.path(dir, paste0(m$name, ".csv")), colClasses = c(g = "character"))
  xs <- grep("^x[0-9]+$", names(d), value = TRUE)
  f <- as.formula(paste("y ~ 0 +", paste(xs, collapse = " + "), "+ (1 | g)"))
  ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-12),
                      check.conv.singular = "ignore")
  fit <- lmer(f, data = d, REML = m$reml, control = ctrl)
  vc <- as.data.frame(VarCorr(fit))
  re <- ranef(fit)$g
  cases[[length(cases) + 1]] <- list(
    name = m$name, data = m$data, formula = m$formula, groups = m$groups, reml = m$reml,
    names = unlist(m$names),
    fixef = unname(fixef(fit)),
    se = unname(sqrt(diag(as.matrix(vcov(fit))))),
    group_var = vc$vcov[vc$grp == "g"],
    sigma2 = sigma(fit)^2,
    llf = as.numeric(logLik(fit, REML = m$reml)),
    theta = unname(getME(fit, "theta")),
    random_effects = setNames(as.list(re[, 1]), rownames(re))
  )
}
program <- sprintf("R %s.%s, lme4 %s, lmer(y ~ 0 + X + (1 | g), REML) with bobyqa rhoend = 1e-12",
                   R.version$major, R.version$minor, packageVersion("lme4"))
doc <- list(generator = list(script = "tools/regress_reference.R",
                             command = "Rscript tools/regress_reference.R DESIGN_DIR OUT.json (run by tools/regress_reference.py)",
                             R = paste(R.version$major, R.version$minor, sep = "."),
                             lme4 = as.character(packageVersion("lme4")),
                             Matrix = as.character(packageVersion("Matrix")),
                             program = program),
            cases = cases)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = I(17), pretty = TRUE), out)
