/*
 * money.c - amounts of money and measurements.
 *
 * The currency word goes after the number, as spoken ("five point three
 * million pounds" for "£5.3m"), with pence/cents said separately when there
 * are exactly two decimals.  Units are only expanded after a number, so "m"
 * alone stays a letter; a glued "m" is metres unless money or a plural noun
 * after it ("5m people") shows it means million.  Units that are also common
 * words ("in", "s", "g") count only when glued to the number.
 */
#include "token.h"

#include <string.h>

static const struct { const char *w; const char *say; } scales[] = {
    {"k", "thousand"}, {"K", "thousand"}, {"thousand", "thousand"},
    {"m", "million"}, {"M", "million"}, {"mn", "million"}, {"mln", "million"},
    {"million", "million"}, {"b", "billion"}, {"B", "billion"},
    {"bn", "billion"}, {"BN", "billion"}, {"billion", "billion"},
    {"tn", "trillion"}, {"trn", "trillion"}, {"trillion", "trillion"},
    /* Indian copy: "Rs 500 crore" is five hundred crore rupees */
    {"lakh", "lakh"}, {"lakhs", "lakh"}, {"crore", "crore"}, {"crores", "crore"},
};

static const char *scale_of(const char *s, size_t n, int allow_short)
{
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        size_t l = strlen(scales[i].w);
        if (l == n && !memcmp(scales[i].w, s, n) && (allow_short || l > 2 ||
            !strcmp(scales[i].w, "bn") || !strcmp(scales[i].w, "tn") ||
            !strcmp(scales[i].w, "m") || !strcmp(scales[i].w, "b")))
            return scales[i].say;
    }
    return NULL;
}

static const struct { const char *w; const char *say; } pers[] = {
    {"mo", "month"}, {"month", "month"}, {"yr", "year"}, {"year", "year"},
    {"wk", "week"}, {"week", "week"}, {"d", "day"}, {"day", "day"},
    {"hr", "hour"}, {"h", "hour"}, {"hour", "hour"}, {"kg", "kilogram"},
    {"lb", "pound"}, {"head", "head"}, {"person", "person"}, {"night", "night"},
    {"annum", "annum"}, {"litre", "litre"}, {"l", "litre"}, {"km", "kilometre"},
    {"mile", "mile"}, {"share", "share"},
};

static const char *per_of(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof pers / sizeof pers[0]; i++)
        if (ieq(s, n, pers[i].w))
            return pers[i].say;
    return NULL;
}

static int is_one(const numlit *nl)
{
    if (nl->neg || nl->point)
        return 0;
    size_t i = 0;
    while (i + 1 < nl->ipn && nl->ip[i] == '0')
        i++;
    return nl->ipn - i == 1 && nl->ip[i] == '1';
}

/* Before these nouns an amount is an adjective and the currency stays
 * singular: "a $1.2bn deal" is "a one point two billion dollar deal". */
static const char *const attributive[] = {
    "deal", "package", "contract", "fund", "scheme", "project", "investment",
    "bid", "takeover", "loan", "budget", "bailout", "plan", "programme",
    "program", "settlement", "transfer", "upgrade", "redevelopment", "fee",
    "note", "ticket", "charge", "coin", "bill", "bonus", "payout", "donation",
    "grant", "lawsuit", "fine", "stake", "acquisition", "merger", "expansion",
    "overhaul", "scandal", "fraud", "industry", "business", "company", "sale",
    "price", "prize", "salary", "bet", "offer", "order", "payment", "mansion",
    "home", "house", "stadium", "facility", "hospital", "bridge", "tunnel", "bond",
    NULL
};

static int next_is_attributive(const norm_run *run, size_t consumed)
{
    const tok *nx = tok_at(run, 1 + (long)consumed);
    const tok *me = tok_at(run, (long)consumed);
    return nx && me && !me->trailn && !nx->leadn && nx->n &&
           is_lower((unsigned char)nx->s[0]) && word_in(nx->s, nx->n, attributive);
}

static void say_money(nr_out *o, const currency *cur, const numlit *nl, const char *scale,
                      int attrib)
{
    if (attrib && !(nl->point && !scale && cur->sub_one)) {
        num_say(o, nl);
        if (scale)
            out_words(o, scale);
        out_words(o, cur->one);
        return;
    }
    if (scale) {
        num_say(o, nl);
        out_words(o, scale);
        out_words(o, cur->many);
        return;
    }
    size_t fpn = nl->fpn;
    while (fpn > 2 && nl->fp[fpn - 1] == '0')
        fpn--;                          /* $2.000 */
    if (nl->point && fpn <= 2 && cur->sub_one) {
        unsigned cents = 0;
        for (size_t i = 0; i < 2; i++)
            cents = cents * 10 + (unsigned)(i < fpn ? nl->fp[i] - '0' : 0);
        numlit ip = *nl;
        ip.point = 0;
        ip.fpn = 0;
        int intzero = 1;
        for (size_t i = 0; i < ip.ipn; i++)
            if (ip.ip[i] != '0' && ip.ip[i] != ',')
                intzero = 0;
        if (!intzero || !cents) {
            if (!ip.ipn) {
                out_word(o, "zero", 4);
            } else {
                num_say(o, &ip);
            }
            out_words(o, is_one(&ip) ? cur->one : cur->many);
        } else if (nl->neg) {
            out_word(o, "minus", 5);
        }
        if (cents) {
            if (!intzero)
                out_word(o, "and", 3);
            num_cardinal_u(o, cents);
            out_words(o, cents == 1 ? cur->sub_one : cur->sub_many);
        }
        return;
    }
    num_say(o, nl);
    out_words(o, is_one(nl) ? cur->one : cur->many);
}

/* "-a-year", "-a-month": a rate glued to an amount ("a $50,000-a-year job");
 * returns the period, or NULL. */
static const char *rate_suffix(const char *s, size_t n)
{
    if (n < 4 || s[0] != '-' || (s[1] != 'a' && s[1] != 'A') || s[2] != '-')
        return NULL;
    return per_of(s + 3, n - 3);
}

/* After an article a rate is an adjective: the currency stays singular and
 * the period follows ("a ten million dollar a year deal"); otherwise it is
 * an amount ("earned three point two billion dollars a year"). */
static void say_rate(nr_out *o, const currency *cur, const numlit *nl, const char *scale,
                     const char *period, int adjective)
{
    num_say(o, nl);
    if (scale)
        out_words(o, scale);
    out_words(o, adjective ? cur->one : cur->many);
    out_word(o, "a", 1);
    out_words(o, period);
}

/* "a $50,000-a-year job": after an article the rate describes a noun */
static int rate_is_adjective(const norm_run *run)
{
    const tok *pv = tok_at(run, -1);
    return pv && !pv->trailn && (tok_is(pv, "a") || tok_is(pv, "an") || tok_is(pv, "the"));
}

/* The next token is a scale word with a hyphen glued to what follows:
 * "$1.2 million-$1.5 million" is a range, said with the currency once at
 * the end; "$10 million-a-year" a rate.  Returns the tokens used after the
 * amount, or 0 (nothing said) when the next token is no such thing. */
static size_t money_scale_joined(norm_run *run, const currency *cur, const numlit *nl)
{
    const tok *nx = tok_at(run, 1);
    const char *dash = nx ? memchr(nx->s, '-', nx->n) : NULL;
    if (!dash || nx->leadn || run->t[run->i].trailn)
        return 0;
    const char *scale = scale_of(nx->s, (size_t)(dash - nx->s), 0);
    if (!scale)
        return 0;
    size_t rn = (size_t)(nx->s + nx->n - dash);
    const char *period = rate_suffix(dash, rn);
    if (period) {
        SET(run, CLS_MONEY, "money-rate");
        say_rate(run->o, cur, nl, scale, period, rate_is_adjective(run));
        return 1;
    }
    const char *r = dash + 1;
    rn--;
    size_t used = 0;
    numlit nr;
    if (currency_sign(r, rn, &used) != cur)
        return 0;
    size_t k = num_scan(r + used, rn - used, &nr);
    if (!k || nr.neg)
        return 0;
    const char *scale2 = NULL;
    size_t cons = 1;
    const tok *n2 = tok_at(run, 2);
    if (used + k < rn) {
        scale2 = scale_of(r + used + k, rn - used - k, 1);
    } else if (n2 && !nx->trailn && !n2->leadn) {
        scale2 = scale_of(n2->s, n2->n, 0);
        cons = 2;
    }
    if (!scale2)
        return 0;       /* "$1.2 million-$1.5": no telling what the second is */
    SET(run, CLS_MONEY, "money-range");
    num_say(run->o, nl);
    out_words(run->o, scale);
    out_word(run->o, "to", 2);
    num_say(run->o, &nr);
    out_words(run->o, scale2);
    out_words(run->o, next_is_attributive(run, cons) ? cur->one : cur->many);
    return cons;
}

/* "USD 5", "CHF 2.3 million", "USD 2.3bn", "Rs 500 crore": a currency code
 * before the amount is said after it, and after its scale. */
size_t money_code(norm_run *run)
{
    const tok *t = &run->t[run->i];
    const currency *cur = currency_code(t->s, t->n);
    int rs = 0;
    if (!cur && (ieq(t->s, t->n, "Rs") || ieq(t->s, t->n, "Rs.")) && t->s[0] == 'R') {
        cur = currency_word("Rs");  /* "Rs 500", "Rs. 500" */
        rs = 1;
    }
    const tok *nx = tok_at(run, 1);
    if (!cur || !nx || (t->trailn && !(rs && t->trailn == 1 && t->trail[0] == '.')) ||
        !nx->n || !is_digit((unsigned char)nx->s[0]))
        return 0;
    numlit nl;
    size_t k = num_scan(nx->s, nx->n, &nl);
    const char *scale = NULL;
    size_t used = 2;
    if (!k || nl.neg)
        return 0;
    if (k < nx->n) {
        scale = scale_of(nx->s + k, nx->n - k, 1);     /* "USD 2.3bn" */
        if (!scale)
            return 0;
    } else {
        const tok *n2 = tok_at(run, 2);
        if (n2 && !nx->trailn && !n2->leadn && (scale = scale_of(n2->s, n2->n, 0)) != NULL)
            used = 3;                                   /* "CHF 2.3 million" */
    }
    run->cls = CLS_MONEY;
    run->rule = "currency-code";
    if (scale) {
        say_money(run->o, cur, &nl, scale, next_is_attributive(run, used - 1));
    } else {
        num_say(run->o, &nl);
        out_words(run->o, nl.ipn == 1 && nl.ip[0] == '1' && !nl.point ? cur->one : cur->many);
    }
    return used;
}

int money_token(norm_run *run, const char *s, size_t n, size_t *consumed)
{
    *consumed = 0;
    int neg = 0;
    if (n > 1 && s[0] == '-') {
        neg = 1;
        s++;
        n--;
    }
    size_t used = 0;
    const currency *cur = currency_sign(s, n, &used);
    numlit nl;
    size_t k;
    const char *rest;
    size_t restn;
    const tok *nx = tok_at(run, 1);
    if (cur) {
        k = num_scan(s + used, n - used, &nl);
        if (!k || nl.neg)
            return 0;
        rest = s + used + k;
        restn = n - used - k;
    } else {
        k = num_scan(s, n, &nl);
        if (!k || nl.neg)
            return 0;
        rest = s + k;
        restn = n - k;
        if (restn == 1 && rest[0] == 'p' && !nl.point && nl.ipn <= 3) {
            SET(run, CLS_MONEY, "pence");
            if (neg) out_word(run->o, "minus", 5);
            num_say(run->o, &nl);
            out_word(run->o, is_one(&nl) ? "penny" : "pence", 5);
            return 1;
        }
        if (restn == 1 && rest[0] == MK_CENT) {
            cur = currency_word("\x10");
            restn = 0;
        } else if (restn == 0 && nx && !nx->leadn && IS_WHOLE(run, s - neg, n + (size_t)neg) &&
                   (cur = currency_code(nx->s, nx->n)) != NULL) {
            *consumed = 1;
        } else {
            return 0;       /* "USD 5" is handled before, at the code */
        }
    }
    if (cur && !neg && restn > 3) {
        /* "$50,000-a-year", "$10m-a-year" */
        const char *dash = memchr(rest, '-', restn);
        const char *period = dash ? rate_suffix(dash, (size_t)(rest + restn - dash)) : NULL;
        const char *sc = NULL;
        if (period && (dash == rest || (sc = scale_of(rest, (size_t)(dash - rest), 1)) != NULL)) {
            SET(run, CLS_MONEY, "money-rate");
            say_rate(run->o, cur, &nl, sc, period, rate_is_adjective(run));
            return 1;
        }
    }
    size_t sign2 = 0;       /* "$500,000-$1.2 million": the sign again */
    if (cur && !neg && restn > 2 && rest[0] == '-' && currency_sign(rest + 1, restn - 1, &sign2) != cur)
        sign2 = 0;
    if (cur && !neg && restn > 1 + sign2 && rest[0] == '-' && is_digit((unsigned char)rest[1 + sign2])) {
        /* "$50-100", "$5-10 million", "$2-3bn": the currency is said once,
         * after the second amount, as it is spoken */
        numlit nr;
        size_t kr = num_scan(rest + 1 + sign2, restn - 1 - sign2, &nr);
        const char *r2 = rest + 1 + sign2 + kr;
        size_t r2n = restn - 1 - sign2 - kr;
        const char *scale = NULL;
        size_t cons = 0;
        if (!kr || nr.neg)
            return 0;
        if (r2n) {
            scale = scale_of(r2, r2n, 1);
            if (!scale)
                return 0;
        } else if (nx && !nx->leadn && IS_WHOLE(run, s, n) &&
                   (scale = scale_of(nx->s, nx->n, 0)) != NULL) {
            cons = 1;
        }
        if (sign2 && !scale)
            return 0;       /* "$50-$100": each amount in full, as written */
        SET(run, CLS_MONEY, "money-range");
        if ((nl.point || nr.point) && !scale) {
            /* "$2.50-3.50": each amount in full */
            say_money(run->o, cur, &nl, NULL, 0);
            out_word(run->o, "to", 2);
            say_money(run->o, cur, &nr, NULL, 0);
            *consumed = cons;
            return 1;
        }
        num_say(run->o, &nl);
        out_word(run->o, "to", 2);
        num_say(run->o, &nr);
        if (scale)
            out_words(run->o, scale);
        /* "a $5-10 million project": a five to ten million dollar project */
        out_words(run->o, (!scale && is_one(&nr)) || next_is_attributive(run, cons) ? cur->one : cur->many);
        *consumed = cons;
        return 1;
    }
    nl.neg = neg;
    const char *scale = NULL;
    const char *per = NULL;
    if (restn) {
        const char *sl = memchr(rest, '/', restn);
        size_t sn = sl ? (size_t)(sl - rest) : restn;
        if (sn) {
            scale = scale_of(rest, sn, 1);
            if (!scale)
                return 0;
        }
        if (sl) {
            per = per_of(sl + 1, restn - sn - 1);
            if (!per)
                return 0;
        }
    } else if (!*consumed && !neg && IS_WHOLE(run, s, n) &&
               (*consumed = money_scale_joined(run, cur, &nl)) != 0) {
        return 1;
    } else if (!*consumed && nx && !nx->leadn && IS_WHOLE(run, s - neg, n + (size_t)neg) &&
               (scale = scale_of(nx->s, nx->n, 0)) != NULL) {
        *consumed = 1;
    }
    SET(run, CLS_MONEY, scale ? "money-scaled" : "money");
    say_money(run->o, cur, &nl, scale, !per && next_is_attributive(run, *consumed));
    if (per) {
        out_word(run->o, "per", 3);
        out_words(run->o, per);
    }
    return 1;
}

static const char *const million_nouns[] = {
    "people", "users", "viewers", "customers", "children", "homes", "jobs",
    "households", "votes", "visitors", "years", "residents", "patients",
    "doses", "tonnes", "barrels", "copies", "subscribers", "followers",
    "passengers", "adults", "workers", "members", "deaths", "cases", NULL
};

static void say_unit(norm_run *run, const unit *u, const numlit *nl)
{
    const char *w;
    int one = is_one(nl);
    if (!run->o->gb && u->one_us)
        w = one ? u->one_us : u->many_us;
    else
        w = one ? u->one : u->many;
    out_words(run->o, w);
}

static const numlit ONE = {.ip = "1", .ipn = 1};

/* "a 5km run", "an 8GB phone": after "a" and before a word, a measure is an
 * adjective and its unit stays singular, as a reader says it.  "a" cannot
 * open a plural noun phrase, so the pattern is safe; the word after must
 * not end the phrase ("a 5km of road" is no English; "a 5km." has none).
 * unit_off is the token holding the unit: 0 glued ("5km"), 1 spaced ("5.56
 * mm"), 2 for "850 sq ft"; the tokens up to it must run on unpunctuated. */
static int measure_is_attributive(const norm_run *run, long unit_off)
{
    const tok *pv = tok_at(run, -1), *me = tok_at(run, unit_off), *nx = tok_at(run, unit_off + 1);
    for (long i = 0; i < unit_off; i++)
        if (tok_at(run, i)->trailn)
            return 0;
    static const char *const not_nouns[] = {
        "of", "and", "or", "to", "from", "in", "on", "at", "for", "by", "per",
        "long", "wide", "high", "deep", "tall", "away", "off", "ahead", "behind",
        "later", "earlier", NULL
    };
    return pv && me && nx && !pv->trailn && !me->trailn && !nx->leadn && nx->n &&
           (ieq(pv->s, pv->n, "a") || ieq(pv->s, pv->n, "an")) &&
           is_lower((unsigned char)nx->s[0]) && !word_in(nx->s, nx->n, not_nouns);
}

/* "per" and the denominator: a unit in the singular ("per hour"), or the
   words given when the unit is not one we know. */
static void say_per(norm_run *run, const unit *u, const char *words)
{
    out_word(run->o, "per", 3);
    if (u) {
        say_unit(run, u, &ONE);
    } else {
        out_words(run->o, words);
    }
}

/* Is t a number with one of the units in abbrs glued to it ("2h", "10s")?
 * Returns the digits before the point, or 0. */
static size_t tok_is_glued(const tok *t, const char *const *abbrs)
{
    numlit nl;
    if (!t || t->leadn || !t->n || !is_digit((unsigned char)t->s[0]))
        return 0;
    size_t k = num_scan(t->s, t->n, &nl);
    return k && k < t->n && !nl.neg && word_in(t->s + k, t->n - k, abbrs) ? nl.ipn : 0;
}

static const char *const hour_units[] = {"h", "hr", "hrs", NULL};
static const char *const second_units[] = {"s", "sec", "secs", NULL};

/* "2h 15m", "3h 2m 10s", "2m 10s": a glued m between hours and seconds is
 * minutes; "15m" alone keeps its other readings (metres, million).  A
 * seconds figure has at most two digits ("5m 1990s" is no duration). */
static int glued_m_is_minutes(const norm_run *run)
{
    const tok *pv = tok_at(run, -1), *me = tok_at(run, 0), *nx = tok_at(run, 1);
    size_t sec = tok_is_glued(nx, second_units);
    return (pv && !pv->trailn && tok_is_glued(pv, hour_units)) ||
           (me && !me->trailn && sec && sec <= 2);
}

/* "1.2m-tonne ship", "a 5m-year-old fossil": a glued m before a hyphen
 * and one of these counts them in millions ("5m-long" stays metres). */
static const char *const million_modified[] = {
    "tonne", "tonnes", "ton", "tons", "barrel", "barrels", "year", "strong",
    "acre", "hectare", "square", "cubic", "litre", "liter", "gallon", "pound",
    "dollar", "euro", "member", "seat", "unit", "word", "user", "home", NULL
};

int measure_token(norm_run *run, const char *s, size_t n, size_t *consumed)
{
    *consumed = 0;
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (!k)
        return 0;
    const char *rest = s + k;
    size_t restn = n - k;
    const tok *nx = tok_at(run, 1);
    if (!restn) {
        if (!nx || nx->leadn || !nx->n || run->t[run->i].trailn || !IS_WHOLE(run, s, n))
            return 0;
        if (nx->n == 1 && nx->s[0] == '%') {
            SET(run, CLS_MEASURE, "percent");
            num_say(run->o, &nl);
            out_word(run->o, "percent", 7);
            *consumed = 1;
            return 1;
        }
        const unit *u = unit_find(nx->s, nx->n);
        if (!u && nx->n > 1 && nx->s[nx->n - 1] == '.')
            u = unit_find(nx->s, nx->n - 1);   /* "7 m." ending a sentence */
        const tok *n2 = tok_at(run, 2);
        if (u && !strcmp(u->abbr, "sq") && n2 && n2->n &&
            (!nx->trailn || (nx->trailn == 1 && nx->trail[0] == '.'))) {
            /* "2.06 sq mi", "500 sq ft", "2,000 sq. ft." */
            const unit *u2 = unit_find(n2->s, n2->n - (n2->n > 1 && n2->s[n2->n - 1] == '.'));
            if (!u2 || (u2->flags & U_GLUED_ONLY))
                return 0;
            SET(run, CLS_MEASURE, "square-unit");
            num_say(run->o, &nl);
            out_word(run->o, "square", 6);
            say_unit(run, u2, measure_is_attributive(run, 2) ? &ONE : &nl);
            *consumed = 2;
            return 1;
        }
        const char *nsl = u ? NULL : memchr(nx->s, '/', nx->n);
        if (nsl && nsl > nx->s && nsl + 1 < nx->s + nx->n) {
            /* "3 cc/s", "10 mg/kg": a compound unit is "per" the second */
            size_t ln = (size_t)(nsl - nx->s), rn = nx->n - ln - 1;
            const unit *ua = unit_find(nx->s, ln), *ub = unit_find(nsl + 1, rn);
            const char *pw = ub ? NULL : per_of(nsl + 1, rn);
            if (ua && !(ua->flags & U_GLUED_ONLY) && strcmp(ua->abbr, "%") &&
                (ub ? strcmp(ub->abbr, "%") != 0 : pw != NULL)) {
                SET(run, CLS_MEASURE, "number-unit-per");
                num_say(run->o, &nl);
                say_unit(run, ua, &nl);
                say_per(run, ub, pw);
                *consumed = 1;
                return 1;
            }
        }
        /* "a 100 W bulb": a spaced W is watts before a small word or at
           the end, not before a name ("100 W Main St" is West) */
        int watts = u && !strcmp(u->abbr, "W") &&
                    (nx->trailn || !n2 || !n2->n || n2->leadn || is_lower((unsigned char)n2->s[0]));
        if (!u || ((u->flags & U_GLUED_ONLY) && !watts) || !strcmp(u->abbr, "%"))
            return 0;
        /* "5 m" after a number: metres, but "100 m people" is unlikely; a
         * capital M alone is ambiguous, leave it */
        SET(run, CLS_MEASURE, "number-unit");
        num_say(run->o, &nl);
        say_unit(run, u, measure_is_attributive(run, 1) ? &ONE : &nl);   /* "a 5.56 mm round" */
        *consumed = 1;
        return 1;
    }
    if (rest[0] == MK_FRAC) {
        SET(run, CLS_FRACTION, "vulgar-mixed");
        num_say(run->o, &nl);
        out_word(run->o, "and", 3);
        if (restn == 4 && rest[1] == '1' && rest[2] == '/' && (rest[3] == '2' || rest[3] == '4')) {
            out_word(run->o, "a", 1);
            out_word(run->o, rest[3] == '2' ? "half" : "quarter", rest[3] == '2' ? 4 : 7);
        } else {
            say_token(run, rest + 1, restn - 1);
        }
        return 1;
    }
    if (restn > 2 && rest[0] == 'm' && rest[1] == '-' && !nl.neg && IS_WHOLE(run, s, n)) {
        const char *w = rest + 2, *e = memchr(w, '-', restn - 2);
        if (word_in(w, e ? (size_t)(e - w) : restn - 2, million_modified)) {
            SET(run, CLS_CARDINAL, "million");
            num_say(run->o, &nl);
            out_word(run->o, "million", 7);
            say_token(run, w, restn - 2);
            return 1;
        }
    }
    if (restn == 1 && rest[0] == 's' && !nl.point && !nl.neg) {
        /* "over-18s", "in their 70s": the number as a plural noun */
        SET(run, CLS_CARDINAL, "plural-number");
        int of;
        unsigned long long v = num_value(&nl, &of);
        const char *round = v == 100 ? "hundreds" : v == 1000 ? "thousands" :
                            v == 1000000 ? "millions" : v == 1000000000ULL ? "billions" : NULL;
        if (round && !of) {
            out_word(run->o, round, strlen(round));   /* "1,000s of fans" */
            return 1;
        }
        num_say(run->o, &nl);
        out_pluralize(run->o);
        return 1;
    }
    if (restn == 1 && rest[0] == '%') {
        SET(run, CLS_MEASURE, "percent");
        num_say(run->o, &nl);
        out_word(run->o, "percent", 7);
        return 1;
    }
    if ((rest[0] == 'x' || rest[0] == MK_TIMES) && restn > 1 && is_digit((unsigned char)rest[1])) {
        /* "2x8", "4×4": dimensions */
        SET(run, CLS_MEASURE, "dimension");
        num_say(run->o, &nl);
        out_word(run->o, "by", 2);
        say_token(run, rest + 1, restn - 1);
        return 1;
    }
    if (rest[0] == '^' && restn > 1) {
        SET(run, CLS_MATH, "power");
        num_say(run->o, &nl);
        out_words(run->o, "to the power of");
        say_token(run, rest + 1, restn - 1);
        return 1;
    }
    const char *sl = memchr(rest, '/', restn);
    size_t un = sl ? (size_t)(sl - rest) : restn;
    /* the denominator, without the full stop ending a sentence: the
       writer's "." after "100km/h." is said again at the end of it */
    size_t pn = sl ? restn - un - 1 : 0;
    if (pn > 1 && sl[pn] == '.')
        pn--;
    if (sl == rest && restn > 1) {
        const unit *pu = unit_find(rest + 1, restn - 1);
        if (!pu || !strcmp(pu->abbr, "%"))
            return 0;
        SET(run, CLS_MEASURE, "per-unit");
        num_say(run->o, &nl);
        say_per(run, pu, NULL);
        return 1;
    }
    const unit *u = unit_find(rest, un);
    if (!u)
        return 0;
    const unit *per = NULL;
    if (sl) {
        per = unit_find(sl + 1, pn);
        if (!per) {
            const char *p = per_of(sl + 1, pn);
            if (!p)
                return 0;
        }
    }
    if (!strcmp(u->abbr, "st")) {
        /* "3st", "9st 4lb": stone, but "1st", "21st" are ordinals unless a
         * pounds figure follows ("21st 4lb"); "11st" too, more often a slip
         * for "11th" than a weight */
        static const char *const pound_units[] = {"lb", "lbs", NULL};
        if (sl || nl.neg || (!nl.point && nl.ipn && nl.ip[nl.ipn - 1] == '1' &&
            !(IS_WHOLE(run, s, n) && !run->t[run->i].trailn && tok_is_glued(nx, pound_units))))
            return 0;
    }
    if (!strcmp(u->abbr, "m") && !sl && !nl.neg && IS_WHOLE(run, s, n) && glued_m_is_minutes(run)) {
        SET(run, CLS_MEASURE, "duration");
        num_say(run->o, &nl);
        out_words(run->o, is_one(&nl) ? "minute" : "minutes");
        numlit sec;
        size_t secd = tok_is_glued(nx, second_units);
        if (!run->t[run->i].trailn && secd && secd <= 2) {
            /* the seconds go with it: alone "10s" would be a decade */
            num_scan(nx->s, nx->n, &sec);
            num_say(run->o, &sec);
            out_words(run->o, is_one(&sec) ? "second" : "seconds");
            *consumed = 1;
        }
        return 1;
    }
    if (!strcmp(u->abbr, "m") && !nl.neg) {
        int million = 0;
        if (nx && nx->n && !nx->leadn && word_in(nx->s, nx->n, million_nouns))
            million = 1;
        static const char *const race_words[] = {
            "hurdles", "freestyle", "butterfly", "backstroke", "breaststroke",
            "medley", "heats", "semis", "finals", "metres", "meters", NULL
        };
        /* "3m homes": a plural noun after it counts things, unless it is a race */
        if (nx && nx->n > 3 && !nx->leadn && is_lower((unsigned char)nx->s[0]) &&
            nx->s[nx->n - 1] == 's' && nx->s[nx->n - 2] != 's' && !word_in(nx->s, nx->n, race_words))
            million = 1;
        if (million) {
            SET(run, CLS_CARDINAL, "million");
            num_say(run->o, &nl);
            out_word(run->o, "million", 7);
            return 1;
        }
    }
    SET(run, CLS_MEASURE, "glued-unit");
    num_say(run->o, &nl);
    if (!strcmp(u->many, "thousand") || !strcmp(u->many, "billion") ||
        !strcmp(u->many, "million") || !strcmp(u->many, "trillion") ||
        !strcmp(u->many, "times") || !strcmp(u->many, "percent"))
        out_words(run->o, u->many);
    else if (!sl && measure_is_attributive(run, 0))
        say_unit(run, u, &ONE);          /* "a 5km run": a five kilometer run */
    else
        say_unit(run, u, &nl);
    if (sl) {
        say_per(run, per, per ? NULL : per_of(sl + 1, pn));
    }
    return 1;
}
