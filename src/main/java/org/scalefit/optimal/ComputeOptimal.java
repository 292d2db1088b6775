package org.scalefit.optimal;

import java.util.Arrays;
import org.scalefit.InvalidDataException;
import org.scalefit.model.ChinchillaLaw;

/**
 * The compute-optimal allocation implied by Chinchilla-law parameters (E, A, B, α, β), in closed form
 * (Hoffmann et al. 2022, eq. 4 and Appendix D.2). Minimising L(N, D) = E + A/N^α + B/D^β subject to
 * C = 6·N·D gives
 * <pre>
 *   G = (αA/(βB))^(1/(α+β)),  a = β/(α+β),  b = α/(α+β),
 *   N_opt(C) = G·(C/6)^a,     D_opt(C) = G^(−1)·(C/6)^b,
 *   L_opt(C) = E + K·(C/6)^(−αβ/(α+β)) with K = A·G^(−α) + B·G^β,
 * </pre>
 * and, inverting the last line, the compute needed to reach a loss L* &gt; E:
 * C(L*) = 6·((L* − E)/K)^(−(α+β)/(αβ)). Compute is in FLOP, N in parameters, D in tokens.
 * Every formula is also available as a static function of the parameter vector, so intervals can be
 * propagated from a covariance or from bootstrap replicates.
 *
 * <pre>{@code
 * ComputeOptimal opt = ComputeOptimal.of(new double[] {1.8172, 477.84, 2143.86, 0.34731, 0.36718});
 * double n = opt.nOpt(1e23);                  // parameters
 * double ratio = opt.tokensPerParameter(1e23);
 * double c = opt.computeForLoss(2.0);         // FLOP, NaN when 2.0 ≤ E
 * }</pre>
 */
public final class ComputeOptimal {
    private final double[] p;

    private ComputeOptimal(double[] p) {
        this.p = p;
    }

    /**
     * @param parameters (E, A, B, alpha, beta) in {@link ChinchillaLaw}'s order
     * @return the allocation
     * @throws InvalidDataException when A, B, α or β is not positive, or a value is not finite
     */
    public static ComputeOptimal of(double[] parameters) {
        check(parameters);
        return new ComputeOptimal(parameters.clone());
    }

    static void check(double[] p) {
        if (p.length != 5) {
            throw new InvalidDataException("compute-optimal allocation needs the 5 chinchilla parameters (E, A, B, alpha, beta), got "
                    + p.length);
        }
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new InvalidDataException("compute-optimal allocation needs finite parameters, got " + Arrays.toString(p));
            }
        }
        String[] names = {"E", "A", "B", "alpha", "beta"};
        for (int j = 1; j < 5; j++) {
            if (!(p[j] > 0)) {
                throw new InvalidDataException("compute-optimal allocation needs " + names[j] + " > 0, got " + p[j]
                        + ": without it the optimum runs off to an extreme allocation");
            }
        }
    }

    /** @return the parameters (a copy) */
    public double[] parameters() {
        return p.clone();
    }

    /** @return G = (αA/(βB))^(1/(α+β)) */
    public double g() {
        return g(p);
    }

    /** @return a = β/(α+β), the exponent of N_opt in C */
    public double nExponent() {
        return nExponent(p);
    }

    /** @return b = α/(α+β), the exponent of D_opt in C */
    public double dExponent() {
        return dExponent(p);
    }

    /**
     * @param compute training FLOP C &gt; 0
     * @return N_opt(C), parameters
     */
    public double nOpt(double compute) {
        return nOpt(p, compute);
    }

    /**
     * @param compute training FLOP C &gt; 0
     * @return D_opt(C), tokens
     */
    public double dOpt(double compute) {
        return dOpt(p, compute);
    }

    /**
     * @param compute training FLOP C &gt; 0
     * @return D_opt/N_opt, tokens per parameter
     */
    public double tokensPerParameter(double compute) {
        return tokensPerParameter(p, compute);
    }

    /**
     * @param compute training FLOP C &gt; 0
     * @return L(N_opt, D_opt), the lowest loss C buys
     */
    public double loss(double compute) {
        return loss(p, compute);
    }

    /**
     * @param targetLoss the loss to reach
     * @return the FLOP C at which the compute-optimal loss equals the target; NaN when target ≤ E (never reached)
     */
    public double computeForLoss(double targetLoss) {
        return computeForLoss(p, targetLoss);
    }

    /**
     * @param p (E, A, B, alpha, beta)
     * @return G
     */
    public static double g(double[] p) {
        return ChinchillaLaw.allocationG(p);
    }

    /**
     * @param p (E, A, B, alpha, beta)
     * @return β/(α+β)
     */
    public static double nExponent(double[] p) {
        return p[ChinchillaLaw.BETA] / (p[ChinchillaLaw.ALPHA] + p[ChinchillaLaw.BETA]);
    }

    /**
     * @param p (E, A, B, alpha, beta)
     * @return α/(α+β)
     */
    public static double dExponent(double[] p) {
        return p[ChinchillaLaw.ALPHA] / (p[ChinchillaLaw.ALPHA] + p[ChinchillaLaw.BETA]);
    }

    /**
     * @param p       (E, A, B, alpha, beta)
     * @param compute C
     * @return G·(C/6)^a
     */
    public static double nOpt(double[] p, double compute) {
        return Math.exp(Math.log(g(p)) + nExponent(p) * Math.log(compute / 6));
    }

    /**
     * @param p       (E, A, B, alpha, beta)
     * @param compute C
     * @return G^(−1)·(C/6)^b
     */
    public static double dOpt(double[] p, double compute) {
        return Math.exp(-Math.log(g(p)) + dExponent(p) * Math.log(compute / 6));
    }

    /**
     * @param p       (E, A, B, alpha, beta)
     * @param compute C
     * @return D_opt/N_opt = G^(−2)·(C/6)^(b−a)
     */
    public static double tokensPerParameter(double[] p, double compute) {
        return Math.exp(-2 * Math.log(g(p)) + (dExponent(p) - nExponent(p)) * Math.log(compute / 6));
    }

    /**
     * @param p       (E, A, B, alpha, beta)
     * @param compute C
     * @return E + A/N_opt^α + B/D_opt^β
     */
    public static double loss(double[] p, double compute) {
        double n = nOpt(p, compute);
        double d = dOpt(p, compute);
        return p[ChinchillaLaw.E] + p[ChinchillaLaw.A] * Math.exp(-p[ChinchillaLaw.ALPHA] * Math.log(n))
                + p[ChinchillaLaw.B] * Math.exp(-p[ChinchillaLaw.BETA] * Math.log(d));
    }

    /**
     * @param p          (E, A, B, alpha, beta)
     * @param targetLoss L*
     * @return 6·((L* − E)/K)^(−(α+β)/(αβ)), or NaN when L* ≤ E
     */
    public static double computeForLoss(double[] p, double targetLoss) {
        double gap = targetLoss - p[ChinchillaLaw.E];
        if (!(gap > 0)) {
            return Double.NaN;
        }
        double alpha = p[ChinchillaLaw.ALPHA];
        double beta = p[ChinchillaLaw.BETA];
        double lnG = Math.log(g(p));
        double k = p[ChinchillaLaw.A] * Math.exp(-alpha * lnG) + p[ChinchillaLaw.B] * Math.exp(beta * lnG);
        double gamma = alpha * beta / (alpha + beta);
        return 6 * Math.exp(-(Math.log(gap) - Math.log(k)) / gamma);
    }
}
