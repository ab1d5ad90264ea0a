/*
 * region.h - what the parts of the plain-text content finder share:
 * region.c (where the story is), storyhead.c (its headline and byline),
 * textlines.c (the shapes of single lines) and hashset.c (which words a
 * stretch of text uses).  Private to src/article.
 */
#ifndef NR_ARTICLE_REGION_H
#define NR_ARTICLE_REGION_H

#include <stddef.h>
#include <stdint.h>

#include "article/internal.h"
#include "article/textstat.h"

/* Still a block: not removed by a rule, not taken for the header. */
static inline int nr_live(const nr_cand *c)
{
    return !c->rule && c->role == NR_ROLE_BLOCK;
}

/* The next live candidate after i, or d->n. */
static inline size_t nr_next_live(const nr_doc *d, size_t i)
{
    for (size_t k = i + 1; k < d->n; k++)
        if (nr_live(&d->u[k]))
            return k;
    return d->n;
}

/* The live candidate before i, or SIZE_MAX. */
static inline size_t nr_prev_live(const nr_doc *d, size_t i)
{
    while (i-- > 0)
        if (nr_live(&d->u[i]))
            return i;
    return SIZE_MAX;
}

/* What the passes know of every candidate of a page. */
typedef struct nr_page {
    nr_doc *d;
    nr_textstat *st;  /* shallow statistics of each candidate */
    long *v;          /* value: > 0 prose, < 0 furniture */
} nr_page;

/* ---- line shapes (textlines.c) ---- */
int nr_bulleted(const nr_cand *c);
/* A line the strict byline or date-line parsers read. */
int nr_meta_line(const nr_cand *c);
/* A line led by "By", "Par", "Posted"... */
int nr_by_lead(const nr_cand *c);
/* Looser than nr_meta_line: a short line with a date, a byline lead, or
   a bare name. */
int nr_metaish(const nr_cand *c, const nr_textstat *st);
/* A line made of a site's control words ("Log out Sign in"). */
int nr_control_words(const nr_cand *c);
/* Does s hold a clock time ("1:39 PM ET", "09:58")? */
int nr_has_clock(const char *s, size_t n);
/* Could this line be a headline (length, ending, not a date, credit,
   price, menu or control)? */
int nr_headline_shape(const nr_cand *c, const nr_textstat *st);
/* The same, letting through six or more capitalised words with no
   function word ("Simple Anomaly Detection Using Plain SQL"), which is a
   menu's shape too: the caller needs another sign. */
int nr_headline_shape_caps(const nr_cand *c, const nr_textstat *st);

/* ---- word sets (hashset.c) ---- */
typedef struct nr_hashset {
    uint64_t *h;
    size_t cap;      /* a power of two */
} nr_hashset;
/* 0, or -1 out of memory. */
int nr_hashset_init(nr_hashset *s, size_t cap);
void nr_hashset_free(nr_hashset *s);
/* Adds the content words (4+ bytes, not function words) of c. */
void nr_hashset_add_text(nr_hashset *s, const nr_cand *c);
/* Percentage of c's content words in s, scaled down for a line of fewer
   than three (two words of a site's name can both occur in any story). */
unsigned nr_overlap_pct(const nr_hashset *s, const nr_cand *c);
/* Are the prose blocks (v > 0) of d->u[p0..p1) about something else than
   those of d->u[r0..r1)? */
int nr_off_subject(nr_doc *d, const long *v, size_t p0, size_t p1,
                   size_t r0, size_t r1);

/* ---- the story's head (storyhead.c) ---- */
/* The headline for a story whose run starts at `first` and ends at `end`,
   or SIZE_MAX. */
size_t nr_find_headline(nr_page *pg, size_t first, size_t end);
/* Fills d->byline (and the date it carries) from around the headline h
   (SIZE_MAX: none) or the story's run [a, b). */
void nr_find_byline(nr_page *pg, size_t h, size_t a, size_t b);
/* Does a signed head stand right above `first` (no higher than lo): a
   headline-shaped line with a byline ("By Jo Roe", or a name with a date
   line) among the next few lines? */
int nr_signed_head(const nr_page *pg, size_t first, size_t lo);
/* Where the last part of a breadcrumb starts ("Home > News > Title"),
   else 0. */
size_t nr_crumb_tail(const char *s, size_t n);

#endif
