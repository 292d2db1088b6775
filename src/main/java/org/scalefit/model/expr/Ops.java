package org.scalefit.model.expr;

/** Arithmetic shared by every evaluator, so that all of them give bit-identical results. */
final class Ops {
    /** Largest |n| for which an integer power is computed by repeated multiplication. */
    static final int MAX_INT_POWER = 16;

    private Ops() {
    }

    static boolean isSmallInteger(double y) {
        return y == (int) y && Math.abs(y) <= MAX_INT_POWER;
    }

    static double pow(double x, double y) {
        if (isSmallInteger(y)) {
            return powInt(x, (int) y);
        }
        return Math.pow(x, y);
    }

    static double powInt(double x, int n) {
        return n < 0 ? 1.0 / powNatural(x, -n) : powNatural(x, n);
    }

    private static double powNatural(double x, int n) {
        switch (n) {
            case 0:
                return 1.0;
            case 1:
                return x;
            case 2:
                return x * x;
            case 3:
                return x * x * x;
            default:
                double result = 1.0;
                double base = x;
                int k = n;
                while (k > 0) {
                    if ((k & 1) != 0) {
                        result *= base;
                    }
                    k >>= 1;
                    if (k > 0) {
                        base *= base;
                    }
                }
                return result;
        }
    }
}
