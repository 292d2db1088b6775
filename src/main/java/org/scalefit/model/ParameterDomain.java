package org.scalefit.model;

/**
 * Where a law's parameter naturally lives. The fitting engine uses it to choose an internal
 * parameterisation: a {@link #POSITIVE} parameter (a scale such as {@code a} in {@code a·x^−α}) is
 * optimised as its logarithm, which keeps it positive and makes scales spanning many decades
 * well conditioned; a {@link #REAL} parameter is optimised as it is.
 *
 * <pre>{@code
 * // in a Law: the scale is positive, the exponent any real number
 * public ParameterDomain domain(int j) {
 *     return j == 0 ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
 * }
 * }</pre>
 */
public enum ParameterDomain {
    /** Any real number. */
    REAL,
    /** Strictly positive; optimised on a log scale. */
    POSITIVE
}
