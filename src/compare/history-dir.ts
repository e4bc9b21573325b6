/**
 * Where `volley run --save` keeps results and `volley history` reads them by default: a file of
 * its own, so the command line names it without loading the store and the statistics behind it.
 */
export const DEFAULT_HISTORY_DIR = '.volley/history';
