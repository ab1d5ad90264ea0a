/*
 * doc.c - the document the readers build: the list of candidate blocks
 * (nr_cand) with their text and source map, the removals recorded beside
 * them, the metadata fields, and turning what survives the judgement into
 * an nr_article.
 */
#include <stdlib.h>
#include <string.h>

#include "article/doc.h"

nr_cand *nr_doc_add_cand(nr_doc *d, nr_tb *tb, nr_block_kind kind, int level,
                         size_t src_off, size_t src_end, unsigned flags)
{
    if (tb->err) {
        d->nomem = 1;
        nr_tb_free(tb);
        return NULL;
    }
    if (tb->len == 0) {
        nr_tb_free(tb);
        return NULL;
    }
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        nr_cand *u = realloc(d->u, cap * sizeof *u);
        if (!u) {
            d->nomem = 1;
            nr_tb_free(tb);
            return NULL;
        }
        d->u = u;
        d->cap = cap;
    }
    nr_cand *u = &d->u[d->n++];
    memset(u, 0, sizeof *u);
    u->kind = kind;
    u->level = level;
    /* the builder doubles as it goes; a candidate keeps exactly what it holds
       (the model lives for the whole run), and its map as runs */
    /* offsets never point past the input, whatever a reader worked out */
    if (nr_srcmap_push(&tb->map, tb->end) != 0 ||
        nr_srcmap_take(&u->map, &tb->map, d->srclen) != 0) {
        d->n--;
        d->nomem = 1;
        nr_tb_free(tb);
        return NULL;
    }
    char *ts = realloc(tb->s, tb->len + 1);
    u->text = ts ? ts : tb->s;
    u->len = tb->len;
    u->src_end = src_end > d->srclen ? d->srclen : src_end;
    u->src_off = src_off > u->src_end ? u->src_end : src_off;
    u->flags = flags;
    tb->s = NULL;
    nr_tb_free(tb);
    return u;
}

void nr_doc_strip(nr_doc *d, size_t off, size_t end, const char *rule)
{
    if (end > d->srclen)
        end = d->srclen;
    if (off > end)
        off = end;
    if (d->nst == d->capst) {
        size_t cap = d->capst ? d->capst * 2 : 16;
        nr_stripped *s = realloc(d->st, cap * sizeof *s);
        if (!s) {
            d->nomem = 1;
            return;
        }
        d->st = s;
        d->capst = cap;
    }
    d->st[d->nst].src_off = off;
    d->st[d->nst].src_len = end > off ? end - off : 0;
    d->st[d->nst].rule = rule;
    d->nst++;
}

void nr_doc_set(nr_doc *d, char **slot, const char *s, size_t n)
{
    nr_tb tb;
    nr_tb_init(&tb);
    nr_tb_add(&tb, s, n, 0);
    if (tb.err) {
        d->nomem = 1;
        nr_tb_free(&tb);
        return;
    }
    if (tb.len == 0) {
        nr_tb_free(&tb);
        return;
    }
    free(*slot);
    *slot = tb.s;
    nr_srcmap_build_free(&tb.map);
}

void nr_cand_cut(nr_doc *d, nr_cand *u, size_t a, size_t b)
{
    if (b > u->len)
        b = u->len;
    if (a >= b)
        return;
    /* cuts are rare (a caption credit, a "continue reading"): the map is
       laid out byte by byte for the edit and packed again after */
    size_t *map = nr_srcmap_expand(&u->map);
    if (!map) {
        d->nomem = 1;
        return;
    }
    size_t end = map[u->len];
    int tail_cut = b == u->len;
    memmove(u->text + a, u->text + b, u->len - b + 1);
    memmove(map + a, map + b, (u->len - b + 1) * sizeof *map);
    u->len -= b - a;
    /* re-trim and re-collapse around the cut */
    while (u->len > 0 && u->text[u->len - 1] == ' ')
        u->len--;
    size_t lead = 0;
    while (lead < u->len && u->text[lead] == ' ')
        lead++;
    if (lead) {
        memmove(u->text, u->text + lead, u->len - lead);
        memmove(map, map + lead, (u->len - lead) * sizeof *map);
        u->len -= lead;
        if (a >= lead)
            a -= lead;
        else
            a = 0;
    }
    if (a > 0 && a < u->len && u->text[a] == ' ' && u->text[a - 1] == ' ') {
        memmove(u->text + a, u->text + a + 1, u->len - a - 1);
        memmove(map + a, map + a + 1, (u->len - a - 1) * sizeof *map);
        u->len--;
    }
    u->text[u->len] = '\0';
    if (u->len > 0 && tail_cut)
        map[u->len] = map[u->len - 1] + 1;
    else
        map[u->len] = end;
    if (nr_srcmap_set(&u->map, map, u->len + 1) != 0)
        d->nomem = 1;
    free(map);
}

static int cmp_stripped(const void *a, const void *b)
{
    const nr_stripped *x = a, *y = b;
    return x->src_off < y->src_off ? -1 : x->src_off > y->src_off;
}

/* What to call the article where a name must be shown (chapter list,
   tags, a feed) when the input has no title: the file name, else the
   opening words.  Neither is ever spoken: a listener would hear
   "article" or the first sentence twice. */
static void make_label(nr_doc *d)
{
    if (d->title) {
        nr_doc_set(d, &d->label, d->title, strlen(d->title));
        return;
    }
    if (d->name) {
        const char *b = strrchr(d->name, '/');
        b = b ? b + 1 : d->name;
        const char *dot = strrchr(b, '.');
        size_t n = dot && dot > b ? (size_t)(dot - b) : strlen(b);
        char *t = malloc(n + 1);
        if (!t) {
            d->nomem = 1;
            return;
        }
        for (size_t i = 0; i < n; i++)
            t[i] = (b[i] == '-' || b[i] == '_') ? ' ' : b[i];
        t[n] = '\0';
        nr_doc_set(d, &d->label, t, n);
        free(t);
        if (d->label)
            return;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (u->rule || u->role != NR_ROLE_BLOCK)
            continue;
        size_t words = 0, j = 0;
        for (; j < u->len; j++)
            if (u->text[j] == ' ' && ++words == 10)
                break;
        nr_doc_set(d, &d->label, u->text, j);
        return;
    }
}

static nr_article_status build(nr_doc *d, nr_article **out)
{
    nr_article *a = calloc(1, sizeof *a);
    if (!a)
        return NR_ARTICLE_NOMEM;
    size_t nb = 0, ns = d->nst;
    for (size_t i = 0; i < d->n; i++) {
        if (d->u[i].rule)
            ns++;
        else if (d->u[i].role == NR_ROLE_BLOCK)
            nb++;
    }
    a->blocks = nb ? calloc(nb, sizeof *a->blocks) : NULL;
    a->stripped = ns ? calloc(ns, sizeof *a->stripped) : NULL;
    if ((nb && !a->blocks) || (ns && !a->stripped)) {
        nr_article_free(a);
        return NR_ARTICLE_NOMEM;
    }
    for (size_t i = 0; i < d->nst; i++)
        a->stripped[a->nstripped++] = d->st[i];
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (u->rule) {
            nr_stripped *s = &a->stripped[a->nstripped++];
            s->src_off = u->src_off;
            s->src_len = u->src_end > u->src_off ? u->src_end - u->src_off : 0;
            s->rule = u->rule;
        } else if (u->role == NR_ROLE_BLOCK) {
            nr_block *b = &a->blocks[a->nblocks++];
            b->kind = u->kind;
            b->level = u->level;
            b->text = u->text;
            b->len = u->len;
            b->src_map = u->map;
            u->text = NULL;
            memset(&u->map, 0, sizeof u->map);
        }
    }
    if (a->nstripped > 1)
        qsort(a->stripped, a->nstripped, sizeof *a->stripped, cmp_stripped);
    a->title = d->title;
    a->label = d->label;
    a->subtitle = d->subtitle;
    a->byline = d->byline;
    a->date = d->date;
    a->date_iso = d->date_iso;
    d->title = d->label = d->subtitle = d->byline = d->date = d->date_iso = NULL;
    *out = a;
    return NR_ARTICLE_OK;
}

void nr_doc_free(nr_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->u[i].text);
        nr_srcmap_free(&d->u[i].map);
    }
    free(d->u);
    free(d->st);
    free(d->title);
    free(d->label);
    free(d->subtitle);
    free(d->byline);
    free(d->date);
    free(d->date_iso);
    for (size_t i = 0; i < d->nkeep; i++)
        regfree(&d->keep[i]);
    for (size_t i = 0; i < d->ndrop; i++)
        regfree(&d->drop[i]);
    free(d->keep);
    free(d->drop);
}

nr_article_status nr_doc_finish(nr_doc *d, nr_article **out)
{
    make_label(d);
    if (d->nomem || !d->label)
        return NR_ARTICLE_NOMEM;
    return build(d, out);
}
