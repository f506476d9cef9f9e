/**
 * The exit codes of every samcheck command: 0 success, 1 a computation failed (a theorem card
 * violated, a file that no longer reproduces, a result that could not be written), 2 bad input
 * (one line on stderr naming the field, the value and the rule), 3 an internal error (a bug of
 * samcheck: its stack trace on stderr, with the command line that met it), 130 interrupted
 * (Ctrl-C or SIGTERM: what finished is printed and written, marked interrupted).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL_ERROR = 3;
export const EXIT_INTERRUPTED = 130;
