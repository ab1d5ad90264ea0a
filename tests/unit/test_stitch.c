/*
 * test_stitch.c - unit tests for the stitcher (stitch.c): the pause chosen
 * between each pair of segment kinds, the pauses in samples at speech rates
 * 1 and 2, where a chapter's first sample lands, silence trimming, and the
 * sample-to-millisecond rounding every timestamp goes through.
 *
 * The sink is a fake that records each sample written, so positions and
 * pause lengths are checked on what a real sink would have received.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stitch.h"

typedef struct rec_sink {
    nr_sink base;
    int16_t *pcm;
    size_t n, cap;
    size_t fail_after;   /* a write that would pass this many samples fails */
} rec_sink;

static int rec_write(nr_sink *b, const int16_t *pcm, size_t n)
{
    rec_sink *s = (rec_sink *)b;
    if (s->n + n > s->fail_after) {
        errno = ENOSPC;
        return -1;
    }
    if (s->n + n > s->cap) {
        s->cap = (s->n + n) * 2;
        s->pcm = realloc(s->pcm, s->cap * sizeof *s->pcm);
        assert_non_null(s->pcm);
    }
    memcpy(s->pcm + s->n, pcm, n * sizeof *pcm);
    s->n += n;
    return 0;
}

static void rec_init(rec_sink *s)
{
    memset(s, 0, sizeof *s);
    s->base.write = rec_write;
    s->fail_after = SIZE_MAX;
}

/* ms of pause at rate hz and speech rate speed, as samples */
static uint64_t samples(int ms, int hz, double speed)
{
    return (uint64_t)((double)ms * hz / 1000.0 / speed + 0.5);
}

static void test_pause_choice(void **state)
{
    (void)state;
    /* a heading that opens a chapter always gets the chapter pause */
    for (int k = NR_SEG_INTRO; k <= NR_SEG_QUOTE; k++)
        assert_int_equal(nr_pause_between(k, NR_SEG_HEADING, 1), NR_PAUSE_CHAPTER);
    assert_int_equal(nr_pause_between(NR_SEG_INTRO, NR_SEG_PARA, 0), NR_PAUSE_AFTER_INTRO);
    assert_int_equal(nr_pause_between(NR_SEG_HEADING, NR_SEG_PARA, 0), NR_PAUSE_AFTER_HEADING);
    assert_int_equal(nr_pause_between(NR_SEG_LIST_ITEM, NR_SEG_LIST_ITEM, 0), NR_PAUSE_ITEM);
    /* leaving or entering a list is a paragraph break */
    assert_int_equal(nr_pause_between(NR_SEG_PARA, NR_SEG_LIST_ITEM, 0), NR_PAUSE_PARAGRAPH);
    assert_int_equal(nr_pause_between(NR_SEG_LIST_ITEM, NR_SEG_PARA, 0), NR_PAUSE_PARAGRAPH);
    assert_int_equal(nr_pause_between(NR_SEG_PARA, NR_SEG_QUOTE, 0), NR_PAUSE_PARAGRAPH);
    assert_int_equal(nr_pause_between(NR_SEG_PARA, NR_SEG_PARA, 0), NR_PAUSE_PARAGRAPH);
    /* the documented values (stitch.h, docs/DESIGN.md) */
    assert_int_equal(NR_PAUSE_SENTENCE, 350);
    assert_int_equal(NR_PAUSE_PARAGRAPH, 750);
    assert_int_equal(NR_PAUSE_ITEM, 500);
    assert_int_equal(NR_PAUSE_AFTER_INTRO, 900);
    assert_int_equal(NR_PAUSE_AFTER_HEADING, 700);
    assert_int_equal(NR_PAUSE_CHAPTER, 1500);
    assert_int_equal(NR_PAUSE_END, 500);
}

static void test_pause_samples(void **state)
{
    (void)state;
    static const struct { int hz; double speed; int ms; uint64_t want; } cases[] = {
        {16000, 1.0, 350, 5600},  {16000, 2.0, 350, 2800},
        {16000, 1.0, 750, 12000}, {16000, 2.0, 750, 6000},
        {16000, 1.0, 1500, 24000}, {16000, 2.0, 1500, 12000},
        {8000, 1.0, 700, 5600},   {8000, 2.0, 700, 2800},
        {16000, 1.5, 350, 3733},  /* 3733.3: rounded to nearest */
        {16000, 3.0, 500, 2667},  /* 2666.7 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rec_sink s;
        rec_init(&s);
        nr_stitcher st = {.sink = &s.base, .rate = cases[i].hz, .speed = cases[i].speed};
        assert_int_equal(nr_stitch_pause(&st, cases[i].ms), 0);
        assert_int_equal(st.pos, cases[i].want);
        assert_int_equal(s.n, cases[i].want);
        for (size_t k = 0; k < s.n; k++)
            assert_int_equal(s.pcm[k], 0);
        free(s.pcm);
    }
}

/* a sentence of n samples of a recognisable non-zero value */
static void speak(nr_stitcher *st, int opens_segment, size_t n, int16_t v)
{
    int16_t *pcm = malloc(n * sizeof *pcm);
    assert_non_null(pcm);
    for (size_t i = 0; i < n; i++)
        pcm[i] = v;
    assert_int_equal(nr_stitch_sentence(st, opens_segment), 0);
    assert_int_equal(nr_stitch_audio(st, pcm, n), 0);
    free(pcm);
}

/* The intro, a paragraph of two sentences, a chapter heading, a paragraph,
   two list items, the end: every gap and where the chapter starts. */
static void run_episode(int hz, double speed)
{
    rec_sink s;
    rec_init(&s);
    nr_stitcher st = {.sink = &s.base, .rate = hz, .speed = speed};
    uint64_t want = 0;

    assert_int_equal(nr_stitch_segment(&st, NR_SEG_INTRO, 1), 0);
    assert_int_equal(st.pos, 0);            /* nothing before the first speech */
    speak(&st, 1, 1000, 1);
    want += 1000;

    assert_int_equal(nr_stitch_segment(&st, NR_SEG_PARA, 0), 0);
    want += samples(NR_PAUSE_AFTER_INTRO, hz, speed);
    assert_int_equal(st.pos, want);
    speak(&st, 1, 300, 2);                  /* no sentence pause: the segment's came first */
    want += 300;
    assert_int_equal(st.pos, want);
    speak(&st, 0, 300, 3);
    want += samples(NR_PAUSE_SENTENCE, hz, speed) + 300;
    assert_int_equal(st.pos, want);

    assert_int_equal(nr_stitch_segment(&st, NR_SEG_HEADING, 1), 0);
    want += samples(NR_PAUSE_CHAPTER, hz, speed);
    uint64_t chapter = st.pos;              /* what render.c records */
    assert_int_equal(chapter, want);
    speak(&st, 1, 500, 4);
    want += 500;
    /* the chapter's first sample is the heading's first, not silence */
    assert_int_equal(s.pcm[chapter], 4);
    assert_int_equal(s.pcm[chapter - 1], 0);

    assert_int_equal(nr_stitch_segment(&st, NR_SEG_PARA, 0), 0);
    want += samples(NR_PAUSE_AFTER_HEADING, hz, speed);
    speak(&st, 1, 200, 5);
    want += 200;
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_LIST_ITEM, 0), 0);
    want += samples(NR_PAUSE_PARAGRAPH, hz, speed);
    speak(&st, 1, 100, 6);
    want += 100;
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_LIST_ITEM, 0), 0);
    want += samples(NR_PAUSE_ITEM, hz, speed);
    uint64_t item2 = st.pos;
    speak(&st, 1, 100, 7);
    want += 100;
    assert_int_equal(nr_stitch_end(&st), 0);
    want += samples(NR_PAUSE_END, hz, speed);

    assert_int_equal(st.pos, want);
    assert_int_equal(s.n, want);
    assert_int_equal(s.pcm[item2], 7);
    assert_int_equal(s.pcm[item2 - 1], 0);
    assert_int_equal(s.pcm[want - 1], 0);
    free(s.pcm);
}

/* Where a heading starts after an intro and a two-sentence paragraph, at
   16 kHz and the given speed: the figure the tests below check against
   hand-worked sums. */
static uint64_t heading_pos(double speed)
{
    rec_sink s;
    rec_init(&s);
    nr_stitcher st = {.sink = &s.base, .rate = 16000, .speed = speed};
    nr_stitch_segment(&st, NR_SEG_INTRO, 1);
    speak(&st, 1, 1000, 1);
    nr_stitch_segment(&st, NR_SEG_PARA, 0);
    speak(&st, 1, 300, 1);
    speak(&st, 0, 300, 1);
    nr_stitch_segment(&st, NR_SEG_HEADING, 1);
    free(s.pcm);
    return st.pos;
}

static void test_episode_rate_1(void **state)
{
    (void)state;
    run_episode(16000, 1.0);
    /* at 16 kHz: 1000 + 14400 + 300 + 5600 + 300 = 21600, + 24000 = 45600 */
    assert_int_equal(heading_pos(1.0), 45600);
}

static void test_episode_rate_2(void **state)
{
    (void)state;
    run_episode(16000, 2.0);
    run_episode(8000, 2.0);
    /* pauses halve, speech does not: 1000 + 7200 + 300 + 2800 + 300 + 12000 */
    assert_int_equal(heading_pos(2.0), 23600);
}

/* A segment with nothing to say still moves the pause logic on: the next
   segment's pause follows its kind. */
static void test_silent_segment(void **state)
{
    (void)state;
    rec_sink s;
    rec_init(&s);
    nr_stitcher st = {.sink = &s.base, .rate = 16000, .speed = 1.0};
    nr_stitch_segment(&st, NR_SEG_INTRO, 1);
    speak(&st, 1, 10, 1);
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_HEADING, 1), 0);
    uint64_t after_heading_pause = st.pos;
    assert_int_equal(after_heading_pause, 10 + 24000);
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_PARA, 0), 0);
    assert_int_equal(st.pos - after_heading_pause, samples(NR_PAUSE_AFTER_HEADING, 16000, 1.0));
    free(s.pcm);
}

/* Nothing spoken yet: no pause at all, whatever is asked. */
static void test_no_pause_before_speech(void **state)
{
    (void)state;
    rec_sink s;
    rec_init(&s);
    nr_stitcher st = {.sink = &s.base, .rate = 16000, .speed = 1.0};
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_INTRO, 1), 0);
    assert_int_equal(nr_stitch_sentence(&st, 0), 0);
    assert_int_equal(nr_stitch_segment(&st, NR_SEG_HEADING, 1), 0);
    assert_int_equal(st.pos, 0);
    assert_int_equal(st.started, 0);
    speak(&st, 1, 5, 1);
    assert_int_equal(st.started, 1);
    assert_int_equal(st.pos, 5);
    free(s.pcm);
}

static void test_sink_error(void **state)
{
    (void)state;
    rec_sink s;
    rec_init(&s);
    s.fail_after = 3000;
    nr_stitcher st = {.sink = &s.base, .rate = 16000, .speed = 1.0};
    /* the pause goes out in chunks; the one that fails is not counted */
    assert_int_equal(nr_stitch_pause(&st, 1000), -1);
    assert_int_equal(errno, ENOSPC);
    assert_true(st.pos <= 3000);
    assert_int_equal(st.pos, s.n);
    int16_t pcm[4000] = {0};
    uint64_t before = st.pos;
    assert_int_equal(nr_stitch_audio(&st, pcm, 4000), -1);
    assert_int_equal(st.pos, before);
    free(s.pcm);
}

static void test_ms(void **state)
{
    (void)state;
    nr_stitcher st = {.rate = 16000, .speed = 1.0};
    assert_int_equal(nr_stitch_ms(&st, 0), 0);
    assert_int_equal(nr_stitch_ms(&st, 7), 0);       /* 0.4375 ms */
    assert_int_equal(nr_stitch_ms(&st, 8), 1);       /* 0.5 ms rounds up */
    assert_int_equal(nr_stitch_ms(&st, 16000), 1000);
    assert_int_equal(nr_stitch_ms(&st, 16000ull * 3600 * 5), 18000000);  /* five hours */
    st.rate = 8000;
    assert_int_equal(nr_stitch_ms(&st, 12), 2);      /* 1.5 ms */
    assert_int_equal(nr_stitch_ms(&st, 11), 1);      /* 1.375 ms */
}

/* 40 ms of noise at amplitude floor, speech of amplitude 5000 in [on, off),
   then noise again, len samples at rate. */
static int16_t *utterance(size_t len, size_t on, size_t off, int floor)
{
    int16_t *p = malloc(len * sizeof *p);
    assert_non_null(p);
    for (size_t i = 0; i < len; i++)
        p[i] = (int16_t)((i % 2 ? -1 : 1) * (i >= on && i < off ? 5000 : floor));
    return p;
}

static void test_trim(void **state)
{
    (void)state;
    const int rate = 16000;
    size_t first, n;
    /* speech from 3200 to 8000: 10 ms (160) kept before, 40 ms (640) after */
    int16_t *p = utterance(12000, 3200, 8000, 50);
    nr_trim_silence(p, 12000, &first, &n, rate);
    assert_int_equal(first, 3200 - 160);
    assert_int_equal(first + n, 8000 + 640);
    free(p);

    /* the margins stop at the ends of the utterance */
    p = utterance(8100, 1000, 8050, 50);
    nr_trim_silence(p, 8100, &first, &n, rate);
    assert_int_equal(first, 1000 - 160);
    assert_int_equal(first + n, 8100);
    free(p);

    /* no speech at all */
    p = utterance(4000, 0, 0, 80);
    nr_trim_silence(p, 4000, &first, &n, rate);
    assert_int_equal(n, 0);
    free(p);

    /* a noisy voice: the floor (first 40 ms, peak 400) sets the threshold at
       twice it, so a 700 murmur is not speech but the 5000 burst is */
    p = utterance(12000, 6000, 7000, 400);
    for (size_t i = 2000; i < 3000; i++)
        p[i] = 700;
    nr_trim_silence(p, 12000, &first, &n, rate);
    assert_int_equal(first, 6000 - 160);
    assert_int_equal(first + n, 7000 + 640);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pause_choice),
        cmocka_unit_test(test_pause_samples),
        cmocka_unit_test(test_episode_rate_1),
        cmocka_unit_test(test_episode_rate_2),
        cmocka_unit_test(test_silent_segment),
        cmocka_unit_test(test_no_pause_before_speech),
        cmocka_unit_test(test_sink_error),
        cmocka_unit_test(test_ms),
        cmocka_unit_test(test_trim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
