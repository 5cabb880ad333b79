/* path.c: file names in messages and in the model. A POSIX file name is bytes; the
 * model and every message are UTF-8, so a name that is not valid UTF-8 is shown with
 * each invalid byte (and, then, each backslash) escaped as \xNN: readable, and the
 * original bytes can be recovered from it. */
#include "samla/text.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *samla_path_display(const char *path)
{
    if (!path) return NULL;
    if (g_utf8_validate(path, -1, NULL)) return strdup(path);
    size_t n = strlen(path);
    char *out = malloc(4 * n + 1); /* worst case: every byte escaped */
    if (!out) return NULL;
    size_t o = 0;
    const char *p = path, *end = path + n;
    while (p < end) {
        const char *bad = NULL;
        g_utf8_validate(p, end - p, &bad);
        for (; p < bad; p++) {
            if (*p == '\\') {
                memcpy(out + o, "\\x5C", 4);
                o += 4;
            } else {
                out[o++] = *p;
            }
        }
        if (p < end) {
            snprintf(out + o, 5, "\\x%02X", (unsigned char)*p);
            o += 4;
            p++;
        }
    }
    out[o] = '\0';
    return out;
}
