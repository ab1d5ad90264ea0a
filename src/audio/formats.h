/*
 * formats.h - the output formats, one table (internal; see formats.c).
 *
 * Everything that differs between output formats is a field here; the
 * render loop, nr_render_file's extension lookup and the command's
 * --format all read this table, so a new format is one entry plus its sink.
 */
#ifndef NR_FORMATS_H
#define NR_FORMATS_H

#include "narrate.h"
#include "audio/sink.h"

/* Where a format keeps its tags and chapters, which decides when its sink
   may be created. */
typedef enum {
    NR_TAGS_NONE = 0,   /* raw PCM: no tags */
    NR_TAGS_AT_FINISH,  /* space reserved up front, completed by finish()
                           (MP3's ID3v2 with chapter times; WAV's INFO
                           chunk, whose RIFF sizes are set at finish):
                           the sink can start encoding before the end */
    NR_TAGS_IN_HEADER   /* in a header written at creation (Vorbis comments,
                           MP4): every chapter time must be known first, so
                           the sink is made behind the loudness spool */
} nr_tag_place;

typedef struct nr_format {
    nr_out_format id;
    const char *name;          /* "mp3": --format and nr_out_format_name */
    const char *ext[3];        /* file name endings that ask for it */
    nr_sink_ctor make;
    nr_tag_place tags;
    int ffmpeg;                /* encoded through FFmpeg (loaded on first use) */
    int book;                  /* a talking book (book.c): the text with an MP3
                                  inside, no sink of its own (make is NULL) */
} nr_format;

/* The entry for id, or NULL for NR_OUT_AUTO and values outside the enum. */
const nr_format *nr_format_get(nr_out_format id);

#endif
