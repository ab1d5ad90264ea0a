/*
 * model.c - the public entry points of the article readers and the plumbing
 * they share: the text builder (collapsed text + source map), the unit list,
 * format detection, user keep/drop patterns, and turning the surviving units
 * into an nr_article.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

/* ---------------- small text helpers ---------------- */

/* White space for our purposes includes NUL (defensive), no-break and other
   Unicode spaces, and the zero-width characters web pages sprinkle about. */
int nr_is_space_at(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    *w = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v' || c == 0)
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d <= 0x8B || d == 0xAF) {
            *w = 3;
            return 1;
        }
    }
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
        *w = 3;
        return 1;
    }
    if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
        (unsigned char)s[i + 2] == 0xBF) {
        *w = 3;
        return 1;
    }
    return 0;
}

size_t nr_utf8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Does the text end like a sentence (allowing closing quotes/brackets)? */
int nr_ends_sentence(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0) {
        size_t p = nr_utf8_prev(s, i);
        const char *c = s + p;
        size_t w = i - p;
        if (w == 1 && (*c == '"' || *c == '\'' || *c == ')' || *c == ']')) {
            i = p;
            continue;
        }
        if (w == 3 && (!memcmp(c, "\xE2\x80\x9D", 3) ||
                       !memcmp(c, "\xE2\x80\x99", 3) ||
                       !memcmp(c, "\xE2\x80\x9C", 3))) {
            i = p;
            continue;
        }
        if (w == 1)
            return *c == '.' || *c == '!' || *c == '?';
        return w == 3 && !memcmp(c, "\xE2\x80\xA6", 3);
    }
    return 0;
}

size_t nr_word_count(const char *s, size_t n)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* ---------------- text builder ---------------- */

void nr_tb_init(nr_tb *tb)
{
    memset(tb, 0, sizeof *tb);
}

void nr_tb_free(nr_tb *tb)
{
    free(tb->s);
    free(tb->map);
    nr_tb_init(tb);
}

static int tb_grow(nr_tb *tb, size_t more)
{
    if (tb->err)
        return -1;
    if (tb->len + more + 1 <= tb->cap)
        return 0;
    size_t cap = tb->cap ? tb->cap : 64;
    while (cap < tb->len + more + 1)
        cap *= 2;
    char *s = realloc(tb->s, cap);
    if (!s) {
        tb->err = 1;
        return -1;
    }
    tb->s = s;
    size_t *m = realloc(tb->map, cap * sizeof *m);
    if (!m) {
        tb->err = 1;
        return -1;
    }
    tb->map = m;
    tb->cap = cap;
    return 0;
}

static void tb_push(nr_tb *tb, char c, size_t off)
{
    if (tb_grow(tb, 1))
        return;
    tb->s[tb->len] = c;
    tb->map[tb->len] = off;
    tb->len++;
    tb->s[tb->len] = '\0';
}

static void tb_flush_space(nr_tb *tb, char next)
{
    if (tb->pend && tb->len > 0 &&
        !(tb->dropped && next && strchr(".,;:!?)", next)))
        tb_push(tb, ' ', tb->pend_off);
    tb->pend = 0;
    tb->dropped = 0;
}

void nr_tb_dropped(nr_tb *tb)
{
    tb->dropped = 1;
}

void nr_tb_space(nr_tb *tb, size_t off)
{
    if (tb->len > 0 && !tb->pend) {
        tb->pend = 1;
        tb->pend_off = off;
    }
}

void nr_tb_add(nr_tb *tb, const char *p, size_t n, size_t off)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            /* zero-width characters join, they do not separate */
            if (w == 3 && (unsigned char)p[i] == 0xE2 &&
                ((unsigned char)p[i + 2] == 0x8B))
                ;
            else if (w == 3 && (unsigned char)p[i] == 0xEF)
                ;
            else
                nr_tb_space(tb, off + i);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], off + i);
        tb->end = off + i + 1;
        i++;
    }
}

void nr_tb_add_map(nr_tb *tb, const char *p, size_t n, const size_t *offs)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            nr_tb_space(tb, offs[i]);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], offs[i]);
        tb->end = offs[i] + 1;
        i++;
    }
}

void nr_tb_add_at(nr_tb *tb, const char *p, size_t n, size_t off,
                  size_t off_end)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            nr_tb_space(tb, off);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], off);
        tb->end = off_end;
        i++;
    }
}

/* ---------------- the unit list ---------------- */

nr_unit *nr_doc_add_unit(nr_doc *d, nr_tb *tb, nr_block_kind kind, int level,
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
        nr_unit *u = realloc(d->u, cap * sizeof *u);
        if (!u) {
            d->nomem = 1;
            nr_tb_free(tb);
            return NULL;
        }
        d->u = u;
        d->cap = cap;
    }
    nr_unit *u = &d->u[d->n++];
    memset(u, 0, sizeof *u);
    u->kind = kind;
    u->level = level;
    /* the builder doubles as it goes; a unit keeps exactly what it holds
       (the model lives for the whole run) */
    char *ts = realloc(tb->s, tb->len + 1);
    size_t *tm = realloc(tb->map, (tb->len + 1) * sizeof *tm);
    u->text = ts ? ts : tb->s;
    u->map = tm ? tm : tb->map;
    u->len = tb->len;
    u->map[u->len] = tb->end;
    /* offsets never point past the input, whatever a reader worked out */
    for (size_t i = 0; i <= u->len; i++)
        if (u->map[i] > d->srclen)
            u->map[i] = d->srclen;
    u->src_end = src_end > d->srclen ? d->srclen : src_end;
    u->src_off = src_off > u->src_end ? u->src_end : src_off;
    u->flags = flags;
    tb->s = NULL;
    tb->map = NULL;
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
    free(tb.map);
}

void nr_unit_cut(nr_unit *u, size_t a, size_t b)
{
    if (b > u->len)
        b = u->len;
    if (a >= b)
        return;
    size_t end = u->map[u->len];
    int tail_cut = b == u->len;
    memmove(u->text + a, u->text + b, u->len - b + 1);
    memmove(u->map + a, u->map + b, (u->len - b + 1) * sizeof *u->map);
    u->len -= b - a;
    /* re-trim and re-collapse around the cut */
    while (u->len > 0 && u->text[u->len - 1] == ' ')
        u->len--;
    size_t lead = 0;
    while (lead < u->len && u->text[lead] == ' ')
        lead++;
    if (lead) {
        memmove(u->text, u->text + lead, u->len - lead);
        memmove(u->map, u->map + lead, (u->len - lead) * sizeof *u->map);
        u->len -= lead;
        if (a >= lead)
            a -= lead;
        else
            a = 0;
    }
    if (a > 0 && a < u->len && u->text[a] == ' ' && u->text[a - 1] == ' ') {
        memmove(u->text + a, u->text + a + 1, u->len - a - 1);
        memmove(u->map + a, u->map + a + 1, (u->len - a - 1) * sizeof *u->map);
        u->len--;
    }
    u->text[u->len] = '\0';
    if (u->len > 0 && tail_cut)
        u->map[u->len] = u->map[u->len - 1] + 1;
    else
        u->map[u->len] = end;
}

/* ---------------- format detection ---------------- */

static nr_input_format format_from_name(const char *name)
{
    if (!name)
        return NR_FORMAT_AUTO;
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    if (!dot || (slash && dot < slash))
        return NR_FORMAT_AUTO;
    dot++;
    if (!strcasecmp(dot, "md") || !strcasecmp(dot, "markdown") ||
        !strcasecmp(dot, "mdown") || !strcasecmp(dot, "mkd"))
        return NR_FORMAT_MARKDOWN;
    if (!strcasecmp(dot, "html") || !strcasecmp(dot, "htm") ||
        !strcasecmp(dot, "xhtml"))
        return NR_FORMAT_HTML;
    if (!strcasecmp(dot, "txt") || !strcasecmp(dot, "text"))
        return NR_FORMAT_TEXT;
    return NR_FORMAT_AUTO;
}

static int starts_ci(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && !strncasecmp(s, pre, k);
}

static nr_input_format sniff(const char *s, size_t n)
{
    size_t i = 0, w;
    while (i < n && nr_is_space_at(s, n, i, &w))
        i += w;
    s += i;
    n -= i;
    if (starts_ci(s, n, "<!doctype html") || starts_ci(s, n, "<html") ||
        starts_ci(s, n, "<head") || starts_ci(s, n, "<body") ||
        starts_ci(s, n, "<article") || starts_ci(s, n, "<!--"))
        return NR_FORMAT_HTML;
    if (n >= 4 && !memcmp(s, "---", 3) && (s[3] == '\n' || s[3] == '\r'))
        return NR_FORMAT_MARKDOWN;
    if (n >= 2 && s[0] == '#' && (s[1] == ' ' || s[1] == '#'))
        return NR_FORMAT_MARKDOWN;
    return NR_FORMAT_TEXT;
}

/* ---------------- building the article ---------------- */

static int cmp_stripped(const void *a, const void *b)
{
    const nr_stripped *x = a, *y = b;
    return x->src_off < y->src_off ? -1 : x->src_off > y->src_off;
}

/* When nothing in the input looks like a title we still owe one: the file
   name if there is one, else the opening words of the first block. */
static void fallback_title(nr_doc *d)
{
    if (d->title)
        return;
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
        nr_doc_set(d, &d->title, t, n);
        free(t);
        if (d->title)
            return;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_unit *u = &d->u[i];
        if (u->rule || u->role != NR_ROLE_BLOCK)
            continue;
        size_t words = 0, j = 0;
        for (; j < u->len; j++)
            if (u->text[j] == ' ' && ++words == 10)
                break;
        nr_doc_set(d, &d->title, u->text, j);
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
        nr_unit *u = &d->u[i];
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
            u->map = NULL;
        }
    }
    if (a->nstripped > 1)
        qsort(a->stripped, a->nstripped, sizeof *a->stripped, cmp_stripped);
    a->title = d->title;
    a->subtitle = d->subtitle;
    a->byline = d->byline;
    a->date = d->date;
    a->date_iso = d->date_iso;
    d->title = d->subtitle = d->byline = d->date = d->date_iso = NULL;
    *out = a;
    return NR_ARTICLE_OK;
}

static void doc_free(nr_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->u[i].text);
        free(d->u[i].map);
    }
    free(d->u);
    free(d->st);
    free(d->title);
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

static nr_article_status compile_all(const char *const *pat, size_t n,
                                     regex_t **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (!n)
        return NR_ARTICLE_OK;
    if (!pat)
        return NR_ARTICLE_BADPATTERN;
    regex_t *r = calloc(n, sizeof *r);
    if (!r)
        return NR_ARTICLE_NOMEM;
    *out = r;
    for (size_t i = 0; i < n; i++) {
        if (!pat[i] || regcomp(&r[i], pat[i],
                               REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0)
            return NR_ARTICLE_BADPATTERN;
        (*nout)++;
    }
    return NR_ARTICLE_OK;
}

/* Control characters other than white space (and NUL, which we treat as
   white space) in more than one byte in ten of the opening 4 KB: this is
   not text at all. */
static int looks_binary(const char *s, size_t n)
{
    size_t m = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' &&
             c != '\f' && c != '\v') || c == 0x7F)
            bad++;
    }
    return m > 0 && bad * 10 > m;
}

nr_article_status nr_article_parse(const char *src, size_t len,
                                   const nr_article_opts *opts,
                                   nr_article **out)
{
    if (!out)
        return NR_ARTICLE_BADINPUT;
    *out = NULL;
    if (!src && len)
        return NR_ARTICLE_BADINPUT;
    if (!src)
        src = "";
    if (looks_binary(src, len))
        return NR_ARTICLE_BADINPUT;
    nr_doc d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.srclen = len;
    nr_input_format fmt = opts ? opts->format : NR_FORMAT_AUTO;
    d.name = opts ? opts->name : NULL;
    nr_article_status st = NR_ARTICLE_OK;
    if (opts) {
        st = compile_all(opts->keep, opts->nkeep, &d.keep, &d.nkeep);
        if (st == NR_ARTICLE_OK)
            st = compile_all(opts->drop, opts->ndrop, &d.drop, &d.ndrop);
    }
    if (st != NR_ARTICLE_OK) {
        doc_free(&d);
        return st;
    }
    if (fmt == NR_FORMAT_AUTO)
        fmt = format_from_name(d.name);
    if (fmt == NR_FORMAT_AUTO)
        fmt = sniff(src, len);
    d.fmt = fmt;
    int rc = fmt == NR_FORMAT_HTML       ? nr_read_html(&d)
             : fmt == NR_FORMAT_MARKDOWN ? nr_read_markdown(&d)
                                         : nr_read_text(&d);
    if (rc == 0 && !d.nomem)
        nr_structure_run(&d);
    if (d.nomem || rc < 0) {
        doc_free(&d);
        return NR_ARTICLE_NOMEM;
    }
    size_t blocks = 0;
    for (size_t i = 0; i < d.n; i++)
        if (!d.u[i].rule && d.u[i].role == NR_ROLE_BLOCK)
            blocks++;
    if (blocks == 0) {
        doc_free(&d);
        return NR_ARTICLE_EMPTY;
    }
    fallback_title(&d);
    if (d.nomem || !d.title) {
        doc_free(&d);
        return NR_ARTICLE_NOMEM;
    }
    st = build(&d, out);
    doc_free(&d);
    return st;
}

void nr_article_free(nr_article *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nblocks; i++) {
        free(a->blocks[i].text);
        free(a->blocks[i].src_map);
    }
    free(a->blocks);
    free(a->stripped);
    free(a->title);
    free(a->subtitle);
    free(a->byline);
    free(a->date);
    free(a->date_iso);
    free(a);
}

const char *nr_block_kind_name(nr_block_kind k)
{
    switch (k) {
    case NR_BLOCK_PARA: return "para";
    case NR_BLOCK_HEADING: return "heading";
    case NR_BLOCK_ITEM: return "item";
    case NR_BLOCK_QUOTE: return "quote";
    }
    return "para";
}
