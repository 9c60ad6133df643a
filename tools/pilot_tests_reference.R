# Reference values for the pilot survey's missing tests (issue 14, seed 000): Fisher's exact test,
# chi-square warnings, effect sizes beside every test.
#
# Run with Debian's R (r-base-core, r-cran-effectsize):
#   Rscript tools/pilot_tests_reference.R > pluralstats-core/src/test/resources/org/pluralstats/stats/pilot-tests-reference.json
#
# Base R computes fisher.test and chisq.test. Effect sizes come from the effectsize package when it
# is installed (cramers_v, rank_biserial, rank_epsilon_squared) AND from their published formulas
# written out below; the script stops if the two disagree by more than 1e-12, so the fixture records
# formulas that the package itself confirms.
#
#   Cramer's V        V = sqrt(X2 / (N (min(r, c) - 1))), X2 without Yates (Cramer 1946)
#   adjusted V        Bergsma (2013): phi2~ = max(0, X2/N - (r-1)(c-1)/(N-1)),
#                     r~ = r - (r-1)^2/(N-1), c~ = c - (c-1)^2/(N-1), V~ = sqrt(phi2~ / min(r~-1, c~-1))
#   rank-biserial     r = 2 U1 / (n1 n2) - 1;  CI tanh(atanh(r) +- qnorm(0.975) sqrt((n1+n2+1)/(3 n1 n2)))
#   rank epsilon^2    E = H / ((N^2 - 1) / (N + 1))   (Tomczak & Tomczak 2014)
#   V's lower limit   see cramers_low below: effectsize's ncp inversion (its optim result is recorded
#                     too, as *LowEffectsize; the tight root as *LowTight)
#
# fisher.test's odds ratio and interval are roots found by uniroot at its default tolerance
# (~1.2e-4); the script also solves the same equations (fisher.test's own dnhyper/mnhyper/pnhyper)
# with tol = 1e-15 ("tight"), which is what Java's bisection is compared with to 1e-10.

have_es <- requireNamespace("effectsize", quietly = TRUE)

num <- function(x) {
  if (length(x) == 0 || is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "\"Infinity\"" else "\"-Infinity\"")
  sprintf("%.17g", x)
}
arr <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, arr), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf("\"%s\": %s", names(kv), unlist(kv)), collapse = ", "), "}")
}

# ---- fisher.test's odds ratio, solved tightly with fisher.test's own functions ----
tight_or <- function(x2) {
  m <- sum(x2[, 1L]); n <- sum(x2[, 2L]); k <- sum(x2[1L, ]); x <- x2[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m)
  support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) { if (ncp == 0) return(lo); if (ncp == Inf) return(hi); sum(support * dnhyper(ncp)) }
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, n, k, lower.tail = FALSE) else phyper(x, m, n, k))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  tol <- 1e-15
  mle <- function(x) {
    if (x == lo) return(0); if (x == hi) return(Inf)
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha,
                                    c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  c(mle(x), ncp.L(x, 0.025), ncp.U(x, 0.025))
}

chisq_with_warning <- function(t) {
  warned <- FALSE
  r <- withCallingHandlers(chisq.test(t), warning = function(w) {
    if (grepl("Chi-squared approximation may be incorrect", conditionMessage(w), fixed = TRUE)) warned <<- TRUE
    invokeRestart("muffleWarning")
  })
  list(statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value, warning = warned,
       minExpected = min(r$expected))
}

cramers <- function(t, adjust) {
  x2 <- unname(suppressWarnings(chisq.test(t, correct = FALSE))$statistic)
  N <- sum(t); r <- nrow(t); c <- ncol(t)
  if (!adjust) return(sqrt(x2 / (N * (min(r, c) - 1))))
  phi2 <- max(0, x2 / N - (r - 1) * (c - 1) / (N - 1))
  rt <- r - (r - 1)^2 / (N - 1); ct <- c - (c - 1)^2 / (N - 1)
  sqrt(phi2 / min(rt - 1, ct - 1))
}
# Cramer's V's lower 95% limit as effectsize defines it (alternative = "greater": a 90% two-sided ncp
# interval, upper limit 1): lambda_L solves pchisq(X2, df, lambda) = 0.95, 0 if X2 <= qchisq(0.95, df);
# phi_L = sqrt(lambda_L / N), then the same correction and division as the estimate. Solved tightly here.
cramers_low <- function(t, adjust) {
  x2 <- unname(suppressWarnings(chisq.test(t, correct = FALSE))$statistic)
  N <- sum(t); r <- nrow(t); c <- ncol(t); df <- (r - 1) * (c - 1)
  lambda <- if (x2 <= qchisq(0.95, df)) 0 else {
    hi <- max(1, x2); while (pchisq(x2, df, ncp = hi) > 0.95) hi <- 2 * hi
    uniroot(function(l) pchisq(x2, df, ncp = l) - 0.95, c(0, hi), tol = 1e-14)$root
  }
  phi <- sqrt(lambda / N)
  if (!adjust) return(min(1, phi / sqrt(min(r, c) - 1)))
  phi <- sqrt(max(0, phi^2 - df / (N - 1)))
  rt <- r - (r - 1)^2 / (N - 1); ct <- c - (c - 1)^2 / (N - 1)
  min(1, phi / sqrt(min(rt, ct) - 1))
}
agree <- function(a, b, what) {
  if (abs(a - b) > 1e-12) stop(sprintf("%s: formula %.17g, effectsize %.17g", what, a, b))
}

# ---- the pilot samples, read as tools/pilot/pilot_reference.py reads them ----
groups <- c(Arabic = "arabic.csv", Chinese = "chinese.csv", Farsi = "farsi.csv", English = "english.csv")
pilot <- lapply(groups, function(f) {
  d <- read.csv(file.path("data-samples/pilot-survey", f), check.names = FALSE, encoding = "UTF-8",
                fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
  d <- d[, -1]
  d <- d[, !grepl("^email", tolower(names(d)))]
  names(d) <- paste0("Q", seq_len(ncol(d)))
  d$Q4 <- ifelse(grepl("(?<![A-Za-z])B(?![A-Za-z])", d$Q4, perl = TRUE), "B", "A")
  d
})
q4 <- t(sapply(pilot, function(d) c(A = sum(d$Q4 == "A"), B = sum(d$Q4 == "B"))))

tables <- list(
  pilot_q4 = q4,
  tea_2x2 = matrix(c(3, 1, 1, 3), 2, byrow = TRUE),
  skewed_2x2 = matrix(c(10, 2, 3, 15), 2, byrow = TRUE),
  zero_cell_2x2 = matrix(c(0, 5, 4, 3), 2, byrow = TRUE),
  pilot_q4_arabic_english = q4[c("Arabic", "English"), ],
  larger_2x2 = matrix(c(21, 9, 12, 25), 2, byrow = TRUE),
  t2x3 = matrix(c(1, 2, 5, 4, 2, 0), 2, byrow = TRUE),
  t3x2 = matrix(c(6, 1, 2, 5, 3, 3), 3, byrow = TRUE),
  t3x3_ties = matrix(c(1, 2, 3, 3, 2, 1, 2, 2, 2), 3, byrow = TRUE),
  t3x4 = matrix(c(2, 1, 0, 3, 1, 4, 2, 0, 0, 2, 3, 1), 3, byrow = TRUE),
  t3x4_larger = matrix(c(5, 2, 1, 4, 1, 6, 3, 0, 2, 3, 7, 2), 3, byrow = TRUE),
  job_satisfaction_4x4 = matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4)
)

fisher_rows <- c(); chisq_rows <- c()
for (name in names(tables)) {
  t <- tables[[name]]
  storage.mode(t) <- "double"
  ft <- fisher.test(t)
  fields <- list(name = str(name), table = mat(t), p = num(ft$p.value))
  if (all(dim(t) == 2)) {
    tor <- tight_or(t)
    fields <- c(fields, list(oddsRatio = num(unname(ft$estimate)), orLower = num(ft$conf.int[1]),
                             orUpper = num(ft$conf.int[2]), oddsRatioTight = num(tor[1]),
                             orLowerTight = num(tor[2]), orUpperTight = num(tor[3])))
  }
  fisher_rows <- c(fisher_rows, do.call(obj, fields))
  cs <- chisq_with_warning(t)
  v <- cramers(t, FALSE); va <- cramers(t, TRUE)
  vl <- cramers_low(t, FALSE); val <- cramers_low(t, TRUE)
  es_vl <- es_val <- NA
  if (have_es) {
    es_vl <- effectsize::cramers_v(t, adjust = FALSE, ci = 0.95)$CI_low
    es_val <- effectsize::cramers_v(t, adjust = TRUE, ci = 0.95)$CI_low
  }
  if (have_es) {
    agree(v, effectsize::cramers_v(t, adjust = FALSE)$Cramers_v, paste(name, "V"))
    agree(va, effectsize::cramers_v(t, adjust = TRUE)$Cramers_v_adjusted, paste(name, "adjusted V"))
  }
  chisq_rows <- c(chisq_rows, obj(name = str(name), table = mat(t), statistic = num(cs$statistic), df = num(cs$df),
                                  p = num(cs$p), warning = tolower(cs$warning), minExpected = num(cs$minExpected),
                                  cramersV = num(v), cramersVAdjusted = num(va),
                                  cramersVLowTight = num(vl), cramersVAdjustedLowTight = num(val),
                                  cramersVLowEffectsize = num(es_vl), cramersVAdjustedLowEffectsize = num(es_val)))
}

# ---- rank-biserial: every pilot pair of every scale item, and synthetic samples ----
rbs <- function(x, y) {
  n1 <- length(x); n2 <- length(y)
  rk <- rank(c(x, y))
  u1 <- sum(rk[seq_len(n1)]) - n1 * (n1 + 1) / 2
  r <- 2 * u1 / (n1 * n2) - 1
  se <- sqrt((n1 + n2 + 1) / (3 * n1 * n2))
  ci <- tanh(atanh(r) + c(-1, 1) * qnorm(0.975) * se)
  c(r, ci)
}
scale_items <- c("Q1", "Q2", "Q3", "Q5", "Q6")
samples <- list()
for (item in scale_items) {
  for (a in 1:3) for (b in (a + 1):4) {
    samples[[paste(item, names(groups)[a], names(groups)[b])]] <-
      list(x = as.numeric(pilot[[a]][[item]]), y = as.numeric(pilot[[b]][[item]]))
  }
}
samples[["no_ties"]] <- list(x = c(1.5, 3.2, 4.8, 7.1, 2.2), y = c(5.5, 6.1, 8.9, 9.4, 0.3, 7.7))
samples[["separated"]] <- list(x = c(1, 2, 3), y = c(4, 5, 6, 7))
samples[["ties"]] <- list(x = c(1, 2, 2, 3, 3, 3, 5), y = c(2, 3, 3, 4, 4, 6))
rbs_rows <- c()
for (name in names(samples)) {
  s <- samples[[name]]
  v <- rbs(s$x, s$y)
  if (have_es) {
    e <- effectsize::rank_biserial(s$x, s$y, ci = 0.95)
    agree(v[1], e$r_rank_biserial, paste(name, "r")); agree(v[2], e$CI_low, paste(name, "CI_low"))
    agree(v[3], e$CI_high, paste(name, "CI_high"))
  }
  rbs_rows <- c(rbs_rows, obj(name = str(name), x = arr(s$x), y = arr(s$y), r = num(v[1]), ciLow = num(v[2]),
                              ciHigh = num(v[3])))
}

# ---- rank epsilon squared: each pilot scale item over the four groups ----
eps_rows <- c()
for (item in scale_items) {
  values <- lapply(pilot, function(d) as.numeric(d[[item]]))
  x <- unlist(values); g <- factor(rep(names(values), lengths(values)), levels = names(groups))
  kw <- kruskal.test(x, g)
  h <- unname(kw$statistic); N <- length(x)
  e <- h / ((N^2 - 1) / (N + 1))
  if (have_es) agree(e, effectsize::rank_epsilon_squared(x, g, ci = NULL)$rank_epsilon_squared, paste(item, "eps2"))
  eps_rows <- c(eps_rows, obj(name = str(item), groups = paste0("[", paste(vapply(values, arr, ""), collapse = ", "), "]"),
                              h = num(h), p = num(kw$p.value), epsilonSquared = num(e)))
}

# ---- Table 1's pooled row: every respondent of every group together ----
all <- do.call(rbind, lapply(pilot, function(d) d[, c(scale_items, "Q4")]))
pooled_fields <- lapply(scale_items, function(item) num(mean(as.numeric(all[[item]]))))
names(pooled_fields) <- scale_items
pooled_fields$n <- num(nrow(all))
pooled_fields$Q4B <- num(sum(all$Q4 == "B"))
pooled_fields$Q4percentB <- num(100 * mean(all$Q4 == "B"))

cat("{\n")
cat(sprintf(" \"generator\": %s,\n", obj(
  script = str("tools/pilot_tests_reference.R"),
  command = str("Rscript tools/pilot_tests_reference.R"),
  R = str(R.version.string),
  effectsize = str(if (have_es) as.character(packageVersion("effectsize")) else "not installed (formulas only)"),
  programs = str("stats::fisher.test, stats::chisq.test, stats::kruskal.test; effect sizes by formula, checked against effectsize::cramers_v, rank_biserial, rank_epsilon_squared"))))
cat(" \"fisher\": [\n  ", paste(fisher_rows, collapse = ",\n  "), "\n ],\n", sep = "")
cat(" \"chisq\": [\n  ", paste(chisq_rows, collapse = ",\n  "), "\n ],\n", sep = "")
cat(" \"rankBiserial\": [\n  ", paste(rbs_rows, collapse = ",\n  "), "\n ],\n", sep = "")
cat(" \"rankEpsilonSquared\": [\n  ", paste(eps_rows, collapse = ",\n  "), "\n ],\n", sep = "")
cat(" \"pooled\": ", do.call(obj, pooled_fields), "\n", sep = "")
cat("}\n")
