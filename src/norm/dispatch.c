/*
 * dispatch.c - which rule says a token: the order of the rules, as data.
 *
 * norm.c walks the tokens of a text.  At each token it tries the rows of
 * multi_rules[] in order: rules that may read the tokens after it too
 * ("May 13, 2014", "$5 million", "5 km").  The first row that says
 * something returns how many tokens it used.  When none does, say_token()
 * tries the rows of token_rules[] on the token alone, and the first row
 * that says it wins; the last row always does.  Rules that split a token
 * ("40-year-old", "+5", "No.1") say the pieces through say_token() again,
 * so these rows also see pieces, which have no neighbours of their own
 * (IS_WHOLE tells).  A number-like token or piece goes to number_rules[]
 * (say_numeric()).
 *
 * Every rule returns 0 without writing anything when it does not apply,
 * and records what it said with SET (its class and rule name, for
 * --explain).  A row's `on` says what the token must be for the row to be
 * tried at all (a digit first, a number, not a plain word: rule_on below);
 * the test is worked out once per token, and a plain word, most of any
 * text, goes straight to the few rows that can say one.  `on` only skips
 * what the rule would turn down anyway, or states a condition the rule
 * leaves to its caller; the order is the table's.
 *
 * Why this order (docs/normalizer.md lists the same rows with examples):
 *
 * multi_rules: patterns across tokens come before any reading of one token,
 * or the number in "May 13, 2014" would be said alone.  Dates first: a
 * date takes words and numbers ("13th May", "5 pm") that every later rule
 * would read some other way.  A time zone after am/pm ("5pm EST") joins
 * the marker before the zone is read as an acronym.  The code after "ISBN"
 * is read digit by digit before it can look like a telephone number.
 * Telephone numbers of spaced groups ("020 7946 0958", "+44 20 ...") are
 * one number before a group is read as a quantity; currency codes ("USD 5",
 * "CHF 2.3 million") are words, so they come before the number rows.  The
 * number rows: a model number after its maker ("Boeing 737-800") before
 * money, measures and ranges, which would read it as a quantity; thousands
 * set off by spaces ("10 000") before one group is read alone; money ("$5
 * million": the sign decides) before telephone numbers, numeric dates and
 * times (the shape decides: "24/10/2024", "10:30am") and measures ("5 km",
 * "5m people"); then mixed fractions ("2 1/2") and spaced ranges ("28 -
 * 30"), which only numbers no earlier row took can be.
 *
 * token_rules: first the tokens that are symbols standing alone ("§", a
 * dash: minus next to "=", "to" between numbers, else a pause); circa
 * glued to a year ("c.1850"); electronic forms (URLs, e-mail) before
 * anything that splits at dots, slashes or "@".  Then numbers with something glued
 * that decides how they are read ("29th's", "14/", "#1", "y=x+1", "No.1",
 * "18+") and digit-led codes that are no quantities (ISBN, inch marks,
 * "1-800-FLOWERS", "911", "401(k)").  Then the ON_NUMBER_LIKE rows: the
 * last of them says any such token in pieces, so no later row sees a
 * number.  Then forms that start with something else: vulgar fractions
 * ("½"), "v2.1", ranges of words ("Mon-Fri", "Jan-15"), a dimension "x"
 * and a unit after a number said before ("4 1/2 lbs"): the words whose
 * meaning the number before them gives.  Then words (words.c: lexicon,
 * abbreviations, Roman numerals, initialisms, acronyms, letters and
 * digits, en-US spelling), and last what is left: a lone symbol, words
 * joined by a slash, hyphen or "&", and glued text split into runs.
 *
 * number_rules (say_numeric): money (the sign decides), numeric dates and
 * times, measures, then a plain number (year or quantity), a percentage,
 * an ordinal ("21st"), a slash form ("3/4") and a range ("2009-2013").
 *
 * To add a rule: write it as a function in the file of its class, add a
 * row where it belongs (the first row that says a token wins), update the
 * list in docs/normalizer.md, and add golden cases (tests/golden/normalize).
 */
#include "token.h"

#include <pthread.h>
#include <string.h>

/* What a row needs of the token before it is tried (rows whose need is
 * not met are skipped): */
typedef enum rule_on {
    ON_ANY,             /* nothing: any token, plain words too */
    ON_NOT_WORD,        /* not a plain word (a letter, then letters and apostrophes) */
    ON_DIGIT,           /* a digit first */
    ON_NUMBER,          /* a digit, or a currency sign or "-" before one */
    ON_NUMBER_LIKE,     /* that, or ".", "'" or "+" before a digit */
    ON_COUNT
} rule_on;

/* cls: the class the row says things as, as --explain names it (a row of
 * several readings gives its main one); CLS_NONE: the row says nothing of
 * its own, only the pieces of the token, through say_token(). */
typedef struct multi_rule {
    norm_class cls;
    rule_on on;
    size_t (*say)(norm_run *run);       /* tokens used, from run->i; 0: not this */
} multi_rule;

typedef struct token_rule {
    norm_class cls;
    rule_on on;
    int (*say)(norm_run *run, const char *s, size_t n);   /* 1: said; 0: not this */
} token_rule;

static const multi_rule multi_rules[] = {
    {CLS_DATE,      ON_ANY,      date_multi},        /* dates.c   May 13, 2014; 13th May; 5 pm */
    {CLS_TIME,      ON_ANY,      zone_multi},        /* dates.c   5pm EST */
    {CLS_SERIAL,    ON_DIGIT,    isbn_multi},        /* serial.c  ISBN 978-0-14-103614-4 */
    {CLS_TELEPHONE, ON_NOT_WORD, phone_first},       /* telephone.c  020 7946 0958, +1 212-555-0100 */
    {CLS_MONEY,     ON_ANY,      money_code},        /* money.c   USD 5, CHF 2.3 million */
    {CLS_SERIAL,    ON_NUMBER,   model_number_multi}, /* serial.c  Boeing 737-800, 777X */
    {CLS_CARDINAL,  ON_NUMBER,   spaced_thousands},  /* cardinals.c  10 000 */
    {CLS_CARDINAL,  ON_DIGIT,    ratio_multi},       /* cardinals.c  1:50,000, 1: 250000 */
    {CLS_MONEY,     ON_NUMBER,   lsd_multi},         /* money.c   3s 6d, £1 4s, cost 2d */
    {CLS_MONEY,     ON_NUMBER,   money_multi},       /* money.c   $5 million, £5.3m, 50p */
    {CLS_TELEPHONE, ON_NUMBER,   phone_multi},       /* telephone.c  -555-123-4567 */
    {CLS_DATE,      ON_NUMBER,   date_numeric_multi}, /* dates.c   24/10/2024, 10:30am, 1990s */
    {CLS_MEASURE,   ON_NUMBER,   measure_multi},     /* measures.c  5 km, 30°C, 5m people */
    {CLS_FRACTION,  ON_NUMBER,   mixed_fraction},    /* slash.c   2 1/2 */
    {CLS_RANGE,     ON_NUMBER,   spaced_range},      /* ranges.c  28 - 30 */
};

static const token_rule token_rules[] = {
    {CLS_SYMBOL,       ON_NOT_WORD,    say_section_sign},        /* symbols.c  §, §§ */
    {CLS_MATH,         ON_NOT_WORD,    say_minus_before_equals}, /* serial.c  10 - 4 = 6 */
    {CLS_RANGE,        ON_NOT_WORD,    say_spaced_dash},         /* ranges.c  4:00 am - 8:12 pm */
    {CLS_NONE,         ON_NOT_WORD,    say_dash_pause},          /* symbols.c  word - word */
    {CLS_DATE,         ON_NOT_WORD,    say_circa_glued},         /* dates.c   c.1850 */
    {CLS_ELECTRONIC,   ON_NOT_WORD,    electronic_token},        /* electronic.c  bbc.co.uk, a@b.com */
    {CLS_NONE,         ON_DIGIT,       say_number_possessive},   /* cardinals.c  29th's */
    {CLS_NONE,         ON_DIGIT,       say_dangling_slash},      /* slash.c   14/ they */
    {CLS_SYMBOL,       ON_NOT_WORD,    say_number_sign},         /* symbols.c  #1 */
    {CLS_MATH,         ON_NOT_WORD,    say_math},                /* serial.c  y=x+1 */
    {CLS_ABBREVIATION, ON_NOT_WORD,    say_number_abbrev},       /* words.c   No.1, Vol.2 */
    {CLS_NONE,         ON_NOT_WORD,    say_trailing_plus},       /* symbols.c  18+ */
    {CLS_SERIAL,       ON_DIGIT,       say_isbn},                /* serial.c  (ISBN) 0-14-103614-X */
    {CLS_MEASURE,      ON_DIGIT,       say_inches},              /* measures.c  5'10" */
    {CLS_TELEPHONE,    ON_DIGIT,       say_vanity_number},       /* telephone.c  1-800-FLOWERS */
    {CLS_TELEPHONE,    ON_DIGIT,       say_service_number},      /* telephone.c  911, 999 */
    {CLS_SERIAL,       ON_DIGIT,       say_code_section},        /* serial.c  401(k) */
    {CLS_NONE,         ON_NUMBER_LIKE, say_signed_number},       /* cardinals.c  +5 */
    {CLS_DATE,         ON_NUMBER_LIKE, say_quarter},             /* dates.c   2Q22 */
    {CLS_SERIAL,       ON_NUMBER_LIKE, say_slash_reference},     /* serial.c  123/261788/2021 */
    {CLS_CARDINAL,     ON_NUMBER_LIKE, say_numeric},             /* number_rules below */
    {CLS_VERSION,      ON_NUMBER_LIKE, say_version},             /* serial.c  2.1.0 */
    {CLS_NONE,         ON_NUMBER_LIKE, say_glued_number},        /* glued.c   1-2-3, 12ab: always */
    {CLS_FRACTION,     ON_NOT_WORD,    say_vulgar_fraction},     /* slash.c   ½ */
    {CLS_VERSION,      ON_NOT_WORD,    say_v_version},           /* serial.c  v2.1.0 */
    {CLS_RANGE,        ON_NOT_WORD,    say_range},               /* ranges.c  Mon-Fri, Jan-15 */
    {CLS_MEASURE,      ON_ANY,         say_dimension_x},         /* measures.c  25 x 7 */
    {CLS_MEASURE,      ON_ANY,         say_unit_after_number},   /* measures.c  4 1/2 lbs, per kWh */
    {CLS_WORD,         ON_ANY,         word_token},              /* words.c   Dr, FBI, NATO, VIII */
    {CLS_SYMBOL,       ON_NOT_WORD,    say_lone_symbol},         /* symbols.c  &, %, ~ */
    {CLS_WORD,         ON_NOT_WORD,    say_or_pair},             /* slash.c   he/she */
    {CLS_WORD,         ON_NOT_WORD,    say_hyphenated},          /* glued.c   well-known, NATO-led */
    {CLS_WORD,         ON_NOT_WORD,    say_slashed_words},       /* slash.c   AC/DC, /r/news */
    {CLS_WORD,         ON_NOT_WORD,    say_ampersand_words},     /* glued.c   rock&roll */
    {CLS_NONE,         ON_ANY,         say_pieces},              /* glued.c   post-9/11threat: always */
};

/* say_numeric(): a token or piece that starts like a number (what follows
 * the sign, for say_signed_number); `on` is not asked here. */
static const token_rule number_rules[] = {
    {CLS_MONEY,    ON_ANY, money_in_token},      /* money.c     $5, £5.3m */
    {CLS_DATE,     ON_ANY, date_numeric},        /* dates.c     24/10/2024, 10:30am */
    {CLS_MEASURE,  ON_ANY, measure_in_token},    /* measures.c  5km */
    {CLS_CARDINAL, ON_ANY, say_whole_number},    /* cardinals.c  in 1984, 1984 people, 2.5 */
    {CLS_MEASURE,  ON_ANY, say_percent},         /* measures.c  5% */
    {CLS_ORDINAL,  ON_ANY, say_ordinal},         /* cardinals.c  21st */
    {CLS_FRACTION, ON_ANY, say_slash_numbers},   /* slash.c     3/4, 9/11, 24/7 */
    {CLS_RANGE,    ON_ANY, say_range},           /* ranges.c    2009-2013, 3-1 */
};

#define ROWS(a) (sizeof (a) / sizeof (a)[0])

/* A plain word (a letter, then letters and apostrophes) is most of any
 * text, and only the ON_ANY rows can say one; dispatch goes straight to
 * those, listed once per table by list_word_rows(). */
static unsigned char multi_word_rows[ROWS(multi_rules)], token_word_rows[ROWS(token_rules)];
static size_t n_multi_word_rows, n_token_word_rows;
static pthread_once_t word_rows_once = PTHREAD_ONCE_INIT;

_Static_assert(ROWS(multi_rules) <= 256 && ROWS(token_rules) <= 256,
               "row numbers are kept in unsigned char");

static void list_word_rows(void)
{
    for (size_t k = 0; k < ROWS(multi_rules); k++)
        if (multi_rules[k].on == ON_ANY)
            multi_word_rows[n_multi_word_rows++] = (unsigned char)k;
    for (size_t k = 0; k < ROWS(token_rules); k++)
        if (token_rules[k].on == ON_ANY)
            token_word_rows[n_token_word_rows++] = (unsigned char)k;
}

void dispatch_prepare(void)
{
    pthread_once(&word_rows_once, list_word_rows);
}

/* A letter, then letters and apostrophes: "the", "Müller", "don't". */
static int is_plain_word(const char *s, size_t n)
{
    if (!is_alpha((unsigned char)s[0]))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!is_alpha((unsigned char)s[i]) && s[i] != '\'')
            return 0;
    return 1;
}

/* Is s what rows marked `on` need?  known[] keeps each answer once worked
 * out (-1: not yet), as the rows that ask come in runs; it starts with
 * ON_ANY and ON_NOT_WORD known to hold (plain words go the short way). */
static inline int on_holds(rule_on on, const char *s, size_t n, signed char known[ON_COUNT])
{
    if (known[on] < 0) {
        int v;
        if (on == ON_NOT_WORD)
            v = !is_plain_word(s, n);
        else if (on == ON_DIGIT)
            v = is_digit((unsigned char)s[0]);
        else if (on == ON_NUMBER)
            v = numeric_start(s, n) || (n > 1 && s[0] == '-' && numeric_start(s + 1, n - 1));
        else
            v = numeric_start(s, n) || (n > 1 && (s[0] == '-' || s[0] == '.' || s[0] == '\'' ||
                                                  s[0] == '+') && is_digit((unsigned char)s[1])) ||
                (n > 2 && s[0] == '-' && numeric_start(s + 1, n - 1));
        known[on] = (signed char)(v != 0);
    }
    return known[on];
}

size_t say_multi(norm_run *run)
{
    const tok *t = &run->t[run->i];
    size_t used = 0;
    if (is_plain_word(t->s, t->n)) {
        for (size_t k = 0; k < n_multi_word_rows && !used; k++)
            used = multi_rules[multi_word_rows[k]].say(run);
    } else {
        signed char known[ON_COUNT] = {[ON_ANY] = 1, [ON_NOT_WORD] = 1, -1, -1, -1};
        for (size_t k = 0; k < ROWS(multi_rules) && !used; k++)
            if (on_holds(multi_rules[k].on, t->s, t->n, known))
                used = multi_rules[k].say(run);
    }
    if (!used) {
        /* a row that tried and gave up may have recorded a class */
        run->cls = CLS_NONE;
        run->rule = NULL;
    }
    return used;
}

void say_token(norm_run *run, const char *s, size_t n)
{
    if (!n)
        return;
    if (is_plain_word(s, n)) {
        for (size_t k = 0; k < n_token_word_rows; k++)
            if (token_rules[token_word_rows[k]].say(run, s, n))
                return;
        return;
    }
    signed char known[ON_COUNT] = {[ON_ANY] = 1, [ON_NOT_WORD] = 1, -1, -1, -1};
    for (size_t k = 0; k < ROWS(token_rules); k++)
        if (on_holds(token_rules[k].on, s, n, known) && token_rules[k].say(run, s, n))
            return;
}

int say_numeric(norm_run *run, const char *s, size_t n)
{
    for (size_t k = 0; k < ROWS(number_rules); k++)
        if (number_rules[k].say(run, s, n))
            return 1;
    return 0;
}
