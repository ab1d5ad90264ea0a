/*
 * test_plan.c - unit tests for the plan (plan.c): the spoken introduction
 * with and without overrides, segments and chapters made from the article's
 * blocks, items that never pass NR_ITEM_CHARS and never split a sentence,
 * and the spoken form of a range of sentences.
 *
 * Articles are built by hand, so the plan is tested apart from the readers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static nr_block block(nr_block_kind kind, const char *text)
{
    nr_block b = {0};
    b.kind = kind;
    b.text = (char *)text;
    b.len = strlen(text);
    return b;
}

static nr_article article(char *title, char *byline, char *date, nr_block *blocks, size_t n)
{
    nr_article a = {0};
    a.title = title;
    a.label = title;
    a.byline = byline;
    a.date = date;
    a.blocks = blocks;
    a.nblocks = n;
    return a;
}

static const char *intro_of(nr_plan *p, nr_article *a, const nr_plan_opts *o)
{
    assert_int_equal(nr_plan_build(p, a, o), NR_OK);
    assert_true(p->nsegments >= 1);
    const nr_segment *s = &p->segments[0];
    assert_int_equal(s->kind, NR_SEG_INTRO);
    assert_int_equal(s->opens_chapter, 1);
    assert_null(s->src_map);
    assert_int_equal(s->len, strlen(p->intro));
    return s->text;
}

static void test_intro(void **state)
{
    (void)state;
    nr_block b[1] = {block(NR_BLOCK_PARA, "Body.")};
    nr_plan p = {0};
    nr_plan_opts none = {0};

    nr_article a = article("Rates rise again", "Jane Doe, The Paper", "5 May 2024", b, 1);
    assert_string_equal(intro_of(&p, &a, &none),
                        "Rates rise again. By Jane Doe, The Paper. 5 May 2024.");
    /* a title, byline or date that ends a sentence gets no second stop */
    a = article("Why now?", "J. Doe.", "May 5!", b, 1);
    assert_string_equal(intro_of(&p, &a, &none), "Why now? By J. Doe. May 5!");
    a = article("Title only", NULL, NULL, b, 1);
    assert_string_equal(intro_of(&p, &a, &none), "Title only.");
    a = article("", "Jane Doe", "", b, 1);
    assert_string_equal(intro_of(&p, &a, &none), "By Jane Doe.");

    /* the overrides replace title and byline, and name the first chapter */
    a = article("Rates rise again", "Jane Doe", NULL, b, 1);
    nr_plan_opts o = {"A new title", "Someone Else", 0};
    assert_string_equal(intro_of(&p, &a, &o), "A new title. By Someone Else.");
    assert_string_equal(p.chapter_titles[0], "A new title");
    o.author = NULL;
    assert_string_equal(intro_of(&p, &a, &o), "A new title. By Jane Doe.");
    /* no title: the label names the first chapter and is never spoken */
    a = article(NULL, "Jane Doe", NULL, b, 1);
    a.label = "council library vote";
    assert_string_equal(intro_of(&p, &a, &none), "By Jane Doe.");
    assert_string_equal(p.chapter_titles[0], "council library vote");
    a = article(NULL, NULL, NULL, b, 1);
    a.label = "council library vote";
    assert_string_equal(intro_of(&p, &a, &none), "");
    nr_plan_free(&p);
    assert_null(p.segments);
    assert_int_equal(p.nitems, 0);
}

/* nr_set_plain: nothing is spoken before the first block, which opens the
   first chapter; a heading there names no second, empty chapter. */
static void test_no_intro(void **state)
{
    (void)state;
    nr_block b[] = {
        block(NR_BLOCK_PARA, "Chosen words."),
        block(NR_BLOCK_HEADING, "Later part"),
        block(NR_BLOCK_PARA, "More words."),
    };
    nr_article a = article("Fallback title", "Jane Doe", "5 May 2024", b, 3);
    nr_plan p = {0};
    nr_plan_opts o = {NULL, NULL, 1};
    assert_int_equal(nr_plan_build(&p, &a, &o), NR_OK);
    assert_int_equal(p.nsegments, 3);
    assert_int_equal(p.segments[0].kind, NR_SEG_PARA);
    assert_int_equal(p.segments[0].opens_chapter, 1);
    assert_int_equal(p.segments[0].chapter, 0);
    assert_int_equal(p.nchapters, 2);
    assert_string_equal(p.chapter_titles[0], "Fallback title");
    assert_string_equal(p.chapter_titles[1], "Later part");
    for (size_t i = 0; i < p.nsegments; i++)
        assert_int_not_equal(p.segments[i].kind, NR_SEG_INTRO);

    nr_article h = article("Fallback title", NULL, NULL, b + 1, 2);
    assert_int_equal(nr_plan_build(&p, &h, &o), NR_OK);
    assert_int_equal(p.nchapters, 1);
    assert_int_equal(p.segments[0].kind, NR_SEG_HEADING);
    assert_int_equal(p.segments[0].chapter, 0);
    assert_int_equal(p.segments[0].opens_chapter, 1);
    assert_int_equal(p.segments[1].chapter, 0);
    assert_int_equal(p.segments[1].opens_chapter, 0);
    nr_plan_free(&p);
}

static void test_segments_and_chapters(void **state)
{
    (void)state;
    nr_block b[] = {
        block(NR_BLOCK_PARA, "First paragraph."),
        block(NR_BLOCK_HEADING, "Part one"),
        block(NR_BLOCK_PARA, "In part one."),
        block(NR_BLOCK_ITEM, "An item."),
        block(NR_BLOCK_ITEM, "Another item."),
        block(NR_BLOCK_HEADING, "Part two"),
        block(NR_BLOCK_QUOTE, "Quoted words."),
    };
    size_t map[] = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26};
    assert_int_equal(nr_srcmap_set(&b[0].src_map, map, sizeof map / sizeof map[0]), 0);
    nr_article a = article("The title", NULL, NULL, b, sizeof b / sizeof b[0]);
    a.subtitle = "The standfirst.";
    nr_plan p = {0};
    nr_plan_opts none = {0};
    assert_int_equal(nr_plan_build(&p, &a, &none), NR_OK);

    static const struct {
        nr_segment_kind kind;
        size_t chapter;
        int opens;
        const char *text;
    } want[] = {
        {NR_SEG_INTRO, 0, 1, "The title."},
        {NR_SEG_PARA, 0, 0, "The standfirst."},   /* under the title, before the body */
        {NR_SEG_PARA, 0, 0, "First paragraph."},
        {NR_SEG_HEADING, 1, 1, "Part one"},
        {NR_SEG_PARA, 1, 0, "In part one."},
        {NR_SEG_LIST_ITEM, 1, 0, "An item."},
        {NR_SEG_LIST_ITEM, 1, 0, "Another item."},
        {NR_SEG_HEADING, 2, 1, "Part two"},
        {NR_SEG_QUOTE, 2, 0, "Quoted words."},
    };
    assert_int_equal(p.nsegments, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < p.nsegments; i++) {
        const nr_segment *s = &p.segments[i];
        assert_int_equal(s->kind, want[i].kind);
        assert_int_equal(s->chapter, want[i].chapter);
        assert_int_equal(s->opens_chapter, want[i].opens);
        assert_int_equal(s->len, strlen(want[i].text));
        assert_memory_equal(s->text, want[i].text, s->len);
    }
    /* block text is borrowed, with its map back into the input */
    assert_ptr_equal(p.segments[2].text, b[0].text);
    assert_ptr_equal(p.segments[2].src_map, &b[0].src_map);
    assert_int_equal(nr_srcmap_at(p.segments[2].src_map, 16), 26);
    assert_null(p.segments[1].src_map);

    assert_int_equal(p.nchapters, 3);
    assert_string_equal(p.chapter_titles[0], "The title");
    assert_string_equal(p.chapter_titles[1], "Part one");
    assert_string_equal(p.chapter_titles[2], "Part two");

    /* short segments: one item each, covering the whole text */
    assert_int_equal(p.nitems, p.nsegments);
    for (size_t i = 0; i < p.nitems; i++) {
        assert_int_equal(p.items[i].segment, i);
        assert_int_equal(p.items[i].first, 1);
        assert_int_equal(p.items[i].start, 0);
        assert_int_equal(p.items[i].end, p.segments[i].len);
    }
    nr_plan_free(&p);
    nr_srcmap_free(&b[0].src_map);
}

typedef struct ranges {
    size_t start[512], end[512];
    size_t n;
} ranges;

static int collect(void *ud, size_t start, size_t end)
{
    ranges *r = ud;
    assert_true(r->n < 512);
    r->start[r->n] = start;
    r->end[r->n] = end;
    r->n++;
    return 0;
}

/* Checks the items of segment seg: in order, each at most NR_ITEM_CHARS
   unless it is one sentence, each made of whole sentences, all sentences
   covered, greedily packed (the next sentence would not have fitted). */
static void check_items(const nr_plan *p, uint32_t seg)
{
    const nr_segment *s = &p->segments[seg];
    ranges sent = {0};
    nr_split_sentences(s->text, s->len, collect, &sent);
    size_t k = 0;   /* next sentence */
    int seen = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const nr_item *it = &p->items[i];
        if (it->segment != seg)
            continue;
        assert_int_equal(it->first, !seen);
        seen = 1;
        assert_true(k < sent.n);
        assert_int_equal(it->start, sent.start[k]);
        size_t first = k;
        while (k < sent.n && sent.end[k] <= it->end)
            k++;
        assert_true(k > first);
        assert_int_equal(it->end, sent.end[k - 1]);   /* ends where a sentence ends */
        if (k - first > 1)
            assert_true(it->end - it->start <= NR_ITEM_CHARS);
        if (k < sent.n)   /* the next sentence did not fit */
            assert_true(sent.end[k] - it->start > NR_ITEM_CHARS);
    }
    assert_true(seen);
    assert_int_equal(k, sent.n);
}

static void test_items(void **state)
{
    (void)state;
    /* 60 sentences of varied length: several items */
    char *longp = malloc(8192);
    assert_non_null(longp);
    size_t n = 0;
    for (int i = 0; i < 60; i++)
        n += (size_t)snprintf(longp + n, 8192 - n, "%sSentence number %d has %.*s words.",
                              i ? " " : "", i, (i * 7) % 60,
                              "some more and more and more and more and more and more and more");
    /* one sentence longer than the limit stays whole: an item of its own */
    char *huge = malloc(2048);
    assert_non_null(huge);
    strcpy(huge, "Short one first.");
    size_t h = strlen(huge);
    strcpy(huge + h, " A very long sentence");
    h = strlen(huge);
    while (h < 1500) {
        memcpy(huge + h, " and on", 7);
        h += 7;
    }
    strcpy(huge + h, ". Then a short end.");

    nr_block b[] = {block(NR_BLOCK_PARA, longp), block(NR_BLOCK_PARA, huge),
                    block(NR_BLOCK_HEADING, "")};
    nr_article a = article("Items", NULL, NULL, b, 3);
    nr_plan p = {0};
    nr_plan_opts none = {0};
    assert_int_equal(nr_plan_build(&p, &a, &none), NR_OK);
    assert_int_equal(p.nsegments, 4);

    size_t items_long = 0;
    for (size_t i = 0; i < p.nitems; i++)
        items_long += p.items[i].segment == 1;
    assert_true(items_long >= 3);
    check_items(&p, 0);
    check_items(&p, 1);
    check_items(&p, 2);

    /* the long sentence: the item before it holds only the short one */
    size_t i = 0;
    while (p.items[i].segment != 2)
        i++;
    assert_memory_equal(huge + p.items[i].start, "Short one first.", 16);
    assert_int_equal(p.items[i].end - p.items[i].start, 16);
    assert_true(p.items[i + 1].end - p.items[i + 1].start > NR_ITEM_CHARS);
    assert_int_equal(p.items[i + 2].segment, 2);
    assert_int_equal(p.items[i + 2].first, 0);

    /* a segment with no sentence still gets one (empty) item: its
       chapter must start somewhere */
    const nr_item *last = &p.items[p.nitems - 1];
    assert_int_equal(last->segment, 3);
    assert_int_equal(last->first, 1);
    assert_int_equal(last->start, 0);
    assert_int_equal(last->end, 0);
    assert_int_equal(p.segments[3].opens_chapter, 1);

    nr_plan_free(&p);
    free(longp);
    free(huge);
}

static void test_speak_range(void **state)
{
    (void)state;
    nr_norm *norm = nr_norm_new();
    assert_non_null(norm);
    nr_segment s = {0};
    s.kind = NR_SEG_PARA;
    s.text = "  Hello there.   Good bye now.  ";
    s.len = strlen(s.text);
    nr_buf out;
    nr_buf_init(&out, 0);

    assert_int_equal(nr_speak_range(norm, &s, 0, s.len, &out), 0);
    assert_int_equal(out.len, strlen("Hello there. Good bye now."));
    assert_memory_equal(out.data, "Hello there. Good bye now.", out.len);

    /* appends after what out holds, one range at a time */
    nr_buf_reset(&out);
    assert_int_equal(nr_buf_puts(&out, "# "), 0);
    size_t second = (size_t)(strstr(s.text, "Good") - s.text);
    assert_int_equal(nr_speak_range(norm, &s, second, s.len, &out), 0);
    assert_int_equal(out.len, strlen("# Good bye now."));
    assert_memory_equal(out.data, "# Good bye now.", out.len);

    /* nothing to say: nothing appended, not even a space */
    nr_buf_reset(&out);
    assert_int_equal(nr_speak_range(norm, &s, 0, 2, &out), 0);
    assert_int_equal(out.len, 0);

    nr_buf_free(&out);
    nr_norm_free(norm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intro),
        cmocka_unit_test(test_no_intro),
        cmocka_unit_test(test_segments_and_chapters),
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_speak_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
