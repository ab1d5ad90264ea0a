/*
 * dates.c - dates, decades, clock times and time zones, financial quarters
 * ("2Q22") and circa glued to a year ("c.1850").
 *
 * Written dates come in many orders; the spoken forms are fixed: "May
 * thirteenth, twenty fourteen" for month-first and "the thirteenth of May"
 * for day-first, as a newsreader keeps the writer's order.  All-numeric
 * dates are read day-first in en-GB and month-first in en-US unless a field
 * above 12 settles it.  Month names that are also common words ("may",
 * "march") count only when capitalised or next to a day number.
 */
#include "token.h"

#include <pthread.h>
#include <string.h>

/* The word lists below that rules ask about every token go through a keyidx
 * (built after the lists, under pthread_once): scanning them was a tenth of
 * the normalizer's time. */
static keyidx ambiguous_month_ix, ampm_ix, zone_ix;
static int in_set(const keyidx *ix, const char *s, size_t n);
static void say_decade(nr_out *o, const char *s, size_t n);

static int parse_uint(const char *s, size_t n, unsigned *v)
{
    if (!n || n > 9)
        return 0;
    unsigned x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)s[i]))
            return 0;
        x = x * 10 + (unsigned)(s[i] - '0');
    }
    *v = x;
    return 1;
}

/* "13", "13th", "1st" -> day number when 1..31. */
static int day_of(const tok *t, unsigned *d)
{
    if (!t || !t->n || !is_digit((unsigned char)t->s[0]))
        return 0;                       /* words, quickly: parse_uint wants digits */
    size_t n = t->n;
    if (n > 2 && is_alpha((unsigned char)t->s[n - 1]) && is_alpha((unsigned char)t->s[n - 2])) {
        const char *sf = t->s + n - 2;
        if (!ieq(sf, 2, "st") && !ieq(sf, 2, "nd") && !ieq(sf, 2, "rd") && !ieq(sf, 2, "th"))
            return 0;
        n -= 2;
    }
    if (n > 2 || !parse_uint(t->s, n, d))
        return 0;
    return *d >= 1 && *d <= 31;
}

static int year_of(const tok *t, unsigned *y)
{
    if (!t || t->n != 4 || t->leadn || !parse_uint(t->s, 4, y))
        return 0;
    return *y >= 1000 && *y <= 2199;
}

static const char *const ambiguous_months[] = {
    "may", "march", "mar", "jan", "jun", "sep", "dec", "aug", NULL
};

/* A token naming a month.  Lower-case "may"/"march" are verbs and nouns. */
static int month_of(const tok *t)
{
    if (!t || !t->n)
        return 0;
    int m = month_find(t->s, t->n);
    if (!m)
        return 0;
    if (is_lower((unsigned char)t->s[0]) && in_set(&ambiguous_month_ix, t->s, t->n) &&
        t->s[t->n - 1] != '.')
        return 0;
    return m;
}

static void say_month(nr_out *o, int m) { out_words(o, month_names[m]); }

static void say_day(nr_out *o, unsigned d)
{
    num_cardinal_u(o, d);
    out_ordinalize(o);
}

static int last_word_is(nr_out *o, const char *w)
{
    size_t n = strlen(w);
    return o->b->len >= n && o->b->len - o->last_word == n &&
           ieq(o->b->data + o->last_word, n, w);
}

/* A two-digit year in a numeric date is said as written when it can only
 * be a year: "5/6/99" ninety nine, "1/2/03" oh three.  "00" and 10 to 29
 * read as plain numbers ("December twenty fifth nineteen"), so those are
 * said in full as this century's: "5/6/00" two thousand, "12/25/19"
 * twenty nineteen. */
static int short_year_clear(unsigned y)
{
    return (y >= 1 && y <= 9) || y >= 30;
}

static void say_dmy(nr_out *o, unsigned d, int m, int has_year, unsigned y, int yshort)
{
    if (!last_word_is(o, "the"))
        out_word(o, "the", 3);
    say_day(o, d);
    out_word(o, "of", 2);
    say_month(o, m);
    if (has_year) {
        if (yshort && short_year_clear(y)) {
            if (y < 10) { out_word(o, "oh", 2); }
            num_cardinal_u(o, y);
        } else if (yshort) {
            num_year(o, 2000 + y);
        } else {
            num_year(o, y);
        }
    }
}

static void say_mdy(nr_out *o, unsigned d, int m, int has_year, unsigned y, int yshort)
{
    say_month(o, m);
    say_day(o, d);
    if (has_year) {
        if (yshort && short_year_clear(y)) {
            if (y < 10) { out_word(o, "oh", 2); }
            num_cardinal_u(o, y);
        } else if (yshort) {
            num_year(o, 2000 + y);
        } else {
            num_year(o, y);
        }
    }
}

void say_month_day(nr_out *o, int m, unsigned d)
{
    say_mdy(o, d, m, 0, 0, 0);
}

static const char *const ampm_words[] = {
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", NULL
};

static int is_ampm(const tok *t)
{
    return t && t->n && in_set(&ampm_ix, t->s, t->n);
}

static void say_ampm(nr_out *o, const char *s)
{
    out_word(o, (s[0] == 'a' || s[0] == 'A') ? "A" : "P", 1);
    out_word(o, "M", 1);
}

/* Time zones said after a clock time: "5 p.m. EST", "1:59 p.m. e.s.t". */
static const char *const zones[] = {
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT",
    "HST", "AST", "ADT", "NST", "NDT", "ET", "CT", "MT", "PT", "GMT", "UTC",
    "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "JST", "KST",
    "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", NULL
};

static pthread_once_t word_sets_once = PTHREAD_ONCE_INIT;
static void build_word_sets(void)
{
    KEYIDX_BUILD(&ambiguous_month_ix, ambiguous_months);
    KEYIDX_BUILD(&ampm_ix, ampm_words);
    KEYIDX_BUILD(&zone_ix, zones);
}

/* word_in(s, n, list) for the list ix indexes */
static int in_set(const keyidx *ix, const char *s, size_t n)
{
    pthread_once(&word_sets_once, build_word_sets);
    return keyidx_find(ix, s, n) >= 0;
}

/* A time-zone abbreviation, dotted ("e.s.t", "E.T.") or not ("EST"; in
 * small letters only from three letters on, so "et" stays a word).
 * Writes its letters to buf (room 8); returns how many, or 0. */
static size_t zone_letters(const tok *t, char *buf)
{
    if (!t || !t->n || t->leadn || t->n > 10)
        return 0;
    size_t k = 0;
    int dots = 0, upper = 0, lower = 0;
    for (size_t i = 0; i < t->n; i++) {
        char ch = t->s[i];
        if (ch == '.') {
            dots++;
        } else if (is_alpha((unsigned char)ch) && k < 7) {
            buf[k++] = ch;
            if (is_upper((unsigned char)ch)) upper = 1; else lower = 1;
        } else {
            return 0;
        }
    }
    if (k < 2 || (!dots && lower && (upper || k < 3)))
        return 0;
    return in_set(&zone_ix, buf, k) ? k : 0;
}

/* "1:59 p.m. e.s.t", "5pm EST": the zone after an am/pm marker.  The two
 * stay two words: the marker is written "PM" (Flite spells it) and the zone
 * spelled "E-S-T", so they never read as one run of letters "P M E S T".
 * A joined "AM" is left spaced: Flite drops that word. */
size_t zone_multi(norm_run *run)
{
    const tok *t = &run->t[run->i], *pv = tok_at(run, -1);
    char z[8];
    size_t k = zone_letters(t, z);
    if (!k || !pv || pv->trailn || pv->n < 2)
        return 0;
    size_t tail = pv->n;        /* the marker ends the previous token */
    while (tail > 0 && (is_alpha((unsigned char)pv->s[tail - 1]) || pv->s[tail - 1] == '.'))
        tail--;
    if (!in_set(&ampm_ix, pv->s + tail, pv->n - tail))
        return 0;
    nr_out *o = run->o;
    nr_buf *b = o->b;
    if (!o->err && b->len >= 3 && b->data[b->len - 3] == 'P' && b->data[b->len - 1] == 'M' &&
        (b->data[b->len - 2] == ' ' || b->data[b->len - 2] == '-') &&
        (b->len == 3 || b->data[b->len - 4] == ' ')) {
        b->data[b->len - 2] = 'M';     /* "P M" -> "PM" */
        nr_buf_truncate(b, b->len - 1);
        o->last_word = b->len - 2;
    }
    SET(run, CLS_TIME, "time-zone");
    out_letters(o, z, k, NULL);
    return 1;
}

static void say_clock(nr_out *o, unsigned h, unsigned m, int ampm)
{
    num_cardinal_u(o, h);
    if (m == 0) {
        if (!ampm) {
            if (h <= 12 || !o->gb)
                out_word(o, "o'clock", 7);
            else
                out_word(o, "hundred", 7);  /* British 24-hour: "eighteen hundred" */
        }
    } else if (m < 10) {
        out_word(o, h == 0 ? "zero" : "o", h == 0 ? 4 : 1);
        num_cardinal_u(o, m);
    } else {
        num_cardinal_u(o, m);
    }
}

/* A date range that crosses a month, "Jan. 30-Feb. 2", "30 January-2
 * February", "14 June - 14 July", "Dec. 28, 2023-Jan. 3, 2024", is read as
 * a piece stream: each of the next few tokens split at its one dash (the
 * dash is a piece of its own, so a spaced dash is the same), then two
 * halves of the same order around the dash. */
typedef struct piece {
    tok t;          /* the piece; its trail only when it ends its token */
    size_t tok;     /* tokens used up to and including this piece's */
    int ends_tok, dash;
} piece;

enum { RANGE_TOKENS = 7, RANGE_PIECES = 3 * RANGE_TOKENS };   /* "Dec. 28, 2023 - Jan. 3, 2024" */

static int is_dash_token(const tok *t)
{
    return !t->leadn && !t->trailn &&
           ((t->n == 1 && t->s[0] == '-') || (t->n == 2 && t->s[0] == '-' && t->s[1] == '-'));
}

static size_t range_pieces(const norm_run *run, piece *p)
{
    size_t np = 0;
    for (size_t k = 0; k < RANGE_TOKENS && run->i + k < run->nt; k++) {
        const tok *t = &run->t[run->i + k];
        if (is_dash_token(t)) {
            p[np++] = (piece){ *t, k + 1, 1, 1 };
            continue;
        }
        if (!t->n || (k && t->leadn))
            break;
        const char *h = memchr(t->s, '-', t->n);
        if (h && h > t->s && (size_t)(h - t->s) + 1 < t->n &&
            !memchr(h + 1, '-', t->n - (size_t)(h - t->s) - 1)) {
            size_t ln = (size_t)(h - t->s);
            p[np++] = (piece){ { t->s, ln, t->lead, t->leadn, h, 0 }, k + 1, 0, 0 };
            p[np++] = (piece){ { h, 1, h, 0, h + 1, 0 }, k + 1, 0, 1 };
            p[np++] = (piece){ { h + 1, t->n - ln - 1, h + 1, 0, t->trail, t->trailn },
                               k + 1, 1, 0 };
        } else {
            p[np++] = (piece){ *t, k + 1, 1, 0 };
        }
        if (t->trailn && !(t->trailn == 1 && t->trail[0] == ','))
            break;          /* the range ends at other punctuation */
    }
    return np;
}

typedef struct date_half {
    unsigned d, y;
    int m, has_year, month_first;
    size_t used;        /* pieces */
} date_half;

/* One date of a range at p[0..np): month and day in either order, then a
 * year that ends its token; pieces before the last have no punctuation but
 * the comma before a year. */
static int range_half(const piece *p, size_t np, date_half *h)
{
    if (np < 2 || p[0].dash || p[1].dash || p[0].t.trailn)
        return 0;
    h->month_first = month_of(&p[0].t) != 0;
    if (h->month_first) {
        h->m = month_of(&p[0].t);
        if (!day_of(&p[1].t, &h->d))
            return 0;
    } else {
        h->m = month_of(&p[1].t);
        if (!h->m || !day_of(&p[0].t, &h->d))
            return 0;
    }
    h->used = 2;
    h->has_year = 0;
    if (np > 2 && !p[2].dash && (!p[1].t.trailn || p[1].t.trail[0] == ',') &&
        year_of(&p[2].t, &h->y)) {
        h->has_year = 1;
        h->used = 3;
    }
    return 1;
}

static size_t month_cross_range(norm_run *run)
{
    piece p[RANGE_PIECES];
    size_t np = range_pieces(run, p);
    date_half a, b;
    if (!range_half(p, np, &a) || a.used >= np || !p[a.used].dash)
        return 0;
    const tok *before_dash = &p[a.used - 1].t;
    if (before_dash->trailn)
        return 0;                   /* "Jan. 30, - ..." is no range */
    if (!range_half(p + a.used + 1, np - a.used - 1, &b) ||
        b.month_first != a.month_first)
        return 0;
    size_t last = a.used + b.used;
    if (!p[last].ends_tok) {
        if (!b.has_year)
            return 0;               /* "Jan. 30-Feb. 2-3": something else */
        b.has_year = 0;             /* the year ends in the middle of a token */
        last--;
        if (!p[last].ends_tok)
            return 0;
    }
    run->cls = CLS_DATE;
    run->rule = "month-cross-range";
    if (a.month_first) {
        say_mdy(run->o, a.d, a.m, a.has_year, a.y, 0);
        out_word(run->o, "to", 2);
        say_mdy(run->o, b.d, b.m, b.has_year, b.y, 0);
    } else {
        say_dmy(run->o, a.d, a.m, a.has_year, a.y, 0);
        out_word(run->o, "to", 2);
        say_dmy(run->o, b.d, b.m, b.has_year, b.y, 0);
    }
    return p[last].tok;
}

/* "2/22", "(3/4)", "3/4/21": a month and a day joined by a slash (or a day
 * and a month), which a day's name before it makes a date */
static int numeric_month_day(const tok *t)
{
    unsigned a = 0, b = 0;
    size_t i = 0, k;
    for (k = 0; i < t->n && is_digit((unsigned char)t->s[i]) && k < 2; i++, k++)
        a = a * 10 + (unsigned)(t->s[i] - '0');
    if (!k || i >= t->n || t->s[i] != '/')
        return 0;
    for (i++, k = 0; i < t->n && is_digit((unsigned char)t->s[i]) && k < 2; i++, k++)
        b = b * 10 + (unsigned)(t->s[i] - '0');
    if (!k || (i < t->n && t->s[i] != '/'))
        return 0;
    return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (b <= 12 && a <= 31));
}

size_t date_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    nr_out *o = run->o;
    unsigned d = 0, y = 0;
    int m = month_of(t);
    const tok *n1 = tok_at(run, 1), *n2 = tok_at(run, 2);
    if (m || day_of(t, &d)) {
        size_t k = month_cross_range(run);
        if (k)
            return k;
    }
    if (m && (is_upper((unsigned char)t->s[0]) || t->s[t->n - 1] == '.' ||
              !in_set(&ambiguous_month_ix, t->s, t->n))) {
        if (n1 && !n1->leadn && day_of(n1, &d) && !(n2 && n2->n && (unit_find(n2->s, n2->n) && n2->n > 1))) {
            run->cls = CLS_DATE;
            run->rule = "month-day";
            int hy = !n1->trailn || n1->trail[0] == ',' ? year_of(n2, &y) : 0;
            say_mdy(o, d, m, hy, y, 0);
            return hy ? 3 : 2;
        }
        /* "Feb 2021", "Sept. 2019", "November 2019": a month before a
           year, abbreviated or not (a four-digit year is no name's) */
        if ((!t->trailn || (t->trailn == 1 && t->trail[0] == ',')) && year_of(n1, &y)) {
            run->cls = CLS_DATE;
            run->rule = "month-year";
            say_month(o, m);
            num_year(o, y);
            return 2;
        }
        /* "Sept." alone; a bare "Jan" may be a name, so only with the dot */
        const tok *pv = tok_at(run, -1);
        if (t->s[t->n - 1] == '.' && t->n > 3 && !ieq(t->s, t->n - 1, month_names[m]) &&
            is_upper((unsigned char)t->s[0]) &&
            !(pv && !pv->trailn && !run->sentence_start && tok_is_cap_word(pv))) {
            /* (not the end of a name: "Del Mar.") */
            run->cls = CLS_DATE;
            run->rule = "month-abbreviation";
            say_month(o, m);
            return 1;
        }
    }
    if (day_of(t, &d) && n1 && !t->trailn && !n1->leadn) {
        int m2 = month_of(n1);
        if (!m2 && year_of(n2, &y) && !n1->trailn)
            m2 = month_find(n1->s, n1->n);   /* "17 may 2010" */
        if (m2 && (is_upper((unsigned char)n1->s[0]) || n1->s[n1->n - 1] == '.' ||
                   !in_set(&ambiguous_month_ix, n1->s, n1->n) || year_of(n2, &y))) {
            run->cls = CLS_DATE;
            run->rule = "day-month";
            int hy = !n1->trailn || n1->trail[0] == ',' ? year_of(n2, &y) : 0;
            say_dmy(o, d, m2, hy, y, 0);
            return hy ? 3 : 2;
        }
    }
    int wd = weekday_find(t->s, t->n);
    int before_date = n1 && numeric_month_day(n1);
    const tok *pw = tok_at(run, -1);
    if (!wd && before_date && !(pw && !pw->trailn && !run->sentence_start && tok_is_cap_word(pw)))
        wd = weekday_two(t->s, t->n);       /* "Tu (2/22)", a calendar's; not "Lisa Su" */
    if (wd && !ieq(t->s, t->n, weekday_names[wd]) && is_upper((unsigned char)t->s[0]) &&
        (t->s[t->n - 1] == '.' || before_date ||
         (n1 && !t->trailn && (month_of(n1) || day_of(n1, &d))))) {
        run->cls = CLS_DATE;
        run->rule = "weekday-abbreviation";
        out_words(o, weekday_names[wd]);
        return 1;
    }
    /* "1980 s": scraped text split a decade ("1980s") from its "s" */
    if (t->n == 4 && !t->trailn && n1 && n1->s[0] == 's' && !n1->leadn &&
        (n1->n == 1 || (n1->n == 2 && n1->s[1] == '.'))) {
        unsigned v;
        if (parse_uint(t->s, 4, &v) && v % 10 == 0 && v >= 1000 && v < 2100) {
            run->cls = CLS_DATE;
            run->rule = "decade-spaced";
            say_decade(o, t->s, 4);
            if (n1->n == 2)
                out_punct(o, '.');  /* "the 1960 s." ends a sentence, no initial */
            return 2;
        }
    }
    /* "10:30 am", "5 pm", "10.30 p.m." */
    if (is_ampm(n1) && t->n <= 5 && is_digit((unsigned char)t->s[0])) {
        unsigned h = 0, mi = 0;
        const char *sep = NULL;
        for (size_t i = 0; i < t->n; i++)
            if (t->s[i] == ':' || t->s[i] == '.')
                sep = t->s + i;
        int ok = sep ? parse_uint(t->s, (size_t)(sep - t->s), &h) &&
                       (size_t)(t->s + t->n - sep - 1) == 2 &&
                       parse_uint(sep + 1, 2, &mi)
                     : parse_uint(t->s, t->n, &h);
        if (ok && h >= 1 && h <= 12 && mi < 60) {
            run->cls = CLS_TIME;
            run->rule = "clock-ampm";
            say_clock(o, h, mi, 1);
            say_ampm(o, n1->s);
            return 2;
        }
    }
    return 0;
}

/* Is the 4-digit token at run->i a 24-hour time ("2300 GMT", "1430 local
 * time", "at 1430 hours", "departs at 0645")?  Only where a zone or the
 * word "hours" says so, or a leading zero after "at" does: "at 1500 metres"
 * is a height, "at 2000" a year. */
static int hhmm_context(const norm_run *run)
{
    const tok *t = &run->t[run->i], *pv = tok_at(run, -1), *n1 = tok_at(run, 1), *n2 = tok_at(run, 2);
    char z[8];
    int at = pv && !pv->trailn &&
             word_in(pv->s, pv->n, (const char *const[]){"at", "by", "from", "until", "till",
                                                         "before", "after", "around", NULL});
    if (!t->trailn && n1 && !n1->leadn) {
        /* a two-letter zone is also a word or code ("2000 CT scans"): only
           after a time preposition */
        size_t zn = zone_letters(n1, z);
        if (zn >= 3 || (zn && at))
            return 1;
        if (tok_is(n1, "local") && !n1->trailn && tok_is(n2, "time"))
            return 1;
        /* "at 1430 hours", but "after 2000 hours of work", "gave 1500 hours" */
        if ((tok_is(n1, "hours") || tok_is(n1, "hrs")) && at &&
            !(n1->trailn == 0 && tok_is(n2, "of")))
            return 1;
    }
    return t->s[0] == '0' && tok_is(pv, "at") && !pv->trailn;
}

/* "twenty three hundred", "oh nine hundred", "oh six forty five",
 * "fourteen thirty": a 24-hour time as it is said, a leading zero "oh". */
static void say_hhmm(nr_out *o, unsigned h, unsigned m)
{
    if (h < 10)
        out_word(o, h ? "oh" : "zero", h ? 2 : 4);
    num_cardinal_u(o, h);
    if (!m) {
        out_word(o, "hundred", 7);
    } else {
        if (m < 10)
            out_word(o, "oh", 2);
        num_cardinal_u(o, m);
    }
}

static void pluralize_last(nr_out *o)
{
    if (o->err || o->last_word >= o->b->len)
        return;
    char last = o->b->data[o->b->len - 1];
    if (last == 'y') {
        nr_buf_truncate(o->b, o->b->len - 1);
        nr_buf_append(o->b, "ies", 3);
    } else if (last == 'x' || last == 's') {
        nr_buf_append(o->b, "es", 2);
    } else {
        nr_buf_append(o->b, "s", 1);
    }
}

static void say_decade(nr_out *o, const char *s, size_t n)
{
    unsigned v;
    if (!parse_uint(s, n, &v))
        return;
    if (n == 4)
        num_year(o, v);
    else
        num_cardinal_u(o, v);
    pluralize_last(o);
}

/* Numeric dates, decades and times inside one token. */
int date_numeric(norm_run *run, const char *s, size_t n)
{
    nr_out *o = run->o;
    /* decades: 1990s 1990's '90s 90s */
    {
        const char *p = s;
        size_t k = n;
        if (k && p[0] == '\'') {        /* '90s and 90s read alike */
            p++;
            k--;
        }
        if (k > 1 && p[k - 1] == 's') {
            k--;
            if (k && p[k - 1] == '\'') k--;
            unsigned v;
            if ((k == 4 || k == 2) && parse_uint(p, k, &v) && v % 10 == 0 &&
                (k == 2 || (v >= 1000 && v < 2100))) {
                SET(run, CLS_DATE, "decade");
                say_decade(o, p, k);
                return 1;
            }
        }
    }
    /* split into up to three numeric fields on one separator kind */
    unsigned f[3];
    size_t fl[3];
    int nf = 0;
    char sep = 0;
    size_t i = 0, st = 0;
    const char *rest = NULL;
    for (i = 0; i <= n; i++) {
        if (i == n || !is_digit((unsigned char)s[i])) {
            if (i == st || nf == 3)
                break;
            if (!parse_uint(s + st, i - st, &f[nf]))
                return 0;
            fl[nf++] = i - st;
            if (i == n)
                break;
            char ch = s[i];
            if (ch == '/' || ch == '-' || ch == '.' || ch == ':') {
                if (sep && sep != ch)
                    break;
                sep = ch;
                st = i + 1;
                if (st >= n || !is_digit((unsigned char)s[st])) {
                    rest = s + i;
                    break;
                }
                continue;
            }
            rest = s + i;
            break;
        }
    }
    if (!nf)
        return 0;
    size_t restn = rest ? n - (size_t)(rest - s) : 0;
    if (i < n && !rest)
        return 0;
    if (nf == 1 && fl[0] == 4 && !restn && f[0] / 100 <= 23 && f[0] % 100 < 60 &&
        IS_WHOLE(run, s, n) && hhmm_context(run)) {
        SET(run, CLS_TIME, "clock-24h");
        say_hhmm(o, f[0] / 100, f[0] % 100);
        return 1;
    }
    /* times */
    if ((sep == ':' || sep == '.') && nf >= 2 && fl[1] == 2 && f[0] <= 24 && f[1] < 60) {
        const char *ap = NULL;
        if (restn && in_set(&ampm_ix, rest, restn))
            ap = rest;
        if (nf == 2 && !restn && sep == ':') {
            SET(run, CLS_TIME, "clock");
            say_clock(o, f[0], f[1], 0);
            return 1;
        }
        if (nf == 2 && ap && f[0] <= 12) {
            SET(run, CLS_TIME, "clock-ampm");
            say_clock(o, f[0], f[1], 1);
            say_ampm(o, ap);
            return 1;
        }
        if (nf == 3 && sep == ':' && fl[2] == 2 && f[2] < 60 && !restn) {
            SET(run, CLS_TIME, "duration");
            num_cardinal_u(o, f[0]);
            out_word(o, f[0] == 1 ? "hour" : "hours", f[0] == 1 ? 4 : 5);
            num_cardinal_u(o, f[1]);
            out_word(o, f[1] == 1 ? "minute" : "minutes", f[1] == 1 ? 6 : 7);
            out_word(o, "and", 3);
            num_cardinal_u(o, f[2]);
            out_word(o, f[2] == 1 ? "second" : "seconds", f[2] == 1 ? 6 : 7);
            return 1;
        }
    }
    if (sep == '.' && nf == 2 && fl[1] == 2 && !restn && f[0] >= 1 && f[0] <= 23 &&
        f[1] < 60 && s[0] != '0') {
        /* British "at 9.30": a clock time after a time preposition, unless
         * a unit or a count follows ("rose by 1.25 points", "by 2.50 per cent") */
        const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
        if (nx && nx->n && !(nx->n > 1 && in_set(&ampm_ix, nx->s, nx->n)) &&
            (unit_find(nx->s, nx->n) || word_in(nx->s, nx->n, (const char *const[]){
                "percent", "per", "points", "point", "pc", "times", "%", NULL})))
            pv = NULL;
        if (pv && word_in(pv->s, pv->n, (const char *const[]){"at", "from", "until", "till",
                                                             "by", "before", "after", "around", NULL})) {
            SET(run, CLS_TIME, "clock-dotted");
            say_clock(o, f[0], f[1], 0);
            return 1;
        }
        /* a train by its departure: "the 12.05 from Paddington", "the 7.15
           to Leeds", "the 8.30 service"; "the 12.05 per cent" stays a number */
        const tok *n2 = tok_at(run, 2);
        if (pv && tok_is(pv, "the") && !pv->trailn && nx && !run->t[run->i].trailn && !nx->leadn &&
            (((tok_is(nx, "from") || tok_is(nx, "to")) && !nx->trailn && n2 &&
              n2->n && is_upper((unsigned char)n2->s[0])) ||
             word_in(nx->s, nx->n, (const char *const[]){"service", "train", "departure",
                                                         "arrival", NULL}))) {
            SET(run, CLS_TIME, "clock-dotted");
            say_clock(o, f[0], f[1], 0);
            return 1;
        }
    }
    if (nf == 1 && restn && in_set(&ampm_ix, rest, restn) && f[0] >= 1 && f[0] <= 12) {
        SET(run, CLS_TIME, "hour-ampm");
        num_cardinal_u(o, f[0]);
        say_ampm(o, rest);
        return 1;
    }
    if (sep == ':' && nf == 2 && !restn) {
        SET(run, CLS_CARDINAL, "ratio");
        num_cardinal_u(o, f[0]);
        out_word(o, "to", 2);
        num_cardinal_u(o, f[1]);
        return 1;
    }
    if (nf != 3 || restn || sep == ':')
        return 0;
    /* dates */
    unsigned d, m, y;
    int yshort = 0;
    if (fl[0] == 4) {                       /* 2014-05-13, 2016/07/03 */
        y = f[0]; m = f[1]; d = f[2];
    } else if (fl[2] == 4 || fl[2] == 2) {
        y = f[2];
        yshort = fl[2] == 2;
        if (sep == '.' && fl[2] == 2)
            return 0;                       /* 1.2.3 is a version */
        int gb = o->gb;
        if (f[0] > 12) gb = 1;
        else if (f[1] > 12) gb = 0;
        d = gb ? f[0] : f[1];
        m = gb ? f[1] : f[0];
    } else {
        return 0;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31 || fl[1] > 2)
        return 0;
    SET(run, CLS_DATE, "numeric-date");
    int dayfirst = d == f[0] && d != m;
    if (d == m)
        dayfirst = o->gb;
    if (fl[0] == 4)                    /* ISO 2014-05-13 reads day first (as */
        dayfirst = sep == '-' || o->gb; /* cited); 2016/07/03 in the locale's order */
    if (dayfirst)                      /* otherwise the writer's order */
        say_dmy(o, d, (int)m, 1, y, yshort);
    else
        say_mdy(o, d, (int)m, 1, y, yshort);
    return 1;
}

/* date_numeric as a multi-token row: "24/10/2024", "10:30am" */
size_t date_numeric_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    return (size_t)date_numeric(run, t->s, t->n);
}

/* "c.1850", "ca.1450": circa glued to a year, as dates in captions and
 * biographies are written; spaced ("c. 1850") is the abbreviation table's */
int say_circa_glued(norm_run *run, const char *s, size_t n)
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

/* financial quarters: "2Q22" "the second quarter of twenty two" */
int say_quarter(norm_run *run, const char *s, size_t n)
{
    if ((n == 4 || n == 6) && s[0] >= '1' && s[0] <= '4' && s[1] == 'Q' &&
        is_digit((unsigned char)s[2]) && is_digit((unsigned char)s[3]) &&
        (n == 4 || (is_digit((unsigned char)s[4]) && is_digit((unsigned char)s[5])))) {
        static const char *const qn[] = {"first", "second", "third", "fourth"};
        SET(run, CLS_DATE, "quarter");
        const tok *pv = IS_WHOLE(run, s, n) ? tok_at(run, -1) : NULL;
        if (!pv || !word_in(pv->s, pv->n, (const char *const[]){"the", "a", "this", "that",
                                                             "each", "every", NULL}))
            out_word(run->o, "the", 3);
        out_words(run->o, qn[s[0] - '1']);
        out_words(run->o, "quarter of");
        unsigned y = 0;
        for (size_t i = 2; i < n; i++)
            y = y * 10 + (unsigned)(s[i] - '0');
        if (n == 4 && y < 10)
            out_word(run->o, "oh", 2);
        if (n == 4)
            num_cardinal_u(run->o, y);
        else
            num_year(run->o, y);
        return 1;
    }
    return 0;
}
