/*
 * structure.c - the format-independent judgement over a reader's candidates, in
 * this order:
 *   1. user keep/drop patterns (keep protects a candidate from every later cut);
 *   2. per-candidate boilerplate rules (boilerplate.c), then the short link
 *      lists that follow a "Related"/"More stories" label;
 *   3. the tail: once a comment form or footer starts after the body, the
 *      rest of the page is furniture - guarded so that real paragraphs
 *      after a stray marker survive;
 *   4. in-text trims ("...continue...", footnote markers);
 *   5. the header: title (and its breadcrumb/site-suffixed duplicates,
 *      a masthead above it), standfirst, byline, date;
 *   6. later date and byline lines ("Updated ...", "Written by ..."), then
 *      repeated lines (hash set, linear);
 *   7. plain text only: which short lines (and lone numbered lines) are
 *      headings, which one-word lines are section labels.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"

static int alive(const nr_cand *u)
{
    return !u->rule && u->role == NR_ROLE_BLOCK;
}

static int removable(const nr_cand *u)
{
    return alive(u) && !(u->flags & NR_C_KEEP);
}

static int body_like(const nr_cand *u)
{
    if (u->kind == NR_BLOCK_HEADING)
        return 0;
    return u->len >= 200 || (u->len >= 80 && nr_ends_sentence(u->text, u->len));
}

static int title_like(const nr_cand *u)
{
    if (u->kind == NR_BLOCK_ITEM || (u->flags & NR_C_BULLET))
        return 0;
    if (u->len > 200 || nr_word_count(u->text, u->len) > 25 ||
        nr_word_count(u->text, u->len) < 2)
        return 0;
    char last = u->text[u->len - 1];
    return last != '.' && last != ',' && last != ';' && last != ':';
}

/* ---- 1. user patterns ---- */

static void user_patterns(nr_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        for (size_t k = 0; k < d->nkeep; k++)
            if (regexec(&d->keep[k], u->text, 0, NULL, 0) == 0) {
                u->flags |= NR_C_KEEP;
                break;
            }
        if (u->flags & NR_C_KEEP)
            continue;
        for (size_t k = 0; k < d->ndrop; k++)
            if (regexec(&d->drop[k], u->text, 0, NULL, 0) == 0) {
                u->rule = "user-drop";
                break;
            }
    }
}

/* ---- 2. boilerplate and related-link lists ---- */

/* The candidate next to i in direction step (+1 or -1), past the head's
   lines (a title or byline the header pass took, which carry no rule),
   or NULL. */
static nr_cand *beside(nr_doc *d, size_t i, int step)
{
    for (size_t j = i; step > 0 ? j + 1 < d->n : j > 0;) {
        j = step > 0 ? j + 1 : j - 1;
        if (alive(&d->u[j]) || d->u[j].rule)
            return &d->u[j];
    }
    return NULL;
}

/* A caption's label alone: "Image caption,", "Media caption", "Caption:". */
static int caption_label(const nr_cand *u)
{
    char *k = nr_key(u->text, u->len);
    int r = k && (!strcmp(k, "image caption") || !strcmp(k, "media caption") ||
                  !strcmp(k, "caption") || !strcmp(k, "photo caption"));
    free(k);
    return r;
}

/* "Published" / "3 March 2021" under the title, among the short lines
   before the story's first long paragraph: when no byline or dateline
   gave the page a date, that line does. */
static void head_date(nr_doc *d)
{
    size_t i = 0;
    while (i < d->n && d->u[i].role != NR_ROLE_TITLE)
        i++;
    for (i++; i < d->n; i++) {
        nr_cand *c = &d->u[i];
        size_t w = nr_word_count(c->text, c->len), b, e;
        char iso[11];
        if (w >= 30)
            return;
        if (c->role != NR_ROLE_BLOCK || (c->rule && strcmp(c->rule, "dateline")) || w > 6 ||
            !nr_date_find(c->text, c->len, &b, &e, iso))
            continue;
        nr_doc_set(d, &d->date, c->text + b, e - b);
        if (iso[0])
            nr_doc_set(d, &d->date_iso, iso, strlen(iso));
        if (!c->rule && !(c->flags & NR_C_KEEP))
            c->rule = "dateline";
        return;
    }
}

/* Do half of alt's longer words (four letters or more) stand in the
   caption too, by their first four letters?  An image's alt text and
   its caption describe the same thing; a headline over the lead
   photo's caption rarely does. */
static int describes(const nr_cand *alt, const nr_cand *caption)
{
    char *a = nr_key(alt->text, alt->len), *c = nr_key(caption->text, caption->len);
    size_t words = 0, hits = 0;
    for (char *w = a; a && c && *w;) {
        char *e = strchr(w, ' ');
        size_t l = e ? (size_t)(e - w) : strlen(w);
        if (e)
            *e = '\0';   /* the word alone, for strstr */
        if (l >= 4) {
            /* by the first four letters: "boat" / "boats", "dancing" /
               "dance" */
            words++;
            char keep = w[4];
            w[4] = '\0';
            for (const char *q = c; (q = strstr(q, w)) != NULL; q++)
                if (q == c || q[-1] == ' ') {
                    hits++;
                    break;
                }
            w[4] = keep;
        }
        w = e ? e + 1 : w + l;
    }
    free(a);
    free(c);
    return words && hits * 2 >= words;
}

static void boilerplate(nr_doc *d, unsigned char *tail)
{
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!removable(u))
            continue;
        int t = 0;
        const char *r = nr_boiler_rule(u, &t);
        if (r) {
            u->rule = r;
            tail[i] = (unsigned char)t;
        } else if (d->fmt == NR_FORMAT_TEXT && nr_word_count(u->text, u->len) <= 12 &&
                   nr_credit_line(u)) {
            /* "Credit...Jo Roe for The Times" under a photo, copied as
               text (HTML says where a figure's credit stands) */
            u->rule = "caption";
        }
    }
    /* a label on a line of its own ("Published in", "Tags") names what
       the short lines after it are: the publication, the tags */
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!u->rule || strcmp(u->rule, "tags") || nr_word_count(u->text, u->len) > 2)
            continue;
        for (size_t j = i + 1, k = 0; j < d->n && k < 8; j++) {
            nr_cand *v = &d->u[j];
            if (v->rule)
                continue;
            size_t db, de;
            char iso[11];
            if (!removable(v) || v->kind == NR_BLOCK_HEADING ||
                nr_word_count(v->text, v->len) > 4 || nr_ends_sentence(v->text, v->len) ||
                nr_date_find(v->text, v->len, &db, &de, iso))
                break;
            v->rule = "tags";
            k++;
        }
    }
    /* a sign-up box in a story: its pitch between its heading and its
       button ("Subscribe to X" / "Hundreds of paid subscribers" /
       "Letters from ..." / "Subscribe") */
    for (size_t i = 0; i < d->n; i++) {
        if (!d->u[i].rule || strcmp(d->u[i].rule, "newsletter"))
            continue;
        size_t j = i + 1, k = 0;
        while (j < d->n && k < 4 && !(d->u[j].rule && !strcmp(d->u[j].rule, "newsletter"))) {
            k += !d->u[j].rule;
            j++;
        }
        if (j >= d->n || !d->u[j].rule || strcmp(d->u[j].rule, "newsletter") || k == 0)
            continue;
        int box = 1;
        for (size_t m = i + 1; m < j && box; m++)
            box = d->u[m].rule || (removable(&d->u[m]) && d->u[m].kind != NR_BLOCK_HEADING &&
                                   nr_word_count(d->u[m].text, d->u[m].len) <= 30);
        for (size_t m = i + 1; m < j && box; m++)
            if (!d->u[m].rule)
                d->u[m].rule = "newsletter";
        i = j - 1;
    }
    /* "Listen to this article" / "18 min": the player's running time */
    for (size_t i = 0; i + 1 < d->n; i++) {
        if (!d->u[i].rule || strcmp(d->u[i].rule, "listen-widget"))
            continue;
        nr_cand *t = &d->u[i + 1];
        if (removable(t) && !t->rule && t->len <= 16 && isdigit((unsigned char)t->text[0]) &&
            (nr_relative_time(t->text, t->len, 1) || strstr(t->text, "min")))
            t->rule = "listen-widget";
    }
    /* a video's running time names the line over it its title:
       "Airboat crews break a path" / "00:58 - Source: CNN" */
    for (size_t i = 1; i < d->n; i++) {
        if (!d->u[i].rule || strcmp(d->u[i].rule, "video"))
            continue;
        nr_cand *t = beside(d, i, -1);
        if (t && removable(t) && !t->rule && t->kind != NR_BLOCK_HEADING &&
            nr_word_count(t->text, t->len) <= 16 && !nr_ends_sentence(t->text, t->len))
            t->rule = "video";
    }
    /* "Image caption," on a line of its own: the next line is the
       caption ("The shop has stood on the green since 1887"), not a
       headline or the story's first words */
    for (size_t i = 0; i + 1 < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!u->rule || strcmp(u->rule, "caption") || !caption_label(u))
            continue;
        nr_cand *t = beside(d, i, +1);
        if (t && removable(t) && !t->rule && t->kind != NR_BLOCK_HEADING &&
            nr_word_count(t->text, t->len) <= 40)
            t->rule = "caption";
    }
    /* the titles listed under a "Related" label go with it */
    int body_seen = 0;
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        body_seen |= alive(u) && body_like(u);
        /* (an entry of a list, "• See also" in a table of contents,
           labels nothing) */
        if (!u->rule || (strcmp(u->rule, "related") && strcmp(u->rule, "related-link")) ||
            u->len > 40 || u->kind == NR_BLOCK_ITEM || (u->flags & NR_C_BULLET))
            continue;
        size_t j = i + 1, last = SIZE_MAX, marked = 0;
        for (; j < d->n; j++) {
            nr_cand *v = &d->u[j];
            /* a share bar is where a story's head starts, not an entry;
               a sign-up box is a widget of its own */
            if (v->rule && (!strcmp(v->rule, "share-widget") || !strcmp(v->rule, "newsletter")))
                break;
            if (v->rule)
                continue;
            if (!removable(v) || v->kind == NR_BLOCK_HEADING || body_like(v) ||
                v->len > 150)
                break;
            if (v->kind != NR_BLOCK_ITEM && nr_ends_sentence(v->text, v->len))
                break;
            if (v->text[v->len - 1] == ':')
                break;   /* "What You'll Need:": a label of the story's own */
            v->rule = u->rule;
            last = j;
            marked++;
        }
        /* a list above the story, or a menu's worth of entries, that runs
           straight into the story: its last line may be the story's
           headline, for the head finder to judge (a box of a few links
           inside a story keeps all) */
        if ((!body_seen || marked >= 8) && last != SIZE_MAX && last > i + 1 && j < d->n &&
            body_like(&d->u[j]) && title_like(&d->u[last]))
            d->u[last].rule = NULL;
        i = j - 1;  /* each candidate is looked at once: linear */
    }
}

/* ---- 3. the tail ---- */

/* "Jane Roe · March 10, 2017 at 12:20 AM": a commenter's name and the
   time of the comment, the line each comment of a thread opens with. */
static int signature_like(const nr_cand *u)
{
    size_t b, e;
    char iso[11];
    return u->len <= 120 && !nr_ends_sentence(u->text, u->len) &&
           nr_date_find(u->text, u->len, &b, &e, iso);
}

static void tail_cut(nr_doc *d, const unsigned char *tail)
{
    size_t *after = calloc(d->n + 1, sizeof *after);
    unsigned char *heading_after = calloc(d->n + 1, 1);
    if (!after || !heading_after) {
        free(after);
        free(heading_after);
        d->nomem = 1;
        return;
    }
    for (size_t i = d->n; i-- > 0;) {
        const nr_cand *u = &d->u[i];
        int counts = alive(u) && (body_like(u) || u->kind == NR_BLOCK_HEADING);
        after[i] = after[i + 1] + (counts ? u->len : 0);
        heading_after[i] = heading_after[i + 1] ||
                           (alive(u) && u->kind == NR_BLOCK_HEADING);
    }
    size_t before = 0, body_units = 0, start = d->n;
    for (size_t i = 0; i < d->n; i++) {
        const nr_cand *u = &d->u[i];
        if (alive(u) && body_like(u)) {
            before += u->len;
            body_units++;
        }
        /* a marker before any real body is a menu entry ("Comments" in a
           list of page actions), not where the comments start */
        if (!tail[i] || body_units == 0 || (body_units < 2 && before < 400))
            continue;
        size_t rest = after[i + 1];
        int ok;
        if (tail[i] >= 2) {
            /* a comment form: trust it when what follows is smaller than the
               body, or when more furniture follows at once */
            int more = 0, thread = 0;
            for (size_t j = i + 1, seen = 0; j < d->n && seen < 3; j++) {
                if (d->u[j].rule || signature_like(&d->u[j])) {
                    more = 1;
                    thread = !d->u[j].rule;
                    break;
                }
                seen++;
            }
            /* without more furniture at once, the marker must not be
               followed straight away by a body paragraph, nor by a heading
               anywhere: the story carrying on means it was a stray button */
            size_t nx = i + 1;
            while (nx < d->n && !alive(&d->u[nx]))
                nx++;
            int story_goes_on = (nx < d->n && body_like(&d->u[nx])) ||
                                heading_after[i + 1];
            /* more furniture at once is trusted when a comment thread
               follows or the text after it is not much more than the
               body so far: a "Write a comment" link in the share bar
               above a story is no comment form */
            ok = (more && (thread || rest < 2 * before)) ||
                 (rest < before && !story_goes_on);
        } else {
            /* a share bar or related label: only when no body follows */
            ok = rest == 0;
        }
        if (ok) {
            start = i;
            break;
        }
    }
    free(after);
    free(heading_after);
    for (size_t i = start + 1; i < d->n; i++)
        if (removable(&d->u[i]))
            d->u[i].rule = "tail";
}

/* ---- 5. the header ---- */

/* Is b a duplicate of the title t with a crumb before it ("UK : Title") or
   a site name after it ("Title | Site")?  Returns the rule, else NULL. */
/* A crumb or a site's name is set off from the title by a separator
   ("UK : Title", "Title | Site", "Title - Site", "News » Title"); a
   paragraph that merely opens with the title's words ("Charlie is ...")
   is not. */
static int has_separator(const nr_cand *b)
{
    static const char *const seps[] = {" | ", " - ", " : ", ": ", " :: ",
                                       "\xE2\x80\x93", "\xE2\x80\x94",
                                       "\xC2\xBB", "\xE2\x80\xBA", " > ",
                                       " \xC2\xB7 ", NULL};
    for (size_t k = 0; seps[k]; k++)
        if (memmem(b->text, b->len, seps[k], strlen(seps[k])))
            return 1;
    return 0;
}

static const char *title_dup(const char *kb, const char *kt, const nr_cand *b)
{
    size_t lb = strlen(kb), lt = strlen(kt);
    if (!lt)
        return NULL;
    if (lb == lt && !strcmp(kb, kt))
        return "repeated-title";
    if (lb <= lt || b->len > 300 || !has_separator(b))
        return NULL;
    if (!strcmp(kb + lb - lt, kt) && kb[lb - lt - 1] == ' ')
        return "breadcrumb";
    if (!strncmp(kb, kt, lt) && kb[lt] == ' ')
        return "title-site";
    return NULL;
}

static void take_meta(nr_doc *d, nr_cand *u)
{
    char *name = NULL, *date = NULL, *iso = NULL;
    if (nr_parse_byline(u->text, u->len, &name, &date, &iso)) {
        if (!d->byline) {
            d->byline = name;
            name = NULL;
            u->role = NR_ROLE_BYLINE;
        } else {
            u->rule = "byline";
        }
        if (!d->date && date) {
            d->date = date;
            d->date_iso = iso;
            date = iso = NULL;
        }
    } else if (nr_parse_dateline(u->text, u->len, &date, &iso)) {
        if (!d->date) {
            d->date = date;
            free(d->date_iso);
            d->date_iso = iso;
            date = iso = NULL;
            u->role = NR_ROLE_DATE;
        } else {
            u->rule = "dateline";
        }
    } else if (u->flags & NR_C_BYLINE) {
        if (!d->byline && u->len <= 80) {
            nr_doc_set(d, &d->byline, u->text, u->len);
            u->role = NR_ROLE_BYLINE;
        } else {
            u->rule = "byline";
        }
    }
    free(name);
    free(date);
    free(iso);
}

static int is_meta_line(const nr_cand *u)
{
    return nr_parse_byline(u->text, u->len, NULL, NULL, NULL) ||
           nr_parse_dateline(u->text, u->len, NULL, NULL) ||
           (u->flags & NR_C_BYLINE);
}

#define HEADER_UNITS 12

static void header(nr_doc *d)
{
    size_t idx[HEADER_UNITS];
    size_t h = 0;
    char *tkey = NULL;
    for (size_t i = 0; i < d->n && h < HEADER_UNITS; i++)
        if (alive(&d->u[i]))
            idx[h++] = i;
    if (!h)
        return;
    char *keys[HEADER_UNITS] = {0};
    for (size_t k = 0; k < h; k++) {
        keys[k] = nr_key(d->u[idx[k]].text, d->u[idx[k]].len);
        if (!keys[k]) {
            d->nomem = 1;
            goto out;
        }
    }
    /* the header ends at the first body paragraph that is not a
       standfirst (a standfirst is followed by a byline or date line) */
    size_t hend = h;
    for (size_t k = 0; k < h; k++) {
        nr_cand *u = &d->u[idx[k]];
        if (!body_like(u))
            continue;
        int meta_follows = 0;
        for (size_t j = k + 1; j < h && j <= k + 3; j++)
            if (is_meta_line(&d->u[idx[j]]))
                meta_follows = 1;
        if (!meta_follows) {
            hend = k;
            break;
        }
    }
    /* title */
    size_t tpos = (size_t)-1;
    if (d->title) {
        tkey = nr_key(d->title, strlen(d->title));
        if (!tkey) {
            d->nomem = 1;
            goto out;
        }
    } else {
        /* a crumb-prefixed or site-suffixed copy of a later line is not the
           title: the later clean line is */
        for (size_t a = 0; a < hend; a++) {
            nr_cand *ua = &d->u[idx[a]];
            if (!alive(ua) || !title_like(ua) || is_meta_line(ua))
                continue;
            for (size_t b = a + 1; b < hend; b++) {
                nr_cand *ub = &d->u[idx[b]];
                if (!alive(ub) || !title_like(ub))
                    continue;
                const char *r = title_dup(keys[a], keys[b], ua);
                if (r && strcmp(r, "repeated-title")) {
                    if (!(ua->flags & NR_C_KEEP))
                        ua->rule = r;
                    break;
                }
            }
        }
        for (size_t k = 0; k < hend; k++) {
            nr_cand *u = &d->u[idx[k]];
            if (!alive(u) || is_meta_line(u))
                continue;
            if (title_like(u)) {
                /* a site name or tagline ("Crumb & Crust") sits above a
                   longer headline: the headline is the title */
                int longer = 0;
                if (nr_word_count(u->text, u->len) <= 4)
                    for (size_t j = k + 1; j < hend && !longer; j++) {
                        nr_cand *v = &d->u[idx[j]];
                        longer = alive(v) && title_like(v) && !is_meta_line(v) &&
                                 nr_word_count(v->text, v->len) >= 5;
                    }
                if (longer && !(u->flags & NR_C_KEEP)) {
                    u->rule = "masthead";
                    continue;
                }
                tpos = k;
                break;
            }
            if (nr_word_count(u->text, u->len) == 1 && !(u->flags & NR_C_KEEP) &&
                !nr_ends_sentence(u->text, u->len)) {
                u->rule = "section-label";
                continue;
            }
            break;
        }
        if (tpos != (size_t)-1) {
            nr_cand *u = &d->u[idx[tpos]];
            nr_doc_set(d, &d->title, u->text, u->len);
            u->role = NR_ROLE_TITLE;
            tkey = strdup(keys[tpos]);
            if (!tkey) {
                d->nomem = 1;
                goto out;
            }
        }
    }
    /* Markdown: a blog's name as its only h1 ("The Allotment Diaries")
       with the post's own headline below it, carrying the byline: the
       headline is the title.  (An HTML article's own h1 is trusted.) */
    for (size_t ti = 0; d->fmt == NR_FORMAT_MARKDOWN && ti < d->n && ti < 40; ti++) {
        nr_cand *t = &d->u[ti];
        if (t->role != NR_ROLE_TITLE)
            continue;
        if (nr_word_count(t->text, t->len) > 4)
            break;
        for (size_t j = ti + 1; j < d->n && j < ti + 6; j++) {
            nr_cand *v = &d->u[j];
            if (!alive(v))
                continue;
            if (body_like(v))
                break;
            if (v->kind != NR_BLOCK_HEADING ||
                nr_word_count(v->text, v->len) < 5)
                continue;
            size_t k = j + 1;
            while (k < d->n && !alive(&d->u[k]))
                k++;
            if (k < d->n && is_meta_line(&d->u[k])) {
                t->role = NR_ROLE_BLOCK;
                t->rule = "masthead";
                v->role = NR_ROLE_TITLE;
                nr_doc_set(d, &d->title, v->text, v->len);
                free(tkey);
                tkey = nr_key(v->text, v->len);
                if (!tkey)
                    d->nomem = 1;
            }
            break;
        }
        break;
    }
    /* kickers, crumbs and labels above the headline */
    for (size_t ti = 0; ti < d->n && ti < 40; ti++) {
        if (d->u[ti].role != NR_ROLE_TITLE)
            continue;
        /* (once the story's prose has begun, the title line is a copy
           of it further down, a recipe card's name: what stands between
           is the story's own, its section headings included) */
        for (size_t j = 0; j < ti; j++) {
            nr_cand *u = &d->u[j];
            if (alive(u) && body_like(u))
                break;
            if (!alive(u) || (u->flags & NR_C_KEEP))
                continue;
            if (is_meta_line(u))
                take_meta(d, u);
            else if (!(u->flags & NR_C_KEEP))
                u->rule = "pre-title";
        }
        break;
    }
    /* everything else in the header: copies of the title, byline, date,
       standfirst */
    for (size_t k = 0; k < h; k++) {
        nr_cand *u = &d->u[idx[k]];
        if (!alive(u))
            continue;
        if (k >= hend && !(k == hend && is_meta_line(u)))
            break;
        if (u->flags & NR_C_KEEP)
            continue;   /* the user wants it read where it stands */
        const char *r = tkey ? title_dup(keys[k], tkey, u) : NULL;
        if (r) {
            if (!(u->flags & NR_C_KEEP))
                u->rule = r;
            continue;
        }
        if (is_meta_line(u)) {
            take_meta(d, u);
            continue;
        }
        /* a bare name right next to the date line is the byline */
        if (!d->byline && (tpos == (size_t)-1 || k > tpos) &&
            nr_namelike(u->text, u->len)) {
            int by_date = 0;
            if (k + 1 < h)
                by_date = nr_parse_dateline(d->u[idx[k + 1]].text,
                                            d->u[idx[k + 1]].len, NULL, NULL);
            if (k > 0 && d->u[idx[k - 1]].role == NR_ROLE_DATE)
                by_date = 1;
            if (by_date) {
                nr_doc_set(d, &d->byline, u->text, u->len);
                u->role = NR_ROLE_BYLINE;
                continue;
            }
        }
        if (u->flags & NR_C_STANDFIRST) {
            if (!d->subtitle) {
                nr_doc_set(d, &d->subtitle, u->text, u->len);
                u->role = NR_ROLE_SUBTITLE;
            }
            continue;
        }
        if (!d->subtitle && (tpos == (size_t)-1 || k > tpos) &&
            u->kind == NR_BLOCK_PARA && !(u->flags & NR_C_BULLET) &&
            u->len <= 400 && u->len >= 20) {
            int meta_follows = 0;
            for (size_t j = k + 1; j < h && j <= k + 3; j++)
                if (alive(&d->u[idx[j]]) && is_meta_line(&d->u[idx[j]]))
                    meta_follows = 1;
            if (meta_follows) {
                nr_doc_set(d, &d->subtitle, u->text, u->len);
                u->role = NR_ROLE_SUBTITLE;
            }
        }
    }
out:
    free(tkey);
    for (size_t k = 0; k < h; k++)
        free(keys[k]);
}

/* ---- 6. repeated lines ---- */

static uint64_t hash_str(const char *s)
{
    return nr_hash(NR_HASH_INIT, s, strlen(s));
}

/* Sentence ends inside or at the end of u ("... aliqua. Ut enim ..."). */
static size_t sentences(const nr_cand *u)
{
    size_t n = 0;
    for (size_t i = 1; i < u->len; i++)
        n += strchr(".!?", u->text[i - 1]) && u->text[i] == ' ' && i + 1 < u->len &&
             isupper((unsigned char)u->text[i + 1]) &&
             !(i >= 3 && u->text[i - 3] == '.');   /* "U.S. " */
    return n + nr_ends_sentence(u->text, u->len);
}

#define PULL_NEAR 8   /* candidates a pull quote stands from its paragraph */

/* Does the line open with a quotation mark ("...", “...”, «...»)? */
static int quoted(const nr_cand *u)
{
    const char *t = u->text;
    return t[0] == '"' || (u->len >= 3 && (!memcmp(t, "\xE2\x80\x9C", 3) ||
                                           !memcmp(t, "\xE2\x80\x98", 3))) ||
           (u->len >= 2 && !memcmp(t, "\xC2\xAB", 2));
}

static void repeats(nr_doc *d)
{
    size_t cap = 16;
    while (cap < d->n * 2 + 2)
        cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot);      /* candidate index + 1 */
    char **keys = calloc(d->n ? d->n : 1, sizeof *keys);
    if (!slot || !keys) {
        free(slot);
        free(keys);
        d->nomem = 1;
        return;
    }
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        /* short lines ("Yes.", "Q:") legitimately recur in interviews and
           lists; furniture that short is caught by the rules.  What recurs
           on a page is a pull quote, a caption, a teaser: a sentence or
           two.  A long paragraph said twice, or one of two sentences or
           more, was written twice (a refrain, a repeated warning), so it
           is read twice. */
        if (!alive(u) || u->len < 16 || u->len >= 300 ||
            (u->len >= 180 && sentences(u) >= 2))
            continue;
        keys[i] = nr_key(u->text, u->len);
        if (!keys[i]) {
            d->nomem = 1;
            break;
        }
        if (!*keys[i])
            continue;
        size_t p = hash_str(keys[i]) & (cap - 1);
        while (slot[p] && strcmp(keys[slot[p] - 1], keys[i]))
            p = (p + 1) & (cap - 1);
        if (slot[p]) {
            if (!(u->flags & NR_C_KEEP))
                u->rule = "repeated";
        } else {
            slot[p] = i + 1;
        }
    }
    /* a pull quote: a quotation set apart that a paragraph near it
       says in full ("I knew every ship out there was counting on me.") */
    for (size_t i = 0; i < d->n && !d->nomem; i++) {
        nr_cand *u = &d->u[i];
        if (!keys[i] || !alive(u) || (u->flags & NR_C_KEEP) || !quoted(u) ||
            nr_word_count(u->text, u->len) < 8)
            continue;
        size_t lo = i > PULL_NEAR ? i - PULL_NEAR : 0;
        for (size_t j = lo; j < d->n && j <= i + PULL_NEAR && alive(u); j++) {
            nr_cand *v = &d->u[j];
            if (j == i || !alive(v) || v->len <= u->len + 20)
                continue;
            char *k = nr_key(v->text, v->len);
            if (!k) {
                d->nomem = 1;
                break;
            }
            if (strstr(k, keys[i]))
                u->rule = "repeated";
            free(k);
        }
    }
    for (size_t i = 0; i < d->n; i++)
        free(keys[i]);
    free(keys);
    free(slot);
}

/* ---- 7. plain-text headings and labels ---- */

static const char *const heading_words[] = {
    "introduction", "background", "conclusion", "conclusions", "summary",
    "analysis", "context", "methodology", "epilogue", "prologue",
    "aftermath", "legacy", "verdict", "overview", "outlook", "history",
    "discussion", "results", "method", "methods", "ingredients",
    "directions", "instructions", NULL};

static int one_word_heading(const nr_cand *u)
{
    char w[32];
    if (u->len >= sizeof w)
        return 0;
    for (size_t i = 0; i < u->len; i++)
        w[i] = (char)tolower((unsigned char)u->text[i]);
    w[u->len] = '\0';
    for (size_t i = 0; heading_words[i]; i++)
        if (!strcmp(w, heading_words[i]))
            return 1;
    return 0;
}

static int heading_shape(const nr_cand *u)
{
    if (u->kind != NR_BLOCK_PARA || !(u->flags & NR_C_ONE_LINE) ||
        (u->flags & (NR_C_BULLET | NR_C_KNOWN_KIND)))
        return 0;
    if (u->len > 100)
        return 0;
    size_t words = nr_word_count(u->text, u->len);
    if (words > 12 || (words == 1 && !one_word_heading(u)))
        return 0;
    unsigned char c0 = (unsigned char)u->text[0];
    if (!(isupper(c0) || isdigit(c0) || c0 == '"' || c0 >= 0x80))
        return 0;
    /* "— Jane Austen", "• more": an attribution or a stray mark */
    if (c0 == 0xE2 && u->len >= 3 && (unsigned char)u->text[1] == 0x80 &&
        (unsigned char)u->text[2] != 0x9C)
        return 0;
    char last = u->text[u->len - 1];
    if (strchr(".,;:!", last))
        return 0;
    if (last == '?' && u->len > 80)
        return 0;
    if (nr_ends_sentence(u->text, u->len) && last != '?')
        return 0;
    /* a caption with a credit too long to cut ends on a name, but is no
       heading ("... the terminal. Photo: J. Roe for the Daily Ledger") */
    size_t mark;
    return !nr_caption_credit(u->text, u->len, &mark);
}

static void text_headings(nr_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!alive(u))
            continue;
        /* a lone numbered line between paragraphs ("1. Turn things off at
           night") is a section heading, not a one-item list */
        int lone_item = 0;
        if (u->kind == NR_BLOCK_ITEM && (u->flags & NR_C_ONE_LINE) &&
            !(u->flags & NR_C_KNOWN_KIND)) {
            size_t p = i, q = i + 1;
            while (p > 0 && !alive(&d->u[p - 1]))
                p--;
            while (q < d->n && !alive(&d->u[q]))
                q++;
            lone_item = p > 0 && d->u[p - 1].kind != NR_BLOCK_ITEM &&
                        q < d->n && d->u[q].kind == NR_BLOCK_PARA &&
                        body_like(&d->u[q]) && d->u[p - 1].kind == NR_BLOCK_PARA &&
                        !nr_ends_sentence(u->text, u->len) && u->len <= 80 &&
                        d->u[p - 1].text[d->u[p - 1].len - 1] != ':';
            if (lone_item) {
                u->kind = NR_BLOCK_HEADING;
                u->level = 2;
                continue;
            }
        }
        if (!heading_shape(u))
            continue;
        size_t j = i + 1;
        while (j < d->n && !alive(&d->u[j]))
            j++;
        if (j >= d->n)
            continue;
        nr_cand *v = &d->u[j];
        /* a section's name ("Ingredients", "Background") heads whatever
           follows it, a list of lines included */
        int introduces = (one_word_heading(u) && v->kind != NR_BLOCK_HEADING) ||
                         v->kind == NR_BLOCK_ITEM ||
                         (v->kind == NR_BLOCK_PARA && !heading_shape(v) &&
                          v->len > u->len &&
                          (nr_ends_sentence(v->text, v->len) ||
                           v->text[v->len - 1] == ':' || v->len >= 80));
        if (introduces) {
            u->kind = NR_BLOCK_HEADING;
            u->level = 2;
        }
    }
    /* one-word lines that did not make it as headings are section labels
       ("Health", "Politics") */
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!removable(u) || u->kind != NR_BLOCK_PARA ||
            (u->flags & (NR_C_KNOWN_KIND | NR_C_BULLET)))
            continue;
        if (nr_word_count(u->text, u->len) == 1 && u->len <= 30 &&
            !nr_ends_sentence(u->text, u->len))
            u->rule = "section-label";
    }
}

void nr_structure_user(nr_doc *d)
{
    user_patterns(d);
}

void nr_structure_run(nr_doc *d)
{
    unsigned char *tail = calloc(d->n ? d->n : 1, 1);
    if (!tail) {
        d->nomem = 1;
        return;
    }
    user_patterns(d);
    boilerplate(d, tail);
    tail_cut(d, tail);
    free(tail);
    for (size_t i = 0; i < d->n; i++)
        if (alive(&d->u[i]))
            nr_boiler_trim(d, &d->u[i]);
    for (size_t i = 0; i < d->n; i++)
        if (alive(&d->u[i]) && d->u[i].len == 0)
            d->u[i].rule = "continue-marker";
    /* "Mira Castellane at a piano" over "Mira Castellane in her studio.
       Photo: Inés Rovira": a browser's text shows an image's alt text
       over its caption; it is no heading */
    for (size_t i = 1; d->fmt == NR_FORMAT_TEXT && i < d->n; i++) {
        if (!(d->u[i].flags & NR_C_CREDITED))
            continue;
        nr_cand *t = beside(d, i, -1);
        if (t && alive(t) && removable(t) && t->kind == NR_BLOCK_PARA &&
            nr_word_count(t->text, t->len) <= 12 && !nr_ends_sentence(t->text, t->len) &&
            describes(t, &d->u[i]))
            t->rule = "caption";
    }
    nr_contents_list(d);
    if (d->fmt == NR_FORMAT_TEXT) {
        nr_gallery(d);
        nr_text_region(d);
    }
    header(d);
    if (d->fmt == NR_FORMAT_TEXT && !d->date)
        head_date(d);
    /* later "Updated 14 May 2014" and "Written by X" lines are furniture */
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (!removable(u) || u->len > 80)
            continue;
        if (nr_parse_dateline(u->text, u->len, NULL, NULL))
            u->rule = "dateline";
        else if (u->kind != NR_BLOCK_QUOTE &&
                 nr_parse_byline(u->text, u->len, NULL, NULL, NULL))
            u->rule = "byline";
    }
    /* HTML says where a line sits (a pull quote is an aside, a caption a
       figure, a menu a nav), and the HTML reader leaves those out; a line
       its article repeats is the writer's ("I would prefer not to."), or a
       heading after its table of contents */
    if (d->fmt != NR_FORMAT_HTML)
        repeats(d);
    if (d->fmt == NR_FORMAT_TEXT)
        text_headings(d);
}
