# Writes the R `datasets` subsets of the scalefit real-data corpus, one CSV per case, into
# src/test/resources/corpus/ (run from the repository root: Rscript bench/peers/corpus/export_r_datasets.R).
# Each subset is the one R's own help page fits with nls() (see ?Puromycin, ?BOD, ?DNase, ?Loblolly,
# ?Orange, ?ChickWeight via ?SSlogis/?SSfpl/?SSweibull, ?CO2 via ?SSasympOff, ?Indometh via ?SSbiexp,
# ?Theoph) or, for uspop, the whole series. Values are written unchanged, with 15 significant digits.
out <- "src/test/resources/corpus"
w <- function(df, name) {
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}
p <- datasets::Puromycin
w(p[p$state == "treated", c("conc", "rate")], "r-puromycin-treated")
w(p[p$state == "untreated", c("conc", "rate")], "r-puromycin-untreated")
w(datasets::BOD, "r-bod")
d <- datasets::DNase
w(data.frame(conc = d$conc[d$Run == 1], density = d$density[d$Run == 1]), "r-dnase-run1")
l <- datasets::Loblolly
w(l[l$Seed == "329", c("age", "height")], "r-loblolly-seed329")
o <- datasets::Orange
w(o[o$Tree == "3", c("age", "circumference")], "r-orange-tree3")
ch <- datasets::ChickWeight
w(data.frame(Time = ch$Time[ch$Chick == "1"], weight = ch$weight[ch$Chick == "1"]), "r-chickweight-chick1")
c6 <- ch[ch$Chick == "6" & ch$Time > 0, ]
w(data.frame(Time = c6$Time, weight = c6$weight), "r-chickweight-chick6")
co <- datasets::CO2
w(data.frame(conc = co$conc[co$Plant == "Qn1"], uptake = co$uptake[co$Plant == "Qn1"]), "r-co2-qn1")
ind <- datasets::Indometh
w(data.frame(time = ind$time[ind$Subject == "1"], conc = ind$conc[ind$Subject == "1"]), "r-indometh-subject1")
th <- datasets::Theoph
t4 <- th[th$Subject == "4", ]
w(data.frame(Time = t4$Time, conc = t4$conc), "r-theoph-subject4")
u <- datasets::uspop
w(data.frame(year = as.integer(time(u)), population_millions = as.numeric(u)), "r-uspop")
