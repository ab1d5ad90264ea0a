/*
 * region.c - plain text: where is the article in a whole-page dump?
 *
 * A page copied as text (or dumped by a browser or scraper) has lost its
 * tags: the menus, link lists, teasers, footers and comments are lines like
 * the story's own.  What survives is shape.  The story is a run of long
 * blocks dense in function words and sentences; furniture is short lines,
 * lists of capitalised names, and the lines the boilerplate rules already
 * recognised.  Each candidate gets a value (positive for prose, by its
 * length; negative for furniture) and the article is the contiguous run
 * with the largest sum (Kadane): a caption, a subheading or a "Sign up"
 * box inside the story costs less than the prose on either side earns, so
 * it is bridged; a menu above or a link list below costs more than it
 * earns, so the run stops before it.
 *
 * Above the run sit the headline, the byline and the date.  The headline is
 * the title-shaped line nearest above the first paragraph, preferring one
 * followed by a byline or date line; never a line of the menu.  What is
 * left outside the run is removed with the rule "outside-article" (listed
 * by --show-stripped; --keep protects a line as everywhere).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "article/textstat.h"

static int alive(const nr_cand *c)
{
    return !c->rule && c->role == NR_ROLE_BLOCK;
}

/* ---- the page's own function words ---- */

typedef struct freq {
    char w[8];
    unsigned n;
} freq;

typedef struct freq_table {
    freq *slot;
    size_t cap;
    size_t used;
    unsigned total, stops;
} freq_table;

static void freq_add(void *ud, const char *w, size_t len)
{
    freq_table *t = ud;
    t->total++;
    if (nr_stopword(w))
        t->stops++;
    if (len > 6 || !t->slot || t->used * 2 >= t->cap)
        return;
    for (size_t k = 0; k < len; k++)
        if ((unsigned char)w[k] < 0x80 && !((w[k] >= 'a' && w[k] <= 'z')))
            return;
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)w[k]) * 1099511628211ull;
    size_t p = (size_t)h & (t->cap - 1);
    while (t->slot[p].n && strcmp(t->slot[p].w, w))
        p = (p + 1) & (t->cap - 1);
    if (!t->slot[p].n) {
        memcpy(t->slot[p].w, w, len + 1);
        t->used++;
    }
    t->slot[p].n++;
}

/* When the built-in list finds few function words (a language it does not
   know), the page's commonest short words stand in for them. */
static void page_words(nr_doc *d, nr_wordset *ws)
{
    ws->n = 0;
    freq_table t = {0};
    t.cap = 4096;
    t.slot = calloc(t.cap, sizeof *t.slot);
    if (!t.slot) {
        d->nomem = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++)
        if (alive(&d->u[i]))
            nr_words_each(d->u[i].text, d->u[i].len, freq_add, &t);
    if (t.total >= 50 && t.stops * 100 < t.total * 12) {
        size_t want = sizeof ws->w / sizeof ws->w[0];
        while (ws->n < want) {
            size_t best = t.cap;
            for (size_t p = 0; p < t.cap; p++)
                if (t.slot[p].n >= 3 &&
                    (best == t.cap || t.slot[p].n > t.slot[best].n))
                    best = p;
            if (best == t.cap)
                break;
            memcpy(ws->w[ws->n++], t.slot[best].w, sizeof t.slot[best].w);
            t.slot[best].n = 0;
        }
    }
    free(t.slot);
}

/* ---- values ---- */

static int bulleted(const nr_cand *c)
{
    return c->kind == NR_BLOCK_ITEM || (c->flags & NR_C_BULLET);
}

/* How much a candidate says "article here" (> 0) or "furniture" (< 0). */
static long value_of(const nr_cand *c, const nr_textstat *st)
{
    if (c->flags & NR_C_KEEP)
        return 10 + (long)st->words;
    if (c->rule)
        return -3;
    unsigned w = st->words;
    int cjk = st->cjk * 2 >= w;
    int sentence = st->sents > 0 || nr_ends_sentence(c->text, c->len);
    double dens = w ? (double)st->stops / w : 0;
    int prose;
    if (cjk)
        prose = st->cjk >= 16 && (st->sents + st->commas) > 0;
    else
        prose = dens >= 0.15 && (sentence || w >= 25);
    if (bulleted(c))
        return prose && w >= 10 ? (long)w / 2 : -2;
    if (prose && w >= 12)
        return (long)w;
    if (prose && w >= 5 && sentence)
        return (long)w / 2;
    return -2;
}

/* ---- the headline above the run ---- */

static int meta_line(const nr_cand *c)
{
    return nr_parse_byline(c->text, c->len, NULL, NULL, NULL) ||
           nr_parse_dateline(c->text, c->len, NULL, NULL) ||
           (c->flags & NR_C_BYLINE);
}

static int headline_shape(const nr_cand *c, const nr_textstat *st)
{
    if (bulleted(c) || c->len > 250 || meta_line(c))
        return 0;
    unsigned w = st->words;
    if (st->cjk * 2 >= w)
        return st->cjk >= 4 && st->cjk <= 80;
    if (w < 2 || w > 30)
        return 0;
    char last = c->text[c->len - 1];
    if (last == ',' || last == ';' || last == ':' ||
        (last == '.' && c->len > 1 && c->text[c->len - 2] != '.'))
        return 0;
    /* a menu line: every word capitalised, no function word, many words */
    if (w >= 6 && st->stops == 0 && st->caps == w)
        return 0;
    return 1;
}

/* Index of the headline among d->u[lo..first), or SIZE_MAX. */
static size_t find_headline(nr_doc *d, size_t lo, size_t first,
                            const nr_textstat *st)
{
    size_t best = SIZE_MAX;
    long best_score = 0;
    size_t seen = 0;
    for (size_t i = first; i-- > lo && seen < 12;) {
        const nr_cand *c = &d->u[i];
        if (!alive(c) && !(c->rule && !strcmp(c->rule, "section-label")))
            continue;
        seen++;
        if (!alive(c) || !headline_shape(c, &st[i]))
            continue;
        long score = 100 - 8 * (long)(seen - 1);
        /* a byline or date line just below is the strongest sign */
        for (size_t j = i + 1, k = 0; j < first && k < 4; j++) {
            if (!alive(&d->u[j]))
                continue;
            k++;
            if (meta_line(&d->u[j])) {
                score += 60;
                break;
            }
        }
        unsigned w = st[i].words;
        if (w >= 4 && w <= 20)
            score += 20;
        if (w <= 2)
            score -= 30;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    /* headline, then deck: of two title-shaped lines in a row above the
       byline the upper is the headline when it is the longer (a shorter
       one above is a kicker or the site's tagline) */
    if (best != SIZE_MAX && best > lo) {
        const nr_cand *up = &d->u[best - 1];
        if (alive(up) && headline_shape(up, &st[best - 1]) &&
            st[best - 1].words > st[best].words)
            best--;
    }
    return best;
}

/* ---- the pass ---- */

void nr_text_region(nr_doc *d)
{
    if (d->n == 0)
        return;
    nr_wordset ws;
    page_words(d, &ws);
    nr_textstat *st = calloc(d->n, sizeof *st);
    long *v = calloc(d->n, sizeof *v);
    if (!st || !v || d->nomem) {
        free(st);
        free(v);
        d->nomem = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_textstat_of(d->u[i].text, d->u[i].len, &ws, &st[i]);
        v[i] = d->u[i].role == NR_ROLE_BLOCK ? value_of(&d->u[i], &st[i]) : 0;
    }
    /* the run with the largest sum */
    long best = 0, cur = 0;
    size_t a = 0, b = 0, ca = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (cur <= 0) {
            cur = 0;
            ca = i;
        }
        cur += v[i];
        if (cur > best) {
            best = cur;
            a = ca;
            b = i + 1;
        }
    }
    if (best <= 0) {
        free(st);
        free(v);
        return;   /* no prose at all: leave the page to the other passes */
    }
    size_t h = find_headline(d, 0, a, st);
    size_t from = h == SIZE_MAX ? a : h;
    if (h != SIZE_MAX) {
        nr_doc_set(d, &d->title, d->u[h].text, d->u[h].len);
        d->u[h].role = NR_ROLE_TITLE;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *c = &d->u[i];
        if (!alive(c) || (c->flags & NR_C_KEEP))
            continue;
        if (i < from || i >= b)
            c->rule = "outside-article";
        else if (i > from && i < a && !meta_line(c) &&
                 !nr_namelike(c->text, c->len) &&
                 !(c->kind == NR_BLOCK_PARA && v[i] > 0) &&
                 !(i == from + 1 && headline_shape(c, &st[i])))
            c->rule = "outside-article";
    }
    free(st);
    free(v);
}
