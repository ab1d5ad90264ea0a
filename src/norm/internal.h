/*
 * internal.h - shared declarations of the normalizer's parts (src/norm/)
 * that know nothing of tokens; the rules and the token view they share
 * are in token.h.
 *
 * Pipeline: clean.c maps UTF-8 to the working text (typographic
 * punctuation folded to ASCII, letters kept as typed, a few symbols kept
 * as private marker bytes); norm.c cuts it into whitespace tokens and
 * walks them, and dispatch.c decides which rule says each (multi-token
 * rules first, then single-token ones); numbers.c, acronym.c, lexicon.c
 * and the tables in tables.c are the shared vocabulary.  Every rule
 * appends words through the out_* writer (out.c), so spacing and
 * punctuation stay in one place.
 */
#ifndef NR_NORM_INTERNAL_H
#define NR_NORM_INTERNAL_H

#include <stddef.h>
#include "../normalize.h"

/* Marker bytes for symbols that survive cleaning (control bytes never do). */
#define MK_POUND  '\x01'
#define MK_EURO   '\x02'
#define MK_YEN    '\x03'
#define MK_DEGREE '\x04'
#define MK_TIMES  '\x05'
#define MK_FRAC   '\x06' /* glue before a vulgar fraction: "2½" -> 2 MK 1/2 */
#define MK_MICRO  '\x07'
#define MK_WON    '\x0e'
#define MK_RUPEE  '\x0f'
#define MK_CENT   '\x10'
#define MK_SECTION '\x11' /* section sign; "§§" (several) is "sections" */

typedef struct lex_entry {
    char *key;      /* as written */
    char *say;      /* respelling, Flite phones, or NULL for spell/word */
    int   mode;     /* LEX_SAY, LEX_SPELL, LEX_WORD, LEX_PHONES */
    int   icase;    /* key matches case-insensitively */
} lex_entry;

/* LEX_PHONES: the word goes to the synthesizer as written and Flite says
   it with the phones in `say` (nr_norm_each_phones hands them over). */
enum { LEX_SAY = 0, LEX_SPELL = 1, LEX_WORD = 2, LEX_PHONES = 3 };

typedef struct nr_lexicon {
    lex_entry *e;       /* open-addressing table, keyed on lower-case key */
    size_t     cap, n;
    size_t     n_icase; /* entries matching in any case (skip that probe if 0) */
} nr_lexicon;

struct nr_norm {
    nr_locale     locale;
    nr_explain_fn explain;
    void         *explain_ud;
    nr_lexicon    lex;
};

/* Output writer: words joined by single spaces, punctuation glued left. */
typedef struct nr_out {
    nr_buf *b;
    int     err;        /* first nr_buf error, sticky */
    int     gb;         /* British conventions ("and" in numbers, metres) */
    size_t  last_word;  /* offset of the last word written */
    const nr_norm *n;
} nr_out;

/* out.c: the writer */
void out_word(nr_out *o, const char *s, size_t n);
void out_words(nr_out *o, const char *s); /* NUL-terminated, may hold spaces */
void out_pluralize(nr_out *o);         /* last spoken word made plural */
/* Glues a punctuation mark to the last word (never first; of two marks in
 * a row the stronger one stays). */
void out_punct(nr_out *o, char c);
/* Replaces the last word with its ordinal ("twenty one" -> "twenty first"). */
void out_ordinalize(nr_out *o);
/* One letter by name; a lone "A" not before another letter is written "ay"
 * (Flite would read it as the article). */
void out_letter(nr_out *o, char c, int next_is_letter);
void out_spell(nr_out *o, const char *s, size_t n); /* letters and digits */
/* A lone letter A inside a code is tied to the next piece: "A-one"
 * (rewrites what was written since offset from). */
void out_tie_letter_a(nr_out *o, size_t from);
/* Spells the letters of s joined by hyphens ("F-B-I"), suffix glued on
 * ("M-P's"). */
void out_letters(nr_out *o, const char *s, size_t n, const char *suffix);

/* spelling.c: en-US spelling of British forms (colour -> color); 0 if none */
int  us_spelling(const char *s, size_t n, char *out, size_t outsz);

/* clean.c */
/* map (may be NULL): receives, for every output byte, the offset in `in` of
 * the character it came from (size_t values appended as raw bytes), so the
 * explain callback can quote the original text. */
int  clean_text(const char *in, size_t len, nr_buf *out, nr_buf *map);

/* numbers.c */
void num_cardinal(nr_out *o, const char *d, size_t n);  /* digits only */
void num_cardinal_u(nr_out *o, unsigned long long v);
void num_ordinal(nr_out *o, const char *d, size_t n);
/* Digit by digit (non-digits skipped); oh: a zero is said "o". */
void num_digits(nr_out *o, const char *d, size_t n, int oh);
/* As a year is said: "nineteen eighty four", "two thousand nine". */
void num_year(nr_out *o, unsigned v);
/* 100..999 in pairs, as codes and addresses are said: "one fifty", "seven
   thirty seven", "one o five", "one hundred" */
void num_pairs3(nr_out *o, unsigned v);
/* A number as written: "1,234.50", "-3", ".5". */
typedef struct numlit {
    const char *ip; size_t ipn;  /* integer part incl. commas */
    const char *fp; size_t fpn;  /* fraction digits */
    int commas, point, neg;
    size_t len;                  /* chars consumed from the start */
} numlit;
/* Reads the number at the start of s into nl; returns the chars it takes
 * (0: s does not start with one). */
size_t num_scan(const char *s, size_t n, numlit *nl);
/* Says a scanned number: cardinal or decimal, negative, long digit strings
 * digit by digit. */
void num_say(nr_out *o, const numlit *nl);
/* Its integer value; *overflow set when it does not fit. */
unsigned long long num_value(const numlit *nl, int *overflow);
int  num_is_one(const numlit *nl);     /* exactly 1 ("01" too, not "1.0") */
/* ASCII classes, whatever the C locale says; inline because every rule
 * asks them of every byte of its token (calls cost more than the tests
 * did).  Bytes past ASCII reach the rules only as parts of letters (clean.c
 * keeps accented and other letters as UTF-8), so is_alpha counts them. */
static inline int is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int is_alpha(int c) { return is_upper(c) || is_lower(c) || c >= 0x80; }

/* acronym.c */
int  acro_pronounceable(const char *s, size_t n);   /* an acronym said as a word */
/* Could English say these letters as one word (any case, three letters or
 * more: "cat", "org", "nvidia"; not "abc", "https")? */
int  acro_sayable(const char *s, size_t n);
/* A long word's edges: does it begin as English words begin and end as
 * they end ("ourdailynews" yes; "nvidia", "rtxprohelp", "jstor" no)?  How
 * Flite decides whether to spell a word it does not know. */
int  acro_edges_ok(const char *s, size_t n);
int  acro_onset_ok(const char *s, size_t n);
/* A word of letters Flite could not say as written: no vowel ("pp",
 * "cm") or capitals inside that are letters ("fMRI", "pH", "MotoGP"); says
 * it in letters (and words) and returns 1, else 0 (say it as written). */
int  acro_say_letters_word(nr_out *o, const char *s, size_t n);
/* Says an all-capitals word: lexicon, then word-or-spell rule. */
void acro_say(nr_out *o, const char *s, size_t n);

/* lexicon.c */
const lex_entry *lex_find(const nr_lexicon *lx, const char *s, size_t n);
void lex_free(nr_lexicon *lx);
int  lex_load_builtin(nr_lexicon *lx);
/* lexphones.c */
size_t phones_parse(const char *v, size_t n, char *out, size_t cap, const char **why);

/* keyidx.c: the rows of a const table whose key (the const char * each row
 * starts with) equals a token ignoring ASCII case, in table order; built
 * once (under pthread_once), then read-only. */
enum { KEYIDX_ROWS = 256, KEYIDX_SLOTS = 512 };   /* slots: at most half full */
typedef struct keyidx {
    const char *rows;
    size_t stride;
    /* most tokens are no key: their length or first letter says so
       before the hash is worked out */
    unsigned long long lengths;         /* bit k: a key of k bytes (63: longer) */
    unsigned long long firsts[4];       /* bit c: a key starts with c, lower case */
    unsigned short slot[KEYIDX_SLOTS];  /* first row + 1 of each key; 0 = empty */
    unsigned short next[KEYIDX_ROWS];   /* row + 1 of the next row with that key */
} keyidx;
#define KEYIDX_BUILD(ix, table) do { \
        _Static_assert(sizeof (table) / sizeof (table)[0] <= KEYIDX_ROWS, \
                       "table too long for a keyidx: raise KEYIDX_ROWS"); \
        keyidx_build((ix), (table), sizeof (table)[0], sizeof (table) / sizeof (table)[0]); \
    } while (0)
void keyidx_build(keyidx *ix, const void *rows, size_t stride, size_t nrows);
int  keyidx_find(const keyidx *ix, const char *s, size_t n);    /* first row or -1 */
int  keyidx_next(const keyidx *ix, int row);                    /* next row or -1 */
int  keyidx_find_exact(const keyidx *ix, const char *s, size_t n); /* same case */

/* tables.c */
int  month_find(const char *s, size_t n);         /* 1..12 or 0 */
extern const char *const month_names[13];
int  weekday_find(const char *s, size_t n);       /* 1..7 or 0 */
int  weekday_two(const char *s, size_t n);        /* "Tu", "Th": 1..7 or 0 */
extern const char *const weekday_names[8];
typedef struct unit {
    const char *abbr, *one, *many, *one_us, *many_us;
    int flags;
} unit;
enum { U_GLUED_ONLY = 1, U_CASE = 2, U_PER = 4 };
const unit *unit_find(const char *s, size_t n);
typedef struct currency {
    const char *key, *one, *many, *sub_one, *sub_many;
} currency;
const currency *currency_code(const char *s, size_t n);
const currency *currency_sign(const char *s, size_t n, size_t *used);
const currency *currency_word(const char *key);
typedef struct abbrev {
    const char *key, *say;
    int flags;
} abbrev;
enum { AB_TITLE = 1, AB_DOT = 2, AB_NUMBER = 4, AB_AFTERNAME = 8, AB_ANY = 16 };
const abbrev *abbrev_find(const char *s, size_t n);
/* "CA" -> "California": US postal state codes (two capitals), else NULL. */
const abbrev *abbrev_find_caps_title(const char *s, size_t n);
const char *ap_state_find(const char *s, size_t n);
const char *us_state_find(const char *s, size_t n);
/* "St", "Ave", "Road", "Expy": words that end a street name. */
int is_street_word(const char *s, size_t n);
/* A word that typically opens a sentence ("The", "He", "It"). */
int  is_opener(const char *s, size_t n);
/* Is s (ignoring ASCII case) one of the NULL-terminated list? */
int  word_in(const char *s, size_t n, const char *const *list);
/* Does s equal the NUL-terminated b, ignoring ASCII case? */
int  ieq(const char *a, size_t an, const char *b);

#endif
