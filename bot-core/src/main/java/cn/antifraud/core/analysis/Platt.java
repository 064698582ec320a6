package cn.antifraud.core.analysis;

/**
 * Platt scaling over several scores: a logistic regression {@code P(scam) = sigmoid(w . x + b)} fitted by Newton's
 * method on out-of-fold scores, so the probability it gives is a frequency (of the messages given 0.8, about 8 in 10
 * are scams) and the cutoff means the same thing whatever the members' own scales are. A small L2 penalty keeps the
 * fit finite when the scores separate the classes.
 */
public record Platt(double[] weights, double bias) {
    private static final double L2 = 1e-3;

    /** Fits on rows of scores {@code x} with labels {@code y}. */
    public static Platt fit(double[][] x, boolean[] y) {
        int d = x[0].length + 1;
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double[] row = withBias(x[i]);
                double p = sigmoid(dot(w, row));
                double g = p - (y[i] ? 1 : 0);
                double h = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    grad[a] += g * row[a];
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += h * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                grad[a] += L2 * x.length * w[a];
                hess[a][a] += L2 * x.length;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        double[] weights = new double[d - 1];
        System.arraycopy(w, 0, weights, 0, d - 1);
        return new Platt(weights, w[d - 1]);
    }

    public double probability(double... scores) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * scores[i];
        }
        return sigmoid(z);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] withBias(double[] x) {
        double[] r = new double[x.length + 1];
        System.arraycopy(x, 0, r, 0, x.length);
        r[x.length] = 1;
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting (the systems here are 2x2 to 4x4). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                pivot = Math.abs(m[r][col]) > Math.abs(m[pivot][col]) ? r : pivot;
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col && m[col][col] != 0) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
