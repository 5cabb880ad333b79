/* ocr_grid.c: the cells of ruled tables, from the rulings OCR erased.
 *
 * A scan has no text layer to find a table's columns from, but a ruled table
 * draws its own grid: ocr.c finds the horizontal and vertical rulings (and
 * paints them out before recognition); here they are joined into tables and
 * cut into cells, so that each cell's image can be read on its own. Reading
 * the whole page, Tesseract's layout analysis drops a column of one-letter
 * cells (a party column: S, M, C) and joins two rows whose baselines a grainy
 * scan brings close into one text line; a cell read alone keeps both.
 *
 * Pure geometry on pixel boxes (no Leptonica, no Tesseract): a table is a
 * connected set of at least two horizontal and two vertical rulings (a
 * horizontal and a vertical one touch within tol pixels). Its row lines are
 * the horizontal rulings' heights, its column lines the vertical rulings'
 * x, each merged within tol. A cell spans to the next column line whose
 * ruling crosses the row (a cell merged across columns stays one) and down
 * to the next row line whose ruling crosses the cell (a rowspan stays one).
 * Cells come back row by row, left to right, inset by inset pixels from
 * their lines. */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

#define GRID_MAX_RULINGS 4096
#define GRID_MAX_LINES PDF_OCR_GRID_LINES

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* A horizontal and a vertical ruling touch or cross. */
static bool touch(const pdf_ocr_box *h, const pdf_ocr_box *v, int tol)
{
    return v->x1 >= h->x0 - tol && v->x0 <= h->x1 + tol && h->y1 >= v->y0 - tol && h->y0 <= v->y1 + tol;
}

static int cmp_int(const void *a, const void *b)
{
    int p = *(const int *)a, q = *(const int *)b;
    return (p > q) - (p < q);
}

/* Sorts v[0..n) and merges values within tol (their mean); the new count. */
static size_t merge_lines(int *v, size_t n, int tol)
{
    qsort(v, n, sizeof *v, cmp_int);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        long sum = 0;
        while (j < n && v[j] - v[i] <= tol) sum += v[j++];
        v[out++] = (int)(sum / (long)(j - i));
        i = j;
    }
    return out;
}

/* Some vertical ruling of the table at column line x crosses height y. */
static bool crosses_v(const pdf_ocr_box *v, const size_t *of, size_t nv, size_t t, int x, int y, int tol)
{
    for (size_t i = 0; i < nv; i++)
        if (of[i] == t && abs((v[i].x0 + v[i].x1) / 2 - x) <= tol && y >= v[i].y0 - tol && y <= v[i].y1 + tol)
            return true;
    return false;
}

/* Some horizontal ruling of the table at row line y crosses x. */
static bool crosses_h(const pdf_ocr_box *h, const size_t *of, size_t nh, size_t t, int y, int x, int tol)
{
    for (size_t i = 0; i < nh; i++)
        if (of[i] == t && abs((h[i].y0 + h[i].y1) / 2 - y) <= tol && x >= h[i].x0 - tol && x <= h[i].x1 + tol)
            return true;
    return false;
}

/* Cuts table t (rulings marked of[] == t) into cells appended to *cells;
 * its row and column lines into *tab. */
static samla_status cut_table(const pdf_ocr_box *h, const size_t *hof, size_t nh, const pdf_ocr_box *v,
                              const size_t *vof, size_t nv, size_t t, int tol, int inset, pdf_ocr_box **cells,
                              size_t *n, size_t *cap, pdf_ocr_table *tab)
{
    int *ys = tab->ys, *xs = tab->xs;
    size_t ny = 0, nx = 0;
    for (size_t i = 0; i < nh && ny < GRID_MAX_LINES; i++)
        if (hof[i] == t) ys[ny++] = (h[i].y0 + h[i].y1) / 2;
    for (size_t i = 0; i < nv && nx < GRID_MAX_LINES; i++)
        if (vof[i] == t) xs[nx++] = (v[i].x0 + v[i].x1) / 2;
    ny = merge_lines(ys, ny, tol);
    nx = merge_lines(xs, nx, tol);
    tab->ny = ny, tab->nx = nx;
    if (ny < 2 || nx < 2) return SAMLA_OK;
    bool *taken = calloc(ny * nx, sizeof *taken);
    if (!taken) return SAMLA_ERR_NOMEM;
    for (size_t r = 0; r + 1 < ny; r++)
        for (size_t c = 0; c + 1 < nx; c++) {
            if (taken[r * nx + c]) continue;
            int mid_y = (ys[r] + ys[r + 1]) / 2;
            size_t c1 = c + 1;
            while (c1 + 1 < nx && !crosses_v(v, vof, nv, t, xs[c1], mid_y, tol)) c1++;
            int mid_x = (xs[c] + xs[c1]) / 2;
            size_t r1 = r + 1;
            while (r1 + 1 < ny && !crosses_h(h, hof, nh, t, ys[r1], mid_x, tol)) r1++;
            for (size_t rr = r; rr < r1; rr++)
                for (size_t cc = c; cc < c1; cc++) taken[rr * nx + cc] = true;
            pdf_ocr_box b = {xs[c] + inset, ys[r] + inset, xs[c1] - inset, ys[r1] - inset};
            if (b.x1 <= b.x0 || b.y1 <= b.y0) continue;
            if (*n == *cap) {
                size_t nc = *cap ? 2 * *cap : 32;
                pdf_ocr_box *nb = realloc(*cells, nc * sizeof *nb);
                if (!nb) {
                    free(taken);
                    return SAMLA_ERR_NOMEM;
                }
                *cells = nb, *cap = nc;
            }
            (*cells)[(*n)++] = b;
        }
    free(taken);
    return SAMLA_OK;
}

samla_status pdf_ocr_grid(const pdf_ocr_box *h, size_t nh, const pdf_ocr_box *v, size_t nv, int tol, int inset,
                          pdf_ocr_grid_out *out)
{
    *out = (pdf_ocr_grid_out){0};
    if (nh < 2 || nv < 2 || nh + nv > GRID_MAX_RULINGS) return SAMLA_OK;
    size_t n = nh + nv;
    size_t *parent = malloc(n * sizeof *parent), *hof = malloc(nh * sizeof *hof), *vof = malloc(nv * sizeof *vof);
    samla_status st = parent && hof && vof ? SAMLA_OK : SAMLA_ERR_NOMEM;
    size_t cap = 0, tcap = 0;
    for (size_t i = 0; st == SAMLA_OK && i < n; i++) parent[i] = i;
    for (size_t i = 0; st == SAMLA_OK && i < nh; i++)
        for (size_t j = 0; j < nv; j++)
            if (touch(&h[i], &v[j], tol)) parent[find(parent, i)] = find(parent, nh + j);
    for (size_t i = 0; st == SAMLA_OK && i < nh; i++) hof[i] = find(parent, i);
    for (size_t j = 0; st == SAMLA_OK && j < nv; j++) vof[j] = find(parent, nh + j);
    /* each root with two rulings either way is a table */
    for (size_t t = 0; st == SAMLA_OK && t < n; t++) {
        if (parent[t] != t) continue;
        size_t ch = 0, cv = 0;
        pdf_ocr_box box = {0, 0, 0, 0};
        bool first = true;
        for (size_t i = 0; i < n; i++) {
            bool is_h = i < nh;
            if ((is_h ? hof[i] : vof[i - nh]) != t) continue;
            const pdf_ocr_box *b = is_h ? &h[i] : &v[i - nh];
            is_h ? ch++ : cv++;
            if (first) box = *b, first = false;
            if (b->x0 < box.x0) box.x0 = b->x0;
            if (b->y0 < box.y0) box.y0 = b->y0;
            if (b->x1 > box.x1) box.x1 = b->x1;
            if (b->y1 > box.y1) box.y1 = b->y1;
        }
        if (ch < 2 || cv < 2) continue;
        if (out->ntables == tcap) {
            size_t nc = tcap ? 2 * tcap : 4;
            pdf_ocr_table *nb = realloc(out->tables, nc * sizeof *nb);
            if (!nb) {
                st = SAMLA_ERR_NOMEM;
                break;
            }
            out->tables = nb, tcap = nc;
        }
        pdf_ocr_table *tab = &out->tables[out->ntables];
        tab->box = box;
        size_t before = out->ncells;
        st = cut_table(h, hof, nh, v, vof, nv, t, tol, inset, &out->cells, &out->ncells, &cap, tab);
        if (st == SAMLA_OK && out->ncells > before) out->ntables++;
    }
    free(parent);
    free(hof);
    free(vof);
    if (st != SAMLA_OK) pdf_ocr_grid_free(out);
    return st;
}

void pdf_ocr_grid_free(pdf_ocr_grid_out *g)
{
    free(g->cells);
    free(g->tables);
    *g = (pdf_ocr_grid_out){0};
}
