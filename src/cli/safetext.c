/*
 * safetext.c - see safetext.h.
 */
#include "safetext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at p (NUL-terminated), and its code
   point in *cp; 0 when the bytes there are not UTF-8. */
static size_t utf8_seq(const unsigned char *p, uint32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    uint32_t v = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)  /* also stops at the NUL */
            return 0;
        v = v << 6 | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

int nb_utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        size_t n = utf8_seq(p, &cp);
        if (!n)
            return 0;
        p += n;
    }
    return 1;
}

const char *nb_name_problem(const char *s)
{
    if (!nb_utf8_valid(s))
        return "not valid UTF-8";
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++)
        if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
            return "holds a control character";
    return NULL;
}

char *nb_safe_text(const char *s)
{
    if (!s)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    /* a bad byte (1) becomes U+FFFD (3): at most three times as long */
    char *out = malloc(strlen(s) * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    while (*p) {
        uint32_t cp;
        size_t n = utf8_seq(p, &cp);
        if (n == 0 || cp == 0xFFFE || cp == 0xFFFF) {
            memcpy(out + k, "\xEF\xBF\xBD", 3);
            k += 3;
            p += n ? n : 1;
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            out[k++] = ' ';
            p += n;
        } else {
            memcpy(out + k, p, n);
            k += n;
            p += n;
        }
    }
    out[k] = '\0';
    return out;
}
