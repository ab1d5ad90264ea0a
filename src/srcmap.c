/*
 * srcmap.c - the compact source map of a block: runs of text bytes that
 * came from consecutive source bytes (see srcmap.h).
 */
#include <stdlib.h>
#include <string.h>

#include "srcmap.h"

/* Does entry i continue the run of entry i - 1? */
static int continues(const size_t *offs, size_t i)
{
    return offs[i] == offs[i - 1] + 1;
}

int nr_srcmap_set(nr_srcmap *m, const size_t *offs, size_t n)
{
    nr_srcmap fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.n = n;
    if (n == 0) {
        nr_srcmap_free(m);
        *m = fresh;
        return 0;
    }
    size_t lo = offs[0], hi = offs[0], nruns = 1;
    for (size_t i = 1; i < n; i++) {
        if (offs[i] < lo)
            lo = offs[i];
        if (offs[i] > hi)
            hi = offs[i];
        nruns += !continues(offs, i);
    }
    if (hi - lo > UINT32_MAX || n - 1 > UINT32_MAX) {
        fresh.wide = malloc(n * sizeof *fresh.wide);
        if (!fresh.wide)
            return -1;
        memcpy(fresh.wide, offs, n * sizeof *offs);
    } else {
        nr_srcmap_run *r = &fresh.one;
        if (nruns > 1 && !(r = fresh.runs = malloc(nruns * sizeof *r)))
            return -1;
        fresh.base = lo;
        fresh.nruns = nruns;
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (i == 0 || !continues(offs, i)) {
                r[k].at = (uint32_t)i;
                r[k].src = (uint32_t)(offs[i] - lo);
                k++;
            }
    }
    nr_srcmap_free(m);
    *m = fresh;
    return 0;
}

size_t nr_srcmap_at(const nr_srcmap *m, size_t i)
{
    if (m->wide)
        return m->wide[i];
    if (m->nruns == 0)
        return SIZE_MAX;
    const nr_srcmap_run *r = m->runs ? m->runs : &m->one;
    /* the last run that starts at or before i */
    size_t lo = 0, hi = m->nruns;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (r[mid].at <= i)
            lo = mid;
        else
            hi = mid;
    }
    return m->base + r[lo].src + (i - r[lo].at);
}

size_t *nr_srcmap_expand(const nr_srcmap *m)
{
    size_t *offs = malloc((m->n ? m->n : 1) * sizeof *offs);
    if (!offs)
        return NULL;
    if (m->wide) {
        memcpy(offs, m->wide, m->n * sizeof *offs);
        return offs;
    }
    const nr_srcmap_run *r = m->runs ? m->runs : &m->one;
    for (size_t k = 0; k < m->nruns; k++) {
        size_t end = k + 1 < m->nruns ? r[k + 1].at : m->n;
        for (size_t i = r[k].at; i < end; i++)
            offs[i] = m->base + r[k].src + (i - r[k].at);
    }
    return offs;
}

void nr_srcmap_free(nr_srcmap *m)
{
    free(m->runs);
    free(m->wide);
    memset(m, 0, sizeof *m);
}

/* ---- building one entry at a time ---- */

int nr_srcmap_push(nr_srcmap_build *b, size_t off)
{
    if (b->nruns) {
        const nr_srcmap_span *r = &b->runs[b->nruns - 1];
        if (off == r->src + (b->n - r->at)) {
            b->n++;
            return 0;
        }
    }
    if (b->nruns == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4;
        nr_srcmap_span *r = realloc(b->runs, cap * sizeof *r);
        if (!r)
            return -1;
        b->runs = r;
        b->cap = cap;
    }
    b->runs[b->nruns].at = b->n;
    b->runs[b->nruns].src = off;
    b->nruns++;
    b->n++;
    return 0;
}

/* The offsets one by one, clamped: for the rare map that needs either. */
static int take_by_byte(nr_srcmap *m, const nr_srcmap_build *b, size_t limit)
{
    size_t *offs = malloc(b->n * sizeof *offs);
    if (!offs)
        return -1;
    for (size_t k = 0; k < b->nruns; k++) {
        size_t end = k + 1 < b->nruns ? b->runs[k + 1].at : b->n;
        for (size_t i = b->runs[k].at; i < end; i++) {
            size_t o = b->runs[k].src + (i - b->runs[k].at);
            offs[i] = o > limit ? limit : o;
        }
    }
    int rc = nr_srcmap_set(m, offs, b->n);
    free(offs);
    return rc;
}

int nr_srcmap_take(nr_srcmap *m, nr_srcmap_build *b, size_t limit)
{
    int rc = 0;
    if (b->n == 0) {
        rc = nr_srcmap_set(m, NULL, 0);
        nr_srcmap_build_free(b);
        return rc;
    }
    size_t lo = SIZE_MAX, hi = 0;
    for (size_t k = 0; k < b->nruns; k++) {
        size_t end = k + 1 < b->nruns ? b->runs[k + 1].at : b->n;
        size_t last = b->runs[k].src + (end - 1 - b->runs[k].at);
        if (b->runs[k].src < lo)
            lo = b->runs[k].src;
        if (last > hi)
            hi = last;
    }
    if (hi > limit || hi - lo > UINT32_MAX || b->n - 1 > UINT32_MAX) {
        rc = take_by_byte(m, b, limit);
    } else {
        nr_srcmap fresh;
        memset(&fresh, 0, sizeof fresh);
        nr_srcmap_run *r = &fresh.one;
        if (b->nruns > 1 && !(r = fresh.runs = malloc(b->nruns * sizeof *r))) {
            rc = -1;
        } else {
            fresh.n = b->n;
            fresh.base = lo;
            fresh.nruns = b->nruns;
            for (size_t k = 0; k < b->nruns; k++) {
                r[k].at = (uint32_t)b->runs[k].at;
                r[k].src = (uint32_t)(b->runs[k].src - lo);
            }
            nr_srcmap_free(m);
            *m = fresh;
        }
    }
    nr_srcmap_build_free(b);
    return rc;
}

void nr_srcmap_build_free(nr_srcmap_build *b)
{
    free(b->runs);
    memset(b, 0, sizeof *b);
}
