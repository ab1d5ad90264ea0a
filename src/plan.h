/*
 * plan.h - what will be spoken, in order (internal).
 *
 * The plan is made once per loaded article from the article model alone
 * (plus the metadata overrides that change the introduction): it knows
 * nothing of the context, the synthesizer or the sinks.
 *
 * A segment is one spoken block: the introduction, a heading, a paragraph,
 * a list item or a quote; the pauses between them depend on their kinds
 * (stitch.h).  An item is one piece of synthesis work: a run of whole
 * sentences of one segment, at most NR_ITEM_CHARS bytes of written text
 * unless one sentence alone is longer, so one long paragraph cannot hold up
 * the pipeline or its memory.
 */
#ifndef NR_PLAN_H
#define NR_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "narrate.h"
#include "article.h"
#include "normalize.h"
#include "buf.h"

#define NR_ITEM_CHARS 600

typedef enum {
    NR_SEG_INTRO = 0,   /* "Title. By Name. Date." */
    NR_SEG_HEADING,
    NR_SEG_PARA,
    NR_SEG_LIST_ITEM,
    NR_SEG_QUOTE
} nr_segment_kind;

typedef struct nr_segment {
    nr_segment_kind kind;
    size_t chapter;        /* index into chapter_titles */
    int opens_chapter;     /* first segment of its chapter */
    const char *text;      /* written text (borrowed from the article or intro) */
    size_t len;
    const nr_srcmap *src_map; /* NULL for the generated introduction */
} nr_segment;

typedef struct nr_item {
    uint32_t segment;
    uint32_t first;        /* 1 when this is the first item of its segment */
    size_t start, end;     /* byte range in the segment's text */
} nr_item;

typedef struct nr_plan {
    nr_segment *segments;  size_t nsegments;
    nr_item *items;        size_t nitems;
    const char **chapter_titles; size_t nchapters;  /* borrowed strings */
    char *intro;           /* owned: the generated introduction text */
} nr_plan;

/* The settings that change the plan: metadata overrides, NULL for the
   article's own. */
typedef struct nr_plan_opts {
    const char *title;
    const char *author;
    int no_intro;          /* nothing spoken before the first block
                              (nr_set_plain) */
} nr_plan_opts;

/* Replaces *p with the plan of a (which it borrows: a must outlive p).
   NR_OK, or NR_ERR_NOMEM with *p empty. */
nr_status nr_plan_build(nr_plan *p, const nr_article *a, const nr_plan_opts *o);
void nr_plan_free(nr_plan *p);

/* Appends to out the spoken form of the sentences of s in [start, end),
   one space between sentences.  0, or -1 when out of memory. */
int nr_speak_range(const nr_norm *norm, const nr_segment *s, size_t start,
                   size_t end, nr_buf *out);

/* nr_speak_range for a caller that writes as it goes (--script): once out
   holds NR_SPEAK_CHUNK bytes or more, after a sentence, they go to flush
   and out is emptied, so a paragraph as long as the input is never held
   whole.  *spoken (may be NULL) gets the bytes spoken for the range,
   flushed or not.  0, -1 out of memory, or -2 when flush returned
   non-zero. */
#define NR_SPEAK_CHUNK ((size_t)64 << 10)
typedef int (*nr_speak_flush_fn)(void *ud, const void *data, size_t len);
int nr_speak_stream(const nr_norm *norm, const nr_segment *s, size_t start,
                    size_t end, nr_buf *out, nr_speak_flush_fn flush, void *ud,
                    size_t *spoken);

#endif
