/*
 * html_title.c - the headline of an HTML page from its <title>, and which
 * part of a "Headline | Site" title to give.
 *
 * The <title> is cut the way reader views cut it: "Headline | Site" loses
 * its last part, "Site | Headline" (when that leaves too little) its
 * first; "Section: Headline" keeps what follows the colon unless a heading
 * shows the whole title; a title under 15 or over 150 characters gives
 * way to the page's only <h1>; a cut down to four words or fewer is
 * undone.  Of the headline so found (or declared by the page's metadata),
 * the title given is the part the page shows as a heading, so the site's
 * name is not read out.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "article/html_dom.h"
#include "article/internal.h"
#include "article/textbuf.h"

/* ---------------- the <title> ---------------- */

static int js_ws(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

/* Words as a split at white space counts them (a leading space counts an
   empty word, as the cut titles keep one). */
static size_t split_count(const char *s)
{
    size_t k = 1;
    for (const char *p = s; *p;) {
        if (js_ws((unsigned char)*p)) {
            k++;
            while (*p && js_ws((unsigned char)*p))
                p++;
        } else {
            p++;
        }
    }
    return k;
}

/* A title separator at p: | - \ / > or », and its byte length. */
static size_t sep_at(const char *p)
{
    if (*p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>')
        return 1;
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xBB)
        return 2;
    return 0;
}

static size_t utf16_len(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += *p >= 0xF0 ? 2 : 1;
    return n;
}

static char *dup_range(const char *a, const char *b)
{
    size_t n = (size_t)(b - a);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, a, n);
        s[n] = '\0';
    }
    return s;
}

/* Trims and collapses runs of white space to one space, in place. */
void h_squeeze(char *s)
{
    size_t w = 0;
    int sp = 0;
    for (const char *p = s; *p; p++) {
        if (js_ws((unsigned char)*p)) {
            sp = w > 0;
            continue;
        }
        if (sp)
            s[w++] = ' ';
        sp = 0;
        s[w++] = *p;
    }
    s[w] = '\0';
}

/* Heading texts (h1, h2) of the page, for the title's checks. */
typedef struct headings {
    char *text[24];
    int h1[24];
    size_t n, nh1;
} headings;

static void collect_headings(hdoc *hd, headings *hs)
{
    memset(hs, 0, sizeof *hs);
    for (xmlNode *n = hd->root; n; n = h_next(n, hd->root, 0)) {
        if (!h_is_elem(n))
            continue;
        int tag = H(hd, n)->tag;
        if (tag != T_H1 && tag != T_H2)
            continue;
        if (tag == T_H1)
            hs->nh1++;
        if (hs->n < sizeof hs->text / sizeof *hs->text) {
            hs->text[hs->n] = h_text(hd, n, 2000);
            hs->h1[hs->n] = tag == T_H1;
            if (hs->text[hs->n])
                hs->n++;
        }
    }
}

static void free_headings(headings *hs)
{
    for (size_t i = 0; i < hs->n; i++)
        free(hs->text[i]);
}

/* The <title> as readers cut it: the last part after a separator goes
   ("Headline | Site"), or the first when that leaves too little ("Site |
   Headline"); "Section: Headline" keeps the part after the colon unless a
   heading shows the whole; a title too short or too long gives way to the
   page's only <h1>; a cut down to four words or fewer is undone. */
char *h_title_cut(hdoc *hd, const char *orig)
{
    char *cur = NULL;
    int hier = 0;
    size_t n = strlen(orig);
    const char *last = NULL, *first = NULL;
    for (const char *p = orig; *p; p++) {
        size_t l = sep_at(p);
        if (!l)
            continue;
        if (!first)
            first = p;
        if (p > orig && p[-1] == ' ' && p[l] == ' ') {
            last = p;
            if (*p != '|' && *p != '-')
                hier = 1;
        }
    }
    if (last) {
        cur = dup_range(orig, last);
        if (cur && split_count(cur) < 3) {
            free(cur);
            cur = strdup(first + sep_at(first));
        }
    } else if (strstr(orig, ": ")) {
        headings hs;
        collect_headings(hd, &hs);
        int whole = 0;
        for (size_t i = 0; i < hs.n && !whole; i++)
            whole = !strcmp(hs.text[i], orig);
        free_headings(&hs);
        if (whole) {
            cur = strdup(orig);
        } else {
            const char *lc = strrchr(orig, ':'), *fc = strchr(orig, ':');
            cur = strdup(lc + 1);
            if (cur && split_count(cur) < 3) {
                free(cur);
                cur = strdup(fc + 1);
            } else if (cur) {
                char *before = dup_range(orig, fc);
                if (before && split_count(before) > 5) {
                    free(cur);
                    cur = strdup(orig);
                }
                free(before);
            }
        }
    } else {
        size_t ul = utf16_len(orig);
        if (ul > 150 || ul < 15) {
            headings hs;
            collect_headings(hd, &hs);
            if (hs.nh1 == 1)
                for (size_t i = 0; i < hs.n; i++)
                    if (hs.h1[i]) {
                        cur = strdup(hs.text[i]);
                        break;
                    }
            free_headings(&hs);
        }
        if (!cur)
            cur = strdup(orig);
    }
    if (!cur) {
        hd->d->nomem = 1;
        return NULL;
    }
    h_squeeze(cur);
    size_t words = split_count(cur);
    if (words <= 4) {
        /* words of the whole title, separators dropped */
        char *bare = malloc(n + 1);
        size_t bw = 0;
        if (bare) {
            for (const char *p = orig; *p;) {
                size_t l = sep_at(p);
                if (l) {
                    p += l;
                    continue;
                }
                bare[bw++] = *p++;
            }
            bare[bw] = '\0';
        }
        if (!hier || !bare || words != split_count(bare) - 1) {
            free(cur);
            cur = strdup(orig);
            if (!cur)
                hd->d->nomem = 1;
        }
        free(bare);
    }
    return cur;
}

/* ---------------- the title ---------------- */

static const char *const part_seps[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", NULL};

/* The headline without the site's name: the part of the title that the
   page shows as a heading; else, for "Headline | Site", the headline when
   the other part is short enough to be a name; else the whole. */
char *h_headline_part(hdoc *hd, const char *t)
{
    const char *cut[16];
    size_t ncut = 0, len = strlen(t);
    /* a title of a few words that a heading opens ("Charlie" over
       <h1>Charlie on the web</h1>) is the start of the headline */
    if (nr_word_count(t, len) <= 4) {
        headings hs;
        collect_headings(hd, &hs);
        char *kt = nr_key(t, len), *found = NULL;
        size_t kl = kt ? strlen(kt) : 0;
        for (size_t h = 0; kl && h < hs.n && !found; h++) {
            if (!hs.h1[h] || nr_word_count(hs.text[h], strlen(hs.text[h])) > 25)
                continue;
            char *kh = nr_key(hs.text[h], strlen(hs.text[h]));
            if (kh && strlen(kh) > kl && !strncmp(kh, kt, kl) && kh[kl] == ' ')
                found = strdup(hs.text[h]);
            free(kh);
        }
        free(kt);
        free_headings(&hs);
        if (found)
            return found;
    }
    cut[ncut++] = t;
    for (const char *p = t; *p && ncut < 15; p++)
        for (size_t k = 0; part_seps[k]; k++)
            if (!strncmp(p, part_seps[k], strlen(part_seps[k]))) {
                cut[ncut++] = p;
                break;
            }
    if (ncut == 1)
        return strdup(t);
    cut[ncut] = t + len;
    headings hs;
    collect_headings(hd, &hs);
    char *found = NULL;
    for (size_t i = 0; i < ncut && !found; i++) {
        const char *a = cut[i], *b = cut[i + 1];
        if (i > 0)
            for (size_t k = 0; part_seps[k]; k++)
                if (!strncmp(a, part_seps[k], strlen(part_seps[k]))) {
                    a += strlen(part_seps[k]);
                    break;
                }
        char *ka = nr_key(a, (size_t)(b - a));
        for (size_t h = 0; ka && *ka && h < hs.n && !found; h++) {
            char *kh = nr_key(hs.text[h], strlen(hs.text[h]));
            if (kh && !strcmp(ka, kh))
                found = dup_range(a, b);
            free(kh);
        }
        free(ka);
    }
    free_headings(&hs);
    if (found)
        return found;
    if (ncut == 2) {
        const char *sep = cut[1];
        size_t sl = 0;
        for (size_t k = 0; part_seps[k] && !sl; k++)
            if (!strncmp(sep, part_seps[k], strlen(part_seps[k])))
                sl = strlen(part_seps[k]);
        size_t head = (size_t)(sep - t), tail = len - head - sl;
        if (head >= 10 && tail <= head / 2 + 5 && nr_word_count(sep + sl, tail) <= 5)
            return dup_range(t, sep);
    }
    return strdup(t);
}

