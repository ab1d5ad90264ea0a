/*
 * test_loudness.c - unit tests for the loudness wrapper (sink_loudness.c):
 * the speculative encoding kept when it lands on the target, thrown away
 * (output truncated, encoded again) when the probe misjudged the level, and
 * the measure-first path for episodes shorter than the probe.
 *
 * The inner sink is a fake that writes raw PCM to the real file descriptor,
 * so truncation is checked on an actual file; loudness is measured back with
 * libebur128 on what the file holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ebur128.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio/limiter.h"
#include "audio/sink.h"

#define RATE 8000
#define TARGET (-16.0)

static int created, finished;

typedef struct raw_sink {
    nr_sink base;
    int fd;
} raw_sink;

static int raw_write(nr_sink *b, const int16_t *pcm, size_t n)
{
    return nr_write_all(((raw_sink *)b)->fd, pcm, n * sizeof *pcm);
}

static int raw_finish(nr_sink *b, const nr_sink_meta *m, uint64_t dur)
{
    (void)b, (void)m, (void)dur;
    finished++;
    return 0;
}

static void raw_destroy(nr_sink *b) { free(b); }

static nr_sink *raw_new(const nr_sink_opts *o)
{
    raw_sink *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->base.write = raw_write;
    s->base.finish = raw_finish;
    s->base.destroy = raw_destroy;
    s->fd = o->fd;
    created++;
    return &s->base;
}

/* A 1 kHz tone: its loudness is 20 log10(amp) - 3.0 LUFS; amp 0 = silence */
static void feed(nr_sink *s, double amp, double seconds, uint64_t *pos)
{
    int16_t buf[RATE / 10];
    size_t total = (size_t)(seconds * RATE);
    for (size_t done = 0; done < total; done += RATE / 10) {
        size_t n = total - done < RATE / 10 ? total - done : RATE / 10;
        for (size_t i = 0; i < n; i++, (*pos)++)
            buf[i] = (int16_t)lrint(amp * 32767.0 * sin(2 * M_PI * 1000.0 * (double)*pos / RATE));
        assert_int_equal(s->write(s, buf, n), 0);
    }
}

typedef struct run {
    nr_loudness res;
    uint64_t samples_in;
    off_t bytes_out;
    double lufs_out;
} run;

/* Runs segments {amp, seconds}... through a spooling, speculative wrapper */
static void narrate_tone(const double (*seg)[2], size_t nseg, double probe_s, run *r)
{
    char path[] = "/tmp/narrate-test-loudness.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    created = finished = 0;
    nr_sink_meta meta = {0};
    nr_sink_opts o = {.fd = fd, .seekable = 1, .rate = RATE, .meta = &meta};
    nr_loudness_opts lo = {.target_lufs = TARGET, .normalize = 1, .spool = 1,
                           .early = 1, .probe_s = probe_s};
    memset(r, 0, sizeof *r);
    nr_sink *s = nr_sink_loudness_new(raw_new, &o, &lo, &r->res);
    assert_non_null(s);
    for (size_t i = 0; i < nseg; i++)
        feed(s, seg[i][0], seg[i][1], &r->samples_in);
    assert_int_equal(s->finish(s, &meta, r->samples_in * 1000 / RATE), 0);
    s->destroy(s);

    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    r->bytes_out = st.st_size;
    ebur128_state *m = ebur128_init(1, RATE, EBUR128_MODE_I);
    assert_non_null(m);
    int16_t buf[4096];
    ssize_t got;
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    while ((got = read(fd, buf, sizeof buf)) > 0)
        ebur128_add_frames_short(m, buf, (size_t)got / sizeof *buf);
    assert_int_equal(ebur128_loudness_global(m, &r->lufs_out), EBUR128_SUCCESS);
    ebur128_destroy(&m);
    close(fd);
}

static void steady_level_is_encoded_once(void **state)
{
    (void)state;
    static const double seg[][2] = {{0.05, 60.0}};   /* about -29 LUFS */
    run r;
    narrate_tone(seg, 1, 10.0, &r);
    assert_int_equal(created, 1);
    assert_int_equal(finished, 1);
    assert_int_equal(r.res.encodes, 1);
    assert_true(fabs(r.lufs_out - TARGET) <= 0.25);
    assert_true(fabs(r.res.gain_db - 13.0) < 0.5);
    assert_true(fabs(r.res.input_lufs - (-29.0)) < 0.5);
    /* every sample once: nothing doubled by the replay of the probe */
    assert_int_equal(r.bytes_out, (off_t)(r.samples_in * 2));
}

static void misjudged_probe_is_encoded_again(void **state)
{
    (void)state;
    /* the probe hears -43 LUFS, the rest is 14 LU louder */
    static const double seg[][2] = {{0.01, 10.0}, {0.05, 60.0}};
    run r;
    narrate_tone(seg, 2, 10.0, &r);
    assert_int_equal(created, 2);
    assert_int_equal(finished, 1);
    assert_int_equal(r.res.encodes, 2);
    /* truncated before the second encoding: no bytes of the first remain */
    assert_int_equal(r.bytes_out, (off_t)(r.samples_in * 2));
    assert_true(fabs(r.lufs_out - TARGET) <= 0.1);
}

static void short_episode_is_measured_first(void **state)
{
    (void)state;
    static const double seg[][2] = {{0.2, 5.0}};
    run r;
    narrate_tone(seg, 1, 10.0, &r);
    assert_int_equal(created, 1);
    assert_int_equal(r.res.encodes, 1);
    assert_int_equal(r.bytes_out, (off_t)(r.samples_in * 2));
    assert_true(fabs(r.lufs_out - TARGET) <= 0.1);
}

static void silent_probe_waits_for_sound(void **state)
{
    (void)state;
    static const double seg[][2] = {{0.0, 15.0}, {0.1, 40.0}};
    run r;
    narrate_tone(seg, 2, 10.0, &r);
    assert_int_equal(created, 1);
    assert_int_equal(r.res.encodes, 1);
    assert_int_equal(r.bytes_out, (off_t)(r.samples_in * 2));
    assert_true(fabs(r.lufs_out - TARGET) <= 0.25);
}

/* The limiter on its own: n samples of a 440 Hz tone at amplitude amp
   (of full scale), loud bursts from sample b0 to b1, through gain_db and a
   ceiling of -1 dBFS.  Fills out[] (n samples) and returns how many came. */
static size_t limit_tone(int16_t *out, size_t n, double amp, double burst,
                         size_t b0, size_t b1, double gain_db)
{
    int16_t *in = malloc(n * sizeof *in);
    assert_non_null(in);
    for (size_t i = 0; i < n; i++) {
        double a = i >= b0 && i < b1 ? burst : amp;
        in[i] = (int16_t)lrint(32767.0 * a * sin(2.0 * M_PI * 440.0 * (double)i / 16000.0));
    }
    nr_limiter *l = nr_limiter_new(16000, gain_db, -1.0);
    assert_non_null(l);
    size_t k = nr_limiter_run(l, in, n, out);
    k += nr_limiter_flush(l, out + k);
    nr_limiter_free(l);
    /* where no burst is near, the output is the input with the gain */
    double g = pow(10.0, gain_db / 20.0);
    size_t far = 3 * (16000 / 200 + 1);   /* look-ahead and averaging, 5 ms each */
    for (size_t i = 0; i < n && i < b0 - (b0 > far ? far : b0); i++)
        assert_int_equal(out[i], lrint((double)in[i] * g));
    free(in);
    return k;
}

static void limiter_passes_quiet_and_caps_loud(void **state)
{
    (void)state;
    enum { N = 16000 };
    static int16_t out[N];
    double ceiling = 32767.0 * pow(10.0, -1.0 / 20.0);
    /* quiet all through: every sample is the input times the gain */
    assert_int_equal(limit_tone(out, N, 0.05, 0.05, N, N, 6.0), N);
    /* a loud burst in the middle: nothing leaves above the ceiling, and
       the quiet start is untouched */
    assert_int_equal(limit_tone(out, N, 0.05, 0.9, N / 2, N / 2 + 2000, 6.0), N);
    for (size_t i = 0; i < N; i++)
        assert_true(abs(out[i]) <= (int)ceiling + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limiter_passes_quiet_and_caps_loud),
        cmocka_unit_test(steady_level_is_encoded_once),
        cmocka_unit_test(misjudged_probe_is_encoded_again),
        cmocka_unit_test(short_episode_is_measured_first),
        cmocka_unit_test(silent_probe_waits_for_sound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
