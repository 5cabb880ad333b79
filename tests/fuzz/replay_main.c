/* replay_main.c: the main() of every fuzz harness built without libFuzzer
 * (SAMLA_FUZZ off). It calls the harness's LLVMFuzzerInitialize once, then
 * LLVMFuzzerTestOneInput on the whole contents of each file named on the
 * command line: a regression test over tests/fuzz/cases and the seeds.
 * Exit status 0 when every file was read and replayed, 1 otherwise (a file
 * that cannot be read is named on stderr). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole file in a malloc'd buffer (caller frees; at least one byte
 * allocated, so an empty file is not NULL); *len its size. NULL when the
 * file cannot be opened or read. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;
        unsigned char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize(&argc, &argv) != 0) return 1;
    int n = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        unsigned char *buf = read_all(argv[i], &len);
        if (!buf) {
            fprintf(stderr, "replay: %s: cannot read\n", argv[i]);
            continue;
        }
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
        n++;
    }
    printf("replayed %d inputs\n", n);
    return n == argc - 1 ? 0 : 1;
}
