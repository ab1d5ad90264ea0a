/*
 * sink.h - where stitched PCM goes: the audio sinks (internal).
 *
 * A sink is a small vtable in the style of redis' rio: the stitcher pushes
 * mono 16-bit PCM in order, then calls finish() once with the chapter
 * table, and destroy() in every case (after a failure, without finish()).
 * Sinks never know the article; they get what the tags need through
 * nr_sink_meta.  Each sink writes to a file descriptor it does not own and
 * never closes.
 *
 * Errors take one path for every sink: write() and finish() return 0, or
 *   -1  a system call failed: errno says why (the caller names the file);
 *   -2  the encoder or its library failed: the sink has said why in its own
 *       words, or its library's, through nr_sink_fail(opts->error, ...);
 *   -3  the work was cancelled: *opts->cancelled became non-zero during a
 *       long pass (the loudness replay), or a PCM callback asked to stop.
 * A constructor returns NULL with errno set (EINVAL: the encoder refused
 * the settings), and with its words in opts->error when it has any.
 * render.c copies those words into nr_errmsg.
 */
#ifndef NR_SINK_H
#define NR_SINK_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

typedef struct nr_sink_chapter {
    const char *title;
    uint64_t start_ms, end_ms;
} nr_sink_chapter;

typedef struct nr_sink_meta {
    const char *title, *artist, *album, *year, *date_ddmm, *comment;
    const char *software;             /* "narrate 0.1.0"; NULL = not said */
    const nr_sink_chapter *chapters;  /* titles known up front; times at finish */
    size_t nchapters;
    const unsigned char *cover;       /* JPEG or PNG bytes; NULL = none */
    size_t cover_len;
    const char *cover_mime;           /* "image/jpeg" or "image/png" */
    unsigned cover_w, cover_h;        /* pixels */
} nr_sink_meta;

typedef struct nr_sink nr_sink;
struct nr_sink {
    /* 0, or -1 (errno) or -2 (opts->error): see above */
    int  (*write)(nr_sink *s, const int16_t *pcm, size_t n);
    /* meta->chapters now carry final times; duration_ms is the audio length */
    int  (*finish)(nr_sink *s, const nr_sink_meta *meta, uint64_t duration_ms);
    void (*destroy)(nr_sink *s);
};

/* Why a sink failed, in its own words ("LAME ...", "a WAV file ...",
   "FFmpeg ..."); "" when it said nothing. */
typedef struct nr_sink_error {
    char msg[256];
} nr_sink_error;

/* Records why a sink failed; the first reason wins, since later failures
   are usually its consequences.  e may be NULL (nobody listens).  Returns
   -2, the code for an encoder failure. */
int nr_sink_fail(nr_sink_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

typedef struct nr_sink_opts {
    int fd;
    int seekable;     /* fd can pwrite/lseek: full tags rewritten at finish */
    int rate;         /* input sample rate */
    int bitrate;      /* MP3 kbit/s */
    int out_rate;     /* MP3 output rate; 0 = rate */
    const nr_sink_meta *meta;  /* for the tag reserved up front */
    nr_sink_error *error;      /* where the sink says why it failed; may be
                                  NULL; outlives the sink */
    void *ud;         /* for sinks that call back into their creator */
    atomic_int *cancelled;     /* non-zero: stop (-3) at the next block;
                                  may be NULL */
} nr_sink_opts;

/* Each returns NULL when out of memory or the encoder cannot start (see
   "Errors" above). */
nr_sink *nr_sink_mp3_new(const nr_sink_opts *o);
nr_sink *nr_sink_wav_new(const nr_sink_opts *o);
nr_sink *nr_sink_raw_new(const nr_sink_opts *o);

/* FFmpeg-backed formats (sink_av.c); they need every chapter time at
   creation, so render.c always puts them behind the loudness spool.  FFmpeg
   is loaded on first use (av_api.h): nr_sink_av_unavailable() says why it
   cannot be (NULL when it can), and the constructors fail with ENOSYS. */
const char *nr_sink_av_unavailable(void);
typedef enum { NR_AV_FLAC = 0, NR_AV_VORBIS, NR_AV_OPUS, NR_AV_M4B } nr_av_format;
nr_sink *nr_sink_flac_new(const nr_sink_opts *o);
nr_sink *nr_sink_vorbis_new(const nr_sink_opts *o);
nr_sink *nr_sink_opus_new(const nr_sink_opts *o);
nr_sink *nr_sink_m4b_new(const nr_sink_opts *o);

typedef nr_sink *(*nr_sink_ctor)(const nr_sink_opts *o);

/* What the loudness wrapper measured and did (values in LUFS, dB, dBTP;
   -HUGE_VAL when unknown, e.g. silence). */
typedef struct nr_loudness {
    double input_lufs, input_true_peak, gain_db, output_lufs;
    int limited;
    int encodes;            /* times the inner sink was fed: 1, or 2 when a
                               speculative encoding missed the target */
} nr_loudness;

/* How the loudness wrapper runs (see sink_loudness.c). */
typedef struct nr_loudness_opts {
    double target_lufs;
    int normalize;          /* 0: only spool, so a sink that needs the final
                               chapter times at creation gets them */
    int spool;              /* 1: measure first (files); 0: apply
                               stream_gain_db on the fly (pipes) */
    int early;              /* the inner sink may start before the end (its
                               header is rewritten at finish): encode while
                               synthesis goes on, see "speculative" below */
    double probe_s;         /* seconds of audio measured before that starts */
    double stream_gain_db;
} nr_loudness_opts;

/* Wraps the sink make(o) would create with EBU R128 normalization.  res
   (may be NULL) is filled at finish. */
nr_sink *nr_sink_loudness_new(nr_sink_ctor make, const nr_sink_opts *o,
                              const nr_loudness_opts *lo, nr_loudness *res);

/* Writes all of buf to fd, retrying on EINTR and short writes. */
int nr_write_all(int fd, const void *buf, size_t n);
int nr_pwrite_all(int fd, const void *buf, size_t n, uint64_t off);

#endif
