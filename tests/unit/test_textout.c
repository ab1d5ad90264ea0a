/*
 * test_textout.c - unit tests for the sidecar writers (src/audio/textout.c):
 * timestamps, WebVTT cues and NOTE blocks, SubRip numbering and defusing,
 * and the Podcasting 2.0 chapters JSON.  The JSON is checked by a strict
 * recursive-descent validator below (RFC 8259 grammar plus UTF-8 validity)
 * and, when /usr/bin/python3 exists, by Python's json module as well, which
 * also gives the decoded titles to compare.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio/textout.h"
#include "buf.h"

/* ---- timestamps ---- */

static void expect_ts(uint32_t ms, char sep, const char *want)
{
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_fmt_timestamp(&b, ms, sep), 0);
    assert_string_equal(b.data, want);
    nr_buf_free(&b);
}

static void test_timestamps(void **st)
{
    (void)st;
    expect_ts(0, '.', "00:00:00.000");
    expect_ts(999, '.', "00:00:00.999");
    expect_ts(1000, ',', "00:00:01,000");
    expect_ts(61001, '.', "00:01:01.001");
    expect_ts(3599999, '.', "00:59:59.999");
    expect_ts(3599999, ',', "00:59:59,999");
    expect_ts(3600000, '.', "01:00:00.000");
    expect_ts(36000000, '.', "10:00:00.000");
    expect_ts(36000000 + 3599999, ',', "10:59:59,999");
    expect_ts(360000000, '.', "100:00:00.000");    /* hours are not wrapped */
    expect_ts(UINT32_MAX, '.', "1193:02:47.295");
    expect_ts(5, 'x', "00:00:00.005");            /* only ',' or '.' */
}

/* ---- WebVTT ---- */

static void test_vtt_cues(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_vtt_begin(&b), 0);
    nr_cue c1 = { 0, 2480, "First sentence.", 0 };
    nr_cue c2 = { 2480, 5120, "Fish & chips <sic> -> a --> b", 0 };
    nr_cue c3 = { 5120, 3600000, "no id", 0 };
    assert_int_equal(nr_vtt_cue(&b, 1, &c1), 0);
    assert_int_equal(nr_vtt_cue(&b, 2, &c2), 0);
    assert_int_equal(nr_vtt_cue(&b, 0, &c3), 0);
    assert_string_equal(b.data,
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:02.480\nFirst sentence.\n\n"
        "2\n00:00:02.480 --> 00:00:05.120\n"
        "Fish &amp; chips &lt;sic&gt; -&gt; a --&gt; b\n\n"
        "00:00:05.120 --> 01:00:00.000\nno id\n\n");
    nr_buf_free(&b);
}

static void test_vtt_newlines_collapse(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    nr_cue c = { 0, 1000, "one\n\ntwo\r\nthree\rfour\n\n\n", 0 };
    assert_int_equal(nr_vtt_cue(&b, 7, &c), 0);
    assert_string_equal(b.data,
        "7\n00:00:00.000 --> 00:00:01.000\none two three four \n\n");
    /* no blank line before the cue's end */
    assert_true(strstr(b.data, "\n\n") == b.data + b.len - 2);
    nr_buf_free(&b);
}

static void test_vtt_note(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    nr_cue c = { 60000, 120000, "Part --> two\n\n<b>&", 1 };
    assert_int_equal(nr_vtt_cue(&b, 3, &c), 0);
    assert_string_equal(b.data,
        "NOTE Chapter at 00:01:00.000: Part --&gt; two &lt;b&gt;&amp;\n\n");
    assert_null(strstr(b.data, "-->"));
    nr_buf_reset(&b);
    /* "--->" and "-- >" too */
    nr_cue d = { 0, 1, "a--->b ---->", 1 };
    assert_int_equal(nr_vtt_cue(&b, 1, &d), 0);
    assert_null(strstr(b.data, "-->"));
    nr_buf_free(&b);
}

static void test_vtt_utf8(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    /* valid text passes through, each ill-formed part becomes U+FFFD */
    nr_cue c = { 0, 1, "Caf\xC3\xA9 \xF0\x9F\x8E\xA7 \xFF x\xE4\xB8 \xC0\xAF", 0 };
    assert_int_equal(nr_vtt_cue(&b, 0, &c), 0);
    assert_string_equal(b.data, "00:00:00.000 --> 00:00:00.001\n"
        "Caf\xC3\xA9 \xF0\x9F\x8E\xA7 \xEF\xBF\xBD x\xEF\xBF\xBD "
        "\xEF\xBF\xBD\xEF\xBF\xBD\n\n");
    nr_buf_reset(&b);
    nr_cue e = { 0, 1, NULL, 0 };                 /* NULL text: empty cue */
    assert_int_equal(nr_vtt_cue(&b, 0, &e), 0);
    assert_string_equal(b.data, "00:00:00.000 --> 00:00:00.001\n\n\n");
    nr_buf_free(&b);
}

/* ---- SubRip ---- */

static void test_srt(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    nr_cue c1 = { 0, 2480, "First & <i>only</i> line", 0 };
    nr_cue c2 = { 2480, 36000000, "a\n\nb {\\an8} {x} c --> d -> e", 0 };
    nr_cue c3 = { 36000000, 36001000, "Chapter two", 1 };
    assert_int_equal(nr_srt_cue(&b, 1, &c1), 0);
    assert_int_equal(nr_srt_cue(&b, 2, &c2), 0);
    assert_int_equal(nr_srt_cue(&b, 3, &c3), 0);
    assert_string_equal(b.data,
        "1\n00:00:00,000 --> 00:00:02,480\n"
        "First & \xE2\x80\xB9i>only\xE2\x80\xB9/i> line\n\n"
        "2\n00:00:02,480 --> 10:00:00,000\n"
        "a b \xEF\xBD\x9B\\an8} {x} c --\xE2\x80\xBA d -> e\n\n"
        "3\n10:00:00,000 --> 10:00:01,000\nChapter two\n\n");
    /* nothing that FFmpeg could take for a tag, one blank line per cue */
    assert_null(strchr(b.data, '<'));
    nr_buf_free(&b);
}

/* ---- rollback ---- */

static void test_failure_leaves_buffer(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 40);
    assert_int_equal(nr_buf_puts(&b, "keep"), 0);
    nr_cue c = { 0, 1000, "a cue far too long for forty bytes in all", 0 };
    assert_int_equal(nr_vtt_cue(&b, 1, &c), NR_BUF_TOOBIG);
    assert_string_equal(b.data, "keep");
    assert_int_equal(nr_srt_cue(&b, 1, &c), NR_BUF_TOOBIG);
    assert_string_equal(b.data, "keep");
    nr_json_chapter j = { "a title that does not fit", 0, 1 };
    assert_int_equal(nr_chapters_json(&b, &j, 1), NR_BUF_TOOBIG);
    assert_int_equal(b.len, 4);
    nr_buf_free(&b);
}

/* ---- a strict JSON validator (RFC 8259) ---- */

typedef struct jp {
    const unsigned char *p, *end;
    int depth;
} jp;

static void j_ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n'
                             || *j->p == '\r'))
        j->p++;
}

static int j_value(jp *j);

static int j_hex4(jp *j, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        if (j->p >= j->end)
            return 0;
        unsigned c = *j->p++, d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        *v = *v << 4 | d;
    }
    return 1;
}

/* One well-formed UTF-8 sequence (Unicode table 3-7). */
static int j_utf8(jp *j)
{
    unsigned c = *j->p++;
    unsigned need, lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    for (unsigned k = 0; k < need; k++) {
        if (j->p >= j->end || *j->p < lo || *j->p > hi)
            return 0;
        j->p++;
        lo = 0x80, hi = 0xBF;
    }
    return 1;
}

static int j_string(jp *j)
{
    if (j->p >= j->end || *j->p != '"')
        return 0;
    j->p++;
    while (j->p < j->end) {
        unsigned c = *j->p;
        if (c == '"') {
            j->p++;
            return 1;
        }
        if (c < 0x20)
            return 0;                             /* raw control */
        if (c == '\\') {
            j->p++;
            if (j->p >= j->end)
                return 0;
            c = *j->p++;
            if (c == 'u') {
                unsigned v;
                if (!j_hex4(j, &v))
                    return 0;
                if (v >= 0xD800 && v < 0xDC00) {  /* needs its low half */
                    if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u')
                        return 0;
                    j->p += 2;
                    unsigned lo;
                    if (!j_hex4(j, &lo) || lo < 0xDC00 || lo >= 0xE000)
                        return 0;
                } else if (v >= 0xDC00 && v < 0xE000) {
                    return 0;
                }
            } else if (!strchr("\"\\/bfnrt", (int)c) || c == 0) {
                return 0;
            }
        } else if (c >= 0x80) {
            if (!j_utf8(j))
                return 0;
        } else {
            j->p++;
        }
    }
    return 0;
}

static int j_digits(jp *j)
{
    const unsigned char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
    return j->p > s;
}

static int j_number(jp *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;                                   /* no leading zeros */
    else if (!j_digits(j))
        return 0;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (!j_digits(j))
            return 0;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (!j_digits(j))
            return 0;
    }
    return 1;
}

static int j_lit(jp *j, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
        return 0;
    j->p += n;
    return 1;
}

static int j_value(jp *j)
{
    if (++j->depth > 64)
        return 0;
    j_ws(j);
    if (j->p >= j->end)
        return 0;
    int ok;
    switch (*j->p) {
    case '{':
        j->p++;
        j_ws(j);
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            ok = 1;
            break;
        }
        for (;;) {
            j_ws(j);
            if (!j_string(j))
                return 0;
            j_ws(j);
            if (j->p >= j->end || *j->p++ != ':')
                return 0;
            if (!j_value(j))
                return 0;
            j_ws(j);
            if (j->p >= j->end)
                return 0;
            if (*j->p == ',') {
                j->p++;
                continue;
            }
            if (*j->p++ != '}')
                return 0;
            break;
        }
        ok = 1;
        break;
    case '[':
        j->p++;
        j_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            ok = 1;
            break;
        }
        for (;;) {
            if (!j_value(j))
                return 0;
            j_ws(j);
            if (j->p >= j->end)
                return 0;
            if (*j->p == ',') {
                j->p++;
                continue;
            }
            if (*j->p++ != ']')
                return 0;
            break;
        }
        ok = 1;
        break;
    case '"':
        ok = j_string(j);
        break;
    case 't':
        ok = j_lit(j, "true");
        break;
    case 'f':
        ok = j_lit(j, "false");
        break;
    case 'n':
        ok = j_lit(j, "null");
        break;
    default:
        ok = j_number(j);
    }
    j->depth--;
    return ok;
}

static int json_valid(const char *s, size_t n)
{
    jp j = { (const unsigned char *)s, (const unsigned char *)s + n, 0 };
    if (!j_value(&j))
        return 0;
    j_ws(&j);
    return j.p == j.end;
}

static void test_json_checker_itself(void **st)
{
    (void)st;
    static const char *good[] = {
        "{}", "[]", "0", "-0.5e+3", "\"\\u00e9\\ud83c\\udfa7\"",
        "{\"a\": [1, 2.25, true, false, null, \"x\"]}", " \"\xC3\xA9\" ",
    };
    static const char *bad[] = {
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", ".5", "\"\x01\"",
        "\"\\x\"", "\"\xFF\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\\ud800\"",
        "{} x", "tru", "[1 2]", "\"abc",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true(json_valid(good[i], strlen(good[i])));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(json_valid(bad[i], strlen(bad[i])));
}

/* Python's opinion, when it is installed: the decoded titles and times as
   ASCII-only JSON, or NULL when python3 is missing. */
static char *python_view(const char *json, size_t n)
{
    if (access("/usr/bin/python3", X_OK) != 0)
        return NULL;
    char path[] = "/tmp/test_textout.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, json, n), (ssize_t)n);
    close(fd);
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1],"
             "encoding=\"utf-8\")); print(json.dumps(d, ensure_ascii=True))' %s",
             path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = calloc(1, 65536);
    assert_non_null(out);
    size_t k = fread(out, 1, 65535, p);
    out[k] = '\0';
    int rc = pclose(p);
    unlink(path);
    assert_int_equal(rc, 0);
    return out;
}

/* ---- chapters JSON ---- */

static void test_json_exact(void **st)
{
    (void)st;
    nr_buf b;
    nr_buf_init(&b, 0);
    nr_json_chapter ch[] = {
        { "Intro", 0, 12345 },
        { "Two", 12345, 60000 },
        { NULL, 60000, 61500 },                   /* title is optional */
    };
    assert_int_equal(nr_chapters_json(&b, ch, 3), 0);
    assert_string_equal(b.data,
        "{\"version\": \"1.2.0\", \"chapters\": [\n"
        "  {\"startTime\": 0, \"endTime\": 12.345, \"title\": \"Intro\"},\n"
        "  {\"startTime\": 12.345, \"endTime\": 60, \"title\": \"Two\"},\n"
        "  {\"startTime\": 60, \"endTime\": 61.5}\n"
        "]}\n");
    assert_true(json_valid(b.data, b.len));
    nr_buf_reset(&b);
    assert_int_equal(nr_chapters_json(&b, NULL, 0), 0);
    assert_string_equal(b.data, "{\"version\": \"1.2.0\", \"chapters\": []}\n");
    assert_true(json_valid(b.data, b.len));
    nr_buf_free(&b);
}

static void test_json_seconds(void **st)
{
    (void)st;
    static const struct { uint32_t ms; const char *s; } cases[] = {
        { 0, "0" }, { 1, "0.001" }, { 10, "0.01" }, { 100, "0.1" },
        { 999, "0.999" }, { 1000, "1" }, { 1500, "1.5" }, { 12030, "12.03" },
        { 12300, "12.3" }, { 3600000, "3600" }, { UINT32_MAX, "4294967.295" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nr_buf b;
        nr_buf_init(&b, 0);
        nr_json_chapter c = { "t", cases[i].ms, cases[i].ms };
        assert_int_equal(nr_chapters_json(&b, &c, 1), 0);
        char want[200];
        snprintf(want, sizeof want,
                 "{\"version\": \"1.2.0\", \"chapters\": [\n"
                 "  {\"startTime\": %s, \"endTime\": %s, \"title\": \"t\"}\n]}\n",
                 cases[i].s, cases[i].s);
        assert_string_equal(b.data, want);
        assert_true(json_valid(b.data, b.len));
        nr_buf_free(&b);
    }
}

static void test_json_escaping(void **st)
{
    (void)st;
    nr_json_chapter ch[] = {
        { "say \"hi\" \\ back\\slash /", 0, 1000 },
        { "ctl \x01\x1f\t\n\r\x7f end", 1000, 2000 },
        { "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x8E\xA7", 2000, 3000 },
        { "bad \xFF \xE4\xB8 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 ok", 3000, 4000 },
        { "sep \xE2\x80\xA8 \xE2\x80\xA9 fffd \xEF\xBF\xBD", 4000, 5000 },
        { "", 5000, 6000 },
    };
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_chapters_json(&b, ch, 6), 0);
    assert_true(json_valid(b.data, b.len));
    assert_non_null(strstr(b.data, "\"title\": \"say \\\"hi\\\" \\\\ back\\\\slash /\""));
    assert_non_null(strstr(b.data,
        "\"title\": \"ctl \\u0001\\u001f\\u0009\\u000a\\u000d\\u007f end\""));
    assert_non_null(strstr(b.data,
        "\"title\": \"Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x8E\xA7\""));
    assert_non_null(strstr(b.data,
        "\"title\": \"bad \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok\""));
    assert_non_null(strstr(b.data,
        "\"title\": \"sep \\u2028 \\u2029 fffd \xEF\xBF\xBD\""));
    assert_non_null(strstr(b.data, "\"title\": \"\"}"));

    char *py = python_view(b.data, b.len);
    if (py) {
        assert_string_equal(py,
            "{\"version\": \"1.2.0\", \"chapters\": ["
            "{\"startTime\": 0, \"endTime\": 1, \"title\": \"say \\\"hi\\\" \\\\ back\\\\slash /\"}, "
            "{\"startTime\": 1, \"endTime\": 2, \"title\": \"ctl \\u0001\\u001f\\t\\n\\r\\u007f end\"}, "
            "{\"startTime\": 2, \"endTime\": 3, \"title\": \"Caf\\u00e9 \\u4e2d\\u6587 \\ud83c\\udfa7\"}, "
            "{\"startTime\": 3, \"endTime\": 4, \"title\": \"bad \\ufffd \\ufffd \\ufffd\\ufffd "
            "\\ufffd\\ufffd\\ufffd \\ufffd\\ufffd\\ufffd\\ufffd ok\"}, "
            "{\"startTime\": 4, \"endTime\": 5, \"title\": \"sep \\u2028 \\u2029 fffd \\ufffd\"}, "
            "{\"startTime\": 5, \"endTime\": 6, \"title\": \"\"}]}\n");
        free(py);
    }
    nr_buf_free(&b);
}

static void test_json_many_random(void **st)
{
    (void)st;
    /* random bytes as titles: always valid JSON */
    uint64_t s = 7;
    nr_json_chapter ch[50];
    char titles[50][40];
    for (int round = 0; round < 40; round++) {
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 39; k++) {
                s = s * 6364136223846793005ull + 1442695040888963407ull;
                unsigned v = (unsigned)(s >> 56);
                titles[i][k] = (char)(v ? v : 'z');
            }
            titles[i][39] = '\0';
            ch[i].title = titles[i];
            ch[i].start_ms = (uint32_t)(s >> 8);
            ch[i].end_ms = (uint32_t)(s >> 20);
        }
        nr_buf b;
        nr_buf_init(&b, 0);
        assert_int_equal(nr_chapters_json(&b, ch, 50), 0);
        assert_true(json_valid(b.data, b.len));
        if (round == 0) {
            char *py = python_view(b.data, b.len);
            free(py);                             /* parsed without error */
        }
        nr_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timestamps),
        cmocka_unit_test(test_vtt_cues),
        cmocka_unit_test(test_vtt_newlines_collapse),
        cmocka_unit_test(test_vtt_note),
        cmocka_unit_test(test_vtt_utf8),
        cmocka_unit_test(test_srt),
        cmocka_unit_test(test_failure_leaves_buffer),
        cmocka_unit_test(test_json_checker_itself),
        cmocka_unit_test(test_json_exact),
        cmocka_unit_test(test_json_seconds),
        cmocka_unit_test(test_json_escaping),
        cmocka_unit_test(test_json_many_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
