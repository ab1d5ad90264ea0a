/*
 * hashset.c - which content words a stretch of text uses, and how much two
 * stretches share: a headline names what its story is about, a menu does
 * not; teasers of other stories are about other things (see region.h).
 * Words are kept as 64-bit hashes in an open-addressed table.
 */
#include <ctype.h>
#include <stdint.h>
#ifdef NR_REGION_DEBUG
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/region.h"

static uint64_t hash_bytes(const char *w, size_t n)
{
    return nr_hash(NR_HASH_INIT, w, n) | 1;   /* 0 marks an empty slot */
}

static void set_add(void *ud, const char *w, size_t len)
{
    nr_hashset *ws = ud;
    if (len < 4 || nr_stopword(w))
        return;
    uint64_t h = hash_bytes(w, len);
    size_t p = (size_t)h & (ws->cap - 1);
    for (size_t probe = 0; ws->h[p] && ws->h[p] != h && probe < ws->cap; probe++)
        p = (p + 1) & (ws->cap - 1);
    ws->h[p] = h;
}

static int set_has(const nr_hashset *ws, const char *w, size_t len)
{
    uint64_t h = hash_bytes(w, len);
    size_t p = (size_t)h & (ws->cap - 1);
    for (size_t probe = 0; ws->h[p] && probe < ws->cap; probe++) {
        if (ws->h[p] == h)
            return 1;
        p = (p + 1) & (ws->cap - 1);
    }
    return 0;
}

typedef struct overlap_ud {
    const nr_hashset *ws;
    unsigned words, hits;
} overlap_ud;

static void overlap_word(void *ud, const char *w, size_t len)
{
    overlap_ud *o = ud;
    if (len < 4 || nr_stopword(w))
        return;
    o->words++;
    o->hits += (unsigned)set_has(o->ws, w, len);
}

/* Percentage of the line's content words that the story uses, scaled
   down for a line of fewer than three (two words of a site's name can
   both occur in any story). */
unsigned nr_overlap_pct(const nr_hashset *ws, const nr_cand *c)
{
    overlap_ud o = {ws, 0, 0};
    nr_words_each(c->text, c->len, overlap_word, &o);
    if (!o.words)
        return 0;
    unsigned pct = o.hits * 100 / o.words;
    return o.words >= 3 ? pct : pct * o.words / 3;
}

int nr_hashset_init(nr_hashset *s, size_t cap)
{
    s->cap = cap;
    s->h = calloc(cap, sizeof *s->h);
    return s->h ? 0 : -1;
}

void nr_hashset_free(nr_hashset *s)
{
    free(s->h);
    s->h = NULL;
}

void nr_hashset_add_text(nr_hashset *s, const nr_cand *c)
{
    nr_words_each(c->text, c->len, set_add, s);
}

/* Are the prose blocks of d->u[p0..p1) about something else than those of
   d->u[r0..r1) (under a quarter of their content words shared)? */
int nr_off_subject(nr_doc *d, const long *v, size_t p0, size_t p1,
                       size_t r0, size_t r1)
{
    nr_hashset ws;
    if (nr_hashset_init(&ws, 2048) != 0)
        return 0;
    for (size_t i = r0, k = 0; i < r1 && k < 20; i++)
        if (v[i] > 0) {
            nr_hashset_add_text(&ws, &d->u[i]);
            k++;
        }
    overlap_ud o = {&ws, 0, 0};
    for (size_t i = p0; i < p1; i++)
        if (v[i] > 0)
            nr_words_each(d->u[i].text, d->u[i].len, overlap_word, &o);
    nr_hashset_free(&ws);
#ifdef NR_REGION_DEBUG
    fprintf(stderr, "off-subject %zu..%zu vs %zu..%zu: %u/%u\n", p0, p1, r0, r1, o.hits, o.words);
#endif
    return o.hits * 4 < o.words;
}


