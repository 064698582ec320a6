package cn.antifraud.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Platt scaling recovers the logistic relation it is fitted on, so its outputs are frequencies. */
class PlattTest {
    @Test
    void recoversTheWeightsOfALogisticRelation() {
        Random random = new Random(3);
        int n = 20_000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextGaussian() * 2, random.nextGaussian()};
            y[i] = random.nextDouble() < Platt.sigmoid(1.5 * x[i][0] - 0.5 * x[i][1] - 1);
        }
        Platt p = Platt.fit(x, y);
        assertEquals(1.5, p.weights()[0], 0.1);
        assertEquals(-0.5, p.weights()[1], 0.1);
        assertEquals(-1, p.bias(), 0.1);
    }
}
