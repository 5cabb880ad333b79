/* cmd_eval.c: `samla eval` (being built: see its issue). */
#include <string.h>

#include "cli.h"

int cmd_eval(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        printf("Usage: samla eval ... (not available yet)\n");
        return CLI_OK;
    }
    fprintf(stderr, "samla eval: not available yet\n");
    return CLI_USAGE;
}
