# Reference values for the WVS-style samples, computed with R haven from the .sav file (user-missing
# kept as values so the -1..-5 codes can be counted). Output: a JSON fixture for WvsSampleTest.
# Run: Rscript tools/wvs-sample/reference.R data-samples/wvs-sample pluralstats-core/src/test/resources/org/pluralstats/io/wvs/wvs7-sample-reference.json
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
d <- read_sav(file.path(args[1], "wvs7-sample.sav"), user_na = TRUE)
items <- c("Q1", "Q2", "Q6", "Q33", "Q57", "Q164", "Q182", "Q184", "Q199", "Q235", "Q240", "Q46")
num <- function(x) format(x, digits = 17)
lines <- c()
for (it in items) {
  x <- as.numeric(unclass(d[[it]]))
  valid <- x[x > 0]
  w <- d$W_WEIGHT[x > 0]
  lines <- c(lines, sprintf('    {"item":"%s","valid":%d,"sum":%s,"weightedSum":%s,"weightSum":%s,"dontKnow":%d,"noAnswer":%d,"notAsked":%d}',
    it, length(valid), num(sum(valid)), num(sum(valid * w)), num(sum(w)), sum(x == -1), sum(x == -2), sum(x == -4)))
}
countries <- table(factor(d$B_COUNTRY_ALPHA, levels = unique(d$B_COUNTRY_ALPHA)))
cj <- paste(sprintf('"%s":%d', names(countries), as.integer(countries)), collapse = ",")
json <- paste0('{\n  "program":"R ', R.version$major, ".", R.version$minor, ' haven ', packageVersion("haven"),
  '",\n  "script":"tools/wvs-sample/reference.R",\n  "rows":', nrow(d), ',\n  "weightTotal":', num(sum(d$W_WEIGHT)),
  ',\n  "countries":{', cj, '},\n  "items":[\n', paste(lines, collapse = ",\n"), '\n  ]\n}\n')
writeLines(json, args[2], sep = "")
