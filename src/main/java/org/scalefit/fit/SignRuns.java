package org.scalefit.fit;

/**
 * The Wald–Wolfowitz runs test on the signs of residuals in the order of the first predictor: too few sign
 * changes (z well below 0) means neighbouring residuals share a sign, i.e. the curve misses a systematic shape
 * in the data. Zero residuals are skipped.
 *
 * @param runs     number of runs of equal sign
 * @param expected expected number of runs under independence (NaN without both signs)
 * @param z        standardised number of runs (NaN when undefined)
 */
record SignRuns(int runs, double expected, double z) {
    /**
     * @param ordered residuals in the order of the first predictor
     * @return the runs and their standardised count
     */
    static SignRuns of(double[] ordered) {
        int pos = 0;
        int neg = 0;
        int runs = 0;
        int lastSign = 0;
        for (double e : ordered) {
            int sign = e > 0 ? 1 : (e < 0 ? -1 : 0);
            if (sign == 0) {
                continue;
            }
            if (sign > 0) {
                pos++;
            } else {
                neg++;
            }
            if (sign != lastSign) {
                runs++;
                lastSign = sign;
            }
        }
        double expected = Double.NaN;
        double z = Double.NaN;
        int tot = pos + neg;
        if (pos > 0 && neg > 0) {
            expected = 1.0 + 2.0 * pos * neg / tot;
            double var = 2.0 * pos * neg * (2.0 * pos * neg - tot) / ((double) tot * tot * (tot - 1));
            z = var > 0 ? (runs - expected) / Math.sqrt(var) : Double.NaN;
        }
        return new SignRuns(runs, expected, z);
    }
}
