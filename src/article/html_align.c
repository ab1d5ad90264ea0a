/*
 * html_align.c - character references, and where in the source each text
 * node of the parsed tree came from.
 *
 * libxml2 does not say where a text node began, so each one is found by a
 * forward-only scan of the source that skips markup (tags, comments,
 * script and style bodies) and decodes references; the scans share a
 * budget proportional to the input, so the whole reader stays linear, and
 * a text the scan cannot place keeps the cursor where it is.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "article/html_dom.h"
#include "article/readers.h"
#include "article/textbuf.h"
#include "utf8.h"

/* ---------------- character references ---------------- */

size_t nr_entity_at(const char *s, size_t n, size_t i, char out[8],
                    size_t *outlen)
{
    if (i >= n || s[i] != '&')
        return 0;
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        unsigned long cp = 0;
        int hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
        size_t k = j + 1 + (size_t)hex, d0 = k;
        while (k < n && k - d0 < 8 &&
               (hex ? isxdigit((unsigned char)s[k]) : isdigit((unsigned char)s[k]))) {
            int v = isdigit((unsigned char)s[k]) ? s[k] - '0'
                                                 : (tolower((unsigned char)s[k]) - 'a' + 10);
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            k++;
        }
        if (k == d0)
            return 0;
        if (k < n && s[k] == ';')
            k++;
        *outlen = nr_utf8_put((uint32_t)cp, out);
        return k - i;
    }
    char name[33];
    size_t k = j;
    while (k < n && k - j < 32 && isalnum((unsigned char)s[k]))
        k++;
    if (k == j || k >= n || s[k] != ';')
        return 0;
    memcpy(name, s + j, k - j);
    name[k - j] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *outlen = nr_utf8_put((uint32_t)e->value, out);
    return k + 1 - i;
}

/* ---------------- aligning text nodes with the source ---------------- */

#define ALIGN_WINDOW 65536

/* Past a tag, comment, or a whole script/style element at s[i] == '<'. */
size_t h_skip_markup(const char *s, size_t n, size_t i)
{
    if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
        for (size_t k = i + 4; k + 3 <= n; k++)
            if (!memcmp(s + k, "-->", 3))
                return k + 3;
        return n;
    }
    /* a document type declaration with an internal subset: the entity
       declarations inside "[...]" hold '>' of their own */
    if (n - i >= 9 && !strncasecmp(s + i, "<!doctype", 9)) {
        size_t k = i + 9;
        while (k < n && s[k] != '>' && s[k] != '[')
            k++;
        if (k < n && s[k] == '[') {
            while (k < n && s[k] != ']')
                k++;
            while (k < n && s[k] != '>')
                k++;
        }
        return k < n ? k + 1 : n;
    }
    const char *raw = NULL;
    if (n - i >= 7 && !strncasecmp(s + i, "<script", 7))
        raw = "</script";
    else if (n - i >= 6 && !strncasecmp(s + i, "<style", 6))
        raw = "</style";
    char q = 0;
    size_t k = i + 1;
    for (; k < n; k++) {
        if (q) {
            if (s[k] == q)
                q = 0;
        } else if (s[k] == '"' || s[k] == '\'') {
            if (s[k - 1] == '=' || s[k - 1] == ' ')
                q = s[k];
        } else if (s[k] == '>') {
            break;
        }
    }
    k = k < n ? k + 1 : n;
    if (raw) {
        size_t rl = strlen(raw);
        for (; k + rl <= n; k++)
            if (s[k] == '<' && !strncasecmp(s + k, raw, rl))
                return k;
        return n;
    }
    return k;
}

/* Does text t[0..tn) match the source at p (through references)?  Checks
   at most `want` bytes; returns 1 on a match. */
static int matches_at(const char *s, size_t n, size_t p, const char *t,
                      size_t tn, size_t want)
{
    size_t ti = 0, w;
    while (ti < tn && want > 0) {
        if (nr_is_space_at(t, tn, ti, &w)) {
            ti += w;
            while (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' ||
                             s[p] == '\t'))
                p++;
            continue;
        }
        if (p >= n)
            return 0;
        if (s[p] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, p, out, &ol);
            if (used && ol <= tn - ti && !memcmp(out, t + ti, ol)) {
                ti += ol;
                p += used;
                want = want > ol ? want - ol : 0;
                continue;
            }
        }
        if (s[p] != t[ti])
            return 0;
        p++;
        ti++;
        want--;
    }
    return 1;
}

/* Fills al->offs[0..tn) with the source offset of each byte of t. */
int h_align(h_aligner *al, const char *t, size_t tn)
{
    if (tn + 1 > al->cap) {
        size_t cap = tn + 64;
        size_t *o = realloc(al->offs, cap * sizeof *o);
        if (!o)
            return -1;
        al->offs = o;
        al->cap = cap;
    }
    const char *s = al->s;
    size_t n = al->n;
    size_t lead = 0, w;
    while (lead < tn && nr_is_space_at(t, tn, lead, &w))
        lead += w;
    size_t start = n;
    if (lead < tn && al->budget > 0) {
        /* the window counts text, not markup: a page's head may hold
           100 KB of attributes and scripts before its first word; every
           byte scanned, markup too, is charged to the budget */
        size_t want = tn - lead > 24 ? 24 : tn - lead, seen = 0;
        for (size_t p = al->cur; p < n && seen < ALIGN_WINDOW && al->budget > 0;) {
            if (s[p] == '<') {
                size_t q = h_skip_markup(s, n, p);
                al->budget = al->budget > q - p ? al->budget - (q - p) : 0;
                p = q;
                continue;
            }
            if (matches_at(s, n, p, t + lead, tn - lead, want)) {
                start = p;
                break;
            }
            p++;
            seen++;
            al->budget--;
        }
    }
    if (start == n) {
        for (size_t i = 0; i < tn; i++)
            al->offs[i] = al->cur;
        return 0;
    }
    for (size_t i = 0; i < lead; i++)
        al->offs[i] = start;
    size_t p = start, ti = lead;
    while (ti < tn) {
        if (nr_is_space_at(t, tn, ti, &w)) {
            for (size_t k = 0; k < w; k++)
                al->offs[ti + k] = p < n ? p : n;
            ti += w;
            if (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r'))
                p++;
            continue;
        }
        while (p < n && s[p] == '\r')
            p++;
        if (p >= n) {
            al->offs[ti++] = n;
            continue;
        }
        if (s[p] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, p, out, &ol);
            if (used && ol <= tn - ti && !memcmp(out, t + ti, ol)) {
                for (size_t k = 0; k < ol; k++)
                    al->offs[ti + k] = p;
                ti += ol;
                p += used;
                continue;
            }
        }
        if (s[p] == t[ti]) {
            al->offs[ti++] = p++;
            continue;
        }
        if (s[p] == ' ' || s[p] == '\n' || s[p] == '\t') {
            p++;
            continue;
        }
        al->offs[ti++] = p;   /* out of step: keep going, never backwards */
    }
    if (p > al->cur)
        al->cur = p;
    return 0;
}

