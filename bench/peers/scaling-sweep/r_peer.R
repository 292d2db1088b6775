# R cross-check of the scaling-law sweep (issue 14): nlsLM (minpack.lm, Levenberg-Marquardt with numerical
# derivatives, an implementation independent of SciPy's and scalefit's) on every least-squares case of
# bench/peers/scaling-sweep/cases.json.
# Run from the repository root, after scipy_peer.py:  Rscript bench/peers/scaling-sweep/r_peer.R
# Writes bench/peers/scaling-sweep/results/r.json. Offline, deterministic (set.seed per case).
#
# Starts: 12 seeded random starts drawn by R from the case's box (the peer_box make_cases.py writes, or for the
# offset power law and the doubling trend the corpus peer's data-derived boxes: E in [-max y, min y], A log-uniform
# in [1e-3, 1e12], alpha in [0.01, 2]; y0 log-uniform in [min y / 100, max y], T in [10, 1e5] days), plus the SciPy
# optimum moved by up to +-20% in each parameter (8 starts), keeping the lowest RSS. Parameters scalefit keeps
# positive get a lower bound of 0. A case where no start converges is recorded with its error.
source("bench/peers/corpus/r_peer.R")   # epoch_day(), polish()
cases <- fromJSON("bench/peers/scaling-sweep/cases.json", simplifyVector = FALSE)$cases
scipy <- fromJSON("bench/peers/scaling-sweep/results/scipy.json", simplifyVector = FALSE)
out <- list()

# scalefit's --where: a number on the right compares numbers, otherwise text (ISO dates order as text).
keep_rows <- function(d, where) {
  for (w in where) {
    m <- regmatches(w, regexec("^\\s*(.+?)\\s*(<=|>=|==|!=|<|>)\\s*(.+?)\\s*$", w))[[1]]
    cell <- d[[m[2]]]
    val <- m[4]
    num <- suppressWarnings(as.numeric(val))
    op <- switch(m[3], "==" = `==`, "!=" = `!=`, "<" = `<`, "<=" = `<=`, ">" = `>`, ">=" = `>=`)
    ok <- if (!is.na(num)) op(suppressWarnings(as.numeric(cell)), num) else op(trimws(as.character(cell)), val)
    d <- d[!is.na(ok) & ok, , drop = FALSE]
  }
  d
}

load_sweep_case <- function(cs) {
  d <- keep_rows(read.csv(cs$file, check.names = FALSE, stringsAsFactors = FALSE, colClasses = "character"), cs$where)
  env <- list()
  for (spec in cs$x) {
    parts <- if (grepl("=", spec)) strsplit(spec, "=", fixed = TRUE)[[1]] else c(spec, spec)
    env[[parts[1]]] <- if (isTRUE(cs$dates)) epoch_day(d[[parts[2]]]) else as.numeric(d[[parts[2]]])
  }
  env$.y <- as.numeric(d[[cs$y]])
  if (isTRUE(cs$dates)) env$t0 <- floor(min(env[[1]]))
  as.data.frame(env, check.names = FALSE)
}

box_of <- function(cs, d) {
  if (!is.null(cs$peer_box)) return(lapply(cs$peer_box, unlist))
  if (cs$law == "offset-power-law") return(list(E = c(-max(d$.y), min(d$.y)), A = c(1e-3, 1e12), alpha = c(0.01, 2)))
  if (cs$law == "doubling") return(list(y0 = c(min(d$.y) / 100, max(d$.y)), doubling_time_days = c(10, 1e5)))
  stop("no box")
}

draw <- function(lo, hi) if (lo > 0 && hi / lo > 100) exp(runif(1, log(lo), log(hi))) else runif(1, lo, hi)

r_fit <- function(cs) {
  d <- load_sweep_case(cs)
  names <- unlist(cs$parameters)
  positive <- unlist(cs$peer_positive)
  lhs <- if (cs$space == "log") "log(.y)" else ".y"
  f <- as.formula(sprintf("%s ~ %s", lhs, if (cs$space == "log") sprintf("log(%s)", cs$model) else cs$model))
  box <- box_of(cs, d)
  set.seed(sum(utf8ToInt(cs$id)))
  starts <- lapply(1:12, function(i) setNames(lapply(names, function(n) draw(box[[n]][1], box[[n]][2])), names))
  sp <- scipy[[cs$id]]$parameters
  starts <- c(starts, lapply(1:8, function(i) setNames(lapply(names, function(n) sp[[n]] * runif(1, 0.8, 1.2)), names)))
  best <- NULL
  hits <- 0
  for (s in starts) {
    fit <- tryCatch(suppressWarnings(polish(f, d, s, NULL, positive)), error = function(e) NULL)
    if (!is.null(fit) && is.finite(deviance(fit)) && (is.null(best) || deviance(fit) < deviance(best))) best <- fit
  }
  if (is.null(best)) stop("no start converged")
  list(tool = paste(R.version.string, "nlsLM (minpack.lm) from 12 random and 8 perturbed starts"),
       rss = deviance(best), parameters = as.list(coef(best)[names]), n = nrow(d))
}

for (cs in cases) {
  if (cs$loss != "squares" || is.null(scipy[[cs$id]])) next
  r <- tryCatch(r_fit(cs), error = function(e) list(error = conditionMessage(e)))
  out[[cs$id]] <- r
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "bench/peers/scaling-sweep/results/r.json")
message(length(out), " cases")
