/**
 * The {@code scalefit} command line (picocli): commands, human-readable tables and JSON output, and
 * the translation of errors into one-line messages and exit codes (0 ok, 1 fit failed, 2 bad input).
 * Only this package knows picocli, exit codes and JSON.
 */
package org.scalefit.cli;
