/* no_entry.c: a shared object without the samla entry symbol; the loader must refuse it. */
#include "samla/samla.h"

SAMLA_EXPORT int samla_something_else(void);
SAMLA_EXPORT int samla_something_else(void) { return 42; }
