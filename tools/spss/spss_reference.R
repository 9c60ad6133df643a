# Reference values for the SPSS reader tests, computed by R haven (ReadStat) from every fixture file.
# Usage: Rscript spss_reference.R FIXTURE_DIR   (writes FIXTURE_DIR/reference.json)
#
# Per file: the row count, and per variable its name, label, type, value labels, declared
# user-missing values (read_sav(user_na = TRUE)), and
#   sum / n:          sum and count of values that are neither system- nor user-missing
#                     (read_sav() default, which turns user-missing values into NA)
#   sum_all / n_all:  the same over every value that is not system-missing (user_na = TRUE)
#   cells:            raw values (user_na = TRUE) of rows 1, 2, the middle row and the last row
# haven converts SPSS date/time formats to R classes; they are turned back into SPSS seconds
# (since 1582-10-14) so that they compare with the raw numbers a system file holds.
suppressPackageStartupMessages({ library(haven); library(jsonlite) })
dir <- commandArgs(TRUE)[1]
files <- sort(list.files(dir, pattern = "\\.z?sav$"))
spss_epoch <- 12219379200  # seconds from 1582-10-14 to 1970-01-01

as_spss_number <- function(x) {
  if (inherits(x, "Date")) return(as.numeric(x) * 86400 + spss_epoch)
  if (inherits(x, "POSIXct")) return(as.numeric(x) + spss_epoch)
  as.numeric(unclass(x))
}
num_or_text <- function(v) {
  # JSON has no infinities: LO and HI bounds are written as the strings "-Inf" and "Inf".
  lapply(v, function(z) if (is.infinite(z)) ifelse(z > 0, "Inf", "-Inf") else z)
}
rtrim <- function(s) sub(" +$", "", s)

describe <- function(f) {
  # ReadStat reads no cases from an uncompressed file whose case count is unknown (-1), so the
  # *_unknown_cases.sav copies (identical data, see sav_tool.py) take the values of their source.
  source <- sub("_unknown_cases", "", f)
  path <- file.path(dir, source)
  raw <- read_sav(path, user_na = TRUE)
  valid <- read_sav(path)
  n <- nrow(raw)
  rows <- unique(c(1, 2, (n + 1) %/% 2, n))
  rows <- rows[rows >= 1 & rows <= n]
  vars <- lapply(names(raw), function(name) {
    x <- raw[[name]]
    y <- valid[[name]]
    numeric <- !is.character(unclass(x))
    labels <- attr(x, "labels")
    vl <- if (is.null(labels)) list() else
      lapply(seq_along(labels), function(k) list(value = if (numeric) unname(labels[[k]]) else rtrim(labels[[k]]),
                                                 label = names(labels)[k]))
    na_values <- attr(x, "na_values")
    na_range <- attr(x, "na_range")
    out <- list(name = name, label = if (is.null(attr(x, "label"))) "" else attr(x, "label"),
                type = if (numeric) "numeric" else "string", value_labels = vl,
                missing_values = if (is.null(na_values)) list() else
                  if (numeric) num_or_text(unname(na_values)) else as.list(rtrim(na_values)),
                missing_range = if (is.null(na_range)) NULL else num_or_text(unname(na_range)))
    if (numeric) {
      a <- as_spss_number(x)
      b <- as_spss_number(y)
      out$sum <- sum(b, na.rm = TRUE); out$n <- sum(!is.na(b))
      out$sum_all <- sum(a, na.rm = TRUE); out$n_all <- sum(!is.na(a))
      out$cells <- lapply(rows, function(r) list(row = r - 1, value = if (is.na(a[r])) NULL else a[r]))
    } else {
      s <- rtrim(as.character(unclass(x)))
      out$cells <- lapply(rows, function(r) list(row = r - 1, value = s[r]))
    }
    out
  })
  list(file = f, values_from = source, rows = n, variables = vars)
}

ref <- list(program = paste0("R ", getRversion(), ", haven ", packageVersion("haven")),
            script = "tools/spss/spss_reference.R", files = lapply(files, describe))
writeLines(toJSON(ref, auto_unbox = TRUE, null = "null", digits = NA, pretty = TRUE), file.path(dir, "reference.json"))
cat("wrote", file.path(dir, "reference.json"), "for", length(files), "files\n")
