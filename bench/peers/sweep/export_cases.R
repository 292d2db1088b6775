# Writes the sweep of R's nls examples (issue 14): every subject / run / tree / chick / plant of the R
# `datasets` the real-data corpus samples one of, with each documented model the corpus fits to that data
# set, plus the documented nls examples of R's `stats` and `datasets` help pages the corpus lacks.
# Run from the repository root:  Rscript bench/peers/sweep/export_cases.R
# Writes bench/peers/sweep/data/*.csv (values unchanged, as R writes them: 15 significant digits) and
# bench/peers/sweep/cases.json (one entry per fit: file, x, y, formula exactly as scalefit is given it,
# parameters, R's self-starting call or documented start). Deterministic; no network.
suppressMessages(library(jsonlite))
dir <- "bench/peers/sweep/data"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
cases <- list()
write_data <- function(df, name) {
  write.csv(df, file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  file.path(dir, paste0(name, ".csv"))
}
# One fit: `model` is the formula scalefit is given (the corpus's spelling), `call` the self-starting
# model R fits the same curve with (NULL with a documented `start` instead).
add <- function(id, file, x, y, model, parameters, source, call = NULL, start = NULL) {
  cases[[length(cases) + 1]] <<- list(id = id, file = file, shipped = FALSE, x = list(x), y = y, law = model,
    model = model, parameters = as.list(parameters), space = "linear", loss = "squares", sigma = NULL,
    where = list(), source = source, r_peer = list(call = call, start = start))
}
enough <- function(n, parameters) n >= length(parameters) + 2   # at least two residual degrees of freedom

# Puromycin, both states: ?Puromycin (Vm*conc/(K+conc) from Vm = 200 / 160, K = 0.05), ?SSmicmen.
p <- datasets::Puromycin
for (s in c("treated", "untreated")) {
  f <- write_data(p[p$state == s, c("conc", "rate")], paste0("puromycin-", s))
  add(paste0("puromycin-", s, "-micmen"), f, "conc", "rate", "Vm*conc/(K+conc)", c("Vm", "K"),
      sprintf("?Puromycin, state == '%s'; ?SSmicmen", s), call = "SSmicmen(conc, Vm, K)")
}
# BOD: ?BOD, ?SSasympOrig, ?profile.nls, ?predict.nls.
f <- write_data(datasets::BOD, "bod")
add("bod-asymporig", f, "Time", "demand", "A*(1-exp(-exp(lrc)*Time))", c("A", "lrc"), "?BOD; ?profile.nls",
    call = "SSasympOrig(Time, A, lrc)")
# DNase, every run: logistic (?DNase, ?nls), four-parameter logistic (?DNase), Gompertz (?SSgompertz).
d <- datasets::DNase
for (r in levels(d$Run)) {
  f <- write_data(data.frame(conc = d$conc[d$Run == r], density = d$density[d$Run == r]), paste0("dnase-run", r))
  src <- sprintf("?DNase, Run == %s", r)
  add(sprintf("dnase-run%s-logistic", r), f, "conc", "density", "Asym/(1+exp((xmid-log(conc))/scal))",
      c("Asym", "xmid", "scal"), src, call = "SSlogis(log(conc), Asym, xmid, scal)")
  add(sprintf("dnase-run%s-fpl", r), f, "conc", "density", "A+(B-A)/(1+exp((xmid-log(conc))/scal))",
      c("A", "B", "xmid", "scal"), src, call = "SSfpl(log(conc), A, B, xmid, scal)")
  add(sprintf("dnase-run%s-gompertz", r), f, "conc", "density", "Asym*exp(-b2*b3^log(conc))",
      c("Asym", "b2", "b3"), src, call = "SSgompertz(log(conc), Asym, b2, b3)")
}
# Loblolly, every seed: ?Loblolly / ?SSasymp and ?SSasympOrig.
l <- datasets::Loblolly
for (s in levels(l$Seed)) {
  f <- write_data(l[l$Seed == s, c("age", "height")], paste0("loblolly-seed", s))
  src <- sprintf("?Loblolly, Seed == %s", s)
  add(sprintf("loblolly-seed%s-asymp", s), f, "age", "height", "Asym+(R0-Asym)*exp(-exp(lrc)*age)",
      c("Asym", "R0", "lrc"), src, call = "SSasymp(age, Asym, R0, lrc)")
  add(sprintf("loblolly-seed%s-asymporig", s), f, "age", "height", "Asym*(1-exp(-exp(lrc)*age))",
      c("Asym", "lrc"), src, call = "SSasympOrig(age, Asym, lrc)")
}
# Orange, every tree: ?Orange (SSlogis); and all trees pooled, ?formula.nls (A = 150, B = 600, C = 400).
o <- datasets::Orange
for (t in sort(as.character(unique(o$Tree)))) {
  f <- write_data(o[o$Tree == t, c("age", "circumference")], paste0("orange-tree", t))
  add(sprintf("orange-tree%s-logistic", t), f, "age", "circumference", "Asym/(1+exp((xmid-age)/scal))",
      c("Asym", "xmid", "scal"), sprintf("?Orange, Tree == %s", t), call = "SSlogis(age, Asym, xmid, scal)")
}
f <- write_data(o[, c("age", "circumference")], "orange-all")
add("orange-all-logistic", f, "age", "circumference", "A/(1+exp((B-age)/C))", c("A", "B", "C"),
    "?formula.nls: all five trees pooled, from A = 150, B = 600, C = 400", start = list(A = 150, B = 600, C = 400))
# ChickWeight, every chick with enough weighings: ?SSlogis, ?SSfpl (all times), ?SSweibull (Time > 0).
ch <- datasets::ChickWeight
for (c in sort(as.integer(as.character(unique(ch$Chick))))) {
  a <- ch[ch$Chick == c, ]
  f <- write_data(data.frame(Time = a$Time, weight = a$weight), paste0("chick", c))
  src <- sprintf("?ChickWeight, Chick == %d", c)
  if (enough(nrow(a), 1:3)) add(sprintf("chick%d-logistic", c), f, "Time", "weight", "Asym/(1+exp((xmid-Time)/scal))",
      c("Asym", "xmid", "scal"), src, call = "SSlogis(Time, Asym, xmid, scal)")
  if (enough(nrow(a), 1:4)) add(sprintf("chick%d-fpl", c), f, "Time", "weight", "A+(B-A)/(1+exp((xmid-Time)/scal))",
      c("A", "B", "xmid", "scal"), src, call = "SSfpl(Time, A, B, xmid, scal)")
  a <- a[a$Time > 0, ]
  if (enough(nrow(a), 1:4)) {
    f <- write_data(data.frame(Time = a$Time, weight = a$weight), paste0("chick", c, "-after0"))
    add(sprintf("chick%d-weibull", c), f, "Time", "weight", "Asym-Drop*exp(-exp(lrc)*Time^pwr)",
        c("Asym", "Drop", "lrc", "pwr"), paste(src, "& Time > 0"), call = "SSweibull(Time, Asym, Drop, lrc, pwr)")
  }
}
# CO2, every plant: ?SSasympOff, and ?CO2's own SSasymp fit of every plant.
co <- datasets::CO2
for (pl in levels(co$Plant)) {
  f <- write_data(data.frame(conc = co$conc[co$Plant == pl], uptake = co$uptake[co$Plant == pl]), paste0("co2-", tolower(pl)))
  src <- sprintf("?CO2, Plant == '%s'", pl)
  add(sprintf("co2-%s-asympoff", tolower(pl)), f, "conc", "uptake", "Asym*(1-exp(-exp(lrc)*(conc-c0)))",
      c("Asym", "lrc", "c0"), paste(src, "; ?SSasympOff"), call = "SSasympOff(conc, Asym, lrc, c0)")
  add(sprintf("co2-%s-asymp", tolower(pl)), f, "conc", "uptake", "Asym+(R0-Asym)*exp(-exp(lrc)*conc)",
      c("Asym", "R0", "lrc"), paste(src, "; ?CO2 fits SSasymp to every plant"), call = "SSasymp(conc, Asym, R0, lrc)")
}
# Indometh, every subject: ?SSbiexp; and ?SSbiexp's noise-free curve datN (601 points of Subject 1's fit).
ind <- datasets::Indometh
biexp <- "A1*exp(-exp(lrc1)*time)+A2*exp(-exp(lrc2)*time)"
for (s in sort(as.integer(as.character(unique(ind$Subject))))) {
  f <- write_data(data.frame(time = ind$time[ind$Subject == s], conc = ind$conc[ind$Subject == s]), paste0("indometh-subject", s))
  add(sprintf("indometh-subject%d-biexp", s), f, "time", "conc", biexp, c("A1", "lrc1", "A2", "lrc2"),
      sprintf("?Indometh, Subject == %d; ?SSbiexp", s), call = "SSbiexp(time, A1, lrc1, A2, lrc2)")
}
indo1 <- ind[ind$Subject == 1, ]
fm1 <- nls(conc ~ SSbiexp(time, A1, lrc1, A2, lrc2), data = indo1)
datN <- data.frame(time = (0:600) / 64)
datN$conc <- predict(fm1, newdata = datN)
f <- write_data(datN, "ssbiexp-datN")
add("ssbiexp-datN-biexp", f, "time", "conc", biexp, c("A1", "lrc1", "A2", "lrc2"),
    "?SSbiexp: datN, the noise-free curve of Subject 1's fit at (0:600)/64", call = "SSbiexp(time, A1, lrc1, A2, lrc2)")
# Theoph, every subject, its own dose written into the formula: ?Theoph, ?SSfol.
th <- datasets::Theoph
for (s in sort(as.integer(as.character(unique(th$Subject))))) {
  a <- th[th$Subject == s, ]
  dose <- format(a$Dose[1], digits = 15)
  f <- write_data(data.frame(Time = a$Time, conc = a$conc), paste0("theoph-subject", s))
  add(sprintf("theoph-subject%d-fol", s), f, "Time", "conc",
      sprintf("%s*exp(lKe+lKa-lCl)*(exp(-exp(lKe)*Time)-exp(-exp(lKa)*Time))/(exp(lKa)-exp(lKe))", dose),
      c("lKe", "lKa", "lCl"), sprintf("?Theoph, Subject == %d (Dose %s mg/kg); ?SSfol", s, dose),
      call = sprintf("SSfol(%s, Time, lKe, lKa, lCl)", dose))
}
# ?selfStart's dwlg1: a step-like response getInitial(SSlogis) is shown on.
f <- write_data(data.frame(end = 1:16, Prop = c(rep(0, 5), 2, 5, rep(9, 9))), "selfstart-dwlg1")
add("selfstart-dwlg1-logistic", f, "end", "Prop", "Asym/(1+exp((xmid-end)/scal))", c("Asym", "xmid", "scal"),
    "?selfStart: dwlg1", call = "SSlogis(end, Asym, xmid, scal)")
# ?nls's MASS::muscle, pooled over strips: Length ~ cbind(1, exp(-Conc/th)) (plinear, th = 1).
f <- write_data(MASS::muscle[, c("Conc", "Length")], "mass-muscle")
add("mass-muscle-expdecay", f, "Conc", "Length", "a+b*exp(-Conc/th)", c("a", "b", "th"),
    "?nls: MASS::muscle pooled (musc.1), from th = 1, a and b linear", start = list(a = 20, b = -20, th = 1))
# MASS's own nls examples on real data: ?wtloss (wtloss.fm, from b0 = 90, b1 = 95, th = 120) and the Stormer
# viscometer (MASS §8.2: Time ~ b*Viscosity/(Wt - c), from the linear fit's b = 29.4, c = 2.2).
f <- write_data(MASS::wtloss[, c("Days", "Weight")], "mass-wtloss")
add("mass-wtloss-halflife", f, "Days", "Weight", "b0+b1*2^(-Days/th)", c("b0", "b1", "th"),
    "?wtloss (MASS): wtloss.fm", start = list(b0 = 90, b1 = 95, th = 120))
f <- write_data(MASS::stormer[, c("Viscosity", "Wt", "Time")], "mass-stormer")
cases[[length(cases) + 1]] <- list(id = "mass-stormer-rational", file = f, shipped = FALSE, x = list("Viscosity", "Wt"),
    y = "Time", law = "b*Viscosity/(Wt-c)", model = "b*Viscosity/(Wt-c)", parameters = list("b", "c"),
    space = "linear", loss = "squares", sigma = NULL, where = list(),
    source = "?stormer (MASS); Venables & Ripley, MASS 8.2: storm.fm",
    r_peer = list(call = NULL, start = list(b = 29.4, c = 2.2)))
# nlme's nlsList examples, every group: ?Soybean (nlsList(SSlogis, data = Soybean): 48 plots), ?Cefamandole
# (nlsList(SSbiexp, data = Cefamandole): 6 subjects); and Dialyzer's SSasympOff per subject (Pinheiro & Bates 2000,
# 6.2: the in-vitro ultrafiltration rates of 20 dialyzers).
sb <- as.data.frame(nlme::Soybean)
for (pl in sort(as.character(unique(sb$Plot)))) {
  a <- sb[as.character(sb$Plot) == pl, ]
  f <- write_data(data.frame(Time = a$Time, weight = a$weight), paste0("soybean-", tolower(pl)))
  add(sprintf("soybean-%s-logistic", tolower(pl)), f, "Time", "weight", "Asym/(1+exp((xmid-Time)/scal))",
      c("Asym", "xmid", "scal"), sprintf("?Soybean (nlme), Plot == '%s'", pl), call = "SSlogis(Time, Asym, xmid, scal)")
}
cf <- as.data.frame(nlme::Cefamandole)
for (s in sort(as.integer(as.character(unique(cf$Subject))))) {
  a <- cf[as.integer(as.character(cf$Subject)) == s, ]
  f <- write_data(data.frame(Time = a$Time, conc = a$conc), paste0("cefamandole-subject", s))
  add(sprintf("cefamandole-subject%d-biexp", s), f, "Time", "conc", "A1*exp(-exp(lrc1)*Time)+A2*exp(-exp(lrc2)*Time)",
      c("A1", "lrc1", "A2", "lrc2"), sprintf("?Cefamandole (nlme), Subject == %d", s),
      call = "SSbiexp(Time, A1, lrc1, A2, lrc2)")
}
dz <- as.data.frame(nlme::Dialyzer)
for (s in sort(as.integer(as.character(unique(dz$Subject))))) {
  a <- dz[as.integer(as.character(dz$Subject)) == s, ]
  f <- write_data(data.frame(pressure = a$pressure, rate = a$rate), paste0("dialyzer-subject", s))
  add(sprintf("dialyzer-subject%d-asympoff", s), f, "pressure", "rate", "Asym*(1-exp(-exp(lrc)*(pressure-c0)))",
      c("Asym", "lrc", "c0"), sprintf("Dialyzer (nlme), Subject == %d; Pinheiro & Bates 6.2", s),
      call = "SSasympOff(pressure, Asym, lrc, c0)")
}
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, null = "null", digits = NA, pretty = TRUE),
           "bench/peers/sweep/cases.json")
message(length(cases), " cases")
