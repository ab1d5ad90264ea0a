/*
 * id3.c - ID3v2.3 tag bytes with chapters (CHAP/CTOC); see id3.h.
 *
 * Layout written (docs/formats.md sections 1-2 explain each choice):
 *
 *   header    "ID3" 03 00 00, syncsafe size of everything after it
 *   TIT2 TPE1 TALB TCON TYER TDAT TLEN TSSE COMM    (only those that are set)
 *   CTOC      "toc"  flags 03 (top-level, ordered)
 *   CTOC      "toc0" "toc1" ...   flags 01 (ordered), only past 255 chapters
 *   CHAP      "chp0" "chp1" ...   in the caller's order, TIT2 sub-frame first
 *   APIC      front cover, last so the small frames come first
 *   zero padding up to the size asked for
 *
 * Chapters past 255: a CTOC's entry count is one byte, so with more than 255
 * chapters the top-level CTOC lists child CTOCs "toc0", "toc1", ... instead,
 * and child k lists chapters chp(255k) .. chp(255k+254).  FFmpeg and VLC
 * ignore CTOC and read the CHAP frames in file order, so they see the same
 * flat list either way; mutagen and Overcast follow the tree.  Two levels
 * hold 255 * 255 = 65025 chapters; more is refused (-2) rather than adding a
 * third level no reader has been seen to handle.
 *
 * Frame sizes are plain big-endian uint32 (v2.3), the tag size is syncsafe.
 * Text is written as ISO-8859-1 (encoding 0) when it is pure ASCII, else as
 * UTF-16 with a little-endian BOM (encoding 1); every string, including an
 * empty COMM description, carries its own BOM because FFmpeg rejects a
 * UTF-16 string without one.  All strings are terminated.
 *
 * One routine does both measuring and writing: with w.out == NULL it only
 * counts, so the size computed up front and the bytes written can never
 * disagree.  Every addition to the count is overflow-checked.
 */
#include "audio/id3.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

#define TAG_BODY_MAX 0x0FFFFFFFu   /* largest 28-bit syncsafe value */
#define CTOC_MAX_ENTRIES 255u
#define MAX_CHAPTERS (CTOC_MAX_ENTRIES * CTOC_MAX_ENTRIES)
#define TLEN_BOUND_MS UINT32_MAX   /* 10 digits, the widest TLEN */

enum { E_OK = 0, E_NOMEM = -1, E_TOOBIG = -2 };

typedef struct writer {
    nr_buf *out;   /* NULL: count only */
    size_t n;      /* bytes counted or written by this writer */
    int err;       /* first error; later calls do nothing */
} writer;

static void put(writer *w, const void *p, size_t len)
{
    if (w->err)
        return;
    if (len > SIZE_MAX - w->n) {
        w->err = E_TOOBIG;
        return;
    }
    if (w->out) {
        int rc = nr_buf_append(w->out, p, len);
        if (rc != NR_BUF_OK) {
            w->err = rc == NR_BUF_NOMEM ? E_NOMEM : E_TOOBIG;
            return;
        }
    }
    w->n += len;
}

static void put_u8(writer *w, unsigned v)
{
    uint8_t b = (uint8_t)v;
    put(w, &b, 1);
}

static void put_be32(writer *w, uint32_t v)
{
    uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
                     (uint8_t)(v >> 8), (uint8_t)v };
    put(w, b, 4);
}

/* Starts a frame; returns the writer position of its header so that
   frame_end() can fill in the body size once the body is written. */
static size_t frame_begin(writer *w, const char id[4])
{
    size_t at = w->n;
    put(w, id, 4);
    put_be32(w, 0);              /* size, patched by frame_end */
    put_u8(w, 0);                /* flags: none */
    put_u8(w, 0);
    return at;
}

static void frame_end(writer *w, size_t at)
{
    if (w->err || !w->out)
        return;
    size_t body = w->n - at - 10;
    if (body > UINT32_MAX) {     /* unreachable below the 256 MiB limit */
        w->err = E_TOOBIG;
        return;
    }
    /* at is relative to this writer's start, which is where the tag began
       in out; the tag start is out->len - w->n. */
    uint8_t *p = (uint8_t *)w->out->data + (w->out->len - w->n) + at + 4;
    p[0] = (uint8_t)(body >> 24);
    p[1] = (uint8_t)(body >> 16);
    p[2] = (uint8_t)(body >> 8);
    p[3] = (uint8_t)body;
}

static int is_set(const char *s)
{
    return s && *s;
}

static int is_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80)
            return 0;
    return 1;
}


static void put_u16le(writer *w, unsigned u)
{
    uint8_t b[2] = { (uint8_t)u, (uint8_t)(u >> 8) };
    put(w, b, 2);
}

/* BOM, UTF-16LE text, 00 00. */
static void put_utf16(writer *w, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    put_u16le(w, 0xFEFF);                  /* written FF FE */
    while (*p && !w->err) {
        size_t used;
        uint32_t cp = nr_utf8_next(p, &used);
        p += used;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put_u16le(w, 0xD800 | (cp >> 10));
            put_u16le(w, 0xDC00 | (cp & 0x3FF));
        } else {
            put_u16le(w, cp);
        }
    }
    put_u16le(w, 0);
}

/* A string in encoding enc (0 or 1), terminated. */
static void put_str(writer *w, unsigned enc, const char *s)
{
    if (enc == 0) {
        put(w, s, strlen(s));
        put_u8(w, 0);
    } else {
        put_utf16(w, s);
    }
}

static void text_frame(writer *w, const char id[4], const char *s)
{
    unsigned enc = is_ascii(s) ? 0 : 1;
    size_t at = frame_begin(w, id);
    put_u8(w, enc);
    put_str(w, enc, s);
    frame_end(w, at);
}

static void comm_frame(writer *w, const char *s)
{
    unsigned enc = is_ascii(s) ? 0 : 1;
    size_t at = frame_begin(w, "COMM");
    put_u8(w, enc);
    put(w, "eng", 3);
    put_str(w, enc, "");                   /* short description: empty */
    put_str(w, enc, s);
    frame_end(w, at);
}

static int is_png(const uint8_t *p, size_t n)
{
    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    return n >= 8 && memcmp(p, sig, 8) == 0;
}

static void apic_frame(writer *w, const nr_id3_meta *m)
{
    const char *mime = m->cover_mime;
    if (!is_set(mime))     /* the only two types podcast apps accept */
        mime = is_png(m->cover, m->cover_len) ? "image/png" : "image/jpeg";
    size_t at = frame_begin(w, "APIC");
    put_u8(w, 0);                          /* Latin-1: MIME and description */
    put(w, mime, strlen(mime));
    put_u8(w, 0);
    put_u8(w, 0x03);                       /* front cover */
    put_u8(w, 0);                          /* empty description */
    put(w, m->cover, m->cover_len);
    frame_end(w, at);
}

/* "prefix" + decimal i + NUL: element IDs, which are Latin-1 and terminated
   (FFmpeg drops a chapter whose ID lacks the NUL). */
static void put_id(writer *w, const char *prefix, size_t i)
{
    char d[24];
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    put(w, prefix, strlen(prefix));
    put(w, d + k, sizeof d - k);
    put_u8(w, 0);
}

static void ctoc_frame(writer *w, const char *id_prefix, size_t id_num,
                       int top, const char *child_prefix,
                       size_t first, size_t count)
{
    size_t at = frame_begin(w, "CTOC");
    if (top) {
        put(w, id_prefix, strlen(id_prefix));
        put_u8(w, 0);
        put_u8(w, 0x03);                   /* top-level | ordered */
    } else {
        put_id(w, id_prefix, id_num);
        put_u8(w, 0x01);                   /* ordered */
    }
    put_u8(w, (unsigned)count);            /* count <= 255, checked by caller */
    for (size_t i = 0; i < count; i++)
        put_id(w, child_prefix, first + i);
    /* No TIT2 sub-frame: it is optional and no reader shows it. */
    frame_end(w, at);
}

static void chap_frame(writer *w, size_t i, const nr_id3_chapter *c)
{
    size_t at = frame_begin(w, "CHAP");
    put_id(w, "chp", i);
    put_be32(w, c->start_ms);
    put_be32(w, c->end_ms);
    put_be32(w, 0xFFFFFFFFu);              /* offsets unknown: use the times */
    put_be32(w, 0xFFFFFFFFu);
    /* TIT2 first: VLC only takes the title from the first sub-frame.  An
       unset title writes no TIT2 (as for the tag's own fields). */
    if (is_set(c->title))
        text_frame(w, "TIT2", c->title);
    frame_end(w, at);
}

static void chapters(writer *w, const nr_id3_chapter *ch, size_t n)
{
    if (n <= CTOC_MAX_ENTRIES) {
        ctoc_frame(w, "toc", 0, 1, "chp", 0, n);
    } else {
        size_t groups = (n + CTOC_MAX_ENTRIES - 1) / CTOC_MAX_ENTRIES;
        ctoc_frame(w, "toc", 0, 1, "toc", 0, groups);
        for (size_t g = 0; g < groups; g++) {
            size_t first = g * CTOC_MAX_ENTRIES;
            size_t cnt = n - first < CTOC_MAX_ENTRIES ? n - first
                                                       : CTOC_MAX_ENTRIES;
            ctoc_frame(w, "toc", g, 0, "chp", first, cnt);
        }
    }
    for (size_t i = 0; i < n && !w->err; i++)
        chap_frame(w, i, &ch[i]);
}

/* Decimal text of v, for TLEN. */
static void u32_dec(char *d, uint32_t v)
{
    char t[11];
    size_t k = sizeof t;
    do {
        t[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(d, t + k, sizeof t - k);
    d[sizeof t - k] = '\0';
}

/* All frames of m (no header, no padding).  tlen_bound: write TLEN at its
   widest whether or not length_ms is set, for nr_id3_size_bound. */
static void frames(writer *w, const nr_id3_meta *m, int tlen_bound)
{
    static const struct { char id[5]; size_t off; } text[] = {
        { "TIT2", offsetof(nr_id3_meta, title) },
        { "TPE1", offsetof(nr_id3_meta, artist) },
        { "TALB", offsetof(nr_id3_meta, album) },
        { "TCON", offsetof(nr_id3_meta, genre) },
        { "TYER", offsetof(nr_id3_meta, year) },
        { "TDAT", offsetof(nr_id3_meta, date_ddmm) },
    };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        const char *s = *(const char *const *)((const char *)m + text[i].off);
        if (is_set(s))
            text_frame(w, text[i].id, s);
    }
    if (m->length_ms || tlen_bound) {
        char d[12];
        u32_dec(d, tlen_bound ? TLEN_BOUND_MS : m->length_ms);
        text_frame(w, "TLEN", d);
    }
    if (is_set(m->encoder))
        text_frame(w, "TSSE", m->encoder);
    if (is_set(m->comment))
        comm_frame(w, m->comment);
    size_t n = m->chapters ? m->nchapters : 0;
    if (n > MAX_CHAPTERS) {
        w->err = E_TOOBIG;
        return;
    }
    if (n)
        chapters(w, m->chapters, n);
    if (m->cover && m->cover_len)
        apic_frame(w, m);
}

/* Size of header + frames, or 0 with *err set. */
static size_t measure(const nr_id3_meta *m, int tlen_bound, int *err)
{
    writer w = { NULL, 10, 0 };            /* 10: the header */
    frames(&w, m, tlen_bound);
    *err = w.err;
    return w.err ? 0 : w.n;
}

size_t nr_id3_size_bound(const nr_id3_meta *m)
{
    static const nr_id3_meta empty;
    int err;
    size_t n = measure(m ? m : &empty, 1, &err);
    /* A tag that can never be written (too many chapters, sizes past
       size_t) is "larger than anything": nr_id3_render() refuses it. */
    return err ? SIZE_MAX : n;
}

int nr_id3_render(const nr_id3_meta *m, size_t total_size, nr_buf *out)
{
    static const nr_id3_meta empty;
    if (!m)
        m = &empty;
    int err;
    size_t need = measure(m, 0, &err);
    if (err)
        return err;
    if (need - 10 > TAG_BODY_MAX)
        return E_TOOBIG;
    size_t total = total_size ? total_size : need;
    if (total < need || total - 10 > TAG_BODY_MAX)
        return E_TOOBIG;

    size_t start = out->len;
    int rc = nr_buf_reserve(out, total);   /* one allocation, no partial tag */
    if (rc != NR_BUF_OK)
        return rc == NR_BUF_NOMEM ? E_NOMEM : E_TOOBIG;

    writer w = { out, 0, 0 };
    uint32_t body = (uint32_t)(total - 10);
    uint8_t hdr[10] = { 'I', 'D', '3', 3, 0, 0,
                        (uint8_t)((body >> 21) & 0x7F),
                        (uint8_t)((body >> 14) & 0x7F),
                        (uint8_t)((body >> 7) & 0x7F),
                        (uint8_t)(body & 0x7F) };
    put(&w, hdr, sizeof hdr);
    frames(&w, m, 0);
    if (!w.err && w.n != need)             /* cannot happen: same routine */
        w.err = E_TOOBIG;
    /* Padding: zeros up to total. */
    static const uint8_t zeros[4096];
    while (!w.err && w.n < total) {
        size_t k = total - w.n < sizeof zeros ? total - w.n : sizeof zeros;
        put(&w, zeros, k);
    }
    if (w.err) {
        nr_buf_truncate(out, start);
        return w.err;
    }
    return 0;
}
