# Writes the haven/ReadStat-made Stata fixtures for the StataReader tests.
#
#   Rscript tools/make_stata_fixtures.R <output-directory>
#
# One small data frame is written in every .dta release haven's bundled ReadStat can write:
# 110 and 111 through haven's internal writer (haven:::write_dta_, which takes the release number),
# 113/114/115/117/118/119 through write_dta(version = 8/10/12/13/14/15). ReadStat writes
# little-endian files only; the big-endian fixtures come from pandas (make_stata_fixtures.py).
# Content: a long (R integer), doubles with tagged missing values .a/.b/.z and system missing,
# a labelled double whose value labels include tagged-missing labels (.d, .r), variable labels,
# a dataset label, short strings (str#) and, from release 117, long strings that ReadStat stores as
# strL. Non-ASCII text only from release 118 (UTF-8): for releases <= 117 haven writes its UTF-8
# bytes unchanged, which no Stata of that age would do.
suppressPackageStartupMessages(library(haven))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[[1]] else "."

make_frame <- function(release) {
  tagged <- release >= 113
  utf8 <- release >= 118
  tna <- function(tag) if (tagged) tagged_na(tag) else NA_real_
  df <- data.frame(
    id = 1:12,
    score = c(1.5, -2.25, 3.125, tna("a"), 1e10, NA, tna("b"), 0, -0.5, tna("z"), 42, 7.75),
    flag = c(TRUE, FALSE, NA, TRUE, TRUE, FALSE, FALSE, NA, TRUE, FALSE, TRUE, TRUE),
    name = if (utf8) c("alpha", "Zürich", "", "日本語", "delta", "emoji \U0001F600", "g", "h",
                       "", "Ωmega", "k", "last")
           else c("alpha", "beta", "", "gamma", "delta", "epsilon", "g", "h", "", "omega", "k", "last"),
    stringsAsFactors = FALSE)
  agree_labels <- c(1, 2, 3)
  names(agree_labels) <- c(if (utf8) "Très d'accord" else "Strongly agree", "Neutral", "Disagree")
  if (tagged) {
    agree_labels <- c(agree_labels, Refused = tagged_na("r"), "Don't know" = tagged_na("d"))
  }
  df$agree <- labelled(c(1, 2, 3, 1, 2, tna("r"), 3, NA, 1, 2, 3, tna("d")), agree_labels,
                       label = if (utf8) "Accord avec l'énoncé" else "Agreement with the statement")
  attr(df$score, "label") <- "A score with extended missing values"
  attr(df$id, "label") <- "Row number"
  if (release >= 117) {
    long <- strrep("lorem ipsum dolor sit amet ", 90)          # 2430 bytes: forces strL
    df$essay <- c(long, "short", "", "short", paste0(long, "!"), "x", "", "y", "z", "short", "", "end")
    attr(df$essay, "label") <- "A strL variable"
  }
  df
}

write_release <- function(release) {
  df <- make_frame(release)
  path <- file.path(out, sprintf("haven_%d.dta", release))
  label <- sprintf("haven %s, release %d", as.character(packageVersion("haven")), release)
  version <- c(`113` = 8, `114` = 10, `115` = 12, `117` = 13, `118` = 14, `119` = 15)[as.character(release)]
  if (is.na(version)) {
    # Releases 110 and 111 are not exposed by write_dta(); its internal writer takes them directly.
    haven:::write_dta_(df, normalizePath(path, mustWork = FALSE), version = release,
                       label = label, strl_threshold = 2045)
  } else {
    write_dta(df, path, version = version, label = label)
  }
  invisible(path)
}

for (release in c(110, 111, 113, 114, 115, 117, 118, 119)) {
  cat("wrote", write_release(release), "\n")
}

# Labels of tagged missing values on a small variable (issue 10): haven keeps "Refused" = .a and
# "Don't know" = .d as labels, so must every reader.
tagged_labels <- function(version, release) {
  df <- data.frame(id = 1:6)
  df$answer <- labelled(c(1, tagged_na("a"), 2, tagged_na("d"), NA, tagged_na("a")),
                        c(No = 1, Yes = 2, Refused = tagged_na("a"), "Don't know" = tagged_na("d")),
                        label = "Answer with labelled missing values")
  path <- file.path(out, sprintf("haven_%d_tagged_labels.dta", release))
  write_dta(df, path, version = version)
  path
}
cat("wrote", tagged_labels(12, 115), "\n")
cat("wrote", tagged_labels(14, 118), "\n")
