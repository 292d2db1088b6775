package org.scalefit.fit;

/**
 * The change of variables between a parameter p as the law sees it and the unconstrained
 * coordinate θ the optimiser moves. Positive scales live on a log scale; bounds use MINUIT's
 * transforms, which reach the bound at a finite θ so that a parameter can rest on it.
 */
sealed interface Transform permits Transform.Identity, Transform.Log, Transform.Lower, Transform.Upper,
        Transform.Interval, Transform.LogInterval {
    double toExternal(double theta);

    double toInternal(double p);

    /** dp/dθ at θ. */
    double derivative(double theta);

    static Transform of(org.scalefit.model.ParameterDomain domain, Bound bound) {
        if (bound == null) {
            return domain == org.scalefit.model.ParameterDomain.POSITIVE ? new Log() : new Identity();
        }
        double lo = bound.lower();
        double hi = bound.upper();
        if (domain == org.scalefit.model.ParameterDomain.POSITIVE && !(lo > 0)) {
            lo = Double.MIN_NORMAL;
            if (!(hi > lo)) {
                throw new org.scalefit.InvalidDataException("bound " + bound + " leaves no positive values");
            }
        }
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            return domain == org.scalefit.model.ParameterDomain.POSITIVE ? new Log() : new Identity();
        }
        if (Double.isInfinite(hi)) {
            return new Lower(lo);
        }
        if (Double.isInfinite(lo)) {
            return new Upper(hi);
        }
        return new Interval(lo, hi);
    }

    record Identity() implements Transform {
        public double toExternal(double theta) {
            return theta;
        }

        public double toInternal(double p) {
            return p;
        }

        public double derivative(double theta) {
            return 1.0;
        }
    }

    record Log() implements Transform {
        public double toExternal(double theta) {
            return Math.exp(theta);
        }

        public double toInternal(double p) {
            return Math.log(p);
        }

        public double derivative(double theta) {
            return Math.exp(theta);
        }
    }

    /** p = lo − 1 + √(θ² + 1), scaled to the magnitude of lo so large-valued parameters move sensibly. */
    record Lower(double lo) implements Transform {
        public double toExternal(double theta) {
            return lo - scale() + scale() * Math.sqrt(theta * theta + 1);
        }

        public double toInternal(double p) {
            double u = (p - lo) / scale() + 1;
            return Math.sqrt(Math.max(u * u - 1, 0));
        }

        public double derivative(double theta) {
            return scale() * theta / Math.sqrt(theta * theta + 1);
        }

        private double scale() {
            return Math.max(1.0, Math.abs(lo));
        }
    }

    record Upper(double hi) implements Transform {
        public double toExternal(double theta) {
            return hi + scale() - scale() * Math.sqrt(theta * theta + 1);
        }

        public double toInternal(double p) {
            double u = (hi - p) / scale() + 1;
            return Math.sqrt(Math.max(u * u - 1, 0));
        }

        public double derivative(double theta) {
            return -scale() * theta / Math.sqrt(theta * theta + 1);
        }

        private double scale() {
            return Math.max(1.0, Math.abs(hi));
        }
    }

    /**
     * A law's own range for a positive parameter, on a log scale: ln p = ln lo + (ln hi − ln lo)(sin θ + 1)/2,
     * so a break location spanning decades moves evenly in θ.
     */
    static Transform ofRange(org.scalefit.model.ParameterDomain domain, Bound range) {
        return domain == org.scalefit.model.ParameterDomain.POSITIVE && range.lower() > 0
                ? new LogInterval(range.lower(), range.upper()) : new Interval(range.lower(), range.upper());
    }

    record LogInterval(double lo, double hi) implements Transform {
        public double toExternal(double theta) {
            double p = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * (Math.sin(theta) + 1) / 2);
            return Math.min(hi, Math.max(lo, p));
        }

        public double toInternal(double p) {
            double u = 2 * (Math.log(p) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) - 1;
            return Math.asin(Math.max(-1, Math.min(1, u)));
        }

        public double derivative(double theta) {
            return toExternal(theta) * (Math.log(hi) - Math.log(lo)) * Math.cos(theta) / 2;
        }
    }

    /** p = lo + (hi − lo)(sin θ + 1)/2. */
    record Interval(double lo, double hi) implements Transform {
        public double toExternal(double theta) {
            double p = lo + (hi - lo) * (Math.sin(theta) + 1) / 2;
            return Math.min(hi, Math.max(lo, p));
        }

        public double toInternal(double p) {
            double u = 2 * (p - lo) / (hi - lo) - 1;
            return Math.asin(Math.max(-1, Math.min(1, u)));
        }

        public double derivative(double theta) {
            return (hi - lo) * Math.cos(theta) / 2;
        }
    }
}
