/*
 * storyhead.c - the head of a story found in a page copied as text: its
 * headline (the title-shaped line above the story that a byline or date
 * line follows, the story's words name, the page repeats), and its byline
 * (a "By" line, a name before a date, a name beside the date line),
 * looked for around the headline and at the story's end (see region.h).
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
#include "article/textbuf.h"

#define HEAD_ABOVE 40   /* live candidates looked at above the story */
#define HEAD_FAR 160    /* ... for a headline with a "By" line under it */
#define HEAD_INSIDE 4   /* and at its start, when the run began too early */
#define BY_ABOVE 48     /* lines above the headline looked at for a "By" line */


/* "Ben Silverman" over "March 3, 2015": a name above a date line is the
   byline, however headline-shaped. */
/* "Senior Reporter", "Head of Operations at Brightwater", "Founder,
   Acme": a writer's role or post, eight words at most. */
static int role_like(const nr_page *pg, size_t i)
{
    const nr_cand *c = &pg->d->u[i];
    return pg->st[i].words <= 8 && !nr_ends_sentence(c->text, c->len) &&
           (nr_role_line(c->text, c->len) || memmem(c->text, c->len, " at ", 4) ||
            memmem(c->text, c->len, ", ", 2));
}

static int date_line(const nr_page *pg, size_t j)
{
    const nr_doc *d = pg->d;
    size_t b, e;
    char iso[11];
    return j < d->n && ((!nr_by_lead(&d->u[j]) && pg->st[j].words <= 12 &&
                         nr_date_find(d->u[j].text, d->u[j].len, &b, &e, iso)) ||
                        nr_stamp_date(d->u[j].text, d->u[j].len));
}

/* ... and the writer's role between the two ("Jo Roe" / "Head of
   Operations at Brightwater" / "Published Mar 3, 2023"): the role is no
   headline either. */
static int author_above_date(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    size_t j = nr_next_live(d, i);
    if (pg->st[i].words <= 4 && nr_namelike(d->u[i].text, d->u[i].len) &&
        (date_line(pg, j) ||
         (j < d->n && pg->st[j].words <= 8 && date_line(pg, nr_next_live(d, j)))))
        return 1;
    size_t p = nr_prev_live(d, i);
    return p != SIZE_MAX && pg->st[p].words <= 4 && nr_namelike(d->u[p].text, d->u[p].len) &&
           !nr_control_words(&d->u[p]) && !memchr(d->u[p].text, '|', d->u[p].len) &&
           role_like(pg, i) && date_line(pg, j);
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

/* Does s[0..n)'s key start with k[0..kn)?  *next gets the key's byte
   after those, or -1 at its end.  Most lines differ at the first byte:
   no key is built for them. */
static int key_starts(const char *s, size_t n, const char *k, size_t kn, int *next)
{
    nr_keyit it = {.s = s, .n = n};
    for (size_t m = 0; m < kn; m++)
        if (nr_keyit_next(&it) != (unsigned char)k[m])
            return 0;
    *next = nr_keyit_next(&it);
    return 1;
}

static int contains_cands(const nr_cand *outer, const nr_cand *inner)
{
    char *o = nr_key(outer->text, outer->len), *i = nr_key(inner->text, inner->len);
    int r = contains_key(o, i);
    free(o);
    free(i);
    return r;
}

/* Does the line recur on the page, alone or opening a longer line (a
   caption or a share text that starts with the headline)?  A line that
   opens a longer headline ("Xbox One X" over "Xbox One X review: ...")
   is a label, not a headline recurring. */
static int recurs(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    char *k = nr_key(d->u[i].text, d->u[i].len);
    if (!k || !*k) {
        free(k);
        return 0;
    }
    size_t n = strlen(k);
    int found = 0, next;
    /* a headline recurs once or twice (a crumb, a share text, a
       caption); a line on every item of the page is a label */
    for (size_t j = 0; j < d->n && found <= 3; j++)
        /* a paragraph may start with a heading's words; a headline
           recurs in lines that are not sentences (crumbs, captions) */
        found += j != i && key_starts(d->u[j].text, d->u[j].len, k, n, &next) &&
                 (next < 0 ||
                  (next == ' ' && !nr_ends_sentence(d->u[j].text, d->u[j].len) &&
                   !(nr_headline_shape(&d->u[j], &pg->st[j]) &&
                     pg->st[j].words > 2 * pg->st[i].words)));
    free(k);
    return found > 0 && found <= 3;
}

/* Is line i the name a copyright line gives ("Quiet Systems" and
   "Quiet Systems © 2023"): the site's name, not a headline? */
static int copyright_holder(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    if (pg->st[i].words > 6)
        return 0;
    char *k = nr_key(d->u[i].text, d->u[i].len);
    int found = 0;
    for (size_t j = 0; k && *k && j < d->n && !found; j++) {
        const nr_cand *c = &d->u[j];
        if (j == i || c->len > 200 ||
            (!memmem(c->text, c->len, "\xC2\xA9", 2) &&
             !(c->rule && !strcmp(c->rule, "copyright"))))
            continue;
        char *o = nr_key(c->text, c->len);
        /* the name anywhere in it, word for word ("Copyright © 2024 The
           Fixing Post, All rights reserved.") */
        found = o && nr_key_has(o, k);
        free(o);
    }
    free(k);
    return found;
}

/* Does the same line stand again in [first, end), the story's run, with
   a paragraph of the story between the two?  (A headline printed twice
   has only the page's controls between.) */
static int said_again_in(const nr_page *pg, size_t i, size_t first, size_t end)
{
    const nr_doc *d = pg->d;
    const nr_cand *c = &d->u[i];
    for (size_t j = first; j < end; j++) {
        if (j == i || d->u[j].len != c->len || memcmp(d->u[j].text, c->text, c->len))
            continue;
        for (size_t k = (i < j ? i : j) + 1; k < (i < j ? j : i); k++)
            if (pg->v[k] > 0 && pg->st[k].words >= 20)
                return 1;
    }
    return 0;
}

/* Separators between a headline and a section label or a site's name. */
static const char *const title_seps[] = {
    "::", "|", "-", ":", ">", "/", "\xC2\xBB", "\xC2\xB7", "\xE2\x80\x93",
    "\xE2\x80\x94", "\xE2\x80\xA2", NULL};

/* Length of the separator (with its spaces) that s[0..n) ends with (at
   the end: 1) or starts with (0); 0 when there is none or nothing else. */
static size_t sep_at(const char *s, size_t n, int at_end)
{
    size_t sp = 0;
    while (sp < n && s[at_end ? n - 1 - sp : sp] == ' ')
        sp++;
    for (size_t k = 0; title_seps[k]; k++) {
        size_t l = strlen(title_seps[k]);
        if (sp + l >= n)
            continue;
        const char *q = at_end ? s + n - sp - l : s + sp;
        if (memcmp(q, title_seps[k], l))
            continue;
        size_t m = sp + l;
        while (m < n && s[at_end ? n - 1 - m : m] == ' ')
            m++;
        return m < n ? m : 0;
    }
    return 0;
}

/* Does the first paragraph under line i open with it ("Mozilla" over
   "Mozilla is a free-software community ...", "List of films ..." over
   "This list of films ...")?  A reference page names its subject first
   in its opening sentence: that line is its title, however short. */
static int opens_story(const nr_page *pg, size_t i, size_t end)
{
    const nr_doc *d = pg->d;
    if (pg->st[i].words > 8)
        return 0;
    char *k = nr_key(d->u[i].text, d->u[i].len);
    size_t n = k ? strlen(k) : 0;
    int found = 0;
    size_t para = i;
    for (size_t j = i + 1, seen = 0; n >= 4 && j < end && seen < 2 && !found; j++) {
        if (!nr_live(&d->u[j]) || pg->v[j] <= 0 || pg->st[j].words < 25)
            continue;
        seen++;
        char *p = nr_key(d->u[j].text, d->u[j].len < 400 ? d->u[j].len : 400);
        const char *q = p;
        /* past one short word: "This list of ...", "The Mozilla ..." */
        const char *sp = p ? strchr(p, ' ') : NULL;
        if (p && strncmp(p, k, n) && sp && sp - p <= 4)
            q = sp + 1;
        found = p && !strncmp(q, k, n) && (q[n] == ' ' || q[n] == '\0');
        para = j;
        free(p);
    }
    /* a label over or under a longer headline it opens ("Brexit" over
       "Brexit talks stall again", "Xbox One X review: ..." over "Xbox
       One X") names the subject too, but is not the title */
    int next;
    for (size_t j = 0; found && j < para; j++)
        if (j != i && nr_live(&d->u[j]) && nr_headline_shape(&d->u[j], &pg->st[j]) &&
            key_starts(d->u[j].text, d->u[j].len, k, n, &next) && next == ' ')
            found = 0;
    free(k);
    return found;
}

/* Is line i one part of another line made of two joined by a separator,
   the page's own title kept by a browser's copy or a share widget
   ("World|Headline", "Headline - The Site")?  1: it is the longer part,
   the headline; -1: the shorter, a section label or the site's name;
   0: neither.  A menu entry or a teaser is not written so. */
static int title_part(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    const nr_cand *c = &d->u[i];
    unsigned w = pg->st[i].words;
    for (size_t j = 0; j < d->n; j++) {
        const nr_cand *o = &d->u[j];
        if (j == i || o->len <= c->len + 1 || o->len > c->len + 300)
            continue;
        const char *at = memmem(o->text, o->len, c->text, c->len);
        if (!at)
            continue;
        size_t pre = (size_t)(at - o->text), post = o->len - pre - c->len;
        if (pre && post)
            continue;
        const char *rest = pre ? o->text : at + c->len;
        size_t rl = pre ? pre : post;
        /* the other part, and the separator between */
        size_t sl = sep_at(rest, rl, pre != 0);
        if (!sl)
            continue;
        /* "Home > Teens > How oil forms": the last part of a crumb */
        if (pre && nr_crumb_tail(o->text, o->len) == pre)
            return 1;
        size_t rw = nr_word_count(rest, rl);
        if (w >= 3 && rw < w && rw <= 7)
            return 1;
        if (rw > w && rw >= 3 && !nr_crumb_tail(o->text, o->len))
            return -1;
    }
    return 0;
}

static int byline_kind(const nr_cand *c, const nr_textstat *st, size_t *nb,
                       size_t *ne);
static int beside_date(const nr_page *pg, size_t i, int reading);
static int date_line(const nr_page *pg, size_t j);
static int role_like(const nr_page *pg, size_t i);
enum { BY_NONE, BY_NAME_ONLY, BY_NAME_DATE, BY_LEAD };

/* Is the next live line a byline or date line?  ("Echo" over "Published
   1 March": a one-word headline needs that to be one.) */
static int meta_below(const nr_page *pg, size_t i)
{
    for (size_t j = i + 1; j < pg->d->n; j++)
        if (nr_live(&pg->d->u[j]))
            return nr_metaish(&pg->d->u[j], &pg->st[j]);
    return 0;
}

/* Is the next live line (or the one after) led by "By"? */
static int signed_below(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    for (size_t j = i + 1, k = 0; j < d->n && k < 2; j++) {
        if (!nr_live(&d->u[j]))
            continue;
        k++;
        size_t nb, ne;
        if (byline_kind(&d->u[j], &pg->st[j], &nb, &ne) == BY_LEAD)
            return 1;
    }
    return 0;
}

/* Is the next live line (before end) a byline or a date line: read by
   the strict parsers, a name led by "By" ("Por fuera ..." is a sentence),
   a name with a date, or a short line with a date? */
static int strict_meta_below(const nr_page *pg, size_t i, size_t end)
{
    const nr_doc *d = pg->d;
    size_t b, e, j = nr_next_live(d, i);
    char iso[11];
    if (j >= end)
        return 0;
    /* "— Jo Roe (@joroe) August 22, 2013" signs a quoted post */
    const char *t = d->u[j].text;
    if (t[0] == '-' || !strncmp(t, "\xE2\x80\x94", 3) || !strncmp(t, "\xE2\x80\x93", 3))
        return 0;
    int kind = byline_kind(&d->u[j], &pg->st[j], &b, &e);
    int dated = pg->st[j].words <= 12 && nr_date_find(d->u[j].text, d->u[j].len, &b, &e, iso);
    /* "Von PUBLIC VOICE mit ... nach ...": a lead that is also a
       preposition opens sentences; a byline says little more than the
       name */
    if (kind == BY_LEAD && !dated && nr_word_count(d->u[j].text + e, d->u[j].len - e) > 3)
        kind = BY_NONE;
    return nr_meta_line(&d->u[j]) || kind == BY_LEAD || kind == BY_NAME_DATE || dated;
}

static long headline_score(const nr_page *pg, const nr_hashset *ws, size_t i,
                           size_t seen, int opens)
{
    const nr_doc *d = pg->d;
    long score = 40 - 2 * (long)seen;
    for (size_t j = i + 1, k = 0; j < d->n && k < 2; j++) {
        if (!nr_live(&d->u[j]))
            continue;
        k++;
        if (nr_metaish(&d->u[j], &pg->st[j])) {
            /* a bare capitalised line ("Firefox Nightly News") may be a
               name or a tagline: a sure sign only with a date beside it */
            int bare = !nr_meta_line(&d->u[j]) && !nr_by_lead(&d->u[j]) &&
                       nr_namelike(d->u[j].text, d->u[j].len) && !beside_date(pg, j, 0);
            score += bare ? 15 : k == 1 ? 40 : 25;
            break;
        }
    }
    unsigned ov = nr_overlap_pct(ws, &d->u[i]);
    score += (long)ov * 50 / 100;
    /* "Tech News Reviews Deals": capitals only, no function word, none
       of the story's words: a menu, whatever stands under it */
    if (pg->st[i].words >= 3 && pg->st[i].stops == 0 &&
        pg->st[i].caps == pg->st[i].words && ov == 0)
        score -= 40;
    /* (a site's name is not what the story opens with: a line that
       is both is a subject's name, listed in the page's link boxes) */
    int part = title_part(pg, i);
    if (opens)
        score += 50;
    if (copyright_holder(pg, i))
        score -= 60;
    if (part > 0)
        score += 60;
    else if (part < 0 && !opens)
        score -= 60;
    else if (recurs(pg, i))
        score += 30;
    unsigned w = pg->st[i].words;
    if (w >= 4 && w <= 20)
        score += 10;
    /* one word is a section's name far more often than a headline */
    if (w == 1 && !pg->st[i].cjk && !opens)
        score -= 30;
    return score;
}

/* For the headline h under a kicker k under a line t: t when t's key is
   k's then h's (a word or two may differ at the joint: "o s"), else h. */
static size_t whole_title(const nr_page *pg, size_t h)
{
    const nr_doc *d = pg->d;
    size_t k = nr_prev_live(d, h);
    size_t t = k != SIZE_MAX ? nr_prev_live(d, k) : SIZE_MAX;
    if (t == SIZE_MAX || pg->st[k].words > 5 || !nr_headline_shape(&d->u[t], &pg->st[t]))
        return h;
    char *tk = nr_key(d->u[t].text, d->u[t].len), *kk = nr_key(d->u[k].text, d->u[k].len),
         *hk = nr_key(d->u[h].text, d->u[h].len);
    size_t lt = tk ? strlen(tk) : 0, lk = kk ? strlen(kk) : 0, lh = hk ? strlen(hk) : 0;
    int whole = lt && lk && lh && lk + lh < lt && lt <= lk + lh + 8 &&
                !strncmp(tk, kk, lk) && tk[lk] == ' ' && !strcmp(tk + lt - lh, hk) &&
                tk[lt - lh - 1] == ' ';
    free(tk);
    free(kk);
    free(hk);
    return whole ? t : h;
}

/* The number a line starts with ("2 Tavey Estuary Field Station"), or
   -1. */
static long lead_number(const nr_cand *c)
{
    long n = 0;
    size_t k = 0;
    while (k < c->len && k < 4 && isdigit((unsigned char)c->text[k]))
        n = n * 10 + (c->text[k++] - '0');
    return k && k < c->len && c->text[k] == ' ' ? n : -1;
}

/* Is line i one of a run numbered 1, 2, 3 (an article's affiliations,
   a list of notes): never a headline, however it reads? */
static int numbered_run(const nr_doc *d, size_t i)
{
    long n = lead_number(&d->u[i]);
    if (n < 0)
        return 0;
    size_t p = nr_prev_live(d, i), q = nr_next_live(d, i);
    return (p != SIZE_MAX && lead_number(&d->u[p]) == n - 1) ||
           (q < d->n && lead_number(&d->u[q]) == n + 1);
}

/* "Our libraries are not a luxury. Stop treating them like one." over
   "By Jo Roe": a headline may be written as a sentence or two; right
   over a "By" line, a short one is. */
static int sentence_headline(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    const nr_cand *c = &d->u[i];
    size_t j = nr_next_live(d, i), nb, ne;
    if (j >= d->n || pg->st[i].words < 4 || pg->st[i].words > 20 || pg->st[i].sents > 2 ||
        pg->st[i].stops == 0 || !nr_ends_sentence(c->text, c->len) ||
        c->len > 200 || nr_bulleted(c) || nr_meta_line(c) || nr_by_lead(c) ||
        nr_control_words(c) || c->text[c->len - 1] == ':' || c->text[c->len - 1] == ',')
        return 0;
    return byline_kind(&d->u[j], &pg->st[j], &nb, &ne) == BY_LEAD;
}

/* Index of the headline, or SIZE_MAX.  Looked for above the story's first
   block `first` and among the first few blocks of the run (a run can start
   at a stray sentence above the headline: a dialog, a teaser).  Signs, each
   worth points: a byline or date line just below it; the story using its
   words (a headline names what the story is about, a menu does not); the
   same line elsewhere on the page (headlines recur in crumbs, share text
   and teasers); nearness to the story; headline length. */
size_t nr_find_headline(nr_page *pg, size_t first, size_t end)
{
    nr_doc *d = pg->d;
    nr_hashset ws;
    if (nr_hashset_init(&ws, 1024) != 0) {
        d->nomem = 1;
        return SIZE_MAX;
    }
    /* the story's words, from its paragraphs (not its headings) */
    for (size_t i = first, k = 0; i < end && k < 12; i++)
        if (nr_live(&d->u[i]) && pg->v[i] > 0 &&
            !nr_headline_shape(&d->u[i], &pg->st[i])) {
            nr_hashset_add_text(&ws, &d->u[i]);
            k++;
        }
    size_t best = SIZE_MAX, seen = 0, sure = SIZE_MAX;
    int best_opens = 0;
    long best_score = 0, sure_score = 0;
    for (size_t i = first; i-- > 0 && seen < HEAD_FAR;) {
        if (!nr_live(&d->u[i]))
            continue;
        seen++;
        /* a headline in capitals with no function word is a menu's shape
           too: the story must share most of its words */
        int shaped = nr_headline_shape(&d->u[i], &pg->st[i]) ||
                     (nr_headline_shape_caps(&d->u[i], &pg->st[i]) &&
                      nr_overlap_pct(&ws, &d->u[i]) >= 50) ||
                     sentence_headline(pg, i);
        int opens = shaped && opens_story(pg, i, end);
        if (!shaped || author_above_date(pg, i) || numbered_run(d, i) ||
            (pg->st[i].words == 1 && !meta_below(pg, i) && !opens))
            continue;
        /* a headline with its byline under it is the surest landmark:
           a video player or a gallery may stand between it and the text
           (so is one the story opens with: an infobox may stand there) */
        int signed_ = signed_below(pg, i);
        if (seen > HEAD_ABOVE && !signed_ && !opens)
            continue;
        long score = headline_score(pg, &ws, i, (signed_ || opens) && seen > 15 ? 15 : seen,
                                    opens);
#ifdef NR_REGION_DEBUG
        fprintf(stderr, "head %4zu score %4ld ov %3u %.60s\n", i, score,
                nr_overlap_pct(&ws, &d->u[i]), d->u[i].text);
#endif
        if (score > best_score) {
            best_score = score;
            best = i;
            best_opens = opens;
        }
        /* signed and dated ("By Jo Roe March 11, 2015") and sharing the
           story's words: the page's own headline */
        if (signed_ && score > sure_score && nr_overlap_pct(&ws, &d->u[i]) >= 34 &&
            strict_meta_below(pg, i, first))
            sure = i, sure_score = score;
    }
    /* a title line near the story with nothing under it (a video's, a
       gallery's) does not outweigh it */
    if (sure != SIZE_MAX && best != sure && !strict_meta_below(pg, best, d->n) &&
        sure_score + 50 >= best_score)
        best = sure, best_score = sure_score, best_opens = 0;
    /* inside the run: only while what precedes it is a sentence or two,
       or, for a headline with a byline or date line under it, a notice or
       two (a cookie banner, a login prompt) that is a small part of it */
    long before = 0, total = 0;
    for (size_t i = first; i < end; i++)
        if (pg->v[i] > 0)
            total += pg->v[i];
    /* a headline above with its own byline or date line is not given up
       for one deeper in (a comment's signature looks the same) */
    int above_signed = best != SIZE_MAX && strict_meta_below(pg, best, d->n);
    for (size_t i = first, k = 0; i < end && before < 150; i++) {
        if (!nr_live(&d->u[i]))
            continue;
        k++;
        int early = k <= HEAD_INSIDE && before < 60;
        if (nr_headline_shape(&d->u[i], &pg->st[i]) &&
            (early || (!above_signed && before * 2 < total &&
                       strict_meta_below(pg, i, end)))) {
            int titled = title_part(pg, i) > 0;
            /* a line the story says twice is a pull quote or a refrain */
            if (said_again_in(pg, i, first, end))
                continue;
            if ((k > 1 || titled) &&
                (titled || recurs(pg, i) ||
                 (i + 1 < end && nr_metaish(&d->u[i + 1], &pg->st[i + 1])))) {
                long score = headline_score(pg, &ws, i, 0, 0) - 10;
#ifdef NR_REGION_DEBUG
                fprintf(stderr, "head %4zu score %4ld inside %.60s\n", i, score,
                        d->u[i].text);
#endif
                if (score > best_score) {
                    best_score = score;
                    best = i;
                    best_opens = 0;
                }
            }
        }
        if (pg->v[i] > 0)
            before += pg->v[i];
    }
    /* headline, then deck: of two title-shaped lines in a row the upper is
       the headline when it is the longer (a shorter one above is a kicker
       or the site's tagline), or when the lower runs on like a standfirst
       (twelve words or more) under a headline-length line */
    if (best != SIZE_MAX && best > 0 && !best_opens) {
        const nr_cand *up = &d->u[best - 1];
        unsigned wu = pg->st[best - 1].words, wb = pg->st[best].words;
        unsigned ou = nr_overlap_pct(&ws, up), ob = nr_overlap_pct(&ws, &d->u[best]);
        /* a standfirst sums the story up, so it shares more of its words
           than the headline does: a third as many will do then */
        int deck = wb >= 12 && wu >= 4 && (wu <= 14 || (wu <= 20 && wb > wu)) && best < first &&
                   !nr_crumb_tail(d->u[best].text, d->u[best].len);
        if (nr_live(up) && nr_headline_shape(up, &pg->st[best - 1]) &&
            (wu > wb || deck) && !contains_cands(up, &d->u[best]) &&
            (ou + 30 >= ob || 2 * ou >= ob || (deck && ou >= 20 && 3 * ou >= ob)))
            best--;
    }
    /* kicker, then headline: of two title-shaped lines in a row the lower
       is the headline when the page repeats it (its title, a crumb, a
       share text) and not the upper ("Sur vos écrans cette semaine" over
       "Screenshot : «Vape Wave», ...") */
    if (best != SIZE_MAX && best + 1 < first && !best_opens) {
        size_t lo = nr_next_live(d, best);
        if (lo < first && nr_headline_shape(&d->u[lo], &pg->st[lo]) &&
            pg->st[lo].words > pg->st[best].words &&
            (recurs(pg, lo) || title_part(pg, lo) > 0) &&
            !recurs(pg, best) && title_part(pg, best) <= 0 &&
            !nr_metaish(&d->u[lo], &pg->st[lo]))
            best = lo;
    }
    /* the headline split in two for show, a kicker over the rest, under
       the whole ("Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"
       over "Lupita Nyong'o" over "$150K Pearl Oscar Dress ... STOLEN!!!!"):
       the whole line is the title */
    if (best != SIZE_MAX && best > 0 && !best_opens) {
        size_t t = whole_title(pg, best);
        /* its two parts are the title said again */
        for (size_t i = t + 1; t != best && i <= best; i++)
            if (nr_live(&d->u[i]) && !(d->u[i].flags & NR_C_KEEP))
                d->u[i].rule = "repeated-title";
        best = t;
    }
    nr_hashset_free(&ws);
    return best;
}

/* ---- the byline ---- */

/* Does the text before " by" at `off` end in a verb of publishing
   ("Published by Valley Courier on Mar. 3", "Powered by ...")?  That
   names a publisher, not a writer. */
static int publisher_by(const char *s, size_t off)
{
    static const char *const verbs[] = {"published", "powered", "sponsored", "presented",
                                        "produced", "distributed", "hosted", NULL};
    size_t e = off > 0 ? off - 1 : 0, b = e;
    while (b > 0 && s[b - 1] != ' ')
        b--;
    return nr_in_list_ci(s + b, e - b, verbs);
}

/* Is c a byline line, and which kind?  *nb..*ne gets the name. */
static int byline_kind(const nr_cand *c, const nr_textstat *st, size_t *nb,
                       size_t *ne)
{
    int lead;
    if (st->words > 60)
        return BY_NONE;
    /* "Le Monde | 04.05.2015 | Par Jo Roe": a lead after a separator */
    static const char *const seps[] = {"| ", "\xE2\x80\xA2 ", "\xC2\xB7 ",
                                       "\xE2\x80\x94 ", "\xE2\x80\x93 ", " / ", NULL};
    for (size_t k = 0; seps[k] && st->words <= 30; k++) {
        size_t sl = strlen(seps[k]);
        for (const char *q = c->text; (q = memmem(q, c->len - (size_t)(q - c->text),
                                                    seps[k], sl)) != NULL; q += sl) {
            size_t off = (size_t)(q - c->text) + sl, b2, e2;
            if (nr_name_at(c->text + off, c->len - off, &b2, &e2, &lead) && lead) {
                *nb = off + b2;
                *ne = off + e2;
                return BY_LEAD;
            }
        }
    }
    /* "Published: Mar 3, 2022 · Modified: Mar 5, 2022 by Jo Roe · ...":
       a lead after the dates of a post's meta line, or before its date
       in a short one ("Photographs and words by Jo Roe January 27,
       2024") */
    if (st->words <= 30) {
        size_t db, de;
        char iso[11];
        int dated = nr_date_find(c->text, c->len, &db, &de, iso);
        for (const char *q = c->text;
             dated && (q = memmem(q, c->len - (size_t)(q - c->text), " by ", 4)) != NULL;
             q += 4) {
            size_t off = (size_t)(q - c->text) + 1, b2, e2;
            if ((off > de || (st->words <= 15 && off < db && !publisher_by(c->text, off))) &&
                nr_name_at(c->text + off, c->len - off, &b2, &e2, &lead) && lead) {
                *nb = off + b2;
                *ne = off + e2;
                return BY_LEAD;
            }
        }
    }
    /* "[6eef5bc5-c] Jo Roe • 8h": an avatar's placeholder before the name */
    size_t skip = 0;
    if (c->text[0] == '[') {
        const char *q = memchr(c->text, ']', c->len < 24 ? c->len : 24);
        if (q) {
            skip = (size_t)(q + 1 - c->text);
            while (skip < c->len && c->text[skip] == ' ')
                skip++;
        }
    }
    size_t w = nr_name_at(c->text + skip, c->len - skip, nb, ne, &lead);
    if (!w)
        return BY_NONE;
    *nb += skip;
    *ne += skip;
    if (lead)
        return BY_LEAD;   /* "By Jo Roe, a deputy editor who ...": a bio */
    if (nr_control_words(c))
        return BY_NONE;   /* "View Photos", "Newer Article" */
    if (st->words > 24)
        return BY_NONE;
    if (w > 4)
        return BY_NONE;
    const char *r = c->text + *ne;
    size_t rl = c->len - *ne;
    if (rl == 0)
        return BY_NAME_ONLY;
    /* "Jo Roe Housing correspondent": the name, then the writer's role
       (whose first word the name may have taken) */
    if (rl && nr_role_line(r, rl)) {
        const char *sp = NULL;
        for (const char *q = c->text + *nb; q < r - 1; q++)
            if (*q == ' ')
                sp = q;
        if (sp && w >= 3)
            *ne = (size_t)(sp - c->text);
        return BY_NAME_ONLY;
    }
    /* "Jo Roe, @joroe": the name and the writer's handle */
    size_t sk = 0;
    while (sk < rl && (r[sk] == ' ' || r[sk] == ','))
        sk++;
    if (sk < rl && r[sk] == '@' && !memchr(r + sk, ' ', rl - sk) && rl - sk > 1)
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
        return nr_date_find(r, rl, &b, &e, iso) || nr_relative_time(r, rl, 1) ? BY_NAME_DATE
                                                                               : BY_NONE;
    return BY_NONE;
}

/* Is the next block a date line (twelve words at most) or a time stamp
   ("Sarah Archer / 1:39 PM ET")?  The writer's role may stand between
   ("Ben Roe / Games Editor / October 13, 2016"), and so may lines the
   rules took (a share bar); a date line the rules took still counts. */
static int beside_date(const nr_page *pg, size_t i, int reading)
{
    const nr_doc *d = pg->d;
    size_t b, e;
    char iso[11];
    int role = 0;
    for (size_t j = i + 1, seen = 0; j < d->n && seen < 4; j++) {
        const nr_cand *c = &d->u[j];
        if (c->role != NR_ROLE_BLOCK)
            continue;
        seen++;
        if ((pg->st[j].words <= 12 && nr_date_find(c->text, c->len, &b, &e, iso)) ||
            (pg->st[j].words <= 4 && nr_has_clock(c->text, c->len)) ||
            nr_stamp_date(c->text, c->len))
            return 1;
        /* "Jo Roe / 11 min read": a post's reading time signs it too,
           for the byline finder (a line over it is no headline for it) */
        if (reading && c->rule && !strcmp(c->rule, "reading-time"))
            return 1;
        /* (the name twice, an avatar's and the link's; a headline of a
           role, "Head of Operations at Brightwater", over the date) */
        if (!c->rule && c->len == d->u[i].len && !memcmp(c->text, d->u[i].text, c->len))
            continue;
        if (!c->rule && !role &&
            (nr_role_line(c->text, c->len) ||
             (role_like(pg, j) && date_line(pg, nr_next_live(d, j)))))
            role = 1;
        else if (!c->rule)
            return 0;
    }
    return 0;
}

/* After the byline on line i: the writer's role and the date line
   beside it ("Games Editor", "Yahoo FinanceOctober 13, 2016") are the
   byline's too, not the story's: the date is the page's when it has none
   yet, and neither line is spoken.  A date line the strict parser reads
   is left to the header pass. */
static void take_date_beside(nr_page *pg, size_t i)
{
    nr_doc *d = pg->d;
    size_t b, e, role = SIZE_MAX;
    char iso[11];
    for (size_t j = i + 1, seen = 0; j < d->n && seen < 4; j++) {
        nr_cand *c = &d->u[j];
        if (c->role != NR_ROLE_BLOCK)
            continue;
        seen++;
        if (pg->st[j].words <= 12 && nr_date_find(c->text, c->len, &b, &e, iso)) {
            if (role != SIZE_MAX && !(d->u[role].flags & NR_C_KEEP))
                d->u[role].rule = "byline";
            if (c->rule || (c->flags & NR_C_KEEP))
                return;
            if (!d->date) {
                nr_doc_set(d, &d->date, c->text + b, e - b);
                if (iso[0])
                    nr_doc_set(d, &d->date_iso, iso, strlen(iso));
            }
            /* (a line the strict parser reads is the header pass's) */
            if (!nr_meta_line(c))
                c->rule = "dateline";
            return;
        }
        /* "May 2022": a magazine's issue, the date of its stories */
        if (!c->rule && !(c->flags & NR_C_KEEP) && nr_month_year(c->text, c->len)) {
            if (!d->date)
                nr_doc_set(d, &d->date, c->text, c->len);
            c->rule = "dateline";
            continue;
        }
        /* (or the writer's place: "Por Lucía Ferrández" / "Valdemora" /
           "05 feb 2024 - 09:15 CET") */
        if (!c->rule && role == SIZE_MAX &&
            (nr_role_line(c->text, c->len) ||
             (pg->st[j].words <= 3 && isupper((unsigned char)c->text[0]) &&
              !nr_ends_sentence(c->text, c->len) && date_line(pg, nr_next_live(d, j)))))
            role = j;
        else if (!c->rule)
            break;
    }
    /* no date: the role alone is still the byline's */
    if (role != SIZE_MAX && !(d->u[role].flags & NR_C_KEEP))
        d->u[role].rule = "byline";
}

/* Does the line before i hold only a byline's lead ("Por" over "César
   Salza")? */
static int lead_above(const nr_doc *d, size_t i)
{
    for (size_t j = i; j-- > 0;)
        if (d->u[j].role == NR_ROLE_BLOCK)
            return nr_lead_alone(d->u[j].text, d->u[j].len);
    return 0;
}

/* Live candidates strictly between i and j (i < j). */
static size_t live_between(const nr_doc *d, size_t i, size_t j)
{
    size_t n = 0;
    for (size_t k = i + 1; k < j; k++)
        n += nr_live(&d->u[k]);
    return n;
}

/* Is the line after i the writer's role, and the story next ("Jo Roe /
   Science correspondent / The story...")? */
static int role_then_story(const nr_doc *d, size_t i, size_t a)
{
    size_t r = nr_next_live(d, i);
    return r < a && nr_role_line(d->u[r].text, d->u[r].len) && nr_next_live(d, r) >= a;
}

/* Does the page sign with the name on line i elsewhere, after "By" or
   "Written by"?  A name under a headline with the page's controls between
   it and the story is the byline then, not a name from a list (menus and
   lists repeat names too, so a repeat alone is no sign). */
static int name_signed(const nr_page *pg, size_t i)
{
    const nr_doc *d = pg->d;
    char *k = nr_key(d->u[i].text, d->u[i].len);
    size_t n = k ? strlen(k) : 0;
    int found = 0;
    for (size_t j = 0; j < d->n && n && !found; j++) {
        if (j == i || !nr_by_lead(&d->u[j]))
            continue;   /* only the few lines led by "By" get a key */
        char *o = nr_key(d->u[j].text, d->u[j].len);
        size_t lo = o ? strlen(o) : 0;
        found = lo > n && !strcmp(o + lo - n, k) && o[lo - n - 1] == ' ';
        free(o);
    }
    free(k);
    return found;
}

/* "Tom Ashcroft Local Democracy Reporter": a role glued to the name
   without a comma goes (with a comma, "Jo Roe, Chief Reporter", it is
   the byline's as written). */
static void drop_glued_role(char *s)
{
    if (!s || strchr(s, ','))
        return;
    size_t n = strlen(s), words = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ')
            continue;
        if (++words >= 2 && isupper((unsigned char)s[i + 1]) &&
            nr_role_line(s + i + 1, n - i - 1)) {
            s[i] = '\0';
            return;
        }
    }
}

/* The writer, looked for around the headline h (or the story's start)
   and at the story's end ("Written by ..."). */
void nr_find_byline(nr_page *pg, size_t h, size_t a, size_t b)
{
    nr_doc *d = pg->d;
    if (d->byline)
        return;
    size_t anchor = h != SIZE_MAX ? h : a;
    size_t best = SIZE_MAX, bnb = 0, bne = 0;
    long best_score = 0;
    /* "By" lines are looked for further up than bare names: a page may
       sign its story above a gallery or a video player */
    size_t lo = anchor > BY_ABOVE ? anchor - BY_ABOVE : 0;
    size_t hi = b + 12 < d->n ? b + 12 : d->n;
#ifdef NR_REGION_DEBUG
    fprintf(stderr, "byline-window %zu..%zu (h %zu a %zu b %zu)\n", lo, hi, h, a, b);
#endif
    for (size_t i = lo, dist = 0; i < hi; i++) {
        nr_cand *c = &d->u[i];
        if (c->role != NR_ROLE_BLOCK || i == h ||
            (c->rule && !strcmp(c->rule, "user-drop")))
            continue;
        if (i > anchor)
            dist++;
        size_t nb, ne;
        int kind = byline_kind(c, &pg->st[i], &nb, &ne);
        /* the headline's own words are no writer's name ("District
           News" as a crumb, a heading and the headline) */
        if (kind == BY_NAME_ONLY && h != SIZE_MAX && ne - nb == d->u[h].len &&
            !strncasecmp(c->text + nb, d->u[h].text, ne - nb))
            continue;
        if (kind != BY_NONE && kind != BY_LEAD && lead_above(d, i))
            kind = BY_LEAD;   /* "By" on a line of its own, then the name */
        /* far above the headline only "By" lines, and names with a date
           or a reading time beside them (a post's header over its
           title) */
        if (i + 4 < anchor && kind != BY_LEAD && !(i + 12 >= anchor && beside_date(pg, i, 1)))
            continue;
        /* "By Jo Roe ... Follow @joroe" may have gone as a social widget;
           only a line led by "By" is a byline whatever else it holds, and
           a name with the writer's handle ("Jo Roe, @joroe") beside a
           date */
        if (kind == BY_NONE ||
            (c->rule && kind != BY_LEAD &&
             !(!strcmp(c->rule, "social") && beside_date(pg, i, 1))))
            continue;
        long score = kind == BY_LEAD ? 60 : kind == BY_NAME_DATE ? 50 : 30;
        if (nr_meta_line(c))
            score += 20;   /* the strict byline parser reads it too */
        /* a name alone inside the story is the story's, unless a date
           line stands beside it at the story's start (under a standfirst
           the run began with) */
        if (i >= a && i < b && kind != BY_LEAD &&
            !(live_between(d, a, i) <= 2 && beside_date(pg, i, 1)) &&
            !(kind == BY_NAME_DATE && live_between(d, i, b) <= 2))
            continue;   /* (or its last lines: a post's signed footer) */
        /* after the story only "Written by ...", or a blog post's
           footer right under it ("Jo Roe — 2013-09-29 — in Code") */
        if (i >= b && kind != BY_LEAD &&
            !(kind == BY_NAME_DATE && live_between(d, b - 1, i) <= 2))
            continue;
        /* a bare name needs a date line beside it, or to stand just
           under the headline, before the story (a kicker or a section
           label stands above the headline) */
        if (kind == BY_NAME_ONLY && !beside_date(pg, i, 1) &&
            !(h != SIZE_MAX && i > h && i < a && live_between(d, h, i) <= 2 &&
              pg->st[i].words <= 3 && !nr_control_words(c) &&
              nr_namelike(c->text, c->len) &&   /* not "FOR IMMEDIATE RELEASE" */
              (nr_next_live(d, i) >= a || name_signed(pg, i) || role_then_story(d, i, a))))
            continue;
        int footer = i > a && kind == BY_NAME_DATE && live_between(d, i, b) <= 2;
        score -= i + 4 < anchor ? (long)(anchor - i)
                 : footer     ? 15   /* a post's footer: measured from its end */
                              : 2 * (long)(i < anchor ? anchor - i : dist);
        if (i >= b)
            score -= 15;   /* "Written by" after the story: a weaker sign */
#ifdef NR_REGION_DEBUG
        fprintf(stderr, "byline %4zu kind %d score %4ld (h %zu a %zu b %zu) %.60s\n", i, kind,
                score, h, a, b, c->text);
#endif
        if (score > best_score) {
            best_score = score;
            best = i;
            bnb = nb;
            bne = ne;
        }
    }
    /* the headline printed twice (above a video player, then over the
       story): the writer may be named under the earlier copy */
    for (size_t j = 0; best == SIZE_MAX && h != SIZE_MAX && j < lo; j++) {
        if (d->u[j].len != d->u[h].len || memcmp(d->u[j].text, d->u[h].text, d->u[h].len))
            continue;
        for (size_t i = j + 1; i < lo && i <= j + 5; i++) {
            nr_cand *c = &d->u[i];
            size_t nb, ne;
            if (c->role != NR_ROLE_BLOCK ||
                (c->rule && strcmp(c->rule, "social")))
                continue;
            int kind = byline_kind(c, &pg->st[i], &nb, &ne);
            if (kind == BY_NONE || (kind == BY_NAME_ONLY && !beside_date(pg, i, 1)))
                continue;
            best = i;
            bnb = nb;
            bne = ne;
            break;
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
    drop_glued_role(d->byline);
    if (!d->date) {
        size_t db, de;
        char iso[11];
        if (nr_date_find(c->text + bne, c->len - bne, &db, &de, iso)) {
            nr_doc_set(d, &d->date, c->text + bne + db, de - db);
            if (iso[0])
                nr_doc_set(d, &d->date_iso, iso, strlen(iso));
        } else if (nr_date_find(c->text, bnb, &db, &de, iso)) {
            /* "Published: Mar 3, 2022 ... by Jo Roe": the first date,
               the one the post went out on */
            nr_doc_set(d, &d->date, c->text + db, de - db);
            if (iso[0])
                nr_doc_set(d, &d->date_iso, iso, strlen(iso));
        }
    }
    /* a line the byline parser reads is the header pass's to take (it
       also tells a standfirst above it); any other is not spoken */
    if (!nr_meta_line(c) && !c->rule && !(c->flags & NR_C_KEEP))
        c->role = NR_ROLE_BYLINE;
    take_date_beside(pg, best);
}

int nr_signed_head(const nr_page *pg, size_t first, size_t lo)
{
    const nr_doc *d = pg->d;
    size_t seen = 0;
    for (size_t i = first; i-- > lo && seen < 6;) {
        if (!nr_live(&d->u[i]))
            continue;
        seen++;
        if (!nr_headline_shape(&d->u[i], &pg->st[i]))
            continue;
        /* the byline within three lines under it (an image's
           placeholder may stand between) */
        for (size_t j = i + 1, k = 0; j < first && k < 3; j++) {
            if (!nr_live(&d->u[j]))
                continue;
            k++;
            size_t nb, ne;
            int kind = byline_kind(&d->u[j], &pg->st[j], &nb, &ne);
            if (kind == BY_LEAD || kind == BY_NAME_DATE ||
                (kind == BY_NAME_ONLY && beside_date(pg, j, 0)))
                return 1;
        }
    }
    return 0;
}

/* Where the last part of a breadcrumb starts ("Home > News > Title",
   "News » World » Title": two separators or more), else 0. */
size_t nr_crumb_tail(const char *s, size_t n)
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

