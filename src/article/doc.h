/*
 * doc.h - the document a reader builds and the judgement passes work on:
 * candidate blocks (nr_cand), removals, metadata, and the step that turns
 * what survives into an nr_article.
 */
#ifndef NR_ARTICLE_DOC_H
#define NR_ARTICLE_DOC_H

#include <regex.h>
#include <stddef.h>

#include "article.h"
#include "article/textbuf.h"

/* ---- candidate blocks ---- */

enum {
    NR_C_KNOWN_KIND = 1u << 0,  /* markup said what it is: no guessing */
    NR_C_ONE_LINE   = 1u << 1,  /* plain text: came from a single line */
    NR_C_BULLET     = 1u << 2,  /* plain text: started with a bullet */
    NR_C_KEEP       = 1u << 3,  /* user keep pattern matched */
    NR_C_CREDITED   = 1u << 4,  /* a caption: its photo credit was cut */
    NR_C_STANDFIRST = 1u << 5,  /* markup marks it as the standfirst */
    NR_C_BYLINE     = 1u << 6   /* markup marks it as the byline */
};

enum { NR_ROLE_BLOCK = 0, NR_ROLE_TITLE, NR_ROLE_SUBTITLE, NR_ROLE_BYLINE,
       NR_ROLE_DATE };

typedef struct nr_cand {
    nr_block_kind kind;
    int       level;
    char     *text;        /* owned, NUL-terminated */
    size_t    len;
    nr_srcmap map;         /* owned, len + 1 entries (srcmap.h) */
    size_t    src_off, src_end;  /* whole source extent, for stripped[] */
    unsigned  flags;
    int       role;
    const char *rule;      /* non-NULL: removed by this rule */
} nr_cand;

typedef struct nr_doc {
    const char *src;
    size_t      srclen;
    nr_input_format fmt;
    nr_cand    *u;
    size_t      n, cap;
    nr_stripped *st;       /* removals that are not whole candidates */
    size_t      nst, capst;
    char *title, *label, *subtitle, *byline, *date, *date_iso;  /* owned */
    const char *name;      /* file name, may be NULL */
    regex_t    *keep, *drop;
    size_t      nkeep, ndrop;
    int         nomem;
} nr_doc;

/* Moves the builder's text into a new candidate (the builder is reset).  An
   empty text adds nothing.  Returns the candidate or NULL (empty or nomem). */
nr_cand *nr_doc_add_cand(nr_doc *d, nr_tb *tb, nr_block_kind kind, int level,
                         size_t src_off, size_t src_end, unsigned flags);
void nr_doc_strip(nr_doc *d, size_t off, size_t end, const char *rule);
/* Replaces *slot with a copy of s[0..n) trimmed (no-op when n == 0). */
void nr_doc_set(nr_doc *d, char **slot, const char *s, size_t n);
/* Removes text[a..b) from a candidate, keeping the map in step (out of
   memory sets d->nomem). */
void nr_cand_cut(nr_doc *d, nr_cand *u, size_t a, size_t b);

/* Frees everything the document owns (not src). */
void nr_doc_free(nr_doc *d);
/* Names the article (its label) when nothing in the input gave it a
   title, then moves the surviving candidates and metadata into a new
   nr_article. */
nr_article_status nr_doc_finish(nr_doc *d, nr_article **out);

#endif
