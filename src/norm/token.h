/*
 * token.h - the token view the rules work on.
 *
 * A token is a whitespace-separated word of the cleaned text, with leading
 * and trailing punctuation split off so that rules see "13" in "(13," and
 * the writer can still put the comma back.  Rules get the whole token array
 * so they can look at neighbours (month names, titles, units, "in 1990").
 */
#ifndef NR_NORM_TOKEN_H
#define NR_NORM_TOKEN_H

#include "internal.h"

typedef struct tok {
    const char *s;      /* core */
    size_t n;
    const char *lead;   /* punctuation before the core */
    size_t leadn;
    const char *trail;  /* punctuation after the core */
    size_t trailn;
} tok;

/* What a rule said, as the explain callback names it (nr_explain_fn's
 * cls); norm_class_name() gives the name.  CLS_NONE: nothing said yet. */
typedef enum norm_class {
    CLS_NONE = 0,
    CLS_CARDINAL, CLS_DECIMAL, CLS_ORDINAL, CLS_FRACTION, CLS_RANGE, CLS_DATE, CLS_TIME,
    CLS_MONEY, CLS_MEASURE, CLS_TELEPHONE, CLS_ADDRESS, CLS_SERIAL, CLS_VERSION, CLS_MATH,
    CLS_ELECTRONIC, CLS_SYMBOL, CLS_LETTERS, CLS_ABBREVIATION, CLS_ROMAN, CLS_LEXICON,
    CLS_SPELLING, CLS_WORD,
    CLS_COUNT
} norm_class;
const char *norm_class_name(norm_class cls);

typedef struct norm_run {
    nr_out *o;
    const tok *t;
    size_t nt;
    size_t i;           /* token being said */
    norm_class cls;     /* what the rule that said token i said it as */
    const char *rule;   /* ...and that rule's name */
    int sentence_start; /* token i starts a sentence */
    int title_used;     /* an abbreviation was said as a title before a name */
    int odd_quotes;     /* the text has an odd number of '"': one is an inch mark */
    int abbrev_dot;     /* the '.' after token i was its abbreviation's (Colo.) */
} norm_run;

/* True when s starts a number: a digit, or a currency sign before a digit
 * or a point ("$5", "£.50").  Inline: every dispatch asks it. */
static inline int numeric_start(const char *s, size_t n)
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

/*
 * The rules, by file.  dispatch.c calls them in the order of its tables:
 * a multi-token rule (size_t f(norm_run *)) says what starts at run->i and
 * returns the tokens it used; a single-token rule (int f(norm_run *, s, n))
 * says the token or piece s and returns 1.  Both return 0 without writing
 * anything when they do not apply.
 */

/* dispatch.c: the order of the rules */
void   dispatch_prepare(void);      /* once before the first say_*; thread-safe */
size_t say_multi(norm_run *run);                        /* tokens used, or 0 */
void   say_token(norm_run *run, const char *s, size_t n);  /* always says s */
int    say_numeric(norm_run *run, const char *s, size_t n); /* s starts like a number */

/* cardinals.c: plain numbers in context, ordinals */
int    next_is_count_noun(const norm_run *run);     /* "1984 people", "100 troops" */
int    say_whole_number(norm_run *run, const char *s, size_t n);
int    say_ordinal(norm_run *run, const char *s, size_t n);
size_t spaced_thousands(norm_run *run);
size_t ratio_multi(norm_run *run);                 /* 1:50,000, 1: 250000 */
int    say_number_possessive(norm_run *run, const char *s, size_t n);
int    say_signed_number(norm_run *run, const char *s, size_t n);

/* ranges.c */
int    say_range(norm_run *run, const char *s, size_t n);
int    say_spaced_dash(norm_run *run, const char *s, size_t n);
size_t spaced_range(norm_run *run);

/* slash.c: fractions and other slash forms */
int    say_slash_numbers(norm_run *run, const char *s, size_t n);
size_t mixed_fraction(norm_run *run);
int    say_vulgar_fraction(norm_run *run, const char *s, size_t n);
int    say_dangling_slash(norm_run *run, const char *s, size_t n);
int    say_or_pair(norm_run *run, const char *s, size_t n);
int    say_slashed_words(norm_run *run, const char *s, size_t n);

/* symbols.c */
int    say_symbol(norm_run *run, char ch);
int    say_section_sign(norm_run *run, const char *s, size_t n);
int    say_dash_pause(norm_run *run, const char *s, size_t n);
int    say_number_sign(norm_run *run, const char *s, size_t n);
int    say_trailing_plus(norm_run *run, const char *s, size_t n);
int    say_lone_symbol(norm_run *run, const char *s, size_t n);
int    say_greek_letter(norm_run *run, const char *s, size_t n);  /* a word rule */

/* glued.c: what no rule takes whole */
void   say_runs(norm_run *run, const char *s, size_t n);
/* Says the parts of s between the separators sep, each through say_token,
 * with the words join (may be NULL) between them; 0 when s has no sep. */
int    split_on(norm_run *run, const char *s, size_t n, char sep, const char *join);
int    say_glued_number(norm_run *run, const char *s, size_t n);
int    say_hyphenated(norm_run *run, const char *s, size_t n);
int    say_ampersand_words(norm_run *run, const char *s, size_t n);
int    say_pieces(norm_run *run, const char *s, size_t n);

/* dates.c: dates, decades, times, quarters */
size_t date_multi(norm_run *run);
size_t zone_multi(norm_run *run);
int    date_numeric(norm_run *run, const char *s, size_t n);
size_t date_numeric_multi(norm_run *run);
int    say_circa_glued(norm_run *run, const char *s, size_t n);
int    say_quarter(norm_run *run, const char *s, size_t n);
/* "March fifteenth" (no year), the way the US reads a date */
void   say_month_day(nr_out *o, int m, unsigned d);

/* money.c */
size_t money_code(norm_run *run);                   /* "USD 5", "CHF 2.3 million" */
size_t money_multi(norm_run *run);
size_t lsd_multi(norm_run *run);                    /* "3s 6d", "£1 4s", "cost 2d" */
int    money_in_token(norm_run *run, const char *s, size_t n);
/* the word a rate is per: "mo" -> "month", "yr" -> "year"; NULL if none */
const char *per_of(const char *s, size_t n);

/* measures.c */
size_t measure_multi(norm_run *run);
int    measure_in_token(norm_run *run, const char *s, size_t n);
int    say_percent(norm_run *run, const char *s, size_t n);
int    say_inches(norm_run *run, const char *s, size_t n);
int    say_dimension_x(norm_run *run, const char *s, size_t n);
int    say_unit_after_number(norm_run *run, const char *s, size_t n);

/* telephone.c: telephone numbers, IP addresses */
size_t phone_multi(norm_run *run);
size_t phone_first(norm_run *run);
int    say_dialled_number(norm_run *run, const numlit *nl);
int    say_vanity_number(norm_run *run, const char *s, size_t n);
int    say_service_number(norm_run *run, const char *s, size_t n);

/* electronic.c: URLs, e-mail, @handles, #hashtags */
int    electronic_token(norm_run *run, const char *s, size_t n);
/* Does the word (punctuation after it allowed) end in ".uk", ".COM"...? */
int    ends_in_domain(const char *s, size_t n);

/* serial.c: codes read out, versions, equations */
int    say_version(norm_run *run, const char *s, size_t n);
int    say_v_version(norm_run *run, const char *s, size_t n);
int    say_math(norm_run *run, const char *s, size_t n);
/* Is an "=" standing alone among the tokens at offsets lo..hi from run->i? */
int    equals_near(const norm_run *run, long lo, long hi);
int    say_minus_before_equals(norm_run *run, const char *s, size_t n);
int    say_isbn(norm_run *run, const char *s, size_t n);
size_t isbn_multi(norm_run *run);
int    say_model_number(norm_run *run, const char *s, size_t n);
size_t model_number_multi(norm_run *run);
int    say_code_section(norm_run *run, const char *s, size_t n);
int    say_slash_reference(norm_run *run, const char *s, size_t n);

/* words.c: words, abbreviations, initialisms, acronyms */
int    word_token(norm_run *run, const char *s, size_t n);
/* roman.c: Roman numerals after names and counting words (a word rule) */
int    say_roman(norm_run *run, const char *s, size_t n);
int    say_number_abbrev(norm_run *run, const char *s, size_t n);

/* Records the class and rule of what a rule says (first setter wins, so a
 * rule that says a piece through say_token does not relabel the token). */
#define SET(run_, cls_, rule_) do { \
        if (!(run_)->cls) { (run_)->cls = (cls_); (run_)->rule = (rule_); } \
    } while (0)

/* Is s the whole of the current token (so its neighbours are its own)? */
#define IS_WHOLE(run_, s_, n_) ((s_) == (run_)->t[(run_)->i].s && (n_) == (run_)->t[(run_)->i].n)

/* Neighbour access that tolerates the ends of the array. */
const tok *tok_at(const norm_run *run, long off);
int tok_is_cap_word(const tok *t);
int tok_is(const tok *t, const char *w);
int tok_all_digits(const tok *t);

#endif
