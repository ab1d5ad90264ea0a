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
