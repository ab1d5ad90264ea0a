/*
 * narrate.h - the public interface of libnarrate.
 *
 * Introduction
 * ------------
 * libnarrate turns a written article (plain text as scraped from the web,
 * Markdown or HTML) into a finished audio edition: it removes web
 * boilerplate, finds the title, byline, date and sections, rewrites every
 * token into speakable English, synthesizes each paragraph with Flite,
 * stitches the pieces with pauses and encodes MP3 (or WAV, or raw PCM) with
 * ID3 chapter markers.
 *
 * Usage follows one lifecycle:
 *
 *     nr_ctx *ctx = nr_new();                 NULL only when out of memory
 *     nr_set_voice(ctx, "slt"); ...           optional settings
 *     nr_load(ctx, data, len, "article.txt"); parse the article
 *     nr_render_file(ctx, "article.mp3", NR_OUT_AUTO);
 *     nr_free(ctx);
 *
 * Every call that can fail returns an nr_status; NR_OK is 0.  nr_strerror()
 * names a status, and nr_errmsg() gives the one-line detail of the last
 * failure on that context ("cannot open 'x.mp3': Permission denied").
 * The library never prints and never exits.
 *
 * Ownership: strings passed in are copied; the library never keeps a caller
 * pointer past the call, except the callback user data (ud) arguments.
 *
 * FFmpeg: writing FLAC, Ogg, Opus or M4B uses FFmpeg's libraries, whose
 * log output libnarrate turns off (av_log_set_level) so nothing is printed.
 *
 * Threads: one nr_ctx must be used by one thread at a time.  Rendering uses
 * worker threads internally (nr_set_jobs).  nr_cancel() may be called from
 * any thread or from a signal handler.
 */
#ifndef NARRATE_H
#define NARRATE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * NR_API marks the functions libnarrate exports; the library is built with
 * -fvisibility=hidden, so nothing else leaves libnarrate.so.  One exception:
 *
 * Exported besides the NR_API functions: rand srand
 *
 * Flite's vocoder calls libc's rand() for every sample it makes.  glibc's
 * rand() is one process-wide stream behind a lock, so with several
 * synthesis threads the noise, and the output bytes, would depend on how the
 * threads interleave.  libnarrate therefore defines rand() and srand() with
 * one stream per thread (a 32-bit xorshift, values 0..RAND_MAX) and reseeds
 * its workers' streams before every sentence; they must be exported to
 * replace libc's for libflite.  In a program that embeds libnarrate they
 * replace libc's for the whole process: srand(seed) seeds only the calling
 * thread's stream, a thread that never calls srand() starts from one fixed
 * seed, the sequence for a given seed differs from glibc's, and a render
 * draws from the calling thread's stream while it loads the voice.  A
 * program that defines its own rand() overrides libnarrate's: the audio
 * then still sounds the same but is no longer bit-identical from run to run.
 */
#ifndef NR_API
#  if defined(__GNUC__) && __GNUC__ >= 4
#    define NR_API __attribute__((visibility("default")))
#  else
#    define NR_API
#  endif
#endif

/* The one source of narrate's version: the Makefile reads these three
   lines for nr_version(), narrate.pc and the installed man page. */
#define NR_VERSION_MAJOR 0
#define NR_VERSION_MINOR 1
#define NR_VERSION_PATCH 0

typedef struct nr_ctx nr_ctx;

typedef enum nr_status {
    NR_OK = 0,
    NR_ERR_NOMEM,      /* out of memory */
    NR_ERR_ARG,        /* an invalid argument or setting */
    NR_ERR_INPUT,      /* the input could not be read or is not text */
    NR_ERR_EMPTY,      /* the input has nothing to speak */
    NR_ERR_VOICE,      /* unknown or unloadable voice */
    NR_ERR_SYNTH,      /* the synthesizer failed */
    NR_ERR_OUTPUT,     /* the output could not be written */
    NR_ERR_CANCELLED,  /* nr_cancel() or a callback stopped the work */
    NR_ERR_STATE,      /* a call out of order (e.g. render before load) */
    NR_ERR_CLOSED      /* the reader of a pipe went away (EPIPE) */
} nr_status;

/* Static name of a status, e.g. "output error". */
NR_API const char *nr_strerror(nr_status s);
/* Detail of the last failure on ctx; "" when none.  Valid until the next call. */
NR_API const char *nr_errmsg(const nr_ctx *ctx);
/* The library's version, "MAJOR.MINOR.PATCH" as in the macros above
   (which give the header's version at compile time). */
NR_API const char *nr_version(void);

NR_API nr_ctx *nr_new(void);
/* Frees everything; NULL is a no-op. */
NR_API void nr_free(nr_ctx *ctx);

/* ---- settings (call before nr_load / render) ---------------------------- */

/* A built-in voice (kal, kal16, awb, rms, slt; default slt), a .flitevox
   file by path, or NAME found as NAME.flitevox in the voice path. */
NR_API nr_status nr_set_voice(nr_ctx *ctx, const char *name);
/* Directories searched for NAME.flitevox, separated by ':' (set it before
   nr_set_voice).  The command puts its voices/ directory and
   $NARRATE_VOICE_PATH here. */
NR_API nr_status nr_set_voice_path(nr_ctx *ctx, const char *dirs);
/* Every voice narrate can use: built-ins first, then each .flitevox in the
   voice path.  where is "built-in" or the file's path; description may be
   NULL.  A non-zero return stops the listing. */
typedef int (*nr_voice_fn)(void *ud, const char *name, const char *where,
                           const char *description);
NR_API nr_status nr_list_voices(nr_ctx *ctx, nr_voice_fn fn, void *ud);
/* Fills *names with a static NULL-terminated list of the built-in voices. */
NR_API const char *const *nr_voice_names(void);
/* One-line description of a built-in voice, NULL when unknown. */
NR_API const char *nr_voice_description(const char *name);
/* Synthesis workers; 0 = number of online CPUs (default). */
NR_API nr_status nr_set_jobs(nr_ctx *ctx, int jobs);
/* Speech rate 0.5 .. 3.0 (default 1.0); pauses scale with it. */
NR_API nr_status nr_set_rate(nr_ctx *ctx, double rate);
/* "en-US", "en-GB" or "auto" (default: guessed from the article). */
NR_API nr_status nr_set_locale(nr_ctx *ctx, const char *locale);
/* MP3 bitrate in kbit/s (CBR; default 64). */
NR_API nr_status nr_set_bitrate(nr_ctx *ctx, int kbps);
/* MP3 output sample rate: 0 (default) keeps the voice's rate (16 kHz, 8 kHz
   for kal); 22050, 24000, 32000, 44100 or 48000 resample in LAME, whose
   31-tap sinc resampler is clean for speech (docs/formats.md §3.4). */
NR_API nr_status nr_set_sample_rate(nr_ctx *ctx, int hz);
/* EBU R128 loudness normalization of the whole episode to target_lufs
   (-40 .. -5; default on, -16), true peak at most -1 dBTP.  enabled = 0
   leaves Flite's own level. */
NR_API nr_status nr_set_loudness(nr_ctx *ctx, int enabled, double target_lufs);
/* Loudness of the last render: measured before normalization, the gain
   applied, and the result (LUFS; NaN when unknown or disabled). */
NR_API nr_status nr_get_loudness(const nr_ctx *ctx, double *input_lufs,
                          double *gain_db, double *output_lufs);
/* Input format: "auto" (default), "text", "markdown", "html". */
NR_API nr_status nr_set_input_format(nr_ctx *ctx, const char *format);
/* on = 1: the input is text a person already chose (a selection handed
   over by an editor or a screen reader): every paragraph is spoken as it
   stands, with no boilerplate removal, no title, byline or date taken out
   and no spoken introduction.  The title for tags and the first chapter
   is then the file name, or the opening words.  Default 0. */
NR_API nr_status nr_set_plain(nr_ctx *ctx, int on);
/* Adds pronunciation lexicon text (format in voices/lexicon.txt); entries
   added later win.  *nbad (may be NULL) gets the number of skipped lines. */
NR_API nr_status nr_add_lexicon(nr_ctx *ctx, const char *data, size_t len,
                         const char *source_name, size_t *nbad);
/* Keep (keep = 1) or drop lines matching a POSIX extended regex. */
NR_API nr_status nr_add_pattern(nr_ctx *ctx, int keep, const char *regex);

typedef enum nr_meta_key {
    NR_META_TITLE = 0,  /* overrides the title found in the article */
    NR_META_AUTHOR,     /* overrides the byline */
    NR_META_ALBUM,      /* show / album name */
    NR_META_DATE,       /* "YYYY-MM-DD" or as written */
    NR_META_DESCRIPTION,/* read only: the standfirst, else the first paragraph */
    NR_META_DATE_ISO    /* read only: the article's date as YYYY-MM-DD */
} nr_meta_key;
/* Sets TITLE, AUTHOR, ALBUM or DATE; NULL clears the override. */
NR_API nr_status nr_set_meta(nr_ctx *ctx, nr_meta_key key, const char *value);
/* Metadata of the loaded article, overrides applied; NULL when unknown.
   Valid until the next nr_load, nr_set_meta or nr_free. */
NR_API const char *nr_get_meta(const nr_ctx *ctx, nr_meta_key key);

/* Cover art embedded in the output (ID3 APIC, FLAC/Vorbis picture, MP4
   covr): the bytes of a JPEG or PNG image, checked by their signature;
   NULL removes it.  The bytes are copied. */
NR_API nr_status nr_set_cover(nr_ctx *ctx, const void *data, size_t len);

/* Called for each rewritten token while text is normalized (--explain). */
typedef void (*nr_explain_fn)(void *ud, const char *orig, size_t orig_len,
                              const char *cls, const char *rule,
                              const char *spoken, size_t spoken_len);
NR_API nr_status nr_set_explain(nr_ctx *ctx, nr_explain_fn fn, void *ud);

/* Progress while rendering: items (runs of sentences, the pieces of
   synthesis work) done of total, audio produced so far. */
typedef void (*nr_progress_fn)(void *ud, size_t done, size_t total,
                               uint64_t audio_ms);
NR_API nr_status nr_set_progress(nr_ctx *ctx, nr_progress_fn fn, void *ud);

/* ---- text --------------------------------------------------------------- */

/* Writes len bytes of output; returns 0, or non-zero to stop (the call then
   fails with NR_ERR_OUTPUT, or NR_ERR_CANCELLED for nr_cancel). */
typedef int (*nr_write_fn)(void *ud, const void *data, size_t len);

/* The spoken form of one piece of text, no structure detection, no newline. */
NR_API nr_status nr_normalize(nr_ctx *ctx, const char *text, size_t len,
                       nr_write_fn write, void *ud);

/* Parses an article from memory.  name (may be NULL) is the file name, used
   to pick the format and in messages.  UTF-8 (BOM ok) or UTF-16 (with a
   BOM, or without one when its NUL bytes tell).  Bytes that are not text
   (a PDF, an image, an archive, random data) fail with NR_ERR_INPUT and
   nr_errmsg saying what they look like. */
NR_API nr_status nr_load(nr_ctx *ctx, const char *data, size_t len, const char *name);
/* nr_load for a big input the caller has no more use for: takes data
   (from malloc) and frees it, in every case, as soon as it is decoded, so
   the text is not held twice while the article is parsed. */
NR_API nr_status nr_load_take(nr_ctx *ctx, char *data, size_t len, const char *name);

/* Exactly what will be spoken: "# Chapter title" before each chapter, then
   one line per paragraph.  Needs nr_load. */
NR_API nr_status nr_script(nr_ctx *ctx, nr_write_fn write, void *ud);

/* The article as extracted, before anything is rewritten for speech:
   Markdown with front matter ("---", title:, byline:, date: (ISO 8601 when
   known), "---"), then the standfirst and the blocks as written,
   "## " headings, "- " items, "> " quotes, a blank line between.  A field
   the article lacks is left out.  Needs nr_load. */
NR_API nr_status nr_extract(nr_ctx *ctx, nr_write_fn write, void *ud);

/* What the readers removed, one line each: "RULE<TAB>text".  Also after
   nr_load failed with NR_ERR_EMPTY, when it can say what left nothing. */
NR_API nr_status nr_list_stripped(nr_ctx *ctx, nr_write_fn write, void *ud);

/* ---- audio -------------------------------------------------------------- */

typedef enum nr_out_format {
    NR_OUT_AUTO = 0,   /* from the file name's extension; MP3 otherwise */
    NR_OUT_MP3,
    NR_OUT_WAV,
    NR_OUT_RAW,        /* signed 16-bit little-endian mono at the voice rate */
    NR_OUT_FLAC,       /* FLAC, Vorbis-comment chapters */
    NR_OUT_OGG,        /* Ogg Vorbis, Vorbis-comment chapters */
    NR_OUT_OPUS,       /* Ogg Opus, Vorbis-comment chapters */
    NR_OUT_M4B,        /* AAC in MP4 (audiobook), MP4 chapters; files only */
    NR_OUT_EPUB,       /* EPUB 3 talking book: the text as written and the MP3,
                          each sentence with its clip (media overlays); files only */
    NR_OUT_DAISY       /* DAISY 2.02 talking book: a directory (ncc.html, SMIL,
                          text, MP3); nr_render_file only */
} nr_out_format;

/* The format named "mp3", "wav", "raw", "flac", "ogg", "opus", "m4b",
   "epub" or "daisy"; NR_OUT_AUTO when name is none of them. */
NR_API nr_out_format nr_out_format_from_name(const char *name);
/* The format a file name's extension asks for (".ogg" and ".oga" are
   NR_OUT_OGG; case ignored); NR_OUT_AUTO when it names none, which
   nr_render_file writes as MP3. */
NR_API nr_out_format nr_out_format_from_path(const char *path);
/* "mp3" for NR_OUT_MP3 ...; NULL for NR_OUT_AUTO and unknown values.  The
   formats are numbered from NR_OUT_MP3 without gaps, so
   for (f = NR_OUT_MP3; nr_out_format_name(f); f++) lists them all. */
NR_API const char *nr_out_format_name(nr_out_format fmt);

/*
 * Renders the loaded article to path.  A regular file (new or existing) is
 * written to a temporary file in the same directory and renamed into place
 * only on success, so a failure never leaves a partial or truncated file and
 * an existing file stays intact until the new one is complete.  A path that
 * exists and is not a regular file (/dev/null, a FIFO, a terminal) is written
 * directly.
 *
 * NR_OUT_DAISY writes a directory the same way: the fileset is made in a
 * hidden directory beside path and renamed into place whole.  An existing
 * path is replaced only when it is an empty directory or a DAISY fileset
 * (it holds ncc.html and no subdirectory); anything else is refused.
 */
NR_API nr_status nr_render_file(nr_ctx *ctx, const char *path, nr_out_format fmt);
/* Renders to an open descriptor (e.g. 1 for stdout).  A descriptor that can
   seek gets the full MP3 (LAME gapless tag, chapters); a pipe gets MP3 frames
   as they are encoded, with a tag holding only title and author. */
NR_API nr_status nr_render_fd(nr_ctx *ctx, int fd, nr_out_format fmt);

/*
 * Output groups: the audio and its sidecars replace the previous ones
 * together or not at all.  Between nr_outputs_begin and nr_outputs_commit,
 * the files that nr_render_file, nr_write_transcript and
 * nr_write_chapters_json finish stay under their temporary names (a device
 * or FIFO is still written directly); nr_outputs_commit renames them all
 * into place, and should one rename fail, puts back the files it had
 * already replaced.  nr_outputs_discard (also done by a failed commit and
 * by nr_free) removes them, leaving every previous file as it was.  A
 * nr_cancel before the commit fails it with NR_ERR_CANCELLED.
 */
NR_API nr_status nr_outputs_begin(nr_ctx *ctx);
NR_API nr_status nr_outputs_commit(nr_ctx *ctx);
NR_API void nr_outputs_discard(nr_ctx *ctx);

/* ---- timing events and PCM for embedding tools ------------------------- */

typedef enum nr_event_kind {
    NR_EVENT_CHAPTER = 0,   /* a chapter starts (its heading is about to play) */
    NR_EVENT_PARAGRAPH,     /* a paragraph, heading, list item or the intro starts */
    NR_EVENT_SENTENCE       /* a sentence is about to play */
} nr_event_kind;

typedef struct nr_event {
    nr_event_kind kind;
    size_t chapter;          /* chapter index, 0 = the title chapter */
    uint64_t start_ms;       /* where it starts in the audio */
    uint64_t end_ms;         /* sentences: where its speech ends; else = start */
    uint64_t start_sample;   /* start in samples at nr_sample_rate() */
    /* byte range in the input given to nr_load (as decoded to UTF-8: equal
       to the input for UTF-8 without a BOM); SIZE_MAX when the text was
       generated by narrate (the spoken introduction) */
    size_t src_start, src_end;
    const char *text;        /* the sentence/paragraph/chapter title as written, */
    size_t text_len;         /* not NUL-terminated; valid during the call */
} nr_event;

/* Called from the rendering thread, in audio order, before the event's
   audio is handed to the sink.  Return non-zero to cancel the render. */
typedef int (*nr_event_fn)(void *ud, const nr_event *ev);
NR_API nr_status nr_set_events(nr_ctx *ctx, nr_event_fn fn, void *ud);

/* Receives the audio: mono signed 16-bit at nr_sample_rate(), in order.
   Return non-zero to cancel (the render then fails with NR_ERR_CANCELLED). */
typedef int (*nr_pcm_fn)(void *ud, const int16_t *pcm, size_t n);
/* Renders the loaded article to a PCM callback instead of a file. */
NR_API nr_status nr_synthesize(nr_ctx *ctx, nr_pcm_fn pcm, void *ud);

/*
 * A talking book from the last render, without synthesizing again:
 * NR_OUT_EPUB or NR_OUT_DAISY (NR_OUT_AUTO: from path's extension, .epub),
 * holding the MP3 that render wrote to mp3_path (nr_render_file with
 * NR_OUT_MP3; anything else is refused with NR_ERR_STATE).  Written
 * atomically like the audio.  narrate batch uses it to add books beside
 * the episodes.
 */
NR_API nr_status nr_write_book(nr_ctx *ctx, const char *path, nr_out_format fmt,
                               const char *mp3_path);

/* Sidecars from the last render, written atomically like the audio:
   WebVTT (.vtt) or SubRip (.srt) with one cue per sentence as written,
   exact to the sample; Podcasting 2.0 chapters JSON (version 1.2.0). */
NR_API nr_status nr_write_transcript(nr_ctx *ctx, const char *path);
NR_API nr_status nr_write_chapters_json(nr_ctx *ctx, const char *path);

/* Stops a render in progress soon; async-signal-safe. */
NR_API void nr_cancel(nr_ctx *ctx);

/* Results of the last render: duration and chapters (times in ms). */
NR_API uint64_t nr_duration_ms(const nr_ctx *ctx);
NR_API size_t nr_chapter_count(const nr_ctx *ctx);
/* Title (UTF-8, as written) and times of chapter i; NULL when i is out of range. */
NR_API const char *nr_chapter(const nr_ctx *ctx, size_t i,
                       uint64_t *start_ms, uint64_t *end_ms);
/* Sample rate of the selected voice (16000, or 8000 for kal). */
NR_API int nr_sample_rate(const nr_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
