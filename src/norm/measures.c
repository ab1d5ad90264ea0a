/*
 * measures.c - a number and its unit: "5 km", "30°C", "2.4GHz", "1.82m",
 * "2,000 sq. ft.", "180 mg/dL", "2h 15m", percentages, dimensions ("25 x
 * 7 m"), inch marks (5'10"), and a unit after a number said earlier ("4
 * 1/2 lbs", "per kWh").
 *
 * Units are only expanded after a number, so "m" alone stays a letter; a
 * glued "m" is metres unless a plural noun after it ("5m people") shows it
 * means million.  Units that are also common words ("in", "s", "g") count
 * only when glued to the number.  The units themselves are a table
 * (tables.c).
 */
#include "token.h"

#include <string.h>


static const char *const million_nouns[] = {
    "people", "users", "viewers", "customers", "children", "homes", "jobs",
    "households", "votes", "visitors", "years", "residents", "patients",
    "doses", "tonnes", "barrels", "copies", "subscribers", "followers",
    "passengers", "adults", "workers", "members", "deaths", "cases", NULL
};

static void say_unit(norm_run *run, const unit *u, const numlit *nl)
{
    const char *w;
    int one = num_is_one(nl);
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

/* Weighing words: "weighed 10 st" is stone, where "10 st" alone is not. */
static const char *const weigh_words[] = {
    "weigh", "weighs", "weighed", "weighing", "weight", "lost", "gained",
    "lose", "gain", "losing", "gaining", "shed", "tipped", "over", "under", NULL
};

/* Is the unit after the number, a word or a lone letter when it stands
 * alone ("g", "l", "st", "W"), a unit here?  What follows decides: "of"
 * or a small word ("30 g of sugar", "5 l bottle", "a 100 W bulb"), or the
 * end of the clause ("approx. 10 g."); never a capitalised word or a
 * number ("100 W Main St" is West).  Seconds need "of" ("10 s of
 * silence"); stone a weighing word before or pounds after ("weighed 10
 * st", "10 st 4 lb"); "in", "x" and the scales are words or other rules'. */
static int spaced_unit_holds(const norm_run *run, const unit *u, long unit_off)
{
    const tok *nx = tok_at(run, unit_off), *n2 = tok_at(run, unit_off + 1);
    int clause_end = nx->trailn || !n2 || !n2->n;
    int small_next = !clause_end && !n2->leadn && is_lower((unsigned char)n2->s[0]);
    int of_next = !clause_end && tok_is(n2, "of");
    static const char *const letters[] = {"g", "l", "L", "t", "h", "V", "W", NULL};
    if (!strcmp(u->abbr, "s"))
        return of_next;
    if (!strcmp(u->abbr, "st")) {
        static const char *const pound_units[] = {"lb", "lbs", NULL};
        const tok *n3 = tok_at(run, unit_off + 2), *num = tok_at(run, unit_off - 1);
        /* a spaced small "st" after a whole number not ending in 1 (or in
           11) is no ordinal split off ("21 st") and no street (a street
           has a name): stone, "a 10 st man", "from 18 st to 12 st" */
        if (nx->n >= 2 && nx->s[0] == 's' && num && tok_all_digits(num) && num->n <= 3 &&
            (num->s[num->n - 1] != '1' || (num->n >= 2 && num->s[num->n - 2] == '1')))
            return 1;
        if (!clause_end && n2 && tok_all_digits(n2) && n3 && word_in(n3->s, n3->n, pound_units))
            return 1;
        for (long k = 1; k <= 3; k++) {
            const tok *t = tok_at(run, unit_off - 1 - k);
            if (!t || (t->trailn && k > 1))
                break;
            if (word_in(t->s, t->n, weigh_words))
                return 1;
        }
        return 0;
    }
    if (!strcmp(u->abbr, "C") || !strcmp(u->abbr, "F")) {
        /* "temperatures hit 40 C": a spaced C or F is degrees only with a
           word of temperature before it in the clause ("grade C", "Block
           40 C" are letters) */
        static const char *const temp_words[] = {
            "temperature", "temperatures", "temp", "temps", "heat", "heatwave",
            "thermometer", "thermometers", "mercury", "high", "highs", "low", "lows",
            "warm", "warmer", "hot", "hotter", "cold", "colder", "freezing", "chilly",
            "degrees", NULL
        };
        for (long k = 1; k <= 6; k++) {
            const tok *t = tok_at(run, unit_off - 1 - k);
            int stop = !t;
            for (size_t j = 0; t && j < t->trailn; j++)
                stop |= strchr(".;:!?", t->trail[j]) != NULL;
            if (stop)
                break;
            if (word_in(t->s, t->n, temp_words))
                return 1;
        }
        return 0;
    }
    for (size_t i = 0; letters[i]; i++)
        if (!strcmp(u->abbr, letters[i]))
            return clause_end || small_next || of_next;
    return 0;
}

/* The exponent of "10^8", "2^3", "10^-6", as said: "squared", "cubed",
 * "to the eighth", "to the minus sixth"; anything but a small whole number
 * "to the power of" it ("2^n", "10^2.5"). */
static void say_exponent(norm_run *run, const char *e, size_t en)
{
    size_t neg = en > 1 && e[0] == '-';
    size_t k = neg;
    while (k < en && is_digit((unsigned char)e[k]))
        k++;
    if (k != en || k == neg || en - neg > 3) {
        out_words(run->o, "to the power of");
        say_token(run, e, en);
        return;
    }
    if (!neg && en == 1 && (e[0] == '2' || e[0] == '3')) {
        out_word(run->o, e[0] == '2' ? "squared" : "cubed", e[0] == '2' ? 7 : 5);
        return;
    }
    out_word(run->o, "to", 2);
    out_word(run->o, "the", 3);
    if (neg)
        out_word(run->o, "minus", 5);
    num_ordinal(run->o, e + neg, en - neg);
}

/* A number and its unit at s, glued ("5km", "30°C", "1.82m", "5%") or in
 * the tokens after it ("5 km", "2,000 sq. ft."): *consumed says how many
 * tokens after it the unit took.  Returns 1 when said. */
static int measure_token(norm_run *run, const char *s, size_t n, size_t *consumed)
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
        if ((!strncmp(nx->s, "Bn", 2) && (nx->n == 2 || (nx->n == 3 && nx->s[2] == '.'))) &&
            !nl.point && !nl.commas && nl.ipn <= 2 && nl.ip[0] != '0') {
            /* "2 Bn", British Army style: the second Battalion (a billion
               is "bn": "$2bn", "2 bn people") */
            SET(run, CLS_ABBREVIATION, "battalion");
            num_ordinal(run->o, nl.ip, nl.ipn);
            out_word(run->o, "Battalion", 9);
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
            /* a letter that alone is too many things ("g", "t", "l") is a
               unit when a unit is under it: "5 g/cm3", "3 t/ha" */
            if (ua && (!(ua->flags & U_GLUED_ONLY) || ub) && strcmp(ua->abbr, "%") &&
                (ub ? strcmp(ub->abbr, "%") != 0 : pw != NULL)) {
                SET(run, CLS_MEASURE, "number-unit-per");
                num_say(run->o, &nl);
                say_unit(run, ua, &nl);
                say_per(run, ub, pw);
                *consumed = 1;
                return 1;
            }
        }
        if (!u || ((u->flags & U_GLUED_ONLY) && !spaced_unit_holds(run, u, 1)) ||
            !strcmp(u->abbr, "%"))
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
        /* "2x8", "4×4": dimensions; "3.2×10^8" a number times a power */
        int power = restn > 3 && rest[1] == '1' && rest[2] == '0' && rest[3] == '^';
        SET(run, power ? CLS_MATH : CLS_MEASURE, power ? "times-power" : "dimension");
        num_say(run->o, &nl);
        out_word(run->o, power ? "times" : "by", power ? 5 : 2);
        say_token(run, rest + 1, restn - 1);
        return 1;
    }
    if (rest[0] == '^' && restn > 1) {
        SET(run, CLS_MATH, "power");
        num_say(run->o, &nl);
        say_exponent(run, rest + 1, restn - 1);
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
        out_words(run->o, num_is_one(&nl) ? "minute" : "minutes");
        numlit sec;
        size_t secd = tok_is_glued(nx, second_units);
        if (!run->t[run->i].trailn && secd && secd <= 2) {
            /* the seconds go with it: alone "10s" would be a decade */
            num_scan(nx->s, nx->n, &sec);
            num_say(run->o, &sec);
            out_words(run->o, num_is_one(&sec) ? "second" : "seconds");
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

/* measure_token as a multi-token row: tokens used (a spaced unit is one) */
size_t measure_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    size_t consumed = 0;
    return measure_token(run, t->s, t->n, &consumed) ? 1 + consumed : 0;
}

/* measure_token for say_numeric, which says one token or a piece of one:
 * the tokens it would use after it are not counted */
int measure_in_token(norm_run *run, const char *s, size_t n)
{
    size_t consumed = 0;
    return measure_token(run, s, n, &consumed);
}

/* "5%" that measure_token left */
int say_percent(norm_run *run, const char *s, size_t n)
{
    numlit nl;
    size_t k = num_scan(s, n, &nl);
    if (!(k && k + 1 == n && s[k] == '%'))
        return 0;
    SET(run, CLS_MEASURE, "percent");
    num_say(run->o, &nl);
    out_word(run->o, "percent", 7);
    return 1;
}

/* 12" and 5'10": a number marked with the inch sign, when the text's
 * double quotes do not pair up (so this one is no closing quote). */
int say_inches(norm_run *run, const char *s, size_t n)
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

/* "x" or "×" between numbers is a dimension: "25 x 7 m" */
int say_dimension_x(norm_run *run, const char *s, size_t n)
{
    if (n != 1 || (s[0] != 'x' && s[0] != MK_TIMES) || !IS_WHOLE(run, s, n))
        return 0;                      /* a piece of a token has no neighbours */
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    if (pv && nx && pv->n && nx->n &&
        is_digit((unsigned char)pv->s[pv->n - 1]) && is_digit((unsigned char)nx->s[0])) {
        /* "3.2 × 10^8": a number times a power of ten, not a dimension */
        int power = nx->n > 3 && nx->s[0] == '1' && nx->s[1] == '0' && nx->s[2] == '^';
        SET(run, power ? CLS_MATH : CLS_MEASURE, power ? "times-power" : "dimension");
        out_word(run->o, power ? "times" : "by", power ? 5 : 2);
        return 1;
    }
    return 0;
}

/* a unit after a number said earlier: "4 1/2 lbs", "100 million kg";
   after "per" one of it: "30p per kWh" */
int say_unit_after_number(norm_run *run, const char *s, size_t n)
{
    if (!IS_WHOLE(run, s, n))
        return 0;                      /* a piece of a token has no neighbours */
    const tok *pv = tok_at(run, -1);
    const unit *u = NULL;
    int per = pv && !pv->trailn && ieq(pv->s, pv->n, "per");
    if (pv && pv->n && !pv->trailn && (per || is_digit((unsigned char)pv->s[pv->n - 1]) ||
        word_in(pv->s, pv->n, (const char *const[]){"million", "billion", "thousand",
                                                     "hundred", "trillion", NULL})))
        u = unit_find(s, n - (n > 1 && s[n - 1] == '.'));
    if (!u || ((u->flags & U_GLUED_ONLY) && (per || !spaced_unit_holds(run, u, 0))))
        return 0;
    SET(run, CLS_MEASURE, per ? "unit-after-per" : "unit-after-number");
    /* "1/2 tsp", "3/4 inch": a fraction under one measures one of it */
    const char *sl = pv->n >= 3 ? memchr(pv->s, '/', pv->n) : NULL;
    if (sl && !per && !pv->leadn) {
        unsigned a = 0, b = 0;
        const char *p = pv->s;
        while (p < sl && is_digit((unsigned char)*p))
            a = a * 10 + (unsigned)(*p++ - '0');
        const char *q = sl + 1;
        while (q < pv->s + pv->n && is_digit((unsigned char)*q) && b < 1000)
            b = b * 10 + (unsigned)(*q++ - '0');
        per = p == sl && q == pv->s + pv->n && a >= 1 && a < b;
    }
    if (per)
        out_words(run->o, run->o->gb || !u->one_us ? u->one : u->one_us);
    else
        out_words(run->o, run->o->gb || !u->many_us ? u->many : u->many_us);
    return 1;
}
