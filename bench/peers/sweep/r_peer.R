# R peer of the nls sweep (issue 14): R's documented fit of every case of bench/peers/sweep/cases.json.
# Run from the repository root, after export_cases.R:  Rscript bench/peers/sweep/r_peer.R
# Writes bench/peers/sweep/results/r.json. Offline, deterministic.
#
# For each case: nls() with R's self-starting model (SSlogis, SSfpl, SSgompertz, SSasymp, SSasympOrig,
# SSweibull, SSasympOff, SSbiexp, SSfol, SSmicmen) with R's default settings, exactly as the help page
# calls it, or nls() on the formula from the help page's documented start; then that answer is polished
# by nlsLM (minpack.lm, tolerances 1e-15) on the formula scalefit is given, so that "rss" is the bottom
# of the basin R's own start leads to. "nls_rss" is nls's own answer, "nls_error" its failure if any.
# The loading and polishing helpers are the corpus peer's (bench/peers/corpus/r_peer.R).
source("bench/peers/corpus/r_peer.R")
cases <- fromJSON("bench/peers/sweep/cases.json", simplifyVector = FALSE)$cases
out <- list()

r_fit <- function(cs) {
  d <- load_case(cs)
  names <- unlist(cs$parameters)
  rp <- cs$r_peer
  first <- if (!is.null(rp$call)) {
    nls(as.formula(sprintf(".y ~ %s", rp$call)), data = d)
  } else {
    nls(as.formula(sprintf(".y ~ %s", cs$model)), data = d, start = rp$start)
  }
  res <- list(tool = paste(R.version.string, if (!is.null(rp$call)) paste("nls with", rp$call)
                           else "nls from the help page's start", "then nlsLM polish"),
              nls_rss = deviance(first), nls_parameters = as.list(coef(first)[names]))
  pol <- tryCatch(polish(as.formula(sprintf(".y ~ %s", cs$model)), d, as.list(coef(first)[names]), NULL),
                  error = function(e) NULL)
  best <- if (!is.null(pol) && deviance(pol) <= deviance(first)) pol else first
  c(res, list(rss = deviance(best), parameters = as.list(coef(best)[names]), n = nrow(d)))
}

for (cs in cases) {
  r <- tryCatch(r_fit(cs), error = function(e) list(nls_error = conditionMessage(e)))
  out[[cs$id]] <- r
  message(cs$id, ": ", if (!is.null(r$rss)) format(r$rss, digits = 12) else r$nls_error)
}
dir.create("bench/peers/sweep/results", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "bench/peers/sweep/results/r.json")
