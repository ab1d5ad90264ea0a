/*
 * sink_loudness.c - EBU R128 loudness normalization as a sink wrapper.
 *
 * Flite's voices differ by up to 13 LU (slt about -16 LUFS, kal16 about -29),
 * and podcast platforms expect about -16 LUFS with peaks under -1 dBTP.  The
 * wrapper applies one gain to the whole episode (per-sentence normalization
 * would make the level jump), with a look-ahead limiter (limiter.h) for the
 * few peaks the gain pushes too high.
 *
 * Modes, chosen by the caller:
 *  - spool (files): PCM also goes to an unlinked temporary file, so memory
 *    stays flat however long the episode (disk: 32 KB per second of 16 kHz
 *    audio) and any gain can be applied again from the start.
 *      - speculative (sinks whose header is rewritten at finish: MP3, WAV):
 *        after probe_s seconds the gain is chosen from what was measured so
 *        far, the spool is replayed into the real sink and encoding goes on
 *        beside synthesis, the output measured as it leaves.  Flite's level
 *        is steady, so at the end the result is almost always within
 *        TOLERANCE_LU of the target and the file is done; if not, the output
 *        is truncated and encoded again from the spool with the exact gain.
 *        This keeps the encoder off the critical path (it was a fifth of the
 *        wall time when it ran after synthesis).
 *      - measure first (short episodes, and containers that need chapter
 *        times in their header): at finish the gain is computed, and when
 *        the limiter has work to do its effect is measured too and the gain
 *        corrected; then the spool is replayed through gain and limiter into
 *        the real sink, created only then.
 *  - stream (pipes, callbacks): nothing can be measured before the first
 *    byte leaves, so a gain calibrated per voice (measured on speech, see
 *    docs/DESIGN.md) is applied on the fly; the result is measured for the
 *    report.
 */
#include "audio/sink.h"
#include "audio/limiter.h"

#include <ebur128.h>
#include <fcntl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 8192
/* True-peak ceiling of the limiter: 1.5 dB of room for the MP3 codec's own
   overshoot, so the encoded file stays under -1 dBTP. */
#define CEILING_DBFS (-2.5)
#define TP_LIMIT_DBTP (-2.5)
/* How far a speculative encoding may land from the target and be kept: a
   quarter of the +-1 LU that loudness recommendations allow. */
#define TOLERANCE_LU 0.25

typedef struct loud_sink {
    nr_sink base;
    nr_sink_ctor make;
    nr_sink_opts opts;
    nr_loudness_opts lo;
    nr_sink *inner;
    nr_loudness *res;
    int spool_fd;          /* -1 in stream mode */
    off_t out_start;       /* where the inner sink's bytes begin in opts.fd */
    ebur128_state *meter;  /* the input; the output once streaming */
    int peak;              /* largest |sample| spooled */
    nr_limiter *lim;       /* while streaming: stream mode or speculating */
    int speculating;       /* inner fed at spec_gain while the spool grows */
    double spec_gain;
    uint64_t spooled;      /* samples in the spool */
    uint64_t probe_end;    /* spooled count at which to choose the gain */
    int16_t *buf;
} loud_sink;

static ebur128_state *new_meter(int rate)
{
    /* histogram mode: fixed memory however long the episode */
    return ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
}

/* Measures (m may be NULL) and passes on (inner may be NULL) k samples. */
static int emit(ebur128_state *m, nr_sink *inner, const int16_t *buf, size_t k)
{
    if (!k)
        return 0;
    if (m && ebur128_add_frames_short(m, buf, k) != EBUR128_SUCCESS) {
        errno = ENOMEM;
        return -1;
    }
    return inner ? inner->write(inner, buf, k) : 0;
}

/* Gain, limiter, output meter and inner sink, for n samples */
static int stream_out(loud_sink *s, const int16_t *pcm, size_t n)
{
    for (size_t off = 0; off < n; off += BLOCK) {
        size_t k = n - off < BLOCK ? n - off : BLOCK;
        int rc = emit(s->meter, s->inner, s->buf, nr_limiter_run(s->lim, pcm + off, k, s->buf));
        if (rc)
            return rc;
    }
    return 0;
}

static int replay_spool(loud_sink *s, nr_limiter *lim, ebur128_state *m, nr_sink *inner);

/* Chooses the gain from the probe and starts the real sink with what the
   spool holds; 0 also when the probe was silent (it listens for another
   probe_s seconds: a guess from a few blocks of sound would often miss). */
static int start_speculating(loud_sink *s)
{
    double lufs;
    if (ebur128_loudness_global(s->meter, &lufs) != EBUR128_SUCCESS || !isfinite(lufs)) {
        s->probe_end += (uint64_t)(s->lo.probe_s * s->opts.rate);  /* probe again */
        return 0;
    }
    s->spec_gain = s->lo.target_lufs - lufs;
    ebur128_destroy(&s->meter);
    s->meter = new_meter(s->opts.rate);
    s->lim = nr_limiter_new(s->opts.rate, s->spec_gain, CEILING_DBFS);
    if (!s->meter || !s->lim) {
        errno = ENOMEM;
        return -1;
    }
    s->inner = s->make(&s->opts);
    if (!s->inner)
        return -1;
    s->speculating = 1;
    return replay_spool(s, s->lim, s->meter, s->inner);
}

static int loud_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    loud_sink *s = (loud_sink *)base;
    if (s->spool_fd < 0)
        return stream_out(s, pcm, n);
    for (size_t i = 0; i < n; i++) {
        int a = pcm[i] < 0 ? -pcm[i] : pcm[i];
        if (a > s->peak)
            s->peak = a;
    }
    if (nr_write_all(s->spool_fd, pcm, n * sizeof *pcm) != 0)
        return -1;
    s->spooled += n;
    if (s->speculating)
        return stream_out(s, pcm, n);
    if (s->lo.normalize && ebur128_add_frames_short(s->meter, pcm, n) != EBUR128_SUCCESS) {
        errno = ENOMEM;
        return -1;
    }
    if (s->lo.normalize && s->lo.early && s->lo.probe_s > 0 && s->spooled >= s->probe_end)
        return start_speculating(s);
    return 0;
}

/* Feeds the whole spool through lim into m and inner (either may be NULL);
   lim is not flushed.  Leaves the spool's offset at its end, where the next
   write appends. */
static int replay_spool(loud_sink *s, nr_limiter *lim, ebur128_state *m, nr_sink *inner)
{
    if (lseek(s->spool_fd, 0, SEEK_SET) != 0)
        return -1;
    int16_t *in = malloc(BLOCK * sizeof *in);
    if (!in) {
        errno = ENOMEM;
        return -1;
    }
    int rc = 0;
    for (;;) {
        /* the passes after synthesis take seconds for an hour of audio:
           a signal must not wait for them */
        if (s->opts.cancelled && atomic_load(s->opts.cancelled)) {
            rc = -3;
            break;
        }
        ssize_t got = read(s->spool_fd, in, BLOCK * sizeof *in);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            rc = got < 0 ? -1 : 0;
            break;
        }
        size_t n = (size_t)got / sizeof *in;
        rc = emit(m, inner, s->buf, nr_limiter_run(lim, in, n, s->buf));
        if (rc)
            break;
    }
    free(in);
    return rc;
}

/* No ceiling: the limiter passes everything through */
#define NO_CEILING 100.0

/* Replays the spool through gain + limiter into inner (NULL: measure only,
   *lufs receives the loudness of the result). */
static int replay(loud_sink *s, double gain_db, double ceiling, nr_sink *inner, double *lufs)
{
    nr_limiter *lim = nr_limiter_new(s->opts.rate, gain_db, ceiling);
    ebur128_state *m = lufs ? new_meter(s->opts.rate) : NULL;
    int rc = 0;
    if (!lim || (lufs && !m)) {
        errno = ENOMEM;
        rc = -1;
    }
    if (rc == 0)
        rc = replay_spool(s, lim, m, inner);
    if (rc == 0)
        rc = emit(m, inner, s->buf, nr_limiter_flush(lim, s->buf));
    if (rc == 0 && m && ebur128_loudness_global(m, lufs) != EBUR128_SUCCESS)
        *lufs = -HUGE_VAL;
    if (m)
        ebur128_destroy(&m);
    nr_limiter_free(lim);
    return rc;
}

/* Ends a speculative encoding: 1 when it landed near the target and was
   finished, 0 when it was thrown away (output truncated) with *lufs the
   input loudness it implies, or the sink's error (-1 with errno, -2 for
   the encoder). */
static int end_speculation(loud_sink *s, const nr_sink_meta *meta, uint64_t dur, double *lufs)
{
    double out = -HUGE_VAL;
    int rc = emit(s->meter, s->inner, s->buf, nr_limiter_flush(s->lim, s->buf));
    if (rc)
        return rc;
    if (ebur128_loudness_global(s->meter, &out) != EBUR128_SUCCESS)
        out = -HUGE_VAL;
    /* the limiter only lowers: out - gain is the input's loudness when it
       did nothing, a slight underestimate when it did */
    *lufs = isfinite(out) ? out - s->spec_gain : -HUGE_VAL;
    if (isfinite(out) && fabs(out - s->lo.target_lufs) <= TOLERANCE_LU) {
        if (s->res) {
            s->res->input_lufs = *lufs;
            s->res->gain_db = s->spec_gain;
            s->res->output_lufs = out;
            s->res->encodes = 1;
        }
        rc = s->inner->finish(s->inner, meta, dur);
        return rc ? rc : 1;
    }
    s->inner->destroy(s->inner);
    s->inner = NULL;
    if (ftruncate(s->opts.fd, s->out_start) != 0
        || lseek(s->opts.fd, s->out_start, SEEK_SET) != s->out_start)
        return -1;
    /* a miss usually means heavy limiting, which hides the input's level:
       measure the input itself, as the measure-first path would have */
    if ((rc = replay(s, 0.0, NO_CEILING, NULL, lufs)) != 0)
        return rc;
    if (s->res)
        s->res->encodes = 1;  /* the exact pass below adds the second */
    return 0;
}

static int loud_finish(nr_sink *base, const nr_sink_meta *meta, uint64_t dur)
{
    loud_sink *s = (loud_sink *)base;
    int rc = 0;
    if (s->spool_fd < 0) {
        rc = emit(s->meter, s->inner, s->buf, nr_limiter_flush(s->lim, s->buf));
        if (rc == 0 && s->res) {
            double out;
            if (ebur128_loudness_global(s->meter, &out) == EBUR128_SUCCESS)
                s->res->output_lufs = out;
        }
        return rc ? rc : s->inner->finish(s->inner, meta, dur);
    }

    if (!s->lo.normalize) {
        s->inner = s->make(&s->opts);
        if (!s->inner)
            return -1;
        rc = replay(s, 0.0, NO_CEILING, s->inner, NULL);
        return rc ? rc : s->inner->finish(s->inner, meta, dur);
    }
    /* Sample peak plus 3 dB bounds the true peak of 16 kHz speech (measured
       up to 2 dB between samples); libebur128's own true-peak meter
       oversamples every sample and cost a third of the synthesis time.  A
       bound that is too high only costs one measuring replay. */
    double tp = s->peak > 0 ? 20.0 * log10(s->peak / 32768.0) + 3.0 : -HUGE_VAL;
    if (s->res)
        s->res->input_true_peak = tp;
    double lufs = -HUGE_VAL;
    if (s->speculating) {
        rc = end_speculation(s, meta, dur, &lufs);
        if (rc)
            return rc < 0 ? rc : 0;
    } else {
        ebur128_loudness_global(s->meter, &lufs);
    }
    double gain = isfinite(lufs) ? s->lo.target_lufs - lufs : 0.0;
    int limited = isfinite(tp) && tp + gain > TP_LIMIT_DBTP;
    double result = isfinite(lufs) ? lufs + gain : lufs;
    /* The limiter lowers the loudness: measure its result and correct the
       gain, a few times since more gain means more limiting. */
    for (int pass = 0; limited && pass < 4; pass++) {
        double got;
        int r = replay(s, gain, CEILING_DBFS, NULL, &got);
        if (r != 0)
            return r;
        if (!isfinite(got))
            break;
        result = got;
        if (fabs(s->lo.target_lufs - got) < 0.05)
            break;
        gain += s->lo.target_lufs - got;
    }
    if (s->res) {
        s->res->input_lufs = lufs;
        s->res->gain_db = gain;
        s->res->limited = limited;
        s->res->output_lufs = result;
        s->res->encodes++;
    }

    s->inner = s->make(&s->opts);
    if (!s->inner)
        return -1;
    rc = replay(s, gain, CEILING_DBFS, s->inner, NULL);
    return rc ? rc : s->inner->finish(s->inner, meta, dur);
}

static void loud_destroy(nr_sink *base)
{
    loud_sink *s = (loud_sink *)base;
    if (!s)
        return;
    if (s->inner)
        s->inner->destroy(s->inner);
    if (s->spool_fd >= 0)
        close(s->spool_fd);
    if (s->meter)
        ebur128_destroy(&s->meter);
    nr_limiter_free(s->lim);
    free(s->buf);
    free(s);
}

static int open_spool(void)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/narrate-spool.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd >= 0)
        unlink(path);  /* gone from the directory; freed when closed */
    return fd;
}

nr_sink *nr_sink_loudness_new(nr_sink_ctor make, const nr_sink_opts *o,
                              const nr_loudness_opts *lo, nr_loudness *res)
{
    loud_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = loud_write;
    s->base.finish = loud_finish;
    s->base.destroy = loud_destroy;
    s->make = make;
    s->opts = *o;
    s->lo = *lo;
    s->res = lo->normalize ? res : NULL;
    s->spool_fd = -1;
    s->probe_end = (uint64_t)(lo->probe_s * o->rate);
    s->buf = malloc(BLOCK * sizeof *s->buf);
    s->meter = new_meter(o->rate);
    if (!s->buf || !s->meter)
        goto fail;
    if (res) {
        memset(res, 0, sizeof *res);
        res->gain_db = lo->spool ? 0.0 : lo->stream_gain_db;
        res->input_lufs = res->input_true_peak = res->output_lufs = -HUGE_VAL;
    }
    if (lo->spool) {
        /* a speculative encoding that misses is cut back to here */
        s->out_start = lo->early ? lseek(o->fd, 0, SEEK_CUR) : 0;
        if (s->out_start < 0)
            s->lo.early = 0;
        s->spool_fd = open_spool();
        if (s->spool_fd < 0)
            goto fail;
    } else {
        s->lim = nr_limiter_new(o->rate, lo->stream_gain_db, CEILING_DBFS);
        s->inner = s->lim ? make(o) : NULL;
        if (!s->inner)
            goto fail;
        if (res)
            res->encodes = 1;
    }
    return &s->base;
fail:;
    int e = errno ? errno : ENOMEM;
    loud_destroy(&s->base);
    errno = e;
    return NULL;
}
