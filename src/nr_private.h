/*
 * nr_private.h - the context shared by the library's entry points
 * (narrate.c, render.c, outfile.c, sidecar.c; internal, never installed).
 * The stages below them (plan, normalizer, synthesizer, stitcher, sinks)
 * have their own headers and never see the context.
 */
#ifndef NR_PRIVATE_H
#define NR_PRIVATE_H

#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "narrate.h"
#include "article.h"
#include "normalize.h"
#include "plan.h"
#include "decode.h"
#include "buf.h"
#include "cue.h"
#include "audio/sink.h"


typedef struct nr_chapter_time {
    uint64_t start_ms, end_ms;
} nr_chapter_time;

/* A finished output waiting for nr_outputs_commit under its temporary
   name (outfile.c). */
typedef struct nr_pending_out {
    char *tmp, *path;
} nr_pending_out;

struct nr_ctx {
    /* settings */
    char *voice_name;              /* built-in name or .flitevox path */
    char *voice_path;              /* ':'-separated directories, or NULL */
    int jobs;
    double rate;
    nr_locale locale;
    int bitrate;
    int out_rate;                  /* MP3 output rate; 0 = the voice's */
    int loudness_on;
    double loudness_target;
    nr_input_format input_format;
    int plain;                     /* nr_set_plain: text chosen by a person */
    char *meta[4];                 /* nr_meta_key -> override or NULL */
    unsigned char *cover;  size_t cover_len;  const char *cover_mime;
    unsigned cover_w, cover_h;
    char **keep;  size_t nkeep;
    char **drop;  size_t ndrop;
    nr_norm *norm;                 /* lexicon and locale live here */
    nr_progress_fn progress;  void *progress_ud;
    nr_event_fn event_fn;     void *event_ud;
    nr_pcm_fn pcm_fn;         void *pcm_ud;   /* during nr_synthesize only */

    /* loaded article */
    char *text;  size_t text_len;  /* decoded UTF-8 input */
    nr_article *article;
    nr_article *empty;             /* a load with nothing to speak: kept for
                                      nr_list_stripped only (the reader may
                                      hand it back with NR_ARTICLE_EMPTY) */
    int loaded_empty;              /* the last nr_load found nothing to speak */
    nr_plan plan;

    /* results of the last render */
    nr_chapter_time *chapter_times;
    uint64_t duration_ms;
    int sample_rate;
    nr_cue_rec *cues;  size_t ncues, cues_cap;
    struct {                       /* the MP3 file it wrote (nr_write_book) */
        dev_t dev;  ino_t ino;  off_t size;  int set;
    } audio_file;
    nr_loudness loudness;

    const char *out_name;          /* output being written, for messages */
    int grouped;                   /* between nr_outputs_begin and commit */
    nr_pending_out *pending;  size_t npending;
    atomic_int cancelled;
    char errmsg[512];
};

/* Records a one-line detail for nr_errmsg() and returns s.  fmt is always a
   literal in our code; user text only ever goes through %s. */
nr_status nr_fail(nr_ctx *ctx, nr_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* outfile.c: runs fn on a descriptor for path, through a temporary file
   renamed into place on success (see outfile.c). */
typedef nr_status (*nr_output_fn)(nr_ctx *ctx, int fd, int seekable, void *arg);
nr_status nr_with_output_file(nr_ctx *ctx, const char *path, nr_output_fn fn,
                              void *arg);

/* book.c: talking books.  nr_render_file hands NR_OUT_EPUB and NR_OUT_DAISY
   to nr_render_book, and tells nr_note_audio where an MP3 render went. */
nr_status nr_render_book(nr_ctx *ctx, const char *path, nr_out_format fmt);
void nr_note_audio(nr_ctx *ctx, const char *path);

/* Drops the group's finished files (nr_outputs_discard without the API's
   name, for nr_free). */
void nr_outputs_drop(nr_ctx *ctx);

/* render.c */
nr_status nr_render_to(nr_ctx *ctx, int fd, int seekable, nr_out_format fmt);/* Internal output format: the nr_synthesize() PCM callback. */
#define NR_OUT_CALLBACK ((nr_out_format)100)

#endif
