package org.scalefit.fit;

import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;

/**
 * How residuals r (in the fit's space) are penalised. The fit minimises Σ ρ(√wᵢ·rᵢ).
 *
 * <ul>
 * <li>{@link Squares}: ρ(r) = r², ordinary (weighted) least squares.</li>
 * <li>{@link Huber}: ρ(r) = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond — quadratic near zero, linear in the
 * tails, so one wild point cannot drag the fit. With δ = 1e-3 in log space this is Hoffmann et al.'s
 * and Epoch AI's Chinchilla objective, summed over points.</li>
 * <li>{@link HuberLikelihood}: maximum likelihood under Huber's error density with a free scale σ,
 * f(r) = exp(−ρ_δ(r/σ))/(σ·Z(δ)), σ estimated with the parameters: Besiroglu et al.'s (2024) Approach-3
 * statistics on the Chinchilla runs. The fit minimises −log L, reports σ and log L, and supports
 * likelihood-ratio tests.</li>
 * <li>{@link Asymmetric}: ρ(r) = |λ − 1(r &lt; 0)|·r², an expectile: λ &lt; ½ makes points above the
 * curve (r &gt; 0) cheap and points below costly, so the curve tracks a lower envelope
 * (a compute-efficient frontier); λ = ½ is half of ordinary least squares.</li>
 * </ul>
 *
 * <p>Robust losses are minimised by default with L-BFGS on Σ ρ and its analytic gradient (ψ = ρ');
 * {@link Solver#LM} instead runs iteratively reweighted least squares on Levenberg–Marquardt, each round
 * weighting point i by ρ'(rᵢ)/(2rᵢ) (up to a constant) until the objective stops falling. On Epoch AI's
 * Chinchilla fit (Huber δ = 1e-3) L-BFGS was about ten times faster per start and reached the optimum
 * from more starts.
 *
 * <pre>{@code
 * Loss loss = Loss.parse("huber:1e-3");
 * FitOptions options = FitOptions.builder().loss(loss).build();
 * }</pre>
 */
public sealed interface Loss permits Loss.Squares, Loss.Huber, Loss.Asymmetric, Loss.HuberLikelihood {

    /**
     * @param r a (weighted) residual
     * @return its penalty ρ(r)
     */
    double rho(double r);

    /**
     * The reweighting factor of iteratively reweighted least squares, ψ(r)/r normalised so that
     * squares gives 1.
     *
     * @param r a (weighted) residual
     * @return the weight, in (0, 1] for Huber
     */
    double irlsWeight(double r);

    /**
     * The derivative ψ(r) = ρ'(r), which gradient-based solvers need.
     *
     * @param r a (weighted) residual
     * @return ρ'(r)
     */
    double psi(double r);

    /**
     * The second derivative ρ''(r) (where it exists; Huber's jump at ±δ takes the inner value), for
     * Newton steps.
     *
     * @param r a (weighted) residual
     * @return ρ''(r)
     */
    double curvature(double r);

    /**
     * @return true when ρ is convex, so that a model linear in its (transformed) parameters has a single
     *         optimum under this loss (every loss here is)
     */
    default boolean isConvex() {
        return true;
    }

    /** @return true for {@link Squares}, which needs no reweighting */
    default boolean isSquares() {
        return this instanceof Squares;
    }

    /** @return the loss as the command line writes it, e.g. {@code huber:0.001} */
    String spec();

    /**
     * A loss parameter as a user types it: the shortest text that parses back to it, with a plain exponent
     * ({@code 1e-6}, not {@code 1.0E-6}).
     *
     * @param v the parameter
     * @return its text
     */
    private static String number(double v) {
        String t = Double.toString(v);
        int e = t.indexOf('E');
        if (e < 0) {
            return t;
        }
        String mantissa = t.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e" + t.substring(e + 1);
    }

    /** @return ordinary least squares */
    static Loss squares() {
        return new Squares();
    }

    /**
     * @param delta the Huber threshold δ &gt; 0, in residual units
     * @return the Huber loss
     */
    static Loss huber(double delta) {
        return new Huber(delta);
    }

    /**
     * @param delta the threshold δ &gt; 0 of the density, in units of the scale σ
     * @return the Huber likelihood with a free scale
     */
    static Loss huberLikelihood(double delta) {
        return new HuberLikelihood(delta);
    }

    /**
     * @param lambda the expectile λ in (0, 1)
     * @return the asymmetric squared loss
     */
    static Loss asymmetric(double lambda) {
        return new Asymmetric(lambda);
    }

    /**
     * Parses {@code squares}, {@code huber:DELTA}, {@code huber-likelihood:DELTA} or {@code asymmetric:LAMBDA}.
     *
     * @param text the specification
     * @return the loss
     * @throws InvalidDataException naming what is wrong
     */
    static Loss parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("squares") || t.equals("ls") || t.equals("least-squares")) {
            return squares();
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        if (kind.equals("huber") || kind.equals("asymmetric") || kind.equals("huber-likelihood")) {
            if (arg == null) {
                throw new InvalidOptionException(OptionKey.LOSS.with(text) + " needs a value: " + kind
                        + (kind.startsWith("huber") ? ":DELTA, e.g. " + kind + ":1e-3" : ":LAMBDA, e.g. asymmetric:0.1"));
            }
            double v;
            try {
                v = Double.parseDouble(arg);
            } catch (NumberFormatException e) {
                throw new InvalidOptionException(OptionKey.LOSS.with(text) + ": \"" + arg + "\" is not a number");
            }
            return kind.equals("huber") ? huber(v) : kind.equals("asymmetric") ? asymmetric(v) : huberLikelihood(v);
        }
        throw new InvalidDataException("unknown loss \"" + text
                + "\": use squares, huber:DELTA, huber-likelihood:DELTA or asymmetric:LAMBDA");
    }

    /** Ordinary least squares, ρ(r) = r². */
    record Squares() implements Loss {
        @Override
        public double rho(double r) {
            return r * r;
        }

        @Override
        public double irlsWeight(double r) {
            return 1.0;
        }

        @Override
        public double psi(double r) {
            return 2 * r;
        }

        @Override
        public double curvature(double r) {
            return 2;
        }

        @Override
        public String spec() {
            return "squares";
        }
    }

    /**
     * Huber's loss with threshold δ.
     *
     * @param delta the threshold δ &gt; 0
     */
    record Huber(double delta) implements Loss {
        /**
         * Validates δ.
         *
         * @param delta the threshold δ &gt; 0
         * @throws InvalidDataException if a component is outside its domain (the message says which)
         */
        public Huber {
            if (!(delta > 0) || !Double.isFinite(delta)) {
                throw new InvalidDataException("huber delta must be a positive number, got " + delta);
            }
        }

        @Override
        public double rho(double r) {
            return rho(r, delta);
        }

        @Override
        public double irlsWeight(double r) {
            return irlsWeight(r, delta);
        }

        @Override
        public double psi(double r) {
            return psi(r, delta);
        }

        @Override
        public double curvature(double r) {
            return curvature(r, delta);
        }

        /* Huber's function at threshold delta: the one definition, shared with the Huber likelihood's shape. */
        static double rho(double r, double delta) {
            double a = Math.abs(r);
            return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
        }

        static double irlsWeight(double r, double delta) {
            double a = Math.abs(r);
            return a <= delta ? 1.0 : delta / a;
        }

        static double psi(double r, double delta) {
            return r > delta ? delta : (r < -delta ? -delta : r);
        }

        static double curvature(double r, double delta) {
            return Math.abs(r) <= delta ? 1 : 0;
        }

        @Override
        public String spec() {
            return "huber:" + Loss.number(delta);
        }
    }

    /**
     * Asymmetric squared loss (expectile regression) with λ in (0, 1).
     *
     * @param lambda the weight of positive residuals; 1 − λ weighs negative ones
     */
    record Asymmetric(double lambda) implements Loss {
        /**
         * Validates λ.
         *
         * @param lambda the weight of positive residuals; 1 − λ weighs negative ones
         * @throws InvalidDataException if a component is outside its domain (the message says which)
         */
        public Asymmetric {
            if (!(lambda > 0 && lambda < 1)) {
                throw new InvalidDataException("asymmetric lambda must lie strictly between 0 and 1, got " + lambda);
            }
        }

        @Override
        public double rho(double r) {
            return (r < 0 ? 1 - lambda : lambda) * r * r;
        }

        @Override
        public double irlsWeight(double r) {
            return r < 0 ? 1 - lambda : lambda;
        }

        @Override
        public double psi(double r) {
            return 2 * (r < 0 ? 1 - lambda : lambda) * r;
        }

        @Override
        public double curvature(double r) {
            return 2 * (r < 0 ? 1 - lambda : lambda);
        }

        @Override
        public String spec() {
            return "asymmetric:" + Loss.number(lambda);
        }
    }

    /**
     * Maximum likelihood under Huber's error density with a free scale σ (Besiroglu et al. 2024):
     * log f(r) = −ρ_δ(r/σ) − ln σ − ln Z(δ) with ρ_δ Huber's function and Z(δ) = √(2π)·(1 − 2Φ(−δ)) + 2e^(−δ²/2)/δ
     * its normaliser. The fit minimises −log L = Σ [ρ_δ(rᵢ/σ) + ln σ − ½ln wᵢ] + n·ln Z(δ) over the law's
     * parameters and σ; for given residuals the best σ solves Σ min(zᵢ², δ|zᵢ|) = n with zᵢ = rᵢ/σ
     * ({@link #scale}). With a small δ (Epoch's 1e-3) the density is a Laplace density of scale σ/δ in all but
     * its centre, and the optimum is nearly a least-absolute-deviations vertex, which the engine reaches
     * exactly rather than stopping beside it.
     *
     * <p>{@link #rho}, {@link #psi} and {@link #curvature} are Huber's at unit scale; the likelihood itself
     * is {@link #negativeLogLikelihood}.
     *
     * @param delta the threshold δ &gt; 0 of the density, in units of σ
     */
    record HuberLikelihood(double delta) implements Loss {
        /**
         * Validates δ.
         *
         * @param delta the threshold δ &gt; 0 of the density, in units of σ
         * @throws InvalidDataException if δ is not a positive number
         */
        public HuberLikelihood {
            if (!(delta > 0) || !Double.isFinite(delta)) {
                throw new InvalidDataException("huber-likelihood delta must be a positive number, got " + delta);
            }
        }

        @Override
        public double rho(double r) {
            return Huber.rho(r, delta);
        }

        @Override
        public double irlsWeight(double r) {
            return Huber.irlsWeight(r, delta);
        }

        @Override
        public double psi(double r) {
            return Huber.psi(r, delta);
        }

        @Override
        public double curvature(double r) {
            return Huber.curvature(r, delta);
        }

        /** @return false: with its free scale the likelihood is not convex in the residuals */
        @Override
        public boolean isConvex() {
            return false;
        }

        @Override
        public String spec() {
            return "huber-likelihood:" + Loss.number(delta);
        }

        /** @return ln Z(δ), the log of the density's normaliser */
        public double logNormaliser() {
            double z = Math.sqrt(2 * Math.PI) * (1 - 2 * org.scalefit.stats.Quantiles.normalCdf(-delta))
                    + 2 * Math.exp(-0.5 * delta * delta) / delta;
            return Math.log(z);
        }

        /**
         * The scale that maximises the likelihood of the given residuals: the root of Σ min(zᵢ², δ|zᵢ|) = n with
         * zᵢ = rᵢ/σ (the left side falls as σ grows, from +∞ to 0), found by bisection on ln σ.
         *
         * @param r weighted residuals
         * @return σ, or NaN when every residual is zero or some is not finite
         */
        public double scale(double[] r) {
            double sumAbs = 0;
            double sumSq = 0;
            for (double v : r) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                sumAbs += Math.abs(v);
                sumSq += v * v;
            }
            int n = r.length;
            if (!(sumAbs > 0)) {
                return Double.NaN;
            }
            // All residuals in the tails: σ = δ·Σ|r|/n; all inside: σ = √(Σr²/n). The root lies between.
            double lo = Math.log(Math.min(delta * sumAbs / n, Math.sqrt(sumSq / n))) - 1;
            double hi = Math.log(Math.max(delta * sumAbs / n, Math.sqrt(sumSq / n))) + 1;
            for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); it++) {
                double mid = 0.5 * (lo + hi);
                if (excess(r, Math.exp(mid)) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return Math.exp(0.5 * (lo + hi));
        }

        private double excess(double[] r, double sigma) {
            double s = 0;
            for (double v : r) {
                double z = Math.abs(v) / sigma;
                s += z <= delta ? z * z : delta * z;
            }
            return s - r.length;
        }

        /**
         * −log L at scale σ: Σ ρ_δ(rᵢ/σ) + n·(ln σ + ln Z(δ)) − ½·Σ ln wᵢ.
         *
         * @param r          weighted residuals √wᵢ·rᵢ
         * @param sigma      the scale
         * @param sumLogW    Σ ln wᵢ (0 without weights)
         * @return −log L
         */
        public double negativeLogLikelihood(double[] r, double sigma, double sumLogW) {
            double s = 0;
            for (double v : r) {
                s += rho(v / sigma);
            }
            return s + r.length * (Math.log(sigma) + logNormaliser()) - 0.5 * sumLogW;
        }
    }
}
