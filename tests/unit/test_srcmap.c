/* test_srcmap.c - the compact source map gives back every offset it was
   given, as runs where it can and byte by byte where it must. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "srcmap.h"

static void check_round_trip(const size_t *offs, size_t n, size_t want_runs)
{
    nr_srcmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(nr_srcmap_set(&m, offs, n), 0);
    assert_int_equal(m.n, n);
    assert_int_equal(m.nruns, want_runs);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nr_srcmap_at(&m, i), offs[i]);
    size_t *back = nr_srcmap_expand(&m);
    assert_non_null(back);
    assert_memory_equal(back, offs, n * sizeof *offs);
    free(back);
    nr_srcmap_free(&m);
}

/* a hard-wrapped paragraph: the joining space stands for the line break,
   so the whole of it is one run, held without an allocation */
static void test_one_run(void **state)
{
    (void)state;
    size_t offs[] = {100, 101, 102, 103, 104, 105};
    nr_srcmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(nr_srcmap_set(&m, offs, 6), 0);
    assert_int_equal(m.nruns, 1);
    assert_null(m.runs);
    assert_null(m.wide);
    assert_int_equal(nr_srcmap_at(&m, 0), 100);
    assert_int_equal(nr_srcmap_at(&m, 5), 105);
    nr_srcmap_free(&m);
}

/* collapsed spaces jump forward, an entity repeats one offset, markup in
   between jumps further: each starts a run */
static void test_runs(void **state)
{
    (void)state;
    size_t offs[] = {7, 8, 9, 12, 13, 20, 20, 20, 21, 40, 41};
    check_round_trip(offs, sizeof offs / sizeof offs[0], 6);
    /* offsets that go back (a reader aligning text it rewrote) */
    size_t back[] = {50, 51, 10, 11, 12, 52};
    check_round_trip(back, sizeof back / sizeof back[0], 3);
}

/* offsets more than 4 GiB apart do not fit the runs: kept one per byte */
static void test_wide(void **state)
{
    (void)state;
    if (sizeof(size_t) < 8)
        skip();
    size_t far = (size_t)UINT32_MAX + 10;
    size_t offs[] = {3, 4, far, far + 1};
    nr_srcmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(nr_srcmap_set(&m, offs, 4), 0);
    assert_non_null(m.wide);
    assert_int_equal(nr_srcmap_at(&m, 1), 4);
    assert_int_equal(nr_srcmap_at(&m, 3), far + 1);
    nr_srcmap_free(&m);
    /* far from 0 but close together: runs, counted from the smallest */
    size_t high[] = {far, far + 1, far + 5};
    check_round_trip(high, 3, 2);
}

/* setting again replaces the old map; an empty map answers SIZE_MAX */
static void test_replace_and_empty(void **state)
{
    (void)state;
    size_t a[] = {1, 5, 9}, b[] = {2, 3};
    nr_srcmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(nr_srcmap_set(&m, a, 3), 0);
    assert_int_equal(m.nruns, 3);
    assert_int_equal(nr_srcmap_set(&m, b, 2), 0);
    assert_int_equal(m.nruns, 1);
    assert_int_equal(nr_srcmap_at(&m, 1), 3);
    assert_int_equal(nr_srcmap_set(&m, NULL, 0), 0);
    assert_int_equal(nr_srcmap_at(&m, 0), SIZE_MAX);
    nr_srcmap_free(&m);
}

/* built one entry at a time, as the text builder does: the same map as
   from the whole array, offsets past the input lowered to its end */
static void test_build(void **state)
{
    (void)state;
    size_t offs[] = {7, 8, 9, 12, 13, 20, 20, 20, 21, 40, 41};
    size_t n = sizeof offs / sizeof offs[0];
    nr_srcmap_build b;
    memset(&b, 0, sizeof b);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nr_srcmap_push(&b, offs[i]), 0);
    assert_int_equal(b.nruns, 6);
    nr_srcmap m;
    memset(&m, 0, sizeof m);
    assert_int_equal(nr_srcmap_take(&m, &b, 100), 0);
    assert_null(b.runs);
    assert_int_equal(b.n, 0);
    assert_int_equal(m.n, n);
    assert_int_equal(m.nruns, 6);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nr_srcmap_at(&m, i), offs[i]);
    /* a limit inside the last run: its tail stops at the limit */
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nr_srcmap_push(&b, offs[i]), 0);
    assert_int_equal(nr_srcmap_take(&m, &b, 40), 0);
    assert_int_equal(nr_srcmap_at(&m, 9), 40);
    assert_int_equal(nr_srcmap_at(&m, 10), 40);
    assert_int_equal(nr_srcmap_at(&m, 8), 21);
    /* nothing pushed: an empty map */
    assert_int_equal(nr_srcmap_take(&m, &b, 40), 0);
    assert_int_equal(m.n, 0);
    assert_int_equal(nr_srcmap_at(&m, 0), SIZE_MAX);
    nr_srcmap_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_run),
        cmocka_unit_test(test_runs),
        cmocka_unit_test(test_wide),
        cmocka_unit_test(test_replace_and_empty),
        cmocka_unit_test(test_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
