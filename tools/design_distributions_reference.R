# Reference values for answer distributions and value polarity scores on a clustered, stratified design
# (issue 14), computed with R survey.
#
#   Rscript tools/design_distributions_reference.R data-samples/wvs-sample pluralstats-core/src/test/resources/org/pluralstats/design
#
# Writes to the output directory:
#   wvs7-design.csv   the WVS Wave 7-style sample with a design, like WVS-7's I_PSU and region strata: within
#                     each country the respondents, in file order, form PSUs of 5 (I_PSU = country code * 100 +
#                     PSU number) and the PSUs two strata (STRATUM = country code * 10 + 1 or 2, first and second
#                     half of the country's PSUs).
#   design-distributions-reference.json, per country x question x valid option (questions Q1, Q57, Q164):
#     separate: svymean(~factor(Q), subset(svydesign(ids = ~I_PSU, strata = ~STRATUM, weights = ~W_WEIGHT,
#               data = <the country's respondents>, nest = TRUE), Q > 0)) - a design per country;
#     domain:   svyby(~factor(Q), ~B_COUNTRY_ALPHA, subset(svydesign(... data = <all respondents> ...), Q > 0),
#               svymean) - countries as domains of one design;
#     simple:   the same with ids = ~1 and no strata (what pluralstats does without a design);
#   and per country x item (the binarised items of items.json) the value polarity score, the weighted share
#   of positive answers among valid ones, with the same three SEs. degf of each design.
# Factor levels: every valid code of Q in the whole file, ascending. survey.lonely.psu = "fail" (no
# stratum has a single PSU). Numbers with 17 significant digits.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
samples <- if (length(args) > 0) args[1] else "data-samples/wvs-sample"
out <- if (length(args) > 1) args[2] else "pluralstats-core/src/test/resources/org/pluralstats/design"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))

d <- read.csv(file.path(samples, "wvs7-sample.csv"), stringsAsFactors = FALSE)
d$I_PSU <- NA
d$STRATUM <- NA
for (c in unique(d$B_COUNTRY)) {
  idx <- which(d$B_COUNTRY == c)
  psu <- (seq_along(idx) - 1) %/% 5 + 1
  d$I_PSU[idx] <- c * 100 + psu
  d$STRATUM[idx] <- c * 10 + ifelse(psu <= max(psu) / 2, 1, 2)
}
write.csv(d, file.path(out, "wvs7-design.csv"), row.names = FALSE)

num <- function(x) if (is.na(x) || !is.finite(x)) NA else as.numeric(formatC(x, digits = 17, format = "g"))
items <- fromJSON(file.path(samples, "items.json"))$items
questions <- c("Q1", "Q57", "Q164")
countries <- unique(d$B_COUNTRY_ALPHA)
full <- svydesign(ids = ~I_PSU, strata = ~STRATUM, weights = ~W_WEIGHT, data = d, nest = TRUE)
full1 <- svydesign(ids = ~1, weights = ~W_WEIGHT, data = d)

shares <- list()
for (q in questions) {
  levels <- sort(unique(d[[q]][d[[q]] > 0]))
  d$f <- factor(ifelse(d[[q]] > 0, d[[q]], NA), levels = levels)
  full <- update(full, f = factor(ifelse(d[[q]] > 0, d[[q]], NA), levels = levels))
  full1 <- update(full1, f = factor(ifelse(d[[q]] > 0, d[[q]], NA), levels = levels))
  dom <- svyby(~f, ~B_COUNTRY_ALPHA, subset(full, !is.na(f)), svymean)
  dom1 <- svyby(~f, ~B_COUNTRY_ALPHA, subset(full1, !is.na(f)), svymean)
  for (c in countries) {
    dc <- d[d$B_COUNTRY_ALPHA == c, ]
    sep <- svydesign(ids = ~I_PSU, strata = ~STRATUM, weights = ~W_WEIGHT, data = dc, nest = TRUE)
    sep1 <- svydesign(ids = ~1, weights = ~W_WEIGHT, data = dc)
    es <- svymean(~f, subset(sep, !is.na(f)))
    es1 <- svymean(~f, subset(sep1, !is.na(f)))
    for (k in seq_along(levels)) {
      col <- paste0("f", levels[k])
      shares[[length(shares) + 1]] <- list(population = c, question = q, code = as.character(levels[k]),
        share = num(coef(es)[k]), seSeparate = num(SE(es)[k]), seSeparateSimple = num(SE(es1)[k]),
        shareDomain = num(dom[c, col]), seDomain = num(dom[c, paste0("se.", col)]),
        seDomainSimple = num(dom1[c, paste0("se.", col)]),
        degfSeparate = degf(subset(sep, !is.na(f))))
    }
  }
}

scores <- list()
for (i in seq_len(nrow(items))) {
  q <- items$id[i]
  pos <- items$positive[[i]]
  a <- ifelse(d[[q]] > 0, as.numeric(d[[q]] %in% pos), NA)
  full$variables$a <- a    # not update(full, a = a): once a is a column, update() would read that column
  full1$variables$a <- a
  dom <- svyby(~a, ~B_COUNTRY_ALPHA, subset(full, !is.na(a)), svymean)
  dom1 <- svyby(~a, ~B_COUNTRY_ALPHA, subset(full1, !is.na(a)), svymean)
  for (c in countries) {
    rows <- d$B_COUNTRY_ALPHA == c
    dc <- d[rows, ]
    dc$a <- a[rows]
    if (all(is.na(dc$a))) next
    sep <- svydesign(ids = ~I_PSU, strata = ~STRATUM, weights = ~W_WEIGHT, data = dc, nest = TRUE)
    sep1 <- svydesign(ids = ~1, weights = ~W_WEIGHT, data = dc)
    es <- svymean(~a, subset(sep, !is.na(a)))
    es1 <- svymean(~a, subset(sep1, !is.na(a)))
    j <- which(rownames(dom) == c)
    scores[[length(scores) + 1]] <- list(population = c, item = q, vps = num(coef(es)), seSeparate = num(SE(es)),
      seSeparateSimple = num(SE(es1)), vpsDomain = num(dom$a[j]), seDomain = num(SE(dom)[j]),
      seDomainSimple = num(SE(dom1)[j]))
  }
}
writeLines(toJSON(list(producer = paste("tools/design_distributions_reference.R,", program),
                       degf = degf(full), shares = shares, scores = scores),
                  auto_unbox = TRUE, digits = I(17), pretty = TRUE, na = "null"),
           file.path(out, "design-distributions-reference.json"))
