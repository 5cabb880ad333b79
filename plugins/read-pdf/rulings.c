/* rulings.c: vertical and horizontal rules drawn on a page (table borders, a rule between
 * text columns), which the text layer does not hold.
 *
 * poppler-glib gives no access to a page's paths, so the part of the page in
 * question is rendered (poppler_page_render onto a cairo image at
 * PDF_INK_SCALE pixels a point, kept as grey levels) and a vertical rule is a
 * pixel column clearly darker than the pixels a little left and right of it
 * (a contrast, so a shaded cell is no rule) over most of a height. Only the
 * few places where the text alone cannot decide are rendered: a table row
 * with text in its first column only (a group row spanning the table, or a
 * row of empty cells), two columns of list items (text columns or a table).
 * Horizontal rules are found the same way along pixel rows: a table's top,
 * header or bottom rule across the gutter of a two-column block tells a table
 * drawn with horizontal rules only (booktabs, an HTML header underline) from
 * two text columns (columns.c, PDF-TEXT-COLUMNS-FLOW).
 * One render is kept per reader and reused while the questions stay inside
 * it (the table or region being read); the next render replaces it. Its
 * pixels stay cairo's: a pixel's grey level is computed when a rule check
 * reads it (the checks read a few bands of an area, the area is mostly paper). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <cairo.h>
#include <poppler.h>

#include "pdf.h"

#define PDF_INK_SCALE 2.0      /* pixels a point: a 0.5 pt hairline is one pixel */
#define PDF_INK_MAX_PIXELS 8e6 /* a rendered area larger than this is not rendered (no rule seen) */
#define PDF_INK_CONTRAST 24    /* grey levels a rule pixel is darker than both sides */

struct pdf_ink {
    int page;                  /* 1-based */
    double x0, y0, x1, y1;     /* rendered area, points */
    int w, h;
    cairo_surface_t *cs;       /* the render, RGB24 (owned) */
    unsigned char *buf;        /* its pixels (owned, malloc), stride bytes a row */
    const unsigned char *data; /* = buf */
    int stride;
    PopplerPage *pg;           /* the page rendered (a reference), reused for the next render of the same page */
};

/* Renders area [x0, x1] x [y0, y1] of page `page` (1-based) into a new ink
 * map (the struct in the scratch arena, its surface freed by pdf_ink_free);
 * NULL when it cannot be rendered. The surface's pixels are malloc'd, not
 * cleared (the white paint sets every one): cairo_image_surface_create would
 * clear them first. A page rendered for the ink map before (`last`, same page)
 * is rendered again through the same PopplerPage. The render is poppler-glib's
 * print render: a screen render of a page also builds the page's text (a
 * TextPage, as the text pass did already) as a side effect, which the rules
 * do not need (docs/benchmarks.md, session 17: 1.2% of a corpus dump;
 * the pixels are the same on every committed PDF). */
static pdf_ink *render(pdf_reader *r, int page, double x0, double y0, double x1, double y1)
{
    if (!r->pd) return NULL;
    double s = PDF_INK_SCALE;
    int w = (int)ceil((x1 - x0) * s), h = (int)ceil((y1 - y0) * s);
    if (w < 4 || h < 4 || (double)w * h > PDF_INK_MAX_PIXELS) return NULL;
    const pdf_ink *last = r->ink;
    PopplerPage *pg = last && last->page == page && last->pg ? g_object_ref(last->pg)
                                                              : poppler_document_get_page(r->pd, page - 1);
    if (!pg) return NULL;
    pdf_ink *k = samla_arena_alloc(r->scratch, sizeof *k);
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    unsigned char *buf = k && stride > 0 ? malloc((size_t)stride * (size_t)h) : NULL;
    cairo_surface_t *cs = buf ? cairo_image_surface_create_for_data(buf, CAIRO_FORMAT_RGB24, w, h, stride) : NULL;
    bool ok = cs && cairo_surface_status(cs) == CAIRO_STATUS_SUCCESS;
    if (ok) {
        cairo_t *cr = cairo_create(cs);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, s, s);
        cairo_translate(cr, -x0, -y0);
        poppler_page_render_for_printing(pg, cr); /* no TextPage built */
        ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
        cairo_destroy(cr);
        cairo_surface_flush(cs);
    }
    if (!ok) {
        if (cs) cairo_surface_destroy(cs);
        free(buf);
        g_object_unref(pg);
        return NULL;
    }
    *k = (pdf_ink){page, x0, y0, x0 + w / s, y0 + h / s, w, h, cs, buf, buf, stride, pg};
    return k;
}

void pdf_ink_free(pdf_reader *r)
{
    if (r->ink) {
        cairo_surface_destroy(r->ink->cs);
        free(r->ink->buf);
        g_object_unref(r->ink->pg);
    }
    r->ink = NULL;
}

pdf_ink *pdf_ink_area(pdf_reader *r, int page, double x0, double y0, double x1, double y1)
{
    pdf_ink *k = r->ink;
    if (k && k->page == page && k->x0 <= x0 && k->y0 <= y0 && k->x1 >= x1 && k->y1 >= y1) return k;
    k = render(r, page, fmax(0, x0 - 4), fmax(0, y0 - 4), x1 + 4, y1 + 4);
    if (k) {
        pdf_ink_free(r);
        r->ink = k;
    }
    return k;
}

/* Grey level of a pixel, 0 black .. 255 white (outside the area: white). */
static inline int grey_at(const pdf_ink *k, int x, int y)
{
    if (x < 0 || y < 0 || x >= k->w || y >= k->h) return 255;
    uint32_t p = ((const uint32_t *)(const void *)(k->data + (size_t)y * (size_t)k->stride))[x] & 0xFFFFFF;
    if (p == 0xFFFFFF) return 255; /* paper */
    return (int)((((p >> 16) & 255) * 299 + ((p >> 8) & 255) * 587 + (p & 255) * 114) / 1000);
}

bool pdf_ink_vrule(const pdf_ink *k, double xa, double xb, double ya, double yb, double cover)
{
    if (!k) return false;
    double s = PDF_INK_SCALE;
    int pa = (int)floor((fmax(xa, k->x0) - k->x0) * s), pb = (int)ceil((fmin(xb, k->x1) - k->x0) * s);
    int ya_px = (int)floor((fmax(ya, k->y0) - k->y0) * s), yb_px = (int)ceil((fmin(yb, k->y1) - k->y0) * s);
    if (pb < pa || yb_px <= ya_px) return false;
    int need = (int)ceil(cover * (yb_px - ya_px));
    for (int x = pa; x <= pb; x++) {
        int dark = 0;
        /* a column stops being read once the pixels left cannot make up the cover */
        for (int y = ya_px; y < yb_px && dark + (yb_px - y) >= need; y++) {
            /* a hairline may fall across two pixel columns: take the darker pair */
            int g = grey_at(k, x, y), g2 = grey_at(k, x + 1, y);
            int v = g < g2 ? g : g2;
            if (v + PDF_INK_CONTRAST > 255) continue; /* paper: no side can be that much lighter */
            int side = grey_at(k, x - 2, y), side2 = grey_at(k, x + 3, y);
            dark += v + PDF_INK_CONTRAST <= side && v + PDF_INK_CONTRAST <= side2;
        }
        if (dark >= need) return true;
    }
    return false;
}

bool pdf_ink_hrule(const pdf_ink *k, double xa, double xb, double ya, double yb, double cover)
{
    if (!k) return false;
    double s = PDF_INK_SCALE;
    int pa = (int)floor((fmax(xa, k->x0) - k->x0) * s), pb = (int)ceil((fmin(xb, k->x1) - k->x0) * s);
    int ya_px = (int)floor((fmax(ya, k->y0) - k->y0) * s), yb_px = (int)ceil((fmin(yb, k->y1) - k->y0) * s);
    if (pb <= pa || yb_px < ya_px) return false;
    int need = (int)ceil(cover * (pb - pa));
    for (int y = ya_px; y <= yb_px; y++) {
        int dark = 0;
        /* a row stops being read once the pixels left cannot make up the cover */
        for (int x = pa; x < pb && dark + (pb - x) >= need; x++) {
            /* a hairline may fall across two pixel rows: take the darker pair */
            int g = grey_at(k, x, y), g2 = grey_at(k, x, y + 1);
            int v = g < g2 ? g : g2;
            if (v + PDF_INK_CONTRAST > 255) continue; /* paper: no side can be that much lighter */
            int side = grey_at(k, x, y - 2), side2 = grey_at(k, x, y + 3);
            dark += v + PDF_INK_CONTRAST <= side && v + PDF_INK_CONTRAST <= side2;
        }
        if (dark >= need) return true;
    }
    return false;
}
