/*
 * money.c - amounts of money: "$5", "£5.3m", "$1.2bn deal", "50p", "USD 5",
 * "CHF 2.3 million", "$50-100", "$20/mo", "$10m-a-year".
 *
 * The currency word goes after the number, as spoken ("five point three
 * million pounds" for "£5.3m"), with pence/cents said separately when there
 * are exactly two decimals.  A scale ("m", "bn", "million") scales the
 * amount; before a noun it qualifies ("deal") the currency stays singular.
 * The currencies themselves are a table (tables.c).
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

const char *per_of(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof pers / sizeof pers[0]; i++)
        if (ieq(s, n, pers[i].w))
            return pers[i].say;
    return NULL;
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
            out_words(o, num_is_one(&ip) ? cur->one : cur->many);
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
    out_words(o, num_is_one(nl) ? cur->one : cur->many);
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

/* An amount at s ("$5", "£5.3m", "50p", "$50-100", "$20/mo"), which may
 * take its scale or currency from the tokens after it ("$5 million", "5
 * EUR"): *consumed says how many.  Returns 1 when said. */
static int money_token(norm_run *run, const char *s, size_t n, size_t *consumed)
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
            out_word(run->o, num_is_one(&nl) ? "penny" : "pence", 5);
            return 1;
        }
        if (restn == 1 && rest[0] == MK_CENT) {
            cur = currency_word("\x10");
            restn = 0;
        } else if (restn == 0 && nx && !nx->leadn && IS_WHOLE(run, s - neg, n + (size_t)neg) &&
                   (cur = currency_code(nx->s, nx->n)) != NULL) {
            *consumed = 1;
        } else if (restn == 0 && !neg && nx && !nx->leadn && !nx->trailn && IS_WHOLE(run, s, n) &&
                   tok_at(run, 2) && !tok_at(run, 2)->leadn &&
                   (cur = currency_code(tok_at(run, 2)->s, tok_at(run, 2)->n)) != NULL &&
                   scale_of(nx->s, nx->n, 0)) {
            /* "88.5 million HRK", "2 billion EUR": the code after the scale
               names the currency as it does straight after the number */
            *consumed = 2;
            SET(run, CLS_MONEY, "money-scaled");
            say_money(run->o, cur, &nl, scale_of(nx->s, nx->n, 0), next_is_attributive(run, 2));
            return 1;
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
        out_words(run->o, (!scale && num_is_one(&nr)) || next_is_attributive(run, cons) ? cur->one : cur->many);
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

/*
 * Pounds, shillings and pence, as British money was written before 1971
 * and history still quotes it: "3s 6d" three shillings and sixpence, "£1
 * 4s" one pound four shillings, "2d" twopence, "a 6d stamp" a sixpenny
 * stamp.  A glued s or d after a number is many other things (plurals,
 * seconds, "2d" two-D or the US Army's second), so it is money only when
 * the two come together, after a pound sign, or after a word of prices
 * (cost, paid, for, at...).
 */
static const char *const price_words[] = {
    "cost", "costs", "costing", "price", "priced", "prices", "paid", "pay",
    "pays", "paying", "sold", "sell", "sells", "selling", "bought", "buy",
    "fare", "fares", "worth", "charged", "charge", "charges", "rent",
    "wage", "wages", "for", "at", "only", "just", "than", "earned",
    "earning", "fetched", "raised", "admission", NULL
};

/* "a 6d stamp": things sold by the penny, which make "a 2d" a price */
static const char *const penny_things[] = {
    "stamp", "stamps", "coin", "coins", "piece", "bit", "loaf", "bun", "buns",
    "ticket", "fare", "pint", "packet", "bag", "tin", "bar", "rate", "post",
    "postage", "paper", "newspaper", "magazine", "comic", "note", "postal", NULL
};

/* A whole number of shillings or pence glued to its letter ("3s", "6d",
 * "6d."); its value, or -1. */
static long lsd_amount(const tok *t, char letter)
{
    if (!t || !t->n || t->leadn || t->n > 4)
        return -1;
    size_t k = 0;
    long v = 0;
    while (k < t->n && is_digit((unsigned char)t->s[k]))
        v = v * 10 + (t->s[k++] - '0');
    if (!k || k > 3 || t->s[k] != letter || !(k + 1 == t->n || (k + 2 == t->n && t->s[k + 1] == '.')))
        return -1;
    return v;
}

/* "sixpence", "twopence": pence under a shilling are one word; a penny
 * "penny"; more than eleven "twelve pence".  attrib: "a sixpenny stamp". */
static void say_pence(nr_out *o, long d, int attrib)
{
    if (d == 1) {
        out_words(o, attrib ? "penny" : "one penny");
        return;
    }
    num_cardinal_u(o, (unsigned long long)d);
    if (d > 11) {
        out_word(o, attrib ? "penny" : "pence", 5);
        return;
    }
    /* glue the suffix onto the number word: "six" + "pence" */
    if (!o->err && nr_buf_append(o->b, attrib ? "penny" : "pence", 5) != NR_BUF_OK)
        o->err = 1;
}

static void say_shillings(nr_out *o, long s, int attrib)
{
    num_cardinal_u(o, (unsigned long long)s);
    out_words(o, s == 1 || attrib ? "shilling" : "shillings");   /* "a two shilling piece" */
}

/* Is there old money earlier in the sentence (up to 12 tokens back): a
 * shillings-and-pence pair, pounds and shillings, or an amount after a
 * word of prices?  Then a lone "4s" or "3d" is money too: "from 3s 6d to
 * 4s", "Admission 6d, children 3d". */
static int lsd_before(const norm_run *run)
{
    for (long k = 1; k <= 12; k++) {
        const tok *t = tok_at(run, -k);
        if (!t)
            return 0;
        const tok *nx = tok_at(run, -k + 1);
        int cap_next = nx && nx->n && is_upper((unsigned char)nx->s[0]);
        for (size_t j = 0; j < t->trailn; j++)
            if (t->trail[j] == '!' || t->trail[j] == '?' ||
                (t->trail[j] == '.' && (cap_next || (lsd_amount(t, 'd') < 0 && lsd_amount(t, 's') < 0))))
                return 0;               /* the sentence before ("3s. 6d." is one amount) */
        int d = lsd_amount(t, 'd') >= 0, sh = lsd_amount(t, 's') >= 0;
        if (!d && !sh)
            continue;
        const tok *b = tok_at(run, -k - 1), *a = tok_at(run, -k + 1);
        if ((d && b && lsd_amount(b, 's') >= 0) || (sh && a && lsd_amount(a, 'd') >= 0) ||
            (b && b->n > 1 && b->s[0] == MK_POUND) ||
            (b && !b->trailn && word_in(b->s, b->n, price_words)))
            return 1;
    }
    return 0;
}

size_t lsd_multi(norm_run *run)
{
    const tok *t = &run->t[run->i], *nx = tok_at(run, 1), *n2 = tok_at(run, 2);
    const tok *pv = tok_at(run, -1);
    long pounds = -1, sh = -1, d = -1;
    size_t used = 0;
    if (t->n > 1 && t->s[0] == MK_POUND) {
        /* "£1 4s", "£2 10s 6d" */
        numlit nl;
        size_t k = num_scan(t->s + 1, t->n - 1, &nl);
        if (!k || k + 1 != t->n || nl.point || nl.neg || nl.ipn > 6 || t->trailn)
            return 0;
        int of;
        pounds = (long)num_value(&nl, &of);
        if ((sh = lsd_amount(nx, 's')) < 0)
            return 0;
        used = 2;
        if (!nx->trailn && (d = lsd_amount(n2, 'd')) >= 0)
            used = 3;
    } else if ((sh = lsd_amount(t, 's')) >= 0 && !(t->trailn && t->trail[0] != '.') &&
               (d = lsd_amount(nx, 'd')) >= 0) {
        used = 2;                                   /* "3s 6d", "3s. 6d." */
    } else if ((d = lsd_amount(t, 'd')) >= 0 || (sh = lsd_amount(t, 's')) >= 0) {
        /* "cost 2d", "paid 5s": after a word of prices; "a 6d stamp" */
        const tok *after = tok_at(run, 1);
        int a = pv && (tok_is(pv, "a") || tok_is(pv, "an")) && after &&
                !t->trailn && !after->leadn && word_in(after->s, after->n, penny_things);
        if (!(pv && !pv->trailn && (a || word_in(pv->s, pv->n, price_words))) && !lsd_before(run))
            return 0;
        if (d >= 0 && d > 240)
            return 0;
        used = 1;
    } else {
        return 0;
    }
    SET(run, CLS_MONEY, "pre-decimal");
    nr_out *o = run->o;
    if (pounds >= 0) {
        num_cardinal_u(o, (unsigned long long)pounds);
        out_words(o, pounds == 1 ? "pound" : "pounds");
    }
    if (sh >= 0) {
        const tok *after = tok_at(run, (long)used);
        say_shillings(o, sh, d < 0 && pounds < 0 && used == 1 && pv &&
                             (tok_is(pv, "a") || tok_is(pv, "an")) && after && !t->trailn &&
                             word_in(after->s, after->n, penny_things));
    }
    if (d >= 0) {
        if (sh >= 0 || pounds >= 0)
            out_word(o, "and", 3);
        const tok *after = tok_at(run, (long)used);
        const tok *last = tok_at(run, (long)used - 1);
        int attrib = used == 1 && pv && (tok_is(pv, "a") || tok_is(pv, "an")) && after &&
                     !last->trailn && after->n && is_lower((unsigned char)after->s[0]);
        say_pence(o, d, attrib);
    }
    /* "1s. 3d. each": the full stop after the letter is its own */
    const tok *last = tok_at(run, (long)used - 1);
    run->abbrev_dot = last->trailn && last->trail[0] == '.';
    return used;
}

/* money_token as a multi-token row: tokens used ("$5 million" is two) */
size_t money_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    size_t consumed = 0;
    return money_token(run, t->s, t->n, &consumed) ? 1 + consumed : 0;
}

/* money_token for say_numeric, which says one token or a piece of one:
 * the tokens it would use after it are not counted */
int money_in_token(norm_run *run, const char *s, size_t n)
{
    size_t consumed = 0;
    return money_token(run, s, n, &consumed);
}
