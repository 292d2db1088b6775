#!/usr/bin/env Rscript
# Oracle: R's boot package (boot.ci, types "perc" and "bca") on the very resamples SciPy drew.
# Reads src/test/resources/oracles/bootstrap_intervals.json (written by bootstrap_intervals.py), refits each
# resample with lm.fit (OLS of ln y on ln x), takes the empirical influence values from R's own
# jackknife (empinf(type = "jack")), and writes src/test/resources/oracles/bootstrap_intervals_r.json.
# Run from the repository root:  Rscript bench/oracles/bootstrap_r.R
suppressPackageStartupMessages({library(boot); library(jsonlite)})
o <- fromJSON("src/test/resources/oracles/bootstrap_intervals.json")
lx <- log(o$x); ly <- log(o$y); n <- length(lx)
fit <- function(d, i) { b <- lm.fit(cbind(1, lx[i]), ly[i])$coefficients; c(a = exp(b[[1]]), alpha = -b[[2]]) }
idx <- o$indices + 1                      # R counts from 1
t <- t(apply(idx, 1, function(i) fit(NULL, i)))
t0 <- fit(NULL, seq_len(n))
b <- list(t0 = t0, t = t, R = nrow(t), data = data.frame(i = seq_len(n)), seed = 0L, statistic = fit,
          sim = "ordinary", call = quote(boot()), stype = "i", strata = rep(1, n), weights = rep(1 / n, n))
class(b) <- "boot"
out <- list(`_source` = paste("bench/oracles/bootstrap_r.R (R", getRversion(), ", boot", packageVersion("boot"), ")"))
for (k in c("alpha", "a")) {
  j <- match(k, names(t0))
  L <- empinf(b, index = j, type = "jack")
  ci <- boot.ci(b, conf = 0.95, type = c("perc", "bca"), index = j, L = L)
  out[[k]] <- list(value = unname(t0[j]), percentile = unname(ci$percent[4:5]), bca = unname(ci$bca[4:5]))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "src/test/resources/oracles/bootstrap_intervals_r.json")
print(out)
