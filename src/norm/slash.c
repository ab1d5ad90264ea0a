/*
 * slash.c - slash forms: fractions and numbers joined by a slash ("3/4"
 * three quarters, "9/11" nine eleven, "24/7", "140/90" over, "11/3" a US
 * date), mixed fractions ("2 1/2"), vulgar fractions ("2½"), a slash left
 * after a number ("14/ they"), and words joined by slashes ("and/or",
 * "he/she", "/r/news").
 *
 * Which pairs are fractions is the question: a proper fraction over a
 * small denominator is one, and so is anything before "of" or a unit; a
 * pair that could be a day and month in the locale's order, a month and
 * year or a cricket score is said in turn.
 */
#include "token.h"

#include <string.h>

static void say_denominator(nr_out *o, unsigned long long num, unsigned long long den)
{
    if (den == 2) {
        out_word(o, num == 1 ? "half" : "halves", num == 1 ? 4 : 6);
        return;
    }
    if (den == 4) {
        out_word(o, num == 1 ? "quarter" : "quarters", num == 1 ? 7 : 8);
        return;
    }
    num_cardinal_u(o, den);
    out_ordinalize(o);
    if (num != 1 && !o->err)
        nr_buf_append(o->b, "s", 1);
}

/* Two numbers joined by a slash that are said in turn rather than as a
 * fraction: what could be a day and month in the locale's order ("9/11",
 * "7/7"), a month and year ("1/2007"), "24/7", and in Britain a cricket
 * score of runs for wickets ("245/6").  Anything else is a fraction when
 * proper or over a small denominator ("22/3", "12639/12640"), otherwise
 * "over" ("140/90"). */
static int slash_pair_is_name(int gb, unsigned long long a, unsigned long long b)
{
    unsigned long long m = gb ? b : a, d = gb ? a : b;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
        return 1;
    if (a >= 1 && a <= 12 && b >= 1900 && b <= 2099)
        return 1;
    if (a == 24 && b == 7)
        return 1;
    return gb && a > b && b <= 10;
}

/* "1/24 of the budget", "a 1/24 scale model": a part of something */
static int next_is_part(const norm_run *run)
{
    const tok *nx = tok_at(run, 1);
    return nx && !run->t[run->i].trailn && (tok_is(nx, "of") || tok_is(nx, "scale"));
}

/* A bare month/day in American copy is a date ("on 3/15", "1/6"), read as
 * one: "March fifteenth".  Not the days that are names in their own right,
 * said in turn (9/11, 7/7), nor a part of something ("1/24 of", "1/24
 * scale"), nor a day the month does not have. */
static int us_month_day(const norm_run *run, unsigned long long m, unsigned long long d)
{
    static const unsigned char days[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m])
        return 0;
    if ((m == 9 && d == 11) || (m == 7 && d == 7))
        return 0;
    return !next_is_part(run);
}

/* a/b: fraction, or two numbers said in turn (9/11, 24/7, 50/50). */
int say_slash_numbers(norm_run *run, const char *s, size_t n)
{
    const char *sl = memchr(s, '/', n);
    if (!sl)
        return 0;
    int ordsfx = 0;
    if (n > 4 && (ieq(s + n - 2, 2, "th") || ieq(s + n - 2, 2, "rd") || ieq(s + n - 2, 2, "nd") ||
                  ieq(s + n - 2, 2, "st"))) {
        n -= 2;                        /* "1/4th" is the fraction */
        ordsfx = 1;
    }
    size_t an = (size_t)(sl - s), bn = n - an - 1;
    if (!an || !bn || an > 6 || bn > 6)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i != an && !is_digit((unsigned char)s[i]))
            return 0;
    unsigned long long a = 0, b = 0;
    for (size_t i = 0; i < an; i++) a = a * 10 + (unsigned)(s[i] - '0');
    for (size_t i = 0; i < bn; i++) b = b * 10 + (unsigned)(sl[1 + i] - '0');
    if (an == 4 && !ordsfx && a >= 1900 && a <= 2098 &&
        ((bn == 2 && b == (a + 1) % 100) || (bn == 4 && b == a + 1))) {
        /* a season or fiscal year: "2020/21" is said as "2020-21" */
        char buf[10];
        memcpy(buf, s, n);
        buf[an] = '-';
        return say_range(run, buf, n);
    }
    int fraction = b >= 2 && ((a < b && (b <= 10 || b == 12 || b == 16 || b == 32 ||
                                        b == 64 || b == 100 || b == 1000)) || ordsfx);
    if (!fraction && a > b && b >= 2 && b <= 16 && a < 100 && IS_WHOLE(run, s, n + 2 * ordsfx)) {
        /* an improper fraction is clearly one before a unit or a measuring
         * noun: "11/3 cups" "eleven thirds cups", "5/2 inches" */
        const tok *nx = tok_at(run, 1);
        static const char *const measures[] = {
            "cup", "cups", "teaspoon", "teaspoons", "tablespoon", "tablespoons",
            "inch", "inches", "mile", "miles", "pound", "pounds", "ounce", "ounces",
            "yards", "feet", "acres", "litres", "liters", NULL
        };
        if (nx && nx->n && !nx->leadn && !run->t[run->i].trailn &&
            (word_in(nx->s, nx->n, measures) ||
             (unit_find(nx->s, nx->n) && !(unit_find(nx->s, nx->n)->flags & U_GLUED_ONLY))))
            fraction = 1;
    }
    /* (a piece of a longer code, "MIG-25/235212-x", stays two numbers) */
    int whole = IS_WHOLE(run, s, n + 2 * ordsfx);
    int name = slash_pair_is_name(run->o->gb, a, b);
    if (whole && a < b && a && next_is_part(run))
        fraction = 1;
    if (!fraction && b >= 2 && a != b && whole && !name && (a < b || b <= 16))
        fraction = 1;
    /* "on 1/6", "since 3/4": after these a pair that could be a date is one */
    static const char *const date_preps[] = {"on", "since", "until", "till", "through", NULL};
    const tok *pv = tok_at(run, -1);
    int date_prep = pv && pv->n && !pv->trailn && word_in(pv->s, pv->n, date_preps);
    /* "Thu 3/4", "Tuesday (3/4)", "Tu 1/6": a day's name dates the pair */
    if (pv && pv->n && (!pv->trailn || (pv->trailn == 1 && strchr(",.", pv->trail[0]))) &&
        is_upper((unsigned char)pv->s[0]) && (weekday_find(pv->s, pv->n) ||
        (weekday_two(pv->s, pv->n) &&
         !(tok_at(run, -2) && !tok_at(run, -2)->trailn && tok_is_cap_word(tok_at(run, -2))))))
        date_prep = 1;
    if ((!fraction || date_prep) && name && whole && !ordsfx && !run->o->gb &&
        us_month_day(run, a, b)) {
        SET(run, CLS_DATE, "month-day");
        say_month_day(run->o, (int)a, (unsigned)b);
        return 1;
    }
    if (fraction) {
        SET(run, CLS_FRACTION, "fraction");
        num_cardinal_u(run->o, a);
        say_denominator(run->o, a, b);
    } else if (whole && !name && a > b && b > 16) {
        /* no fraction has such a denominator in news copy: a reading such
           as blood pressure, "140/90", is "one hundred forty over ninety" */
        SET(run, CLS_CARDINAL, "slash-over");
        num_cardinal_u(run->o, a);
        out_word(run->o, "over", 4);
        num_cardinal_u(run->o, b);
    } else {
        /* long numbers in turn are references, read digit by digit as in
           "123/261788/2021" (slash-numbers below) */
        SET(run, CLS_CARDINAL, "slash-pair");
        if (an >= 5)
            num_digits(run->o, s, an, 0);
        else
            num_cardinal_u(run->o, a);
        if (bn >= 5)
            num_digits(run->o, sl + 1, bn, 0);
        else
            num_cardinal_u(run->o, b);
    }
    return 1;
}

/* "2 1/2", "2 1/2%": a number and a fraction in the next token are one
 * mixed number.  Returns the tokens used (2), or 0. */
size_t mixed_fraction(norm_run *run)
{
    const tok *t = &run->t[run->i], *nx = tok_at(run, 1);
    numlit nl;
    if (!(nx && num_scan(t->s, t->n, &nl) == t->n && !nl.point && nx->n >= 3 &&
          memchr(nx->s, '/', nx->n) && is_digit((unsigned char)nx->s[0]) && !t->trailn))
        return 0;
    const char *sl = memchr(nx->s, '/', nx->n);
    size_t an = (size_t)(sl - nx->s);
    int ok = an > 0 && an < 4 && nx->n - an - 1 > 0 && nx->n - an - 1 < 4;
    for (size_t i = 0; ok && i < nx->n; i++)
        if (i != an && !is_digit((unsigned char)nx->s[i]))
            ok = 0;
    if (!ok)
        return 0;
    unsigned a = 0, b = 0;
    for (size_t i = 0; i < an; i++) a = a * 10 + (unsigned)(nx->s[i] - '0');
    for (size_t i = an + 1; i < nx->n; i++) b = b * 10 + (unsigned)(nx->s[i] - '0');
    /* (the class is assigned, not SET: it replaces what a rule tried
       before this one and gave up on) */
    if (b > 1 && (a < b || (b <= 10 && a < 100))) {
        /* "2 1/2"; "3 5/2" "three and five halves" */
        run->cls = CLS_FRACTION;
        run->rule = "mixed";
        num_say(run->o, &nl);
        out_word(run->o, "and", 3);
        if (a == 1 && (b == 2 || b == 4))
            out_word(run->o, "a", 1);
        else
            num_cardinal_u(run->o, a);
        say_denominator(run->o, a, b);
        return 2;
    }
    if (b >= 1 && a >= b) {
        /* "2 142/1": no ordinal names such a part; "over" */
        run->cls = CLS_FRACTION;
        run->rule = "mixed-over";
        num_say(run->o, &nl);
        out_word(run->o, "and", 3);
        num_cardinal_u(run->o, a);
        out_word(run->o, "over", 4);
        num_cardinal_u(run->o, b);
        return 2;
    }
    return 0;
}

/* "2½": clean.c glues a vulgar fraction to its number with MK_FRAC */
int say_vulgar_fraction(norm_run *run, const char *s, size_t n)
{
    if (s[0] != MK_FRAC || n <= 1)
        return 0;
    if (!say_slash_numbers(run, s + 1, n - 1))
        say_runs(run, s + 1, n - 1);
    return 1;
}

/* "14/ they're": a slash left dangling after a number is read, unless a
 * number follows ("2017/ 2016", said in turn) */
int say_dangling_slash(norm_run *run, const char *s, size_t n)
{
    if (!(IS_WHOLE(run, s, n) && n > 1 && s[n - 1] == '/' && is_digit((unsigned char)s[0]) &&
          strspn(s, "0123456789") == n - 1))
        return 0;
    const tok *nx = tok_at(run, 1);
    say_token(run, s, n - 1);
    if (nx && nx->n && !nx->leadn && is_alpha((unsigned char)nx->s[0]))
        out_word(run->o, "slash", 5);
    return 1;
}

static const char *const or_pairs[] = {
    "and/or", "he/she", "his/her", "him/her", "she/he", "her/his", NULL
};

/* pairs said with "or" between them: "he/she" "he or she"; "and/or" "and or" */
int say_or_pair(norm_run *run, const char *s, size_t n)
{
    if (!word_in(s, n, or_pairs))
        return 0;
    SET(run, CLS_WORD, "slash-or");
    split_on(run, s, n, '/', ieq(s, n, "and/or") ? NULL : "or");
    return 1;
}

/* Words joined by slashes: "slash" between them ("AC/DC"); a leading one
 * too ("/r/news"); a spaced one stays silent */
int say_slashed_words(norm_run *run, const char *s, size_t n)
{
    if (!memchr(s, '/', n))
        return 0;
    SET(run, CLS_WORD, "slash");
    if (s[0] == '/' && n > 1)
        out_word(run->o, "slash", 5);
    split_on(run, s, n, '/', "slash");
    return 1;
}
