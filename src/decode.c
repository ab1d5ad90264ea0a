/*
 * decode.c - the reader's first step: whatever bytes arrive become valid
 * UTF-8 that every later stage can trust.
 *
 * Text from the web arrives as UTF-8 (sometimes with a BOM), now and then as
 * UTF-16 with a BOM (Windows "Unicode" saves), and sometimes damaged.  We
 * convert UTF-16, drop NUL bytes (they would end C strings early), and
 * replace each invalid UTF-8 sequence with U+FFFD rather than failing: one
 * bad byte must not cost a listener the whole article.  Linear, one pass.
 */
#include "decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t put_utf8(unsigned char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    uint32_t cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

static int decode_utf16(const unsigned char *p, size_t n, int big,
                        unsigned char *o, size_t *olen)
{
    size_t k = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = big ? (uint32_t)(p[i] << 8 | p[i + 1])
                         : (uint32_t)(p[i + 1] << 8 | p[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t l = big ? (uint32_t)(p[i + 2] << 8 | p[i + 3])
                             : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
            if (l >= 0xDC00 && l <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        if (u == 0)
            continue;
        k += put_utf8(o + k, u);
    }
    *olen = k;
    return 0;
}

int nr_decode_text(const char *in, size_t len, char **out, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)in;
    /* UTF-16 code units grow to at most 3 UTF-8 bytes (2 units -> 4 bytes);
       an invalid UTF-8 byte grows to 3 bytes (U+FFFD). */
    if (len > (SIZE_MAX - 4) / 3)
        return -1;
    unsigned char *o = malloc(len * 3 + 4);
    if (!o)
        return -1;
    size_t k = 0;
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        decode_utf16(p + 2, len - 2, p[0] == 0xFE, o, &k);
    } else {
        size_t i = 0;
        if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
            i = 3;
        while (i < len) {
            if (p[i] == 0) {
                i++;
                continue;
            }
            size_t l = utf8_valid_len(p + i, len - i);
            if (l == 0) {
                k += put_utf8(o + k, 0xFFFD);
                i++;
            } else {
                memcpy(o + k, p + i, l);
                k += l;
                i += l;
            }
        }
    }
    o[k] = '\0';
    /* the text lives for the whole run: give back the worst-case room */
    unsigned char *fit = realloc(o, k + 1);
    if (fit)
        o = fit;
    *out = (char *)o;
    *out_len = k;
    return 0;
}
