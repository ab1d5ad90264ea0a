/*
 * text.c - the plain-text reader: cuts text scraped or pasted from the web
 * into candidates.  Lines end in LF, CRLF or CR.  Blank lines separate
 * paragraphs; inside a run of non-blank lines it decides whether a line
 * break is a hard wrap (join) or a new paragraph, and spots list bullets.
 * Everything else (boilerplate, headings, title...) is structure.c's job.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "article/readers.h"

typedef struct line {
    size_t start, end;   /* content, trimmed, without the line ending */
    size_t body;         /* where the text starts after a bullet marker */
    size_t indent;       /* leading columns */
    size_t chars;        /* visible characters in start..end */
    int bullet;          /* 0 none, 1 unordered, 2 numbered */
} line;

/* Is the UTF-8 character at p (3 bytes) one a terminal shows two columns
   wide: CJK ideographs, kana, hangul, full-width forms? */
static int wide_at(const unsigned char *p, size_t left)
{
    if (left < 3 || p[0] < 0xE1 || p[0] > 0xEF)
        return 0;
    unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6);
}

/* Columns a text browser gives s[0..n): wide characters count two (a dump
   wrapped at 80 columns holds 40 of them a line). */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c += wide_at((const unsigned char *)s + i, n - i) ? 2 : 1;
    return c;
}

/* A bullet marker at s[i]: returns the offset of the item text, else 0. */
static size_t bullet_at(const char *s, size_t end, size_t i, int *kind)
{
    static const char *const marks[] = {
        "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\xA3",
        "\xC2\xB7", "\xE2\x80\x93", "\xE2\x96\xBA", "\xE2\x97\x8F",
        /* browsers' and text browsers' nested-list marks: square, white
           square, white circle, star */
        "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8B", "\xE2\x98\x86",
        "\xE2\x98\x85", "-", "*", "+", NULL};
    for (size_t k = 0; marks[k]; k++) {
        size_t l = strlen(marks[k]);
        if (i + l < end && !memcmp(s + i, marks[k], l) &&
            (s[i + l] == ' ' || s[i + l] == '\t')) {
            *kind = 1;
            size_t j = i + l;
            while (j < end && (s[j] == ' ' || s[j] == '\t'))
                j++;
            return j < end ? j : 0;
        }
    }
    size_t j = i;
    while (j < end && j - i < 3 && isdigit((unsigned char)s[j]))
        j++;
    if (j > i && j + 1 < end && (s[j] == '.' || s[j] == ')') &&
        (s[j + 1] == ' ' || s[j + 1] == '\t')) {
        *kind = 2;
        j += 1;
        while (j < end && (s[j] == ' ' || s[j] == '\t'))
            j++;
        return j < end ? j : 0;
    }
    return 0;
}

static int split_lines(const char *s, size_t n, line **out, size_t *nout)
{
    size_t cap = 64, cnt = 0;
    line *L = malloc(cap * sizeof *L);
    if (!L)
        return -1;
    size_t i = 0;
    while (i <= n) {
        size_t a = i;
        while (i < n && s[i] != '\n' && s[i] != '\r')
            i++;
        size_t e = i;
        if (cnt == cap) {
            cap *= 2;
            line *m = realloc(L, cap * sizeof *m);
            if (!m) {
                free(L);
                return -1;
            }
            L = m;
        }
        line *l = &L[cnt++];
        size_t ind = 0, w;
        size_t c = a;
        while (c < e && nr_is_space_at(s, e, c, &w)) {
            ind += s[c] == '\t' ? 4 : 1;
            c += w;
        }
        size_t z = e;
        while (z > c) {
            size_t p = nr_utf8_prev(s, z);
            if (p < c || !nr_is_space_at(s, e, p, &w))
                break;
            z = p;
        }
        l->start = c;
        l->end = z;
        l->indent = ind;
        l->chars = utf8_chars(s + c, z - c);
        l->bullet = 0;
        l->body = c;
        if (z > c) {
            int kind = 0;
            size_t b = bullet_at(s, z, c, &kind);
            if (b) {
                l->bullet = kind;
                l->body = b;
            }
        }
        if (i >= n)
            break;
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
        i++;
    }
    *out = L;
    *nout = cnt;
    return 0;
}

/* A text browser's dump at a wide width (w3m -cols 200): no line longer
   than 250 columns, and three lines or more within 15 of the longest,
   most of them broken mid-sentence.  (A page copied without wrapping has
   paragraphs of any length, and its longest lines end sentences.)
   Returns the width, or 0. */
static size_t wide_wrap(const char *s, const line *L, size_t n)
{
    size_t m = 0, near = 0, broken = 0;
    for (size_t i = 0; i < n; i++)
        if (L[i].chars > m)
            m = L[i].chars;
    if (m <= 100 || m > 250)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (L[i].chars + 15 < m || L[i + 1].end == L[i + 1].start)
            continue;
        near++;
        broken += !nr_ends_sentence(s + L[i].start, L[i].end - L[i].start);
    }
    return near >= 3 && broken * 3 >= near * 2 ? m : 0;
}

/* A hard-wrapped document has almost no lines longer than ~100 columns and
   many just under its wrap width.  Returns the width, or 0. */
static size_t wrap_width(const char *s, const line *L, size_t n)
{
    size_t nonblank = 0, longl = 0, mid = 0, w = 0;
    for (size_t i = 0; i < n; i++) {
        if (L[i].end == L[i].start)
            continue;
        nonblank++;
        if (L[i].chars > 100)
            longl++;
        else if (L[i].chars > w)
            w = L[i].chars;
        if (L[i].chars >= 50 && L[i].chars <= 100)
            mid++;
    }
    if (nonblank < 4 || mid < 3 || longl * 20 > nonblank)
        return wide_wrap(s, L, n);
    /* and a wrapped line usually breaks mid-sentence: short one-sentence
       paragraphs on consecutive lines are not a hard wrap */
    size_t full = 0, mid_sentence = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (L[i].end == L[i].start || L[i + 1].end == L[i + 1].start ||
            L[i].chars * 4 < w * 3)
            continue;
        full++;
        if (!nr_ends_sentence(s + L[i].start, L[i].end - L[i].start))
            mid_sentence++;
    }
    if (mid_sentence < 2 || mid_sentence * 2 < full)
        return 0;
    return w;
}

static size_t first_word_chars(const char *s, const line *l)
{
    size_t i = l->body;
    while (i < l->end && s[i] != ' ' && s[i] != '\t')
        i++;
    return utf8_chars(s + l->body, i - l->body);
}

static int starts_lower(const char *s, const line *l)
{
    return l->body < l->end && islower((unsigned char)s[l->body]);
}

/* "by Jo Roe" under a title: a byline on a line of its own, however it
   starts, is not the rest of the line above. */
static int byline_alone(const char *s, const line *l)
{
    size_t n = l->end - l->body, nb, ne;
    int lead = 0;
    return n <= 60 && nr_name_at(s + l->body, n, &nb, &ne, &lead) && lead &&
           nr_word_count(s + l->body + ne, n - ne) <= 2;
}

int nr_read_text(nr_doc *d)
{
    const char *s = d->src;
    line *L;
    size_t n;
    if (split_lines(s, d->srclen, &L, &n))
        return -1;
    size_t W = wrap_width(s, L, n);
    nr_tb tb;
    nr_tb_init(&tb);
    size_t i = 0;
    while (i < n && !d->nomem) {
        if (L[i].end == L[i].start) {
            i++;
            continue;
        }
        /* one candidate starting at line i */
        size_t first = i;
        const line *l = &L[i];
        nr_tb_add(&tb, s + l->body, l->end - l->body, l->body);
        size_t j = i + 1;
        for (; j < n; j++) {
            const line *p = &L[j - 1], *c = &L[j];
            if (c->end == c->start || c->bullet)
                break;
            int join;
            if (L[first].bullet)
                join = c->indent > L[first].indent ||
                       (W && p->chars + 1 + first_word_chars(s, c) > W - 8);
            else if (W)
                join = p->chars + 1 + first_word_chars(s, c) > W - 8 ||
                       (!nr_ends_sentence(s + p->start, p->end - p->start) &&
                        starts_lower(s, c) && !byline_alone(s, c));
            else
                /* (a short line over a long one is a title over its
                   paragraph, however it is written, not a wrap) */
                join = !nr_ends_sentence(s + p->start, p->end - p->start) &&
                       starts_lower(s, c) && s[p->end - 1] != ':' && !byline_alone(s, c) &&
                       !(p->chars < 60 && c->chars > 2 * p->chars + 40);
            if (!join)
                break;
            /* "counter-" + "terrorism": a word broken at its hyphen; and
               text without spaces (Chinese, Japanese) wrapped anywhere */
            int glue = (p->end - p->start >= 2 && s[p->end - 1] == '-' &&
                        isalpha((unsigned char)s[p->end - 2]) && starts_lower(s, c)) ||
                       (p->end - p->start >= 3 && c->body < c->end &&
                        wide_at((const unsigned char *)s + nr_utf8_prev(s, p->end),
                                p->end - nr_utf8_prev(s, p->end)) &&
                        wide_at((const unsigned char *)s + c->body, c->end - c->body));
            if (!glue)
                nr_tb_space(&tb, p->end);
            nr_tb_add(&tb, s + c->body, c->end - c->body, c->body);
        }
        unsigned flags = 0;
        if (j == first + 1)
            flags |= NR_C_ONE_LINE;
        nr_block_kind kind = NR_BLOCK_PARA;
        int level = 0;
        if (L[first].bullet) {
            flags |= NR_C_BULLET;
            kind = NR_BLOCK_ITEM;
            level = 1 + (int)(L[first].indent / 2 > 5 ? 5 : L[first].indent / 2);
        }
        nr_doc_add_cand(d, &tb, kind, level, L[first].start, L[j - 1].end, flags);
        i = j;
    }
    nr_tb_free(&tb);
    free(L);
    return 0;
}
