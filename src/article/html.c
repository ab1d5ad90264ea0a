/*
 * html.c - the HTML reader: the entry point that runs the steps of the
 * html_*.c files (see html_dom.h for the map) over libxml2's forgiving
 * HTML parser.
 *
 * It does what browser reader modes do: read the metadata the page states,
 * reshape the tree into the paragraphs a reader sees, find the element
 * that holds the article by scoring paragraphs into their containers,
 * join the neighbours that belong to it, clean inside it, and read what
 * is left into candidates; the text-level rules (structure.c) run after.
 *
 * libxml2's nesting limit is lifted (XML_PARSE_HUGE) so text 300 levels
 * down is read; html_depth.c keeps the parser's work linear on pages that
 * nest deeper than any real one.  When libxml2 still gives up, the
 * visible text is read by a tag-stripping scan.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "article/html_dom.h"
#include "article/internal.h"
#include "article/readers.h"

static xmlNode *find_body(hdoc *hd)
{
    for (xmlNode *n = hd->root; n; n = h_next(n, hd->root, 0))
        if (h_is_elem(n) && H(hd, n)->tag == T_BODY)
            return n;
    return hd->root;
}

/* The title as the article shows it: a line near the top that is the
   title but for case and punctuation ("church roof appeal..." in the
   <title>, "Church roof appeal..." on the page) is the title's line. */
static void title_as_shown(nr_doc *d, size_t first)
{
    if (!d->title)
        return;
    char *kt = nr_key(d->title, strlen(d->title));
    for (size_t i = first, seen = 0; kt && *kt && i < d->n && seen < 8; i++) {
        nr_cand *u = &d->u[i];
        if (u->rule)
            continue;
        seen++;
        if ((u->role != NR_ROLE_BLOCK && u->role != NR_ROLE_TITLE) || u->len > 300)
            continue;
        char *k = nr_key(u->text, u->len);
        int same = k && !strcmp(k, kt);
        free(k);
        if (same) {
            nr_doc_set(d, &d->title, u->text, u->len);
            u->role = NR_ROLE_TITLE;
            break;
        }
        if (u->role == NR_ROLE_TITLE)
            break;
    }
    if (!kt)
        d->nomem = 1;
    free(kt);
}

/* Word trigrams of a normalized key (words split at spaces), hashed. */
static size_t trigrams(const char *k, uint64_t *out, size_t cap)
{
    const char *w[3] = {0};
    size_t wl[3] = {0}, n = 0, words = 0;
    for (const char *p = k; *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        w[0] = w[1];
        wl[0] = wl[1];
        w[1] = w[2];
        wl[1] = wl[2];
        w[2] = p;
        wl[2] = l;
        if (++words >= 3 && n < cap) {
            uint64_t h = NR_HASH_INIT;
            for (int j = 0; j < 3; j++)
                h = nr_hash(nr_hash(h, w[j], wl[j]), " ", 1);
            out[n++] = h | 1;   /* 0 marks an empty slot */
        }
        p += l;
        while (*p == ' ')
            p++;
    }
    return n;
}

/* A pull quote repeats a line of the story in large type, often
   reworded at its edges ("It's easiest to judge..." for "...which makes
   it easiest to judge..."): when most of its word trigrams are in the
   article's other lines, it is not read twice. */
static void drop_pulled(hdoc *hd, size_t first)
{
    nr_doc *d = hd->d;
    if (!hd->npulled)
        return;
    size_t words = 0;
    for (size_t i = first; i < d->n; i++)
        words += d->u[i].len / 2 + 1;
    size_t cap = 64;
    while (cap < words * 2)
        cap *= 2;
    uint64_t *set = calloc(cap, sizeof *set);
    uint64_t *tri = malloc((words + 1) * sizeof *tri);
    if (!set || !tri) {
        free(set);
        free(tri);
        d->nomem = 1;
        return;
    }
    for (size_t i = first, p = 0; i < d->n; i++) {
        while (p < hd->npulled && hd->pulled[p] < i)
            p++;
        if ((p < hd->npulled && hd->pulled[p] == i) || d->u[i].rule)
            continue;
        char *k = nr_key(d->u[i].text, d->u[i].len);
        if (!k) {
            d->nomem = 1;
            break;
        }
        size_t nt = trigrams(k, tri, words);
        for (size_t t = 0; t < nt; t++) {
            size_t s = (size_t)tri[t] & (cap - 1);
            while (set[s] && set[s] != tri[t])
                s = (s + 1) & (cap - 1);
            set[s] = tri[t];
        }
        free(k);
    }
    for (size_t p = 0; p < hd->npulled && !d->nomem; p++) {
        nr_cand *u = &d->u[hd->pulled[p]];
        char *k = nr_key(u->text, u->len);
        size_t nt = k ? trigrams(k, tri, words) : 0, hits = 0;
        for (size_t t = 0; t < nt; t++) {
            size_t s = (size_t)tri[t] & (cap - 1);
            while (set[s] && set[s] != tri[t])
                s = (s + 1) & (cap - 1);
            hits += set[s] == tri[t];
        }
        if (nt >= 3 && hits * 10 >= nt * 7)
            u->rule = "repeated";
        free(k);
    }
    free(set);
    free(tri);
}

/* A document type declaration with an internal subset ("<!DOCTYPE x [
   <!ENTITY ...> ]>"): libxml2's HTML parser ends the declaration at the
   first '>' and reads the rest as text, so the entity declarations would
   be spoken.  Finds the subset "[...]" near the start: [*a, *b). */
static int internal_subset(const char *s, size_t n, size_t *a, size_t *b)
{
    size_t lim = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 9 < lim; i++) {
        if (s[i] != '<' || strncasecmp(s + i, "<!doctype", 9))
            continue;
        size_t k = i + 9;
        while (k < n && s[k] != '>' && s[k] != '[')
            k++;
        if (k >= n || s[k] != '[')
            return 0;
        size_t e = k;
        while (e < n && s[e] != ']')
            e++;
        if (e >= n)
            return 0;
        if (a)
            *a = k;
        if (b)
            *b = e + 1;
        return 1;
    }
    return 0;
}

int nr_read_html(nr_doc *d)
{
    if (d->srclen > INT_MAX)
        return nr_read_text(d);
    size_t flen = 0;
    int nomem = 0;
    char *flat = h_flatten_deep(d->src, d->srclen, &flen, &nomem);
    if (nomem)
        return -1;
    if (!flat && internal_subset(d->src, d->srclen, NULL, NULL)) {
        flat = malloc(d->srclen + 1);
        if (!flat)
            return -1;
        memcpy(flat, d->src, d->srclen);
        flat[d->srclen] = '\0';
        flen = d->srclen;
    }
    if (flat) {
        size_t a, b;
        if (internal_subset(flat, flen, &a, &b))
            memset(flat + a, ' ', b - a);
    }
    htmlDocPtr doc = htmlReadMemory(flat ? flat : d->src, (int)(flat ? flen : d->srclen),
                                    NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        XML_PARSE_HUGE);
    free(flat);
    if (!doc)
        return nr_read_text(d);
    hdoc hd;
    memset(&hd, 0, sizeof hd);
    hd.d = d;
    hd.doc = doc;
    hd.root = xmlDocGetRootElement(doc);
    xmlNode **tops = NULL;
    size_t ntops = 0;
    xmlNode *parent = NULL;
    int rc = 0;
    if (!hd.root)
        goto out;
    if (h_register_all(&hd) || h_prep(&hd)) {
        rc = -1;
        goto out;
    }
    hd.body = find_body(&hd);
    h_meta(&hd);
    if (d->nomem || h_grab(&hd, &tops, &ntops, &parent)) {
        rc = -1;
        goto out;
    }
    size_t first = d->n;
    h_walk(&hd, parent);
    if (d->n == first || h_tree_lost_text(&hd)) {
        /* libxml2 gave up part-way, or nothing stood out: read the
           visible text instead */
        for (size_t i = first; i < d->n; i++) {
            free(d->u[i].text);
            nr_srcmap_free(&d->u[i].map);
        }
        d->n = first;
        d->nst = 0;
        h_fallback(d);
    }
    drop_pulled(&hd, first);
    h_meta_shown(&hd, tops, ntops);
    title_as_shown(d, first);
out:
    free(tops);
    h_free(&hd);
    xmlFreeDoc(doc);
    return rc;
}
