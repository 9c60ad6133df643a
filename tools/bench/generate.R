# Generates the benchmark files of docs/benchmarks.md (seeded; not committed: they are large).
#   wave7-scale: 100,000 respondents x 600 numeric items (WVS codes -5..10) + weight + 4 strings
#   long:        1,000,000 rows x 100 numeric variables
# each as CSV (data.table::fwrite), .sav (haven, bytecode-compressed) and .dta (haven, release 118).
# Run: Rscript tools/bench/generate.R OUTDIR
suppressMessages({ library(haven); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "/tmp/pluralstats-bench"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(7)

make <- function(rows, items, strings) {
  d <- data.table(D_INTERVIEW = seq_len(rows))
  if (strings) {
    cc <- c("DNK", "NLD", "GBR", "BRA", "USA", "NGA", "IND", "CHN", "EGY", "IRN")
    d[, B_COUNTRY_ALPHA := sample(cc, rows, replace = TRUE)]
    d[, LNGE_ISO := sample(c("da", "nl", "en", "pt", "hi", "zh", "ar", "fa"), rows, replace = TRUE)]
    d[, D_DATE := sprintf("2019-%02d-%02d", sample(1:12, rows, TRUE), sample(1:28, rows, TRUE))]
    d[, N_REGION := sample(sprintf("Region %d", 1:40), rows, TRUE)]
    d[, W_WEIGHT := round(exp(rnorm(rows, 0, 0.35)), 5)]
  }
  for (j in seq_len(items)) {
    mx <- c(2L, 3L, 4L, 5L, 10L)[(j %% 5) + 1]
    x <- sample.int(mx, rows, replace = TRUE)
    miss <- runif(rows) < 0.05
    x[miss] <- sample(c(-1L, -2L, -4L, -5L), sum(miss), replace = TRUE)
    set(d, j = sprintf("Q%d", j), value = x)
  }
  d
}

write_all <- function(d, name) {
  fwrite(d, file.path(out, paste0(name, ".csv")))
  write_sav(d, file.path(out, paste0(name, ".sav")), compress = "byte")
  write_dta(d, file.path(out, paste0(name, ".dta")), version = 14)
  cat("wrote", name, nrow(d), "x", ncol(d), "\n")
}

write_all(make(100000, 600, TRUE), "wave7-scale")
write_all(make(1000000, 99, FALSE), "long")
