/*
 * clean.c - UTF-8 in, the working text of the rules out.
 *
 * The rules see ASCII punctuation and symbols plus letters: typographic
 * quotes, dashes, ellipses and odd spaces are folded to their ASCII
 * equivalents, compatibility forms are NFKC-decomposed (superscript two -> 2,
 * fullwidth A -> A), and the few symbols that carry meaning later (currency,
 * degree, multiplication, micro, vulgar fractions) become private control-
 * byte markers that no input byte can fake (input control characters become
 * spaces).  Letters past ASCII stay as the writer typed them, NFC-composed
 * ("Müller", "d'être"): every byte >= 0x80 in the output is part of a letter,
 * which is how the rules recognise them (is_alpha), and only the synthesizer
 * folds them for Flite (src/fold.c).  Invalid UTF-8 bytes are dropped.
 * One pass, no allocation per character.
 */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

static int put(nr_buf *b, const char *s, size_t n)
{
    return nr_buf_append(b, s, n);
}

/* Records that out grew to its current length from input offset `from`. */
static int map_to(nr_buf *map, const nr_buf *out, size_t from)
{
    if (!map)
        return NR_BUF_OK;
    while (map->len / sizeof(size_t) < out->len) {
        int r = nr_buf_append(map, &from, sizeof from);
        if (r != NR_BUF_OK)
            return r;
    }
    return NR_BUF_OK;
}

/* Symbols with a fixed replacement; checked before decomposition. */
static const struct { int cp; const char *rep; } fixed[] = {
    {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"}, {0x2032, "'"},
    {0x02BC, "'"}, {0x00B4, "'"}, {0x0060, "'"},
    {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""},
    {0x2033, "\""}, {0x00AB, "\""}, {0x00BB, "\""},
    {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"},
    {0x2212, "-"}, {0xFE63, "-"}, {0xFF0D, "-"},
    {0x2014, " - "}, {0x2015, " - "},
    {0x2026, "..."},
    {0x00A0, " "}, {0x2007, " "}, {0x2009, " "}, {0x202F, " "}, {0x200A, " "},
    {0x2002, " "}, {0x2003, " "}, {0x3000, " "}, {0x2028, " "}, {0x2029, " "},
    {0x00AD, ""}, {0x200B, ""}, {0x200C, ""}, {0x200D, ""}, {0xFEFF, ""},
    {0x2060, ""},
    {0x2022, " , "}, {0x25CF, " , "}, {0x25AA, " , "}, {0x2023, " , "},
    {0x25E6, " , "}, {0x2043, " , "}, {0x00B7, " , "},
    {0x00A3, "\x01"}, {0x20AC, "\x02"}, {0x00A5, "\x03"}, {0x00B0, "\x04"},
    {0x00BA, "\x04"}, {0x02DA, "\x04"},
    {0x00D7, "\x05"}, {0x00B5, "\x07"}, {0x03BC, "\x07"}, {0x20A9, "\x0e"},
    {0x20B9, "\x0f"}, {0x00A2, "\x10"}, {0x00A7, "\x11"},
    {0x00BD, "\x06" "1/2"}, {0x00BC, "\x06" "1/4"}, {0x00BE, "\x06" "3/4"},
    {0x2153, "\x06" "1/3"}, {0x2154, "\x06" "2/3"}, {0x215B, "\x06" "1/8"},
    {0x215C, "\x06" "3/8"}, {0x215D, "\x06" "5/8"}, {0x215E, "\x06" "7/8"},
    {0x2122, ""}, {0x00AE, ""}, {0x00A9, " copyright "},
    {0x2190, " "}, {0x2192, " to "}, {0x2248, " approximately "},
    {0x2264, " less than or equal to "}, {0x2265, " at least "},
    {0x00F7, " divided by "}, {0x00B1, " plus or minus "}, {0x2030, " per mille "},
    {0x03B1, " alpha "}, {0x03B2, " beta "}, {0x03B3, " gamma "},
    {0x03B4, " delta "}, {0x03C0, " pi "}, {0x03A9, " ohms "},
};

static const char *fixed_find(int cp)
{
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (fixed[i].cp == cp)
            return fixed[i].rep;
    return NULL;
}

static int is_letter_or_mark(utf8proc_category_t cat, int *mark)
{
    *mark = cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
            cat == UTF8PROC_CATEGORY_ME;
    return *mark || cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
           cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
           cat == UTF8PROC_CATEGORY_LO;
}

/* Writes a letter (or a combining mark on the letter before it) that has no
 * ASCII compatibility form, NFC-composed; returns 0 for everything else,
 * which then takes the ASCII path below. */
static int keep_letter(utf8proc_int32_t cp, nr_buf *out, int *r)
{
    int mark;
    if (!is_letter_or_mark(utf8proc_get_property(cp)->category, &mark))
        return 0;
    if (mark) {
        /* a mark only means something on a letter ("e" + U+0301) */
        unsigned char prev = out->len ? (unsigned char)out->data[out->len - 1] : ' ';
        if (!(prev >= 0x80 || is_alpha(prev)))
            return 1;
    }
    utf8proc_int32_t dec[32];
    int last = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 32,
        UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
    if (m <= 0 || m > 32)
        return 0;
    int ascii = 1, part_mark;
    for (utf8proc_ssize_t t = 0; t < m; t++) {
        ascii &= dec[t] < 0x80;
        if (dec[t] < 0x80 ? !is_alpha(dec[t])
                          : !is_letter_or_mark(utf8proc_category(dec[t]), &part_mark))
            return 0;               /* "l" + middle dot: the symbol path */
    }
    if (ascii && !mark)
        return 0;                   /* fullwidth A, the fi ligature */
    m = utf8proc_normalize_utf32(dec, m, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    for (utf8proc_ssize_t t = 0; t < m && *r == NR_BUF_OK; t++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(dec[t], enc);
        *r = put(out, (const char *)enc, (size_t)k);
    }
    return 1;
}

/* The ASCII of a superscript digit or minus, else 0. */
static int superscript(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2070: return '0';
    case 0x00B9: return '1';
    case 0x00B2: return '2';
    case 0x00B3: return '3';
    case 0x207B: return '-';
    default: return cp >= 0x2074 && cp <= 0x2079 ? '4' + (cp - 0x2074) : 0;
    }
}

int clean_text(const char *in, size_t len, nr_buf *out, nr_buf *map)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)in;
    size_t i = 0;
    int r = NR_BUF_OK;
    size_t at = 0;
    size_t sup_end = (size_t)-1;      /* where the last superscript written ends */
    while (i < len && r == NR_BUF_OK) {
        if (map && (r = map_to(map, out, at)) != NR_BUF_OK)
            break;
        at = i;
        unsigned char c = (unsigned char)in[i];
        if (c == '<' && i + 2 < len && (is_alpha((unsigned char)in[i + 1]) ||
                                        (in[i + 1] == '/' && is_alpha((unsigned char)in[i + 2])))) {
            /* stray markup ("<br/>", "<noise/>") is not read out; a tag ends
             * within 200 bytes at '>' with no '<' inside, else it is text */
            size_t j = i + 1;
            while (j < len && j - i < 200 && in[j] != '>' && in[j] != '<' && in[j] != '\n')
                j++;
            if (j < len && in[j] == '>') {
                r = put(out, " ", 1);
                i = j + 1;
                continue;       /* mapped to the tag's '<' on the next round */
            }
        }
        if (c < 0x80) {
            /* fast path: runs of printable ASCII, stopping at a possible tag */
            size_t j = i;
            while (j < len && (unsigned char)in[j] >= 0x20 && (unsigned char)in[j] < 0x7f &&
                   (in[j] != '<' || j == i))
                j++;
            if (j > i) {
                if (map) {
                    /* one byte each: map them one by one */
                    for (size_t q = i; q < j && r == NR_BUF_OK; q++) {
                        r = put(out, in + q, 1);
                        if (r == NR_BUF_OK)
                            r = map_to(map, out, q);
                    }
                    at = j;
                } else {
                    r = put(out, in + i, j - i);
                }
                i = j;
                continue;
            }
            r = put(out, " ", 1);   /* control characters and DEL */
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            i++;                    /* invalid byte: dropped */
            continue;
        }
        i += (size_t)k;
        int sup = superscript(cp);
        if (sup) {
            /* "10⁸", "2³", "10⁻⁶": an exponent after a digit is written
               "^8" for the rules; after a letter ("km²") it stays a digit */
            if (out->len && out->len != sup_end && is_digit((unsigned char)out->data[out->len - 1]))
                r = put(out, "^", 1);
            if (r == NR_BUF_OK) {
                char ch = (char)sup;
                r = put(out, &ch, 1);
            }
            sup_end = out->len;
            continue;
        }
        const char *rep = fixed_find(cp);
        if (rep) {
            r = put(out, rep, strlen(rep));
            continue;
        }
        if (keep_letter(cp, out, &r))
            continue;
        utf8proc_int32_t dec[32];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 32,
            UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
        int wrote = 0;
        if (m > 0 && m <= 32) {
            for (utf8proc_ssize_t t = 0; t < m && r == NR_BUF_OK; t++) {
                utf8proc_int32_t d = dec[t];
                if (d >= 0x20 && d < 0x7f) {
                    char ch = (char)d;
                    r = put(out, &ch, 1);
                    wrote = 1;
                } else if (d < 0x80) {
                    r = put(out, " ", 1);
                    wrote = 1;
                } else if ((rep = fixed_find(d)) != NULL) {
                    r = put(out, rep, strlen(rep));
                    wrote = 1;
                }
            }
        }
        if (!wrote && r == NR_BUF_OK) {
            /* unknown symbol or script: a space keeps neighbours apart
             * only if it was a separator; letters of other scripts vanish */
            const utf8proc_property_t *pr = utf8proc_get_property(cp);
            if (pr->category == UTF8PROC_CATEGORY_ZS ||
                pr->category == UTF8PROC_CATEGORY_PD ||
                pr->category == UTF8PROC_CATEGORY_PS ||
                pr->category == UTF8PROC_CATEGORY_PE ||
                pr->category == UTF8PROC_CATEGORY_PO ||
                pr->category == UTF8PROC_CATEGORY_SO ||
                pr->category == UTF8PROC_CATEGORY_SM)
                r = put(out, " ", 1);
        }
    }
    if (r == NR_BUF_OK && map)
        r = map_to(map, out, at);
    return r;
}
