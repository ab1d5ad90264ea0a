/*
 * fold.c - UTF-8 spoken text -> ASCII for Flite (see fold.h).
 */
#include "fold.h"

#include <string.h>
#include <utf8proc.h>

/* Letters Unicode does not decompose into a base letter plus marks, written
 * the way English texts transliterate them. */
static const struct { int cp; const char *ascii; } spelled[] = {
    {0x00DF, "ss"}, {0x1E9E, "SS"}, {0x00E6, "ae"}, {0x00C6, "AE"},
    {0x0153, "oe"}, {0x0152, "OE"}, {0x00F8, "o"}, {0x00D8, "O"},
    {0x0142, "l"}, {0x0141, "L"}, {0x0111, "d"}, {0x0110, "D"},
    {0x00F0, "d"}, {0x00D0, "D"}, {0x00FE, "th"}, {0x00DE, "Th"},
    {0x0131, "i"}, {0x014B, "ng"}, {0x014A, "Ng"}, {0x0127, "h"},
    {0x0126, "H"},
};

static const char *spelled_find(int cp)
{
    for (size_t i = 0; i < sizeof spelled / sizeof spelled[0]; i++)
        if (spelled[i].cp == cp)
            return spelled[i].ascii;
    return NULL;
}

static int fold_char(utf8proc_int32_t cp, nr_buf *out)
{
    const char *sp = spelled_find(cp);
    if (sp)
        return nr_buf_puts(out, sp);
    utf8proc_int32_t dec[16];
    int last = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 16,
        UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
    int r = NR_BUF_OK;
    for (utf8proc_ssize_t t = 0; m > 0 && m <= 16 && t < m && r == NR_BUF_OK; t++) {
        if (dec[t] > 0x20 && dec[t] < 0x7f)
            r = nr_buf_putc(out, (char)dec[t]);
        else if ((sp = spelled_find(dec[t])) != NULL)
            r = nr_buf_puts(out, sp);
    }
    return r;
}

int nr_fold_ascii(const char *s, size_t n, nr_buf *out)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    int r = NR_BUF_OK;
    while (i < n && r == NR_BUF_OK) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80)
            j++;
        if (j > i) {
            r = nr_buf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;                /* a stray byte has nothing to say */
            continue;
        }
        i += (size_t)k;
        r = fold_char(cp, out);
    }
    return r;
}
