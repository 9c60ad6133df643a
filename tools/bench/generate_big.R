# The 10,000,000 x 20 file of docs/benchmarks.md (seeded; not committed): country, weight, 20 items.
# Run: Rscript tools/bench/generate_big.R OUTDIR
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "/tmp/pluralstats-bench"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(11)
n <- 10000000L
d <- data.table(B_COUNTRY_ALPHA = sample(c("DNK", "NLD", "GBR", "BRA", "USA", "NGA", "IND", "CHN", "EGY", "IRN"), n, TRUE),
                W_WEIGHT = round(exp(rnorm(n, 0, 0.35)), 5))
for (j in 1:20) {
  mx <- c(2L, 3L, 4L, 5L, 10L)[(j %% 5) + 1]
  x <- sample.int(mx, n, replace = TRUE)
  miss <- runif(n) < 0.05
  x[miss] <- sample(c(-1L, -2L), sum(miss), replace = TRUE)
  set(d, j = sprintf("Q%d", j), value = x)
}
fwrite(d, file.path(out, "big-10m.csv"))
cat("wrote big-10m.csv", nrow(d), "x", ncol(d), "\n")
