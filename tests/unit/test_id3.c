/*
 * test_id3.c - unit tests for the ID3v2.3 writer (src/audio/id3.c).
 *
 * Two kinds of check: byte-exact expectations for the small structures
 * where a wrong byte is invisible to lenient readers (header, syncsafe vs
 * plain sizes, encodings, CTOC/CHAP layout), and write-then-parse-back with
 * a small independent ID3v2.3 parser below, for every field and for 1, 255,
 * 256 and 1000 chapters (the nested CTOC tree).  Real readers (FFmpeg,
 * mutagen, mp3val) are tests/suites/id3_oracles.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio/id3.h"
#include "buf.h"

/* ---- a small ID3v2.3 parser, written from the spec, not from id3.c ---- */

typedef struct frame {
    char id[5];
    uint32_t size;
    const uint8_t *body;
} frame;

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Frames in p[0..n) up to the padding; *pad_ok says whether everything
   after the last frame is zero.  Fails the test on a frame overrunning n. */
static size_t parse_frames(const uint8_t *p, size_t n, frame *f, size_t max,
                           int *pad_ok)
{
    size_t pos = 0, k = 0;
    while (pos + 10 <= n && p[pos] != 0) {
        assert_true(k < max);
        memcpy(f[k].id, p + pos, 4);
        f[k].id[4] = '\0';
        for (int i = 0; i < 4; i++)
            assert_true((f[k].id[i] >= 'A' && f[k].id[i] <= 'Z')
                        || (f[k].id[i] >= '0' && f[k].id[i] <= '9'));
        f[k].size = be32(p + pos + 4);
        assert_int_equal(p[pos + 8], 0);          /* flags */
        assert_int_equal(p[pos + 9], 0);
        assert_true(f[k].size <= n - pos - 10);
        f[k].body = p + pos + 10;
        pos += 10 + f[k].size;
        k++;
    }
    int zero = 1;
    for (size_t i = pos; i < n; i++)
        zero &= p[i] == 0;
    if (pad_ok)
        *pad_ok = zero;
    return k;
}

/* The tag in b: checks the header, returns the frames. */
static size_t parse_tag(const nr_buf *b, frame *f, size_t max, int *pad_ok)
{
    const uint8_t *p = (const uint8_t *)b->data;
    assert_true(b->len >= 10);
    assert_memory_equal(p, "ID3\x03\x00\x00", 6);
    for (int i = 6; i < 10; i++)
        assert_true(p[i] < 0x80);
    uint32_t size = (uint32_t)p[6] << 21 | (uint32_t)p[7] << 14
                    | (uint32_t)p[8] << 7 | p[9];
    assert_int_equal(size + 10, b->len);
    return parse_frames(p + 10, size, f, max, pad_ok);
}

static void put_utf8(char **o, uint32_t cp)
{
    unsigned char *q = (unsigned char *)*o;
    if (cp < 0x80) {
        *q++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *q++ = (unsigned char)(0xC0 | cp >> 6);
        *q++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *q++ = (unsigned char)(0xE0 | cp >> 12);
        *q++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *q++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *q++ = (unsigned char)(0xF0 | cp >> 18);
        *q++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
        *q++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *q++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *o = (char *)q;
}

/* One terminated string of encoding enc at p[0..n) -> malloc'd UTF-8;
   *used gets the bytes taken, terminator included.  enc 1 needs FF FE. */
static char *get_str(unsigned enc, const uint8_t *p, size_t n, size_t *used)
{
    char *s = malloc(n * 2 + 1), *o = s;
    assert_non_null(s);
    size_t i = 0;
    if (enc == 0) {
        while (i < n && p[i])
            put_utf8(&o, p[i++]);
        assert_true(i < n);                       /* terminated */
        i++;
    } else {
        assert_int_equal(enc, 1);
        assert_true(n >= 4);
        assert_int_equal(p[0], 0xFF);             /* BOM, little-endian */
        assert_int_equal(p[1], 0xFE);
        i = 2;
        for (;;) {
            assert_true(i + 2 <= n);
            unsigned u = p[i] | p[i + 1] << 8;
            i += 2;
            if (u == 0)
                break;
            if (u >= 0xD800 && u < 0xDC00) {
                assert_true(i + 2 <= n);
                unsigned lo = p[i] | p[i + 1] << 8;
                i += 2;
                assert_true(lo >= 0xDC00 && lo < 0xE000);
                put_utf8(&o, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
            } else {
                assert_false(u >= 0xDC00 && u < 0xE000);
                put_utf8(&o, u);
            }
        }
    }
    *o = '\0';
    *used = i;
    return s;
}

/* Body of a T*** frame -> malloc'd UTF-8; the terminator must end it. */
static char *text_of(const frame *f)
{
    assert_true(f->id[0] == 'T');
    assert_true(f->size >= 2);
    size_t used;
    char *s = get_str(f->body[0], f->body + 1, f->size - 1, &used);
    assert_int_equal(used, f->size - 1);
    /* encoding 0 is used exactly for pure ASCII */
    int ascii = 1;
    for (const unsigned char *q = (const unsigned char *)s; *q; q++)
        ascii &= *q < 0x80;
    assert_int_equal(f->body[0], ascii ? 0 : 1);
    return s;
}

static const frame *find(const frame *f, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].id, id) == 0)
            return &f[i];
    return NULL;
}

static void expect_text(const frame *f, size_t n, const char *id,
                        const char *want)
{
    const frame *x = find(f, n, id);
    if (!want) {
        assert_null(x);
        return;
    }
    assert_non_null(x);
    char *s = text_of(x);
    assert_string_equal(s, want);
    free(s);
}

/* ---- helpers ---- */

static nr_buf render(const nr_id3_meta *m, size_t total)
{
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_id3_render(m, total, &b), 0);
    return b;
}

/* A tag holding only TIT2 = title. */
static nr_buf title_tag(const char *title)
{
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.title = title;
    return render(&m, 0);
}

/* ---- byte-exact ---- */

static void test_header_and_ascii_tit2(void **st)
{
    (void)st;
    nr_buf b = title_tag("Narrate test");
    static const uint8_t want[] = {
        'I', 'D', '3', 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x18,
        'T', 'I', 'T', '2', 0x00, 0x00, 0x00, 0x0E, 0x00, 0x00,
        0x00, 'N', 'a', 'r', 'r', 'a', 't', 'e', ' ', 't', 'e', 's', 't', 0x00,
    };
    assert_int_equal(b.len, sizeof want);
    assert_memory_equal(b.data, want, sizeof want);
    nr_buf_free(&b);
}

static void test_syncsafe_boundaries(void **st)
{
    (void)st;
    /* Tag size field at 127, 128, 257 and a large value (padding sets it). */
    static const struct { size_t body; uint8_t ss[4]; } cases[] = {
        { 127, { 0x00, 0x00, 0x00, 0x7F } },
        { 128, { 0x00, 0x00, 0x01, 0x00 } },
        { 257, { 0x00, 0x00, 0x02, 0x01 } },
        { 16384, { 0x00, 0x01, 0x00, 0x00 } },
        { 2097152 + 3, { 0x01, 0x00, 0x00, 0x03 } },
    };
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.title = "x";
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nr_buf b = render(&m, cases[i].body + 10);
        assert_int_equal(b.len, cases[i].body + 10);
        assert_memory_equal(b.data + 6, cases[i].ss, 4);
        frame f[4];
        int pad_ok;
        assert_int_equal(parse_tag(&b, f, 4, &pad_ok), 1);
        assert_true(pad_ok);
        nr_buf_free(&b);
    }
}

static void test_frame_size_plain_not_syncsafe(void **st)
{
    (void)st;
    /* Frame bodies of 127, 128 and 257 bytes: v2.3 sizes are plain BE, so
       128 is 00 00 00 80 (syncsafe would be 00 00 01 00). */
    static const struct { size_t body; uint8_t sz[4]; } cases[] = {
        { 127, { 0, 0, 0, 0x7F } },
        { 128, { 0, 0, 0, 0x80 } },
        { 257, { 0, 0, 0x01, 0x01 } },
    };
    for (size_t i = 0; i < 3; i++) {
        size_t len = cases[i].body - 2;           /* enc byte + NUL */
        char *t = malloc(len + 1);
        assert_non_null(t);
        memset(t, 'a', len);
        t[len] = '\0';
        nr_buf b = title_tag(t);
        assert_memory_equal(b.data + 10, "TIT2", 4);
        assert_memory_equal(b.data + 14, cases[i].sz, 4);
        assert_int_equal(b.len, 10 + 10 + cases[i].body);
        nr_buf_free(&b);
        free(t);
    }
}

static void test_utf16_bom_and_surrogates(void **st)
{
    (void)st;
    /* "é😀": U+00E9, U+1F600 = D83D DE00 */
    nr_buf b = title_tag("\xC3\xA9\xF0\x9F\x98\x80");
    static const uint8_t want[] = {
        'T', 'I', 'T', '2', 0, 0, 0, 11, 0, 0,
        0x01, 0xFF, 0xFE, 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x00, 0x00,
    };
    assert_int_equal(b.len, 10 + sizeof want);
    assert_memory_equal(b.data + 10, want, sizeof want);
    nr_buf_free(&b);

    /* 中文: U+4E2D U+6587 */
    b = title_tag("\xE4\xB8\xAD\xE6\x96\x87");
    static const uint8_t cjk[] = { 0x01, 0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65, 0, 0 };
    assert_memory_equal(b.data + 20, cjk, sizeof cjk);
    nr_buf_free(&b);
}

static void test_invalid_utf8_becomes_fffd(void **st)
{
    (void)st;
    static const struct { const char *in; const char *units; size_t n; } cases[] = {
        /* stray byte */
        { "a\xFF", "a\0\xFD\xFF", 4 },
        /* truncated 3-byte sequence at the end: one U+FFFD */
        { "\xE4\xB8", "\xFD\xFF", 2 },
        /* truncated sequence followed by ASCII */
        { "\xE4\xB8z", "\xFD\xFFz\0", 4 },
        /* overlong "/": C0 is never valid, AF is a stray continuation */
        { "\xC0\xAF", "\xFD\xFF\xFD\xFF", 4 },
        /* encoded surrogate D800: ED then two strays */
        { "\xED\xA0\x80", "\xFD\xFF\xFD\xFF\xFD\xFF", 6 },
        /* past U+10FFFF */
        { "\xF4\x90\x80\x80", "\xFD\xFF\xFD\xFF\xFD\xFF\xFD\xFF", 8 },
        /* U+10FFFF itself is fine: DBFF DFFF */
        { "\xF4\x8F\xBF\xBF", "\xFF\xDB\xFF\xDF", 4 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nr_buf b = title_tag(cases[i].in);
        const uint8_t *p = (const uint8_t *)b.data + 20;
        assert_int_equal(be32((const uint8_t *)b.data + 14), 1 + 2 + cases[i].n + 2);
        assert_memory_equal(p, "\x01\xFF\xFE", 3);
        assert_memory_equal(p + 3, cases[i].units, cases[i].n);
        assert_memory_equal(p + 3 + cases[i].n, "\0\0", 2);
        nr_buf_free(&b);
    }
}

static void test_comm_apic_tlen_bytes(void **st)
{
    (void)st;
    static const uint8_t png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 };
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.comment = "Hi";
    m.length_ms = 12345;
    m.cover = png;
    m.cover_len = sizeof png;
    m.cover_mime = "image/png";
    nr_buf b = render(&m, 0);
    static const uint8_t want[] = {
        'T', 'L', 'E', 'N', 0, 0, 0, 7, 0, 0, 0x00, '1', '2', '3', '4', '5', 0,
        'C', 'O', 'M', 'M', 0, 0, 0, 8, 0, 0, 0x00, 'e', 'n', 'g', 0, 'H', 'i', 0,
        'A', 'P', 'I', 'C', 0, 0, 0, 23, 0, 0, 0x00,
        'i', 'm', 'a', 'g', 'e', '/', 'p', 'n', 'g', 0, 0x03, 0,
        0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2,
    };
    assert_int_equal(b.len, 10 + sizeof want);
    assert_memory_equal(b.data + 10, want, sizeof want);
    nr_buf_free(&b);

    /* non-ASCII comment: each string (even the empty description) has a
       BOM, as FFmpeg requires */
    memset(&m, 0, sizeof m);
    m.comment = "\xC3\xA9";
    b = render(&m, 0);
    static const uint8_t uc[] = {
        'C', 'O', 'M', 'M', 0, 0, 0, 14, 0, 0, 0x01, 'e', 'n', 'g',
        0xFF, 0xFE, 0, 0, 0xFF, 0xFE, 0xE9, 0, 0, 0,
    };
    assert_int_equal(b.len, 10 + sizeof uc);
    assert_memory_equal(b.data + 10, uc, sizeof uc);
    nr_buf_free(&b);

    /* MIME guessed when unset */
    memset(&m, 0, sizeof m);
    m.cover = png;
    m.cover_len = sizeof png;
    b = render(&m, 0);
    assert_memory_equal(b.data + 21, "image/png", 10);
    nr_buf_free(&b);
    m.cover = (const uint8_t *)"\xFF\xD8\xFF";
    m.cover_len = 3;
    b = render(&m, 0);
    assert_memory_equal(b.data + 21, "image/jpeg", 11);
    nr_buf_free(&b);
}

static void test_ctoc_and_chap_bytes(void **st)
{
    (void)st;
    nr_id3_chapter ch[2] = { { "Intro", 0, 1500 }, { "\xC3\xA9", 1500, 70000 } };
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.chapters = ch;
    m.nchapters = 2;
    nr_buf b = render(&m, 0);
    static const uint8_t want[] = {
        'C', 'T', 'O', 'C', 0, 0, 0, 16, 0, 0,
        't', 'o', 'c', 0, 0x03, 0x02, 'c', 'h', 'p', '0', 0, 'c', 'h', 'p', '1', 0,
        'C', 'H', 'A', 'P', 0, 0, 0, 38, 0, 0,
        'c', 'h', 'p', '0', 0, 0, 0, 0, 0, 0, 0, 0x05, 0xDC,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        'T', 'I', 'T', '2', 0, 0, 0, 7, 0, 0, 0x00, 'I', 'n', 't', 'r', 'o', 0,
        'C', 'H', 'A', 'P', 0, 0, 0, 38, 0, 0,
        'c', 'h', 'p', '1', 0, 0, 0, 0x05, 0xDC, 0, 0x01, 0x11, 0x70,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        'T', 'I', 'T', '2', 0, 0, 0, 7, 0, 0, 0x01, 0xFF, 0xFE, 0xE9, 0, 0, 0,
    };
    assert_int_equal(b.len, 10 + sizeof want);
    assert_memory_equal(b.data + 10, want, sizeof want);
    nr_buf_free(&b);
}

/* ---- parse back ---- */

static const char *const sample_titles[] = {
    "Intro",
    "Caf\xC3\xA9 cr\xC3\xA8me",
    "\xE4\xB8\xAD\xE6\x96\x87\xE6\xA0\x87\xE9\xA2\x98",
    "Emoji \xF0\x9F\x8E\xA7\xF0\x9F\x98\x80 end",
    "Quotes \"and\" %s %n percent",
    "",        /* no TIT2 sub-frame */
};

/* Checks a parsed CHAP frame against chapter c with element ID id. */
static void check_chap(const frame *f, const char *id, const nr_id3_chapter *c)
{
    assert_string_equal(f->id, "CHAP");
    size_t idl = strlen(id);
    assert_true(f->size >= idl + 1 + 16);
    assert_memory_equal(f->body, id, idl + 1);       /* with its NUL */
    const uint8_t *p = f->body + idl + 1;
    assert_int_equal(be32(p), c->start_ms);
    assert_int_equal(be32(p + 4), c->end_ms);
    assert_int_equal(be32(p + 8), 0xFFFFFFFFu);
    assert_int_equal(be32(p + 12), 0xFFFFFFFFu);
    frame sub[4];
    size_t ns = parse_frames(p + 16, f->size - idl - 1 - 16, sub, 4, NULL);
    if (c->title && *c->title) {
        assert_int_equal(ns, 1);
        assert_string_equal(sub[0].id, "TIT2");       /* first (and only) */
        char *s = text_of(&sub[0]);
        assert_string_equal(s, c->title);
        free(s);
    } else {
        assert_int_equal(ns, 0);
    }
}

/* CTOC body -> flags, entry list (ids written into ids[], NUL-separated). */
static size_t parse_ctoc(const frame *f, const char *want_id, unsigned flags,
                         char ids[][16], size_t max)
{
    assert_string_equal(f->id, "CTOC");
    size_t idl = strlen(want_id);
    assert_memory_equal(f->body, want_id, idl + 1);
    assert_int_equal(f->body[idl + 1], flags);
    size_t cnt = f->body[idl + 2];
    assert_true(cnt <= max);
    size_t pos = idl + 3;
    for (size_t i = 0; i < cnt; i++) {
        size_t k = 0;
        while (pos < f->size && f->body[pos]) {
            assert_true(k < 15);
            ids[i][k++] = (char)f->body[pos++];
        }
        assert_true(pos < f->size);                   /* NUL-terminated */
        ids[i][k] = '\0';
        pos++;
    }
    assert_int_equal(pos, f->size);                   /* no sub-frames */
    return cnt;
}

static void roundtrip(size_t n)
{
    nr_id3_chapter *ch = calloc(n, sizeof *ch);
    assert_non_null(ch);
    for (size_t i = 0; i < n; i++) {
        ch[i].title = sample_titles[i % (sizeof sample_titles / sizeof sample_titles[0])];
        ch[i].start_ms = (uint32_t)(i * 1000);
        ch[i].end_ms = (uint32_t)(i * 1000 + 1000);
    }
    if (n)
        ch[n - 1].end_ms = UINT32_MAX;
    nr_id3_meta m = {
        .title = "Episode \xE2\x80\x94 one", .artist = "Someone", .album = "Show",
        .genre = "Podcast", .year = "2026", .date_ddmm = "2911",
        .comment = "A comment", .encoder = "narrate 0.1.0",
        .length_ms = 4294967295u, .chapters = ch, .nchapters = n,
    };
    size_t bound = nr_id3_size_bound(&m);
    nr_buf b = render(&m, bound + 333);
    assert_int_equal(b.len, bound + 333);

    size_t maxf = n + 32;
    frame *f = calloc(maxf, sizeof *f);
    assert_non_null(f);
    int pad_ok;
    size_t nf = parse_tag(&b, f, maxf, &pad_ok);
    assert_true(pad_ok);

    expect_text(f, nf, "TIT2", m.title);
    expect_text(f, nf, "TPE1", m.artist);
    expect_text(f, nf, "TALB", m.album);
    expect_text(f, nf, "TCON", m.genre);
    expect_text(f, nf, "TYER", m.year);
    expect_text(f, nf, "TDAT", m.date_ddmm);
    expect_text(f, nf, "TSSE", m.encoder);
    expect_text(f, nf, "TLEN", "4294967295");
    const frame *c = find(f, nf, "COMM");
    assert_non_null(c);
    assert_memory_equal(c->body, "\x00" "eng" "\x00" "A comment\x00", 15);
    assert_int_equal(c->size, 15);

    /* the chapter frames: CTOC(s) then CHAPs, in order */
    size_t first = 0;
    while (first < nf && strcmp(f[first].id, "CTOC") != 0)
        first++;
    assert_true(first < nf);
    char (*ids)[16] = calloc(256, sizeof *ids);
    assert_non_null(ids);
    size_t groups = n <= 255 ? 0 : (n + 254) / 255;
    size_t cnt = parse_ctoc(&f[first], "toc", 0x03, ids, 255);
    if (!groups) {
        assert_int_equal(cnt, n);
        for (size_t i = 0; i < n; i++) {
            char want[32];
            snprintf(want, sizeof want, "chp%zu", i);
            assert_string_equal(ids[i], want);
        }
    } else {
        assert_int_equal(cnt, groups);
        for (size_t g = 0; g < groups; g++) {
            char want[32];
            snprintf(want, sizeof want, "toc%zu", g);
            assert_string_equal(ids[g], want);
        }
        for (size_t g = 0; g < groups; g++) {
            char tid[32];
            snprintf(tid, sizeof tid, "toc%zu", g);
            size_t k = parse_ctoc(&f[first + 1 + g], tid, 0x01, ids, 255);
            size_t expect = n - g * 255 < 255 ? n - g * 255 : 255;
            assert_int_equal(k, expect);
            for (size_t i = 0; i < k; i++) {
                char want[32];
                snprintf(want, sizeof want, "chp%zu", g * 255 + i);
                assert_string_equal(ids[i], want);
            }
        }
    }
    size_t at = first + 1 + groups;
    assert_true(at + n <= nf);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "chp%zu", i);
        check_chap(&f[at + i], id, &ch[i]);
    }
    /* nothing else is a CHAP or CTOC: the ids are unique */
    size_t nchap = 0, nctoc = 0;
    for (size_t i = 0; i < nf; i++) {
        nchap += strcmp(f[i].id, "CHAP") == 0;
        nctoc += strcmp(f[i].id, "CTOC") == 0;
    }
    assert_int_equal(nchap, n);
    assert_int_equal(nctoc, 1 + groups);

    free(ids);
    free(f);
    free(ch);
    nr_buf_free(&b);
}

static void test_roundtrip_1(void **st) { (void)st; roundtrip(1); }
static void test_roundtrip_255(void **st) { (void)st; roundtrip(255); }
static void test_roundtrip_256(void **st) { (void)st; roundtrip(256); }
static void test_roundtrip_1000(void **st) { (void)st; roundtrip(1000); }

static void test_long_title_roundtrip(void **st)
{
    (void)st;
    char t[260];
    memset(t, 'L', 250);
    memcpy(t + 250, "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x8E\xA7", 9); /* tail: é中🎧 */
    t[259] = '\0';
    nr_id3_chapter ch = { t, 0, 1000 };
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.chapters = &ch;
    m.nchapters = 1;
    nr_buf b = render(&m, 0);
    frame f[4];
    assert_int_equal(parse_tag(&b, f, 4, NULL), 2);
    check_chap(&f[1], "chp0", &ch);
    nr_buf_free(&b);
}

/* ---- sizes, padding, failures ---- */

static uint32_t rnd(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*s >> 32);
}

static void test_size_bound(void **st)
{
    (void)st;
    nr_id3_chapter ch[300];
    for (size_t i = 0; i < 300; i++)
        ch[i].title = sample_titles[i % 6];
    nr_id3_meta m = { .title = "T", .artist = "\xC3\xA9", .chapters = ch };
    uint64_t seed = 42;
    static const size_t counts[] = { 0, 1, 3, 255, 256, 300 };
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        m.nchapters = counts[c];
        m.length_ms = 0;
        size_t bound = nr_id3_size_bound(&m);
        for (int iter = 0; iter < 50; iter++) {
            for (size_t i = 0; i < counts[c]; i++) {
                ch[i].start_ms = rnd(&seed);
                ch[i].end_ms = rnd(&seed);
            }
            uint32_t r = rnd(&seed);
            m.length_ms = iter == 0 ? 0 : iter == 1 ? 1 : r >> (r % 32);
            nr_buf b = render(&m, 0);
            assert_true(b.len <= bound);
            assert_int_equal(nr_id3_size_bound(&m), bound);  /* times don't matter */
            nr_buf_free(&b);
        }
        /* and it is exact: the widest TLEN reaches it */
        m.length_ms = UINT32_MAX;
        nr_buf b = render(&m, 0);
        assert_int_equal(b.len, bound);
        /* the bound is enough as total_size */
        m.length_ms = 1234;
        nr_buf b2 = render(&m, bound);
        assert_int_equal(b2.len, bound);
        nr_buf_free(&b);
        nr_buf_free(&b2);
    }
}

static void test_padding_exact_and_append(void **st)
{
    (void)st;
    nr_id3_meta m = { .title = "Pad me", .length_ms = 77 };
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_buf_puts(&b, "prefix"), 0);
    assert_int_equal(nr_id3_render(&m, 4096, &b), 0);
    assert_int_equal(b.len, 6 + 4096);
    assert_memory_equal(b.data, "prefixID3", 9);
    /* size field = 4086 = 0x0FF6 -> 00 00 1F 76 */
    assert_memory_equal(b.data + 6 + 6, "\x00\x00\x1F\x76", 4);
    size_t unpadded = 10 + (10 + 1 + 6 + 1) + (10 + 1 + 2 + 1);
    for (size_t i = 6 + unpadded; i < b.len; i++)
        assert_int_equal(b.data[i], 0);
    assert_int_equal(b.data[6 + unpadded - 2], '7'); /* TLEN "77" ends the frames */
    nr_buf_free(&b);

    /* total_size == needed: no padding at all */
    nr_buf_init(&b, 0);
    assert_int_equal(nr_id3_render(&m, unpadded, &b), 0);
    assert_int_equal(b.len, unpadded);
    nr_buf_free(&b);
}

static void test_too_small_and_too_big(void **st)
{
    (void)st;
    nr_id3_meta m = { .title = "Too small" };
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_buf_puts(&b, "keep"), 0);
    size_t need = 10 + 10 + 1 + 9 + 1;
    assert_int_equal(nr_id3_render(&m, need - 1, &b), -2);
    assert_int_equal(b.len, 4);                       /* untouched */
    assert_string_equal(b.data, "keep");
    assert_int_equal(nr_id3_render(&m, 5, &b), -2);
    assert_int_equal(nr_id3_render(&m, 10 + 0x10000000u, &b), -2); /* > 256 MiB */
    assert_int_equal(nr_id3_render(&m, SIZE_MAX, &b), -2);
    assert_int_equal(b.len, 4);
    assert_int_equal(nr_id3_render(&m, need, &b), 0);
    assert_int_equal(b.len, 4 + need);

    /* the buffer's own limit: reported, buffer rolled back */
    nr_buf small;
    nr_buf_init(&small, 16);
    assert_int_equal(nr_id3_render(&m, 0, &small), -2);
    assert_int_equal(small.len, 0);
    nr_buf_free(&small);

    /* a cover past 256 MiB never fits, and is refused before any byte of
       it is read (cover_len lies here; the MIME is set so nothing sniffs) */
    static const uint8_t byte = 0xFF;
    nr_id3_meta big = { .cover = &byte, .cover_len = 0x10000000u,
                        .cover_mime = "image/jpeg" };
    assert_int_equal(nr_id3_render(&big, 0, &b), -2);
    /* and a size_t overflow in the count is caught */
    big.cover_len = SIZE_MAX - 5;
    assert_int_equal(nr_id3_size_bound(&big), SIZE_MAX);
    assert_int_equal(nr_id3_render(&big, 0, &b), -2);
    assert_int_equal(b.len, 4 + need);
    nr_buf_free(&b);
}

static void test_too_many_chapters(void **st)
{
    (void)st;
    size_t n = 255 * 255 + 1;
    nr_id3_chapter *ch = calloc(n, sizeof *ch);
    assert_non_null(ch);
    nr_id3_meta m = { .chapters = ch, .nchapters = n };
    assert_int_equal(nr_id3_size_bound(&m), SIZE_MAX);
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_id3_render(&m, 0, &b), -2);
    assert_int_equal(b.len, 0);
    /* 65025 is still fine: 255 child CTOCs of 255 */
    m.nchapters = n - 1;
    assert_int_equal(nr_id3_render(&m, 0, &b), 0);
    frame *f = calloc(n + 300, sizeof *f);
    assert_non_null(f);
    size_t nf = parse_tag(&b, f, n + 300, NULL);
    assert_int_equal(nf, 1 + 255 + 65025);
    assert_int_equal(f[0].body[5], 255);              /* "toc\0" 03 count */
    nr_buf_free(&b);
    free(f);
    free(ch);
}

static void test_unset_fields_omitted(void **st)
{
    (void)st;
    /* everything unset: a bare header */
    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    nr_buf b = render(&m, 0);
    assert_int_equal(b.len, 10);
    assert_memory_equal(b.data, "ID3\x03\x00\x00\x00\x00\x00\x00", 10);
    nr_buf_free(&b);
    assert_int_equal(nr_id3_size_bound(&m), 10 + 10 + 1 + 10 + 1); /* TLEN room */

    /* NULL meta is the same as an empty one */
    nr_buf_init(&b, 0);
    assert_int_equal(nr_id3_render(NULL, 0, &b), 0);
    assert_int_equal(b.len, 10);
    nr_buf_free(&b);

    /* "" and NULL omitted, set fields kept; nchapters without chapters,
       cover without length: nothing */
    m.title = "";
    m.artist = NULL;
    m.album = "Album";
    m.genre = "";
    m.encoder = "";
    m.comment = "";
    m.nchapters = 5;
    m.cover = (const uint8_t *)"x";
    m.cover_len = 0;
    b = render(&m, 0);
    frame f[8];
    assert_int_equal(parse_tag(&b, f, 8, NULL), 1);
    expect_text(f, 1, "TALB", "Album");
    nr_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_and_ascii_tit2),
        cmocka_unit_test(test_syncsafe_boundaries),
        cmocka_unit_test(test_frame_size_plain_not_syncsafe),
        cmocka_unit_test(test_utf16_bom_and_surrogates),
        cmocka_unit_test(test_invalid_utf8_becomes_fffd),
        cmocka_unit_test(test_comm_apic_tlen_bytes),
        cmocka_unit_test(test_ctoc_and_chap_bytes),
        cmocka_unit_test(test_roundtrip_1),
        cmocka_unit_test(test_roundtrip_255),
        cmocka_unit_test(test_roundtrip_256),
        cmocka_unit_test(test_roundtrip_1000),
        cmocka_unit_test(test_long_title_roundtrip),
        cmocka_unit_test(test_size_bound),
        cmocka_unit_test(test_padding_exact_and_append),
        cmocka_unit_test(test_too_small_and_too_big),
        cmocka_unit_test(test_too_many_chapters),
        cmocka_unit_test(test_unset_fields_omitted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
