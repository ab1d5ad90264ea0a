/*
 * article.h - the article model and the readers that fill it (internal).
 *
 * A reader turns the bytes of an input (plain text as scraped or pasted from
 * the web, Markdown, HTML) into an nr_article: metadata plus a flat list of
 * blocks in reading order.  Boilerplate is removed here and every removal is
 * recorded with the rule that made it, for --show-stripped.
 *
 * Block text is the text as written (UTF-8, not yet normalized for speech):
 * markup removed, hard-wrapped lines joined, runs of white space collapsed to
 * one space, trimmed.  src_map lets later stages point back into the original
 * input (transcripts, highlighting): nr_srcmap_at(&src_map, i) is the byte
 * offset in the input of text[i], for i in 0..len (entry len = end of the
 * block's last source byte).
 *
 * Chapters come from the blocks: the first chapter is the article title and
 * holds every block before the first NR_BLOCK_HEADING; each heading opens a
 * new chapter whose title is the heading's text.
 */
#ifndef NR_ARTICLE_H
#define NR_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "srcmap.h"

typedef enum {
    NR_BLOCK_PARA = 0,  /* body paragraph */
    NR_BLOCK_HEADING,   /* section heading: opens a chapter */
    NR_BLOCK_ITEM,      /* list item (spoken as its own segment, with a pause) */
    NR_BLOCK_QUOTE      /* block quotation paragraph */
} nr_block_kind;

typedef struct nr_block {
    nr_block_kind kind;
    int       level;     /* heading level 1..6, list nesting depth; else 0 */
    char     *text;      /* owned, NUL-terminated */
    size_t    len;
    nr_srcmap src_map;   /* owned, len + 1 entries; see above */
} nr_block;

typedef struct nr_stripped {
    size_t src_off, src_len;  /* the removed bytes of the input */
    const char *rule;         /* static string naming the rule */
} nr_stripped;

typedef struct nr_article {
    char *title;      /* owned; NULL when the input gave no title */
    char *label;      /* owned, never NULL: the title, else a name to show
                         for it (the file name, the opening words); it is
                         never spoken, it only names chapters and tags */
    char *subtitle;   /* standfirst; may be NULL */
    char *byline;     /* "Andrew Staniforth, Police Oracle"; may be NULL */
    char *date;       /* as written, e.g. "13th May 2014"; may be NULL */
    char *date_iso;   /* "2014-05-13" when the date could be read; may be NULL */
    nr_block *blocks;
    size_t nblocks;
    nr_stripped *stripped;
    size_t nstripped;
} nr_article;

typedef enum {
    NR_FORMAT_AUTO = 0,   /* from the file name, else sniffed from content */
    NR_FORMAT_TEXT,
    NR_FORMAT_MARKDOWN,
    NR_FORMAT_HTML
} nr_input_format;

typedef struct nr_article_opts {
    nr_input_format format;
    const char *name;          /* file name for format detection; may be NULL */
    /* User overrides for a wrong cut: POSIX extended regexes matched against
       each line/block; keep wins over every removal rule, drop removes. */
    const char *const *keep;   size_t nkeep;
    const char *const *drop;   size_t ndrop;
    /* Text a person already chose (a selection handed over by a screen
       reader, say): every paragraph is spoken as it stands - no
       boilerplate removal, no title, byline or date taken out. */
    int plain;
} nr_article_opts;

typedef enum {
    NR_ARTICLE_OK = 0,
    NR_ARTICLE_NOMEM,
    NR_ARTICLE_EMPTY,      /* nothing speakable left */
    NR_ARTICLE_BADPATTERN, /* a keep/drop regex did not compile */
    NR_ARTICLE_BADINPUT    /* e.g. not text at all */
} nr_article_status;

/* Parses src[0..len).  On success *out owns everything; free with
   nr_article_free (NULL ok).  src must stay valid only during the call. */
nr_article_status nr_article_parse(const char *src, size_t len,
                                   const nr_article_opts *opts,
                                   nr_article **out);
void nr_article_free(nr_article *a);

/* Writes the article as Markdown with front matter (title, byline, date),
   then the standfirst and the blocks as written: narrate --extract.  write
   gets the bytes in order; a non-zero return stops.  Returns 0, or -1 when
   write stopped it. */
typedef int (*nr_article_write_fn)(void *ud, const void *data, size_t len);
int nr_article_write_markdown(const nr_article *a, nr_article_write_fn write,
                              void *ud);

/* Short static name of a block kind ("para", "heading", ...). */
const char *nr_block_kind_name(nr_block_kind k);

#endif
