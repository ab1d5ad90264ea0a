/*
 * test_sink_errors.c - the one error path from a sink to nr_errmsg (sink.h,
 * "Errors"): nr_sink_fail keeps the first reason; LAME's and FFmpeg's own
 * reasons reach the sink's error field, and through a render, nr_errmsg,
 * with the status the failure deserves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "narrate.h"
#include "audio/sink.h"

static void test_first_reason_wins(void **state)
{
    (void)state;
    nr_sink_error e = {{0}};
    assert_int_equal(nr_sink_fail(&e, "LAME said %d", 1), -2);
    assert_int_equal(nr_sink_fail(&e, "and then %d", 2), -2);
    assert_string_equal(e.msg, "LAME said 1");
    assert_int_equal(nr_sink_fail(NULL, "nobody listens"), -2);
}

/* LAME cannot put its Info frame in the 8 kbit/s frames it was asked for
   at 44.1 kHz: finish fails with LAME's reason, not errno's. */
static void test_mp3_reason(void **state)
{
    (void)state;
    char path[] = "/tmp/narrate-sinkerr.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    nr_sink_meta meta = {0};
    nr_sink_error e = {{0}};
    nr_sink_opts o = {.fd = fd, .seekable = 1, .rate = 16000, .bitrate = 8,
                      .out_rate = 44100, .meta = &meta, .error = &e};
    nr_sink *s = nr_sink_mp3_new(&o);
    assert_non_null(s);
    int16_t pcm[16000] = {0};
    for (size_t i = 0; i < 16000; i++)
        pcm[i] = (int16_t)((i * 37) % 2000 - 1000);
    assert_int_equal(s->write(s, pcm, 16000), 0);
    assert_int_equal(s->finish(s, &meta, 1000), -2);
    assert_non_null(strstr(e.msg, "LAME made no Info frame"));
    s->destroy(s);
    close(fd);
}

/* A pipe cannot take M4B: the constructor refuses (ESPIPE: the output,
   not a setting, is wrong) and says why. */
static void test_m4b_reason(void **state)
{
    (void)state;
    if (nr_sink_av_unavailable())
        skip();
    int p[2];
    assert_int_equal(pipe(p), 0);
    nr_sink_meta meta = {0};
    nr_sink_error e = {{0}};
    nr_sink_opts o = {.fd = p[1], .seekable = 0, .rate = 16000, .meta = &meta, .error = &e};
    errno = 0;
    assert_null(nr_sink_m4b_new(&o));
    assert_int_equal(errno, ESPIPE);
    assert_non_null(strstr(e.msg, "M4B needs a seekable file"));
    close(p[0]);
    close(p[1]);
}

static nr_ctx *loaded(void)
{
    static const char text[] = "A title\n\nOne short sentence to say.\n";
    nr_ctx *ctx = nr_new();
    assert_non_null(ctx);
    assert_int_equal(nr_set_voice(ctx, "kal"), NR_OK);
    assert_int_equal(nr_set_jobs(ctx, 1), NR_OK);
    assert_int_equal(nr_load(ctx, text, sizeof text - 1, "a.txt"), NR_OK);
    return ctx;
}

/* Through a render, the sink's words become nr_errmsg. */
static void test_render_reason(void **state)
{
    (void)state;
    nr_ctx *ctx = loaded();
    if (!nr_sink_av_unavailable()) {
        int p[2];
        assert_int_equal(pipe(p), 0);
        assert_int_equal(nr_render_fd(ctx, p[1], NR_OUT_M4B), NR_ERR_OUTPUT);
        assert_string_equal(nr_errmsg(ctx), "cannot write 'standard output': M4B needs a "
                            "seekable file (MP4 writes its index at the end); write it to "
                            "a file, not a pipe");
        close(p[0]);
        close(p[1]);
    }
    char dir[] = "/tmp/narrate-sinkerr.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/a.mp3", dir);
    assert_int_equal(nr_set_bitrate(ctx, 8), NR_OK);
    assert_int_equal(nr_set_sample_rate(ctx, 44100), NR_OK);
    assert_int_equal(nr_render_file(ctx, path, NR_OUT_AUTO), NR_ERR_OUTPUT);
    assert_non_null(strstr(nr_errmsg(ctx), "LAME made no Info frame"));
    assert_non_null(strstr(nr_errmsg(ctx), path));
    assert_int_equal(access(path, F_OK), -1);   /* nothing left behind */
    rmdir(dir);
    nr_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_reason_wins),
        cmocka_unit_test(test_mp3_reason),
        cmocka_unit_test(test_m4b_reason),
        cmocka_unit_test(test_render_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
