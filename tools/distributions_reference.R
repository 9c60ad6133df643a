# Reference values for org.pluralstats.distribution (answer distributions from survey microdata),
# computed with R survey.
#
#   Rscript tools/distributions_reference.R data-samples/wvs-sample pluralstats-core/src/test/resources/org/pluralstats/distribution
#
# Writes to the output directory:
#   synthetic.csv               a small WVS-style file (B_COUNTRY_ALPHA, SEX, W_WEIGHT, Q1 ordinal 1..4,
#                               Q2 binary 1..2) with the missing codes -1 don't know, -2 no answer,
#                               -3 not applicable, -4 not asked, -5 unknown; set.seed(13)
#   distributions-reference.json
#     per population x question:
#       valid options: svymean(~Q, svydesign(ids = ~1, weights = ~w, data = <P's respondents with a valid
#         answer to Q>)) with Q = factor(code, levels = every valid code of Q in the file, ascending),
#         its SE, and the logit CI of svyciprop(~I(Q == k), design, method = "logit") (closed form
#         expit(logit(p) +- qt(0.975, m - 1) se / (p (1 - p))), checked here against svyciprop itself);
#         n = m (respondents with a valid answer), count = respondents choosing the option,
#         nEff = sum(w)^2 / sum(w^2) over the m.
#       missing reasons: the same over ALL of P's respondents (svydesign on all of P, status factor =
#         the valid answers pooled as one level, each missing reason its own level); n = |P|.
#
# Numbers are written with 17 significant digits so that they read back as the same doubles.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
samples <- if (length(args) > 0) args[1] else "data-samples/wvs-sample"
out <- if (length(args) > 1) args[2] else "pluralstats-core/src/test/resources/org/pluralstats/distribution"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

set.seed(13)
N <- 90
syn <- data.frame(
  B_COUNTRY_ALPHA = sample(c("AAA", "BBB", "CCC"), N, replace = TRUE),
  SEX = sample(1:2, N, replace = TRUE),
  W_WEIGHT = round(runif(N, 0.3, 2.5), 5),
  Q1 = sample(c(1:4, -1, -2, -3), N, replace = TRUE, prob = c(.25, .25, .2, .15, .07, .05, .03)),
  Q2 = sample(c(1:2, -1, -4, -5), N, replace = TRUE, prob = c(.45, .4, .07, .05, .03)),
  stringsAsFactors = FALSE)
write.csv(syn, file.path(out, "synthetic.csv"), row.names = FALSE)

num <- function(x) if (is.na(x) || !is.finite(x)) "null" else formatC(x, digits = 17, format = "g")
str <- function(s) toJSON(s, auto_unbox = TRUE)
reasons <- c("-1" = "dont_know", "-2" = "no_answer", "-3" = "not_applicable", "-4" = "not_asked", "-5" = "unknown")
expit <- function(x) 1 / (1 + exp(-x))

logit_ci <- function(p, se, df) {
  if (!(p > 0 && p < 1)) return(c(NA, NA))
  t <- qt(0.975, df)
  expit(log(p / (1 - p)) + c(-1, 1) * t * se / (p * (1 - p)))
}

rows_for <- function(pop, q, f, w) {
  # f: a factor over the design's rows; one JSON row per level
  des <- svydesign(ids = ~1, weights = ~w, data = data.frame(f = f, w = w))
  est <- svymean(~f, des)
  p <- as.vector(coef(est)); se <- as.vector(SE(est))
  m <- length(w)
  neff <- sum(w)^2 / sum(w^2)
  out <- character(0)
  for (k in seq_along(levels(f))) {
    ci <- logit_ci(p[k], se[k], m - 1)
    if (p[k] > 0 && p[k] < 1) {
      des$variables$hit <- as.numeric(f == levels(f)[k])
      ref <- attr(svyciprop(~hit, des, method = "logit"), "ci")
      if (max(abs(ref - ci)) > 1e-6) stop("logit CI differs from svyciprop: ", pop, " ", q, " ", levels(f)[k])
    }
    out <- c(out, sprintf('{"population":%s,"question":%s,"code":%s,"base":%s,"share":%s,"se":%s,"ciLower":%s,"ciUpper":%s,"n":%d,"count":%d,"nEff":%s}',
        str(pop), str(q), str(levels(f)[k]), str(attr(f, "base")), num(p[k]), num(se[k]), num(ci[1]), num(ci[2]),
        m, sum(f == levels(f)[k]), num(neff)))
  }
  out
}

one_case <- function(file, d, by, weight, questions) {
  pop <- do.call(paste, c(lapply(by, function(b) as.character(d[[b]])), sep = " \u00d7 "))
  w <- d[[weight]]
  rows <- character(0)
  for (P in unique(pop)) {
    idx <- which(pop == P)
    for (q in questions) {
      x <- d[[q]]
      valid <- !is.na(x) & !(x %in% -5:-1)
      codes <- sort(unique(x[valid]))
      sel <- idx[valid[idx]]
      if (length(sel) > 0) {
        f <- factor(x[sel], levels = codes, labels = as.character(codes))
        attr(f, "base") <- "valid"
        rows <- c(rows, rows_for(P, q, f, w[sel]))
      }
      present <- names(reasons)[names(reasons) %in% as.character(x[!valid])]
      if (length(present) > 0) {
        status <- ifelse(valid[idx], "valid", reasons[as.character(x[idx])])
        f <- factor(status, levels = c("valid", reasons[present]))
        attr(f, "base") <- "all"
        r <- rows_for(P, q, f, w[idx])
        rows <- c(rows, r[-1])  # the pooled "valid" level is 1 - the missing shares; not a row
      }
    }
  }
  sprintf('{"data":%s,"by":%s,"weight":%s,"questions":%s,"rows":[\n%s]}', str(file), toJSON(by), str(weight),
          toJSON(questions), paste(rows, collapse = ",\n"))
}

wvs <- read.csv(file.path(samples, "wvs7-sample.csv"), stringsAsFactors = FALSE)
items <- fromJSON(file.path(samples, "items.json"))$items$id
cases <- c(
  one_case("wvs7-sample.csv", wvs, "B_COUNTRY_ALPHA", "W_WEIGHT", items),
  one_case("wvs7-sample.csv", wvs, "S_INTLANGUAGE", "W_WEIGHT", items[1:4]),
  one_case("synthetic.csv", syn, c("B_COUNTRY_ALPHA", "SEX"), "W_WEIGHT", c("Q1", "Q2")))
writeLines(c("{", sprintf('  "program":%s,', str(program)),
             '  "script":"tools/distributions_reference.R",',
             '  "definition":"per population P (rows sharing the --by values; intersections joined by \\" × \\") and question Q: svymean(~factor(Q), svydesign(ids=~1, weights=~w, data=<P respondents with a valid answer to Q>)), SE, logit CI of svyciprop (t on m-1 df); missing reasons: the same over all of P with the valid answers pooled",',
             '  "cases":[', paste(cases, collapse = ",\n"), "]}"),
           file.path(out, "distributions-reference.json"))
