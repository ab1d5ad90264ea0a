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

/* rules.c: say one token (or a piece of one) with the neighbours in run. */
void say_token(norm_run *run, const char *s, size_t n);
/* rules.c: multi-token patterns at run->i; returns tokens consumed or 0. */
size_t say_multi(norm_run *run);
/* dates.c */
size_t date_multi(norm_run *run);
size_t zone_multi(norm_run *run);
int    date_numeric(norm_run *run, const char *s, size_t n);
void   say_decade(nr_out *o, const char *s, size_t n);
/* "March fifteenth" (no year), the way the US reads a date */
void   say_month_day(nr_out *o, int m, unsigned d);
/* money.c */
int    money_token(norm_run *run, const char *s, size_t n, size_t *consumed_next);
int    measure_token(norm_run *run, const char *s, size_t n, size_t *consumed_next);
/* "USD 5", "CHF 2.3 million": tokens consumed or 0 */
size_t money_code(norm_run *run);
/* telephone.c */
int    phone_multi(norm_run *run, size_t *consumed);
/* electronic.c */
int    electronic_token(norm_run *run, const char *s, size_t n);
void   say_url(nr_out *o, const char *s, size_t n);
/* words.c */
int    word_token(norm_run *run, const char *s, size_t n);
int    roman_value(const char *s, size_t n);
int    say_quarter(norm_run *run, const char *s, size_t n);

/* serial.c */
int    say_version(norm_run *run, const char *s, size_t n);
int    say_math(norm_run *run, const char *s, size_t n);
int    say_isbn(norm_run *run, const char *s, size_t n);
int    say_model_number(norm_run *run, const char *s, size_t n);

/* Records the class and rule of what a rule says (first setter wins). */
#define SET(c_, k_, r_) do { if (!(c_)->cls) { (c_)->cls = (k_); (c_)->rule = (r_); } } while (0)

/* Is s the whole of the current token (so its neighbours are its own)? */
#define IS_WHOLE(c_, s_, n_) ((s_) == (c_)->t[(c_)->i].s && (n_) == (c_)->t[(c_)->i].n)

/* Neighbour access that tolerates the ends of the array. */
const tok *tok_at(const norm_run *run, long off);
int tok_is_cap_word(const tok *t);
int tok_is(const tok *t, const char *w);
int tok_all_digits(const tok *t);

#endif
