# Writes the small WVS-style samples in data-samples/wvs-sample/ with R haven (CSV, .sav, .zsav, .dta).
# Synthetic data shaped like WVS Wave 7 (variable names, codes, missing codes, weights) and like the
# joint EVS/WVS 2017-2022 file; seeded, so re-running gives the same files.
# Run: Rscript tools/wvs-sample/make_wvs_sample.R data-samples/wvs-sample
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "data-samples/wvs-sample"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(20261122)

countries <- data.frame(
  alpha = c("DNK", "NLD", "GBR", "BRA", "USA", "NGA"),
  num   = c(208, 528, 826, 76, 840, 566),
  lang  = c("da", "nl", "en", "pt", "en", "en"),
  n     = c(60, 55, 70, 65, 80, 50),
  stringsAsFactors = FALSE)

# items: name, max code, label, labels of the points (1..max)
items <- list(
  list(name = "Q1", max = 4, label = "Important in life: Family",
       labels = c("Very important", "Rather important", "Not very important", "Not at all important")),
  list(name = "Q2", max = 4, label = "Important in life: Friends",
       labels = c("Very important", "Rather important", "Not very important", "Not at all important")),
  list(name = "Q6", max = 4, label = "Important in life: Religion",
       labels = c("Very important", "Rather important", "Not very important", "Not at all important")),
  list(name = "Q33", max = 5, label = "Jobs scarce: Men should have more right to a job than women",
       labels = c("Agree strongly", "Agree", "Neither agree nor disagree", "Disagree", "Disagree strongly")),
  list(name = "Q57", max = 2, label = "Most people can be trusted",
       labels = c("Most people can be trusted", "Need to be very careful")),
  list(name = "Q164", max = 10, label = "Importance of God", labels = c("Not at all important", rep(NA, 8), "Very important")),
  list(name = "Q182", max = 10, label = "Justifiable: Homosexuality", labels = c("Never justifiable", rep(NA, 8), "Always justifiable")),
  list(name = "Q184", max = 10, label = "Justifiable: Abortion", labels = c("Never justifiable", rep(NA, 8), "Always justifiable")),
  list(name = "Q199", max = 4, label = "Interest in politics",
       labels = c("Very interested", "Somewhat interested", "Not very interested", "Not at all interested")),
  list(name = "Q235", max = 4, label = "Political system: Having a strong leader",
       labels = c("Very good", "Fairly good", "Fairly bad", "Very bad")),
  list(name = "Q240", max = 10, label = "Left-right political scale", labels = c("Left", rep(NA, 8), "Right")),
  list(name = "Q46", max = 3, label = "Feeling of happiness (3-point recode)",
       labels = c("Happy", "Not very happy", "Not at all happy")))

rows <- do.call(rbind, lapply(seq_len(nrow(countries)), function(i) {
  c0 <- countries[i, ]
  data.frame(B_COUNTRY = c0$num, B_COUNTRY_ALPHA = c0$alpha, S_INTLANGUAGE = c0$lang,
             shift = rnorm(1, 0, 0.8), stringsAsFactors = FALSE)[rep(1, c0$n), ]
}))
n <- nrow(rows)
w7 <- data.frame(
  B_COUNTRY = rows$B_COUNTRY,
  B_COUNTRY_ALPHA = rows$B_COUNTRY_ALPHA,
  D_INTERVIEW = as.numeric(rows$B_COUNTRY) * 1e5 + ave(seq_len(n), rows$B_COUNTRY, FUN = seq_along),
  S_INTLANGUAGE = rows$S_INTLANGUAGE,
  W_WEIGHT = round(exp(rnorm(n, 0, 0.35)), 5),
  S018 = round(exp(rnorm(n, 0, 0.1)), 5),
  stringsAsFactors = FALSE)
for (it in items) {
  latent <- rows$shift + rnorm(n)
  p <- pnorm(latent)
  x <- pmax(1, pmin(it$max, ceiling(p * it$max)))
  # WVS missing codes: -1 don't know, -2 no answer, -4 not asked (whole country for one item)
  r <- runif(n)
  x[r < 0.04] <- -1
  x[r >= 0.04 & r < 0.06] <- -2
  if (it$name == "Q57") x[w7$B_COUNTRY_ALPHA == "NGA"] <- -4
  w7[[it$name]] <- x
}

missing_labels <- c("Don't know" = -1, "No answer" = -2, "Not applicable" = -3, "Not asked" = -4,
                    "Missing; Unknown" = -5)
labelled_w7 <- w7
var_label <- function(x, l) { attr(x, "label") <- l; x }
labelled_w7$B_COUNTRY <- var_label(labelled(w7$B_COUNTRY,
  setNames(countries$num, c("Denmark", "Netherlands", "Great Britain", "Brazil", "United States", "Nigeria"))),
  "ISO 3166-1 numeric country code")
labelled_w7$B_COUNTRY_ALPHA <- var_label(w7$B_COUNTRY_ALPHA, "ISO 3166-1 alpha-3 country code")
labelled_w7$D_INTERVIEW <- var_label(w7$D_INTERVIEW, "Interview ID")
labelled_w7$S_INTLANGUAGE <- var_label(w7$S_INTLANGUAGE, "Language in which interview was conducted")
labelled_w7$W_WEIGHT <- var_label(w7$W_WEIGHT, "Weight")
labelled_w7$S018 <- var_label(w7$S018, "Equilibrated weight-1000")
for (it in items) {
  pts <- seq_len(it$max)
  lab <- it$labels
  keep <- !is.na(lab)
  codes <- c(setNames(pts[keep], lab[keep]), missing_labels)
  labelled_w7[[it$name]] <- labelled_spss(w7[[it$name]], codes, na_range = c(-5, -1), label = it$label)
}

write.csv(w7, file.path(out, "wvs7-sample.csv"), row.names = FALSE, na = "")
write_sav(labelled_w7, file.path(out, "wvs7-sample.sav"), compress = "byte")
write_sav(labelled_w7, file.path(out, "wvs7-sample.zsav"), compress = "zsav")
write_dta(zap_missing(labelled_w7) |> (\(d) { for (it in items) d[[it$name]] <- labelled(w7[[it$name]],
  c(setNames(seq_len(it$max)[!is.na(it$labels)], it$labels[!is.na(it$labels)]), missing_labels),
  label = it$label); d })(), file.path(out, "wvs7-sample.dta"), version = 14)

# Joint EVS/WVS style: same respondents, joint-file names (semicolon CSV like Waves 4-6 for variety)
alpha2 <- c(DNK = "DK", NLD = "NL", GBR = "GB", BRA = "BR", USA = "US", NGA = "NG")
joint <- data.frame(
  cntry = w7$B_COUNTRY,
  cntry_AN = unname(alpha2[w7$B_COUNTRY_ALPHA]),
  uniqid = w7$D_INTERVIEW,
  lnge_iso = w7$S_INTLANGUAGE,
  gwght = w7$W_WEIGHT,
  pwght = round(exp(rnorm(n, 0, 0.2)), 5),
  A001 = w7$Q1, A002 = w7$Q2, A006 = w7$Q6, C001 = w7$Q33, A165 = w7$Q57, F063 = w7$Q164,
  F118 = w7$Q182, F120 = w7$Q184, E023 = w7$Q199, E114 = w7$Q235, E033 = w7$Q240,
  stringsAsFactors = FALSE)
write.table(joint, file.path(out, "joint-sample.csv"), sep = ";", row.names = FALSE, na = "", quote = FALSE)
cat("wrote", n, "respondents to", out, "\n")
