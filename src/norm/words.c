/*
 * words.c - alphabetic tokens: lexicon, abbreviations by context,
 * initialisms and acronyms, letters mixed with digits (Roman numerals are
 * roman.c's).
 *
 * Context is what decides an abbreviation: "Dr" before a name is Doctor and
 * after a street name is Drive; "St" likewise Saint/Street; "No." is Number
 * only before a number.
 */
#include "token.h"

#include <string.h>
#include <utf8proc.h>

static int all_upper(const char *s, size_t n);

static void say_lex(nr_out *o, const lex_entry *e, const char *s, size_t n)
{
    if (e->mode == LEX_SAY)
        out_words(o, e->say);
    else if (e->mode == LEX_SPELL)
        acro_say(o, s, n);
    else
        out_word(o, s, n);
}

/* Capitals only, counting capitals past ASCII ("ÖVP", "ČEZ"). */
static int all_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; ) {
        if ((unsigned char)s[i] < 0x80) {
            if (!is_upper((unsigned char)s[i]))
                return 0;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
            return 0;
        i += (size_t)k;
    }
    return n > 0;
}

/* Writes s in small letters into low (cap bytes); 0 when it does not fit. */
static size_t lower_word(const char *s, size_t n, char *low, size_t cap)
{
    size_t w = 0;
    for (size_t i = 0; i < n; ) {
        utf8proc_int32_t cp = (unsigned char)s[i];
        utf8proc_ssize_t k = 1;
        if (cp >= 0x80)
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return 0;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (w + (size_t)e > cap)
            return 0;
        memcpy(low + w, enc, (size_t)e);
        w += (size_t)e;
        i += (size_t)k;
    }
    return w;
}

/* Titles in capitals, as datelines and shouted headlines write them: "ST.
 * PAUL", "DR. KING", "SEN. JONES" -> Saint, Doctor, Senator.  Only with the
 * full stop and a capitalised word next, so ST, DR and SEN alone stay
 * letters or words. */
static int say_caps_title(norm_run *run, const char *s, size_t n)
{
    const tok *cur = &run->t[run->i], *nx = tok_at(run, 1);
    size_t k = n && s[n - 1] == '.' ? n - 1 : n;
    int dot = k < n || (cur->trailn == 1 && cur->trail[0] == '.');
    if (!dot || !IS_WHOLE(run, s, n) || !nx || nx->leadn || !tok_is_cap_word(nx) || nx->n < 3)
        return 0;                      /* "GOV. UK" is no governor */
    const abbrev *a = abbrev_find_caps_title(s, k);
    if (!a)
        return 0;
    SET(run, CLS_ABBREVIATION, a->key);
    out_words(run->o, a->say);
    run->title_used = 1;
    run->abbrev_dot = k == n;
    return 1;
}

/* Is t a military or civil title abbreviation ("Lt.", "Maj", "Rev.")?
 * Then a title after it is one too, with or without a name: "the Lt. Col.
 * said", "Maj. Gen." */
static int after_title(const tok *t)
{
    if (!t || t->trailn || t->n < 2 || !is_upper((unsigned char)t->s[0]))
        return 0;
    static const char *const ranks[] = {
        "Lt", "Lt.", "Maj", "Maj.", "Brig", "Brig.", "Lieut", "Lieut.", "Gen", "Gen.",
        "Sgt", "Sgt.", "Vice", "Rear", "Lance", "Staff", "Wing", "Flight", "Group",
        "Air", "Field", "Col", "Col.", "Cdr", "Cdr.", NULL
    };
    return word_in(t->s, t->n, ranks);
}

/* An abbreviation of the table (tables.c) where its context allows it:
 * "Dr Smith" Doctor, "Baker St" Street, "No. 10" number. */
static int say_abbrev(norm_run *run, const char *s, size_t n)
{
    const abbrev *a = abbrev_find(s, n);
    int dotted = n && s[n - 1] == '.';
    if (!a && dotted)
        a = abbrev_find(s, n - 1);

    if (!a && !dotted)
        return 0;
    if (!a)
        return 0;
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    if (!dotted && ieq(s, n, "Gen") && nx && !run->t[run->i].trailn &&
        (tok_is(nx, "X") || tok_is(nx, "Y") || tok_is(nx, "Z") || tok_is(nx, "Alpha") ||
         tok_is(nx, "Xers") || tok_is(nx, "Zers") || tok_is(nx, "Z'ers")))
        return 0;                      /* a generation, not a general: "Gen Z" */
    int next_num = nx && nx->n && (is_digit((unsigned char)nx->s[0]) || nx->s[0] == '#') &&
                   !nx->leadn;
    int next_name = nx && tok_is_cap_word(nx) && !nx->leadn && !run->t[run->i].trailn;
    if (!next_name && nx && nx->n > 2 && !nx->leadn && !run->t[run->i].trailn &&
        is_upper((unsigned char)nx->s[0]) && (a->flags & AB_TITLE)) {
        /* a title before another title: "Lt. Col. Smith", "Rev. Dr. King" */
        const abbrev *na = abbrev_find(nx->s, nx->n);
        if (!na && nx->s[nx->n - 1] == '.')
            na = abbrev_find(nx->s, nx->n - 1);
        if (na && (na->flags & AB_TITLE))
            next_name = 1;
    }
    int prev_name = pv && !pv->trailn && !run->sentence_start &&
                    (tok_is_cap_word(pv) || (pv->n >= 3 && is_digit((unsigned char)pv->s[0]) &&
                                             is_alpha((unsigned char)pv->s[pv->n - 1])));
                    /* "Elm St", "1st St" */
    if (dotted && prev_name && next_name && is_opener(nx->s, nx->n))
        next_name = 0;                 /* "Elm St. It was": a street ends here */
    const char *say = NULL;
    if (a->flags & AB_NUMBER) {
        if (next_num)
            say = a->say;
    } else if (a->flags & AB_TITLE) {
        if (!strcmp(a->key, "Ste") && next_num)
            say = "Suite";             /* "Ste 200" */
        else if (!strcmp(a->key, "Dr") && prev_name && !next_name)
            say = "Drive";
        else if (!strcmp(a->key, "St") && prev_name && !next_name)
            say = "Street";
        else if (next_name || (a->flags & AB_ANY) || after_title(pv))
            say = a->say;              /* a title, or the second of two: "the Lt. Col." */
        else if (dotted && !strcmp(a->key, "St"))
            say = "Street";
    } else if (a->flags & AB_AFTERNAME) {
        if (!strcmp(a->key, "Co")) {
            /* a company suffix after a name, "&"/"and", or before Ltd/Inc:
             * "Smith & Co", "Acme Co.", "Co Ltd"; a county before a name
             * when no name comes first: "Co Durham", "in Co. Antrim" */
            int amp = pv && !pv->trailn && (ieq(pv->s, pv->n, "&") || ieq(pv->s, pv->n, "and"));
            int corp = nx && !nx->leadn && !run->t[run->i].trailn &&
                       (ieq(nx->s, nx->n, "Ltd") || ieq(nx->s, nx->n, "Ltd.") ||
                        ieq(nx->s, nx->n, "Limited") || ieq(nx->s, nx->n, "Inc") ||
                        ieq(nx->s, nx->n, "Inc.") || ieq(nx->s, nx->n, "LLC") ||
                        ieq(nx->s, nx->n, "plc"));
            if (amp || corp)
                say = "Company";
            else if (next_name && !(dotted && is_opener(nx->s, nx->n)))
                say = "County";
            else if (prev_name)
                say = "Company";
        } else if (!strcmp(a->key, "Coy")) {
            /* a company by its letter or number: "A Coy", "HQ Coy", "2 Coy"
               ("Wayne Coy" is a name) */
            if (pv && !pv->trailn && pv->n <= 3 && (all_upper(pv->s, pv->n) || tok_all_digits(pv)))
                say = a->say;
        } else if (prev_name || (a->flags & AB_ANY))
            say = a->say;
    } else if (a->flags & AB_DOT) {
        if (dotted || strchr(a->key, '.'))
            say = a->say;
    } else {
        say = a->say;
    }
    if (!say)
        return 0;
    if (next_name && (((a->flags & AB_TITLE) && strcmp(say, "Drive") && strcmp(say, "Street")) ||
                      !strcmp(say, "County")))
        run->title_used = 1;            /* its full stop is not the sentence's */
    /* nor where the next word goes on the phrase: "Smith vs. Jones", "Drake
       feat. Rihanna", "Microsoft Corp. CEO Satya Nadella" (but "Apple Inc.
       The company ..." ends one), "Pennsylvania Ave. NW" */
    static const char *const joiners[] = {
        "versus", "featuring", "approximately", "compare", "namely", "also known as", NULL
    };
    static const char *const quadrants[] = {"NW", "NE", "SW", "SE", NULL};
    if (nx && nx->n && !nx->leadn && !run->t[run->i].trailn &&
        (word_in(say, strlen(say), joiners) ||
         ((a->flags & AB_AFTERNAME) && prev_name && !is_opener(nx->s, nx->n) &&
          (is_upper((unsigned char)nx->s[0]) || is_digit((unsigned char)nx->s[0]))) ||
         word_in(nx->s, nx->n, quadrants)))
        run->title_used = 1;
    SET(run, CLS_ABBREVIATION, a->key);
    out_words(run->o, say);
    return 1;
}

/* "U.S.", "a.m.", "C." -> letters */
static int say_initialism(norm_run *run, const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_alpha((unsigned char)s[i])) {
            if (i + 1 < n && s[i + 1] != '.')
                return 0;
            letters++;
        } else if (s[i] != '.') {
            return 0;
        }
    }
    if (!letters || !memchr(s, '.', n))
        return 0;
    if (letters == 1 && !is_upper((unsigned char)s[0]))
        return 0;
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++)
        if (is_alpha((unsigned char)s[i]))
            buf[k++] = s[i];
    /* the lexicon knows short initialisms only; long ones are spelled */
    const lex_entry *e = letters < sizeof buf ? lex_find(&run->o->n->lex, buf, k) : NULL;
    SET(run, CLS_LETTERS, "initialism");
    if (e && e->mode == LEX_SAY) {
        out_words(run->o, e->say);
        return 1;
    }
    if (letters == 1) {
        out_letter(run->o, buf[0], 0);  /* an initial: "C. S. Lewis" */
        const tok *nx = tok_at(run, 1);
        if (nx && tok_is_cap_word(nx) && !is_opener(nx->s, nx->n))
            run->title_used = 1;         /* part of a name, not a sentence end */
        return 1;
    }
    out_letters(run->o, s, n, NULL);     /* skips the dots */
    return 1;
}

static int strpbrk_n(const char *s, size_t n, const char *set);

/* "MI5", "U18", "IP68", "4G", "G7" */
static int say_alnum(norm_run *run, const char *s, size_t n)
{
    /* "ab9453", "x12345": a code of a few small letters and a long number
     * (a code, a one-time password) is spelled out, digit by digit */
    size_t nl = 0;
    while (nl < n && is_lower((unsigned char)s[nl]))
        nl++;
    size_t nd = 0;
    while (nl + nd < n && is_digit((unsigned char)s[nl + nd]))
        nd++;
    if (nl >= 1 && nl <= 3 && nd >= 4 && nd <= 12 && nl + nd == n &&
        !(s[n - 1] == '0' && s[n - 2] == '0')) {   /* "t2000": t two thousand */
        SET(run, CLS_SERIAL, "letters-digits-code");
        out_letters(run->o, s, nl, NULL);
        num_digits(run->o, s + nl, n - nl, 0);
        return 1;
    }
    if (nl >= 1 && nd >= 1 && nl + nd < n && n <= 16) {
        /* "c325b", "ab12cd": small letters and digits mixed are a code:
         * letters spelled, short numbers said, long ones digit by digit */
        size_t i = 0;
        for (; i < n; i++)
            if (!is_lower((unsigned char)s[i]) && !is_digit((unsigned char)s[i]))
                return 0;
        SET(run, CLS_SERIAL, "mixed-code");
        size_t from = run->o->b->len;
        for (i = 0; i < n;) {
            size_t j = i;
            if (is_digit((unsigned char)s[i])) {
                while (j < n && is_digit((unsigned char)s[j]))
                    j++;
                if (j - i <= 2 && s[i] != '0')
                    num_cardinal(run->o, s + i, j - i);
                else
                    num_digits(run->o, s + i, j - i, 0);
            } else {
                while (j < n && is_lower((unsigned char)s[j]))
                    j++;
                out_letters(run->o, s + i, j - i, NULL);
            }
            i = j;
        }
        out_tie_letter_a(run->o, from);
        return 1;
    }
    /* capitals and digits, maybe ending in a small-letter word after the
     * number ("A321neo", "A320sam") or a plural s ("U21s") */
    int has_d = 0, has_u = 0;
    size_t tail = n;                   /* start of the small-letter ending */
    for (size_t i = 0; i < n; i++) {
        if (is_digit((unsigned char)s[i]) && tail == n)
            has_d = 1;
        else if (is_upper((unsigned char)s[i]) && tail == n)
            has_u = 1;
        else if (is_lower((unsigned char)s[i]) && i > 0 &&
                 (tail < n || is_digit((unsigned char)s[i - 1])) && n > 2)
            tail = tail < n ? tail : i;
        else
            return 0;
    }
    if (!has_d || !has_u)
        return 0;
    SET(run, CLS_LETTERS, "letters-digits");
    int plural = s[n - 1] == 's' && is_digit((unsigned char)s[n - 2]);
    if (plural)
        n--;                           /* "U21s": U twenty ones */
    size_t from = run->o->b->len;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (is_digit((unsigned char)s[i])) {
            while (j < n && is_digit((unsigned char)s[j]))
                j++;
            if (j - i >= 3 && j - i <= 4 && s[i] != '0') {
                /* model numbers are said in pairs: A380 "A three eighty" */
                unsigned v = 0;
                for (size_t k = i; k < j; k++)
                    v = v * 10 + (unsigned)(s[k] - '0');
                num_year(run->o, v);
            } else if (j - i <= 2 && s[i] != '0') {
                num_cardinal(run->o, s + i, j - i);
            } else {
                num_digits(run->o, s + i, j - i, 1);
            }
        } else {
            while (j < n && is_alpha((unsigned char)s[j]))
                j++;
            const lex_entry *e = lex_find(&run->o->n->lex, s + i, j - i);
            if (e)
                say_lex(run->o, e, s + i, j - i);
            else if (i >= tail && j - i >= 3 && strpbrk_n(s + i, j - i, "aeiouy"))
                out_word(run->o, s + i, j - i);  /* "neo" of "A321neo" */
            else if (j - i >= 4 && acro_pronounceable(s + i, j - i))
                out_word(run->o, s + i, j - i);
            else
                out_letters(run->o, s + i, j - i, NULL);
        }
        i = j;
    }
    out_tie_letter_a(run->o, from);
    if (plural)
        out_pluralize(run->o);
    return 1;
}

static int strpbrk_n(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (strchr(set, s[i]))
            return 1;
    return 0;
}

/* Words only prose has: in capitals next to other capitals they mark a
 * shouted phrase ("I AM NOT A CROOK", "NO ENTRY"), not a run of acronyms.
 * (Not "US": in capitals that is the country.) */
static const char *const caps_function_words[] = {
    "I", "A", "AM", "ARE", "IS", "WAS", "WE", "IT", "TO", "OF", "IN", "ON",
    "NO", "NOT", "THE", "AND", "FOR", "YOU", "MY", "BE", "DO", "SO", NULL
};

/* A headline set in capitals rather than a run of acronyms: three or more
 * all-capital words of three letters or more around the token, or two when
 * one of them is such a prose word. */
static int in_headline(const norm_run *run)
{
    int caps = 0, function = 0;
    for (long off = -3; off <= 3; off++) {
        const tok *t = tok_at(run, off);
        if (!t || !t->n || t->n > 30 || !all_upper(t->s, t->n))
            continue;
        int fw = word_in(t->s, t->n, caps_function_words);
        function |= fw;
        caps += t->n >= 3 || fw;
    }
    return caps >= 3 || (caps >= 2 && function);
}

static int is_zip(const tok *t)
{
    if (!t || t->leadn || (t->n != 5 && t->n != 10))
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (!is_digit((unsigned char)t->s[i]) && !(i == 5 && t->s[i] == '-'))
            return 0;
    return 1;
}

/* The token before is a place name and a comma: "Santa Clara," "DENVER," */
static int after_place_comma(norm_run *run)
{
    const tok *pv = tok_at(run, -1);
    return pv && pv->trailn && pv->trail[0] == ',' &&
           (tok_is_cap_word(pv) || (pv->n > 1 && all_upper(pv->s, pv->n)));
}

/* Addresses: "Santa Clara, CA 95051" -> "California"; "City, NY." -> "New
 * York".  Only after "Name," and before a ZIP code or at the end of the
 * clause; codes that are also words (OK, HI, ID, OH) only before a ZIP. */
static int say_us_state(norm_run *run, const char *s, size_t n)
{
    if (n > 2 || !is_upper((unsigned char)s[0]))
        return 0;
    const char *name = us_state_find(s, n);
    if (!name || !IS_WHOLE(run, s, n) || run->t[run->i].leadn)
        return 0;
    const tok *nx = tok_at(run, 1);
    if (!after_place_comma(run))
        return 0;
    static const char *const wordlike[] = {"OK", "HI", "ID", "OH", NULL};
    const tok *cur = &run->t[run->i];
    int ends = !nx || (cur->trailn && strchr(".,)!?", cur->trail[0]));
    if (!(nx && !cur->trailn ? is_zip(nx) : 0) &&
        !(cur->trailn && cur->trail[0] == ',' && is_zip(nx)) &&
        !(ends && !word_in(s, n, wordlike)))
        return 0;
    SET(run, CLS_ADDRESS, "us-state");
    out_words(run->o, name);
    return 1;
}

/* Datelines and addresses in AP style: "DENVER, Colo. (AP)", "Albany,
 * N.Y., police said" -> Colorado, New York.  Only with the abbreviation's
 * full stop and right after "Place,", so "Miss Smith", "ill", "Mass" and
 * "Pa" elsewhere keep their own reading. */
static int say_ap_state(norm_run *run, const char *s, size_t n)
{
    if (n > 5 || !is_upper((unsigned char)s[0]))
        return 0;
    const tok *cur = &run->t[run->i];
    if (!IS_WHOLE(run, s, n) || cur->leadn || n < 2)
        return 0;
    size_t k = n;
    if (s[n - 1] == '.')
        k = n - 1;
    else if (!cur->trailn || cur->trail[0] != '.')
        return 0;
    const char *name = ap_state_find(s, k);
    if (!name || !after_place_comma(run))
        return 0;
    SET(run, CLS_ADDRESS, "ap-state");
    out_words(run->o, name);
    /* its full stop is not the sentence's, wherever the tokenizer put it,
       unless the text ends there or a sentence clearly starts */
    const tok *nx = tok_at(run, 1);
    run->title_used = nx && !(!nx->leadn && is_opener(nx->s, nx->n));
    run->abbrev_dot = k == n;
    return 1;
}

/* "1211 E Arques Ave", "708 N 1st St": a compass point between a house
 * number and a street name is said in full */
static int say_compass(norm_run *run, const char *s, size_t n)
{
    if (n > 2 || !is_upper((unsigned char)s[0]))
        return 0;
    static const char *const pts[][2] = {
        {"N", "North"}, {"S", "South"}, {"E", "East"}, {"W", "West"},
        {"NE", "Northeast"}, {"NW", "Northwest"}, {"SE", "Southeast"}, {"SW", "Southwest"},
        {"N.", "North"}, {"S.", "South"}, {"E.", "East"}, {"W.", "West"},
    };
    if (n > 2 || !IS_WHOLE(run, s, n))
        return 0;
    const char *say = NULL;
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++)
        if (strlen(pts[i][0]) == n && !memcmp(pts[i][0], s, n))
            say = pts[i][1];
    const tok *pv = tok_at(run, -1);
    if (say && n == 2 && pv && pv->n > 1 &&
        is_street_word(pv->s, pv->n - (pv->s[pv->n - 1] == '.')) &&
        (!pv->trailn || pv->trail[0] == '.')) {
        /* a quadrant after the street: "1600 Pennsylvania Ave. NW" */
        SET(run, CLS_ADDRESS, "compass-quadrant");
        out_words(run->o, say);
        return 1;
    }
    if (run->t[run->i].trailn)
        return 0;
    if (!say || !pv || pv->trailn || !pv->n || pv->n > 6)
        return 0;
    for (size_t i = 0; i < pv->n; i++)
        if (!is_digit((unsigned char)pv->s[i]))
            return 0;
    for (long k = 1; k <= 4; k++) {
        const tok *t = tok_at(run, k);
        if (!t || !t->n || t->leadn)
            return 0;
        if (k > 1 && is_street_word(t->s, t->n - (t->s[t->n - 1] == '.')))
            break;
        int ordinal = t->n >= 3 && is_digit((unsigned char)t->s[0]) &&
                      is_alpha((unsigned char)t->s[t->n - 1]);
        if ((!tok_is_cap_word(t) && !ordinal) || t->trailn || k == 4)
            return 0;
    }
    SET(run, CLS_ADDRESS, "compass-point");
    out_words(run->o, say);
    run->title_used = 1;                 /* "W." : its full stop is not the sentence's */
    return 1;
}

/* AP's party and state tag after a US politician: "Sen. Elizabeth Warren
 * (D-Mass.)", "R-Calif.", "I-Vt.", "D-N.Y.", "R-TX" -> "Democrat of
 * Massachusetts". */
static int say_party_state(norm_run *run, const char *s, size_t n)
{
    if (n < 4 || n > 8 || s[1] != '-')
        return 0;
    static const char *const party[][2] = {
        {"D", "Democrat"}, {"R", "Republican"}, {"I", "Independent"}
    };
    if (n < 4 || s[1] != '-' || !IS_WHOLE(run, s, n))
        return 0;
    const char *who = NULL;
    for (size_t i = 0; i < sizeof party / sizeof party[0]; i++)
        if (s[0] == party[i][0][0])
            who = party[i][1];
    size_t k = n - (s[n - 1] == '.');
    const char *state = NULL;
    if (who && k > 2)
        state = k - 2 == 2 ? us_state_find(s + 2, 2) : NULL;
    if (who && !state && k > 2)
        state = ap_state_find(s + 2, k - 2);
    if (!state)
        return 0;
    SET(run, CLS_ABBREVIATION, "party-state");
    out_words(run->o, who);
    out_word(run->o, "of", 2);
    out_words(run->o, state);
    /* "(D-Mass.)": the full stop is the abbreviation's, wherever the
       tokenizer put it; no sentence ends here */
    run->title_used = 1;
    run->abbrev_dot = k == n;
    return 1;
}

/* "F-150", "C-130" met as a word (no maker before it): serial.c's model
 * numbers of capitals, a hyphen and three digits */
static int say_model_word(norm_run *run, const char *s, size_t n)
{
    return n >= 5 && n <= 7 && is_upper((unsigned char)s[0]) && say_model_number(run, s, n);
}

/* a word the lexicon has: its respelling, phones or spelling */
static int say_lexicon_word(norm_run *run, const char *s, size_t n)
{
    const lex_entry *e = lex_find(&run->o->n->lex, s, n);
    if (!e)
        return 0;
    SET(run, CLS_LEXICON, "lexicon");
    say_lex(run->o, e, s, n);
    return 1;
}

/* "Dobbs v. Jackson": a small v between capitalised words is "versus" */
static int say_versus(norm_run *run, const char *s, size_t n)
{
    if (n != 1 || (s[0] != 'v' && s[0] != 'V'))
        return 0;
    const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
    if (!(tok_is_cap_word(pv) && tok_is_cap_word(nx) && s[0] == 'v'))
        return 0;
    SET(run, CLS_ABBREVIATION, "versus");
    out_word(run->o, "versus", 6);
    run->abbrev_dot = 1;         /* "Dobbs v. Jackson": no sentence end, */
    run->title_used = 1;         /* whichever side of it the '.' went */
    return 1;
}

/* A&E, S&P, AT&T: capitals joined by "&" are letters with "and" */
static int say_letters_and(norm_run *run, const char *s, size_t n)
{
    const char *amp = memchr(s, '&', n);
    if (!amp || amp == s || amp + 1 >= s + n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '&' && !is_upper((unsigned char)s[i]))
            return 0;
    SET(run, CLS_LETTERS, "ampersand");
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '&') {
            out_letters(run->o, s + st, i - st, NULL);
            if (i < n)
                out_word(run->o, "and", 3);
            st = i + 1;
        }
    }
    return 1;
}

/* All capitals, maybe with a plural s or possessive: an acronym (acronym.c
 * says it as a word or spells it), or in a headline set in capitals, a
 * word. */
static int say_capitals(norm_run *run, const char *s, size_t n)
{
    size_t core = n;
    if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's'))
        core = n - 2;
    else if (n > 2 && s[n - 1] == 's')
        core = n - 1;
    if (core < 2 || !all_upper(s, core))
        return 0;
    SET(run, CLS_LETTERS, "acronym");
    static const char *const small_words[] = {
        "TO", "OF", "IN", "ON", "AT", "BY", "AS", "IS", "IT", "BE", "DO", "GO",
        "HE", "WE", "ME", "MY", "NO", "SO", "UP", "OR", "AN", "IF", "AM", NULL
    };
    if (in_headline(run) && !lex_find(&run->o->n->lex, s, core) &&
        ((core >= 3 && strpbrk_n(s, core, "AEIOUY") && acro_onset_ok(s, core)) ||
         word_in(s, core, small_words))) {
        /* a headline in capitals: its words are words, not acronyms */
        SET(run, CLS_WORD, "headline-capitals");
        char low[64];
        size_t ln = lower_word(s, n, low, sizeof low);
        if (ln) {
            out_word(run->o, low, ln);
            return 1;
        }
    }
    acro_say(run->o, s, n);
    return 1;
}

/* A plain word (letters and inner apostrophes) as written, or in en-US
 * its American spelling (spelling.c) */
static int say_plain_word(norm_run *run, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alpha((unsigned char)s[i]) && s[i] != '\'')
            return 0;
    if (s[0] == '\'')
        return 0;
    if (n == 1 && s[0] == 'A' && IS_WHOLE(run, s, n) && !run->sentence_start &&
        !run->t[run->i].leadn && !run->t[run->i].trailn) {
        /* "Plan A was", "Grade A eggs": a capital A inside a sentence is the
           letter, which Flite would read as the article before a small word */
        const tok *pv = tok_at(run, -1), *nx = tok_at(run, 1);
        if (pv && !(pv->trailn && strchr(":\"'", pv->trail[pv->trailn - 1])) && nx && nx->n &&
            !nx->leadn && is_lower((unsigned char)nx->s[0])) {
            SET(run, CLS_LETTERS, "letter-a");
            out_letter(run->o, 'A', 0);
            return 1;
        }
    }
    if (acro_say_letters_word(run->o, s, n)) {
        SET(run, CLS_LETTERS, "letters-in-word");
        return 1;
    }
    if (!run->o->gb) {
        char us[48];
        if (us_spelling(s, n, us, sizeof us)) {
            SET(run, CLS_SPELLING, "us-spelling");
            out_word(run->o, us, strlen(us));
            return 1;
        }
    }
    out_word(run->o, s, n);
    return 1;
}

/* "No.1", "Vol.2": the abbreviation glued to its number */
int say_number_abbrev(norm_run *run, const char *s, size_t n)
{
    if (!(n > 3 && (s[0] == 'N' || s[0] == 'n' || s[0] == 'V') && !is_digit((unsigned char)s[0])))
        return 0;
    const char *dot = memchr(s, '.', n < 5 ? n : 5);
    if (!dot || dot + 1 >= s + n || !is_digit((unsigned char)dot[1]))
        return 0;
    size_t an = (size_t)(dot - s) + 1;
    const abbrev *a = abbrev_find(s, an);
    if (!a || !(a->flags & AB_NUMBER) || !(s[0] == 'N' || s[0] == 'n' || s[0] == 'V'))
        return 0;
    SET(run, CLS_ABBREVIATION, a->key);
    out_words(run->o, a->say);
    say_token(run, dot + 1, n - an);
    return 1;
}

/* The word rules in their order; the first that says the token wins.
 * Party-state tags, model codes, states and compass points come before
 * the lexicon, which might know their letters as something else; the
 * lexicon before the rules of thumb (abbreviations by context, Roman
 * numerals, initialisms, capitals as acronyms, letters mixed with
 * digits); a plain word, as written, last.  (A chain of calls rather than
 * a table like dispatch.c's: these are static and inlined, where a table
 * of calls cost the normalizer 8 % more instructions.) */
int word_token(norm_run *run, const char *s, size_t n)
{
    return say_greek_letter(run, s, n) ||  /* symbols.c: a lone σ, Δ */
           say_party_state(run, s, n) ||   /* Warren (D-Mass.) */
           say_model_word(run, s, n) ||    /* F-150 */
           say_us_state(run, s, n) ||      /* Santa Clara, CA 95051 */
           say_compass(run, s, n) ||       /* 1211 E Arques Ave */
           say_ap_state(run, s, n) ||      /* DENVER, Colo. */
           say_lexicon_word(run, s, n) ||  /* voices/lexicon.txt: Ofsted, NASA */
           say_abbrev(run, s, n) ||        /* Dr Smith, Baker St, No. 10 */
           say_caps_title(run, s, n) ||    /* ST. PAUL, DR. KING */
           say_versus(run, s, n) ||        /* Dobbs v. Jackson */
           say_roman(run, s, n) ||         /* roman.c: Henry VIII, World War II */
           say_initialism(run, s, n) ||    /* U.S., e.g. */
           say_letters_and(run, s, n) ||   /* AT&T */
           say_capitals(run, s, n) ||      /* FBI, NATO, MPs */
           say_alnum(run, s, n) ||         /* MI5, 4G, A321neo */
           say_plain_word(run, s, n);      /* colour (en-US: color) */
}
