/*
 * test_book.c - the talking books' text (book/): the XML writer's escaping
 * (markup characters, control characters that XML forbids, ill-formed
 * UTF-8) and its time formats; the outline's heading levels; nested lists;
 * and the chapter bodies of a hand-built article: the title page without
 * the words narrate adds to speak it, one span per cue and no other,
 * well-formed XHTML, and lists and quotations as written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "book/book.h"
#include "normalize.h"

/* ---- the XML writer ---- */

typedef struct mem {
    char *buf;
    size_t len;
    FILE *f;
    nr_xml x;
} mem;

static void mem_open(mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    m->x.f = m->f;
    m->x.err = 0;
}

/* Closes the stream; the text stays in m->buf (free it). */
static const char *mem_text(mem *m)
{
    assert_int_equal(m->x.err, 0);
    fclose(m->f);
    return m->buf;
}

static void test_escaping(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    const char in[] = "a & b < c > \"d\"\x01\tx\ny\x7f";
    nr_xml_text(&m.x, in, sizeof in - 1);
    assert_string_equal(mem_text(&m), "a &amp; b &lt; c &gt; \"d\" x y");
    free(m.buf);

    mem_open(&m);
    nr_xml_attr(&m.x, "say \"hi\" & <go>");
    assert_string_equal(mem_text(&m), "say &quot;hi&quot; &amp; &lt;go&gt;");
    free(m.buf);

    /* letters pass; C1 controls and U+FFFE go; ill-formed bytes and a
       sequence cut by the end of the range become U+FFFD, which stays */
    mem_open(&m);
    const char u[] = "M\xC3\xBCller \xC2\x85\xEF\xBF\xBE|\xFF|\xEF\xBF\xBD|\xE2\x82";
    nr_xml_text(&m.x, u, sizeof u - 1);
    assert_string_equal(mem_text(&m), "M\xC3\xBCller |\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD");
    free(m.buf);

    /* a range ends where it says, even inside a longer string */
    mem_open(&m);
    nr_xml_text(&m.x, "abc&def", 4);
    nr_xml_str(&m.x, NULL);
    assert_string_equal(mem_text(&m), "abc&amp;");
    free(m.buf);
}

static void test_times(void **state)
{
    (void)state;
    char t[32];
    nr_clock(t, 0);
    assert_string_equal(t, "00:00:00.000");
    nr_clock(t, 3723456);
    assert_string_equal(t, "01:02:03.456");
    nr_clock(t, 100ull * 3600000 + 5);
    assert_string_equal(t, "100:00:00.005");
    nr_npt(t, 72447);
    assert_string_equal(t, "npt=72.447s");
    nr_hms(t, 249689);
    assert_string_equal(t, "00:04:10");
    nr_hms(t, 249499);
    assert_string_equal(t, "00:04:09");
}

static void test_nest(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    nr_nest n = {&m.x, "ul", 0, 0};
    static const int levels[] = {1, 3, 2, 1, 2};   /* 3 is one deeper at most */
    for (int i = 0; i < 5; i++) {
        nr_nest_item(&n, levels[i]);
        nr_xml_fmt(&m.x, "%d", i);
    }
    nr_nest_end(&n);
    const char *s = mem_text(&m);
    char flat[256];
    size_t k = 0;
    for (const char *p = s; *p && k < sizeof flat - 1; p++)
        if (*p != '\n')
            flat[k++] = *p;
    flat[k] = 0;
    assert_string_equal(flat, "<ul><li>0<ul><li>1</li><li>2</li></ul></li><li>3<ul><li>4</li></ul></li></ul>");
    free(m.buf);
}

/* ---- chapter bodies of a hand-built article ---- */

static nr_block block(nr_block_kind kind, int level, const char *text)
{
    nr_block b = {0};
    b.kind = kind;
    b.level = level;
    b.text = (char *)text;
    b.len = strlen(text);
    return b;
}

typedef struct cues {
    nr_cue_rec *v;
    size_t n;
    uint32_t segment;
    const nr_plan *plan;
} cues;

/* A cue for every sentence, as a render where all of them made sound. */
static int add_cue(void *ud, size_t start, size_t end)
{
    cues *c = ud;
    c->v = realloc(c->v, (c->n + 1) * sizeof *c->v);
    assert_non_null(c->v);
    c->v[c->n] = (nr_cue_rec){1000 * c->n, 1000 * c->n + 500, c->segment, start, end};
    c->n++;
    return 0;
}

static char *chapter(const nr_book *b, size_t c)
{
    mem m;
    mem_open(&m);
    nr_xml_raw(&m.x, "<body xmlns=\"http://www.w3.org/1999/xhtml\">\n");
    nr_book_body(b, c, &m.x);
    nr_xml_raw(&m.x, "</body>\n");
    mem_text(&m);
    return m.buf;
}

static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

static void test_bodies(void **state)
{
    (void)state;
    nr_block blocks[] = {
        block(NR_BLOCK_PARA, 0, "Dr Smith said hello. Fish & chips <cheap>."),
        block(NR_BLOCK_HEADING, 3, "Part one"),
        block(NR_BLOCK_ITEM, 1, "First item."),
        block(NR_BLOCK_ITEM, 2, "Nested item."),
        block(NR_BLOCK_ITEM, 1, "Back out."),
        block(NR_BLOCK_QUOTE, 0, "Quoted one."),
        block(NR_BLOCK_QUOTE, 0, "Quoted two."),
        block(NR_BLOCK_HEADING, 5, "Deep heading"),   /* 2 below: shown 1 below */
        block(NR_BLOCK_PARA, 0, "Last words."),
        block(NR_BLOCK_HEADING, 3, "Part two"),
        block(NR_BLOCK_PARA, 0, "The end."),
    };
    nr_article a = {0};
    a.title = "Fish & Chips";
    a.byline = "Jo Bloggs";
    a.date = "1 May 2020";
    a.subtitle = "A short standfirst.";
    a.blocks = blocks;
    a.nblocks = sizeof blocks / sizeof blocks[0];
    nr_plan p = {0};
    nr_plan_opts po = {NULL, NULL, 0};
    assert_int_equal(nr_plan_build(&p, &a, &po), NR_OK);
    assert_int_equal(p.nchapters, 4);

    cues cs = {NULL, 0, 0, &p};
    for (size_t s = 0; s < p.nsegments; s++) {
        cs.segment = (uint32_t)s;
        nr_split_sentences(p.segments[s].text, p.segments[s].len, add_cue, &cs);
    }
    nr_book b = {0};
    b.title = a.title;
    b.author = a.byline;
    b.date = a.date;
    b.article = &a;
    b.plan = &p;
    b.cues = cs.v;
    b.ncues = cs.n;
    b.duration_ms = 1000 * cs.n;
    assert_int_equal(nr_book_init(&b), 0);

    /* levels: the title 1, the shallowest heading 2, no level skipped */
    assert_int_equal(b.level[0], 1);
    assert_int_equal(b.level[1], 2);
    assert_int_equal(b.level[2], 3);
    assert_int_equal(b.level[3], 2);
    /* clips: contiguous from 0 to the end */
    assert_int_equal(nr_book_clip_begin(&b, 0), 0);
    assert_int_equal(nr_book_clip_end(&b, 0), nr_book_clip_begin(&b, 1));
    assert_int_equal(nr_book_clip_end(&b, cs.n - 1), b.duration_ms);

    int spans = 0;
    for (size_t c = 0; c < p.nchapters; c++) {
        char *x = chapter(&b, c);
        xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "chapter.xhtml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        assert_non_null(doc);   /* well-formed */
        xmlFreeDoc(doc);
        size_t end, i = nr_book_chapter_cues(&b, c, &end);
        for (; i < end; i++) {
            char id[32];
            snprintf(id, sizeof id, "id=\"s%zu\"", i + 1);
            assert_int_equal(count(x, id), 1);
            spans++;
        }
        assert_int_equal(count(x, "<span id="), (int)(end - nr_book_chapter_cues(&b, c, &end)));
        if (c == 0) {
            /* the title page: the fields as written, the sentences said
               ("Fish & Chips." "By Jo Bloggs." "1 May 2020.") as spans */
            assert_non_null(strstr(x, "<h1 id=\"h0\"><span id=\"s1\">Fish &amp; Chips</span></h1>"));
            assert_non_null(strstr(x, "<p class=\"byline\">By <span id=\"s2\">Jo Bloggs</span></p>"));
            assert_non_null(strstr(x, "<p class=\"date\"><span id=\"s3\">1 May 2020</span></p>"));
            assert_non_null(strstr(x, "<p class=\"standfirst\"><span id=\"s4\">A short standfirst.</span></p>"));
            /* as written, escaped, one span a sentence */
            assert_non_null(strstr(x, "<span id=\"s5\">Dr Smith said hello.</span> "
                                      "<span id=\"s6\">Fish &amp; chips &lt;cheap&gt;.</span>"));
        }
        if (c == 1) {
            assert_non_null(strstr(x, "<h2 id=\"h1\"><span id=\"s7\">Part one</span></h2>"));
            assert_int_equal(count(x, "<ul>"), 2);           /* the nested one inside an item */
            assert_non_null(strstr(x, "First item.</span>\n<ul>\n<li>"));
            assert_int_equal(count(x, "<blockquote>"), 1);   /* both quotes in one */
            assert_int_equal(count(x, "<p>"), 2);
        }
        if (c == 2)
            assert_non_null(strstr(x, "<h3 id=\"h2\">"));
        free(x);
    }
    assert_int_equal(spans, (int)cs.n);   /* every cue has its span */

    nr_book_release(&b);
    nr_plan_free(&p);
    free(cs.v);
}

/* A sentence that made no sound has no cue: it stays text, without a span. */
static void test_silent_sentence(void **state)
{
    (void)state;
    nr_block blocks[] = {block(NR_BLOCK_PARA, 0, "Spoken one. Silent two. Spoken three.")};
    nr_article a = {0};
    a.title = "T";
    a.blocks = blocks;
    a.nblocks = 1;
    nr_plan p = {0};
    nr_plan_opts po = {NULL, NULL, 0};
    assert_int_equal(nr_plan_build(&p, &a, &po), NR_OK);
    cues cs = {NULL, 0, 0, &p};
    for (size_t s = 0; s < p.nsegments; s++) {
        cs.segment = (uint32_t)s;
        nr_split_sentences(p.segments[s].text, p.segments[s].len, add_cue, &cs);
    }
    size_t k = 0;
    for (size_t i = 0; i < cs.n; i++) {
        const nr_cue_rec *c = &cs.v[i];
        if (strncmp(p.segments[c->segment].text + c->start, "Silent", 6) != 0)
            cs.v[k++] = *c;
    }
    assert_int_equal(k + 1, cs.n);
    cs.n = k;
    nr_book b = {0};
    b.title = a.title;
    b.article = &a;
    b.plan = &p;
    b.cues = cs.v;
    b.ncues = cs.n;
    b.duration_ms = 5000;
    assert_int_equal(nr_book_init(&b), 0);
    char *x = chapter(&b, 0);
    assert_int_equal(count(x, "<span id="), (int)cs.n);
    assert_non_null(strstr(x, "<p><span id=\"s2\">Spoken one.</span> Silent two. "
                              "<span id=\"s3\">Spoken three.</span></p>"));
    free(x);
    nr_book_release(&b);
    nr_plan_free(&p);
    free(cs.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_nest),
        cmocka_unit_test(test_bodies),
        cmocka_unit_test(test_silent_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
