/*
 * srcmap.h - where each byte of a block's text came from in the input,
 * kept compact (internal, never installed).
 *
 * A reader copies text in runs: a paragraph of plain text is one run (the
 * space that joins two lines stands for the line break, so it continues
 * the run), an HTML text node is one, an entity or a collapsed run of
 * spaces starts the next.  So the map is stored as runs: from text byte
 * `at` on, byte i came from source byte src + (i - at), until the next
 * run.  One offset per byte (eight times the text) was what made
 * `--script` peak at twelve times its input; runs cost eight bytes each,
 * and there are far fewer runs than bytes.
 *
 * Offsets are 32 bits, counted from the smallest source offset of the
 * block; a block whose source spans more than 4 GiB keeps one size_t per
 * byte instead (`wide`), so no input is refused.
 */
#ifndef NR_SRCMAP_H
#define NR_SRCMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct nr_srcmap_run {
    uint32_t at;   /* first text byte of the run */
    uint32_t src;  /* its source offset, minus base */
} nr_srcmap_run;

typedef struct nr_srcmap {
    size_t n;              /* entries mapped: text length + 1 */
    size_t base;           /* what run offsets count from */
    nr_srcmap_run *runs;   /* owned; NULL when the one run is `one` */
    size_t nruns;
    nr_srcmap_run one;     /* the single run of most blocks: no allocation */
    size_t *wide;          /* owned; n offsets, when runs cannot hold them */
} nr_srcmap;

/* Replaces m with the map of offs[0..n).  Returns 0, or -1 out of memory
   (m is then left as it was). */
int nr_srcmap_set(nr_srcmap *m, const size_t *offs, size_t n);
/* The source offset of entry i (i < m->n); SIZE_MAX for an empty map. */
size_t nr_srcmap_at(const nr_srcmap *m, size_t i);
/* A new array of the m->n offsets, for an edit that moves text about
   (see nr_cand_cut); NULL when out of memory. */
size_t *nr_srcmap_expand(const nr_srcmap *m);
void nr_srcmap_free(nr_srcmap *m);

/* A map being built one entry at a time (the text builder's, textbuf.h):
   runs as they come, with full-width offsets, packed when the text is
   done.  Zeroed is empty. */
typedef struct nr_srcmap_span { size_t at, src; } nr_srcmap_span;
typedef struct nr_srcmap_build {
    nr_srcmap_span *runs;  /* owned */
    size_t nruns, cap;
    size_t n;              /* entries pushed */
} nr_srcmap_build;

/* Appends the next entry.  Returns 0, or -1 out of memory. */
int nr_srcmap_push(nr_srcmap_build *b, size_t off);
/* Packs what b holds into m (replacing it), every offset above limit
   lowered to limit; b is emptied either way.  Returns 0, or -1 out of
   memory (m is then left as it was). */
int nr_srcmap_take(nr_srcmap *m, nr_srcmap_build *b, size_t limit);
void nr_srcmap_build_free(nr_srcmap_build *b);

#endif
