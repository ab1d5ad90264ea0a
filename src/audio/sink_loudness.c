/*
 * sink_loudness.c - EBU R128 loudness normalization as a sink wrapper.
 *
 * Flite's voices differ by up to 13 LU (slt about -16 LUFS, kal16 about -29),
 * and podcast platforms expect about -16 LUFS with peaks under -1 dBTP.  The
 * wrapper measures the whole episode with libebur128 and applies one gain to
 * all of it (per-sentence normalization would make the level jump), with a
 * look-ahead limiter (limiter.h) for the few peaks the gain pushes too high.
 *
 * Two modes, chosen by the caller:
 *  - spool (files): PCM goes to an unlinked temporary file while it is
 *    measured, so memory stays flat however long the episode (disk: 32 KB per
 *    second of 16 kHz audio).  At finish the gain is computed, and when the
 *    limiter has work to do its effect is measured too and the gain corrected,
 *    so the result lands on the target; then the spool is replayed through
 *    gain and limiter into the real sink, which is created only then (its
 *    header can hold the final chapter times).
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

typedef struct loud_sink {
    nr_sink base;
    nr_sink_ctor make;
    nr_sink_opts opts;
    nr_sink *inner;
    nr_loudness *res;
    double target;
    int normalize;         /* 0: spool only, unity gain, no limiter */
    int spool_fd;          /* -1 in stream mode */
    ebur128_state *meter;
    int peak;              /* largest |sample| spooled */
    nr_limiter *lim;       /* stream mode */
    int16_t *buf;
} loud_sink;

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

static int loud_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    loud_sink *s = (loud_sink *)base;
    if (s->spool_fd < 0) {
        for (size_t off = 0; off < n; off += BLOCK) {
            size_t k = n - off < BLOCK ? n - off : BLOCK;
            int rc = emit(s->meter, s->inner, s->buf, nr_limiter_run(s->lim, pcm + off, k, s->buf));
            if (rc)
                return rc;
        }
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        int a = pcm[i] < 0 ? -pcm[i] : pcm[i];
        if (a > s->peak)
            s->peak = a;
    }
    if (s->normalize && ebur128_add_frames_short(s->meter, pcm, n) != EBUR128_SUCCESS) {
        errno = ENOMEM;
        return -1;
    }
    return nr_write_all(s->spool_fd, pcm, n * sizeof *pcm);
}

/* Replays the spool through gain + limiter into inner (NULL: measure only,
   *lufs receives the loudness of the result). */
static int replay(loud_sink *s, double gain_db, nr_sink *inner, double *lufs)
{
    if (lseek(s->spool_fd, 0, SEEK_SET) != 0)
        return -1;
    /* without normalization the limiter passes everything through */
    nr_limiter *lim = nr_limiter_new(s->opts.rate, gain_db,
                                     s->normalize ? CEILING_DBFS : 100.0);
    ebur128_state *m = lufs ? ebur128_init(1, (unsigned long)s->opts.rate,
                                           EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM) : NULL;
    int16_t *in = malloc(BLOCK * sizeof *in);
    int rc = 0;
    if (!lim || (lufs && !m) || !in) {
        errno = ENOMEM;
        rc = -1;
    }
    while (rc == 0) {
        ssize_t got = read(s->spool_fd, in, BLOCK * sizeof *in);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = -1;
            break;
        }
        if (got == 0)
            break;
        size_t n = (size_t)got / sizeof *in;
        size_t k = nr_limiter_run(lim, in, n, s->buf);
        rc = emit(m, inner, s->buf, k);
    }
    if (rc == 0)
        rc = emit(m, inner, s->buf, nr_limiter_flush(lim, s->buf));
    if (rc == 0 && m && ebur128_loudness_global(m, lufs) != EBUR128_SUCCESS)
        *lufs = -HUGE_VAL;
    if (m)
        ebur128_destroy(&m);
    nr_limiter_free(lim);
    free(in);
    return rc;
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

    if (!s->normalize) {
        s->inner = s->make(&s->opts);
        if (!s->inner)
            return -1;
        rc = replay(s, 0.0, s->inner, NULL);
        return rc ? rc : s->inner->finish(s->inner, meta, dur);
    }
    double lufs = -HUGE_VAL;
    ebur128_loudness_global(s->meter, &lufs);
    /* Sample peak plus 3 dB bounds the true peak of 16 kHz speech (measured
       up to 2 dB between samples); libebur128's own true-peak meter
       oversamples every sample and cost a third of the synthesis time.  A
       bound that is too high only costs one measuring replay. */
    double tp = s->peak > 0 ? 20.0 * log10(s->peak / 32768.0) + 3.0 : -HUGE_VAL;
    double gain = isfinite(lufs) ? s->target - lufs : 0.0;
    int limited = isfinite(tp) && tp + gain > TP_LIMIT_DBTP;
    double result = isfinite(lufs) ? lufs + gain : lufs;
    /* The limiter lowers the loudness: measure its result and correct the
       gain, a few times since more gain means more limiting. */
    for (int pass = 0; limited && pass < 4; pass++) {
        double got;
        if (replay(s, gain, NULL, &got) != 0)
            return -1;
        if (!isfinite(got))
            break;
        result = got;
        if (fabs(s->target - got) < 0.05)
            break;
        gain += s->target - got;
    }
    if (s->res) {
        s->res->input_lufs = lufs;
        s->res->input_true_peak = tp;
        s->res->gain_db = gain;
        s->res->limited = limited;
        s->res->output_lufs = result;
    }

    s->inner = s->make(&s->opts);
    if (!s->inner)
        return -1;
    rc = replay(s, gain, s->inner, NULL);
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
                              double target_lufs, int normalize, int spool,
                              double stream_gain_db, nr_loudness *res)
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
    s->target = target_lufs;
    s->normalize = normalize;
    s->res = normalize ? res : NULL;
    s->spool_fd = -1;
    s->buf = malloc(BLOCK * sizeof *s->buf);
    /* histogram mode: fixed memory however long the episode */
    int mode = EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM;
    s->meter = ebur128_init(1, (unsigned long)o->rate, mode);
    if (!s->buf || !s->meter)
        goto fail;
    if (res) {
        memset(res, 0, sizeof *res);
        res->gain_db = spool ? 0.0 : stream_gain_db;
        res->input_lufs = res->input_true_peak = res->output_lufs = -HUGE_VAL;
    }
    if (spool) {
        s->spool_fd = open_spool();
        if (s->spool_fd < 0)
            goto fail;
    } else {
        s->lim = nr_limiter_new(o->rate, stream_gain_db, CEILING_DBFS);
        s->inner = s->lim ? make(o) : NULL;
        if (!s->inner)
            goto fail;
    }
    return &s->base;
fail:;
    int e = errno ? errno : ENOMEM;
    loud_destroy(&s->base);
    errno = e;
    return NULL;
}
