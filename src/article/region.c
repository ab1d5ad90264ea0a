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
 * A run can carry furniture with it across a gap (a cookie notice in
 * front, teasers of other stories behind): an end that is off the story's
 * subject is cut.  Above the run sit the headline, the byline and the date
 * (storyhead.c).  What is left outside the run is removed with a rule that
 * names it ("outside-article", "masthead", "breadcrumb"...; listed by
 * --show-stripped; --keep protects a line as everywhere).
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
    uint64_t h = nr_hash(NR_HASH_INIT, w, len);
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
        if (nr_live(&d->u[i]))
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

enum { C_BAD, C_SHORT, C_NEAR, C_GOOD };
#define TEASER_WORDS 60
#define TEASER_SHARE 1 / 4

static int menu_shape(const nr_cand *c, const nr_textstat *st)
{
    if (c->text[0] == '[' && st->words <= 6)
        return 1;    /* placeholders of images and form fields */
    /* "News > World > Europe", "Home | About | Contact" */
    size_t seps = 0;
    for (size_t i = 0; i + 2 < c->len; i++)
        if (c->text[i] == ' ' && strchr(">|/", c->text[i + 1]) &&
            c->text[i + 2] == ' ')
            seps++;
    if (seps >= 2 && st->words <= 20)
        return 1;
    /* every word capitalised, no function word: a list of names */
    return st->words >= 3 && st->stops == 0 && st->caps == st->words;
}

/* A line of program code or markup, as technical articles quote it:
   brackets, semicolons and operators are a large share of it. */
static int code_like(const nr_cand *c)
{
    size_t sym = 0;
    for (size_t i = 0; i < c->len; i++)
        if (strchr("{}();<>=\\/*+&|$#", c->text[i]))
            sym++;
    char last = c->text[c->len - 1];
    return sym * 7 >= c->len || strchr("{};", last) ||
           (c->text[0] == '<' && last == '>');
}

/* Does the line say the same words twice ("Man Charged With Assault
   Man Charged With Assault")?  A list item copied with its link text and
   its title is a headline, however long. */
static int doubled(const nr_cand *c, const nr_textstat *st)
{
    enum { MAXW = 64 };
    /* glued with no space: "Title?Title?", "The PlayStation VRThe PlayStation VR" */
    if (c->len >= 12 && c->len % 2 == 0 && !memcmp(c->text, c->text + c->len / 2, c->len / 2))
        return 1;
    if (st->words < 6 || st->words > MAXW)
        return 0;
    size_t ws[MAXW], wl[MAXW], n = 0;
    for (size_t i = 0; i < c->len && n < MAXW;) {
        while (i < c->len && !isalnum((unsigned char)c->text[i]) &&
               (unsigned char)c->text[i] < 0x80)
            i++;
        size_t j = i;
        while (j < c->len && c->text[j] != ' ')
            j++;
        size_t e = j;
        while (e > i && ispunct((unsigned char)c->text[e - 1]))
            e--;
        if (e > i) {
            ws[n] = i;
            wl[n++] = e - i;
        }
        i = j;
    }
    for (size_t k = n / 2 - 1; k <= n / 2 + 1 && k + 2 <= n; k++) {
        /* words of the second part found in the first */
        size_t hit = 0;
        for (size_t b = k; b < n; b++)
            for (size_t a = 0; a < k; a++)
                if (wl[a] == wl[b] && !strncasecmp(c->text + ws[a], c->text + ws[b], wl[a])) {
                    hit++;
                    break;
                }
        size_t small = k < n - k ? k : n - k;
        if (small >= 3 && hit * 10 >= small * 8 && (n - k) * 10 >= k * 7 &&
            k * 10 >= (n - k) * 7)
            return 1;
    }
    return 0;
}

static int class_of(const nr_cand *c, const nr_textstat *st)
{
    if (c->flags & NR_C_KEEP)
        return C_GOOD;
    /* code is the story's own when prose surrounds it (the rules take
       its lines for separators and crumbs) */
    if (code_like(c) && (!c->rule || !strcmp(c->rule, "separator") ||
                         !strcmp(c->rule, "breadcrumb")))
        return C_SHORT;
    if (c->rule)
        return C_BAD;
    unsigned w = st->words;
    int cjk = st->cjk * 2 >= w;
    int sentence = st->sents > 0 || nr_ends_sentence(c->text, c->len);
    int dense = w && st->stops * 100 >= w * 15;
    if (cjk && doubled(c, st))
        return C_SHORT;
    if (cjk) {   /* no spaces: length, or a comma or full stop, says prose */
        if (st->cjk >= 24 || (st->cjk >= 10 && st->sents + st->commas > 0))
            return C_GOOD;
        return st->cjk >= 6 ? C_NEAR : C_SHORT;
    }
    if (menu_shape(c, st))
        return C_BAD;
    if (!sentence && doubled(c, st))
        return C_SHORT;
    if (nr_bulleted(c)) {
        /* an item that is a sentence; a list of headlines is not prose */
        if (dense && ((w >= 8 && sentence) || w >= 20))
            return C_GOOD;
        return st->stops && (sentence || w >= 6) ? C_NEAR : C_SHORT;
    }
    /* a long line that is not a sentence is a caption or a teaser more
       often than a paragraph */
    if (dense && (sentence || w >= 60) && w >= 12)
        return C_GOOD;
    /* a title-shaped line (a teaser's headline, a subheading) is short
       until its neighbours say otherwise */
    if ((dense && w >= 10) || (sentence && w >= 5))
        return C_NEAR;
    return C_SHORT;
}

static long value_of(const nr_cand *c, const nr_textstat *st, int cls)
{
    switch (cls) {
    case C_GOOD:
        return (c->flags & NR_C_KEEP) ? 10 + (long)st->words
               : nr_bulleted(c)          ? (long)st->words / 2
                                      : (long)st->words;
    case C_NEAR:
        return 0;
    case C_SHORT:
        return -1;
    default:
        return -3;
    }
}

/* Context: a run of near-good and short blocks between two good ones
   (a subheading, a caption, a list inside the story) costs nothing; the
   same between two bad ones (a menu's entries) is furniture. */
static void in_context(long *v, const unsigned char *cls, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (cls[i] == C_GOOD || cls[i] == C_BAD) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && cls[j] != C_GOOD && cls[j] != C_BAD)
            j++;
        int before = i > 0 ? cls[i - 1] : C_BAD;
        int after = j < n ? cls[j] : C_BAD;
        for (size_t k = i; k < j; k++) {
            if (before == C_GOOD && after == C_GOOD)
                v[k] = 0;
            else if (before == C_BAD && after == C_BAD)
                v[k] = -3;
        }
        i = j;
    }
}

/* A line a story's end is marked with: its share bar, the label of a
   list of related stories.  (A "Comments" link may stand anywhere.) */
static int ends_story(const nr_cand *c)
{
    return c->rule && (!strcmp(c->rule, "share-widget") || !strcmp(c->rule, "related"));
}

/* What a story carries in its middle: an advert, a photo's caption, a
   video with its running time, a link to another story, a sign-up box.
   A gap made of these is no sign the story has ended. */
static int in_story(const nr_cand *c)
{
    static const char *const rules[] = {"advert", "caption", "video", "read-more-teaser",
                                        "related-link", "newsletter", "listen-widget", NULL};
    for (size_t k = 0; c->rule && rules[k]; k++)
        if (!strcmp(c->rule, rules[k]))
            return 1;
    return 0;
}

/* The same at the end: teasers of other stories, a gallery, a ticker,
   carried into the run over a gap of furniture.  What follows the last
   such gap is cut when it is off the subject of what precedes it and
   smaller than it. */
static void trim_back(nr_doc *d, const long *v, const unsigned char *cls,
                      const unsigned char *teaser, size_t a, size_t *b)
{
    size_t i = *b;
    long after = 0;
    int teasers = 1;   /* is all the prose after a stream's summaries? */
    while (i > a) {
        if (v[i - 1] > 0) {
            after += v[i - 1];
            teasers &= teaser[i - 1];
            i--;
            continue;
        }
        size_t j = i, bad = 0;
        int marker = 0;
        while (j > a && v[j - 1] <= 0) {
            bad += cls[j - 1] == C_BAD && !in_story(&d->u[j - 1]);
            marker |= ends_story(&d->u[j - 1]);
            j--;
        }
        if ((marker || (i - j >= 3 && bad >= 2)) && j > a && after > 0) {
            long before = 0;
            for (size_t k = a; k < j; k++)
                if (v[k] > 0)
                    before += v[k];
            /* a list of related posts is cut behind its label however
               close to the story's subject; but behind a small gap (a
               label and a few links) a part near the size of what
               precedes it goes on with the story ("Related" and two
               titles in an interview's middle) */
            int small = i - j <= 4 && after * 2 >= before;
            if (after < before &&
                ((marker && teasers) || (!small && nr_off_subject(d, v, i, *b, a, j)))) {
                *b = j;
                after = 0;
                teasers = 1;
            }
        }
        i = j;
    }
}

/* The rule a line above the story's first line `from` goes by, for
   --show-stripped: the headline again with a crumb or the site's name
   ("UK : Title", "Title | Site"), the site's name or a kicker just above
   the headline h, else the page around the article. */
static const char *above_headline(const nr_doc *d, size_t i, size_t from,
                                  size_t h)
{
    const nr_cand *c = &d->u[i];
    if (h != SIZE_MAX) {
        char *k = nr_key(c->text, c->len);
        char *t = d->title ? nr_key(d->title, strlen(d->title)) : NULL;
        const char *r = NULL;
        if (k && t && *t) {
            size_t lk = strlen(k), lt = strlen(t);
            if (!strcmp(k, t))
                r = "repeated-title";
            else if (lk > lt && !strcmp(k + lk - lt, t) && k[lk - lt - 1] == ' ')
                r = "breadcrumb";
            else if (lk > lt && !strncmp(k, t, lt) && k[lt] == ' ')
                r = "title-site";
        }
        free(k);
        free(t);
        if (r)
            return r;
    }
    size_t live = 0;
    for (size_t j = i + 1; j < from && live < 6; j++)
        live += nr_live(&d->u[j]);
    if (live < 6 && nr_word_count(c->text, c->len) <= 6 &&
        !nr_ends_sentence(c->text, c->len))
        return "masthead";
    return "outside-article";
}

/* "How to repot a fig tree | Garden Weekly": where the headline ends
   when a browser's tab title was copied, the site's name after a
   separator (a few capitalised words after a longer headline); else n. */
static size_t site_suffix_at(const char *s, size_t n)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xB7 ", NULL};
    for (size_t k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        const char *last = NULL;
        for (const char *q = s; (q = memmem(q, n - (size_t)(q - s), seps[k], l)) != NULL; q += l)
            last = q;
        if (!last)
            continue;
        const char *r = last + l;
        size_t rl = n - (size_t)(r - s), head = (size_t)(last - s);
        size_t rw = nr_word_count(r, rl), hw = nr_word_count(s, head);
        if (rw == 0 || rw > 4 || hw < 4 || hw < 2 * rw)
            continue;
        int caps = 1;
        for (size_t i = 0; i < rl && caps; i++)
            if ((i == 0 || r[i - 1] == ' ') && islower((unsigned char)r[i]))
                caps = 0;
        if (caps)
            return head;
    }
    return n;
}

/* "1. The harbour walk" on a line of its own: a listicle's first item's
   heading, a list marker before it. */
static int numbered_heading(const nr_cand *c, const nr_textstat *st)
{
    return c->kind == NR_BLOCK_ITEM && (c->flags & NR_C_ONE_LINE) && st->words <= 12 &&
           !nr_ends_sentence(c->text, c->len);
}

/* ---- teaser streams ---- */

/* A portal's stream of other stories: headline, one short summary,
   headline, one short summary...  Each summary is prose, and together
   they outweigh a short story on the same page, but none is the story.
   A summary standing alone between title-shaped lines, in a row of
   three or more such, earns a quarter of its words. */
static void teaser_streams(nr_doc *d, const nr_textstat *st, long *v,
                           unsigned char *teaser)
{
    size_t run_start = SIZE_MAX, units = 0;
    for (size_t i = 0; i <= d->n; i++) {
        int unit = 0;
        size_t q = i;
        if (i < d->n && v[i] > 0 && st[i].words < TEASER_WORDS) {
            size_t p = SIZE_MAX;
            /* an image's placeholder may stand between ("[18OnTech-M]");
               the first teaser's title may have gone with the label of
               the list ("Related") */
            for (size_t j = i; j-- > 0;)
                if ((nr_live(&d->u[j]) ||
                     (d->u[j].rule && !strcmp(d->u[j].rule, "related"))) &&
                    d->u[j].text[0] != '[') {
                    p = j;
                    break;
                }
            q = nr_next_live(d, i);
            /* (a section's heading its table of contents names is the
               story's, however short the section) */
            unit = p != SIZE_MAX && v[p] <= 0 && nr_headline_shape(&d->u[p], &st[p]) &&
                   !(d->u[p].flags & NR_C_KNOWN_KIND) &&
                   (q == d->n || (v[q] <= 0 && (nr_headline_shape(&d->u[q], &st[q]) ||
                                                nr_metaish(&d->u[q], &st[q]))));
        }
        if (unit) {
            if (run_start == SIZE_MAX)
                run_start = i;
            units++;
            continue;
        }
        /* a unit's headline lines lie between two summaries */
        if (run_start != SIZE_MAX && i < d->n && v[i] <= 0)
            continue;
        if (run_start != SIZE_MAX && units >= 3)
            for (size_t k = run_start; k < i && k < d->n; k++)
                if (v[k] > 0) {
                    v[k] = v[k] * TEASER_SHARE;
                    teaser[k] = 1;
                }
        run_start = SIZE_MAX;
        units = 0;
    }
}

/* ---- the pass ---- */

/* The date in a story's opening dateline: a place in capitals, the date,
   then a dash ("LONDON, March 3, 2021 -- ", "PORT ALDER, Ore., March 3,
   2021 — "). */
static void lead_dateline(nr_doc *d, size_t a)
{
    size_t i = a;
    while (i < d->n && !nr_live(&d->u[i]))
        i++;
    if (i >= d->n)
        return;
    const nr_cand *c = &d->u[i];
    size_t n = c->len < 80 ? c->len : 80, b, e;
    char iso[11];
    if (!nr_date_find(c->text, n, &b, &e, iso) || b < 3 || c->text[b - 2] != ',' ||
        !isupper((unsigned char)c->text[0]) || !isupper((unsigned char)c->text[1]))
        return;
    const char *r = c->text + e;
    size_t rl = c->len - e;
    if (!(rl > 4 && (!strncmp(r, " -- ", 4) || !strncmp(r, " - ", 3) ||
                     !strncmp(r, " \xE2\x80\x94 ", 5) || !strncmp(r, " \xE2\x80\x93 ", 5))))
        return;
    nr_doc_set(d, &d->date, c->text + b, e - b);
    if (iso[0])
        nr_doc_set(d, &d->date_iso, iso, strlen(iso));
}

/* A run bridges gaps of furniture inside a story (a caption, a sign-up
   box), but a page can hold two runs of prose far apart: a stream of
   other stories, then the story itself in an overlay copied at the page's
   end.  Across a gap no story has (LONG_GAP lines earning nothing),
   the part whose head is signed (headline, byline, date) is the story,
   when the part before it has no such head. */
#define LONG_GAP 30
static void split_long_gap(nr_doc *d, nr_textstat *st, long *v, size_t *a, size_t b)
{
    nr_page pg = {d, st, v};
    if (nr_signed_head(&pg, *a, 0))
        return;
    size_t g0 = *a, live = 0;
    for (size_t i = *a; i < b; i++) {
        if (v[i] <= 0) {
            if (!live)
                g0 = i;
            live += d->u[i].role == NR_ROLE_BLOCK;   /* cut or not */
            continue;
        }
        if (live >= LONG_GAP && nr_signed_head(&pg, i, g0)) {
            *a = i;
            return;
        }
        live = 0;
    }
}


/* A run can open with a stray sentence or two of furniture (a cookie
   notice, a login prompt, a teaser) that the story's weight carries over a
   gap of furniture.  When what stands before such a gap (three or more
   lines earning nothing, two of them furniture) is short (a sentence or
   two, under a fifth of the run) and off the story's subject (few of its
   words are the story's), the run starts after the gap. */
static void trim_front(nr_doc *d, const long *v, const unsigned char *cls,
                       size_t *a, size_t b, long total)
{
    long before = 0;
    size_t i = *a;
    while (i < b) {
        if (v[i] > 0) {
            before += v[i];
            i++;
            continue;
        }
        size_t j = i, bad = 0;
        while (j < b && v[j] <= 0) {
            bad += cls[j] == C_BAD;
            j++;
        }
        if (j - i >= 3 && bad >= 2 && before * 5 < total && before <= 80 && j < b &&
            nr_off_subject(d, v, *a, i, j, b)) {
            *a = j;
            total -= before;
            before = 0;
        }
        i = j;
    }
}
void nr_text_region(nr_doc *d)
{
    if (d->n == 0)
        return;
    nr_wordset ws;
    page_words(d, &ws);
    nr_textstat *st = calloc(d->n, sizeof *st);
    long *v = calloc(d->n, sizeof *v);
    /* each line's class, then whether it is a stream's summary */
    unsigned char *cls = calloc(d->n, 2);
    if (!st || !v || !cls || d->nomem) {
        free(st);
        free(v);
        free(cls);
        d->nomem = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_textstat_of(d->u[i].text, d->u[i].len, &ws, &st[i]);
        if (d->u[i].role != NR_ROLE_BLOCK) {
            cls[i] = C_NEAR;
            continue;
        }
        cls[i] = (unsigned char)class_of(&d->u[i], &st[i]);
        v[i] = value_of(&d->u[i], &st[i], cls[i]);
    }
    in_context(v, cls, d->n);
    unsigned char *teaser = cls + d->n;
    teaser_streams(d, st, v, teaser);
#ifdef NR_REGION_DEBUG   /* a developer's view of the values: make CFLAGS=-DNR_REGION_DEBUG */
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "%4zu c%d v%4ld w%3u s%3u %-12s %.70s\n", i, cls[i], v[i],
                st[i].words, st[i].stops, d->u[i].rule ? d->u[i].rule : "",
                d->u[i].text);
#endif
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
        free(cls);
        return;   /* no prose at all: leave the page to the other passes */
    }
    split_long_gap(d, st, v, &a, b);
    trim_front(d, v, cls, &a, b, best);
    trim_back(d, v, cls, teaser, a, &b);
    /* short sentences that earn nothing on their own still go on the
       story ("Work will resume in May, the council said."), and so does
       a closing line ("Jo Roe is a senior fellow at ...") when furniture,
       not more prose, follows it */
    for (;;) {
        /* a line ending in a colon ("Read about:") is followed by what
           it introduces, a list of short lines */
        int colon = b > a && b < d->n && v[b - 1] > 0 &&
                    d->u[b - 1].text[d->u[b - 1].len - 1] == ':';
        if (!colon && b < d->n && nr_live(&d->u[b]) && d->u[b].role == NR_ROLE_BLOCK &&
            (cls[b] == C_NEAR || cls[b] == C_SHORT) && st[b].words >= 6 &&
            !nr_control_words(&d->u[b]) && d->u[b].text[d->u[b].len - 1] == ':')
            colon = 1, b++;
        while (colon && b < d->n && (cls[b] == C_NEAR || cls[b] == C_SHORT) &&
               d->u[b].role == NR_ROLE_BLOCK && nr_live(&d->u[b]))
            b++;
        while (b < d->n && cls[b] == C_NEAR && d->u[b].role == NR_ROLE_BLOCK &&
               (nr_ends_sentence(d->u[b].text, d->u[b].len) ||
                b + 1 == d->n || cls[b + 1] == C_BAD))
            b++;
        /* and a closing section's heading over such a sentence
           ("Verdict" / "Great headphones at the wrong price.") */
        if (b + 1 < d->n && cls[b] == C_SHORT && d->u[b].role == NR_ROLE_BLOCK &&
            !d->u[b].rule && st[b].words <= 4 && nr_headline_shape(&d->u[b], &st[b]) &&
            cls[b + 1] == C_NEAR && d->u[b + 1].role == NR_ROLE_BLOCK &&
            nr_ends_sentence(d->u[b + 1].text, d->u[b + 1].len) &&
            !nr_off_subject(d, v, b + 1, b + 2, a, b))
            b++;
        else
            break;
    }
    /* a text with no furniture after the story (an article on its own,
       not a page) ends where the text ends */
    size_t k = b;
    while (k < d->n && cls[k] != C_BAD)
        k++;
    if (k == d->n)
        b = d->n;
    free(cls);
    nr_page pg = {d, st, v};
    size_t h = nr_find_headline(&pg, a, b);
    if (h != SIZE_MAX && h >= a)
        a = h + 1;   /* the run started before its headline */
    nr_find_byline(&pg, h, a, b);
    size_t from = h == SIZE_MAX ? a : h;
    /* no headline: the byline and date lines right above the story are
       still its head, for the header pass to read, not a masthead */
    for (size_t p; h == SIZE_MAX && (p = nr_prev_live(d, from)) != SIZE_MAX &&
                   nr_meta_line(&d->u[p]) && !(d->u[p].flags & NR_C_KEEP);)
        from = p;
    /* "14.03.2023 09:12" over the headline: the story's date, when no
       byline carried one */
    size_t p = h != SIZE_MAX ? nr_prev_live(d, h) : SIZE_MAX;
    size_t db, de;
    char iso[11];
    /* (or over a section label over the headline: "12 March 2022 /
       Databases / Headline") */
    if (p != SIZE_MAX && st[p].words <= 2 &&
        !nr_date_find(d->u[p].text, d->u[p].len, &db, &de, iso))
        p = nr_prev_live(d, p);
    if (p != SIZE_MAX && !d->date && !(d->u[p].flags & NR_C_KEEP) && st[p].words <= 6) {
        if (nr_date_find(d->u[p].text, d->u[p].len, &db, &de, iso)) {
            nr_doc_set(d, &d->date, d->u[p].text + db, de - db);
            if (iso[0])
                nr_doc_set(d, &d->date_iso, iso, strlen(iso));
            d->u[p].rule = "dateline";
        }
    }
    /* "PORT ALDER, Ore., March 3, 2021 -- Acme Corp today ...": the
       story's own dateline gives its date when nothing else did */
    if (!d->date && a < d->n)
        lead_dateline(d, a);
    if (h != SIZE_MAX) {
        /* "News > 2015 > Headline": a crumb ending in the headline */
        size_t t = nr_crumb_tail(d->u[h].text, d->u[h].len);
        nr_doc_set(d, &d->title, d->u[h].text + t,
                   site_suffix_at(d->u[h].text + t, d->u[h].len - t));
        d->u[h].role = NR_ROLE_TITLE;
    }
    /* between headline and story a sentence above the byline or date is
       the standfirst; one below them is a caption */
    size_t first_meta = a;
    for (size_t i = from + 1; i < a; i++)
        if (nr_live(&d->u[i]) && nr_meta_line(&d->u[i])) {
            first_meta = i;
            break;
        }
    /* a title-shaped line of four words or more right under the headline
       is its deck ("Stop Copying Everything Every Night"), the standfirst,
       not a section heading */
    /* many lines between headline and story are a block of their own (a
       table of facts, a video player's controls): none of them is a
       deck, a byline or a subheading opening the story */
    size_t head_lines = 0;
    for (size_t i = from + 1; i < a; i++)
        head_lines += nr_live(&d->u[i]);
    int crowded = head_lines > 6;
    size_t deck = h != SIZE_MAX && !crowded ? h + 1 : SIZE_MAX;
    while (deck < a && !nr_live(&d->u[deck]))
        deck++;
    if (deck < a && d->u[deck].kind == NR_BLOCK_PARA && st[deck].words >= 4 &&
        !nr_bulleted(&d->u[deck]) && nr_headline_shape_caps(&d->u[deck], &st[deck]) &&
        !nr_namelike(d->u[deck].text, d->u[deck].len) && !(d->u[deck].flags & NR_C_KEEP))
        d->u[deck].flags |= NR_C_STANDFIRST;
    for (size_t i = 0, under = 0; i < d->n; i++) {
        nr_cand *c = &d->u[i];
        if (!nr_live(c) || (c->flags & NR_C_KEEP))
            continue;
        under += i > from;   /* live lines under the headline so far */
        if (i < from)
            c->rule = above_headline(d, i, from, h);
        else if (i >= b)
            c->rule = "outside-article";
        else if (i > from && i < a && d->byline &&
                 nr_namelike(c->text, c->len) &&
                 strlen(d->byline) == c->len && !memcmp(d->byline, c->text, c->len))
            c->rule = "byline";   /* the writer's name on its own line */
        else if (i > from && i < a && !nr_meta_line(c) && !(c->flags & NR_C_STANDFIRST) &&
                 /* (a name right under the headline, for the header pass
                    to read as the byline when none was found: not a
                    table of facts, a player's controls) */
                 !(!d->byline && under <= 3 && !crowded && nr_namelike(c->text, c->len) &&
                   !nr_bulleted(c) && !nr_control_words(c) &&
                   !(st[i].words >= 4 && menu_shape(c, &st[i]))) &&
                 !(c->kind == NR_BLOCK_PARA &&
                   (v[i] > 0 || (i < first_meta &&
                                 nr_ends_sentence(c->text, c->len)))) &&
                 !(i == from + 1 && !crowded && nr_headline_shape(c, &st[i]) &&
                   !menu_shape(c, &st[i])) &&
                 !(i == nr_prev_live(d, a) && !crowded &&
                   ((nr_headline_shape(c, &st[i]) && !menu_shape(c, &st[i])) ||
                    numbered_heading(c, &st[i]))))
            c->rule = "outside-article";   /* (the last keeps a subheading
                                              that opens the story) */
    }
    /* the writer's name again at the story's end, over a line about
       them (an author box: "JO ROE" / "Roe covers Congress for ...") */
    for (size_t i = b, seen = 0; d->byline && i-- > a && seen < 3;) {
        nr_cand *c = &d->u[i];
        if (!nr_live(c))
            continue;
        seen++;
        if (!(c->flags & NR_C_KEEP) && strlen(d->byline) == c->len &&
            !strncasecmp(d->byline, c->text, c->len))
            c->rule = "byline";
    }
    /* in the story, the title again (a recipe card's, a gallery's) and
       "Author Jo Roe" are the page's head said twice */
    char *tk = d->title ? nr_key(d->title, strlen(d->title)) : NULL;
    char *bk = d->byline ? nr_key(d->byline, strlen(d->byline)) : NULL;
    for (size_t i = a; i < b && (tk || bk); i++) {
        nr_cand *c = &d->u[i];
        if (!nr_live(c) || (c->flags & NR_C_KEEP) || c->len > 200)
            continue;
        char *ck = nr_key(c->text, c->len);
        if (ck && tk && *tk && !strcmp(ck, tk))
            c->rule = "repeated-title";
        else if (ck && bk && *bk && !strncmp(ck, "author ", 7) && !strcmp(ck + 7, bk))
            c->rule = "byline";
        free(ck);
    }
    free(tk);
    free(bk);
    free(st);
    free(v);
}
