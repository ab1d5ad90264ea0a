/*
 * internal.h - the judgement the article readers share (never installed):
 * boilerplate rules, the comment/footer tail, title/standfirst/byline/date
 * in the header, headings in plain text, repeated lines (structure.c,
 * boilerplate.c), and the date and byline parsers the readers use too.
 *
 * Who calls whom: parse.c (the entry point) picks a reader from readers.c,
 * the reader fills a document (doc.h) through the text builder (textbuf.h),
 * the passes declared here judge its candidates, and doc.c turns what
 * survives into an nr_article.
 */
#ifndef NR_ARTICLE_INTERNAL_H
#define NR_ARTICLE_INTERNAL_H

#include <stddef.h>

#include "article/doc.h"

/* ---- shared judgement (structure.c, boilerplate.c) ---- */
void nr_structure_run(nr_doc *d);
/* Only the user's keep/drop patterns (plain mode). */
void nr_structure_user(nr_doc *d);
/* A table of contents: short lines that come back later as headings
   (contents.c). */
void nr_contents_list(nr_doc *d);
/* gallery.c: a slideshow's counters, titles and captions (plain text) */
void nr_gallery(nr_doc *d);
/* Plain text: keeps the densest run of prose and the headline above it,
   removing the rest of the page (region.c). */
void nr_text_region(nr_doc *d);

/* Per-candidate boilerplate verdict: the rule name, or NULL for body text.
   *tail gets 2 for a strong comment/footer-tail marker, 1 for a weak one
   (share bar, related list), else 0. */
const char *nr_boiler_rule(const nr_cand *u, int *tail);
/* Trims in-text clutter (trailing "continue..." marks, footnote markers),
   recording what it cut. */
void nr_boiler_trim(nr_doc *d, nr_cand *u);
/* Normalized comparison key: ASCII lower case, letters and digits, one
   space between words; other punctuation dropped.  Caller frees. */
char *nr_key(const char *s, size_t n);
/* Does key k hold p as whole words ("the fixing post" in "copyright
   2024 the fixing post all rights reserved")? */
int nr_key_has(const char *k, const char *p);
/* The same key, a byte at a time, for comparing lines with a key without
   building one per line (the headline finder looks at every line of a
   page).  Zero it, set s and n; next gives a byte, or -1 at the end. */
typedef struct nr_keyit {
    const char *s;
    size_t n, i;
    int sp, any, owe_space;
    const char *p;   /* bytes of the current letter still to give */
    size_t np;
    char one;        /* an ASCII letter, lower-cased */
} nr_keyit;
int nr_keyit_next(nr_keyit *it);

/* A byline line: fills name ("Andrew Staniforth, Police Oracle") and, when
   the line also carries a date, the date.  Returns 1 when it is one. */
int nr_parse_byline(const char *s, size_t n, char **name, char **date,
                    char **date_iso);
/* Where a writer's name starts a line ("By Jane Roe, ...", "Jane Roe -
   Apr 16, 2015", "JANE ROE"): its extent in *nb..*ne, *lead when a "By"
   (or Par, Por, Von, Written by...) came before it.  Returns the number of
   words in the name (a lone word only after a lead), else 0 (byname.c). */
size_t nr_name_at(const char *s, size_t n, size_t *nb, size_t *ne, int *lead);
/* A line that is only a byline's lead ("By", "Por", "Written by:"), or
   a short one ending in it ("Written on Mar 17 by"): the name is on the
   next line. */
int nr_lead_alone(const char *s, size_t n);
/* A writer's role on a line of its own ("Games Editor", "Senior
   Correspondent"). */
int nr_role_line(const char *s, size_t n);
/* A bare personal name ("Jo Bellamy"): 2-4 capitalised words. */
int nr_namelike(const char *s, size_t n);
/* A line that is only a date with labels ("Date - 13th May 2014",
   "Published 3 March 2021 10:32 GMT"). */
int nr_parse_dateline(const char *s, size_t n, char **date, char **date_iso);

/* Where a caption's credit starts after its last sentence ("... on
   Monday. Photo: Lars Eriksen": the space before "Photo"), else 0; *mark
   gets the length of the credit's label with its spaces (trims.c). */
size_t nr_caption_credit(const char *s, size_t n, size_t *mark);

/* A photo's or a video's credit on a line of its own ("Photo by Jo
   Roe", "Credit...Jo Roe for The Times", "Graphic: Al Poe")
   (textlines.c). */
int nr_credit_line(const nr_cand *c);

/* ---- dates (date.c) ---- */
/* Is s[0..n) only a time relative to now, separators around it allowed:
   "3 hours ago", "Published 2 days ago", "Updated ago" (the copy lost the
   time), and with compact set "8h", "5 min"? */
int nr_relative_time(const char *s, size_t n, int compact);
/* Finds the first date in s[0..n): *b, *e get its extent as written; iso
   gets "YYYY-MM-DD", or "" when the date is ambiguous (03/04/2014). */
int nr_date_find(const char *s, size_t n, size_t *b, size_t *e, char iso[11]);
/* Is s[0..n) only a post's date stamp without a year ("Posted on Mar 3",
   "Mar 3", "Updated March 3 at 9:14 AM")?  A page's own line of its
   date, though no date a story could be given. */
int nr_stamp_date(const char *s, size_t n);
/* Is s[0..n) only a month and a year ("May 2022"): a magazine's issue? */
int nr_month_year(const char *s, size_t n);

#endif
