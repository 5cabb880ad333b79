/* zipread.c: the DOCX package: opening the zip from memory, bounded
 * extraction of parts (zip bomb caps) and parsing a part as XML with every
 * DTD/entity feature refused (billion laughs, XXE). */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "docx.h"

samla_status docx_pkg_open(docx_pkg *pkg, samla_ctx *ctx)
{
    memset(pkg, 0, sizeof *pkg);
    pkg->ctx = ctx;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(ctx->doc.bytes, ctx->doc.size, 0, &err);
    if (!src) {
        zip_error_fini(&err);
        return SAMLA_ERR_NOMEM;
    }
    pkg->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!pkg->zip) {
        zip_source_free(src);
        samla_ctx_error(ctx, 0, "damaged DOCX: %s", zip_error_strerror(&err));
        zip_error_fini(&err);
        return SAMLA_ERR_FORMAT;
    }
    zip_error_fini(&err);
    return SAMLA_OK;
}

void docx_pkg_close(docx_pkg *pkg)
{
    if (pkg->zip) zip_discard(pkg->zip);
    pkg->zip = NULL;
}

static zip_int64_t locate(docx_pkg *pkg, const char *name)
{
    while (*name == '/') name++;
    return zip_name_locate(pkg->zip, name, ZIP_FL_NOCASE);
}

bool docx_pkg_has(docx_pkg *pkg, const char *name) { return locate(pkg, name) >= 0; }

/* Reads part idx into a malloc'ed buffer (caller frees) of *len bytes,
 * counting against the part, total and ratio caps. */
static samla_status read_part(docx_pkg *pkg, zip_int64_t idx, const char *name, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat_index(pkg->zip, (zip_uint64_t)idx, 0, &zs) != 0) {
        samla_ctx_error(pkg->ctx, 0, "damaged DOCX: cannot read %s", name);
        return SAMLA_ERR_FORMAT;
    }
    zip_uint64_t comp = (zs.valid & ZIP_STAT_COMP_SIZE) ? zs.comp_size : 0;
    /* the declared size already over a cap: refused before inflating anything (the caps below still hold
     * while reading, since a declared size may lie) */
    if ((zs.valid & ZIP_STAT_SIZE) && zs.size > DOCX_MAX_PART) {
        samla_ctx_error(pkg->ctx, 0, "zip bomb refused: %s unpacks to more than %zu MiB", name, DOCX_MAX_PART >> 20);
        return SAMLA_ERR_LIMIT;
    }
    if ((zs.valid & ZIP_STAT_SIZE) && zs.size > DOCX_RATIO_MIN_SIZE && (comp == 0 || zs.size / comp > DOCX_MAX_RATIO)) {
        samla_ctx_error(pkg->ctx, 0, "zip bomb refused: %s compression ratio over %d:1", name, DOCX_MAX_RATIO);
        return SAMLA_ERR_LIMIT;
    }
    zip_file_t *f = zip_fopen_index(pkg->zip, (zip_uint64_t)idx, 0);
    if (!f) {
        zip_error_t *e = zip_get_error(pkg->zip);
        if (zip_error_code_zip(e) == ZIP_ER_NOPASSWD || zip_error_code_zip(e) == ZIP_ER_WRONGPASSWD) {
            samla_ctx_error(pkg->ctx, 0, "encrypted DOCX: %s is password-protected", name);
            return SAMLA_ERR_ENCRYPTED;
        }
        samla_ctx_error(pkg->ctx, 0, "damaged DOCX: cannot open %s (%s)", name, zip_error_strerror(e));
        return SAMLA_ERR_FORMAT;
    }
    size_t cap = 64 << 10, n = 0;
    char *buf = malloc(cap + 1);
    samla_status st = buf ? SAMLA_OK : SAMLA_ERR_NOMEM;
    while (st == SAMLA_OK) {
        if (n == cap) {
            size_t ncap = cap * 2 > DOCX_MAX_PART ? DOCX_MAX_PART + 1 : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                st = SAMLA_ERR_NOMEM;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        zip_int64_t r = zip_fread(f, buf + n, cap - n);
        if (r < 0) {
            samla_ctx_error(pkg->ctx, 0, "damaged DOCX: %s cannot be decompressed (%s)", name,
                            zip_error_strerror(zip_file_get_error(f)));
            st = SAMLA_ERR_FORMAT;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
        pkg->total += (size_t)r;
        if (n > DOCX_MAX_PART) {
            samla_ctx_error(pkg->ctx, 0, "zip bomb refused: %s unpacks to more than %zu MiB", name,
                            DOCX_MAX_PART >> 20);
            st = SAMLA_ERR_LIMIT;
        } else if (pkg->total > DOCX_MAX_TOTAL) {
            samla_ctx_error(pkg->ctx, 0, "zip bomb refused: parts unpack to more than %zu MiB in all",
                            DOCX_MAX_TOTAL >> 20);
            st = SAMLA_ERR_LIMIT;
        } else if (n > DOCX_RATIO_MIN_SIZE && (comp == 0 || n / comp > DOCX_MAX_RATIO)) {
            samla_ctx_error(pkg->ctx, 0, "zip bomb refused: %s compression ratio over %d:1", name,
                            DOCX_MAX_RATIO);
            st = SAMLA_ERR_LIMIT;
        }
    }
    zip_fclose(f);
    if (st != SAMLA_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return SAMLA_OK;
}

/* True when the prolog (before the root element) declares a DOCTYPE. The
 * parse result is checked as well; this catches it before any parsing. */
static bool has_doctype(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++;
        } else if (c == '<' && i + 1 < n && s[i + 1] == '?') {
            const char *e = memchr(s + i, '>', n - i);
            if (!e) return false;
            i = (size_t)(e - s) + 1;
        } else if (c == '<' && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 2 < n && memcmp(s + j, "-->", 3) != 0) j++;
            i = j + 3;
        } else {
            return n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0;
        }
    }
    return false;
}

samla_status docx_pkg_xml(docx_pkg *pkg, const char *name, xmlDocPtr *out)
{
    *out = NULL;
    while (*name == '/') name++;
    zip_int64_t idx = locate(pkg, name);
    if (idx < 0) return SAMLA_OK;
    char *buf;
    size_t len;
    samla_status st = read_part(pkg, idx, name, &buf, &len);
    if (st != SAMLA_OK) return st;
    if (len > (size_t)0x7fffffff) {
        free(buf);
        samla_ctx_error(pkg->ctx, 0, "zip bomb refused: %s is too large", name);
        return SAMLA_ERR_LIMIT;
    }
    if (has_doctype(buf, len)) {
        free(buf);
        samla_ctx_error(pkg->ctx, 0, "XML entity/DTD declarations refused in %s", name);
        return SAMLA_ERR_FORMAT;
    }
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (!pc) {
        free(buf);
        return SAMLA_ERR_NOMEM;
    }
    /* No XML_PARSE_NOENT / DTDLOAD / DTDATTR / HUGE: entities are never
     * substituted and nothing is fetched. */
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(pc, buf, (int)len, name, NULL, opts);
    free(buf);
    if (doc && (doc->intSubset || doc->extSubset)) {
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(pc);
        samla_ctx_error(pkg->ctx, 0, "XML entity/DTD declarations refused in %s", name);
        return SAMLA_ERR_FORMAT;
    }
    if (!doc || !xmlDocGetRootElement(doc)) {
        const char *msg = pc->lastError.message ? pc->lastError.message : "no root element\n";
        size_t ml = strlen(msg);
        while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' ')) ml--;
        samla_ctx_error(pkg->ctx, 0, "damaged DOCX: %s is not well-formed XML (line %d: %.*s)", name,
                        pc->lastError.line, (int)ml, msg);
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(pc);
        return SAMLA_ERR_FORMAT;
    }
    xmlFreeParserCtxt(pc);
    *out = doc;
    return SAMLA_OK;
}
