# R peer of the scalefit real-data corpus (second, independent peer).
# Run from the repository root, after scipy_peer.py:  Rscript bench/peers/corpus/r_peer.R
# Writes bench/peers/corpus/results/r.json. Offline, deterministic (set.seed per case).
#
# For each squares case of src/test/resources/corpus/manifest.json:
# * R's own documented fit where R documents one: the help page's nls() call with its start values
#   (Puromycin, BOD) or its self-starting model (SSlogis, SSfpl, SSgompertz, SSasymp, SSasympOrig,
#   SSweibull, SSasympOff, SSbiexp, SSfol), then nls() on the plain formula the corpus gives scalefit,
#   started there, so the parameters are in scalefit's parameterisation;
# * NIST problems: nlsLM (minpack.lm, Levenberg-Marquardt) from NIST's start 1;
# * uspop and the other doubling trends: lm() of ln y on days (closed form), mapped to y0 and T;
# * every other case (the scaling-law data): nlsLM from the SciPy optimum moved by up to +-20% in
#   each parameter (20 seeded starts), keeping the lowest RSS: an independent Levenberg-Marquardt
#   (MINPACK via minpack.lm) that must land on the same optimum and give the same standard errors.
# Standard errors: summary(fit) (s^2 (J'J)^-1, numerical Jacobian); with a sigma column the weights
# are 1/sigma^2 and the errors are rescaled to absolute ones (divided by the residual standard error).
suppressMessages({
  library(jsonlite)
  library(minpack.lm)
})
# Run as a script it fits the corpus; sourced (bench/peers/sweep/r_peer.R does) it only defines the helpers.
main <- sys.nframe() == 0L
if (main) {
  manifest <- fromJSON("src/test/resources/corpus/manifest.json", simplifyVector = FALSE)
  scipy <- fromJSON("bench/peers/corpus/results/scipy.json", simplifyVector = FALSE)
  out <- list()
}

epoch_day <- function(v) {
  v <- trimws(v)
  if (all(grepl("^-?[0-9]+(\\.[0-9]+)?$", v))) {
    yr <- as.numeric(v)
    y <- floor(yr)
    start <- as.numeric(as.Date(sprintf("%d-01-01", y)))
    len <- as.numeric(as.Date(sprintf("%d-01-01", y + 1))) - start
    return(start + (yr - y) * len)
  }
  as.numeric(as.Date(substr(v, 1, 10)))
}

load_case <- function(cs) {
  path <- if (isFALSE(cs$shipped)) cs$file else file.path("src/test/resources/corpus", cs$file)
  d <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE)
  for (w in cs$where) {
    m <- regmatches(w, regexec("^\\s*(.+?)\\s*(<=|>=|==|<|>)\\s*(.+?)\\s*$", w))[[1]]
    d <- d[get(m[3])(as.numeric(d[[m[2]]]), as.numeric(m[4])), ]
  }
  env <- list()
  for (spec in cs$x) {
    parts <- if (grepl("=", spec)) strsplit(spec, "=", fixed = TRUE)[[1]] else c(spec, spec)
    col <- parts[2]
    q <- regmatches(col, regexec("^(.+)/\\(([0-9]+)\\*(.+)\\)$", col))[[1]]
    env[[parts[1]]] <- if (length(q) == 4) d[[q[2]]] / (as.numeric(q[3]) * d[[q[4]]])
      else if (isTRUE(cs$dates)) epoch_day(d[[col]]) else as.numeric(d[[col]])
  }
  env$.y <- as.numeric(d[[cs$y]])
  if (!is.null(cs$sigma)) env$.sigma <- as.numeric(d[[cs$sigma]])
  if (isTRUE(cs$dates)) env$t0 <- floor(min(env[[1]]))
  as.data.frame(env, check.names = FALSE)
}

summarise <- function(fit, cs, how, weighted) {
  s <- summary(fit)
  se <- setNames(s$coefficients[, 2], rownames(s$coefficients))
  if (weighted) se <- se / s$sigma
  rss <- deviance(fit)
  list(tool = paste(R.version.string, how), parameters = as.list(coef(fit)[unlist(cs$parameters)]),
       rss = rss, stderr = as.list(se[unlist(cs$parameters)]), dof = df.residual(fit), n = length(residuals(fit)))
}

# Levenberg-Marquardt to the tightest tolerances MINPACK accepts: it stops at the optimum without the
# "step factor below minFactor" failure that nls() reports when asked for more than its derivatives give.
# Parameters whose domain is positive (b, d1, f1 of the broken power law) get a lower bound of 0, so that
# Levenberg-Marquardt cannot step to a negative sharpness; the optimum is interior, so the bound is inactive there.
polish <- function(f, d, start, wts, positive = character()) {
  lower <- sapply(names(start), function(n) if (n %in% positive) 0 else -Inf)
  ctl <- nls.lm.control(ftol = 1e-15, ptol = 1e-15, maxiter = 1000, maxfev = 100000)
  if (is.null(wts)) {
    nlsLM(f, data = d, start = start, lower = lower, control = ctl)
  } else {
    nlsLM(f, data = d, start = start, weights = wts, lower = lower, control = ctl)
  }
}

lhs <- function(cs) if (cs$space == "log") "log(.y)" else ".y"
rhs <- function(cs) {
  m <- if (!is.null(cs$r_model)) cs$r_model else cs$model
  if (cs$space == "log") sprintf("log(%s)", m) else m
}

fit_case <- function(cs) {
  d <- load_case(cs)
  weighted <- !is.null(cs$sigma)
  wts <- if (weighted) 1 / d$.sigma^2 else NULL
  f <- as.formula(sprintf("%s ~ %s", lhs(cs), rhs(cs)))
  names <- unlist(cs$parameters)
  rp <- cs$r_peer
  if (!is.null(rp$call)) {
    f1 <- as.formula(sprintf(".y ~ %s", gsub("Dose", "4.4", rp$call)))
    first <- nls(f1, data = d)
    fit <- polish(f, d, as.list(coef(first)[names]), NULL)
    return(summarise(fit, cs, sprintf("nls with the self-starting %s (R's help page), refitted as the corpus formula", rp$call), FALSE))
  }
  if (!is.null(rp$start)) {
    fit <- tryCatch(polish(f, d, rp$start, NULL), error = function(e) NULL)
    how <- "nlsLM (minpack.lm) from the documented start"
    if (is.null(fit) && !is.null(cs$certified)) {
      fit <- polish(f, d, cs$certified$start2, NULL)
      how <- "nlsLM (minpack.lm) from NIST's start 2 (start 1 gives a singular gradient)"
    }
    return(summarise(fit, cs, how, FALSE))
  }
  if (isTRUE(rp$lm)) {
    d$.t <- d[[1]] - d$t0
    l <- lm(log(.y) ~ .t, data = d)
    b <- coef(l)
    start <- list(y0 = exp(b[[1]]), doubling_time_days = log(2) / b[[2]])
    fit <- polish(f, d, start, NULL)
    return(summarise(fit, cs, "lm of ln y on days (closed form), mapped to y0 and T (nlsLM from there for the errors)", FALSE))
  }
  sp <- scipy[[cs$id]]
  if (is.null(sp) || is.null(sp$parameters)) return(NULL)
  fixed <- unlist(cs$unidentified)
  if (length(fixed) > 0) {
    # A flat direction (the sharpness of a kink): R cannot invert J'J with it, so it is held at SciPy's value
    # (any small value gives the same RSS) and the other parameters are fitted.
    m <- if (!is.null(cs$r_model)) cs$r_model else cs$model
    for (n in fixed) m <- gsub(sprintf("\\b%s\\b", n), sprintf("(%.17g)", sp$parameters[[n]]), m, perl = TRUE)
    f <- as.formula(sprintf("%s ~ %s", lhs(cs), if (cs$space == "log") sprintf("log(%s)", m) else m))
    sp$parameters <- sp$parameters[setdiff(names(sp$parameters), fixed)]
  }
  set.seed(20240229)
  best <- NULL
  for (k in 1:20) {
    st <- lapply(sp$parameters, function(v) v * (1 + runif(1, -0.2, 0.2)))
    positive <- if (identical(cs$law, "broken-power-law")) c("b", "d1", "f1") else character()
    fit <- tryCatch(polish(f, d, st, wts, positive), error = function(e) NULL)
    if (!is.null(fit) && (is.null(best) || deviance(fit) < deviance(best))) best <- fit
  }
  if (is.null(best)) return(NULL)
  if (length(fixed) > 0) {
    s <- summary(best)
    p <- as.list(coef(best))
    for (n in fixed) p[[n]] <- scipy[[cs$id]]$parameters[[n]]
    return(list(tool = paste(R.version.string, "nlsLM (minpack.lm) from 20 starts within +-20% of the SciPy optimum,",
                             paste(fixed, collapse = ", "), "held at SciPy's value (a flat direction)"),
                parameters = p[unlist(cs$parameters)], rss = deviance(best), dof = df.residual(best) - length(fixed),
                n = length(residuals(best)), stderr_of_the_others = as.list(s$coefficients[, 2])))
  }
  summarise(best, cs, "nlsLM (minpack.lm) from 20 starts within +-20% of the SciPy optimum", weighted)
}

if (main) {
  for (cs in manifest$cases) {
    if (cs$kind != "fit" || !identical(cs$loss, "squares") || identical(cs$expect, "no-finite-optimum")) next
    if (isFALSE(cs$shipped) && !file.exists(cs$file)) next
    r <- tryCatch(fit_case(cs), error = function(e) list(error = conditionMessage(e)))
    if (!is.null(r)) {
      out[[cs$id]] <- r
      message(cs$id, ": ", if (!is.null(r$rss)) format(r$rss, digits = 12) else r$error)
    }
  }
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "bench/peers/corpus/results/r.json")
}
