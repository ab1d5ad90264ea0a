/*
 * rules.c - which rule says a token: the dispatcher, plain numbers in
 * context (year or quantity), ordinals, fractions and slash forms, ranges,
 * symbols, and the fallback that splits glued text ("post-9/11threat") into
 * runs of letters, numbers and symbols and says each.
 *
 * Rule order matters and is deliberate: electronic forms first (an e-mail
 * contains everything), then money (its sign decides), then dates and times
 * (shape decides), then measures, then bare numbers, then words.
 */
#include "token.h"

#include <string.h>

static const char *const count_nouns[] = {
    "people", "men", "women", "children", "staff", "police", "troops",
    "personnel", "feet", "sheep", "cattle", "crew", "fish", "deer", "votes",
    NULL
};
static const char *const not_plural[] = {
    "was", "is", "has", "this", "its", "his", "as", "us", "yes", "thus",
    "plus", "across", "always", "perhaps", "whereas", "besides", "less",
    "unless", "news", "series", "species", NULL
};

static int next_is_count_noun(const norm_run *run)
{
    const tok *nx = tok_at(run, 1);
    /* "By 2030, emissions": punctuation after the number parts it from
       the noun, which is then no count of it */
    if (run->t[run->i].trailn)
        return 0;
    if (!nx || !nx->n || nx->leadn || !is_lower((unsigned char)nx->s[0]))
        return 0;
    for (size_t i = 0; i < nx->n; i++)
        if (!is_alpha((unsigned char)nx->s[i]))
            return 0;
    if (word_in(nx->s, nx->n, count_nouns))
        return 1;
    if (word_in(nx->s, nx->n, not_plural))
        return 0;
    return nx->n > 3 && nx->s[nx->n - 1] == 's' && nx->s[nx->n - 2] != 's' &&
           nx->s[nx->n - 2] != 'u';
}


/* "2788 San Tomas Expy": a house number before a street name is read in
 * pairs, as addresses are said: "twenty seven eighty eight", "one twenty
 * three". */
static int house_number(norm_run *run, unsigned long long v, size_t digits)
{
    if (digits < 3 || digits > 4)
        return 0;
    size_t k = 1;
    for (; k <= 4; k++) {
        const tok *t = tok_at(run, (long)k);
        if (!t || !t->n || t->leadn)
            return 0;
        if (k > 1 && is_street_word(t->s, t->n - (t->s[t->n - 1] == '.')))
            break;
        int ordinal = t->n >= 3 && is_digit((unsigned char)t->s[0]) &&
                      is_alpha((unsigned char)t->s[t->n - 1]);      /* "1st" */
        if (!tok_is_cap_word(t) && !(t->n == 1 && is_upper((unsigned char)t->s[0])) &&
            !(t->n == 2 && t->s[1] == '.') && !ordinal)
            return 0;
        if (t->trailn)
            return 0;
    }
    if (k > 4)
        return 0;
    SET(run, CLS_ADDRESS, "house-number");
    nr_out *o = run->o;
    if (digits == 4) {
        num_year(o, (unsigned)v);
        return 1;
    }
    num_pairs3(o, (unsigned)v);
    return 1;
}

static int is_year_value(const tok *t, unsigned long long *v)
{
    if (!t || t->n != 4 || !tok_all_digits(t))
        return 0;
    *v = (unsigned long long)(t->s[0] - '0') * 1000 + (unsigned)(t->s[1] - '0') * 100 +
         (unsigned)(t->s[2] - '0') * 10 + (unsigned)(t->s[3] - '0');
    return *v >= 1000 && *v <= 2099;
}

/* Words after which a 4-digit number is a year whatever follows it. */
static const char *const year_before[] = {
    "in", "since", "during", "until", "till", "FY", "year", "summer", "spring",
    "autumn", "winter", NULL
};
/* ...and after these when they end a title ("the Person Act 1861") */
static const char *const title_year[] = {
    "Act", "Acts", "Bill", "Treaty", "Convention", "Regulations", "Order", "Statute",
    "Accord", "Protocol", "Directive", "Agreement", NULL
};
/* "the summer of 1969", "the Act of 1961", but "a crowd of 2000 people" */
static const char *const year_of[] = {
    "year", "summer", "spring", "autumn", "winter", "end", "start", "beginning",
    "middle", "half", "class", "events", "crisis", "election", NULL
};
/* "cut by 2000 jobs": a change by an amount, not by a date */
static const char *const change_words[] = {
    "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "cut", "cuts",
    "increased", "increase", "decreased", "decrease", "grew", "grow", "grown", "reduced",
    "reduce", "dropped", "declined", "climbed", "jumped", "outnumbered", "won", "lost",
    "beat", "beaten", "led", "up", "down", "more", "fewer", "less", "shrank", "expanded",
    "boosted", "slashed", "trimmed", "exceeded", "outvoted", NULL
};

/* Does what stands before the 4-digit number at run->i make it a year, even
 * before a plural noun ("since 1984 prices", "Act 1861 applies", "By 2030
 * cars")?  Words such as "by" and "of" also take amounts ("cut by 2000
 * jobs", "a crowd of 2000 people"), so they count only where an amount
 * would not stand. */
static int year_by_context(const norm_run *run, unsigned long long v)
{
    const tok *pv = tok_at(run, -1), *p2 = tok_at(run, -2);
    if (!pv || !pv->n || pv->trailn)
        return 0;
    if (pv->n == 2 && (pv->s[0] == 'Q' || pv->s[0] == 'H') && is_digit((unsigned char)pv->s[1]))
        return 1;                                   /* "Q4 2023" */
    if (word_in(pv->s, pv->n, year_before))
        return 1;
    /* a title is capitalised and has a word before it: "an act 1861" is no
       title, and "Order 2000 copies" an order */
    if (is_upper((unsigned char)pv->s[0]) && word_in(pv->s, pv->n, title_year))
        return p2 && !p2->trailn;
    if (tok_is(pv, "of"))
        return p2 && !p2->trailn && (word_in(p2->s, p2->n, year_of) ||
               (is_upper((unsigned char)p2->s[0]) && word_in(p2->s, p2->n, title_year)));
    if (tok_is(pv, "by")) {
        /* "By 2030 cars will..." opens a sentence with a date; after a
           change ("fell by 2000 jobs") or before people it is an amount */
        if (run->i >= 1 && is_upper((unsigned char)pv->s[0]) && (!p2 || p2->trailn))
            return 1;
        if (p2 && !p2->trailn && word_in(p2->s, p2->n, change_words))
            return 0;
        const tok *nx = tok_at(run, 1);
        return !(nx && !run->t[run->i].trailn && word_in(nx->s, nx->n, count_nouns));
    }
    /* "between 1914 and 1918 prices", "from 2019 through 2022 prices": the
       second of a pair of years.  Counts given as a pair are round ("between
       1500 and 2000 people"); years are not, and lie close together. */
    unsigned long long a;
    if (word_in(pv->s, pv->n, (const char *const[]){"and", "to", "through", "or", "until",
                                                    "till", "thru", NULL}) &&
        p2 && !p2->trailn && is_year_value(p2, &a) && a < v && v - a <= 100 &&
        (a % 50 || v % 50))
        return 1;
    return 0;
}

/* A bare integer token: year or quantity? */
static void say_plain_number(norm_run *run, const numlit *nl, int whole)
{
    int of;
    unsigned long long v = num_value(nl, &of);
    if (whole < 0) {
        /* a piece of a glued token ("2014).and"): a year-like number is a
         * year, nothing else is decided from neighbours it does not have */
        if (!nl->neg && !nl->point && !nl->commas && nl->ipn == 4 && !of && v >= 1000 &&
            v <= 2099) {
            SET(run, CLS_DATE, "year");
            num_year(run->o, (unsigned)v);
            return;
        }
        whole = 0;
    }
    if (whole && !nl->neg && !nl->point && !nl->commas && !of && nl->ip[0] != '0' &&
        house_number(run, v, nl->ipn))
        return;
    const tok *sec = tok_at(run, -1);
    if (whole && sec && sec->n && sec->s[0] == MK_SECTION)
        whole = 0;                  /* "§ 1001": a section number, no year */
    if (whole && !nl->neg && !nl->point && !nl->commas && nl->ipn == 4 &&
        !of && v >= 1000 && v <= 2099) {
        /* "since 1984" is a year whatever follows; "1984 people" is not */
        if (year_by_context(run, v) || !next_is_count_noun(run)) {
            SET(run, CLS_DATE, "year");
            num_year(run->o, (unsigned)v);
            return;
        }
    }
    if (whole && !nl->neg && !nl->point && !nl->commas && nl->ipn == 4) {
        /* "a card ending in 8876": the last digits of a card or account */
        const tok *p1 = tok_at(run, -1), *p2 = tok_at(run, -2);
        if (p1 && p2 && tok_is(p1, "in") && !p2->trailn &&
            word_in(p2->s, p2->n, (const char *const[]){"ending", "ends", "ended", NULL})) {
            const tok *p3 = tok_at(run, -3);
            if (p3 && word_in(p3->s, p3->n, (const char *const[]){"card", "number",
                    "account", "phone", "cards", "numbers", "accounts", "digits", NULL})) {
                SET(run, CLS_SERIAL, "last-digits");
                num_digits(run->o, nl->ip, nl->ipn, 0);
                return;
            }
        }
    }
    if (whole && !nl->neg && !nl->point && !nl->commas && nl->ipn == 5) {
        /* a ZIP code after a state: "Santa Clara, CA 95051" */
        const tok *pv = tok_at(run, -1);
        if (pv && !run->t[run->i].leadn && (!pv->trailn || pv->trail[0] == ',') &&
            us_state_find(pv->s, pv->n)) {
            SET(run, CLS_ADDRESS, "zip-code");
            num_digits(run->o, nl->ip, nl->ipn, 0);
            return;
        }
    }
    if (whole && !nl->neg && !nl->point && !nl->commas && nl->ipn >= 3 && nl->ipn <= 12) {
        /* "call 999", "dial 911": a number to dial is read digit by digit */
        static const char *const dial[] = {"call", "dial", "ring", "text", "phone",
                                           "telephone", NULL};
        const tok *pv = tok_at(run, -1);
        int dialled = pv && word_in(pv->s, pv->n, dial);
        /* "call 999 in an emergency or 111": a second number to dial, after
           "or", in the same sentence as the first */
        for (long k = 2; !dialled && pv && tok_is(pv, "or") && k <= 9; k++) {
            const tok *t = tok_at(run, -k), *num = tok_at(run, -k + 1);
            if (!t || (t->trailn && strchr(t->trail, '.')))
                break;
            /* ...a number that was dialled, not counted ("call 100 people") */
            norm_run at_num = *run;
            at_num.i = run->i - (size_t)k + 1;
            dialled = word_in(t->s, t->n, dial) && num && num->n &&
                      is_digit((unsigned char)num->s[0]) && !next_is_count_noun(&at_num);
        }
        if (dialled && !next_is_count_noun(run)) {   /* "call 100 people" counts */
            SET(run, CLS_TELEPHONE, "dialled-number");
            num_digits(run->o, nl->ip, nl->ipn, 0);
            return;
        }
    }
    if (whole && !nl->neg && !nl->point && !nl->commas && nl->ipn <= 4 && !of && v) {
        const tok *nx = tok_at(run, 1);
        if (nx && word_in(nx->s, nx->n, (const char *const[]){"AD", "BC", "BCE", "CE", "A.D",
                                                              "A.D.", "B.C", "B.C.", NULL})) {
            SET(run, CLS_DATE, "year-era");
            num_year(run->o, (unsigned)v);
            return;
        }
    }
    SET(run, nl->point ? CLS_DECIMAL : CLS_CARDINAL, nl->point ? "decimal" : "cardinal");
    num_say(run->o, nl);
}

static int ord_suffix_ok(const char *d, size_t dn, const char *suf)
{
    char last = d[dn - 1];
    char tens = dn > 1 ? d[dn - 2] : '0';
    const char *want = "th";
    if (tens != '1') {
        if (last == '1') want = "st";
        else if (last == '2') want = "nd";
        else if (last == '3') want = "rd";
    }
    return ieq(suf, 2, want);
}

/* "1st", "21st", "1,000th".  Returns 1 when said. */
static int say_ordinal(norm_run *run, const char *s, size_t n)
{
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (!k || nl.point || nl.neg || k + 2 != n)
        return 0;
    const char *suf = s + k;
    if (!ieq(suf, 2, "st") && !ieq(suf, 2, "nd") && !ieq(suf, 2, "rd") && !ieq(suf, 2, "th"))
        return 0;
    char buf[64];
    size_t m = 0;
    for (size_t i = 0; i < nl.ipn && m < sizeof buf; i++)
        if (nl.ip[i] != ',')
            buf[m++] = nl.ip[i];
    if (!ord_suffix_ok(buf, m, suf)) {
        SET(run, CLS_ORDINAL, "bad-suffix");
        num_say(run->o, &nl);
        out_spell(run->o, suf, 2);
        return 1;
    }
    SET(run, CLS_ORDINAL, "ordinal");
    if (nl.ipn >= sizeof buf)
        num_digits(run->o, nl.ip, nl.ipn, 0);
    else
        num_ordinal(run->o, buf, m);
    return 1;
}

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

static int say_range(norm_run *run, const char *s, size_t n);

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
static int say_slash_numbers(norm_run *run, const char *s, size_t n)
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

static const char *const score_words[] = {
    "won", "win", "wins", "lost", "lose", "loses", "beat", "beats", "beating",
    "drew", "draw", "victory", "defeat", "defeated", "lead", "led", "leads",
    "trail", "trailing", "score", "scored", "scoreline", "thrashing", "loss",
    "aggregate", "result", "final", "thrashed", "edged", "against", "drawn",
    "tied", "stalemate", "ended", "finished", "stands", "match", "game",
    "halftime", "half-time", "full-time", "ahead", NULL
};

/* A token ending its clause: a score word beyond it is about something
   else ("on pages 10-20; they won") */
static int ends_clause(const tok *t)
{
    for (size_t i = 0; t && i < t->trailn; i++)
        if (strchr(".;:!?", t->trail[i]))
            return 1;
    return 0;
}

/* A score word in the same clause, up to three words before or two after;
   never after "pages" or "pp.", which hold ranges */
static int near_score_word(const norm_run *run)
{
    const tok *pv = tok_at(run, -1);
    if (pv && !pv->trailn && (ieq(pv->s, pv->n, "pages") || ieq(pv->s, pv->n, "pp.") ||
                              ieq(pv->s, pv->n, "pp")))
        return 0;
    for (long off = -1; off >= -3; off--) {
        const tok *t = tok_at(run, off);
        if (!t || ends_clause(t))
            break;
        if (word_in(t->s, t->n, score_words))
            return 1;
    }
    for (long off = 1; off <= 2; off++) {
        const tok *t = tok_at(run, off);
        if (!t || ends_clause(tok_at(run, off - 1)))
            break;
        if (word_in(t->s, t->n, score_words))
            return 1;
    }
    return 0;
}

static int numeric_start(const char *s, size_t n)
{
    if (!n)
        return 0;
    if (is_digit((unsigned char)s[0]))
        return 1;
    size_t used;
    if (currency_sign(s, n, &used) && used < n && (is_digit((unsigned char)s[used]) ||
        s[used] == '.'))
        return 1;
    return 0;
}

/* Is the token s a whole word followed by a unit ("1980-1970 kg")?  Then
 * its numbers are quantities, never years. */
static int unit_follows(const norm_run *run, const char *s, size_t n)
{
    const tok *nx = tok_at(run, 1);
    if (!IS_WHOLE(run, s, n) || run->t[run->i].trailn || !nx || !nx->n || nx->leadn)
        return 0;
    const unit *u = unit_find(nx->s, nx->n - (nx->n > 1 && nx->s[nx->n - 1] == '.'));
    return u && !(u->flags & U_GLUED_ONLY);
}

/* "2009-2013", "10-15%", "$50-$100", "3-1", "1914-18", "Mon-Fri". */
/* Days next to a month are ordinals: "Dec. 23-24" "December twenty third
 * to twenty fourth", "10-12 May" "the tenth to the twelfth of May". */
static int say_day_range(norm_run *run, const char *s, size_t n, unsigned long long va,
                         unsigned long long vb, size_t an, size_t bn)
{
    if (!(va >= 1 && va < vb && vb <= 31 && an <= 2 && bn <= 2 && IS_WHOLE(run, s, n)))
        return 0;
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1), *me = &run->t[run->i];
    int before = pv && pv->n >= 3 && is_upper((unsigned char)pv->s[0]) &&
                 (!pv->trailn || (pv->trailn == 1 && pv->trail[0] == '.')) &&
                 month_find(pv->s, pv->n - (pv->s[pv->n - 1] == '.'));
    int after = !before && nx && nx->n >= 3 && !me->trailn && !nx->leadn &&
                is_upper((unsigned char)nx->s[0]) &&
                month_find(nx->s, nx->n - (nx->s[nx->n - 1] == '.'));
    if (!before && !after)
        return 0;
    SET(run, CLS_DATE, "day-range");
    if (after)
        out_word(run->o, "the", 3);
    num_cardinal_u(run->o, (unsigned)va);
    out_ordinalize(run->o);
    out_word(run->o, "to", 2);
    if (after)
        out_word(run->o, "the", 3);
    num_cardinal_u(run->o, (unsigned)vb);
    out_ordinalize(run->o);
    if (after)
        out_word(run->o, "of", 2);
    return 1;
}

static int say_range(norm_run *run, const char *s, size_t n)
{
    const char *h = NULL;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '-') {
            if (h && !month_find(s, (size_t)(h - s)))
                return 0;           /* two hyphens: a date or code */
            if (!h)
                h = s + i;
        }
    }
    if (!h)
        return 0;
    size_t an = (size_t)(h - s), bn = n - an - 1;
    int zip = an == 5 && bn == 4 && IS_WHOLE(run, s, n);
    for (size_t i = 0; zip && i < n; i++)
        if (i != 5 && !is_digit((unsigned char)s[i]))
            zip = 0;
    if (zip) {
        /* ZIP+4 after a state: "IL 60601-1234" */
        const tok *pv = tok_at(run, -1);
        if (pv && (!pv->trailn || pv->trail[0] == ',') && us_state_find(pv->s, pv->n)) {
            SET(run, CLS_ADDRESS, "zip-code");
            num_digits(run->o, s, 5, 0);
            out_punct(run->o, ',');
            num_digits(run->o, h + 1, 4, 0);
            return 1;
        }
    }
    const char *b = h + 1;
    int wa = weekday_find(s, an), wb = weekday_find(b, bn);
    if (wa && wb) {
        SET(run, CLS_DATE, "weekday-range");
        out_words(run->o, weekday_names[wa]);
        out_word(run->o, "to", 2);
        out_words(run->o, weekday_names[wb]);
        return 1;
    }
    int ma = month_find(s, an), mb = month_find(b, bn);
    if (ma && an >= 3 && is_digit((unsigned char)b[0])) {
        /* "Jan-15", "Jan-15-2020" */
        numlit dl;
        size_t k = num_scan(b, bn, &dl);
        if (k && !dl.point && !dl.commas && dl.ipn <= 2) {
            int of;
            unsigned long long dv = num_value(&dl, &of);
            if (dv >= 1 && dv <= 31 && (k == bn || (b[k] == '-' && bn - k - 1 == 4))) {
                SET(run, CLS_DATE, "month-day-dashed");
                out_words(run->o, month_names[ma]);
                num_cardinal_u(run->o, dv);
                out_ordinalize(run->o);
                if (k < bn) {
                    numlit yl;
                    num_scan(b + k + 1, 4, &yl);
                    num_year(run->o, (unsigned)num_value(&yl, &of));
                }
                return 1;
            }
        }
    }
    if (ma && mb && an >= 3 && bn >= 3) {
        SET(run, CLS_DATE, "month-range");
        out_words(run->o, month_names[ma]);
        out_word(run->o, "to", 2);
        out_words(run->o, month_names[mb]);
        return 1;
    }
    if (!numeric_start(s, an) || !numeric_start(b, bn))
        return 0;
    numlit x, y;
    size_t kx = num_scan(s, an, &x), ky = num_scan(b, bn, &y);
    /* plain integer pair */
    if (kx == an && ky == bn && !x.point && !y.point) {
        int of;
        unsigned long long va = num_value(&x, &of), vb = num_value(&y, &of);
        if (say_day_range(run, s, n, va, vb, an, bn))
            return 1;
        if (an == 3 && bn == 4 && s[0] >= '2' && va % 10 && vb % 100 && !x.commas &&
            !y.commas && IS_WHOLE(run, s, n) && !next_is_count_noun(run)) {
            const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
            if ((!pv || !word_in(pv->s, pv->n, (const char *const[]){"from", "between",
                                                                  "of", "to", NULL})) &&
                !(nx && nx->n && !run->t[run->i].trailn && unit_find(nx->s, nx->n))) {
                /* "555-1234": a local telephone number, not a range */
                SET(run, CLS_TELEPHONE, "local-number");
                num_digits(run->o, s, 3, 0);
                out_punct(run->o, ',');
                num_digits(run->o, b, 4, 0);
                return 1;
            }
        }
        if (an == 4 && va >= 1000 && va <= 2099 && (bn == 4 || bn == 2) && !x.commas &&
            !unit_follows(run, s, n)) {
            SET(run, CLS_RANGE, "year-range");
            /* both ends in one style: a range that starts in 2000-2009 says
             * "two thousand nine to two thousand thirteen" (not "... to
             * twenty thirteen"), "2001-05" "two thousand one to two thousand
             * five"; the "and" of British numbers is dropped on both ends */
            if (va >= 2000 && va <= 2009) {
                unsigned long long ve = bn == 2 ? va / 100 * 100 + vb : vb;
                if (ve > va && ve <= 2099) {
                    int gb = run->o->gb;
                    run->o->gb = 0;
                    num_cardinal_u(run->o, va);
                    out_word(run->o, "to", 2);
                    num_cardinal_u(run->o, ve);
                    run->o->gb = gb;
                    return 1;
                }
            }
            num_year(run->o, (unsigned)va);
            out_word(run->o, "to", 2);
            if (bn == 2) {
                if (vb < 10) {
                    out_word(run->o, "oh", 2);
                }
                num_cardinal_u(run->o, vb);
            } else {
                num_year(run->o, (unsigned)vb);
            }
            return 1;
        }
        if (va == vb && !x.commas && an <= 3) {
            /* "a 50-50 chance"; a British draw is "one all", "nil nil" */
            SET(run, CLS_RANGE, "even");
            int score = run->o->gb && va <= 30 && near_score_word(run);
            if (score && !va) {
                out_words(run->o, "nil nil");
            } else {
                num_cardinal_u(run->o, va);
                if (score)
                    out_word(run->o, "all", 3);
                else
                    num_cardinal_u(run->o, vb);
            }
            return 1;
        }
        if (run->o->gb && vb <= 10 && va >= 20 && va < 1000 && va > vb && !x.commas) {
            /* a British cricket total, runs for wickets: "India were 245-6" */
            static const char *const innings[] = {
                "were", "was", "reached", "declared", "closed", "on", "at", NULL
            };
            const tok *pv = tok_at(run, -1);
            if (pv && !pv->trailn && word_in(pv->s, pv->n, innings)) {
                SET(run, CLS_RANGE, "cricket");
                num_cardinal_u(run->o, va);
                out_word(run->o, "for", 3);
                num_cardinal_u(run->o, vb);
                return 1;
            }
        }
        if (va <= 30 && vb <= 30 && near_score_word(run)) {
            /* British scores: "two nil"; American: "two to nothing" is
             * informal, "two to zero" is safe */
            SET(run, CLS_RANGE, "score");
            if (run->o->gb && !va) out_word(run->o, "nil", 3); else num_cardinal_u(run->o, va);
            if (!run->o->gb)
                out_word(run->o, "to", 2);
            if (run->o->gb && !vb) out_word(run->o, "nil", 3); else num_cardinal_u(run->o, vb);
            return 1;
        }
    }
    /* say each side with the general rules, joined by "to"; a unit or %
     * written only on the right applies to both, as it is spoken once */
    SET(run, CLS_RANGE, "range");
    if (kx == an) {
        num_say(run->o, &x);
    } else {
        say_token(run, s, an);
    }
    out_word(run->o, "to", 2);
    if (kx == an && ky == bn && !x.point && !y.point && (an < 4 || unit_follows(run, s, n)))
        num_say(run->o, &y);             /* "355-1250": a quantity, not a year */
    else
        say_token(run, b, bn);
    return 1;
}

static const struct { char ch; const char *say; } symbols[] = {
    {'&', "and"}, {'+', "plus"}, {'=', "equals"}, {'%', "percent"},
    {'@', "at"}, {'#', "hash"}, {'~', "approximately"}, {'<', "less than"},
    {'>', "greater than"}, {MK_TIMES, "times"}, {MK_DEGREE, "degrees"},
    {MK_POUND, "pound"}, {MK_EURO, "euro"}, {MK_YEN, "yen"}, {'$', "dollar"},
    {MK_WON, "won"}, {MK_RUPEE, "rupee"}, {MK_CENT, "cent"},
    {MK_MICRO, "micro"}, {'^', "to the power of"}, {MK_SECTION, "section"},
};

static int say_symbol(norm_run *run, char ch)
{
    const tok *nx = tok_at(run, 1);
    if (ch == '#' && nx && nx->n && is_digit((unsigned char)nx->s[0]) && run->t[run->i].n == 1) {
        SET(run, CLS_SYMBOL, "number-sign");
        out_word(run->o, "number", 6);   /* "issue # 19" */
        return 1;
    }
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        if (symbols[i].ch == ch) {
            SET(run, CLS_SYMBOL, "symbol");
            out_words(run->o, symbols[i].say);
            return 1;
        }
    }
    return 0;
}

/* Splits glued text into runs and says each.  A numeric run keeps the
 * separators that sit between digits ("9/11", "1,000", "2.5", "10:30"). */
static void say_runs(norm_run *run, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        unsigned char ch = (unsigned char)s[i];
        if (is_digit(ch) || (ch == '.' && i + 1 < n && is_digit((unsigned char)s[i + 1]) &&
                             (i == 0 || (!is_digit((unsigned char)s[i - 1]) && s[i - 1] != '.')))) {
            if (ch == '.')
                j++;                   /* ".878": a decimal without its zero */
            while (j < n && (is_digit((unsigned char)s[j]) ||
                   (strchr(".,:/", s[j]) && j + 1 < n && is_digit((unsigned char)s[j + 1]))))
                j++;
            /* keep an ordinal suffix or a unit glued to its number */
            size_t k = j;
            while (k < n && is_alpha((unsigned char)s[k]))
                k++;
            if (k > j && k - j <= 3) {
                char sfx[4] = {0};
                memcpy(sfx, s + j, k - j);
                /* a unit between other letters and digits is a piece of a
                 * code ("0t25d12", "4A7C"), not a measure */
                int in_code = (i > 0 && is_alpha((unsigned char)s[i - 1])) ||
                              (k < n && is_digit((unsigned char)s[k]));
                if ((k - j == 2 && (ieq(sfx, 2, "st") || ieq(sfx, 2, "nd") ||
                     ieq(sfx, 2, "rd") || ieq(sfx, 2, "th"))) ||
                    (unit_find(sfx, k - j) && !in_code) ||
                    (k - j == 1 && (sfx[0] == 's')))
                    j = k;
            }
            if (j == n && i == 0)
                break;              /* whole token: avoid looping */
            say_token(run, s + i, j - i);
        } else if (is_alpha(ch)) {
            while (j < n && (is_alpha((unsigned char)s[j]) ||
                   (s[j] == '\'' && j + 1 < n && is_alpha((unsigned char)s[j + 1]))))
                j++;
            if (j == n && i == 0) {
                out_word(run->o, s, n);
                return;
            }
            say_token(run, s + i, j - i);
        } else {
            j = i + 1;
            if (s[i] == '*' && i > 0 && j < n && is_digit((unsigned char)s[i - 1]) &&
                is_digit((unsigned char)s[j]))
                out_word(run->o, "times", 5);    /* "2*8": two times eight */
            else if (s[i] == '*' && j < n && (is_digit((unsigned char)s[j]) || s[j] == '#') &&
                     (i == 0 || s[i - 1] == '#' || s[i - 1] == '*'))
                out_word(run->o, "star", 4);     /* a keypad code: "*21#" */
            else if (s[i] == '/' && j < n && !is_alpha((unsigned char)s[j]) &&
                     !is_digit((unsigned char)s[j]))
                out_word(run->o, "slash", 5);    /* among symbols it is one: "/$%" */
            else
                say_symbol(run, s[i]);
        }
        i = j;
    }
    if (i < n) {
        /* whole token is one numeric run no rule took: say what it holds */
        numlit nl;
        size_t k = num_scan(s, n, &nl);
        if (k) {
            SET(run, CLS_CARDINAL, "number-run");
            num_say(run->o, &nl);
            if (k < n)
                say_runs(run, s + k, n - k);
        } else {
            num_digits(run->o, s, n, 0);
        }
    }
}

static int split_on(norm_run *run, const char *s, size_t n, char sep, const char *join)
{
    if (!memchr(s, sep, n))
        return 0;
    size_t i = 0;
    while (i <= n) {
        const char *e = memchr(s + i, sep, n - i);
        size_t j = e ? (size_t)(e - s) : n;
        if (j > i)
            say_token(run, s + i, j - i);
        if (e && join && j > i && j + 1 < n)
            out_words(run->o, join);
        i = j + 1;
    }
    return 1;
}

static const char *const or_pairs[] = {
    "and/or", "he/she", "his/her", "him/her", "she/he", "her/his", NULL
};


static int say_numeric(norm_run *run, const char *s, size_t n)
{
    size_t consumed = 0;
    if (money_token(run, s, n, &consumed))
        return 1;
    if (date_numeric(run, s, n))
        return 1;
    if (measure_token(run, s, n, &consumed))
        return 1;
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (k && k == n) {
        say_plain_number(run, &nl, IS_WHOLE(run, s, n) ? 1 : -1);
        return 1;
    }
    if (k && k + 1 == n && s[k] == '%') {
        SET(run, CLS_MEASURE, "percent");
        num_say(run->o, &nl);
        out_word(run->o, "percent", 7);
        return 1;
    }
    if (say_ordinal(run, s, n))
        return 1;
    if (say_slash_numbers(run, s, n))
        return 1;
    if (say_range(run, s, n))
        return 1;
    return 0;
}

/* "1-800-FLOWERS", "1-800-GO-U-HAUL": a toll-free number spelled with
 * letters is advertised to be said as words; the digits keep their usual
 * "one eight hundred", the letter groups are read as words. */
static int say_vanity_number(norm_run *run, const char *s, size_t n)
{
    size_t p = (n > 2 && s[0] == '1' && s[1] == '-') ? 2 : 0;
    if (n < p + 6 || s[p] != '8' || !is_digit((unsigned char)s[p + 1]) ||
        !is_digit((unsigned char)s[p + 2]) || s[p + 3] != '-' ||
        !is_upper((unsigned char)s[p + 4]))
        return 0;
    for (size_t i = p + 4; i < n; i++)
        if (!is_upper((unsigned char)s[i]) && s[i] != '-')
            return 0;
    SET(run, CLS_TELEPHONE, "vanity-number");
    if (p)
        out_word(run->o, "one", 3);
    if (s[p + 1] == '0' && s[p + 2] == '0')
        num_cardinal(run->o, s + p, 3);  /* "eight hundred" */
    else
        num_digits(run->o, s + p, 3, 0); /* "eight eight eight" */
    for (size_t i = p + 4; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '-')
            j++;
        char low[64];
        if (j - i == 1 || j - i >= sizeof low) {
            out_letters(run->o, s + i, j - i, NULL);
        } else {
            for (size_t k = i; k < j; k++)
                low[k - i] = (char)(s[k] + 32);
            out_word(run->o, low, j - i);
        }
        i = j + 1;
    }
    return 1;
}

/* 12" and 5'10": a number marked with the inch sign, when the text's
 * double quotes do not pair up (so this one is no closing quote). */
static int say_inches(norm_run *run, const char *s, size_t n)
{
    const tok *t = &run->t[run->i];
    if (!run->odd_quotes || !IS_WHOLE(run, s, n) || !t->trailn || t->trail[0] != '"')
        return 0;
    const char *ft = memchr(s, '\'', n);
    size_t fn = ft ? (size_t)(ft - s) : 0;
    if (ft && (fn < 1 || fn > 2 || n - fn - 1 < 1 || n - fn - 1 > 2))
        return 0;
    numlit a, b;
    if (ft && (num_scan(s, fn, &a) != fn || num_scan(ft + 1, n - fn - 1, &b) != n - fn - 1))
        return 0;
    if (!ft && (num_scan(s, n, &b) != n || b.neg))
        return 0;
    SET(run, CLS_MEASURE, "inch-mark");
    if (ft) {
        num_say(run->o, &a);
        out_words(run->o, a.ipn == 1 && a.ip[0] == '1' ? "foot" : "feet");
    }
    num_say(run->o, &b);
    out_words(run->o, b.ipn == 1 && b.ip[0] == '1' && !b.point ? "inch" : "inches");
    return 1;
}

/* Three-digit telephone services are dialled, so said digit by digit: "911"
 * nine one one (the N11 codes), "999", and "111" or "101" after a dialling
 * word or "NHS".  Not counts ("911 people"), not models ("Porsche 911"). */
static int say_service_number(norm_run *run, const char *s, size_t n)
{
    if (n != 3 || !IS_WHOLE(run, s, n) || !is_digit((unsigned char)s[1]) ||
        !is_digit((unsigned char)s[2]) || next_is_count_noun(run))
        return 0;
    static const char *const dial_words[] = {
        "call", "called", "calling", "calls", "dial", "dialled", "dialed", "dialling",
        "dialing", "ring", "rang", "phone", "phoned", "NHS", "text", "texted", NULL
    };
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    int dialled = pv && !pv->trailn && word_in(pv->s, pv->n, dial_words);
    int n11 = s[0] >= '2' && s[1] == '1' && s[2] == '1';
    int service = (n11 || !memcmp(s, "999", 3)) ||
                  (dialled && (!memcmp(s, "111", 3) || !memcmp(s, "101", 3) ||
                               !memcmp(s, "112", 3)));
    if (!service || (pv && !pv->trailn && is_upper((unsigned char)pv->s[0]) && !dialled &&
                     !tok_is(pv, "The")))
        return 0;                      /* "Porsche 911", "Boeing 911" */
    if (nx && nx->n && !run->t[run->i].trailn && unit_find(nx->s, nx->n))
        return 0;                      /* "911 km" */
    SET(run, CLS_TELEPHONE, "service-number");
    num_digits(run->o, s, 3, 1);         /* "one o one", as phone numbers */
    return 1;
}

/* Is an "=" standing alone among the tokens at offsets lo..hi?  Then a
 * spaced dash next to it is an operator: "1 - 2 = 5", "x = 5 - 3". */
static int equals_near(const norm_run *run, long lo, long hi)
{
    for (long off = lo; off <= hi; off++) {
        const tok *t = tok_at(run, off);
        if (t && t->n == 1 && t->s[0] == '=')
            return 1;
    }
    return 0;
}

/* "c.1850", "ca.1450": circa glued to a year, as dates in captions and
 * biographies are written; spaced ("c. 1850") is the abbreviation table's */
static int say_circa_glued(norm_run *run, const char *s, size_t n)
{
    size_t p = n > 2 && (s[0] == 'c' || s[0] == 'C') && s[1] == '.' ? 2
             : n > 3 && (s[0] == 'c' || s[0] == 'C') && s[1] == 'a' && s[2] == '.' ? 3 : 0;
    if (!p || n - p < 3 || n - p > 4)
        return 0;
    unsigned v = 0;
    for (size_t i = p; i < n; i++) {
        if (!is_digit((unsigned char)s[i]))
            return 0;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    SET(run, CLS_DATE, "circa-year");
    out_word(run->o, "circa", 5);
    num_year(run->o, v);
    return 1;
}

void say_token(norm_run *run, const char *s, size_t n)
{
    if (!n)
        return;
    if (s[0] == MK_SECTION && strspn(s, "\x11") >= n) {
        SET(run, CLS_SYMBOL, "section");   /* "§ 5", "§§ 3-4" */
        out_words(run->o, n == 1 ? "section" : "sections");
        return;
    }
    if (IS_WHOLE(run, s, n) && s[n - 1] == '-' && (n == 1 || is_digit((unsigned char)s[n - 2])) &&
        equals_near(run, 1, 3)) {
        numlit nl;
        if (n == 1 || num_scan(s, n - 1, &nl) == n - 1) {
            SET(run, CLS_MATH, "minus");
            if (n > 1)
                num_say(run->o, &nl);
            out_word(run->o, "minus", 5);
            return;
        }
    }
    if (n == 1 && s[0] == '-') {
        /* a spaced dash between numbers or times is "to": "4:00 am - 8:12 pm" */
        const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
        if (pv && nx && pv->n && nx->n && !pv->trailn &&
            (is_digit((unsigned char)pv->s[pv->n - 1]) || pv->s[pv->n - 1] == '%' ||
             ieq(pv->s, pv->n, "am") || ieq(pv->s, pv->n, "pm") ||
             ieq(pv->s, pv->n, "a.m.") || ieq(pv->s, pv->n, "p.m.")) &&
            (is_digit((unsigned char)nx->s[0]) || nx->s[0] == '$' || nx->s[0] == MK_POUND ||
             nx->s[0] == MK_EURO)) {
            SET(run, CLS_RANGE, "spaced-dash");
            out_word(run->o, "to", 2);
            return;
        }
    }
    if (strspn(s, "-") >= n || (n == 1 && (s[0] == '|' || s[0] == '*' || s[0] == '\\'))) {
        out_punct(run->o, ',');          /* a dash between words is a pause */
        return;
    }
    if (say_circa_glued(run, s, n))
        return;
    if (electronic_token(run, s, n))
        return;
    if (n > 3 && s[n - 2] == '\'' && s[n - 1] == 's' && is_digit((unsigned char)s[0]) &&
        !(n == 5 && s[0] == '\'')) {
        /* "29th's", "1990's": say the number, keep the possessive */
        size_t k = n - 2;
        if (!(k == 4 || k == 2) || !date_numeric(run, s, n)) {
            say_token(run, s, k);
            if (!run->o->err && run->o->b->len && run->o->b->data[run->o->b->len - 1] != ' ')
                nr_buf_append(run->o->b, "'s", 2);
        }
        return;
    }
    if (IS_WHOLE(run, s, n) && n > 1 && s[n - 1] == '/' && is_digit((unsigned char)s[0]) &&
        strspn(s, "0123456789") == n - 1) {
        /* "14/ they're": a slash left dangling after a number is read,
           unless a number follows ("2017/ 2016", said in turn) */
        const tok *nx = tok_at(run, 1);
        say_token(run, s, n - 1);
        if (nx && nx->n && !nx->leadn && is_alpha((unsigned char)nx->s[0]))
            out_word(run->o, "slash", 5);
        return;
    }
    if (n > 1 && s[0] == '#' && strspn(s + 1, "0123456789") == n - 1) {
        SET(run, CLS_SYMBOL, "number-sign");
        out_word(run->o, "number", 6);   /* "hit #1", "#10 seed" */
        say_token(run, s + 1, n - 1);
        return;
    }
    if (memchr(s, '=', n) && say_math(run, s, n))
        return;
    if (n > 3 && (s[0] == 'N' || s[0] == 'n' || s[0] == 'V') && !is_digit((unsigned char)s[0])) {
        /* "No.1", "Vol.2": the abbreviation glued to its number */
        const char *dot = memchr(s, '.', n < 5 ? n : 5);
        if (dot && dot + 1 < s + n && is_digit((unsigned char)dot[1])) {
            size_t an = (size_t)(dot - s) + 1;
            const abbrev *a = abbrev_find(s, an);
            if (a && (a->flags & AB_NUMBER) && (s[0] == 'N' || s[0] == 'n' || s[0] == 'V')) {
                SET(run, CLS_ABBREVIATION, a->key);
                out_words(run->o, a->say);
                say_token(run, dot + 1, n - an);
                return;
            }
        }
    }
    if (n > 1 && s[n - 1] == '+' && s[n - 2] != '+' && (is_digit((unsigned char)s[0]) ||
                                                        numeric_start(s, n - 1))) {
        say_token(run, s, n - 1);        /* "18+", "$1bn+": "... plus" */
        out_word(run->o, "plus", 4);
        return;
    }
    if (is_digit((unsigned char)s[0]) && say_isbn(run, s, n))
        return;
    if (is_digit((unsigned char)s[0]) && (say_inches(run, s, n) || say_vanity_number(run, s, n) ||
                                          say_service_number(run, s, n)))
        return;
    if (n >= 6 && is_digit((unsigned char)s[0]) && s[0] != '0' && is_digit((unsigned char)s[1]) &&
        is_digit((unsigned char)s[2]) && s[3] == '(') {
        /* a section of a code: "401(k)" "four oh one k", "501(c)(3)" */
        size_t k = 3;
        while (k + 2 < n && s[k] == '(' && (is_alpha((unsigned char)s[k + 1]) ||
               is_digit((unsigned char)s[k + 1])) && s[k + 2] == ')')
            k += 3;
        if (k == n) {
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
            return;
        }
    }
    if (numeric_start(s, n) || (n > 1 && (s[0] == '-' || s[0] == '.' || s[0] == '\'' ||
                                           s[0] == '+') && is_digit((unsigned char)s[1])) ||
        (n > 2 && s[0] == '-' && numeric_start(s + 1, n - 1))) {
        if (s[0] == '+' && n > 1) {
            out_word(run->o, "plus", 4);
            if (!say_numeric(run, s + 1, n - 1))
                say_runs(run, s + 1, n - 1);
            return;
        }
        if (s[0] == '-' && !is_digit((unsigned char)s[1]) && s[1] != '.') {
            out_word(run->o, "minus", 5);
            if (!say_numeric(run, s + 1, n - 1))
                say_runs(run, s + 1, n - 1);
            return;
        }
        if (say_quarter(run, s, n))
            return;
        {
            /* "31/31/100", "123/261788/2021": numbers joined by two or more
             * slashes that are not a date are a reference: each number in
             * turn, long ones digit by digit */
            size_t sl = 0, k = 0;
            while (k < n && (is_digit((unsigned char)s[k]) || s[k] == '/'))
                sl += s[k++] == '/';
            if (k == n && sl >= 2 && s[n - 1] != '/' && !memmem(s, n, "//", 2)) {
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
                return;
            }
        }
        if (say_numeric(run, s, n))
            return;
        if (say_version(run, s, n))
            return;
        if (memchr(s, '-', n))
            split_on(run, s, n, '-', NULL);
        else
            say_runs(run, s, n);
        return;
    } else if (s[0] == MK_FRAC && n > 1) {
        if (!say_slash_numbers(run, s + 1, n - 1))
            say_runs(run, s + 1, n - 1);
        return;
    } else if ((s[0] == 'v' || s[0] == 'V') && n > 3 && is_digit((unsigned char)s[1]) &&
               say_version(run, s + 1, n - 1)) {
        return;
    } else if (say_range(run, s, n)) {
        return;
    }
    {
        /* "x" or "×" between numbers is a dimension: "25 x 7 m" */
        const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
        if (!IS_WHOLE(run, s, n))
            pv = nx = NULL;            /* a piece of a token has no neighbours */
        if (n == 1 && (s[0] == 'x' || s[0] == MK_TIMES) && pv && nx && pv->n && nx->n &&
            is_digit((unsigned char)pv->s[pv->n - 1]) && is_digit((unsigned char)nx->s[0])) {
            SET(run, CLS_MEASURE, "dimension");
            out_word(run->o, "by", 2);
            return;
        }
        /* a unit after a number said earlier: "4 1/2 lbs", "100 million kg";
           after "per" one of it: "30p per kWh" */
        const unit *u = NULL;
        int per = pv && !pv->trailn && ieq(pv->s, pv->n, "per");
        if (pv && pv->n && !pv->trailn && (per || is_digit((unsigned char)pv->s[pv->n - 1]) ||
            word_in(pv->s, pv->n, (const char *const[]){"million", "billion", "thousand",
                                                         "hundred", "trillion", NULL})))
            u = unit_find(s, n - (n > 1 && s[n - 1] == '.'));
        if (u && !(u->flags & U_GLUED_ONLY)) {
            SET(run, CLS_MEASURE, per ? "unit-after-per" : "unit-after-number");
            if (per)
                out_words(run->o, run->o->gb || !u->one_us ? u->one : u->one_us);
            else
                out_words(run->o, run->o->gb || !u->many_us ? u->many : u->many_us);
            return;
        }
    }
    if (word_token(run, s, n))
        return;
    if (n == 1 && say_symbol(run, s[0]))
        return;
    if (word_in(s, n, or_pairs)) {
        SET(run, CLS_WORD, "slash-or");
        split_on(run, s, n, '/', ieq(s, n, "and/or") ? NULL : "or");
        return;
    }
    if (memchr(s, '-', n)) {
        /* Flite says hyphenated words well ("A-level", "X-ray", "well-known"),
         * so keep them whole unless a part needs a rule: a number
         * ("40-year-old", "COVID-19") or an acronym ("NATO-led") */
        int whole = s[0] != '-' && s[n - 1] != '-';
        size_t caps = 0, letters = 0;
        for (size_t i = 0; i < n && whole; i++) {
            if (s[i] == '-') {
                if (caps >= 2 && caps == letters)
                    whole = 0;
                if (i + 1 < n && s[i + 1] == '-')
                    whole = 0;
                caps = letters = 0;
            } else if (is_alpha((unsigned char)s[i]) || s[i] == '\'') {
                letters++;
                caps += is_upper((unsigned char)s[i]) != 0;
            } else {
                whole = 0;
            }
        }
        if (whole && caps >= 2 && caps == letters)
            whole = 0;
        if (whole && n > 3 && s[0] == 'C' && s[1] == 'o' && s[2] == '-') {
            /* the prefix of "Co-ordinator", "Co-op": Flite would expand a
             * capitalised "Co" (a state or "company"); keep it a syllable */
            SET(run, CLS_WORD, "co-prefix");
            char w[64];
            if (n < sizeof w) {
                memcpy(w, s, n);
                w[0] = 'c';
                out_word(run->o, w, n);
                return;
            }
        }
        if (whole) {
            out_word(run->o, s, n);
            return;
        }
        split_on(run, s, n, '-', NULL);
        return;
    }
    if (memchr(s, '/', n)) {
        SET(run, CLS_WORD, "slash");
        if (s[0] == '/' && n > 1)      /* a leading one too: "/r/news"; a */
            out_word(run->o, "slash", 5);    /* spaced one stays silent */
        split_on(run, s, n, '/', "slash");
        return;
    }
    if (memchr(s, '&', n)) {
        SET(run, CLS_WORD, "ampersand");
        split_on(run, s, n, '&', "and");
        return;
    }
    say_runs(run, s, n);
}

/* "10 000", "250 000 people", "1 000 000": thousands set off by spaces (SI
 * style) are one number.  Only when a group starts with 0, which no number
 * written on its own does: "pages 10 100" stays two numbers.  Returns the
 * tokens used, or 0. */
static size_t spaced_thousands(norm_run *run)
{
    const tok *t = &run->t[run->i];
    if (t->n > 3 || t->trailn || !tok_all_digits(t) || t->s[0] == '0')
        return 0;
    size_t k = 1;
    int zero_lead = 0;
    for (; k <= 12; k++) {              /* bounded: linear in the text */
        const tok *g = tok_at(run, (long)k);
        if (!g || g->n != 3 || g->leadn || !tok_all_digits(g))
            break;
        zero_lead |= g->s[0] == '0';
        if (g->trailn) {
            k++;
            break;
        }
    }
    if (k < 2 || !zero_lead || k > 12)
        return 0;
    char digits[3 + 3 * 11];
    size_t dn = 0;
    for (size_t i = 0; i < k; i++) {
        const tok *g = tok_at(run, (long)i);
        memcpy(digits + dn, g->s, g->n);
        dn += g->n;
    }
    SET(run, CLS_CARDINAL, "spaced-thousands");
    num_cardinal(run->o, digits, dn);
    return k;
}

size_t say_multi(norm_run *run)
{
    size_t k = date_multi(run);
    if (!k)
        k = zone_multi(run);
    if (k)
        return k;
    const tok *t = &run->t[run->i];
    size_t consumed = 0;
    if (t->n > 1 && is_digit((unsigned char)t->s[0]) && say_isbn(run, t->s, t->n))
        return 1;
    if (t->n > 1 && (t->s[0] == '+' || is_digit((unsigned char)t->s[0])) && phone_multi(run, &consumed))
        return consumed;
    if ((k = money_code(run)) != 0)
        return k;
    if (numeric_start(t->s, t->n) || (t->n > 1 && t->s[0] == '-' && numeric_start(t->s + 1, t->n - 1))) {
        const tok *nx = tok_at(run, 1);
        if (say_model_number(run, t->s, t->n))
            return 1;                  /* "Boeing 777X": no measure, no range */
        size_t groups = spaced_thousands(run);
        if (groups)
            return groups;
        if (money_token(run, t->s, t->n, &consumed))
            return 1 + consumed;
        if (phone_multi(run, &consumed))
            return consumed;
        if (date_numeric(run, t->s, t->n))
            return 1;
        if (measure_token(run, t->s, t->n, &consumed))
            return 1 + consumed;
        /* "2 1/2", "2 1/2%": mixed fraction */
        numlit nl;
        if (nx && num_scan(t->s, t->n, &nl) == t->n && !nl.point && nx->n >= 3 &&
            memchr(nx->s, '/', nx->n) && is_digit((unsigned char)nx->s[0]) && !t->trailn) {
            const char *sl = memchr(nx->s, '/', nx->n);
            size_t an = (size_t)(sl - nx->s);
            int ok = an > 0 && an < 4 && nx->n - an - 1 > 0 && nx->n - an - 1 < 4;
            for (size_t i = 0; ok && i < nx->n; i++)
                if (i != an && !is_digit((unsigned char)nx->s[i]))
                    ok = 0;
            if (ok) {
                unsigned a = 0, b = 0;
                for (size_t i = 0; i < an; i++) a = a * 10 + (unsigned)(nx->s[i] - '0');
                for (size_t i = an + 1; i < nx->n; i++) b = b * 10 + (unsigned)(nx->s[i] - '0');
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
            }
        }
        /* "28 - 30": a spaced dash between numbers is "to" */
        const tok *n2 = tok_at(run, 2);
        if (nx && nx->n == 1 && nx->s[0] == '-' && !t->trailn &&
            n2 && n2->n && is_digit((unsigned char)n2->s[0])) {
            int minus = equals_near(run, -2, -1) || equals_near(run, 3, 4);
            say_token(run, t->s, t->n);
            out_words(run->o, minus ? "minus" : "to");
            run->i += 2;
            say_token(run, n2->s, n2->n);
            run->i -= 2;
            return 3;
        }
    }
    run->cls = CLS_NONE;
    run->rule = NULL;
    return 0;
}
