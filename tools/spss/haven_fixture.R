# Writes the R haven SPSS test fixtures for org.pluralstats.io.spss, and a Stata file that
# tools/make_spss_fixtures.sh converts to .sav/.zsav with the readstat command-line tool.
# Usage: Rscript haven_fixture.R OUTDIR TMPDIR (the .dta goes to TMPDIR)
suppressPackageStartupMessages(library(haven))
out <- commandArgs(TRUE)[1]
tmp <- commandArgs(TRUE)[2]
n <- 80
i <- seq_len(n)

q1 <- ((i * 7) %% 7) + ((i * 5) %% 5) + 1        # 1..11 with repeats
q1[i %% 13 == 0] <- 98
q1[i %% 17 == 0] <- 99
q1[i %% 29 == 0] <- NA                             # system-missing
q1 <- labelled_spss(q1, labels = c("Not at all important" = 1, "Very important" = 10,
                                   "Don't know" = 98, "No answer" = 99),
                    na_values = c(98, 99), label = "How important is religion? / 宗教有多重要")

income <- round((i * 37) %% 250 * 101.25 - 300, 2)
income <- labelled_spss(income, labels = c("Refused" = -1),
                        na_range = c(-Inf, 0), label = "Income (LO THRU 0 missing)")

weight_factor <- 0.5 + (i %% 9) / 8
weight_factor[i %% 31 == 0] <- NA

region <- c("North", "South", "East", "West", "DK")[(i %% 5) + 1]
region <- labelled_spss(region, labels = c("Northern region / الشمال" = "North", "Don't know" = "DK"),
                        na_values = "DK", label = "Region")

long_text <- sprintf("Respondent %03d wrote: %s", i,
                     strrep(c("Ünïcödé ", "日本語テキスト ", "plain ascii ", "عربى "), 1 + i %% 4)[(i %% 4) + 1])
long_text[i %% 10 == 0] <- ""
very_long_text <- vapply(i, function(k) paste0("VL", k, ":", strrep("0123456789", 30 + k %% 7), "|end"), "")
interview_date <- as.Date("2020-01-01") + (i * 11) %% 700
interview_date[i %% 15 == 0] <- NA

d <- data.frame(respondent_identifier = i)
d$q1_importance_of_religion <- q1
d$income <- income
d$weight_factor <- weight_factor
d$region <- region
d$long_text <- long_text
d$very_long_text <- very_long_text
d$interview_date <- interview_date
attr(d$respondent_identifier, "label") <- "Respondent identifier"
attr(d$weight_factor, "label") <- "Design weight"
attr(d$long_text, "label") <- "Free text answer"

write_sav(d, file.path(out, "haven_none.sav"), compress = "none")
write_sav(d, file.path(out, "haven_byte.sav"), compress = "byte")
write_sav(d, file.path(out, "haven_zsav.zsav"), compress = "zsav")

# A Stata file for readstat to convert (Stata labels must be integer-valued; strings <= 2045 bytes).
s <- data.frame(id = i, score = round(((i * 13) %% 97) / 3, 4), group = labelled(as.numeric(i %% 3),
                c(Control = 0, "Treatment A" = 1, "Treatment B" = 2)),
                city = c("Zürich", "Kraków", "Québec", "東京")[(i %% 4) + 1],
                note = strrep("x", 40 + i %% 20))
s$score[i %% 12 == 0] <- NA
attr(s$score, "label") <- "Score (Stata double)"
write_dta(s, file.path(tmp, "readstat_source.dta"), version = 14)
