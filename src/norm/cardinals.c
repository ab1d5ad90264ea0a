/*
 * cardinals.c - plain numbers and what their context makes of them.
 *
 * A bare integer is a year or a quantity ("in 1984", "1984 people"), and
 * the words around it may make it a house number ("2788 San Tomas Expy"),
 * the last digits of a card, a ZIP code, a number to dial or a year of an
 * era; otherwise it is a cardinal or a decimal.  Also here: ordinals
 * ("21st"), thousands set off by spaces ("10 000"), a number with a
 * possessive ("29th's") and a number after a sign said as a word ("+5").
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

int next_is_count_noun(const norm_run *run)
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

/* Counts of people, and units, which the numbers before them measure */
static const char *const counted_nouns[] = {
    "residents", "students", "workers", "employees", "jobs", "homes", "houses",
    "cases", "deaths", "seats", "voters", "fans", "visitors", "patients",
    "members", "soldiers", "refugees", "migrants", "passengers", "pupils",
    "miles", "kilometres", "kilometers", "metres", "meters", "acres",
    "hectares", "tonnes", "tons", "pounds", "dollars", "euros", "years",
    "days", "hours", "minutes", "seconds", "times", "points", "runs", "yards",
    NULL
};
/* Words before an amount: "about 1500 copies", "more than 1968 entries" */
static const char *const amount_words[] = {
    "about", "some", "over", "nearly", "almost", "around", "approximately",
    "than", "least", "up", "only", "just", "another", "additional", "extra",
    "all", "those", "these", "of", "with", "total", "were", "are", "had",
    "have", "has", "sold", "bought", "made", "built", "employs", "employed",
    "hired", "killed", "injured", "saw", "drew", "attracted", "received",
    "issued", "printed", "produced", "shipped", NULL
};

/* "the 1968 productions", "Toyota's 2019 models", "1984 editions": before a
 * plural noun a year names the things made or held in it.  A count that
 * large is written with a thousands comma in news copy (1,968), is round
 * ("2000 jobs", "the 1500 people"), counts people or a unit ("1984
 * people", "2018 miles"), or follows a word of amounts ("about 1500
 * copies", "sold 1968 units"); anything else is a year. */
static int year_of_things(const norm_run *run, unsigned long long v)
{
    const tok *nx = tok_at(run, 1), *pv = tok_at(run, -1);
    if (v % 100 == 0 || !nx || word_in(nx->s, nx->n, count_nouns) ||
        word_in(nx->s, nx->n, counted_nouns))
        return 0;
    if (pv && !pv->trailn && word_in(pv->s, pv->n, amount_words))
        return 0;
    return 1;
}

/* "a card ending in 8876": four digits after "card ... ending in" are the
 * last digits of a card or account, read one by one. */
static int say_last_digits(norm_run *run, const numlit *nl)
{
    const tok *p1 = tok_at(run, -1), *p2 = tok_at(run, -2);
    if (nl->ipn != 4 || !p1 || !p2 || !tok_is(p1, "in") || p2->trailn ||
        !word_in(p2->s, p2->n, (const char *const[]){"ending", "ends", "ended", NULL}))
        return 0;
    const tok *p3 = tok_at(run, -3);
    if (!p3 || !word_in(p3->s, p3->n, (const char *const[]){"card", "number",
            "account", "phone", "cards", "numbers", "accounts", "digits", NULL}))
        return 0;
    SET(run, CLS_SERIAL, "last-digits");
    num_digits(run->o, nl->ip, nl->ipn, 0);
    return 1;
}

/* a ZIP code after a state: "Santa Clara, CA 95051" */
static int say_zip_code(norm_run *run, const numlit *nl)
{
    const tok *pv = tok_at(run, -1);
    if (nl->ipn != 5 || !pv || run->t[run->i].leadn || (pv->trailn && pv->trail[0] != ',') ||
        !us_state_find(pv->s, pv->n))
        return 0;
    SET(run, CLS_ADDRESS, "zip-code");
    num_digits(run->o, nl->ip, nl->ipn, 0);
    return 1;
}

/* "500 BC", "79 AD": a year of an era, said as a year */
static int say_year_era(norm_run *run, const numlit *nl, unsigned long long v, int of)
{
    const tok *nx = tok_at(run, 1);
    if (nl->ipn > 4 || of || !v || !nx ||
        !word_in(nx->s, nx->n, (const char *const[]){"AD", "BC", "BCE", "CE", "A.D",
                                                     "A.D.", "B.C", "B.C.", NULL}))
        return 0;
    SET(run, CLS_DATE, "year-era");
    num_year(run->o, (unsigned)v);
    return 1;
}

/* A bare integer token: year or quantity?  whole: the number is the whole
 * token (1), a piece of a glued one (-1, "2014).and"). */
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
    /* an integer written without sign, point or commas, alone in its token */
    int plain = whole && !nl->neg && !nl->point && !nl->commas;
    if (plain && nl->ipn == 4 && !of && v >= 1000 && v <= 2099) {
        /* "since 1984" is a year whatever follows; "1984 people" is not */
        if (year_by_context(run, v) || !next_is_count_noun(run) || year_of_things(run, v)) {
            SET(run, CLS_DATE, "year");
            num_year(run->o, (unsigned)v);
            return;
        }
    }
    if (plain && (say_last_digits(run, nl) || say_zip_code(run, nl) ||
                  say_dialled_number(run, nl) || say_year_era(run, nl, v, of)))
        return;
    SET(run, nl->point ? CLS_DECIMAL : CLS_CARDINAL, nl->point ? "decimal" : "cardinal");
    num_say(run->o, nl);
}

/* A token (or piece) that is one number and nothing more: "1984", "1,000",
 * "2.5", "-3". */
int say_whole_number(norm_run *run, const char *s, size_t n)
{
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (!k || k != n)
        return 0;
    say_plain_number(run, &nl, IS_WHOLE(run, s, n) ? 1 : -1);
    return 1;
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
int say_ordinal(norm_run *run, const char *s, size_t n)
{
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (k && !nl.point && !nl.neg && k + 1 == n && s[k] == 'd' && !nl.commas &&
        (s[k - 1] == '2' || s[k - 1] == '3') && !(k > 1 && s[k - 2] == '1') &&
        IS_WHOLE(run, s, n) && !run->t[run->i].trailn && tok_is_cap_word(tok_at(run, 1))) {
        /* "2d Battalion", "the 33d Infantry": the US Army's and
           government's way of writing 2nd and 3rd, before a name */
        SET(run, CLS_ORDINAL, "ordinal-d");
        num_ordinal(run->o, nl.ip, nl.ipn);
        return 1;
    }
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

/* "10 000", "250 000 people", "1 000 000": thousands set off by spaces (SI
 * style) are one number.  Only when a group starts with 0, which no number
 * written on its own does: "pages 10 100" stays two numbers.  Returns the
 * tokens used, or 0. */
size_t spaced_thousands(norm_run *run)
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

/* "29th's": say the number, keep the possessive ("1990's", "90's" are
 * decades: date_numeric) */
int say_number_possessive(norm_run *run, const char *s, size_t n)
{
    if (!(n > 3 && s[n - 2] == '\'' && s[n - 1] == 's' && is_digit((unsigned char)s[0]) &&
          !(n == 5 && s[0] == '\'')))
        return 0;
    size_t k = n - 2;
    if (!(k == 4 || k == 2) || !date_numeric(run, s, n)) {
        say_token(run, s, k);
        if (!run->o->err && run->o->b->len && run->o->b->data[run->o->b->len - 1] != ' ')
            nr_buf_append(run->o->b, "'s", 2);
    }
    return 1;
}

/* "+5": a sign said as a word before what follows it; "-" only before what
 * is no digit or point ("-$5" that no money rule took), as "-5" is a
 * negative number, the number rules' */
int say_signed_number(norm_run *run, const char *s, size_t n)
{
    if (s[0] == '+' && n > 1) {
        out_word(run->o, "plus", 4);
        if (!say_numeric(run, s + 1, n - 1))
            say_runs(run, s + 1, n - 1);
        return 1;
    }
    if (s[0] == '-' && !is_digit((unsigned char)s[1]) && s[1] != '.') {
        out_word(run->o, "minus", 5);
        if (!say_numeric(run, s + 1, n - 1))
            say_runs(run, s + 1, n - 1);
        return 1;
    }
    return 0;
}

/* "1:50,000", "Scale 1: 250000": a small number, a colon and a number of a
 * thousand or more is a ratio, the scale of a map or a model ("one to fifty
 * thousand").  No clock time, score or verse reference ("3:16") has a
 * right-hand side that large or with a thousands comma, so the size decides;
 * the left side is one or two digits without a leading zero (a code such as
 * "0008: 011" keeps its digits).  The glued form without a comma is the
 * ratio row of date_numeric.  Returns the tokens used, or 0. */
size_t ratio_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    size_t ln = 0;
    while (ln < t->n && ln < 3 && is_digit((unsigned char)t->s[ln]))
        ln++;
    if (!ln || ln > 2 || t->s[0] == '0')
        return 0;
    const char *r;
    size_t rn, used;
    if (ln < t->n && t->s[ln] == ':') {             /* glued: "1:50,000" */
        r = t->s + ln + 1;
        rn = t->n - ln - 1;
        used = 1;
    } else if (ln == t->n && t->trailn == 1 && t->trail[0] == ':') {
        const tok *nx = tok_at(run, 1);             /* spaced: "1: 250000" */
        if (!nx || nx->leadn)
            return 0;
        r = nx->s;
        rn = nx->n;
        used = 2;
    } else {
        return 0;
    }
    numlit nl;
    if (!rn || r[0] == '0' || num_scan(r, rn, &nl) != rn || nl.point || nl.neg)
        return 0;
    int over = 0;
    unsigned long long v = num_value(&nl, &over);
    if (over || v < 1000 || (used == 1 && !nl.commas))
        return 0;
    SET(run, CLS_CARDINAL, "ratio");
    num_cardinal(run->o, t->s, ln);
    out_word(run->o, "to", 2);
    num_say(run->o, &nl);
    return used;
}
