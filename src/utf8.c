/* utf8.c - see utf8.h. */
#include "utf8.h"

uint32_t nr_utf8_next(const unsigned char *s, size_t *used)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    unsigned need, lo = 0x80, hi = 0xBF;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1; cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;          /* no overlongs */
        if (c == 0xED) hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;          /* no overlongs */
        if (c == 0xF4) hi = 0x8F;          /* nothing past U+10FFFF */
    } else {
        *used = 1;
        return 0xFFFD;
    }
    size_t i = 1;
    for (unsigned k = 0; k < need; k++, i++) {
        unsigned b = s[i];                 /* the NUL stops this too */
        if (b < lo || b > hi) {
            *used = i;
            return 0xFFFD;
        }
        lo = 0x80, hi = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
    }
    *used = i;
    return cp;
}

size_t nr_utf8_put(uint32_t cp, char out[4])
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
