/* cmd_coverage.c: `samla coverage` (being built: see its issue). */
#include <string.h>

#include "cli.h"

int cmd_coverage(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        printf("Usage: samla coverage ... (not available yet)\n");
        return CLI_OK;
    }
    fprintf(stderr, "samla coverage: not available yet\n");
    return CLI_USAGE;
}
