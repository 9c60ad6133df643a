# Reference values for value polarity scores on replicate-weight designs (issue 14), with R survey.
#
#   Rscript tools/design_replicates_reference.R pluralstats-core/src/test/resources/org/pluralstats/design data-samples/wvs-sample
#
# Reads wvs7-design.csv (tools/design_distributions_reference.R) and writes:
#   wvs7-repweights.csv  the same respondents with JK1 replicate weights JK1_1..JK1_R (as.svrepdesign of
#                        svydesign(ids = ~I_PSU, weights = ~W_WEIGHT): one replicate per PSU, combined with the
#                        sampling weights) and Fay replicate weights FAY_1..FAY_16 (a 16-replicate Hadamard
#                        half-sample design over pseudo-strata of PSU pairs, rho = 0.5), 17 significant digits;
#   design-replicates-reference.json  per country x item: the score and its SE as
#                        svyby(~a, ~B_COUNTRY_ALPHA, subset(svrepdesign(..., type = "JK1", scale = (R-1)/R,
#                        combined.weights = TRUE), !is.na(a)), svymean), and the same for type = "Fay", rho = 0.5.
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "pluralstats-core/src/test/resources/org/pluralstats/design"
samples <- if (length(args) > 1) args[2] else "data-samples/wvs-sample"
program <- sprintf("R %s.%s, survey %s", R.version$major, R.version$minor, packageVersion("survey"))
d <- read.csv(file.path(out, "wvs7-design.csv"), stringsAsFactors = FALSE)

jk <- as.svrepdesign(svydesign(ids = ~I_PSU, weights = ~W_WEIGHT, data = d), type = "JK1", compress = FALSE)
jkw <- weights(jk, "analysis")
colnames(jkw) <- paste0("JK1_", seq_len(ncol(jkw)))
# Fay: PSUs paired in file order into pseudo-strata; replicate r keeps the first or the second PSU of each pair
# by the sign of a 16 x 16 Sylvester-Hadamard matrix (columns cycling over the pairs)
H <- matrix(1, 1, 1)
for (k in 1:4) H <- rbind(cbind(H, H), cbind(H, -H))
psus <- unique(d$I_PSU)
pair <- (match(d$I_PSU, psus) - 1) %/% 2 + 1
second <- (match(d$I_PSU, psus) - 1) %% 2 == 1
rho <- 0.5
fay <- sapply(1:16, function(r) {
  h <- H[r, ((pair - 1) %% 16) + 1]
  keepfirst <- h > 0
  f <- ifelse(xor(keepfirst, second), 2 - rho, rho)
  d$W_WEIGHT * f
})
colnames(fay) <- paste0("FAY_", 1:16)
fmt <- function(m) apply(m, 2, function(x) formatC(x, digits = 17, format = "g"))
write.csv(cbind(d, fmt(jkw), fmt(fay)), file.path(out, "wvs7-repweights.csv"), row.names = FALSE, quote = TRUE)

r <- read.csv(file.path(out, "wvs7-repweights.csv"), stringsAsFactors = FALSE)
jkd <- svrepdesign(data = r, weights = ~W_WEIGHT, repweights = "JK1_[0-9]+", type = "JK1",
                   scale = (ncol(jkw) - 1) / ncol(jkw), combined.weights = TRUE)
fayd <- svrepdesign(data = r, weights = ~W_WEIGHT, repweights = "FAY_[0-9]+", type = "Fay", rho = rho,
                    combined.weights = TRUE)
items <- fromJSON(file.path(samples, "items.json"))$items
num <- function(x) if (is.na(x) || !is.finite(x)) NA else x
scores <- list()
for (i in seq_len(nrow(items))) {
  q <- items$id[i]
  a <- ifelse(r[[q]] > 0, as.numeric(r[[q]] %in% items$positive[[i]]), NA)
  jkd$variables$a <- a
  fayd$variables$a <- a
  bj <- svyby(~a, ~B_COUNTRY_ALPHA, subset(jkd, !is.na(a)), svymean)
  bf <- svyby(~a, ~B_COUNTRY_ALPHA, subset(fayd, !is.na(a)), svymean)
  for (c in rownames(bj)) {
    scores[[length(scores) + 1]] <- list(population = c, item = q, vps = num(bj[c, "a"]),
      seJK1 = num(SE(bj)[which(rownames(bj) == c)]), seFay = num(SE(bf)[which(rownames(bf) == c)]))
  }
}
writeLines(toJSON(list(producer = paste("tools/design_replicates_reference.R,", program), jk1Replicates = ncol(jkw),
                       degfJK1 = degf(jkd), degfFay = degf(fayd), scores = scores),
                  auto_unbox = TRUE, digits = I(17), pretty = TRUE, na = "null"),
           file.path(out, "design-replicates-reference.json"))
