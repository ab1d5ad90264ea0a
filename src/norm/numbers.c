/*
 * numbers.c - cardinals, ordinals, years, decimals and digit strings.
 *
 * Works on digit strings rather than machine integers so that a 500-digit
 * number costs linear time and never overflows: up to 36 digits are read in
 * groups of three with short-scale names, longer strings digit by digit (as a
 * newsreader reads an ID).  British style inserts "and" after hundreds and
 * before a final group under one hundred.
 */
#include "internal.h"

#include <string.h>

static const char *const ones[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen"
};
static const char *const tens[] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety"
};
static const char *const scales[] = {
    "", "thousand", "million", "billion", "trillion", "quadrillion",
    "quintillion", "sextillion", "septillion", "octillion", "nonillion",
    "decillion"
};
#define MAX_SCALED_DIGITS 36

static void say_under100(nr_out *o, unsigned v)
{
    if (v < 20) {
        out_words(o, ones[v]);
        return;
    }
    out_words(o, tens[v / 10]);
    if (v % 10)
        out_words(o, ones[v % 10]);
}

/* A group of three; and_before says whether a GB "and" belongs in front of a
 * lone final group under one hundred ("one thousand and five"). */
static void say_group(nr_out *o, unsigned v, int and_before)
{
    if (v >= 100) {
        out_words(o, ones[v / 100]);
        out_word(o, "hundred", 7);
        if (v % 100) {
            if (o->gb)
                out_word(o, "and", 3);
            say_under100(o, v % 100);
        }
        return;
    }
    if (and_before && o->gb)
        out_word(o, "and", 3);
    say_under100(o, v);
}

void num_digits(nr_out *o, const char *d, size_t n, int oh)
{
    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)d[i]))
            continue;
        if (d[i] == '0' && oh)
            out_word(o, "o", 1);
        else
            out_words(o, ones[d[i] - '0']);
    }
}

void num_cardinal(nr_out *o, const char *d, size_t n)
{
    while (n > 1 && d[0] == '0') {
        d++;
        n--;
    }
    if (n == 0)
        return;
    if (n > MAX_SCALED_DIGITS) {
        num_digits(o, d, n, 0);
        return;
    }
    if (n == 1 && d[0] == '0') {
        out_word(o, "zero", 4);
        return;
    }
    size_t ngroups = (n + 2) / 3;
    size_t first = n - (ngroups - 1) * 3;
    size_t pos = 0;
    int said = 0;
    for (size_t g = 0; g < ngroups; g++) {
        size_t len = g == 0 ? first : 3;
        unsigned v = 0;
        for (size_t k = 0; k < len; k++)
            v = v * 10 + (unsigned)(d[pos + k] - '0');
        pos += len;
        size_t scale = ngroups - 1 - g;
        if (!v)
            continue;
        say_group(o, v, said && scale == 0);
        if (scale)
            out_words(o, scales[scale]);
        said = 1;
    }
}

void num_cardinal_u(nr_out *o, unsigned long long v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[sizeof tmp - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    num_cardinal(o, tmp + sizeof tmp - n, n);
}

void num_ordinal(nr_out *o, const char *d, size_t n)
{
    while (n > 1 && d[0] == '0') {
        d++;
        n--;
    }
    if (n > MAX_SCALED_DIGITS) {
        num_digits(o, d, n, 0);
        out_word(o, "th", 2);   /* keeps the suffix audible */
        return;
    }
    num_cardinal(o, d, n);
    out_ordinalize(o);
}

void num_year(nr_out *o, unsigned v)
{
    if (v >= 100 && v < 1000 && v % 100) {
        /* "340 AD": three forty */
        say_under100(o, v / 100);
        if (v % 100 < 10)
            out_word(o, "o", 1);
        say_under100(o, v % 100);
        return;
    }
    if (v < 1000 || v >= 10000) {
        num_cardinal_u(o, v);
        return;
    }
    unsigned hi = v / 100, lo = v % 100;
    if (v % 1000 < 10 && (v / 1000 == 2 || v % 1000 == 0)) {
        num_cardinal_u(o, v);          /* 2000, 2009, 1000 */
        return;
    }
    say_under100(o, hi);
    if (lo == 0) {
        out_word(o, "hundred", 7);
    } else if (lo < 10) {
        out_word(o, "o", 1);          /* Flite says "o" as "oh" */
        say_under100(o, lo);
    } else {
        say_under100(o, lo);
    }
}

size_t num_scan(const char *s, size_t n, numlit *nl)
{
    memset(nl, 0, sizeof *nl);
    size_t i = 0;
    if (i < n && s[i] == '-' && i + 1 < n && (is_digit((unsigned char)s[i + 1]) ||
        (s[i + 1] == '.' && i + 2 < n && is_digit((unsigned char)s[i + 2])))) {
        nl->neg = 1;
        i++;
    }
    size_t st = i;
    while (i < n && is_digit((unsigned char)s[i]))
        i++;
    size_t firstrun = i - st;
    /* thousands separators: 1-3 digits then groups of exactly three */
    if (firstrun >= 1 && firstrun <= 3) {
        while (i + 3 < n && s[i] == ',' && is_digit((unsigned char)s[i + 1]) &&
               is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]) &&
               (i + 4 >= n || !is_digit((unsigned char)s[i + 4]))) {
            i += 4;
            nl->commas++;
        }
    }
    nl->ip = s + st;
    nl->ipn = i - st;
    if (i + 1 < n && s[i] == '.' && is_digit((unsigned char)s[i + 1])) {
        size_t f = i + 1;
        while (f < n && is_digit((unsigned char)s[f]))
            f++;
        nl->point = 1;
        nl->fp = s + i + 1;
        nl->fpn = f - i - 1;
        i = f;
    }
    if (nl->ipn == 0 && !nl->point)
        return 0;
    nl->len = i;
    return i;
}

static size_t strip_commas(const numlit *nl, char *buf)
{
    size_t k = 0;
    for (size_t i = 0; i < nl->ipn; i++)
        if (nl->ip[i] != ',')
            buf[k++] = nl->ip[i];
    return k;
}

int num_is_one(const numlit *nl)
{
    if (nl->neg || nl->point)
        return 0;
    size_t i = 0;
    while (i + 1 < nl->ipn && nl->ip[i] == '0')
        i++;
    return nl->ipn - i == 1 && nl->ip[i] == '1';
}

unsigned long long num_value(const numlit *nl, int *overflow)
{
    unsigned long long v = 0;
    *overflow = 0;
    for (size_t i = 0; i < nl->ipn; i++) {
        if (nl->ip[i] == ',')
            continue;
        if (v > 100000000000000000ULL) {
            *overflow = 1;
            return 0;
        }
        v = v * 10 + (unsigned)(nl->ip[i] - '0');
    }
    return v;
}

/* Integer part: cardinal, except unseparated strings that look like codes
 * (leading zero, or too long to be a quantity) which are read digit by digit. */
static void say_int(nr_out *o, const numlit *nl)
{
    if (nl->ipn == 0)
        return;
    if (!nl->commas && nl->ipn > 1 && nl->ip[0] == '0') {
        num_digits(o, nl->ip, nl->ipn, 0);
        return;
    }
    if (!nl->commas && nl->ipn > 15) {
        num_digits(o, nl->ip, nl->ipn, 0);
        return;
    }
    char stackbuf[64];
    if (nl->ipn < sizeof stackbuf) {
        size_t k = strip_commas(nl, stackbuf);
        num_cardinal(o, stackbuf, k);
    } else {
        num_digits(o, nl->ip, nl->ipn, 0);
    }
}

void num_say(nr_out *o, const numlit *nl)
{
    if (nl->neg)
        out_word(o, "minus", 5);
    say_int(o, nl);
    if (nl->point) {
        out_word(o, "point", 5);
        /* Digits after the point are said one by one, a zero as "zero"
         * ("0.004" "zero point zero zero four"): news readers and the
         * reference data say it so, and "o" would blur with "four o". */
        num_digits(o, nl->fp, nl->fpn, 0);
    }
}

void num_pairs3(nr_out *o, unsigned v)
{
    num_cardinal_u(o, v / 100);
    if (v % 100 == 0) {
        out_word(o, "hundred", 7);
        return;
    }
    if (v % 100 < 10)
        out_word(o, "o", 1);
    num_cardinal_u(o, v % 100);
}
