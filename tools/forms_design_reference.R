# Reference values for the design-based Forms summaries (issue 14: "the Forms summaries ... take a design"),
# with R survey.
#
#   Rscript tools/forms_design_reference.R pluralstats-core/src/test/resources/org/pluralstats/compare
#
# Writes three synthetic Google Forms exports in the pilot survey's layout (Sheet-style timestamps; the
# pilot's English headers for two 1-10 scale items and the Model A/B choice; a few skipped answers), each
# with three added design columns: weight (a sampling weight), cluster (the respondent's PSU) and stratum;
# one export per group, each group a separate sample:
#   forms-design-english.csv, forms-design-farsi.csv, forms-design-chinese.csv
# and forms-design-reference.csv: per design x group x item (x option), with design_g the group's own design
#   design "weights":  svydesign(ids = ~1, weights = ~weight, data = d_g)
#   design "clusters": svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d_g)
#   scale items:  svymean(~Q, design_g, na.rm = TRUE), SE, confint(..., df = degf(design_g))
#   checkbox item Q4 ("ChatGPT, Gemini"), each option: the same for ticked = option among the item's answers
#   choice items: svyciprop(~I(Q == option), subset(design_g, !is.na(Q)), method = "logit",
#                 df = degf(design_g)), with SE(svymean) of the same indicator
# numbers with 17 significant digits.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/compare"
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

headers <- c("Timestamp",
  "Current AI tools such as ChatGPT reflect my cultural and ethical values well.",
  "I would prefer an AI assistant that is explicitly tuned to the values of my culture.",
  "Which AI assistant would you choose?",
  "Which AI assistants have you used?",
  "weight", "cluster", "stratum")
optA <- "Model A: highest accuracy, built on general (mostly Western) values"
optB <- "Model B: slightly lower accuracy, but aligned with the values of my culture"
groups <- c(English = 24L, Farsi = 30L, Chinese = 27L)
set.seed(20250514)
data <- list()
for (g in names(groups)) {
  n <- groups[[g]]
  stratum <- rep(c("north", "south"), length.out = n)
  # three clusters per stratum, ids unique across strata
  cluster <- paste0(substr(stratum, 1, 1), (seq_len(n) %/% 2) %% 3 + 1)
  q1 <- sample(1:10, n, replace = TRUE); q1[1] <- 10L
  q2 <- sample(1:10, n, replace = TRUE); q2[2] <- 1L
  q3 <- ifelse(runif(n) < 0.6, optB, optA); q3[1:2] <- c(optA, optB)
  tools <- c("ChatGPT", "Gemini", "Claude")
  q4 <- vapply(seq_len(n), function(i) paste(tools[runif(3) < c(0.7, 0.4, 0.3)], collapse = ", "), "")
  q4[1:3] <- c("ChatGPT", "Gemini", "Claude")  # single answers: the Sheet export's ", " then reads as a separator
  q4[q4 == ""] <- "ChatGPT"
  q1[c(5, 11)] <- NA  # skipped answers
  q3[c(7)] <- NA
  q4[c(9)] <- NA
  weight <- round(runif(n, 0.5, 3), 4) * ifelse(stratum == "north", 1, 1.7)
  stamp <- format(as.POSIXct("2025-05-13 08:00:00", tz = "UTC") + 3600 * 7 * seq_len(n), "%d/%m/%Y %H:%M:%S")
  d <- data.frame(stamp, q1, q2, q3, q4, weight, cluster, stratum, stringsAsFactors = FALSE)
  names(d) <- headers
  write.csv(d, file.path(out, sprintf("forms-design-%s.csv", tolower(g))), row.names = FALSE, na = "",
            fileEncoding = "UTF-8")
  data[[g]] <- data.frame(Q1 = q1, Q2 = q2, Q3 = q3, Q4 = q4, weight = weight, cluster = cluster, stratum = stratum,
                          stringsAsFactors = FALSE)
}

num <- function(x) formatC(x, digits = 17, format = "g")
rows <- character()
for (dn in c("weights", "clusters")) {
  for (g in names(groups)) {
    d <- data[[g]]
    des <- if (dn == "weights") svydesign(ids = ~1, weights = ~weight, data = d)
           else svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d)
    df <- degf(des)
    for (q in c("Q1", "Q2")) {
      m <- svymean(as.formula(paste0("~", q)), des, na.rm = TRUE)
      ci <- confint(m, df = df)
      rows <- c(rows, paste(dn, g, q, "", sum(!is.na(d[[q]])), num(coef(m)), num(SE(m)), num(ci[1]), num(ci[2]),
                            df, sep = ","))
    }
    for (opt in c(optA, optB)) {
      sub <- subset(des, !is.na(Q3))
      f <- as.formula(sprintf("~I(Q3 == \"%s\")", opt))
      p <- svyciprop(f, sub, method = "logit", df = df)
      ci <- attr(p, "ci")
      se <- SE(svymean(f, sub))[2]
      rows <- c(rows, paste(dn, g, "Q3", sprintf("\"%s\"", opt), sum(!is.na(d$Q3)), num(coef(p)),
                            num(se), num(ci[1]), num(ci[2]), df, sep = ","))
    }
    for (tool in tools) {
      # a checkbox option: ticked among those who answered the item
      ticked <- vapply(strsplit(d$Q4, ", ", fixed = TRUE), function(x) if (all(is.na(x))) NA_real_ else as.numeric(tool %in% x), 0)
      des2 <- update(des, ticked = ticked)
      sub <- subset(des2, !is.na(ticked))
      p <- svyciprop(~I(ticked == 1), sub, method = "logit", df = df)
      ci <- attr(p, "ci")
      se <- SE(svymean(~ticked, sub))
      rows <- c(rows, paste(dn, g, "Q4", tool, sum(!is.na(d$Q4)), num(coef(p)), num(se), num(ci[1]), num(ci[2]),
                            df, sep = ","))
    }
  }
}
con <- file(file.path(out, "forms-design-reference.csv"), "w", encoding = "UTF-8")
writeLines(c(sprintf("# %s; tools/forms_design_reference.R (svymean na.rm = TRUE + confint df = degf; svyciprop logit)",
                     program),
             "design,group,item,option,n,estimate,se,ciLow,ciHigh,df", rows), con)
close(con)
