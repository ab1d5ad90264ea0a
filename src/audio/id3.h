/*
 * id3.h - ID3v2.3 tag bytes with chapters (CHAP/CTOC); pure, no I/O
 * (internal, never installed).
 *
 * Why v2.3 and not v2.4: see docs/formats.md (Windows readers, Apple Podcasts
 * and FFmpeg all mishandle v2.4 chapters in ways that lose titles).
 *
 * The MP3 sink reserves the tag's space before the audio, then writes the
 * final tag over it once the chapter times are known; nr_id3_render() pads
 * the tag to exactly the size asked for, so the audio never moves.
 */
#ifndef NR_ID3_H
#define NR_ID3_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

typedef struct nr_id3_chapter {
    const char *title;     /* UTF-8 */
    uint32_t start_ms;
    uint32_t end_ms;
} nr_id3_chapter;

typedef struct nr_id3_meta {
    const char *title;     /* TIT2; UTF-8; NULL or "" = omitted (same below) */
    const char *artist;    /* TPE1 */
    const char *album;     /* TALB (show name) */
    const char *genre;     /* TCON */
    const char *year;      /* TYER, 4 digits */
    const char *date_ddmm; /* TDAT, "DDMM" */
    const char *comment;   /* COMM (eng) */
    const char *encoder;   /* TSSE */
    uint32_t length_ms;    /* TLEN; 0 = omitted */
    const nr_id3_chapter *chapters;
    size_t nchapters;      /* > 255 gives nested CTOCs (see id3.c) */
    const uint8_t *cover;  /* APIC front cover; NULL = none */
    size_t cover_len;
    const char *cover_mime;/* "image/jpeg" or "image/png" */
} nr_id3_meta;

/* Size in bytes of the tag for m without padding (header included).  A tag
   rendered later for the same strings and chapter count never needs more,
   whatever the times and length_ms are (TLEN is sized for 10 digits). */
size_t nr_id3_size_bound(const nr_id3_meta *m);

/*
 * Appends the whole tag (10-byte header, frames, zero padding) to out.
 * total_size is the exact size wanted, header included; 0 means no padding.
 * Returns 0, -1 when out of memory, -2 when the frames need more than
 * total_size bytes or the tag would pass ID3's 256 MiB limit.
 */
int nr_id3_render(const nr_id3_meta *m, size_t total_size, nr_buf *out);

#endif
