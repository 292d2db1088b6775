package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;

/**
 * Each loss's ρ, ψ = ρ', ρ'' and reweighting factor against its closed form (Huber 1964; the expectile's
 * |λ − 1(r &lt; 0)|·r²), at the threshold itself and on both sides; the Huber likelihood's normaliser, scale and −log L
 * against SciPy ({@code python3 bench/oracles/optimizer_cores.py}, run 2026-12-07: quad of exp(−ρ_δ) in three pieces,
 * brentq on Σ min(z², δ|z|) = n); parsing and validation by their messages.
 */
class LossTest {

    @Test
    void squaresIsTheSumOfSquares() {
        Loss l = Loss.squares();
        assertEquals(6.25, l.rho(-2.5), 0);
        assertEquals(-5, l.psi(-2.5), 0);
        assertEquals(2, l.curvature(7), 0);
        assertEquals(1, l.irlsWeight(1e6), 0);
        assertTrue(l.isSquares());
        assertTrue(l.isConvex());
        assertEquals("squares", l.spec());
    }

    @Test
    void hubersFunctionIsQuadraticInsideAndLinearOutside() {
        Loss l = Loss.huber(0.5);
        // Inside |r| ≤ δ: ½r², ψ = r, ρ'' = 1, weight 1.
        assertEquals(0.5 * 0.09, l.rho(-0.3), 1e-17);
        assertEquals(-0.3, l.psi(-0.3), 0);
        assertEquals(1, l.curvature(-0.3), 0);
        assertEquals(1, l.irlsWeight(0.3), 0);
        // At the threshold both pieces meet: ½δ² = δ(δ − ½δ), ψ = ±δ, ρ'' takes the inner value.
        assertEquals(0.125, l.rho(0.5), 0);
        assertEquals(0.125, l.rho(-0.5), 0);
        assertEquals(0.5, l.psi(0.5), 0);
        assertEquals(-0.5, l.psi(-0.5), 0);
        assertEquals(1, l.curvature(0.5), 0);
        assertEquals(1, l.curvature(-0.5), 0);
        assertEquals(1, l.irlsWeight(-0.5), 0);
        // Outside: δ(|r| − ½δ), ψ = ±δ, ρ'' = 0, IRLS weight ψ(r)/r = δ/|r|.
        assertEquals(0.5 * (3 - 0.25), l.rho(-3), 1e-15);
        assertEquals(0.5 * (3 - 0.25), l.rho(3), 1e-15);
        assertEquals(0.5, l.psi(3), 0);
        assertEquals(-0.5, l.psi(-3), 0);
        assertEquals(0, l.curvature(3), 0);
        assertEquals(0, l.curvature(-3), 0);
        assertEquals(0.5 / 4, l.irlsWeight(-4), 0);
        assertEquals(0.5 / 4, l.irlsWeight(4), 0);
        assertFalse(l.isSquares());
        assertTrue(l.isConvex());
        assertEquals("huber:0.5", l.spec());
        assertEquals("huber:0.001", Loss.huber(1e-3).spec());
        assertEquals("huber:1e-4", Loss.huber(1e-4).spec(), "a plain exponent, not 1.0E-4");
        assertEquals("huber:2.5e-7", Loss.huber(2.5e-7).spec());
    }

    @Test
    void theExpectileWeighsTheTwoSidesByLambda() {
        Loss l = Loss.asymmetric(0.2);
        // r > 0 (above the curve): λ·r²; r < 0: (1 − λ)·r²; r = 0 takes λ (the branch is r < 0).
        assertEquals(0.2 * 9, l.rho(3), 1e-15);
        assertEquals(0.8 * 9, l.rho(-3), 1e-15);
        assertEquals(2 * 0.2 * 3, l.psi(3), 1e-15);
        assertEquals(2 * 0.8 * -3, l.psi(-3), 1e-15);
        assertEquals(0.4, l.curvature(3), 1e-15);
        assertEquals(1.6, l.curvature(-3), 1e-15);
        assertEquals(0.2, l.irlsWeight(3), 1e-15);
        assertEquals(0.8, l.irlsWeight(-3), 1e-15);
        assertEquals(0.4, l.curvature(0), 1e-15);
        assertEquals(0.2, l.irlsWeight(0), 1e-15);
        assertEquals("asymmetric:0.2", l.spec());
        assertTrue(l.isConvex());
    }

    @Test
    void theHuberLikelihoodMatchesScipy() {
        Loss.HuberLikelihood one = new Loss.HuberLikelihood(1.0);
        Loss.HuberLikelihood small = new Loss.HuberLikelihood(1e-3);
        // ln Z(δ), Z = ∫exp(−ρ_δ(z))dz: quad gives 1.0730585907133918 and 7.600902959541916.
        assertEquals(1.0730585907133918, one.logNormaliser(), 1e-12);
        assertEquals(7.600902959541916, small.logNormaliser(), 1e-11);
        double[] r = {0.3, -1.2, 0.05, 2.5, -0.7, 0.01, -3.0};
        // The scale solving Σ min(zᵢ², δ|zᵢ|) = n: brentq 1.0373729887638363; for δ = 1e-3 every residual is in the
        // tails and σ = δ·Σ|r|/n = 0.0011085714285714286 in closed form.
        double s1 = one.scale(r);
        assertEquals(1.0373729887638363, s1, 1e-13);
        assertEquals(0.0011085714285714286, small.scale(r), 1e-15);
        // −log L at that scale (no weights): 12.997561947530649 and 12.573535559897149.
        assertEquals(12.997561947530649, one.negativeLogLikelihood(r, s1, 0), 1e-11);
        assertEquals(12.573535559897149, small.negativeLogLikelihood(r, small.scale(r), 0), 1e-10);
        // Weights enter as −½Σ ln wᵢ.
        assertEquals(12.997561947530649 - 0.5 * 3.0, one.negativeLogLikelihood(r, s1, 3.0), 1e-11);
        // All residuals inside (δ large): σ = √(Σr²/n).
        Loss.HuberLikelihood wide = new Loss.HuberLikelihood(100);
        double ss = 0;
        for (double v : r) {
            ss += v * v;
        }
        assertEquals(Math.sqrt(ss / r.length), wide.scale(r), 1e-14);
        // Undefined scales.
        assertTrue(Double.isNaN(one.scale(new double[] {0, 0, 0})));
        assertTrue(Double.isNaN(one.scale(new double[] {1, Double.NaN})));
        assertTrue(Double.isNaN(one.scale(new double[] {1, Double.POSITIVE_INFINITY})));
        // Its shape is Huber's at unit scale.
        assertEquals(3 - 0.5, one.rho(3), 1e-15);
        assertEquals(-1, one.psi(-3), 0);
        assertEquals(0, one.curvature(3), 0);
        assertEquals(1, one.curvature(0.2), 0);
        assertEquals(1.0 / 3, one.irlsWeight(3), 1e-16);
        assertFalse(one.isConvex(), "with its free scale the likelihood is not convex");
        assertFalse(one.isSquares());
        assertEquals("huber-likelihood:0.001", small.spec());
    }

    @Test
    void parseReadsEachSpellingAndSaysWhatIsWrong() {
        assertEquals(Loss.squares(), Loss.parse("squares"));
        assertEquals(Loss.squares(), Loss.parse(" LS "));
        assertEquals(Loss.squares(), Loss.parse("least-squares"));
        assertEquals(Loss.huber(0.001), Loss.parse("huber:1e-3"));
        assertEquals(Loss.asymmetric(0.1), Loss.parse("Asymmetric:0.1"));
        assertEquals(Loss.huberLikelihood(0.001), Loss.parse("huber-likelihood:0.001"));
        for (Loss l : new Loss[] {Loss.huber(2.5e-7), Loss.asymmetric(0.35), Loss.huberLikelihood(1e-3), Loss.squares()}) {
            assertEquals(l, Loss.parse(l.spec()), "spec round trip of " + l);
        }
        InvalidOptionException noValue = assertThrows(InvalidOptionException.class, () -> Loss.parse("huber"));
        assertTrue(noValue.getMessage().endsWith("needs a value: huber:DELTA, e.g. huber:1e-3"), noValue.getMessage());
        InvalidOptionException noLambda = assertThrows(InvalidOptionException.class, () -> Loss.parse("asymmetric"));
        assertTrue(noLambda.getMessage().endsWith("needs a value: asymmetric:LAMBDA, e.g. asymmetric:0.1"),
                noLambda.getMessage());
        InvalidOptionException noDelta = assertThrows(InvalidOptionException.class, () -> Loss.parse("huber-likelihood"));
        assertTrue(noDelta.getMessage().endsWith("needs a value: huber-likelihood:DELTA, e.g. huber-likelihood:1e-3"),
                noDelta.getMessage());
        InvalidOptionException notNumber = assertThrows(InvalidOptionException.class, () -> Loss.parse("huber:abc"));
        assertTrue(notNumber.getMessage().endsWith(": \"abc\" is not a number"), notNumber.getMessage());
        InvalidDataException unknown = assertThrows(InvalidDataException.class, () -> Loss.parse("cauchy:1"));
        assertEquals("unknown loss \"cauchy:1\": use squares, huber:DELTA, huber-likelihood:DELTA or asymmetric:LAMBDA",
                unknown.getMessage());
    }

    @Test
    void parametersOutsideTheirDomainAreRefused() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidDataException h = assertThrows(InvalidDataException.class, () -> Loss.huber(bad));
            assertEquals("huber delta must be a positive number, got " + bad, h.getMessage());
            InvalidDataException hl = assertThrows(InvalidDataException.class, () -> Loss.huberLikelihood(bad));
            assertEquals("huber-likelihood delta must be a positive number, got " + bad, hl.getMessage());
        }
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            InvalidDataException a = assertThrows(InvalidDataException.class, () -> Loss.asymmetric(bad));
            assertEquals("asymmetric lambda must lie strictly between 0 and 1, got " + bad, a.getMessage());
        }
    }
}
