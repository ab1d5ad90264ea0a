/*
 * batch_lanes.c - several articles at once (see batch.h).
 *
 * Within an article the library keeps --jobs workers busy, but its last
 * steps run on one thread: the loudness pass, the encoder's tail, the tag
 * rewrite, the transcript, chapters and sidecar, and for a page the fetch
 * before it.  With short articles those steps are a third of the time, and
 * one core waits through them.  So the batch runs articles on lanes: each
 * lane narrates one article at a time with its own context, and a second
 * lane's synthesis fills the cores while the first finishes.  Memory is
 * bounded by the lanes, each holding one article's pipeline (its ring of
 * --jobs + 2 slots), never by the number of articles.  Every article is
 * narrated exactly as it would be alone (seeds come from positions in the
 * article), so the output is the same bit for bit.
 *
 * The main thread only waits: it reports finished articles, redraws the
 * progress line, and on SIGINT/SIGTERM cancels the renders in progress
 * (nr_cancel is safe from any thread) while lanes take no new article.
 */
#include "batch.h"
#include "cli.h"
#include "signals.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void nb_job_warn(nb_job *j, const char *text)
{
    char **w = realloc(j->warnings, (j->nwarnings + 1) * sizeof *w);
    if (!w)
        return;
    j->warnings = w;
    if ((w[j->nwarnings] = cli_strdup(text)))
        j->nwarnings++;
}

void nb_job_clear(nb_job *j)
{
    for (size_t i = 0; i < j->nwarnings; i++)
        free(j->warnings[i]);
    free(j->warnings);
    free(j->slug);
    free(j->audio);
    j->warnings = NULL;
    j->nwarnings = 0;
    j->slug = j->audio = NULL;
}

/* ---- the progress line ---- */

static uint64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void fmt_dur(char *b, size_t n, uint64_t s)
{
    if (s >= 3600)
        snprintf(b, n, "%u:%02u:%02u", (unsigned)(s / 3600), (unsigned)(s / 60 % 60),
                 (unsigned)(s % 60));
    else
        snprintf(b, n, "%u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
}

struct nb_pool {
    nb_job *jobs;
    size_t n, next;           /* next job to take */
    size_t *finished;         /* indexes in the order jobs finished */
    size_t nfinished, reported;
    int lanes_running;
    int threaded;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    nb_work_fn work;
    void *ud;
    /* the progress line: articles done of total, elapsed, estimate */
    int progress, drawn;
    size_t done;
    uint64_t start_ms, last_ms;
};

/* The estimate assumes the rest take as long as the average so far,
   counting the fractions of the articles in progress.  Redrawn in place
   at most once a second unless forced. */
static void progress_draw(nb_pool *p, double frac, int force)
{
    uint64_t now = mono_ms();
    if (!p->progress || (!force && p->drawn && now - p->last_ms < 1000))
        return;
    p->last_ms = now;
    p->drawn = 1;
    char el[32], left[32];
    uint64_t e = now - p->start_ms;
    double x = (double)p->done + frac;
    fmt_dur(el, sizeof el, e / 1000);
    if (x > 0.01)
        fmt_dur(left, sizeof left,
                (uint64_t)((double)e * ((double)p->n - x) / x / 1000.0 + 0.5));
    else
        snprintf(left, sizeof left, "?");
    fprintf(stderr, "\rnarrate: %zu/%zu articles  %s elapsed  ~%s left   ",
            p->done, p->n, el, left);
    if (p->done == p->n)
        fputc('\n', stderr);
}

void nb_pool_message_break(nb_pool *p)
{
    if (p->progress && p->drawn && p->done < p->n)
        fputc('\n', stderr);
}

/* Sum of the fractions done of the articles being rendered; under mu. */
static double running_fraction(const nb_pool *p)
{
    double f = 0;
    for (size_t i = 0; i < p->next; i++)
        if (p->jobs[i].ctx)
            f += p->jobs[i].fraction;
    return f;
}

/* nr_progress_fn, on the lane: records the fraction for the main thread,
   which draws; with one lane (the calling thread) it draws itself. */
static void on_progress(void *ud, size_t done, size_t total, uint64_t audio_ms)
{
    (void)audio_ms;
    nb_job *j = ud;
    nb_pool *p = j->pool;
    double f = total ? (double)done / (double)total : 0.0;
    if (p->threaded) {
        pthread_mutex_lock(&p->mu);
        j->fraction = f;
        pthread_mutex_unlock(&p->mu);
    } else {
        j->fraction = f;
        progress_draw(p, f, 0);
    }
}

void nb_pool_attach(nb_pool *p, nb_job *j, nr_ctx *ctx)
{
    j->pool = p;
    if (p->threaded) {
        pthread_mutex_lock(&p->mu);
        j->ctx = ctx;
        j->fraction = 0;
        pthread_mutex_unlock(&p->mu);
    } else {
        j->ctx = ctx;
        cli_signal_cancels(ctx);  /* the handler itself cancels */
    }
    nr_set_progress(ctx, on_progress, j);
}

void nb_pool_detach(nb_pool *p, nb_job *j)
{
    if (p->threaded) {
        pthread_mutex_lock(&p->mu);
        j->ctx = NULL;
        pthread_mutex_unlock(&p->mu);
    } else {
        cli_signal_cancels(NULL);
        j->ctx = NULL;
    }
}

/* ---- the lanes ---- */

static void *lane_main(void *arg)
{
    nb_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (p->next < p->n && !cli_caught_signal) {
        nb_job *j = &p->jobs[p->next++];
        j->ran = 1;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ud, p, j);
        pthread_mutex_lock(&p->mu);
        p->finished[p->nfinished++] = (size_t)(j - p->jobs);
        pthread_cond_signal(&p->cv);
    }
    p->lanes_running--;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void run_inline(nb_pool *p, nb_done_fn done)
{
    for (size_t i = 0; i < p->n && !cli_caught_signal; i++) {
        nb_job *j = &p->jobs[i];
        j->ran = 1;
        p->next = i + 1;
        p->work(p->ud, p, j);
        p->done++;
        done(p->ud, p, j);
        if (!cli_caught_signal)
            progress_draw(p, 0.0, 1);
    }
}

/* The main thread's loop: finished jobs are reported outside the lock; a
   pending signal cancels every render in progress on each wake-up (a
   render that started after the signal resets its context, so once is
   not enough). */
static void wait_lanes(nb_pool *p, nb_done_fn done)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->reported < p->nfinished) {
            nb_job *j = &p->jobs[p->finished[p->reported++]];
            pthread_mutex_unlock(&p->mu);
            p->done++;
            done(p->ud, p, j);
            pthread_mutex_lock(&p->mu);
            if (!cli_caught_signal)
                progress_draw(p, running_fraction(p), 1);
        }
        if (p->lanes_running == 0)
            break;
        if (cli_caught_signal)
            for (size_t i = 0; i < p->next; i++)
                if (p->jobs[i].ctx)
                    nr_cancel(p->jobs[i].ctx);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 100 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&p->cv, &p->mu, &ts);
        if (!cli_caught_signal)
            progress_draw(p, running_fraction(p), 0);
    }
    pthread_mutex_unlock(&p->mu);
}

void nb_pool_run(nb_job *jobs, size_t n, int lanes, int progress,
                 nb_work_fn work, nb_done_fn done, void *ud)
{
    nb_pool p;
    memset(&p, 0, sizeof p);
    p.jobs = jobs;
    p.n = n;
    p.work = work;
    p.ud = ud;
    p.progress = progress;
    p.start_ms = mono_ms();
    if (progress && n)
        progress_draw(&p, 0.0, 1);
    if ((size_t)lanes > n)
        lanes = (int)n;
    p.finished = lanes > 1 ? malloc(n * sizeof *p.finished) : NULL;
    if (lanes <= 1 || !p.finished) {
        run_inline(&p, done);
        return;
    }
    p.threaded = 1;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    pthread_t th[64];
    if (lanes > 64)
        lanes = 64;
    pthread_mutex_lock(&p.mu);
    for (int i = 0; i < lanes; i++)
        if (pthread_create(&th[p.lanes_running], NULL, lane_main, &p) == 0)
            p.lanes_running++;
    int started = p.lanes_running;
    pthread_mutex_unlock(&p.mu);
    if (started == 0) {  /* no thread to be had: the calling thread works */
        p.threaded = 0;
        run_inline(&p, done);
    } else {
        wait_lanes(&p, done);
        for (int i = 0; i < started; i++)
            pthread_join(th[i], NULL);
    }
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    free(p.finished);
}
