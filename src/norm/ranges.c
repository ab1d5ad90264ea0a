/*
 * ranges.c - two things joined by a dash: "2009-2013", "10-15%",
 * "$50-$100", "Mon-Fri", "Jan-15", "Dec. 23-24", and spaced, "28 - 30".
 *
 * The dash is "to" unless the pair is something else: a score near a score
 * word ("won 3-1": "three one" in en-GB, "three to one" in en-US), a
 * British cricket total ("245-6" runs for wickets), a draw ("50-50"), a
 * local telephone number ("555-1234") or a ZIP+4 code.  Years of a range
 * are said in one style ("two thousand nine to two thousand thirteen").
 */
#include "token.h"

#include <string.h>

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

/* "2009-2013", "10-15%", "$50-$100", "3-1", "1914-18", "Mon-Fri": a token
 * (or piece) with one hyphen between its parts, two only after a month
 * ("Jan-15-2020"). */
int say_range(norm_run *run, const char *s, size_t n)
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
            if (bn == 2 && vb <= va % 100) {
                /* "1999-00", "1998-01": the span crosses into the next
                   century, whose years are said in full */
                num_year(run->o, (unsigned)((va / 100 + 1) * 100 + vb));
            } else if (bn == 2) {
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

/* A spaced dash between numbers or times is "to": "4:00 am - 8:12 pm".
 * (Between numbers with an "=" near it is minus: serial.c.) */
/* "Top 100 - 15th March 2014": an end that is a day before its month
 * ("15th March", "15 March") starts a date, and a start that cannot be a
 * day (over 31, or longer than two digits) makes no range of days with it,
 * so the spaced dash between them is a pause, not "to" ("12 - 15 March"
 * stays a range of days).  start, end and month are the tokens around the
 * dash. */
static int no_day_range(const tok *start, const tok *end, const tok *month)
{
    if (!start || !end || !month || !month->n || !is_upper((unsigned char)month->s[0]) ||
        end->trailn || !month_find(month->s, month->n))
        return 0;
    unsigned a = 0, day = 0;
    size_t k = 0;
    for (size_t j = 0; j < start->n && j < 3 && is_digit((unsigned char)start->s[j]); j++)
        a = a * 10 + (unsigned)(start->s[j] - '0');
    if (start->n <= 2 && a >= 1 && a <= 31)
        return 0;
    while (k < end->n && k < 3 && is_digit((unsigned char)end->s[k]))
        day = day * 10 + (unsigned)(end->s[k++] - '0');
    return k && k <= 2 && day >= 1 && day <= 31 &&
           (k == end->n || (end->n - k == 2 && is_lower((unsigned char)end->s[k])));
}

int say_spaced_dash(norm_run *run, const char *s, size_t n)
{
    if (n != 1 || s[0] != '-')
        return 0;
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    if (pv && nx && pv->n && nx->n && !pv->trailn &&
        (is_digit((unsigned char)pv->s[pv->n - 1]) || pv->s[pv->n - 1] == '%' ||
         ieq(pv->s, pv->n, "am") || ieq(pv->s, pv->n, "pm") ||
         ieq(pv->s, pv->n, "a.m.") || ieq(pv->s, pv->n, "p.m.")) &&
        (is_digit((unsigned char)nx->s[0]) || nx->s[0] == '$' || nx->s[0] == MK_POUND ||
         nx->s[0] == MK_EURO) && !no_day_range(pv, nx, tok_at(run, 2))) {
        SET(run, CLS_RANGE, "spaced-dash");
        out_word(run->o, "to", 2);
        return 1;
    }
    return 0;
}

/* "28 - 30": a number, a spaced dash and a number are one range, said
 * here as three tokens; next to a lone "=" the dash is minus ("10 - 4 =
 * 6").  Returns the tokens used, or 0. */
size_t spaced_range(norm_run *run)
{
    const tok *t = &run->t[run->i], *nx = tok_at(run, 1), *n2 = tok_at(run, 2);
    if (nx && nx->n == 1 && nx->s[0] == '-' && !t->trailn &&
        n2 && n2->n && is_digit((unsigned char)n2->s[0])) {
        int minus = equals_near(run, -2, -1) || equals_near(run, 3, 4);
        unsigned a = 0, b = 0;
        for (size_t k = 0; k < t->n && k < 4; k++)
            a = a * 10 + (unsigned)(t->s[k] - '0');
        for (size_t k = 0; k < n2->n && k < 4; k++)
            b = b * 10 + (unsigned)(n2->s[k] - '0');
        if (!minus && t->n == 4 && tok_all_digits(t) && tok_all_digits(n2) &&
            a >= 1000 && a <= 2099 && ((n2->n == 2 && (b > a % 100 || (a % 100 == 99 && b == 0))) ||
                                       (n2->n == 4 && b > a && b - a <= 100))) {
            /* "1998 - 99", "2006 - 07": a span of years, read as the same
               span written without the spaces (say_range) */
            char joined[10];
            memcpy(joined, t->s, 4);
            joined[4] = '-';
            memcpy(joined + 5, n2->s, n2->n);
            if (say_range(run, joined, 5 + n2->n))
                return 3;
        }
        if (!minus && no_day_range(t, n2, tok_at(run, 3)))
            return 0;
        say_token(run, t->s, t->n);
        out_words(run->o, minus ? "minus" : "to");
        run->i += 2;
        say_token(run, n2->s, n2->n);
        run->i -= 2;
        return 3;
    }
    return 0;
}
