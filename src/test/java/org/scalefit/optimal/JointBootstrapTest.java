package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/** The bootstrap of a joint Huber fit: 1,000 seeded resamples, bit-identical on 1 and 2 threads. */
class JointBootstrapTest {

    @Test
    void oneAndTwoThreadsGiveBitIdenticalReplicates() {
        Observations data = Synthetic.chinchilla(Synthetic.EPOCH, 100, 0.01, 3);
        Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.builder().loss(Loss.huber(1e-3)).build());
        BootstrapResult one = Bootstrap.run(fit, Resampler.rows(), 1000, 42, 1);
        BootstrapResult two = Bootstrap.run(fit, Resampler.rows(), 1000, 42, 2);
        assertEquals(1000, one.requested());
        assertEquals(one.succeeded(), two.succeeded());
        assertTrue(one.succeeded() >= 990, "refits succeed: " + one.succeeded());
        assertArrayEquals(one.replicateIndices(), two.replicateIndices());
        double[][] a = one.replicates();
        double[][] b = two.replicates();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(Double.doubleToRawLongBits(a[i][j]), Double.doubleToRawLongBits(b[i][j]), "replicate " + i);
            }
        }
        // A different seed draws different replicates.
        BootstrapResult other = Bootstrap.run(fit, Resampler.rows(), 50, 43, 2);
        assertTrue(other.replicates()[0][3] != a[0][3]);
        // The allocation's interval brackets the point value and is the same on both.
        Estimate n1 = OptimalAllocation.bootstrap(one).at(1e23).nOpt();
        Estimate n2 = OptimalAllocation.bootstrap(two).at(1e23).nOpt();
        assertEquals(n1, n2);
        assertTrue(n1.lower() < n1.value() && n1.value() < n1.upper());
    }
}
