/*
 * decode.c - the reader's first step: whatever bytes arrive become valid
 * UTF-8 that every later stage can trust.
 *
 * Text from the web arrives as UTF-8 (sometimes with a BOM), now and then as
 * UTF-16 (Windows "Unicode" saves, with a BOM; some tools write none), and
 * sometimes damaged.  We convert UTF-16, drop NUL bytes (they would end C
 * strings early), and replace each invalid UTF-8 sequence with U+FFFD
 * rather than failing: one bad byte must not cost a listener the whole
 * article.  Control characters become spaces here, once, so none can reach
 * a title and from there a feed, a tag or a file name (XML 1.0 cannot even
 * carry most of them); a terminal escape (colours: "ESC [31m") goes whole,
 * or its "[31m" would be spoken.  Those replacements keep the byte length of
 * UTF-8 input, so offsets into the decoded text are offsets into the input
 * unless bytes were dropped or replaced.  Linear, one pass.
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

/* Tab, line feed, vertical tab, form feed, carriage return: the C0
   characters that are white space in text. */
static int is_space_ctl(uint32_t c)
{
    return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* A code point as it may appear in the decoded text: controls become a
   space, the two noncharacters XML refuses become U+FFFD; 0 = drop. */
static uint32_t clean_cp(uint32_t c)
{
    if (c == 0)
        return 0;
    if ((c < 0x20 && !is_space_ctl(c)) || (c >= 0x7F && c <= 0x9F))
        return ' ';
    if (c == 0xFFFE || c == 0xFFFF)
        return 0xFFFD;
    return c;
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

/* Bytes of the terminal escape sequence at p (an ESC): a control sequence
   (ESC [ parameters final, colours), an operating system command (ESC ]
   text, ended by BEL or ESC \, window titles) or a two-byte escape; 0
   when p holds none. */
static size_t escape_len(const unsigned char *p, size_t n)
{
    if (n < 2 || p[0] != 0x1B)
        return 0;
    size_t i = 2;
    if (p[1] == '[') {
        while (i < n && p[i] >= 0x20 && p[i] <= 0x3F)  /* parameters, intermediates */
            i++;
        return i < n && p[i] >= 0x40 && p[i] <= 0x7E ? i + 1 : 0;
    }
    if (p[1] == ']') {
        for (; i < n && i < 512; i++) {
            if (p[i] == 0x07)
                return i + 1;
            if (p[i] == 0x1B)
                return i + 1 < n && p[i + 1] == '\\' ? i + 2 : 0;
            if (p[i] < 0x20)
                return 0;
        }
        return 0;
    }
    return p[1] >= 0x40 && p[1] <= 0x5F ? 2 : 0;
}

/* The opening bytes decide UTF-16 without a BOM: text in a Latin script
   has a NUL high byte in most of its units, and 8-bit text has no NUL at
   all. */
#define GUESS_BYTES 4096

nr_encoding nr_detect_encoding(const unsigned char *p, size_t len)
{
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return NR_ENC_UTF8_BOM;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return NR_ENC_UTF16LE_BOM;
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return NR_ENC_UTF16BE_BOM;
    size_t n = (len < GUESS_BYTES ? len : GUESS_BYTES) & ~(size_t)1;
    size_t units = n / 2, zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i < n; i += 2) {
        zero_even += p[i] == 0;
        zero_odd += p[i + 1] == 0;
    }
    /* at least 40 % of the units with a NUL on one side, at most 5 % on
       the other (a text padded with NULs has them on both) */
    if (units >= 2 && zero_odd * 5 >= units * 2 && zero_even * 20 <= units)
        return NR_ENC_UTF16LE;
    if (units >= 2 && zero_even * 5 >= units * 2 && zero_odd * 20 <= units)
        return NR_ENC_UTF16BE;
    return NR_ENC_UTF8;
}

static size_t decode_utf16(const unsigned char *p, size_t n, int big, unsigned char *o)
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
        if ((u = clean_cp(u)) != 0)
            k += put_utf8(o + k, u);
    }
    return k;
}

static size_t decode_utf8(const unsigned char *p, size_t len, unsigned char *o)
{
    size_t k = 0, i = 0;
    while (i < len) {
        unsigned char c = p[i];
        if (c < 0x20 || c == 0x7F) {
            size_t n = c == 0x1B ? escape_len(p + i, len - i) : 0;
            if (n) {
                memset(o + k, ' ', n);  /* the whole escape sequence */
                k += n;
                i += n;
                continue;
            }
            if (c != 0)  /* NUL is dropped */
                o[k++] = is_space_ctl(c) ? c : ' ';
            i++;
            continue;
        }
        size_t l = utf8_valid_len(p + i, len - i);
        if (l == 0) {
            k += put_utf8(o + k, 0xFFFD);
            i++;
        } else if (l == 2 && c == 0xC2 && p[i + 1] <= 0x9F) {
            o[k++] = ' ';  /* C1 control: two spaces keep the length */
            o[k++] = ' ';
            i += 2;
        } else if (l == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) {
            k += put_utf8(o + k, 0xFFFD);
            i += 3;
        } else {
            memcpy(o + k, p + i, l);
            k += l;
            i += l;
        }
    }
    return k;
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
    switch (nr_detect_encoding(p, len)) {
    case NR_ENC_UTF16LE_BOM: k = decode_utf16(p + 2, len - 2, 0, o); break;
    case NR_ENC_UTF16BE_BOM: k = decode_utf16(p + 2, len - 2, 1, o); break;
    case NR_ENC_UTF16LE: k = decode_utf16(p, len, 0, o); break;
    case NR_ENC_UTF16BE: k = decode_utf16(p, len, 1, o); break;
    case NR_ENC_UTF8_BOM: k = decode_utf8(p + 3, len - 3, o); break;
    case NR_ENC_UTF8: k = decode_utf8(p, len, o); break;
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
