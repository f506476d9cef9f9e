/**
 * The exit codes of every samcheck command: 0 success, 1 a computation failed (a theorem card
 * violated, a file that no longer reproduces, a result that could not be written), 2 bad input
 * (one line on stderr naming the field, the value and the rule).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
