/*
 * render.c - the audio pipeline: workers synthesize items in parallel, the
 * calling thread stitches and encodes them strictly in order.
 *
 *   items --(next_take)--> workers: normalize + Flite + trim --> ring slots
 *   ring slots --(next_consume, in order)--> stitcher --> sink (encoder)
 *
 * The ring has a fixed number of slots, so at most that many items' PCM is
 * in memory whatever the article's length: a worker may take item i only
 * when i < next_consume + nslots.  Every item's seeds come from its position
 * in the plan, never from which worker ran it, so the output is
 * bit-identical for every number of workers.
 */
#include "nr_private.h"
#include "stitch.h"
#include "synth.h"
#include "audio/formats.h"
#include "audio/sink.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct sentence_audio {
    nr_pcm pcm;        /* trimmed copy */
    size_t start, end; /* written text range inside the segment */
} sentence_audio;

typedef struct item_result {
    int ready;
    nr_status st;
    sentence_audio *s;
    size_t n, cap;
} item_result;

typedef struct pipeline {
    nr_ctx *ctx;
    nr_voice *voice;
    int guarded;
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done;
    size_t next_take, next_consume;
    size_t nslots;
    item_result *slots;
    int stop;
    nr_sink_error sink_err;  /* the sink's words when it fails */
} pipeline;

static void result_clear(item_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->s[i].pcm.samples);
    free(r->s);
    memset(r, 0, sizeof *r);
}

static uint32_t item_seed(size_t item, size_t sentence)
{
    /* any fixed mix of the position will do; this is FNV-1a over both */
    uint32_t h = 2166136261u;
    uint64_t v[2] = {item, sentence};
    const unsigned char *p = (const unsigned char *)v;
    for (size_t i = 0; i < sizeof v; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

static int add_phones(void *voice, const char *word, const char *phones)
{
    (void)nr_voice_add_phones(voice, word, phones);
    return 0;
}

typedef struct synth_job {
    pipeline *pl;
    size_t item;
    const nr_segment *seg;
    size_t base;       /* offset of the item inside the segment's text */
    nr_buf spoken;
    item_result *res;
    size_t nsent;
    nr_status st;
} synth_job;

static int synth_sentence(void *ud, size_t start, size_t end)
{
    synth_job *j = ud;
    nr_ctx *ctx = j->pl->ctx;
    if (atomic_load(&ctx->cancelled)) {
        j->st = NR_ERR_CANCELLED;
        return 1;
    }
    nr_buf_reset(&j->spoken);
    if (nr_norm_text(ctx->norm, j->seg->text + j->base + start, end - start,
                     &j->spoken) != 0) {
        j->st = NR_ERR_NOMEM;
        return 1;
    }
    size_t sidx = j->nsent++;
    if (j->spoken.len == 0)
        return 0;  /* nothing to say (e.g. only punctuation) */

    nr_pcm pcm;
    nr_synth_status ss = nr_synth(j->pl->voice, j->spoken.data,
                                  item_seed(j->item, sidx), j->pl->guarded, &pcm);
    if (ss != NR_SYNTH_OK) {
        j->st = ss == NR_SYNTH_NOMEM ? NR_ERR_NOMEM : NR_ERR_SYNTH;
        return 1;
    }
    size_t first, n;
    nr_trim_silence(pcm.samples, pcm.n, &first, &n, nr_voice_rate(j->pl->voice));
    if (n == 0) {
        free(pcm.samples);
        return 0;
    }
    if (first)
        memmove(pcm.samples, pcm.samples + first, n * sizeof *pcm.samples);
    pcm.n = n;

    item_result *r = j->res;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        sentence_audio *s = realloc(r->s, cap * sizeof *s);
        if (!s) {
            free(pcm.samples);
            j->st = NR_ERR_NOMEM;
            return 1;
        }
        r->s = s;
        r->cap = cap;
    }
    r->s[r->n].pcm = pcm;
    r->s[r->n].start = j->base + start;
    r->s[r->n].end = j->base + end;
    r->n++;
    return 0;
}

static void synth_item(pipeline *pl, size_t i, item_result *out)
{
    const nr_item *it = &pl->ctx->plan.items[i];
    synth_job j = {0};
    j.pl = pl;
    j.item = i;
    j.seg = &pl->ctx->plan.segments[it->segment];
    j.base = it->start;
    j.res = out;
    nr_buf_init(&j.spoken, (size_t)1 << 26);
    nr_split_sentences(j.seg->text + it->start, it->end - it->start,
                       synth_sentence, &j);
    nr_buf_free(&j.spoken);
    out->st = j.st;
}

static void *worker_main(void *arg)
{
    pipeline *pl = arg;
    pthread_mutex_lock(&pl->mu);
    for (;;) {
        if (pl->stop || pl->next_take >= pl->ctx->plan.nitems)
            break;
        if (pl->next_take >= pl->next_consume + pl->nslots) {
            pthread_cond_wait(&pl->cv_work, &pl->mu);
            continue;
        }
        size_t i = pl->next_take++;
        pthread_mutex_unlock(&pl->mu);

        item_result r = {0};
        synth_item(pl, i, &r);

        pthread_mutex_lock(&pl->mu);
        r.ready = 1;
        pl->slots[i % pl->nslots] = r;
        pthread_cond_broadcast(&pl->cv_done);
    }
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

static int online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 64 ? 64 : n) : 1;
}

/* The one path from a sink's failure to nr_errmsg (sink.h, "Errors"): rc
   is what write() or finish() returned, or 0 when a constructor returned
   NULL.  The sink's own words win; else errno's, with the file named. */
static nr_status sink_failed(nr_ctx *ctx, int rc, const nr_sink_error *e, const char *what)
{
    int err = errno;
    const char *name = ctx->out_name ? ctx->out_name : "standard output";
    nr_status st = rc == 0 && err == EINVAL ? NR_ERR_ARG : NR_ERR_OUTPUT;
    if (e->msg[0])
        return nr_fail(ctx, st, "cannot write '%s': %s", name, e->msg);
    if (rc == 0 && err == ENOMEM)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    if (st == NR_ERR_ARG)
        return nr_fail(ctx, st, "the encoder rejected the settings (bitrate %d at %d Hz)",
                       ctx->bitrate, ctx->sample_rate);
    if (rc == -2)
        return nr_fail(ctx, st, "the encoder failed while %s", what);
    if (err == EPIPE)
        return nr_fail(ctx, NR_ERR_CLOSED, "output closed by its reader");
    return nr_fail(ctx, st, "cannot write '%s': %s", name, strerror(err));
}

/* ---- events and cues ---------------------------------------------------- */

static size_t src_of(const nr_segment *u, size_t off)
{
    return u->src_map ? nr_srcmap_at(u->src_map, off) : SIZE_MAX;
}

static int emit(nr_ctx *ctx, nr_event_kind kind, const nr_segment *u, size_t start,
                size_t end, const nr_stitcher *stc, uint64_t nsamples)
{
    if (!ctx->event_fn)
        return 0;
    nr_event ev = {0};
    ev.kind = kind;
    ev.chapter = u->chapter;
    ev.start_sample = stc->pos;
    ev.start_ms = nr_stitch_ms(stc, stc->pos);
    ev.end_ms = nr_stitch_ms(stc, stc->pos + nsamples);
    ev.src_start = src_of(u, start);
    /* the end is one past the last byte of the range */
    ev.src_end = end > start && u->src_map ? nr_srcmap_at(u->src_map, end - 1) + 1
                                           : ev.src_start;
    ev.text = u->text + start;
    ev.text_len = end - start;
    if (kind == NR_EVENT_CHAPTER) {
        ev.text = ctx->plan.chapter_titles[u->chapter];
        ev.text_len = strlen(ev.text);
    }
    return ctx->event_fn(ctx->event_ud, &ev);
}

static int record_cue(nr_ctx *ctx, const nr_stitcher *stc, uint32_t segment,
                      const sentence_audio *sa)
{
    if (ctx->ncues == ctx->cues_cap) {
        size_t cap = ctx->cues_cap ? ctx->cues_cap * 2 : 256;
        nr_cue_rec *c = realloc(ctx->cues, cap * sizeof *c);
        if (!c)
            return -1;
        ctx->cues = c;
        ctx->cues_cap = cap;
    }
    nr_cue_rec *c = &ctx->cues[ctx->ncues++];
    c->start_ms = nr_stitch_ms(stc, stc->pos);
    c->end_ms = nr_stitch_ms(stc, stc->pos + sa->pcm.n);
    c->segment = segment;
    c->start = sa->start;
    c->end = sa->end;
    return 0;
}

/* The stitcher loop: consumes items in order.  Runs on the calling thread. */
static nr_status consume(pipeline *pl, nr_stitcher *stc, nr_chapter_time *ch)
{
    nr_ctx *ctx = pl->ctx;
    const nr_plan *p = &ctx->plan;
    for (size_t i = 0; i < p->nitems; i++) {
        pthread_mutex_lock(&pl->mu);
        item_result *slot = &pl->slots[i % pl->nslots];
        while (!slot->ready)
            pthread_cond_wait(&pl->cv_done, &pl->mu);
        item_result r = *slot;
        memset(slot, 0, sizeof *slot);
        pl->next_consume = i + 1;
        pthread_cond_broadcast(&pl->cv_work);
        pthread_mutex_unlock(&pl->mu);

        nr_status st = r.st;
        if (st == NR_OK && atomic_load(&ctx->cancelled))
            st = NR_ERR_CANCELLED;
        const nr_item *it = &p->items[i];
        const nr_segment *u = &p->segments[it->segment];
        int rc = 0, stop = 0;
        if (st == NR_OK && it->first) {
            rc = nr_stitch_segment(stc, u->kind, u->opens_chapter);
            if (rc == 0 && u->opens_chapter) {
                ch[u->chapter].start_ms = nr_stitch_ms(stc, stc->pos);
                stop = emit(ctx, NR_EVENT_CHAPTER, u, 0, 0, stc, 0);
            }
            if (rc == 0 && !stop)
                stop = emit(ctx, NR_EVENT_PARAGRAPH, u, 0, u->len, stc, 0);
        }
        for (size_t k = 0; st == NR_OK && rc == 0 && !stop && k < r.n; k++) {
            rc = nr_stitch_sentence(stc, it->first && k == 0);
            if (rc)
                break;
            if (record_cue(ctx, stc, it->segment, &r.s[k]) != 0) {
                st = NR_ERR_NOMEM;
                break;
            }
            stop = emit(ctx, NR_EVENT_SENTENCE, u, r.s[k].start, r.s[k].end, stc,
                        r.s[k].pcm.n);
            if (!stop)
                rc = nr_stitch_audio(stc, r.s[k].pcm.samples, r.s[k].pcm.n);
        }
        if (stop && st == NR_OK)
            st = NR_ERR_CANCELLED;
        result_clear(&r);
        if (rc == -3)
            st = NR_ERR_CANCELLED;  /* the PCM callback asked to stop */
        else if (rc != 0)
            st = sink_failed(ctx, rc, &pl->sink_err, "encoding");
        if (st != NR_OK) {
            if (st == NR_ERR_NOMEM)
                nr_fail(ctx, st, "out of memory during synthesis");
            else if (st == NR_ERR_SYNTH)
                nr_fail(ctx, st, "Flite failed on the text of paragraph %zu", (size_t)it->segment);
            else if (st == NR_ERR_CANCELLED)
                nr_fail(ctx, st, "cancelled");
            return st;
        }
        if (ctx->progress)
            ctx->progress(ctx->progress_ud, i + 1, p->nitems, nr_stitch_ms(stc, stc->pos));
    }
    if (!stc->started)
        return nr_fail(ctx, NR_ERR_EMPTY, "the article produced no speech");
    int rc = nr_stitch_end(stc);
    if (rc == -3)
        return nr_fail(ctx, NR_ERR_CANCELLED, "cancelled");
    return rc ? sink_failed(ctx, rc, &pl->sink_err, "encoding") : NR_OK;
}

/* ---- the nr_synthesize() sink: PCM to the caller's callback --------------- */

typedef struct callback_sink {
    nr_sink base;
    nr_ctx *ctx;
} callback_sink;

static int cb_write(nr_sink *s, const int16_t *pcm, size_t n)
{
    nr_ctx *ctx = ((callback_sink *)s)->ctx;
    return ctx->pcm_fn(ctx->pcm_ud, pcm, n) ? -3 : 0;
}

static int cb_finish(nr_sink *s, const nr_sink_meta *m, uint64_t dur)
{
    (void)s;
    (void)m;
    (void)dur;
    return 0;
}

static void cb_destroy(nr_sink *s)
{
    free(s);
}

static nr_sink *callback_sink_new(const nr_sink_opts *o)
{
    nr_ctx *ctx = o->ud;
    callback_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = cb_write;
    s->base.finish = cb_finish;
    s->base.destroy = cb_destroy;
    s->ctx = ctx;
    return &s->base;
}

static const nr_format callback_format = {
    NR_OUT_CALLBACK, NULL, {NULL}, callback_sink_new, NR_TAGS_NONE, 0, 0
};

nr_status nr_synthesize(nr_ctx *ctx, nr_pcm_fn pcm, void *ud)
{
    if (!pcm)
        return nr_fail(ctx, NR_ERR_ARG, "no PCM callback");
    ctx->pcm_fn = pcm;
    ctx->pcm_ud = ud;
    nr_status s = nr_render_to(ctx, -1, 0, NR_OUT_CALLBACK);
    ctx->pcm_fn = NULL;
    ctx->pcm_ud = NULL;
    return s;
}

nr_status nr_set_events(nr_ctx *ctx, nr_event_fn fn, void *ud)
{
    ctx->event_fn = fn;
    ctx->event_ud = ud;
    return NR_OK;
}

/* Seconds of audio measured before a file's loudness gain is chosen and
   encoding starts beside synthesis (sink_loudness.c).  Over the first two
   minutes Flite's level settles to within 0.1 LU of a whole article's
   (measured on the seed and the bench text, five voices); a shorter episode
   is measured whole first, which costs little at that length. */
#define LOUDNESS_PROBE_S 120.0

/* Gain (dB) that brings a voice's speech to target_lufs when nothing can be
   measured first (pipes, callbacks): the built-in voices' calibration, none
   for a voice file. */
static double stream_gain(const char *voice, double target_lufs)
{
    const nr_builtin_voice *v = nr_builtin_voice_find(voice);
    return (v ? v->gain_16 : 0.0) + (target_lufs + 16.0);
}

static void meta_year(const char *iso, char year[5], char ddmm[5])
{
    year[0] = ddmm[0] = '\0';
    if (!iso || strlen(iso) < 4)
        return;
    memcpy(year, iso, 4);
    year[4] = '\0';
    if (strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-') {
        ddmm[0] = iso[8];
        ddmm[1] = iso[9];
        ddmm[2] = iso[5];
        ddmm[3] = iso[6];
        ddmm[4] = '\0';
    }
}

nr_status nr_render_to(nr_ctx *ctx, int fd, int seekable, nr_out_format fmt)
{
    if (!ctx->article)
        return nr_fail(ctx, NR_ERR_STATE, "no article loaded");
    const nr_format *book = nr_format_get(fmt);
    if (book && book->book)   /* nr_render_file writes them (book.c) */
        return nr_fail(ctx, NR_ERR_ARG, "%s is written to a file name, not to a "
                       "descriptor or standard output",
                       fmt == NR_OUT_EPUB ? "an EPUB book" : "a DAISY book");
    atomic_store(&ctx->cancelled, 0);
    ctx->audio_file.set = 0;
    free(ctx->chapter_times);
    ctx->chapter_times = NULL;
    ctx->duration_ms = 0;
    ctx->ncues = 0;

    const nr_plan *p = &ctx->plan;
    nr_status st = NR_OK;
    nr_sink *sink = NULL;
    nr_sink_chapter *sch = calloc(p->nchapters, sizeof *sch);
    nr_chapter_time *ch = calloc(p->nchapters, sizeof *ch);
    pipeline pl = {0};
    pthread_t *th = NULL;
    size_t nth = 0;
    if (!sch || !ch) {
        st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
        goto out;
    }

    pl.ctx = ctx;
    pl.voice = nr_voice_load(ctx->voice_name, ctx->rate);
    if (!pl.voice) {
        st = nr_fail(ctx, NR_ERR_VOICE, "cannot load voice '%s' (not a Flite voice?)", ctx->voice_name);
        goto out;
    }
    ctx->sample_rate = nr_voice_rate(pl.voice);
    /* lexicon words given as phones; one the voice cannot say (a phone not
       in its set) is left to Flite's own rules */
    (void)nr_norm_each_phones(ctx->norm, add_phones, pl.voice);

    const nr_article *a = ctx->article;
    char year[5], ddmm[5];
    meta_year(ctx->meta[NR_META_DATE] ? ctx->meta[NR_META_DATE] : a->date_iso, year, ddmm);
    for (size_t i = 0; i < p->nchapters; i++)
        sch[i].title = p->chapter_titles[i];
    char software[32];
    snprintf(software, sizeof software, "narrate %s", nr_version());
    nr_sink_meta meta = {
        .title = p->chapter_titles[0],
        .artist = ctx->meta[NR_META_AUTHOR] ? ctx->meta[NR_META_AUTHOR] : a->byline,
        .album = ctx->meta[NR_META_ALBUM],
        .year = year[0] ? year : NULL,
        .date_ddmm = ddmm[0] ? ddmm : NULL,
        .comment = a->subtitle,
        .software = software,
        .chapters = sch,
        .nchapters = p->nchapters,
        .cover = ctx->cover,
        .cover_len = ctx->cover_len,
        .cover_mime = ctx->cover_mime,
        .cover_w = ctx->cover_w,
        .cover_h = ctx->cover_h,
    };
    nr_sink_opts so = {.fd = fd, .seekable = seekable, .rate = ctx->sample_rate,
                       .bitrate = ctx->bitrate, .out_rate = ctx->out_rate,
                       .meta = &meta, .error = &pl.sink_err, .ud = ctx,
                       .cancelled = &ctx->cancelled};
    errno = 0;
    /* a value outside the enum is written as MP3, like NR_OUT_AUTO */
    const nr_format *f = fmt == NR_OUT_CALLBACK ? &callback_format : nr_format_get(fmt);
    if (!f)
        f = nr_format_get(NR_OUT_MP3);
    nr_sink_ctor make = f->make;
    /* containers with tags in the header need the chapter times first */
    int header_tags = f->tags == NR_TAGS_IN_HEADER;
    /* say so now, not after hours of synthesis, when FFmpeg is missing */
    const char *why = f->ffmpeg ? nr_sink_av_unavailable() : NULL;
    if (why) {
        st = nr_fail(ctx, NR_ERR_OUTPUT, "FLAC, Ogg, Opus and M4B output need FFmpeg: %s", why);
        goto out;
    }
    if (ctx->loudness_on || (header_tags && seekable)) {
        nr_loudness_opts lo = {
            .target_lufs = ctx->loudness_on ? ctx->loudness_target : 0,
            .normalize = ctx->loudness_on,
            .spool = seekable && fmt != NR_OUT_CALLBACK,
            .early = !header_tags,
            .probe_s = LOUDNESS_PROBE_S,
            .stream_gain_db = stream_gain(ctx->voice_name, ctx->loudness_target),
        };
        sink = nr_sink_loudness_new(make, &so, &lo, &ctx->loudness);
    } else
        sink = make(&so);
    if (!sink) {
        st = sink_failed(ctx, 0, &pl.sink_err, "starting");
        goto out;
    }

    int jobs = ctx->jobs ? ctx->jobs : online_cpus();
    pl.guarded = jobs == 1;
    pl.nslots = (size_t)jobs + 2;
    pl.slots = calloc(pl.nslots, sizeof *pl.slots);
    th = calloc((size_t)jobs, sizeof *th);
    if (!pl.slots || !th) {
        st = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
        goto out;
    }
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.cv_work, NULL);
    pthread_cond_init(&pl.cv_done, NULL);
    for (; nth < (size_t)jobs; nth++)
        if (pthread_create(&th[nth], NULL, worker_main, &pl) != 0)
            break;
    if (nth == 0) {
        st = nr_fail(ctx, NR_ERR_NOMEM, "cannot start a synthesis thread");
    } else {
        nr_stitcher stc = {.sink = sink, .rate = ctx->sample_rate, .speed = ctx->rate};
        st = consume(&pl, &stc, ch);
        /* stop the workers whatever happened, then wait for them */
        pthread_mutex_lock(&pl.mu);
        pl.stop = 1;
        pthread_cond_broadcast(&pl.cv_work);
        pthread_mutex_unlock(&pl.mu);
        for (size_t i = 0; i < nth; i++)
            pthread_join(th[i], NULL);
        nth = 0;
        if (st == NR_OK) {
            uint64_t dur = nr_stitch_ms(&stc, stc.pos);
            for (size_t i = 0; i < p->nchapters; i++) {
                ch[i].end_ms = i + 1 < p->nchapters ? ch[i + 1].start_ms : dur;
                sch[i].start_ms = ch[i].start_ms;
                sch[i].end_ms = ch[i].end_ms;
            }
            errno = 0;
            int rc = sink->finish(sink, &meta, dur);
            if (rc == -3)
                st = nr_fail(ctx, NR_ERR_CANCELLED, "cancelled");
            else if (rc)
                st = sink_failed(ctx, rc, &pl.sink_err, "finishing");
            else {
                ctx->duration_ms = dur;
                ctx->chapter_times = ch;
                ch = NULL;
            }
        }
    }
    pthread_mutex_destroy(&pl.mu);
    pthread_cond_destroy(&pl.cv_work);
    pthread_cond_destroy(&pl.cv_done);

out:
    if (pl.slots) {
        for (size_t i = 0; i < pl.nslots; i++)
            result_clear(&pl.slots[i]);
        free(pl.slots);
    }
    free(th);
    if (sink)
        sink->destroy(sink);
    nr_voice_free(pl.voice);
    free(sch);
    free(ch);
    return st;
}
