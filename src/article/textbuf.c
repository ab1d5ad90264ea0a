/*
 * textbuf.c - the text builder every reader fills: text with white space
 * collapsed and trimmed, and beside each byte the input offset it came from
 * (nr_tb), plus the small UTF-8 text tests the readers and the judgement
 * passes share.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/textbuf.h"

/* White space for our purposes includes NUL (defensive), no-break and other
   Unicode spaces, and the zero-width characters web pages sprinkle about. */
int nr_is_space_at(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    *w = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v' || c == 0)
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d <= 0x8B || d == 0xAF) {
            *w = 3;
            return 1;
        }
    }
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
        *w = 3;
        return 1;
    }
    if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
        (unsigned char)s[i + 2] == 0xBF) {
        *w = 3;
        return 1;
    }
    return 0;
}

size_t nr_utf8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Does the text end like a sentence (allowing closing quotes/brackets)? */
int nr_ends_sentence(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0) {
        size_t p = nr_utf8_prev(s, i);
        const char *c = s + p;
        size_t w = i - p;
        if (w == 1 && (*c == '"' || *c == '\'' || *c == ')' || *c == ']')) {
            i = p;
            continue;
        }
        if (w == 3 && (!memcmp(c, "\xE2\x80\x9D", 3) ||
                       !memcmp(c, "\xE2\x80\x99", 3) ||
                       !memcmp(c, "\xE2\x80\x9C", 3))) {
            i = p;
            continue;
        }
        if (w == 1)
            return *c == '.' || *c == '!' || *c == '?';
        return w == 3 && !memcmp(c, "\xE2\x80\xA6", 3);
    }
    return 0;
}

size_t nr_word_count(const char *s, size_t n)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* ---------------- text builder ---------------- */

void nr_tb_init(nr_tb *tb)
{
    memset(tb, 0, sizeof *tb);
}

void nr_tb_free(nr_tb *tb)
{
    free(tb->s);
    nr_srcmap_build_free(&tb->map);
    nr_tb_init(tb);
}

static int tb_grow(nr_tb *tb, size_t more)
{
    if (tb->err)
        return -1;
    if (tb->len + more + 1 <= tb->cap)
        return 0;
    size_t cap = tb->cap ? tb->cap : 64;
    while (cap < tb->len + more + 1)
        cap *= 2;
    char *s = realloc(tb->s, cap);
    if (!s) {
        tb->err = 1;
        return -1;
    }
    tb->s = s;
    tb->cap = cap;
    return 0;
}

static void tb_push(nr_tb *tb, char c, size_t off)
{
    if (tb_grow(tb, 1))
        return;
    if (nr_srcmap_push(&tb->map, off) != 0) {
        tb->err = 1;
        return;
    }
    if (tb->len == 0)
        tb->start = off;
    tb->s[tb->len] = c;
    tb->len++;
    tb->s[tb->len] = '\0';
}

static void tb_flush_space(nr_tb *tb, char next)
{
    if (tb->pend && tb->len > 0 &&
        !(tb->dropped && next && strchr(".,;:!?)", next)))
        tb_push(tb, ' ', tb->pend_off);
    tb->pend = 0;
    tb->dropped = 0;
}

void nr_tb_dropped(nr_tb *tb)
{
    tb->dropped = 1;
}

void nr_tb_space(nr_tb *tb, size_t off)
{
    if (tb->len > 0 && !tb->pend) {
        tb->pend = 1;
        tb->pend_off = off;
    }
}

void nr_tb_add(nr_tb *tb, const char *p, size_t n, size_t off)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            /* zero-width characters join, they do not separate */
            if (w == 3 && (unsigned char)p[i] == 0xE2 &&
                ((unsigned char)p[i + 2] == 0x8B))
                ;
            else if (w == 3 && (unsigned char)p[i] == 0xEF)
                ;
            else
                nr_tb_space(tb, off + i);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], off + i);
        tb->end = off + i + 1;
        i++;
    }
}

void nr_tb_add_map(nr_tb *tb, const char *p, size_t n, const size_t *offs)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            nr_tb_space(tb, offs[i]);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], offs[i]);
        tb->end = offs[i] + 1;
        i++;
    }
}

void nr_tb_add_at(nr_tb *tb, const char *p, size_t n, size_t off,
                  size_t off_end)
{
    size_t i = 0, w;
    while (i < n) {
        if (nr_is_space_at(p, n, i, &w)) {
            nr_tb_space(tb, off);
            i += w;
            continue;
        }
        tb_flush_space(tb, p[i]);
        tb_push(tb, p[i], off);
        tb->end = off_end;
        i++;
    }
}

int nr_in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return 1;
    return 0;
}

int nr_in_list_ci(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncasecmp(list[i], w, n))
            return 1;
    return 0;
}

uint64_t nr_hash(uint64_t h, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * 1099511628211ull;
    return h;
}
