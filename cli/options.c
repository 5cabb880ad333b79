/* options.c: parsing the numeric values of command-line options with one
 * error line naming the option (options.h). */
#include "options.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_option_whole(const char *cmd, const char *opt, const char *arg, const char *unit, unsigned long min,
                      unsigned long max, unsigned long *out)
{
    size_t len = strlen(arg);
    if (len > 0 && len <= 19 && strspn(arg, "0123456789") == len) {
        errno = 0;
        unsigned long long v = strtoull(arg, NULL, 10);
        if (!errno && v >= min && v <= max) {
            *out = (unsigned long)v;
            return true;
        }
    }
    fprintf(stderr, "samla %s: %s wants a whole number%s%s from %lu to %lu, not '%s'\n", cmd, opt, unit ? " of " : "",
            unit ? unit : "", min, max, arg);
    return false;
}

bool cli_option_number(const char *cmd, const char *opt, const char *arg, const char *unit, double min, double max,
                       double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(arg, &end);
    if (end != arg && !*end && !errno && isfinite(v) && v >= min && v <= max) {
        *out = v;
        return true;
    }
    fprintf(stderr, "samla %s: %s wants %s from %.15g to %.15g, not '%s'\n", cmd, opt, unit ? unit : "a number", min,
            max, arg);
    return false;
}

bool cli_option_ratio(const char *cmd, const char *opt, const char *arg, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(arg, &end);
    if (end != arg && !*end && !errno && v > 0 && v <= 1) {
        *out = v;
        return true;
    }
    fprintf(stderr, "samla %s: %s wants a number above 0 and at most 1, not '%s'\n", cmd, opt, arg);
    return false;
}
