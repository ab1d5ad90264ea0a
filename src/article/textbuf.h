/*
 * textbuf.h - the text builder (collapsed, trimmed text with a byte-offset
 * map back into the input) and small UTF-8 text tests.  Depends on nothing
 * else of the article readers (the map is srcmap.h's).
 */
#ifndef NR_ARTICLE_TEXTBUF_H
#define NR_ARTICLE_TEXTBUF_H

#include <stddef.h>
#include <stdint.h>

#include "srcmap.h"

typedef struct nr_tb {
    char   *s;
    nr_srcmap_build map; /* entry i = source offset of s[i], as runs */
    size_t  start;      /* source offset of s[0] */
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

/* ---- small text helpers ---- */
/* White space, including NUL, no-break and other Unicode spaces and the
   zero-width characters; *w gets the byte length of the character. */
int nr_is_space_at(const char *s, size_t n, size_t i, size_t *w);
size_t nr_utf8_prev(const char *s, size_t i);
int nr_ends_sentence(const char *s, size_t n);
size_t nr_word_count(const char *s, size_t n);

/* FNV-1a of s[0..n), continuing from h (start with NR_HASH_INIT); the
   hash of every table in the readers. */
#define NR_HASH_INIT 1469598103934665603ull
uint64_t nr_hash(uint64_t h, const char *s, size_t n);

/* Is the n bytes at w one of the NULL-ended list's words? */
int nr_in_list(const char *w, size_t n, const char *const *list);
/* The same with ASCII letters in any case ("Updated", "UPDATED"). */
int nr_in_list_ci(const char *w, size_t n, const char *const *list);

#endif
