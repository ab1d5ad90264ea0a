/*
 * textout.c - WebVTT, SubRip and Podcasting 2.0 chapters JSON; see
 * textout.h and docs/formats.md (transcripts, podcast:chapters).
 *
 * Every function appends to out and either succeeds or leaves out exactly as
 * it was (a failed append is rolled back), so a caller can stop at the first
 * error without a half-written cue in the buffer.  Return values are the
 * nr_buf codes: 0, NR_BUF_NOMEM (-1) or NR_BUF_TOOBIG (-2).
 *
 * Text is UTF-8 in and UTF-8 out; ill-formed input becomes U+FFFD so the
 * files are always valid UTF-8 (WebVTT and JSON require it).
 */
#include "audio/textout.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

typedef struct emit {
    nr_buf *out;
    size_t start;   /* out->len on entry, for the rollback */
    int err;
} emit;

static void e_put(emit *e, const char *p, size_t n)
{
    if (!e->err)
        e->err = nr_buf_append(e->out, p, n);
}

static void e_puts(emit *e, const char *s)
{
    e_put(e, s, strlen(s));
}

static int e_done(emit *e)
{
    if (e->err)
        nr_buf_truncate(e->out, e->start);
    return e->err;
}


static const char REPLACEMENT[] = "\xEF\xBF\xBD";   /* U+FFFD */

int nr_fmt_timestamp(nr_buf *out, uint32_t ms, char sep)
{
    /* Hours are not wrapped: 2^32 ms is 1193 h, printed with 4 digits
       (WebVTT allows any number of hour digits, FFmpeg's SRT reader too). */
    char t[32];
    unsigned h = (unsigned)(ms / 3600000u);
    unsigned m = (unsigned)(ms / 60000u % 60u);
    unsigned s = (unsigned)(ms / 1000u % 60u);
    unsigned f = (unsigned)(ms % 1000u);
    int n = snprintf(t, sizeof t, "%02u:%02u:%02u%c%03u",
                     h, m, s, sep == ',' ? ',' : '.', f);
    return nr_buf_append(out, t, (size_t)n);
}

static void e_time(emit *e, uint32_t ms, char sep)
{
    if (!e->err)
        e->err = nr_fmt_timestamp(e->out, ms, sep);
}

static void e_uint(emit *e, unsigned v)
{
    char t[16];
    int n = snprintf(t, sizeof t, "%u", v);
    e_put(e, t, (size_t)n);
}

enum { FLAVOUR_VTT, FLAVOUR_SRT };

/*
 * Cue text on one line.  Every run of CR/LF becomes one space, so no cue
 * (or NOTE) can contain a blank line, which would end it early.
 *   VTT: & < > become entities; with '>' escaped no "-->" can survive, which
 *        matters both in cue text (a line with "-->" reads as a timing line)
 *        and in NOTE blocks (where it is forbidden).
 *   SRT: there are no escapes, and FFmpeg strips anything shaped like
 *        <tag>, so '<' becomes U+2039 and the '>' of "-->" becomes U+203A
 *        (a line holding "... --> ..." could be taken for a timing line).
 *        '{' before '\' (an ASS override such as {\an8}, which FFmpeg also
 *        interprets) becomes U+FF5B.
 */
static void e_line(emit *e, const char *text, int flavour)
{
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    int dashes = 0;          /* '-' just written, for "-->" */
    while (*p && !e->err) {
        if (*p == '\r' || *p == '\n') {
            while (*p == '\r' || *p == '\n')
                p++;
            e_put(e, " ", 1);
            dashes = 0;
            continue;
        }
        size_t used;
        uint32_t cp = nr_utf8_next(p, &used);
        if (cp == 0xFFFD) {                    /* ill-formed, or U+FFFD itself */
            e_put(e, REPLACEMENT, 3);
        } else if (flavour == FLAVOUR_VTT && cp == '&') {
            e_puts(e, "&amp;");
        } else if (flavour == FLAVOUR_VTT && cp == '<') {
            e_puts(e, "&lt;");
        } else if (flavour == FLAVOUR_VTT && cp == '>') {
            e_puts(e, "&gt;");
        } else if (flavour == FLAVOUR_SRT && cp == '<') {
            e_puts(e, "\xE2\x80\xB9");         /* U+2039 single left angle */
        } else if (flavour == FLAVOUR_SRT && cp == '>' && dashes >= 2) {
            e_puts(e, "\xE2\x80\xBA");         /* U+203A single right angle */
        } else if (flavour == FLAVOUR_SRT && cp == '{' && p[1] == '\\') {
            e_puts(e, "\xEF\xBD\x9B");         /* U+FF5B fullwidth brace */
        } else {
            e_put(e, (const char *)p, used);
        }
        dashes = cp == '-' ? dashes + 1 : 0;
        p += used;
    }
}

int nr_vtt_begin(nr_buf *out)
{
    return nr_buf_puts(out, "WEBVTT\n\n");
}

int nr_vtt_cue(nr_buf *out, unsigned index, const nr_cue *c)
{
    emit e = { out, out->len, 0 };
    if (c->is_chapter) {
        /* A chapter is a NOTE: players skip it, readers of the file see
           where the chapter starts.  The index is not used (NOTEs have no
           identifier).  No "-->" can appear: e_line escapes '>'. */
        e_puts(&e, "NOTE Chapter at ");
        e_time(&e, c->start_ms, '.');
        e_puts(&e, ": ");
        e_line(&e, c->text, FLAVOUR_VTT);
        e_puts(&e, "\n\n");
        return e_done(&e);
    }
    if (index) {              /* 0: no identifier (it is optional) */
        e_uint(&e, index);
        e_puts(&e, "\n");
    }
    e_time(&e, c->start_ms, '.');
    e_puts(&e, " --> ");
    e_time(&e, c->end_ms, '.');
    e_puts(&e, "\n");
    e_line(&e, c->text, FLAVOUR_VTT);
    e_puts(&e, "\n\n");
    return e_done(&e);
}

int nr_srt_cue(nr_buf *out, unsigned index, const nr_cue *c)
{
    emit e = { out, out->len, 0 };
    e_uint(&e, index);
    e_puts(&e, "\n");
    e_time(&e, c->start_ms, ',');
    e_puts(&e, " --> ");
    e_time(&e, c->end_ms, ',');
    e_puts(&e, "\n");
    e_line(&e, c->text, FLAVOUR_SRT);
    e_puts(&e, "\n\n");
    return e_done(&e);
}

/* Seconds with up to 3 decimals and no trailing zeros: 0, 1.5, 12.345. */
static void e_seconds(emit *e, uint32_t ms)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%u", (unsigned)(ms / 1000u));
    unsigned f = ms % 1000u;
    if (f) {
        char d[4] = { (char)('0' + f / 100), (char)('0' + f / 10 % 10),
                      (char)('0' + f % 10), 0 };
        int k = 3;
        while (d[k - 1] == '0')
            k--;
        t[n++] = '.';
        memcpy(t + n, d, (size_t)k);
        n += k;
    }
    e_put(e, t, (size_t)n);
}

/* A JSON string with its quotes.  Controls (and DEL) as \u00XX, U+2028 and
   U+2029 as \u escapes too (legal raw in JSON, but they end a JavaScript
   string literal), ill-formed UTF-8 as U+FFFD, the rest passed through. */
static void e_json_string(emit *e, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    e_put(e, "\"", 1);
    while (*p && !e->err) {
        size_t used;
        uint32_t cp = nr_utf8_next(p, &used);
        if (cp == '"') {
            e_puts(e, "\\\"");
        } else if (cp == '\\') {
            e_puts(e, "\\\\");
        } else if (cp < 0x20 || cp == 0x7F) {
            char u[6] = { '\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15] };
            e_put(e, u, 6);
        } else if (cp == 0x2028) {
            e_puts(e, "\\u2028");
        } else if (cp == 0x2029) {
            e_puts(e, "\\u2029");
        } else if (cp == 0xFFFD) {
            e_put(e, REPLACEMENT, 3);
        } else {
            e_put(e, (const char *)p, used);
        }
        p += used;
    }
    e_put(e, "\"", 1);
}

int nr_chapters_json(nr_buf *out, const nr_json_chapter *ch, size_t n)
{
    emit e = { out, out->len, 0 };
    if (!ch)
        n = 0;
    e_puts(&e, "{\"version\": \"1.2.0\", \"chapters\": [");
    for (size_t i = 0; i < n && !e.err; i++) {
        e_puts(&e, i ? ",\n  " : "\n  ");
        e_puts(&e, "{\"startTime\": ");
        e_seconds(&e, ch[i].start_ms);
        e_puts(&e, ", \"endTime\": ");
        e_seconds(&e, ch[i].end_ms);
        if (ch[i].title) {     /* title is optional in the spec */
            e_puts(&e, ", \"title\": ");
            e_json_string(&e, ch[i].title);
        }
        e_puts(&e, "}");
    }
    e_puts(&e, n ? "\n]}\n" : "]}\n");
    return e_done(&e);
}
