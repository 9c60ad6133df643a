# String value labels whose keys are longer than the variable's width, as R haven writes them.
# Usage: Rscript haven_label_keys.R OUTDIR (run by tools/spss/edge_fixtures.py)
#   haven_label_keys.sav       code (A4) labelled "LT001" and "LT00": type 3 records hold 8-byte keys,
#                              and haven reads back both keys whole.
#   haven_long_label_keys.sav  answer (A19) labelled with a 26-byte key in record 7.21: haven writes
#                              it but cannot read it back ("Invalid file").
suppressPackageStartupMessages(library(haven))
out <- commandArgs(TRUE)[1]
d <- data.frame(id = 1:3)
d$code <- labelled(c("LT00", "LT01", "XX"), labels = c("Lithuania one" = "LT001", "LT zero" = "LT00"))
write_sav(d, file.path(out, "haven_label_keys.sav"))
d <- data.frame(id = 1:3)
d$answer <- labelled(c("abcdefghijklmnopqrs", "refused", "x"),
                     labels = c("too long key" = "abcdefghijklmnopqrstuvwxyz", "short" = "x"))
write_sav(d, file.path(out, "haven_long_label_keys.sav"))
