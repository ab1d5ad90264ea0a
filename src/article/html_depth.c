/*
 * html_depth.c - keeps libxml2's work linear however deep a page nests.
 *
 * libxml2 stops building the tree at 256 levels unless its limit is lifted
 * (XML_PARSE_HUGE), and then drops the rest of the page.  Lifted, a deep
 * page still costs it a scan of all open elements for each end tag that
 * closes none of them: quadratic on 20,000 open <div>s followed by stray
 * end tags.  So a linear pre-scan follows the nesting the way the parser
 * will (void elements never open; <p>, <li>, <td> and kin close each
 * other, so they are not counted) and, only when it goes past MAX_DEPTH
 * levels - which no real page does - copies the page without the start
 * tags beyond that depth, their end tags, and end tags that close nothing.
 * The text is untouched, so it still aligns with the original source; the
 * tree keeps its first MAX_DEPTH levels and holds all the text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"

#define MAX_DEPTH 512

/* Never open (void), closed by their own kind, or never nested: not
   counted. */
static int uncounted(const char *name, size_t n)
{
    static const char *const names[] = {
        "area", "base", "basefont", "bgsound", "br", "col", "colgroup",
        "dd", "dt", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "li", "link", "meta", "option", "optgroup", "p", "param",
        "rb", "rp", "rt", "source", "tbody", "td", "tfoot", "th", "thead",
        "tr", "track", "wbr", "html", "head", "body",
        /* their bodies are raw text, kept with them */
        "script", "style", NULL};
    for (size_t i = 0; names[i]; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], name, n))
            return 1;
    return 0;
}

/* Open elements by name: each name once in `v` (indices stay valid as it
   grows), found through an open-addressing table of indices. */
typedef struct name {
    const char *s;
    size_t len;
    size_t count;     /* open elements of this name */
} name;

typedef struct names {
    name *v;
    size_t n, cap;
    size_t *slot;     /* index + 1, or 0 */
    size_t nslot;
} names;

static size_t hash(const char *s, size_t n)
{
    size_t h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (size_t)tolower((unsigned char)s[i]);
    return h;
}

/* The index of the name, adding it when add; (size_t)-1 when absent or
   out of memory (*nomem). */
static size_t find(names *t, const char *s, size_t n, int add, int *nomem)
{
    if (add && (t->n + 1) * 2 > t->nslot) {
        size_t ns = t->nslot ? t->nslot * 2 : 64;
        size_t *sl = calloc(ns, sizeof *sl);
        if (!sl) {
            *nomem = 1;
            return (size_t)-1;
        }
        for (size_t i = 0; i < t->n; i++) {
            size_t k = hash(t->v[i].s, t->v[i].len) & (ns - 1);
            while (sl[k])
                k = (k + 1) & (ns - 1);
            sl[k] = i + 1;
        }
        free(t->slot);
        t->slot = sl;
        t->nslot = ns;
    }
    if (!t->nslot)
        return (size_t)-1;
    size_t k = hash(s, n) & (t->nslot - 1);
    for (; t->slot[k]; k = (k + 1) & (t->nslot - 1)) {
        name *e = &t->v[t->slot[k] - 1];
        if (e->len == n && !strncasecmp(e->s, s, n))
            return t->slot[k] - 1;
    }
    if (!add)
        return (size_t)-1;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        name *v = realloc(t->v, cap * sizeof *v);
        if (!v) {
            *nomem = 1;
            return (size_t)-1;
        }
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n].s = s;
    t->v[t->n].len = n;
    t->v[t->n].count = 0;
    t->slot[k] = ++t->n;
    return t->n - 1;
}

typedef struct open_el {
    size_t name;
    int dropped;
} open_el;

/* One pass: measures the deepest nesting (out == NULL), or copies the
   page into out without what lies beyond MAX_DEPTH.  Returns the depth
   reached (or the copy's length), or (size_t)-1 out of memory. */
static size_t scan(const char *s, size_t n, char *out)
{
    names t = {0};
    open_el *stack = NULL;
    size_t depth = 0, cap = 0, deepest = 0, w = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] != '<') {
            size_t j = i + 1;
            while (j < n && s[j] != '<')
                j++;
            if (out)
                memcpy(out + w, s + i, j - i), w += j - i;
            i = j;
            continue;
        }
        size_t end = h_skip_markup(s, n, i);
        int closing = i + 1 < n && s[i + 1] == '/';
        size_t a = i + 1 + (size_t)closing, b = a;
        while (b < n && (isalnum((unsigned char)s[b]) || s[b] == '-' || s[b] == ':' ||
                         s[b] == '_'))
            b++;
        int keep = 1;
        if (b > a && isalpha((unsigned char)s[a]) && !uncounted(s + a, b - a)) {
            /* the tag proper ends at its '>' (script and style bodies are
               copied as they are) */
            int selfclose = end >= 2 && !closing && s[end - 1] == '>' && s[end - 2] == '/';
            int oom = 0;
            size_t nm = find(&t, s + a, b - a, !closing, &oom);
            if (oom)
                goto nomem;
            if (!closing && !selfclose) {
                if (depth == cap) {
                    cap = cap ? cap * 2 : 256;
                    open_el *v = realloc(stack, cap * sizeof *v);
                    if (!v)
                        goto nomem;
                    stack = v;
                }
                stack[depth].name = nm;
                stack[depth].dropped = depth >= MAX_DEPTH;
                keep = !stack[depth].dropped;
                t.v[nm].count++;
                depth++;
                if (depth > deepest)
                    deepest = depth;
            } else if (closing) {
                if (nm == (size_t)-1 || t.v[nm].count == 0) {
                    keep = 0;   /* closes nothing */
                } else {
                    /* closes everything open above its match */
                    while (depth > 0) {
                        open_el *e = &stack[--depth];
                        t.v[e->name].count--;
                        if (e->name == nm) {
                            keep = !e->dropped;
                            break;
                        }
                    }
                }
            }
        }
        if (out && keep)
            memcpy(out + w, s + i, end - i), w += end - i;
        i = end > i ? end : i + 1;
    }
    free(stack);
    free(t.v);
    free(t.slot);
    return out ? w : deepest;
nomem:
    free(stack);
    free(t.v);
    free(t.slot);
    return (size_t)-1;
}

char *h_flatten_deep(const char *src, size_t n, size_t *outlen, int *nomem)
{
    *nomem = 0;
    size_t deepest = scan(src, n, NULL);
    if (deepest == (size_t)-1) {
        *nomem = 1;
        return NULL;
    }
    if (deepest <= MAX_DEPTH)
        return NULL;
    char *out = malloc(n + 1);
    if (!out) {
        *nomem = 1;
        return NULL;
    }
    size_t w = scan(src, n, out);
    if (w == (size_t)-1) {
        free(out);
        *nomem = 1;
        return NULL;
    }
    out[w] = '\0';
    *outlen = w;
    return out;
}
