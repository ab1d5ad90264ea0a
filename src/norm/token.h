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

typedef struct ctx {
    nr_out *o;
    const tok *t;
    size_t nt;
    size_t i;           /* token being said */
    const char *cls, *rule;
    int sentence_start; /* token i starts a sentence */
    int title_used;     /* an abbreviation was said as a title before a name */
    int odd_quotes;     /* the text has an odd number of '"': one is an inch mark */
    int abbrev_dot;     /* the '.' after token i was its abbreviation's (Colo.) */
} ctx;

/* rules.c: say one token (or a piece of one) with the neighbours in c. */
void say_token(ctx *c, const char *s, size_t n);
/* rules.c: multi-token patterns at c->i; returns tokens consumed or 0. */
size_t say_multi(ctx *c);
/* dates.c */
size_t date_multi(ctx *c);
size_t zone_multi(ctx *c);
int    date_numeric(ctx *c, const char *s, size_t n);
void   say_decade(nr_out *o, const char *s, size_t n);
/* "March fifteenth" (no year), the way the US reads a date */
void   say_month_day(nr_out *o, int m, unsigned d);
/* money.c */
int    money_token(ctx *c, const char *s, size_t n, size_t *consumed_next);
int    measure_token(ctx *c, const char *s, size_t n, size_t *consumed_next);
/* "USD 5", "CHF 2.3 million": tokens consumed or 0 */
size_t money_code(ctx *c);
/* electronic.c */
int    phone_multi(ctx *c, size_t *consumed);
int    electronic_token(ctx *c, const char *s, size_t n);
void   say_url(nr_out *o, const char *s, size_t n);
/* words.c */
int    word_token(ctx *c, const char *s, size_t n);
int    roman_value(const char *s, size_t n);
int    say_quarter(ctx *c, const char *s, size_t n);

/* phone.c, serial.c */
int    say_version(ctx *c, const char *s, size_t n);
int    say_math(ctx *c, const char *s, size_t n);
int    say_isbn(ctx *c, const char *s, size_t n);
int    say_model_number(ctx *c, const char *s, size_t n);

/* Records the class and rule of what a rule says (first setter wins). */
#define SET(c_, k_, r_) do { if (!(c_)->cls) { (c_)->cls = (k_); (c_)->rule = (r_); } } while (0)

/* Is s the whole of the current token (so its neighbours are its own)? */
#define IS_WHOLE(c_, s_, n_) ((s_) == (c_)->t[(c_)->i].s && (n_) == (c_)->t[(c_)->i].n)

/* Neighbour access that tolerates the ends of the array. */
const tok *tok_at(const ctx *c, long off);
int tok_is_cap_word(const tok *t);
int tok_is(const tok *t, const char *w);
int tok_all_digits(const tok *t);

#endif
