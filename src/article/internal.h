/*
 * internal.h - what the article readers share (never installed).
 *
 * Every reader (plain text, Markdown, HTML) does only the format-specific
 * part: it cuts its input into "units" (candidate blocks with their text and
 * source map) and fills whatever metadata its markup states outright.  The
 * format-independent judgement - boilerplate rules, the comment/footer tail,
 * title/standfirst/byline/date in the header, headings in plain text,
 * repeated lines - runs afterwards on the units (structure.c), and model.c
 * turns the surviving units into an nr_article.
 */
#ifndef NR_ARTICLE_INTERNAL_H
#define NR_ARTICLE_INTERNAL_H

#include <regex.h>
#include <stddef.h>

#include "article.h"

/* ---- text builder: collapsed, trimmed text with a byte-offset map ---- */

typedef struct nr_tb {
    char   *s;
    size_t *map;        /* map[i] = source offset of s[i] */
    size_t  len, cap;
    int     pend;       /* a space is owed before the next visible byte */
    size_t  pend_off;   /* source offset that owed space maps to */
    size_t  end;        /* source offset just past the last visible byte */
    int     err;        /* allocation failed at some point */
    int     dropped;    /* markup was just removed here (see nr_tb_dropped) */
} nr_tb;

void nr_tb_init(nr_tb *tb);
void nr_tb_free(nr_tb *tb);
/* Appends source bytes p[0..n) that sit at source offset off. */
void nr_tb_add(nr_tb *tb, const char *p, size_t n, size_t off);
/* Appends decoded bytes (an entity, say) that all stand for the source
   bytes [off, off_end). */
void nr_tb_add_at(nr_tb *tb, const char *p, size_t n, size_t off,
                  size_t off_end);
/* Appends bytes p[0..n) whose source offsets are offs[0..n). */
void nr_tb_add_map(nr_tb *tb, const char *p, size_t n, const size_t *offs);
/* Says that something (an image, a footnote reference) was removed at
   this point: a space it leaves before punctuation goes too, so
   "name [^1]." reads "name.". */
void nr_tb_dropped(nr_tb *tb);
/* A soft break (line join, <br>): one space unless at the start. */
void nr_tb_space(nr_tb *tb, size_t off);

/* ---- units ---- */

enum {
    NR_U_KNOWN_KIND = 1u << 0,  /* markup said what it is: no guessing */
    NR_U_ONE_LINE   = 1u << 1,  /* plain text: came from a single line */
    NR_U_BULLET     = 1u << 2,  /* plain text: started with a bullet */
    NR_U_KEEP       = 1u << 3,  /* user keep pattern matched */
    NR_U_STANDFIRST = 1u << 5,  /* markup marks it as the standfirst */
    NR_U_BYLINE     = 1u << 6   /* markup marks it as the byline */
};

enum { NR_ROLE_BLOCK = 0, NR_ROLE_TITLE, NR_ROLE_SUBTITLE, NR_ROLE_BYLINE,
       NR_ROLE_DATE };

typedef struct nr_unit {
    nr_block_kind kind;
    int       level;
    char     *text;        /* owned, NUL-terminated */
    size_t    len;
    size_t   *map;         /* owned, len + 1 entries */
    size_t    src_off, src_end;  /* whole source extent, for stripped[] */
    unsigned  flags;
    int       role;
    const char *rule;      /* non-NULL: removed by this rule */
} nr_unit;

typedef struct nr_doc {
    const char *src;
    size_t      srclen;
    nr_input_format fmt;
    nr_unit    *u;
    size_t      n, cap;
    nr_stripped *st;       /* removals that are not whole units */
    size_t      nst, capst;
    char *title, *subtitle, *byline, *date, *date_iso;  /* owned */
    const char *name;      /* file name, may be NULL */
    regex_t    *keep, *drop;
    size_t      nkeep, ndrop;
    int         nomem;
} nr_doc;

/* Moves the builder's text into a new unit (the builder is reset).  An
   empty text adds nothing.  Returns the unit or NULL (empty or nomem). */
nr_unit *nr_doc_add_unit(nr_doc *d, nr_tb *tb, nr_block_kind kind, int level,
                         size_t src_off, size_t src_end, unsigned flags);
void nr_doc_strip(nr_doc *d, size_t off, size_t end, const char *rule);
/* Replaces *slot with a copy of s[0..n) trimmed (no-op when n == 0). */
void nr_doc_set(nr_doc *d, char **slot, const char *s, size_t n);
/* Removes text[a..b) from a unit, keeping the map in step. */
void nr_unit_cut(nr_unit *u, size_t a, size_t b);

/* Decodes an HTML character reference at s[i] ('&'): writes the UTF-8 into
   out (up to 8 bytes), sets *outlen, returns the bytes consumed or 0. */
size_t nr_entity_at(const char *s, size_t n, size_t i, char out[8],
                    size_t *outlen);

/* ---- readers ---- */
int nr_read_text(nr_doc *d);
int nr_read_markdown(nr_doc *d);
int nr_read_html(nr_doc *d);

/* ---- shared judgement (structure.c, boilerplate.c) ---- */
void nr_structure_run(nr_doc *d);

/* Per-unit boilerplate verdict: the rule name, or NULL for body text.
   *tail gets 2 for a strong comment/footer-tail marker, 1 for a weak one
   (share bar, related list), else 0. */
const char *nr_boiler_rule(const nr_unit *u, int *tail);
/* Trims in-text clutter (trailing "continue..." marks, footnote markers),
   recording what it cut. */
void nr_boiler_trim(nr_doc *d, nr_unit *u);
/* Normalized comparison key: ASCII lower case, letters and digits, one
   space between words; other punctuation dropped.  Caller frees. */
char *nr_key(const char *s, size_t n);

/* A byline line: fills name ("Andrew Staniforth, Police Oracle") and, when
   the line also carries a date, the date.  Returns 1 when it is one. */
int nr_parse_byline(const char *s, size_t n, char **name, char **date,
                    char **date_iso);
/* A bare personal name ("Jo Bellamy"): 2-4 capitalised words. */
int nr_namelike(const char *s, size_t n);
/* A line that is only a date with labels ("Date - 13th May 2014",
   "Published 3 March 2021 10:32 GMT"). */
int nr_parse_dateline(const char *s, size_t n, char **date, char **date_iso);

/* ---- dates (date.c) ---- */
/* Finds the first date in s[0..n): *b, *e get its extent as written; iso
   gets "YYYY-MM-DD", or "" when the date is ambiguous (03/04/2014). */
int nr_date_find(const char *s, size_t n, size_t *b, size_t *e, char iso[11]);

/* ---- small text helpers (model.c) ---- */
int nr_is_space_at(const char *s, size_t n, size_t i, size_t *w);
size_t nr_utf8_prev(const char *s, size_t i);
int nr_ends_sentence(const char *s, size_t n);
size_t nr_word_count(const char *s, size_t n);

#endif
