/*
 * textout.h - sidecar text formats with timings: WebVTT, SubRip, and
 * Podcasting 2.0 chapters JSON; pure, no I/O (internal, never installed).
 */
#ifndef NR_TEXTOUT_H
#define NR_TEXTOUT_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

typedef struct nr_cue {
    uint32_t start_ms, end_ms;
    const char *text;       /* UTF-8 as written */
    int is_chapter;         /* 1: a chapter title (a NOTE in VTT, a cue in SRT) */
} nr_cue;

/* Appends "hh:mm:ss.mmm" (sep '.') or "hh:mm:ss,mmm" (sep ','). */
int nr_fmt_timestamp(nr_buf *out, uint32_t ms, char sep);

/* WebVTT header, call once. */
int nr_vtt_begin(nr_buf *out);
/* One cue; index is the 1-based cue number. Escapes & < > in text. */
int nr_vtt_cue(nr_buf *out, unsigned index, const nr_cue *c);
/* SubRip cue: number, times, text (newlines collapsed, "<" tags defused). */
int nr_srt_cue(nr_buf *out, unsigned index, const nr_cue *c);

typedef struct nr_json_chapter {
    const char *title;      /* UTF-8 */
    uint32_t start_ms, end_ms;
} nr_json_chapter;
/* Whole Podcasting 2.0 chapters document, version 1.2.0. */
int nr_chapters_json(nr_buf *out, const nr_json_chapter *ch, size_t n);

#endif
