/*
 * telephone.c - telephone numbers and IP addresses.
 *
 * Read digit by digit with a pause (comma) between the groups the writer
 * used, as a presenter reads a number out: UK spaced groups starting with 0
 * or +44, US (555) 123-4567 / 555-123-4567, a +country code, and dotted
 * IPv4 addresses ("one two three dot ...").  Only shapes that cannot be
 * quantities qualify: enough digits, a leading 0 or +, or three groups.
 */
#include "token.h"

#include <string.h>

/* Telephone numbers: "020 7946 0958", "+44 20 7946 0958", "(555) 123-4567",
 * "555-123-4567".  Digits one by one, a pause between groups. */
static void say_phone_group(nr_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (is_digit((unsigned char)s[i]))
            num_digits(o, s + i, 1, o->gb);
        else if ((s[i] == '-' || s[i] == '.') && i > 0)
            out_punct(o, ',');
    }
    out_punct(o, ',');
}

static int digits_only(const char *s, size_t n, size_t lo, size_t hi)
{
    if (n < lo || n > hi)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int us_tail(const char *s, size_t n)
{
    /* 123-4567 or 123-123-4567 (also with dots) */
    if (n == 8)
        return digits_only(s, 3, 3, 3) && (s[3] == '-' || s[3] == '.') &&
               digits_only(s + 4, 4, 4, 4);
    if (n == 12)
        return digits_only(s, 3, 3, 3) && (s[3] == '-' || s[3] == '.') &&
               digits_only(s + 4, 3, 3, 3) && s[7] == s[3] && digits_only(s + 8, 4, 4, 4);
    return 0;
}

/* One token of digit groups: 555-123-4567, (123)-123-5678, 111-11-1111,
 * 123.123.0.40 (an address: "dot" between groups). */
static int phone_token(norm_run *run, const char *s, size_t n)
{
    size_t groups = 0, digits = 0, glen = 0, last = 0, maxg = 0;
    int dots = 0, dashes = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (is_digit((unsigned char)ch)) {
            digits++;
            glen++;
            continue;
        }
        if (!strchr("-.()", ch))
            return 0;
        if (ch == '.') dots++;
        if (ch == '-') dashes++;
        if (glen) { groups++; if (glen > maxg) maxg = glen; }
        glen = 0;
    }
    if (glen) { groups++; last = glen; if (glen > maxg) maxg = glen; }
    if (groups < 3 || (dots && dashes))
        return 0;
    if (dots && groups == 4 && maxg <= 3 && !dashes) {
        SET(run, CLS_ELECTRONIC, "ip-address");
        for (size_t i = 0; i < n; i++) {
            if (is_digit((unsigned char)s[i]))
                num_digits(run->o, s + i, 1, 0);
            else if (s[i] == '.')
                out_word(run->o, "dot", 3);
        }
        return 1;
    }
    if (digits < 9 || digits > 16 || maxg > 4 || (last < 4 && !(groups >= 4)))
        return 0;
    SET(run, CLS_TELEPHONE, "phone");
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && is_digit((unsigned char)s[j]))
            j++;
        if (j > i) {
            num_digits(run->o, s + i, j - i, 0);
            out_punct(run->o, ',');
        }
        i = j > i ? j : i + 1;
    }
    nr_buf *b = run->o->b;
    if (b->len && b->data[b->len - 1] == ',')
        nr_buf_truncate(b, b->len - 1);
    return 1;
}

/* A telephone number or IP address at run->i, in one token or in spaced
 * groups over several.  Returns the tokens used, or 0. */
size_t phone_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    nr_out *o = run->o;
    {
        /* "+1 123-123-5678", "+1-123-123-5678", "+1(123) 123-5678" */
        const char *s = t->s;
        size_t n = t->n;
        int plus = n > 1 && s[0] == '+';
        size_t cc = 0;
        while (plus && 1 + cc < n && is_digit((unsigned char)s[1 + cc]))
            cc++;
        if (plus && cc >= 1 && cc <= 3 && 1 + cc < n && (s[1 + cc] == '-' || s[1 + cc] == '(')) {
            size_t before = o->b->len;
            out_word(o, "plus", 4);
            num_digits(o, s + 1, cc, 0);
            out_punct(o, ',');
            size_t rest = 1 + cc + (s[1 + cc] == '-');
            const tok *nx = tok_at(run, 1);
            if (phone_token(run, s + rest, n - rest))
                return 1;
            /* "+1(123) 123-5678": area code here, number in the next token */
            if (nx && digits_only(s + rest + 1, n - rest - 1 - (s[n - 1] == ')'), 3, 3) &&
                us_tail(nx->s, nx->n)) {
                num_digits(o, s + rest + 1, 3, 0);
                out_punct(o, ',');
                say_phone_group(o, nx->s, nx->n);
                nr_buf_truncate(o->b, o->b->len - (o->b->data[o->b->len - 1] == ','));
                return 2;
            }
            nr_buf_truncate(o->b, before);
        }
        if (plus && cc >= 1 && cc <= 3 && cc + 1 == n && !t->trailn) {
            const tok *nx = tok_at(run, 1);
            if (nx && nx->n >= 8) {
                size_t before = o->b->len;
                norm_class cls = run->cls;
                const char *rule = run->rule;
                out_word(o, "plus", 4);
                num_digits(o, s + 1, cc, 0);
                out_punct(o, ',');
                size_t save_i = run->i;
                run->i++;
                int ok = phone_token(run, nx->s, nx->n);
                run->i = save_i;
                if (ok) {
                    return 2;
                }
                nr_buf_truncate(o->b, before);
                run->cls = cls;
                run->rule = rule;
            }
        }
        if (!plus && phone_token(run, s, n))
            return 1;
    }
    const tok *n1 = tok_at(run, 1);
    if (t->n == 3 && digits_only(t->s, 3, 3, 3) && t->leadn && t->lead[t->leadn - 1] == '(' &&
        t->trailn && t->trail[0] == ')' && n1 && us_tail(n1->s, n1->n) && n1->n == 8) {
        SET(run, CLS_TELEPHONE, "us-phone");
        say_phone_group(o, t->s, t->n);
        say_phone_group(o, n1->s, n1->n);
        if (o->b->len && o->b->data[o->b->len - 1] == ',')
            nr_buf_truncate(o->b, o->b->len - 1);
        return 2;
    }
    /* spaced groups: "020 7946 0958", "+44 20 7946 0958", "07700 900123" */
    int plus = t->s[0] == '+';
    const char *s0 = t->s + plus;
    size_t n0 = t->n - plus;
    if (!digits_only(s0, n0, 1, 5) || t->trailn || !(plus || (s0[0] == '0' && n0 >= 3)))
        return 0;
    size_t total = plus ? 0 : n0, k = 1;
    while (k < 5 && run->i + k < run->nt) {
        const tok *g = &run->t[run->i + k];
        if (g->leadn || !digits_only(g->s, g->n, 2, 6))
            break;
        total += g->n;
        k++;
        if (g->trailn)
            break;
    }
    if (k < 2 || total < 9 || total > 13)
        return 0;
    SET(run, CLS_TELEPHONE, "phone");
    if (plus)
        out_word(o, "plus", 4);
    for (size_t j = 0; j < k; j++) {
        if (j == 0 && plus)
            num_digits(o, s0, n0, 0), out_punct(o, ',');
        else
            say_phone_group(o, run->t[run->i + j].s, run->t[run->i + j].n);
    }
    if (o->b->len && o->b->data[o->b->len - 1] == ',')
        nr_buf_truncate(o->b, o->b->len - 1);
    return k;
}

/* "+44 20 7946 0958", "020 7946 0958", "(555) 123-4567": tried before
 * currency codes for a token of a "+" or two or more digits (phone_multi
 * comes again among the number rows for the rest: "-555-123-4567") */
size_t phone_first(norm_run *run)
{
    const tok *t = &run->t[run->i];
    if (!(t->n > 1 && (t->s[0] == '+' || is_digit((unsigned char)t->s[0]))))
        return 0;
    return phone_multi(run);
}

/* "call 999", "dial 911": a number to dial is read digit by digit.
 * nl: a plain integer that is a whole token (cardinals.c asks). */
int say_dialled_number(norm_run *run, const numlit *nl)
{
    if (nl->ipn < 3 || nl->ipn > 12)
        return 0;
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
    if (!dialled || next_is_count_noun(run))   /* "call 100 people" counts */
        return 0;
    SET(run, CLS_TELEPHONE, "dialled-number");
    num_digits(run->o, nl->ip, nl->ipn, 0);
    return 1;
}

/* "1-800-FLOWERS", "1-800-GO-U-HAUL": a toll-free number spelled with
 * letters is advertised to be said as words; the digits keep their usual
 * "one eight hundred", the letter groups are read as words. */
int say_vanity_number(norm_run *run, const char *s, size_t n)
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

/* Three-digit telephone services are dialled, so said digit by digit: "911"
 * nine one one (the N11 codes), "999", and "111" or "101" after a dialling
 * word or "NHS".  Not counts ("911 people"), not models ("Porsche 911"). */
int say_service_number(norm_run *run, const char *s, size_t n)
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
    /* "elected king in 911", "until 811": after a preposition of time the
       number is a year, unless what follows is the call ("in 911 calls") */
    static const char *const year_preps[] = {
        "in", "since", "until", "till", "by", "around", "circa", "before", "after",
        "from", "AD", "year", NULL
    };
    static const char *const call_words[] = {
        "call", "calls", "caller", "callers", "operator", "operators", "dispatcher",
        "dispatchers", "centre", "center", "line", "system", "service", NULL
    };
    if (!dialled && pv && !pv->trailn && word_in(pv->s, pv->n, year_preps) &&
        !(nx && !run->t[run->i].trailn && word_in(nx->s, nx->n, call_words)))
        return 0;
    SET(run, CLS_TELEPHONE, "service-number");
    num_digits(run->o, s, 3, 1);         /* "one o one", as phone numbers */
    return 1;
}
