/*
 * book.h - talking books: the article's text paired with its audio, every
 * sentence with its clip (internal).
 *
 * A book is written after a render, from what that render recorded: the
 * plan (the article's segments in reading order), the cue of every
 * sentence heard (cue.h: its segment, its byte range in the segment's
 * text, its start from the stitcher's sample counts) and the MP3 the
 * render wrote.  So the books' clip times have the same single source as
 * the ID3 chapters and the transcripts.  The writers never see the
 * context: book.c (the entry point) fills an nr_book and calls them.
 *
 * The text is the article as written (block text, not the spoken form),
 * XHTML-escaped.  Every sentence that was heard is a <span id="sN">, N
 * being its cue's number from 1; a sentence that made no sound (nothing
 * to say) is plain text, so each id has exactly one clip.
 *
 * Clips are contiguous: a sentence's clip runs from the start of its
 * speech to the start of the next sentence's (the last one to the end of
 * the audio), so the pauses play as they do in the MP3 and a reading
 * system never skips or cuts, and the clips of a chapter add up to the
 * chapter, all of them to the audio, exactly.
 */
#ifndef NR_BOOK_H
#define NR_BOOK_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "article.h"
#include "cue.h"
#include "plan.h"
#include "book/xml.h"

typedef struct nr_book {
    /* what the book says about itself (UTF-8; NULL = not known) */
    const char *title;         /* the plan's first chapter title */
    const char *author;        /* the byline the introduction speaks */
    const char *date;          /* the date as the introduction speaks it */
    const char *date_iso;      /* YYYY-MM-DD for dc:date */
    const char *description;
    const char *publisher;     /* the show (album) */
    const char *language;      /* BCP 47, "en-GB" */
    const char *narrator;      /* the voice's name */
    const char *generator;     /* "narrate 0.1.0" */
    char identifier[48];       /* "urn:uuid:...", the same for the same article */
    char modified[24];         /* "CCYY-MM-DDThh:mm:ssZ" */
    time_t modified_t;
    const unsigned char *cover;
    size_t cover_len;
    const char *cover_mime;    /* image/jpeg or image/png */

    /* the text and the audio */
    const nr_article *article;
    const nr_plan *plan;
    const nr_cue_rec *cues;
    size_t ncues;
    uint64_t duration_ms;      /* of the MP3 */
    const char *audio_path;    /* the MP3 the cues describe */

    /* filled by nr_book_init: per chapter, nchapters + 1 entries */
    size_t *first_seg;         /* its first plan segment */
    size_t *first_cue;         /* its first cue; = the next's when it has none */
    int *level;                /* heading level: 1 the title, then 2..6 */
} nr_book;

/* Fills the derived fields.  0, or ENOMEM. */
int nr_book_init(nr_book *b);
void nr_book_release(nr_book *b);

/* Clip i: from the start of its speech to the next one's (see above). */
uint64_t nr_book_clip_begin(const nr_book *b, size_t i);
uint64_t nr_book_clip_end(const nr_book *b, size_t i);
/* The clips of chapter c, [first, end); empty when nothing in it was heard. */
static inline size_t nr_book_chapter_cues(const nr_book *b, size_t c, size_t *end)
{
    *end = b->first_cue[c + 1];
    return b->first_cue[c];
}

/* The XHTML body markup of chapter c (no <body>): valid in XHTML 1.0 (DAISY)
   and in EPUB's XHTML.  The chapter's heading is <hL id="hC">, the title
   <h1 id="h0">, its sentences <span id="sN">.  Errors are left in x->err. */
void nr_book_body(const nr_book *b, size_t c, nr_xml *x);

/* Nested lists of items with levels (1 outermost): an item deeper than the
   one before opens a list inside that item, at most one level deeper; a
   shallower one closes back.  list is "ul" or "ol".  Start from
   {x, list, 0, 0}; nr_nest_item opens the item's <li> (closed by the
   next call), nr_nest_end closes everything. */
typedef struct nr_nest {
    nr_xml *x;
    const char *list;
    int depth;          /* lists open */
    int li_open;        /* the innermost list has an open <li> */
} nr_nest;
void nr_nest_item(nr_nest *n, int level);
void nr_nest_end(nr_nest *n);

/* The writers.  Each returns 0, or an errno value with what failed in err
   (the library's own words, e.g. libzip's). */
/* EPUB 3 with Media Overlays: work is an empty directory for the parts,
   out the finished .epub (written by libzip beside it, renamed in). */
int nr_epub_write(const nr_book *b, const char *work, const char *out,
                  char *err, size_t errlen);
/* A DAISY 2.02 fileset in dir (empty, the MP3 already in it as audio_name). */
int nr_daisy_write(const nr_book *b, const char *dir, const char *audio_name,
                   char *err, size_t errlen);

#endif
