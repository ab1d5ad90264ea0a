/*
 * serial.c - codes that are read out rather than counted: software versions
 * ("v2.1.0" -> "version two point one point zero"), ISBN/ISSN/LCCN numbers
 * (digit by digit), and simple equations ("1-2=5", "y=x+1"), where a hyphen
 * is "minus" rather than a range, as is a spaced dash next to a lone "="
 * ("10 - 4 = 6"); model numbers ("Boeing 737-800", "F-150"), said in pairs
 * as their makers and pilots say them; sections of a code ("401(k)") and
 * references of numbers joined by slashes ("123/261788/2021").
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
    if (!memchr(s, '=', n))
        return 0;
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

/* Is an "=" standing alone among the tokens at offsets lo..hi?  Then a
 * spaced dash next to it is an operator: "1 - 2 = 5", "x = 5 - 3". */
int equals_near(const norm_run *run, long lo, long hi)
{
    for (long off = lo; off <= hi; off++) {
        const tok *t = tok_at(run, off);
        if (t && t->n == 1 && t->s[0] == '=')
            return 1;
    }
    return 0;
}

/* "x - 5 = 3": a dash (or a number with a dash glued after it) before a
 * lone "=" is minus */
int say_minus_before_equals(norm_run *run, const char *s, size_t n)
{
    if (!(IS_WHOLE(run, s, n) && s[n - 1] == '-' && (n == 1 || is_digit((unsigned char)s[n - 2])) &&
          equals_near(run, 1, 3)))
        return 0;
    numlit nl;
    if (n == 1 || num_scan(s, n - 1, &nl) == n - 1) {
        SET(run, CLS_MATH, "minus");
        if (n > 1)
            num_say(run->o, &nl);
        out_word(run->o, "minus", 5);
        return 1;
    }
    return 0;
}

/* "ISBN 978-0-14-103614-4" as a multi-token row: the code is one token */
size_t isbn_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    return t->n > 1 && is_digit((unsigned char)t->s[0]) && say_isbn(run, t->s, t->n);
}

/* "Boeing 777X" as a multi-token row: a model number is no measure and no
 * range, so it comes before them */
size_t model_number_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    return (size_t)say_model_number(run, t->s, t->n);
}

/* a section of a code: "401(k)" "four oh one k", "501(c)(3)" */
int say_code_section(norm_run *run, const char *s, size_t n)
{
    if (!(n >= 6 && is_digit((unsigned char)s[0]) && s[0] != '0' &&
          is_digit((unsigned char)s[1]) && is_digit((unsigned char)s[2]) && s[3] == '('))
        return 0;
    size_t k = 3;
    while (k + 2 < n && s[k] == '(' && (is_alpha((unsigned char)s[k + 1]) ||
           is_digit((unsigned char)s[k + 1])) && s[k + 2] == ')')
        k += 3;
    if (k != n)
        return 0;
    SET(run, CLS_SERIAL, "code-section");
    num_cardinal(run->o, s, 1);
    if (s[1] == '0')
        out_word(run->o, "oh", 2);
    num_cardinal(run->o, s + (s[1] == '0' ? 2 : 1), s[1] == '0' ? 1 : 2);
    for (k = 4; k < n; k += 3) {
        if (is_digit((unsigned char)s[k]))
            num_cardinal(run->o, s + k, 1);
        else
            out_letters(run->o, s + k, 1, NULL);
    }
    return 1;
}

/* "31/31/100", "123/261788/2021": numbers joined by two or more slashes
 * that are not a date are a reference: each number in turn, long ones digit
 * by digit */
int say_slash_reference(norm_run *run, const char *s, size_t n)
{
    size_t sl = 0, k = 0;
    while (k < n && (is_digit((unsigned char)s[k]) || s[k] == '/'))
        sl += s[k++] == '/';
    if (!(k == n && sl >= 2 && s[n - 1] != '/' && !memmem(s, n, "//", 2)))
        return 0;
    SET(run, CLS_SERIAL, "slash-numbers");
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '/')
            continue;
        if (i - st >= 5 || s[st] == '0')
            num_digits(run->o, s + st, i - st, 0);
        else
            num_cardinal(run->o, s + st, i - st);
        st = i + 1;
    }
    return 1;
}

/* "v2.1.0", "V3.2": a version after its v */
int say_v_version(norm_run *run, const char *s, size_t n)
{
    return (s[0] == 'v' || s[0] == 'V') && n > 3 && is_digit((unsigned char)s[1]) &&
           say_version(run, s + 1, n - 1);
}
