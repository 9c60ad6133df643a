# Reference values for the StataReader tests, as R haven reads each fixture.
#
#   Rscript tools/stata_reference.R <fixture-directory> <output.json> [file-to-skip ...]
#
# For every .dta file in the directory (except those named after the JSON path) this records what
# haven::read_dta() returns: the row count, the dataset label, and per variable its name, variable
# label, type (numeric or string), value labels (numeric keys, and separately the labels haven
# attaches to tagged missing values .a-.z), every cell (numbers written with 17 significant
# digits at most, so they read back as the same doubles; null for any missing value), the rows holding system missing
# "." and the rows holding each extended missing value .a-.z, and for numeric variables the sum and
# count of the non-missing values.
#
# read_dta() turns %td and %tc variables into Date and POSIXct; those are converted back to Stata's
# raw numbers (days and milliseconds since 1960-01-01) so the reference holds what the file stores.
#
# Known difference: for releases <= 117 haven decodes str# values and labels as windows-1252 but
# passes strL contents through as raw bytes (so UTF-8 bytes in a 117 strL come out as UTF-8 text);
# StataReader decodes both as windows-1252. The tests compare those strLs byte for byte.
suppressPackageStartupMessages({
  library(haven)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- args[[1]]
out <- args[[2]]
skip <- if (length(args) > 2) args[3:length(args)] else character()

verbatim <- function(text) structure(text, class = "json")

# The shortest of %.15g / %.17g that reads back as the same double.
exact <- function(x) {
  short <- sprintf("%.15g", x)
  same <- suppressWarnings(as.numeric(short)) == x
  ifelse(!is.na(same) & same, short, sprintf("%.17g", x))
}

num17 <- function(x) {
  verbatim(paste0("[", paste(ifelse(is.na(x), "null", exact(x)), collapse = ","), "]"))
}

raw_numbers <- function(x) {
  if (inherits(x, "Date")) return(as.numeric(x) + 3653)
  # haven divides %tc milliseconds by 1000; rounding to 0.001 ms undoes the rounding error that adds.
  if (inherits(x, "POSIXct")) return(round((as.numeric(x) + 315619200) * 1000, 3))
  as.numeric(unclass(zap_labels(x)))
}

describe_variable <- function(name, x) {
  label <- attr(x, "label", exact = TRUE)
  v <- list(name = name, label = if (is.null(label)) "" else label)
  if (is.character(x)) {
    v$type <- "string"
    v$values <- I(unname(as.character(x)))
    return(v)
  }
  raw <- raw_numbers(x)
  tags <- if (is.double(x)) na_tag(unclass(x)) else rep(NA_character_, length(x))
  v$type <- "numeric"
  v$values <- num17(raw)
  v$n <- sum(!is.na(raw))
  v$sum <- verbatim(exact(sum(raw, na.rm = TRUE)))
  v$system_missing <- I(which(is.na(raw) & is.na(tags)) - 1)
  tagged <- list()
  for (t in sort(unique(tags[!is.na(tags)]))) tagged[[t]] <- I(which(tags == t) - 1)
  v$tagged <- if (length(tagged)) tagged else setNames(list(), character())
  labels <- attr(x, "labels", exact = TRUE)
  v$value_labels <- list()
  v$missing_labels <- setNames(list(), character())
  if (!is.null(labels)) {
    ltags <- na_tag(unclass(labels))
    plain <- !is.na(labels)
    v$value_labels <- unname(Map(function(value, text) list(value = value, label = text),
                                 as.numeric(labels[plain]), names(labels)[plain]))
    for (i in which(!is.na(ltags))) v$missing_labels[[ltags[[i]]]] <- names(labels)[[i]]
  }
  v
}

files <- sort(list.files(dir, pattern = "\\.dta$"))
files <- setdiff(files, skip)
entries <- lapply(files, function(f) {
  d <- read_dta(file.path(dir, f))
  label <- attr(d, "label", exact = TRUE)
  list(file = f,
       rows = nrow(d),
       label = if (is.null(label)) "" else label,
       variables = unname(Map(describe_variable, names(d), as.list(d))))
})

doc <- list(
  program = sprintf("R %s, haven %s (ReadStat), read_dta() with default encoding",
                    paste(R.version$major, R.version$minor, sep = "."), packageVersion("haven")),
  script = "tools/stata_reference.R",
  files = entries)
writeLines(toJSON(doc, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE, null = "null",
                  na = "null"), out, useBytes = TRUE)
cat("wrote", out, "for", length(entries), "files\n")
