# Reference values of SPSS portable files as R's foreign::read.spss reads them (the reader derived from
# PSPP's pfm-read.c), written as JSON for org.pluralstats.io.por.PortableReaderReferenceTest.
# Usage: Rscript por_reference.R OUT.json FILE.por...
# Numbers are written as "%.17g" strings (exact round trip), NA as null; strings with trailing blanks
# removed, as pluralstats' CaseReader.string() returns them.
suppressPackageStartupMessages({ library(foreign); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
num <- function(x) ifelse(is.na(x), NA_character_, sprintf("%.17g", x))
files <- list()
for (f in args[-1]) {
  d <- suppressWarnings(read.spss(f, to.data.frame = FALSE, use.value.labels = FALSE,
                                   use.missings = FALSE, trim_values = FALSE, reencode = FALSE))
  labs <- attr(d, "label.table"); vlabs <- attr(d, "variable.labels"); miss <- attr(d, "missings")
  vars <- list()
  for (name in names(d)) {
    x <- d[[name]]
    numeric <- is.numeric(x)
    lt <- labs[[name]]
    value_labels <- if (is.null(lt)) list() else
      lapply(seq_along(lt), function(i) list(value = if (numeric) num(as.numeric(lt[[i]])) else sub(" +$", "", lt[[i]]),
                                              label = names(lt)[i]))
    m <- miss[[name]]
    v <- list(name = name, numeric = numeric, label = unname(if (is.null(vlabs[[name]])) "" else vlabs[[name]]),
              value_labels = value_labels,
              missing_type = m$type,
              missing_values = if (is.null(m$value)) list() else
                as.list(if (numeric) num(m$value) else sub(" +$", "", m$value)),
              n = length(x),
              non_missing = sum(!is.na(x)))
    if (numeric) {
      v$sum <- num(sum(x, na.rm = TRUE))
      if (length(x) <= 20) v$values <- as.list(num(x)) else v$first <- as.list(num(head(x, 20)))
    } else {
      s <- sub(" +$", "", x)
      if (length(x) <= 20) v$values <- as.list(s) else v$first <- as.list(head(s, 20))
      v$total_chars <- sum(nchar(s, type = "bytes"))
    }
    vars[[length(vars) + 1]] <- v
  }
  files[[basename(f)]] <- list(rows = length(d[[1]]), variables = vars)
}
writeLines(toJSON(list(program = paste("R", getRversion(), "foreign", packageVersion("foreign")),
                       files = files), auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null"), out)
