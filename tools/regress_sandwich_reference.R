#!/usr/bin/env Rscript
# Reference standard errors from R's sandwich package for org.pluralstats.regress.Ols robust covariances.
# Run from the repository root after tools/regress_reference.py (it reads mixed_synthetic.csv):
#
#     Rscript tools/regress_sandwich_reference.R
#
# Writes pluralstats-core/src/test/resources/org/pluralstats/regress/ols_robust_sandwich.json: for
# lm(alignment ~ consistency*language + multilingual), sqrt(diag(vcovHC(fit, type))) for HC0..HC3 and
# sqrt(diag(vcovCL(fit, cluster = ~model_name, type = "HC1"))) (cadjust = TRUE: G/(G-1) (n-1)/(n-k), the
# same correction as statsmodels' cluster default). Coefficient names are rewritten to patsy's
# (Intercept, language[T.Dutch], consistency:language[T.Dutch]).
suppressMessages({library(sandwich); library(jsonlite)})
out <- "pluralstats-core/src/test/resources/org/pluralstats/regress"
d <- read.csv(file.path(out, "mixed_synthetic.csv"))
formula <- "alignment ~ consistency*language + multilingual"
fit <- lm(as.formula(formula), data = d)
patsy <- function(n) gsub("language([A-Za-z]+)", "language[T.\\1]", sub("(Intercept)", "Intercept", n, fixed = TRUE))
cases <- list()
for (t in c("HC0", "HC1", "HC2", "HC3", "cluster")) {
  v <- if (t == "cluster") vcovCL(fit, cluster = ~model_name, type = "HC1") else vcovHC(fit, type = t)
  cases[[length(cases) + 1]] <- list(name = paste0("sandwich_", t), data = "mixed_synthetic.csv",
                                     formula = formula, cov_type = t,
                                     cluster = if (t == "cluster") "model_name" else NA,
                                     names = patsy(names(coef(fit))), bse = unname(sqrt(diag(v))))
}
gen <- list(script = "tools/regress_sandwich_reference.R", command = "Rscript tools/regress_sandwich_reference.R",
            R = paste(R.version$major, R.version$minor, sep = "."),
            sandwich = as.character(packageVersion("sandwich")),
            program = "sandwich::vcovHC(lm(...), type) and sandwich::vcovCL(lm(...), cluster, type = \"HC1\")")
writeLines(toJSON(list(generator = gen, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out, "ols_robust_sandwich.json"))
