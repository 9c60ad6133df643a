# Writes a tiny WVS Wave 7 file laid out as the official release is: S_INTLANGUAGE a numeric code with
# value labels, LNGE_ISO the ISO 639 code as a string (the sample in data-samples/wvs-sample/ puts ISO
# codes in S_INTLANGUAGE, which hides the difference). Synthetic values; the codes are illustrative.
# Also writes the reference counts per language as R haven reads them.
# Run: Rscript tools/wvs-sample/make_official_layout.R pluralstats-core/src/test/resources/org/pluralstats/io/wvs
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/io/wvs"
set.seed(20261203)
langs <- data.frame(code = c(1040, 1090, 1130), iso = c("da", "en", "nl"),
                    label = c("Danish", "English", "Dutch"), stringsAsFactors = FALSE)
country <- c(rep("DNK", 5), rep("GBR", 6), rep("NLD", 4), rep("DNK", 1))
lang <- c(rep(1, 5), rep(2, 6), rep(3, 4), 2)   # one respondent in Denmark interviewed in English
n <- length(country)
d <- data.frame(
  B_COUNTRY = c(DNK = 208, GBR = 826, NLD = 528)[country],
  B_COUNTRY_ALPHA = country,
  D_INTERVIEW = seq_len(n),
  S_INTLANGUAGE = labelled(langs$code[lang], setNames(langs$code, langs$label), label = "Language in which interview was conducted"),
  LNGE_ISO = langs$iso[lang],
  W_WEIGHT = round(exp(rnorm(n, 0, 0.3)), 5),
  Q57 = labelled(sample(1:2, n, replace = TRUE), c("Most people can be trusted" = 1, "Need to be very careful" = 2),
                 label = "Most people can be trusted"),
  stringsAsFactors = FALSE)
rownames(d) <- NULL
write_sav(d, file.path(out, "wvs7-official-layout.sav"))
write_dta(d, file.path(out, "wvs7-official-layout.dta"), version = 15)
back <- read_sav(file.path(out, "wvs7-official-layout.sav"))
counts <- table(back$LNGE_ISO)
codes <- table(as.numeric(back$S_INTLANGUAGE))
cat(sprintf("# R %s, haven %s: %s\n", getRversion(), packageVersion("haven"), "tools/wvs-sample/make_official_layout.R"),
    file = file.path(out, "wvs7-official-layout-reference.txt"))
cat(paste0("LNGE_ISO,", names(counts), ",", as.integer(counts), collapse = "\n"), "\n", sep = "",
    file = file.path(out, "wvs7-official-layout-reference.txt"), append = TRUE)
cat(paste0("S_INTLANGUAGE,", names(codes), ",", as.integer(codes), collapse = "\n"), "\n", sep = "",
    file = file.path(out, "wvs7-official-layout-reference.txt"), append = TRUE)
