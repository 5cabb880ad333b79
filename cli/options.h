/* options.h: the numeric values of command-line options (counts, seconds, MB),
 * parsed one way for every subcommand.
 *
 * Each parser takes the subcommand ("batch"), the option as the user writes it
 * ("--timeout"), its value and the bounds. A bad value prints one line on
 * stderr naming the option, what it wants and the value given:
 *     samla batch: --timeout wants seconds from 0 to 1000000000, not '10m'
 * and the parser returns false: the caller returns CLI_USAGE. */
#ifndef SAMLA_CLI_OPTIONS_H
#define SAMLA_CLI_OPTIONS_H

#include <stdbool.h>

/* A whole number (decimal digits only) from min to max, counting unit
 * ("MB"; NULL for a plain count). */
bool cli_option_whole(const char *cmd, const char *opt, const char *arg, const char *unit, unsigned long min,
                      unsigned long max, unsigned long *out);
/* A decimal number ("0.5", "30") of unit ("seconds", "MB") from min to max. */
bool cli_option_number(const char *cmd, const char *opt, const char *arg, const char *unit, double min, double max,
                       double *out);
/* A ratio above 0 and at most 1 (a similarity threshold: "0.85"). */
bool cli_option_ratio(const char *cmd, const char *opt, const char *arg, double *out);

#endif
