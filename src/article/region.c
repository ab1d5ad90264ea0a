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
#include <ctype.h>
#include <stdint.h>
#ifdef NR_REGION_DEBUG
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* Classes, as jusText has them: good (prose), near-good (a short
   sentence, a heading, a list item with function words), short (a few
   words of nothing in particular), bad (furniture by rule or by shape). */
enum { C_BAD, C_SHORT, C_NEAR, C_GOOD };

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
    if (cjk) {   /* no spaces: length, or a comma or full stop, says prose */
        if (st->cjk >= 24 || (st->cjk >= 10 && st->sents + st->commas > 0))
            return C_GOOD;
        return st->cjk >= 6 ? C_NEAR : C_SHORT;
    }
    if (menu_shape(c, st))
        return C_BAD;
    if (bulleted(c)) {
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
               : bulleted(c)          ? (long)st->words / 2
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

/* ---- the headline above the run ---- */

static int meta_line(const nr_cand *c)
{
    return nr_parse_byline(c->text, c->len, NULL, NULL, NULL) ||
           nr_parse_dateline(c->text, c->len, NULL, NULL) ||
           (c->flags & NR_C_BYLINE);
}

static int starts_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != w[i])
            return 0;
    return 1;
}

/* Words with a digit in them ("$610.00", "2x", "10"). */
static unsigned numeric_words(const nr_cand *c)
{
    unsigned n = 0;
    int in = 0, digit = 0;
    for (size_t i = 0; i <= c->len; i++) {
        if (i == c->len || c->text[i] == ' ') {
            n += in && digit;
            in = digit = 0;
        } else {
            in = 1;
            digit |= isdigit((unsigned char)c->text[i]) != 0;
        }
    }
    return n;
}

/* "Photo by Jo Roe", "Edited by Jo Roe", "Illustration: Jo Roe": who made
   a picture or edited the page. */
static int credit_line(const nr_cand *c)
{
    static const char *const makers[] = {
        "photo", "photos", "photograph", "photography", "picture", "image",
        "images", "illustration", "illustrations", "portrait", "graphic",
        "graphics", "video", "edited", "editing", "produced", "reporting",
        "additional reporting", "credit", "source", NULL};
    for (size_t k = 0; makers[k]; k++) {
        size_t l = strlen(makers[k]);
        if (c->len > l + 2 && !strncasecmp(c->text, makers[k], l) &&
            (!strncasecmp(c->text + l, " by ", 4) || c->text[l] == ':'))
            return 1;
    }
    return 0;
}

/* "by ...", "Par ...", "Posted ...": a byline however it goes on. */
static int by_lead(const nr_cand *c)
{
    static const char *const leads[] = {"by ", "par ", "por ", "von ",
                                        "door ", "posted ", "written ", NULL};
    for (size_t k = 0; leads[k]; k++)
        if (starts_ci(c->text, c->len, leads[k]))
            return 1;
    return 0;
}

/* Looser than meta_line, for finding the headline only: a short line with
   a date in it, a byline lead, or a bare name ("Jo Bloggs 1 day ago",
   "Par A et B - 24 novembre", "by Lucas Nolan22 Dec 2016"). */
static int metaish(const nr_cand *c, const nr_textstat *st)
{
    if (meta_line(c) || by_lead(c))
        return 1;
    if (st->words > 16)
        return 0;
    size_t b, e;
    char iso[11];
    if (nr_date_find(c->text, c->len, &b, &e, iso))
        return 1;
    return nr_namelike(c->text, c->len);
}

/* The words of a site's controls: a line made of them ("Log out Sign in",
   "Next story", "Download the app") is a control, not a headline. */
static const char *const ui_words[] = {
    "about", "account", "all", "app", "back", "close", "comments", "contact",
    "content", "download", "email", "follow", "get", "home", "in", "index",
    "log", "login", "logout", "main", "menu", "more", "most", "navigation",
    "new", "news", "newsletter", "next", "now", "on", "open", "out",
    "popular", "previous", "print", "read", "recent", "register", "search",
    "see", "share", "shop", "show", "sign", "site", "skip", "start",
    "stories", "story", "subscribe", "the", "to", "top", "up", "us", "view",
    "your", NULL};

static void ui_count(void *ud, const char *w, size_t len)
{
    unsigned *n = ud;
    n[0]++;
    for (size_t k = 0; ui_words[k]; k++)
        if (strlen(ui_words[k]) == len && !memcmp(ui_words[k], w, len)) {
            n[1]++;
            return;
        }
}

static int control_words(const nr_cand *c)
{
    unsigned n[2] = {0, 0};
    nr_words_each(c->text, c->len, ui_count, n);
    return n[0] && n[1] * 5 >= n[0] * 3;
}

static int headline_shape(const nr_cand *c, const nr_textstat *st)
{
    if (bulleted(c) || c->len > 250 || meta_line(c) || by_lead(c) ||
        control_words(c))
        return 0;
    size_t b, e;
    char iso[11];
    if (st->words <= 8 && nr_date_find(c->text, c->len, &b, &e, iso))
        return 0;
    /* two sentences are a paragraph; "(See the notes.)" an aside; "From
       $610.00" a price; "Portrait by Jo Roe" a credit */
    if (st->sents >= 2 || (st->sents == 1 && st->words > 20) ||
        (c->text[0] == '(' && c->text[c->len - 1] == ')') ||
        (st->words <= 4 && numeric_words(c) * 2 >= st->words) ||
        credit_line(c))
        return 0;
    unsigned w = st->words;
    if (st->cjk * 2 >= w)
        return st->cjk >= 4 && st->cjk <= 80;
    if (w < 1 || w > 30)
        return 0;
    char last = c->text[c->len - 1];
    if (last == ',' || last == ';' || last == ':' ||
        (last == '.' && c->len > 1 && c->text[c->len - 2] != '.'))
        return 0;
    /* placeholders of images and form fields; a menu line: every word
       capitalised, no function word, many words */
    if (c->text[0] == '[' || (w >= 6 && st->stops == 0 && st->caps == w))
        return 0;
    return 1;
}

typedef struct word_set {
    uint64_t *h;
    size_t cap;
} word_set;

static uint64_t hash_bytes(const char *w, size_t n)
{
    uint64_t x = 1469598103934665603ull;
    for (size_t k = 0; k < n; k++)
        x = (x ^ (unsigned char)w[k]) * 1099511628211ull;
    return x | 1;
}

static void set_add(void *ud, const char *w, size_t len)
{
    word_set *ws = ud;
    if (len < 4 || nr_stopword(w))
        return;
    uint64_t h = hash_bytes(w, len);
    size_t p = (size_t)h & (ws->cap - 1);
    for (size_t probe = 0; ws->h[p] && ws->h[p] != h && probe < ws->cap; probe++)
        p = (p + 1) & (ws->cap - 1);
    ws->h[p] = h;
}

static int set_has(const word_set *ws, const char *w, size_t len)
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
    const word_set *ws;
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
static unsigned overlap_pct(const word_set *ws, const nr_cand *c)
{
    overlap_ud o = {ws, 0, 0};
    nr_words_each(c->text, c->len, overlap_word, &o);
    if (!o.words)
        return 0;
    unsigned pct = o.hits * 100 / o.words;
    return o.words >= 3 ? pct : pct * o.words / 3;
}

#define HEAD_ABOVE 40   /* live candidates looked at above the story */
#define HEAD_FAR 160    /* ... for a headline with a "By" line under it */
#define HEAD_INSIDE 4   /* and at its start, when the run began too early */

/* What the passes know of every candidate. */
typedef struct page {
    nr_doc *d;
    nr_textstat *st;
    long *v;          /* value: > 0 prose, < 0 furniture */
    char **keys;      /* normalized text (nr_key), NULL when none */
} page;

/* "Ben Silverman" over "March 3, 2015": a name above a date line is the
   byline, however headline-shaped. */
static int author_above_date(const page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    if (!nr_namelike(d->u[i].text, d->u[i].len))
        return 0;
    size_t b, e;
    char iso[11];
    for (size_t j = i + 1; j < d->n; j++)
        if (alive(&d->u[j]))
            return !by_lead(&d->u[j]) && pg->st[j].words <= 12 &&
                   nr_date_find(d->u[j].text, d->u[j].len, &b, &e, iso);
    return 0;
}

/* "UK : Title" or "Title | Site" over "Title": the longer line is the
   headline with a crumb or the site's name added, not a headline above
   a deck. */
static int contains_key(const char *outer, const char *inner)
{
    if (!outer || !inner || !*inner)
        return 0;
    size_t lo = strlen(outer), li = strlen(inner);
    return li < lo && ((!strncmp(outer, inner, li) && outer[li] == ' ') ||
                       (!strcmp(outer + lo - li, inner) && outer[lo - li - 1] == ' '));
}

/* Does the line recur on the page, alone or opening a longer line (a
   caption or a share text that starts with the headline)? */
static int recurs(const page *pg, size_t i)
{
    const char *k = pg->keys[i];
    if (!k || !*k)
        return 0;
    size_t n = strlen(k);
    for (size_t j = 0; j < pg->d->n; j++) {
        const char *o = pg->keys[j];
        /* a paragraph may start with a heading's words; a headline
           recurs in lines that are not sentences (crumbs, captions) */
        if (j != i && o && !strncmp(o, k, n) &&
            (o[n] == '\0' ||
             (o[n] == ' ' && !nr_ends_sentence(pg->d->u[j].text, pg->d->u[j].len))))
            return 1;
    }
    return 0;
}

static int byline_kind(const nr_cand *c, const nr_textstat *st, size_t *nb,
                       size_t *ne);
enum { BY_NONE, BY_NAME_ONLY, BY_NAME_DATE, BY_LEAD };

/* Is the next live line a byline or date line?  ("Echo" over "Published
   1 March": a one-word headline needs that to be one.) */
static int meta_below(const page *pg, size_t i)
{
    for (size_t j = i + 1; j < pg->d->n; j++)
        if (alive(&pg->d->u[j]))
            return metaish(&pg->d->u[j], &pg->st[j]);
    return 0;
}

/* Is the next live line (or the one after) led by "By"? */
static int signed_below(const page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    for (size_t j = i + 1, k = 0; j < d->n && k < 2; j++) {
        if (!alive(&d->u[j]))
            continue;
        k++;
        size_t nb, ne;
        if (byline_kind(&d->u[j], &pg->st[j], &nb, &ne) == BY_LEAD)
            return 1;
    }
    return 0;
}

static long headline_score(const page *pg, const word_set *ws, size_t i,
                           size_t seen)
{
    const nr_doc *d = pg->d;
    long score = 40 - 2 * (long)seen;
    for (size_t j = i + 1, k = 0; j < d->n && k < 2; j++) {
        if (!alive(&d->u[j]))
            continue;
        k++;
        if (metaish(&d->u[j], &pg->st[j])) {
            score += k == 1 ? 40 : 25;
            break;
        }
    }
    score += (long)overlap_pct(ws, &d->u[i]) * 50 / 100;
    if (recurs(pg, i))
        score += 30;
    unsigned w = pg->st[i].words;
    if (w >= 4 && w <= 20)
        score += 10;
    return score;
}

/* Index of the headline, or SIZE_MAX.  Looked for above the story's first
   block `first` and among the first few blocks of the run (a run can start
   at a stray sentence above the headline: a dialog, a teaser).  Signs, each
   worth points: a byline or date line just below it; the story using its
   words (a headline names what the story is about, a menu does not); the
   same line elsewhere on the page (headlines recur in crumbs, share text
   and teasers); nearness to the story; headline length. */
static size_t find_headline(page *pg, size_t first, size_t end)
{
    nr_doc *d = pg->d;
    word_set ws = {NULL, 1024};
    ws.h = calloc(ws.cap, sizeof *ws.h);
    if (!ws.h) {
        d->nomem = 1;
        return SIZE_MAX;
    }
    /* the story's words, from its paragraphs (not its headings) */
    for (size_t i = first, k = 0; i < end && k < 12; i++)
        if (alive(&d->u[i]) && pg->v[i] > 0 &&
            !headline_shape(&d->u[i], &pg->st[i])) {
            nr_words_each(d->u[i].text, d->u[i].len, set_add, &ws);
#ifdef NR_REGION_DEBUG
            fprintf(stderr, "story words from %zu\n", i);
#endif
            k++;
        }
    size_t best = SIZE_MAX, seen = 0;
    long best_score = 0;
    for (size_t i = first; i-- > 0 && seen < HEAD_FAR;) {
        if (!alive(&d->u[i]))
            continue;
        seen++;
        if (!headline_shape(&d->u[i], &pg->st[i]) || author_above_date(pg, i) ||
            (pg->st[i].words == 1 && !meta_below(pg, i)))
            continue;
        /* a headline with its byline under it is the surest landmark:
           a video player or a gallery may stand between it and the text */
        int signed_ = signed_below(pg, i);
        if (seen > HEAD_ABOVE && !signed_)
            continue;
        long score = headline_score(pg, &ws, i, signed_ && seen > 15 ? 15 : seen);
#ifdef NR_REGION_DEBUG
        fprintf(stderr, "head %4zu score %4ld ov %3u %.60s\n", i, score, overlap_pct(&ws, &d->u[i]), d->u[i].text);
#endif
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    /* inside the run: only while what precedes it is a sentence or two */
    long before = 0;
    for (size_t i = first, k = 0; i < end && k < HEAD_INSIDE; i++) {
        if (!alive(&d->u[i]))
            continue;
        k++;
        if (k > 1 && headline_shape(&d->u[i], &pg->st[i]) && before < 60 &&
            (recurs(pg, i) || (i + 1 < end && metaish(&d->u[i + 1], &pg->st[i + 1])))) {
            long score = headline_score(pg, &ws, i, 0) - 10;
            if (score > best_score) {
                best_score = score;
                best = i;
            }
        }
        if (pg->v[i] > 0)
            before += pg->v[i];
    }
    /* headline, then deck: of two title-shaped lines in a row the upper is
       the headline when it is the longer (a shorter one above is a kicker
       or the site's tagline) */
    if (best != SIZE_MAX && best > 0) {
        const nr_cand *up = &d->u[best - 1];
        if (alive(up) && headline_shape(up, &pg->st[best - 1]) &&
            pg->st[best - 1].words > pg->st[best].words &&
            !contains_key(pg->keys[best - 1], pg->keys[best]) &&
            overlap_pct(&ws, up) + 30 >= overlap_pct(&ws, &d->u[best]))
            best--;
    }
    free(ws.h);
    return best;
}

/* ---- the byline ---- */

/* Is c a byline line, and which kind?  *nb..*ne gets the name. */
static int byline_kind(const nr_cand *c, const nr_textstat *st, size_t *nb,
                       size_t *ne)
{
    int lead;
    if (st->words > 60)
        return BY_NONE;
    size_t w = nr_name_at(c->text, c->len, nb, ne, &lead);
    if (!w)
        return BY_NONE;
    if (lead)
        return BY_LEAD;   /* "By Jo Roe, a deputy editor who ...": a bio */
    if (st->words > 24)
        return BY_NONE;
    if (w > 4)
        return BY_NONE;
    const char *r = c->text + *ne;
    size_t rl = c->len - *ne;
    if (rl == 0)
        return BY_NAME_ONLY;
    /* the name, then a separator or a glued date, then a date or age */
    while (rl && (*r == ' ' || *r == ','))
        r++, rl--;
    size_t b, e;
    char iso[11];
    if (rl && (nr_date_find(r, rl, &b, &e, iso) || strstr(r, " ago") ||
               (isdigit((unsigned char)r[0]) && rl <= 6)))
        return BY_NAME_DATE;
    if (rl >= 2 && (!strncmp(r, "\xE2\x80\xA2", 3) || !strncmp(r, "- ", 2) ||
                    !strncmp(r, "| ", 2) || !strncmp(r, "\xC2\xB7", 2) ||
                    !strncmp(r, "\xE2\x80\x94", 3) || !strncmp(r, "\xE2\x80\x93", 3)))
        return nr_date_find(r, rl, &b, &e, iso) ? BY_NAME_DATE : BY_NONE;
    return BY_NONE;
}

static int beside_date(const page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    size_t b, e;
    char iso[11];
    for (size_t j = i + 1; j < d->n; j++)
        if (d->u[j].role == NR_ROLE_BLOCK && !d->u[j].rule)
            return nr_date_find(d->u[j].text, d->u[j].len, &b, &e, iso) &&
                   pg->st[j].words <= 12;
    return 0;
}

/* The writer, looked for around the headline h (or the story's start)
   and at the story's end ("Written by ..."). */
static void find_byline(page *pg, size_t h, size_t a, size_t b)
{
    nr_doc *d = pg->d;
    if (d->byline)
        return;
    size_t anchor = h != SIZE_MAX ? h : a;
    size_t best = SIZE_MAX, bnb = 0, bne = 0;
    long best_score = 0;
    size_t lo = anchor > 4 ? anchor - 4 : 0;
    size_t hi = b + 12 < d->n ? b + 12 : d->n;
    for (size_t i = lo, dist = 0; i < hi; i++) {
        nr_cand *c = &d->u[i];
        if (c->role != NR_ROLE_BLOCK || i == h ||
            (c->rule && !strcmp(c->rule, "user-drop")))
            continue;
        if (i > anchor)
            dist++;
        size_t nb, ne;
        int kind = byline_kind(c, &pg->st[i], &nb, &ne);
        /* "By Jo Roe ... Follow @joroe" may have gone as a social widget;
           only a line led by "By" is a byline whatever else it holds */
        if (kind == BY_NONE || (c->rule && kind != BY_LEAD))
            continue;
        long score = kind == BY_LEAD ? 60 : kind == BY_NAME_DATE ? 50 : 30;
        if (meta_line(c))
            score += 20;   /* the strict byline parser reads it too */
        if (i >= a && i < b && kind != BY_LEAD)
            continue;   /* a name alone inside the story is the story's */
        if (i >= b && kind != BY_LEAD)
            continue;
        /* a bare name needs a date line beside it */
        if (kind == BY_NAME_ONLY && !beside_date(pg, i))
            continue;
        score -= 2 * (long)(i < anchor ? anchor - i : dist);
        if (i >= b)
            score -= 15;   /* "Written by" after the story: a weaker sign */
        if (score > best_score) {
            best_score = score;
            best = i;
            bnb = nb;
            bne = ne;
        }
    }
    if (best == SIZE_MAX)
        return;
    nr_cand *c = &d->u[best];
    /* the strict parser keeps the publication or role ("Jo Roe, Chief
       Reporter"); the finder only knows where the name is */
    char *full = NULL;
    if (nr_parse_byline(c->text, c->len, &full, NULL, NULL) && full) {
        d->byline = full;
    } else {
        free(full);
        nr_doc_set(d, &d->byline, c->text + bnb, bne - bnb);
    }
    if (!d->date) {
        size_t db, de;
        char iso[11];
        if (nr_date_find(c->text + bne, c->len - bne, &db, &de, iso)) {
            nr_doc_set(d, &d->date, c->text + bne + db, de - db);
            if (iso[0])
                nr_doc_set(d, &d->date_iso, iso, strlen(iso));
        }
    }
    /* a line the byline parser reads is the header pass's to take (it
       also tells a standfirst above it); any other is not spoken */
    if (!meta_line(c) && !c->rule && !(c->flags & NR_C_KEEP))
        c->role = NR_ROLE_BYLINE;
}

/* Are the prose blocks of d->u[p0..p1) about something else than those of
   d->u[r0..r1) (under a quarter of their content words shared)? */
static int off_subject(nr_doc *d, const long *v, size_t p0, size_t p1,
                       size_t r0, size_t r1)
{
    word_set ws = {NULL, 2048};
    ws.h = calloc(ws.cap, sizeof *ws.h);
    if (!ws.h)
        return 0;
    for (size_t i = r0, k = 0; i < r1 && k < 20; i++)
        if (v[i] > 0) {
            nr_words_each(d->u[i].text, d->u[i].len, set_add, &ws);
            k++;
        }
    overlap_ud o = {&ws, 0, 0};
    for (size_t i = p0; i < p1; i++)
        if (v[i] > 0)
            nr_words_each(d->u[i].text, d->u[i].len, overlap_word, &o);
    free(ws.h);
    return o.hits * 4 < o.words;
}

/* The same at the end: teasers of other stories, a gallery, a ticker,
   carried into the run over a gap of furniture.  What follows the last
   such gap is cut when it is off the subject of what precedes it and
   smaller than it. */
static void trim_back(nr_doc *d, const long *v, const unsigned char *cls,
                      size_t a, size_t *b)
{
    size_t i = *b;
    long after = 0;
    while (i > a) {
        if (v[i - 1] > 0) {
            after += v[i - 1];
            i--;
            continue;
        }
        size_t j = i, bad = 0;
        while (j > a && v[j - 1] <= 0) {
            bad += cls[j - 1] == C_BAD;
            j--;
        }
        if (i - j >= 3 && bad >= 2 && j > a && after > 0) {
            long before = 0;
            for (size_t k = a; k < j; k++)
                if (v[k] > 0)
                    before += v[k];
            if (after < before && off_subject(d, v, i, *b, a, j)) {
                *b = j;
                after = 0;
            }
        }
        i = j;
    }
}

/* Where the last part of a breadcrumb starts ("Home > News > Title",
   "News » World » Title": two separators or more), else 0. */
static size_t crumb_tail(const char *s, size_t n)
{
    size_t seps = 0, last = 0;
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] != ' ')
            continue;
        size_t w = 0;
        if (s[i + 1] == '>' && s[i + 2] == ' ')
            w = 3;
        else if (i + 3 < n && !memcmp(s + i + 1, "\xC2\xBB", 2) && s[i + 3] == ' ')
            w = 4;   /* » */
        if (w) {
            seps++;
            last = i + w;
        }
    }
    return seps >= 2 && last < n ? last : 0;
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
        live += alive(&d->u[j]);
    if (live < 6 && nr_word_count(c->text, c->len) <= 6 &&
        !nr_ends_sentence(c->text, c->len))
        return "masthead";
    return "outside-article";
}

/* ---- the pass ---- */


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
            off_subject(d, v, *a, i, j, b)) {
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
    unsigned char *cls = calloc(d->n, 1);
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
    trim_front(d, v, cls, &a, b, best);
    trim_back(d, v, cls, a, &b);
    /* short sentences that earn nothing on their own still go on the
       story ("Work will resume in May, the council said."), and so does
       a closing line ("Jo Roe is a senior fellow at ...") when furniture,
       not more prose, follows it */
    while (b < d->n && cls[b] == C_NEAR && d->u[b].role == NR_ROLE_BLOCK &&
           (nr_ends_sentence(d->u[b].text, d->u[b].len) ||
            b + 1 == d->n || cls[b + 1] == C_BAD))
        b++;
    /* a text with no furniture after the story (an article on its own,
       not a page) ends where the text ends */
    size_t k = b;
    while (k < d->n && cls[k] != C_BAD)
        k++;
    if (k == d->n)
        b = d->n;
    free(cls);
    char **keys = calloc(d->n, sizeof *keys);
    if (!keys) {
        free(st);
        free(v);
        d->nomem = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++)
        keys[i] = nr_key(d->u[i].text, d->u[i].len);
    page pg = {d, st, v, keys};
    size_t h = find_headline(&pg, a, b);
    for (size_t i = 0; i < d->n; i++)
        free(keys[i]);
    free(keys);
    if (h != SIZE_MAX && h >= a)
        a = h + 1;   /* the run started before its headline */
    find_byline(&pg, h, a, b);
    size_t from = h == SIZE_MAX ? a : h;
    if (h != SIZE_MAX) {
        /* "News > 2015 > Headline": a crumb ending in the headline */
        size_t t = crumb_tail(d->u[h].text, d->u[h].len);
        nr_doc_set(d, &d->title, d->u[h].text + t, d->u[h].len - t);
        d->u[h].role = NR_ROLE_TITLE;
    }
    /* between headline and story a sentence above the byline or date is
       the standfirst; one below them is a caption */
    size_t first_meta = a;
    for (size_t i = from + 1; i < a; i++)
        if (alive(&d->u[i]) && meta_line(&d->u[i])) {
            first_meta = i;
            break;
        }
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *c = &d->u[i];
        if (!alive(c) || (c->flags & NR_C_KEEP))
            continue;
        if (i < from)
            c->rule = above_headline(d, i, from, h);
        else if (i >= b)
            c->rule = "outside-article";
        else if (i > from && i < a && d->byline &&
                 nr_namelike(c->text, c->len) &&
                 strlen(d->byline) == c->len && !memcmp(d->byline, c->text, c->len))
            c->rule = "byline";   /* the writer's name on its own line */
        else if (i > from && i < a && !meta_line(c) &&
                 !(nr_namelike(c->text, c->len) && !bulleted(c)) &&
                 !(c->kind == NR_BLOCK_PARA &&
                   (v[i] > 0 || (i < first_meta &&
                                 nr_ends_sentence(c->text, c->len)))) &&
                 !(i == from + 1 && headline_shape(c, &st[i])))
            c->rule = "outside-article";
    }
    free(st);
    free(v);
}
