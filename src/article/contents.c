/*
 * contents.c - a page's table of contents: a list of three or more short
 * lines that each come back later in the page as a heading ("1 History",
 * "2 Applications" ... then "History", "Applications").  Read aloud it is
 * the section titles twice over, so it goes (rule "contents"), with the
 * "Contents" label above it.  Section numbers ("1.2") are ignored when
 * lines are compared.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"

#define SHORT_WORDS 12   /* a heading is no longer than this */

static int live(const nr_cand *c)
{
    return !c->rule && c->role == NR_ROLE_BLOCK;
}

/* The key of a short line with its section number taken off ("1 2 x" ->
   "x"); NULL for a long line or out of memory (*nomem set). */
static char *bare_key(const nr_cand *c, int *nomem)
{
    if (nr_word_count(c->text, c->len) > SHORT_WORDS)
        return NULL;
    char *k = nr_key(c->text, c->len);
    if (!k) {
        *nomem = 1;
        return NULL;
    }
    char *p = k;
    while (isdigit((unsigned char)*p)) {
        while (isdigit((unsigned char)*p))
            p++;
        while (*p == ' ')
            p++;
    }
    if (p != k)
        memmove(k, p, strlen(p) + 1);
    return k;
}

static uint64_t hash(const char *s)
{
    return nr_hash(NR_HASH_INIT, s, strlen(s)) | 1;   /* 0 marks "none" */
}

/* Where (index + 1) the line with hash x last occurs. */
static size_t after_prev(const uint64_t *hk, const size_t *last, size_t cap,
                         uint64_t x)
{
    size_t p = (size_t)x & (cap - 1);
    while (hk[p] && hk[p] != x)
        p = (p + 1) & (cap - 1);
    return hk[p] == x ? last[p] : 0;
}

/* "4 See also", "2.1 Construction": a section number, then a short
   title. */
static int section_numbered(const nr_cand *c)
{
    size_t i = 0;
    while (i < c->len && (isdigit((unsigned char)c->text[i]) ||
                          (i > 0 && c->text[i] == '.')))
        i++;
    return i > 0 && i < 8 && i < c->len && c->text[i] == ' ' &&
           nr_word_count(c->text, c->len) <= SHORT_WORDS;
}

static int is_label(const nr_cand *c)
{
    char *k = nr_key(c->text, c->len);
    int r = k && (!strcmp(k, "contents") || !strcmp(k, "table of contents") ||
                  !strcmp(k, "in this article") || !strcmp(k, "on this page") ||
                  !strcmp(k, "jump to") || !strcmp(k, "sections"));
    free(k);
    return r;
}

void nr_contents_list(nr_doc *d)
{
    if (d->n < 6)
        return;
    size_t cap = 16;
    while (cap < d->n * 2)
        cap *= 2;
    uint64_t *hk = calloc(cap, sizeof *hk);     /* key hash */
    size_t *last = calloc(cap, sizeof *last);   /* last index + 1 */
    uint64_t *h = calloc(d->n, sizeof *h);      /* each line's hash, 0 none */
    if (!hk || !last || !h) {
        d->nomem = 1;
        goto out;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (!live(&d->u[i]))
            continue;
        char *k = bare_key(&d->u[i], &d->nomem);
        if (!k)
            continue;
        if (*k) {
            h[i] = hash(k);
            size_t p = (size_t)h[i] & (cap - 1);
            while (hk[p] && hk[p] != h[i])
                p = (p + 1) & (cap - 1);
            hk[p] = h[i];
            last[p] = i + 1;
        }
        free(k);
    }
    /* runs of lines whose text comes back later, one stray line allowed */
    size_t i = 0;
    while (i < d->n) {
        size_t first = d->n, lastrun = 0, hits = 0, miss = 0, j = i;
        size_t prev_at = 0;   /* where the previous entry came back */
        for (; j < d->n; j++) {
            if (!live(&d->u[j]))
                continue;
            int later = 0;
            if (h[j]) {
                size_t p = (size_t)h[j] & (cap - 1);
                while (hk[p] && hk[p] != h[j])
                    p = (p + 1) & (cap - 1);
                later = hk[p] == h[j] && last[p] > j + 1;
            }
            /* in a table of contents the sections come back in order,
               each with its text between them; a menu repeated in the
               footer comes back all in a row */
            if (later && first != d->n && !(after_prev(hk, last, cap, h[j]) >
                                            prev_at + 1))
                later = 0;
            if (later) {
                prev_at = after_prev(hk, last, cap, h[j]);
                if (first == d->n)
                    first = j;
                lastrun = j;
                hits++;
                miss = 0;
            } else if (first != d->n && ++miss <= 1) {
                continue;
            } else {
                break;
            }
        }
        if (hits >= 3) {
            /* numbered entries right after it whose sections were cut
               already ("4 See also", "5 References") */
            for (size_t k = lastrun + 1; k < d->n; k++) {
                if (!live(&d->u[k]))
                    continue;
                if (!section_numbered(&d->u[k]))
                    break;
                lastrun = k;
            }
            for (size_t k = first; k <= lastrun; k++) {
                if (!live(&d->u[k]) || (d->u[k].flags & NR_C_KEEP))
                    continue;
                d->u[k].rule = "contents";
                /* where an entry comes back it is a section's heading,
                   however short ("Formation") */
                size_t at = h[k] ? after_prev(hk, last, cap, h[k]) : 0;
                nr_cand *t = at > k + 1 ? &d->u[at - 1] : NULL;
                if (t && t->kind == NR_BLOCK_PARA && t->text[0] != '[' &&
                    !(t->flags & NR_C_KNOWN_KIND)) {
                    t->kind = NR_BLOCK_HEADING;
                    t->level = 2;
                    t->flags |= NR_C_KNOWN_KIND;
                }
            }
            for (size_t k = first; k-- > 0;)
                if (live(&d->u[k])) {
                    if (is_label(&d->u[k]) && !(d->u[k].flags & NR_C_KEEP))
                        d->u[k].rule = "contents";
                    break;
                }
        }
        i = j > i ? j : i + 1;
    }
out:
    free(hk);
    free(last);
    free(h);
}
