/*
 * serial.c - codes that are read out rather than counted: software versions
 * ("v2.1.0" -> "version two point one point zero"), ISBN/ISSN/LCCN numbers
 * (digit by digit), and simple equations ("1-2=5", "y=x+1"), where a hyphen
 * is "minus" rather than a range; model numbers ("Boeing 737-800",
 * "F-150"), said in pairs as their makers and pilots say them.
 */
#include "token.h"

#include <string.h>

/* "2.1.0", "v2.1": versions are read field by field with "point". */
int say_version(norm_run *run, const char *s, size_t n)
{
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (!i || i + 1 >= n || !is_digit((unsigned char)s[i + 1]))
                return 0;
            dots++;
        } else if (!is_digit((unsigned char)s[i])) {
            return 0;
        }
    }
    if (!dots || (dots == 1 && !(s > run->t[run->i].s && (s[-1] == 'v' || s[-1] == 'V'))))
        return 0;
    SET(run, CLS_VERSION, "version");
    if (s > run->t[run->i].s && (s[-1] == 'v' || s[-1] == 'V'))
        out_word(run->o, "version", 7);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '.')
            j++;
        num_cardinal(run->o, s + i, j - i);
        if (j < n)
            out_word(run->o, "point", 5);
        i = j + 1;
    }
    return 1;
}

/* "1-2=5", "y=x+1": inside an equation "-" is minus. */
int say_math(norm_run *run, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]) && !is_alpha((unsigned char)s[i]) &&
            !strchr("+-=*/.^", s[i]))
            return 0;
    SET(run, CLS_MATH, "equation");
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (is_digit((unsigned char)s[i])) {
            while (j < n && (is_digit((unsigned char)s[j]) ||
                   (s[j] == '.' && j + 1 < n && is_digit((unsigned char)s[j + 1]))))
                j++;
            numlit nl;
            num_scan(s + i, j - i, &nl);
            num_say(run->o, &nl);
        } else if (is_alpha((unsigned char)s[i])) {
            while (j < n && is_alpha((unsigned char)s[j]))
                j++;
            if (j - i == 1)
                out_word(run->o, s + i, 1);
            else
                say_token(run, s + i, j - i);
        } else {
            j = i + 1;
            static const char *const ops[] = { "plus", "minus", "equals", "times", "divided by", "point", "to the power of" };
            const char *p = strchr("+-=*/.^", s[i]);
            out_words(run->o, ops[p - "+-=*/.^"]);
        }
        i = j;
    }
    return 1;
}

/* The token after "ISBN" is a code: digits one by one, X as a letter. */
int say_isbn(norm_run *run, const char *s, size_t n)
{
    const tok *pv = tok_at(run, -1);
    if (!pv || !(tok_is(pv, "ISBN") || tok_is(pv, "LCCN") || tok_is(pv, "ISSN") ||
                 tok_is(pv, "ISBN-10") || tok_is(pv, "ISBN-13")))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]) && s[i] != '-' && s[i] != 'X' && s[i] != 'x')
            return 0;
    SET(run, CLS_SERIAL, "isbn");
    for (size_t i = 0; i < n; i++) {
        if (is_digit((unsigned char)s[i]))
            num_digits(run->o, s + i, 1, 1);
        else if (s[i] != '-')
            out_word(run->o, "X", 1);
    }
    return 1;
}

/* Makers whose three-digit model numbers are names, not quantities. */
static const char *const makers[] = {
    "Boeing", "Porsche", "Peugeot", "Cessna", "Embraer", "Lockheed", "Tupolev",
    "Ilyushin", "Antonov", "Fiat", "Ferrari", "Volvo", "Saab", "Douglas", NULL
};

static unsigned three_digits(const char *s)
{
    return (unsigned)(s[0] - '0') * 100 + (unsigned)(s[1] - '0') * 10 + (unsigned)(s[2] - '0');
}

/* A model number, said in pairs: after a maker ("Boeing 737" seven thirty
 * seven, "737-800" seven thirty seven eight hundred, "787-9", "777X"); or
 * letters, a hyphen and three digits ("F-150" F one fifty, "C-130",
 * "KC-135"), which no count is written as. */
int say_model_number(norm_run *run, const char *s, size_t n)
{
    if (!IS_WHOLE(run, s, n))
        return 0;
    size_t l = 0;
    while (l < n && l < 3 && is_upper((unsigned char)s[l]))
        l++;
    if (l >= 1 && l + 4 == n && s[l] == '-' && is_digit((unsigned char)s[l + 1]) &&
        s[l + 1] != '0' && is_digit((unsigned char)s[l + 2]) && is_digit((unsigned char)s[l + 3])) {
        SET(run, CLS_SERIAL, "model-letters");
        out_letters(run->o, s, l, NULL);
        num_pairs3(run->o, three_digits(s + l + 1));
        return 1;
    }
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    int maker = pv && !pv->trailn && word_in(pv->s, pv->n, makers);
    if (!maker && nx && !run->t[run->i].trailn && tok_is(nx, "MAX"))
        maker = 1;                           /* "the 737 MAX" names its maker */
    if (l || n < 3 || !maker ||
        s[0] == '0' || !is_digit((unsigned char)s[1]) || !is_digit((unsigned char)s[2]) ||
        (n > 3 && is_digit((unsigned char)s[3])))
        return 0;
    size_t k = 3, vn = 0;
    if (k < n && s[k] == '-') {
        while (k + 1 + vn < n && is_digit((unsigned char)s[k + 1 + vn]))
            vn++;
        if (!vn || vn > 3)
            return 0;
        k += 1 + vn;
    }
    size_t sfx = k;
    while (k < n && is_alpha((unsigned char)s[k]))
        k++;
    if (k != n || k - sfx > 3)
        return 0;
    SET(run, CLS_SERIAL, "model-number");
    num_pairs3(run->o, three_digits(s));
    if (vn)
        num_cardinal(run->o, s + 4, vn);     /* the variant: "-800", "-9" */
    if (k - sfx == 1 && s[sfx] == 's')
        out_pluralize(run->o);                 /* "747s" seven forty sevens */
    else if (k > sfx)
        out_letters(run->o, s + sfx, k - sfx, NULL);
    return 1;
}
