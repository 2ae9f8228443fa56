package dev.ragfn.shield.eval;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search: enough to fit a logistic regression to convergence
 * without a numerical library. Deterministic for a given start.
 */
final class Lbfgs {

    /** The objective's value at {@code x}; writes its gradient into {@code gradient}. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private static final int MEMORY = 10;
    private static final double TOLERANCE = 1e-7;

    private Lbfgs() {
    }

    static double[] minimize(double[] start, Objective objective, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = objective.evaluate(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] direction = direction(g, s, y, rho, stored, iteration);
            double slope = dot(g, direction);
            if (slope >= 0) {
                direction = negate(g);
                slope = dot(g, direction);
            }
            double step = iteration == 0 ? 1.0 / Math.max(1e-12, Math.sqrt(dot(g, g))) : 1.0;
            double[] next = new double[n];
            double[] nextGradient = new double[n];
            double nextF;
            while (true) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + step * direction[i];
                }
                nextF = objective.evaluate(next, nextGradient);
                if (nextF <= f + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            int slot = iteration % MEMORY;
            s[slot] = new double[n];
            y[slot] = new double[n];
            for (int i = 0; i < n; i++) {
                s[slot][i] = next[i] - x[i];
                y[slot][i] = nextGradient[i] - g[i];
            }
            double sy = dot(s[slot], y[slot]);
            rho[slot] = sy > 1e-12 ? 1 / sy : 0;
            stored = Math.min(stored + 1, MEMORY);
            boolean converged = Math.abs(f - nextF) <= TOLERANCE * Math.max(1, Math.abs(f));
            x = next;
            g = nextGradient;
            f = nextF;
            if (converged) {
                break;
            }
        }
        return x;
    }

    /** The two-loop recursion: minus the inverse-Hessian estimate times the gradient. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int iteration) {
        double[] q = g.clone();
        double[] alpha = new double[MEMORY];
        for (int k = 0; k < stored; k++) {
            int slot = Math.floorMod(iteration - 1 - k, MEMORY);
            alpha[slot] = rho[slot] * dot(s[slot], q);
            axpy(-alpha[slot], y[slot], q);
        }
        if (stored > 0) {
            int last = Math.floorMod(iteration - 1, MEMORY);
            double yy = dot(y[last], y[last]);
            double scale = rho[last] > 0 && yy > 0 ? 1 / (rho[last] * yy) : 1;
            for (int i = 0; i < q.length; i++) {
                q[i] *= scale;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int slot = Math.floorMod(iteration - 1 - k, MEMORY);
            double beta = rho[slot] * dot(y[slot], q);
            axpy(alpha[slot] - beta, s[slot], q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
