/*
 * textstat.c - word, function-word and sentence counts of a block of text
 * (see textstat.h).  One pass, no allocation.
 */
#include <ctype.h>
#include <string.h>

#include "article/textstat.h"

/* CJK ideographs, kana, hangul and their punctuation block (U+3000..). */
static int is_cjk(const unsigned char *p, size_t left)
{
    if (left < 3 || p[0] < 0xE3 || p[0] > 0xED)
        return 0;
    unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF);
}

/* 。！？ (and their full-width forms) end a sentence; ，、 are commas. */
static int cjk_punct(const unsigned char *p, size_t left, int *comma)
{
    *comma = 0;
    if (left < 3)
        return 0;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82)
        return 1;                                  /* 。 */
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) {
        *comma = 1;                                /* 、 */
        return 0;
    }
    if (p[0] == 0xEF && p[1] == 0xBC) {
        if (p[2] == 0x81 || p[2] == 0x9F)
            return 1;                              /* ！ ？ */
        if (p[2] == 0x8C)
            *comma = 1;                            /* ， */
    }
    return 0;
}

static int edge_punct(unsigned char c)
{
    return c < 0x80 && !isalnum(c);
}

void nr_words_each(const char *s, size_t n,
                   void (*fn)(void *ud, const char *w, size_t len), void *ud)
{
    char buf[32];
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        size_t b = i;
        while (a < b && edge_punct((unsigned char)s[a]))
            a++;
        while (b > a && edge_punct((unsigned char)s[b - 1]))
            b--;
        /* curly quotes at either edge */
        while (b - a >= 3 && (unsigned char)s[a] == 0xE2 &&
               (unsigned char)s[a + 1] == 0x80 &&
               ((unsigned char)s[a + 2] & 0xF0) == 0x90)
            a += 3;
        while (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 &&
               (unsigned char)s[b - 2] == 0x80 &&
               ((unsigned char)s[b - 1] & 0xF0) == 0x90)
            b -= 3;
        if (a >= b || b - a >= sizeof buf)
            continue;
        for (size_t k = a; k < b; k++)
            buf[k - a] = (char)tolower((unsigned char)s[k]);
        buf[b - a] = '\0';
        fn(ud, buf, b - a);
    }
}

typedef struct count_ud {
    nr_textstat *st;
    const nr_wordset *extra;
} count_ud;

static void count_word(void *ud, const char *w, size_t len)
{
    count_ud *c = ud;
    (void)len;
    if (nr_stopword(w)) {
        c->st->stops++;
        return;
    }
    for (size_t k = 0; c->extra && k < c->extra->n; k++)
        if (!strcmp(c->extra->w[k], w)) {
            c->st->stops++;
            return;
        }
}

void nr_textstat_of(const char *s, size_t n, const nr_wordset *extra,
                    nr_textstat *st)
{
    memset(st, 0, sizeof *st);
    const unsigned char *p = (const unsigned char *)s;
    int in = 0;
    for (size_t i = 0; i < n;) {
        int comma;
        if (is_cjk(p + i, n - i)) {
            st->cjk++;
            in = 0;
            i += 3;
            continue;
        }
        if (cjk_punct(p + i, n - i, &comma)) {
            st->sents++;
            in = 0;
            i += 3;
            continue;
        }
        if (comma) {
            st->commas++;
            in = 0;
            i += 3;
            continue;
        }
        unsigned char c = p[i];
        if (c == ' ' || c == '\t') {
            in = 0;
        } else if (!in) {
            in = 1;
            st->words++;
            if (isupper(c) || (c == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 &&
                               p[i + 1] <= 0x9E))
                st->caps++;
            if (isdigit(c))
                st->digits++;
        }
        if ((c == '.' || c == '!' || c == '?') &&
            (i + 1 == n || p[i + 1] == ' ' || p[i + 1] == '"' ||
             p[i + 1] == ')' || p[i + 1] == 0xE2) &&
            i > 0 && p[i - 1] != '.' && !isupper(p[i - 1]))
            st->sents++;
        if (c == ',' || c == ';')
            st->commas++;
        i++;
    }
    st->words += st->cjk / 2;
    count_ud ud = {st, extra};
    nr_words_each(s, n, count_word, &ud);
}
