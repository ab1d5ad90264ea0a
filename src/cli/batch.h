/*
 * batch.h - what the files of `narrate batch` share: the pool of lanes
 * that narrates several articles at once (batch_lanes.c) and the record
 * of one article's work (nb_job), filled on a lane and read by the main
 * thread when the article is done.
 *
 * Internal to the narrate command.
 */
#ifndef NB_BATCH_H
#define NB_BATCH_H

#include "narrate.h"
#include "source.h"

struct nb_episode;
struct nb_fetch_opts;
struct nb_fetched;

#include <stddef.h>
#include <stdint.h>

/* One article of the run.  The lane that takes it fills the results; the
   main thread reads them only once the job is done. */
typedef struct nb_job {
    const nb_item *item;
    /* results */
    const char *status;       /* "synthesized", "reused"; NULL: failed */
    char err[1024];
    char **warnings;
    size_t nwarnings;
    int loudness_known;
    double lufs_in, gain_db, lufs_out;
    char *slug, *audio;
    uint64_t duration_ms, elapsed_ms;
    int ran;                  /* taken by a lane (not skipped by a signal) */
    /* live state, under the pool's lock */
    struct nb_pool *pool;
    nr_ctx *ctx;              /* while rendering: what a signal cancels */
    double fraction;          /* of its rendering done, for the progress line */
} nb_job;

/* Adds a warning to the job (copied); ignored when out of memory. */
void nb_job_warn(nb_job *j, const char *text);
/* Frees the results. */
void nb_job_clear(nb_job *j);

typedef struct nb_pool nb_pool;

/* What runs on a lane: narrates j.  ud is nb_pool_run's. */
typedef void (*nb_work_fn)(void *ud, nb_pool *p, nb_job *j);
/* What the main thread does with each finished job, in the order they
   finish. */
typedef void (*nb_done_fn)(void *ud, nb_pool *p, nb_job *j);

/* Runs work over jobs[0..n) on `lanes` threads (1: on the calling thread,
   one article after another), calling done for each as it finishes.
   Stops taking new jobs after SIGINT/SIGTERM and cancels the renders in
   progress.  progress: draw the progress line on stderr. */
void nb_pool_run(nb_job *jobs, size_t n, int lanes, int progress,
                 nb_work_fn work, nb_done_fn done, void *ud);

/* A lane's context while it renders: cancelled by a signal, its progress
   drawn.  Detach before freeing the context. */
void nb_pool_attach(nb_pool *p, nb_job *j, nr_ctx *ctx);
void nb_pool_detach(nb_pool *p, nb_job *j);

/* Clears the progress line before a message (no-op without one). */
void nb_pool_message_break(nb_pool *p);

/* ---- an article's input (batch_input.c) ---- */

/* What reading an article needs to know of the run. */
typedef struct nb_input {
    const char *in_dir;             /* the folder, for files */
    const char *out_dir;
    const char *opts_key;           /* today's audio settings (episode.h) */
    const struct nb_fetch_opts *fetch;
    int follow_symlinks;            /* articles may be symbolic links */
} nb_input;

/* The article's bytes: its file, or its page, fetched conditionally when
   old (may be NULL) is intact and made with today's audio settings, so an
   unchanged page is neither fetched nor narrated again.  *kind is the name
   the reader is chosen by; a page's bytes belong to f.  Returns 0, 1 for
   "not modified" (nothing read), or -1 with the reason in err. */
int nb_read_article(const nb_input *in, const nb_item *it,
                    const struct nb_episode *old, struct nb_fetched *f,
                    char **data, size_t *len, const char **kind,
                    char *err, size_t errlen);
/* The episode's files are all there as recorded (MP3 of its size,
   chapters, transcript). */
int nb_episode_intact(const char *out_dir, const struct nb_episode *ep);
/* ep = old with the item's date and description: a page unchanged since
   (304).  0, or -1 out of memory. */
int nb_keep_unchanged(const nb_item *it, const struct nb_episode *old,
                      struct nb_episode *ep);
/* The feed item's pubDate and description, where it has them, win. */
void nb_apply_item_meta(const nb_item *it, struct nb_episode *ep);
/* A title for an article that has none: the item's, else the file name
   or the URL's last segment without extension.  malloc'd. */
char *nb_fallback_title(const nb_item *it);
/* Cuts a description to Apple's 4000 bytes at a character boundary. */
void nb_clip_description(char *d);
/* Size of the regular file dir/name: 0, or -1 when it is not one. */
int nb_file_size(const char *dir, const char *name, uint64_t *size);

#endif
