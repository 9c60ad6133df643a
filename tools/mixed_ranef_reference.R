# Reference values for the conditional variances of the random intercepts and the profile intervals of
# the variance components of org.pluralstats.regress.MixedModel, computed with lme4.
#
#   Rscript tools/mixed_ranef_reference.R
#
# Run from the repository root. Writes to pluralstats-core/src/test/resources/org/pluralstats/regress/:
#   near_boundary_synthetic.csv  y ~ x with 10 unequal groups (sizes 4..13) and a group SD small against
#                                the residual SD (set.seed(15)), so the profile of the group SD reaches 0
#   mixed_ranef_lme4.json        per case (REML and ML fits of two data sets):
#     theta, sigma               getME(fit, "theta"), sigma(fit) after refining theta with optimize() on
#                                lme4's own profiled criterion (lmer(..., devFunOnly = TRUE), tol 1e-14)
#     ranef, cond_var            ranef(fit, condVar = TRUE) and attr(, "postVar") of that refined fit
#     profile_exact              the exact 95% profile limits of .sig01 and .sigma: uniroot (tol 1e-14) of
#                                zeta(s) = sign(s - s_hat) sqrt(d(s) - d_min) = -+qnorm(0.975), where d is
#                                lme4:::devfun2 (the ML deviance in (.sig01, .sigma), fixed effects
#                                profiled) minimised by optimize() over the other SD; 0 where the lower
#                                side never reaches -qnorm(0.975). lme4 profiles the ML deviance for
#                                REML fits too (devfun2 calls refitML), so both fits of a data set agree.
#     profile_confint            confint(fit, method = "profile") as lme4 prints it (spline interpolation)
suppressMessages({
  library(lme4)
  library(jsonlite)
})
out_dir <- file.path("pluralstats-core", "src", "test", "resources", "org", "pluralstats", "regress")

set.seed(15)
sizes <- 4:13
g <- rep(sprintf("g%02d", seq_along(sizes)), sizes)
x <- rnorm(length(g))
u <- rnorm(length(sizes), 0, 0.15)[match(g, sprintf("g%02d", seq_along(sizes)))]
near <- data.frame(y = 1 + 0.5 * x + u + rnorm(length(g)), x = x, g = g)
write.csv(near, file.path(out_dir, "near_boundary_synthetic.csv"), row.names = FALSE)

cases <- list(
  list(name = "unbalanced_reml", data = "mixed_synthetic.csv", formula = "alignment ~ consistency + language",
       groups = "model_name", reml = TRUE),
  list(name = "unbalanced_ml", data = "mixed_synthetic.csv", formula = "alignment ~ consistency + language",
       groups = "model_name", reml = FALSE),
  list(name = "near_boundary_reml", data = "near_boundary_synthetic.csv", formula = "y ~ x", groups = "g",
       reml = TRUE),
  list(name = "near_boundary_ml", data = "near_boundary_synthetic.csv", formula = "y ~ x", groups = "g",
       reml = FALSE))

z <- qnorm(0.975)
ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-12),
                    check.conv.singular = "ignore")

refine <- function(f, d, reml) {
  fit <- lmer(f, data = d, REML = reml, control = ctrl)
  devfun <- lmer(f, data = d, REML = reml, control = ctrl, devFunOnly = TRUE)
  th <- getME(fit, "theta")
  opt <- optimize(devfun, c(th * 0.9, th * 1.1 + 1e-8), tol = 1e-14)
  if (opt$objective < devfun(th)) th <- opt$minimum
  devfun(th)
  rho <- environment(devfun)
  mkMerMod(rho, list(par = th, fval = devfun(th), conv = 0, message = ""), lFormula(f, d, REML = reml)$reTrms,
           lFormula(f, d, REML = reml)$fr)
}

exact_profile <- function(fit) {
  dd <- lme4:::devfun2(fit)
  o <- attr(dd, "optimum")            # ML estimates .sig01, .sigma
  span <- c(1e-12, 1e3)
  prof_sig01 <- function(s) optimize(function(t) dd(c(s, t)), c(o[2] * 0.2, o[2] * 5), tol = 1e-14)$objective
  prof_sigma <- function(t) {
    f <- function(s) dd(c(s, t))
    best <- optimize(f, c(0, o[1] * 10 + 10 * t), tol = 1e-14)
    min(best$objective, f(0))
  }
  dmin <- min(optimize(function(s) prof_sig01(s), c(0, o[1] * 2 + 1e-6), tol = 1e-14)$objective, dd(o[1:2]))
  zeta <- function(pf, est) function(v) sign(v - est) * sqrt(max(pf(v) - dmin, 0))
  z1 <- zeta(prof_sig01, o[1])
  z2 <- zeta(prof_sigma, o[2])
  root <- function(zf, target, a, b) uniroot(function(v) zf(v) - target, c(a, b), tol = 1e-14)$root
  s01_lo <- if (z1(0) > -z) 0 else root(z1, -z, 0, o[1])
  s01_hi <- root(z1, z, o[1], o[1] * 3 + o[2])
  sg_lo <- root(z2, -z, o[2] * 0.3, o[2])
  sg_hi <- root(z2, z, o[2], o[2] * 3)
  list(sig01_ml = unname(o[1]), sigma_ml = unname(o[2]), deviance_ml = dmin,
       sig01 = c(s01_lo, s01_hi), sigma = c(sg_lo, sg_hi))
}

res <- list()
for (c in cases) {
  d <- read.csv(file.path(out_dir, c$data), colClasses = setNames("character", c$groups))
  f <- as.formula(paste(c$formula, "+ (1 |", c$groups, ")"))
  fit <- refine(f, d, c$reml)
  fit0 <- lmer(f, data = d, REML = c$reml, control = ctrl)
  re <- ranef(fit, condVar = TRUE)[[c$groups]]
  pv <- attr(re, "postVar")[1, 1, ]
  ci <- suppressWarnings(confint(fit0, parm = c(".sig01", ".sigma"), method = "profile", oldNames = TRUE))
  res[[length(res) + 1]] <- list(
    name = c$name, data = c$data, formula = c$formula, groups = c$groups, reml = c$reml,
    theta = unname(getME(fit, "theta")), sigma = sigma(fit),
    group_var = unname(getME(fit, "theta"))^2 * sigma(fit)^2,
    ranef = setNames(as.list(re[, 1]), rownames(re)),
    cond_var = setNames(as.list(pv), rownames(re)),
    profile_exact = exact_profile(fit),
    profile_confint = list(sig01 = unname(ci[".sig01", ]), sigma = unname(ci[".sigma", ])))
}
doc <- list(generator = list(script = "tools/mixed_ranef_reference.R",
                             command = "Rscript tools/mixed_ranef_reference.R",
                             R = paste(R.version$major, R.version$minor, sep = "."),
                             lme4 = as.character(packageVersion("lme4")),
                             Matrix = as.character(packageVersion("Matrix")),
                             program = "lmer(formula + (1 | g)), ranef(condVar = TRUE), lme4:::devfun2 + uniroot, confint(method = 'profile')"),
            cases = res)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = I(17), pretty = TRUE),
           file.path(out_dir, "mixed_ranef_lme4.json"))
