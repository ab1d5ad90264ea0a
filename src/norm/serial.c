/*
 * serial.c - codes that are read out rather than counted: software versions
 * ("v2.1.0" -> "version two point one point zero"), ISBN/ISSN/LCCN numbers
 * (digit by digit), and simple equations ("1-2=5", "y=x+1"), where a hyphen
 * is "minus" rather than a range.
 */
#include "token.h"

#include <string.h>

/* "2.1.0", "v2.1": versions are read field by field with "point". */
int say_version(ctx *c, const char *s, size_t n)
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
    if (!dots || (dots == 1 && !(s > c->t[c->i].s && (s[-1] == 'v' || s[-1] == 'V'))))
        return 0;
    SET(c, "version", "version");
    if (s > c->t[c->i].s && (s[-1] == 'v' || s[-1] == 'V'))
        out_word(c->o, "version", 7);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '.')
            j++;
        num_cardinal(c->o, s + i, j - i);
        if (j < n)
            out_word(c->o, "point", 5);
        i = j + 1;
    }
    return 1;
}

/* "1-2=5", "y=x+1": inside an equation "-" is minus. */
int say_math(ctx *c, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]) && !is_alpha((unsigned char)s[i]) &&
            !strchr("+-=*/.^", s[i]))
            return 0;
    SET(c, "math", "equation");
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (is_digit((unsigned char)s[i])) {
            while (j < n && (is_digit((unsigned char)s[j]) ||
                   (s[j] == '.' && j + 1 < n && is_digit((unsigned char)s[j + 1]))))
                j++;
            numlit nl;
            num_scan(s + i, j - i, &nl);
            num_say(c->o, &nl);
        } else if (is_alpha((unsigned char)s[i])) {
            while (j < n && is_alpha((unsigned char)s[j]))
                j++;
            if (j - i == 1)
                out_word(c->o, s + i, 1);
            else
                say_token(c, s + i, j - i);
        } else {
            j = i + 1;
            static const char *const ops[] = { "plus", "minus", "equals", "times", "divided by", "point", "to the power of" };
            const char *p = strchr("+-=*/.^", s[i]);
            out_words(c->o, ops[p - "+-=*/.^"]);
        }
        i = j;
    }
    return 1;
}

/* The token after "ISBN" is a code: digits one by one, X as a letter. */
int say_isbn(ctx *c, const char *s, size_t n)
{
    const tok *pv = tok_at(c, -1);
    if (!pv || !(tok_is(pv, "ISBN") || tok_is(pv, "LCCN") || tok_is(pv, "ISSN") ||
                 tok_is(pv, "ISBN-10") || tok_is(pv, "ISBN-13")))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]) && s[i] != '-' && s[i] != 'X' && s[i] != 'x')
            return 0;
    SET(c, "serial", "isbn");
    for (size_t i = 0; i < n; i++) {
        if (is_digit((unsigned char)s[i]))
            num_digits(c->o, s + i, 1, 1);
        else if (s[i] != '-')
            out_word(c->o, "X", 1);
    }
    return 1;
}
