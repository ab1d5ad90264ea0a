/*
 * slug.c - episode file names from titles (see slug.h for the contract).
 *
 * Only [a-z0-9-] survive, which keeps names safe on every file system and
 * in URLs without escaping: "../", "/", quotes, '<' and '&' all become
 * word separators.
 */
#include "slug.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ASCII letter for U+00C0 .. U+017F (Latin-1 Supplement and Latin
   Extended-A); 0 = not a letter.  Two-letter folds (ß, æ, œ ...) are in
   fold2. */
static const char latin[] =
    /* C0 */ "aaaaaa\0ceeeeiiii"
    /* D0 */ "dnooooo\0ouuuuy\0\0"
    /* E0 */ "aaaaaa\0ceeeeiiii"
    /* F0 */ "dnooooo\0ouuuuy\0y"
    /* 100 */ "aaaaaaccccccccdd"
    /* 110 */ "ddeeeeeeeeeegggg"
    /* 120 */ "gggghhhhiiiiiiii"
    /* 130 */ "ii\0\0jjkkklllllll"
    /* 140 */ "lllnnnnnnnnnoooo"
    /* 150 */ "oo\0\0rrrrrrssssss"
    /* 160 */ "ssttttttuuuuuuuu"
    /* 170 */ "uuuuwwyyyzzzzzzs";

static const char *fold2(unsigned cp)
{
    switch (cp) {
    case 0xc6: case 0xe6: return "ae";
    case 0xdf: return "ss";
    case 0xde: case 0xfe: return "th";
    case 0x152: case 0x153: return "oe";
    case 0x132: case 0x133: return "ij";
    default: return NULL;
    }
}

/* Decodes one UTF-8 sequence at s; returns its length (1 for a bad byte,
   which then counts as a separator) and the code point (or 0xfffd). */
static size_t utf8_next(const unsigned char *s, unsigned *cp)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
             : (c & 0xf8) == 0xf0 ? 4 : 0;
    if (n == 0) {
        *cp = 0xfffd;
        return 1;
    }
    unsigned v = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return 1;
        }
        v = v << 6 | (s[i] & 0x3f);
    }
    *cp = v;
    return n;
}

char *nb_slug(const char *title, const char *source)
{
    /* words part: at most NB_SLUG_MAX - 7 bytes, to leave room for "-xxxxxx" */
    enum { WORDS = NB_SLUG_MAX - 7 };
    char words[WORDS + 8];
    size_t n = 0;
    int dash = 0;  /* a separator is pending */
    const unsigned char *p = (const unsigned char *)(title ? title : "");
    while (*p) {
        unsigned cp;
        p += utf8_next(p, &cp);
        char one[2] = {0, 0};
        const char *add = NULL;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            one[0] = (char)cp, add = one;
        else if (cp >= 'A' && cp <= 'Z')
            one[0] = (char)(cp - 'A' + 'a'), add = one;
        else if ((add = fold2(cp)) != NULL)
            ;
        else if (cp >= 0xc0 && cp <= 0x17f && latin[cp - 0xc0])
            one[0] = latin[cp - 0xc0], add = one;
        else if (cp == '\'' || cp == 0x2019)
            continue;  /* "don't" -> "dont", not "don-t" */
        if (!add) {
            dash = n > 0;
            continue;
        }
        size_t k = strlen(add);
        if (n + (dash ? 1 : 0) + k > WORDS)
            break;
        if (dash)
            words[n++] = '-';
        dash = 0;
        memcpy(words + n, add, k);
        n += k;
    }
    /* a cut title ends at the last whole word when one is long enough */
    if (*p) {
        size_t cut = 0;
        for (size_t i = 0; i < n; i++)
            if (words[i] == '-')
                cut = i;
        if (cut >= WORDS / 2)
            n = cut;
    }
    if (n == 0) {
        memcpy(words, "episode", 7);
        n = 7;
    }

    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    const char *src = source ? source : "";
    sha256_init(&c);
    sha256_update(&c, strlen(src), (const uint8_t *)src);
    sha256_digest(&c, sizeof d, d);
    static const char hex[] = "0123456789abcdef";
    char *out = malloc(n + 8);
    if (!out)
        return NULL;
    memcpy(out, words, n);
    out[n] = '-';
    for (int i = 0; i < 3; i++) {
        out[n + 1 + 2 * i] = hex[d[i] >> 4];
        out[n + 2 + 2 * i] = hex[d[i] & 15];
    }
    out[n + 7] = '\0';
    return out;
}
