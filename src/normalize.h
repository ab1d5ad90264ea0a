/*
 * normalize.h - written English -> words Flite only has to pronounce
 * (internal, never installed).
 *
 * The normalizer is a pure text transformation: tokenizer -> classifier ->
 * verbalizers.  It knows nothing about files, audio or article structure.
 * An nr_norm holds the configuration (locale, lexicon, explain callback); once
 * configured it is only read, so nr_norm_text() may run on several threads at
 * once with the same nr_norm (the explain callback must then be thread-safe).
 *
 * Output contract: valid UTF-8 in which everything past ASCII is a letter
 * or a combining mark kept as the writer typed it ("Müller", "São Paulo";
 * the synthesizer folds them for Flite, src/fold.h), the rest printable
 * ASCII; words separated by single spaces, sentence punctuation (. , ; : ? !)
 * kept where it helps Flite's prosody, nothing Flite would expand again (no
 * digits, no symbols, no abbreviations).
 */
#ifndef NR_NORMALIZE_H
#define NR_NORMALIZE_H

#include <stddef.h>
#include "buf.h"

typedef struct nr_norm nr_norm;

typedef enum {
    NR_LOCALE_AUTO = 0, /* decided per text by nr_norm_guess_locale() */
    NR_LOCALE_US,
    NR_LOCALE_GB
} nr_locale;

/* Called once per rewritten token when set.  Strings are not NUL-terminated. */
typedef void (*nr_explain_fn)(void *ud,
                              const char *orig, size_t orig_len,
                              const char *cls, const char *rule,
                              const char *spoken, size_t spoken_len);

/* Returns NULL only when out of memory.  Free with nr_norm_free(NULL ok). */
nr_norm *nr_norm_new(void);
void     nr_norm_free(nr_norm *n);

void nr_norm_set_locale(nr_norm *n, nr_locale loc);
nr_locale nr_norm_get_locale(const nr_norm *n);
/* Guesses en-US or en-GB from currency signs, date order, spelling. */
nr_locale nr_norm_guess_locale(const char *text, size_t len);

void nr_norm_set_explain(nr_norm *n, nr_explain_fn fn, void *ud);

/*
 * Adds lexicon entries from the text of a lexicon file (format documented in
 * voices/lexicon.txt).  Entries added later win over earlier ones, so the
 * shipped lexicon is loaded first and the user's after it.  Broken lines are
 * skipped; the first one is described in err (may be NULL).  Returns 0, or -1
 * when out of memory.  *nbad (may be NULL) receives the number of bad lines.
 */
int nr_norm_add_lexicon(nr_norm *n, const char *data, size_t len,
                        const char *source_name, size_t *nbad,
                        char *err, size_t errlen);

/*
 * Calls fn for every lexicon entry said with Flite phones ("Siobhan<TAB>/sh
 * ax0 v ao1 n/"): the normalizer passes such a word through as written, and
 * the synthesizer must know its phones (nr_voice_add_phones).  Returns the
 * first non-zero value fn returns, else 0.
 */
typedef int (*nr_phones_fn)(void *ud, const char *word, const char *phones);
int nr_norm_each_phones(const nr_norm *n, nr_phones_fn fn, void *ud);

/*
 * Appends the spoken form of in[0..len) to out.  in is UTF-8 (invalid bytes
 * are tolerated and dropped).  Returns 0, or -1 when out of memory or when out
 * would pass its maximum size.  Linear in len.
 */
int nr_norm_text(const nr_norm *n, const char *in, size_t len, nr_buf *out);

/*
 * Sentence splitting of written text (before normalization), aware of
 * abbreviations ("Dr. Smith", "U.S. officials", "No. 10", "e.g. this"),
 * decimals, ellipses and closing quotes.  Calls fn for each sentence with its
 * byte range [start, end) inside text, leading/trailing spaces excluded.  Stops
 * early and returns the callback's value when it is non-zero; else returns 0.
 */
typedef int (*nr_sentence_fn)(void *ud, size_t start, size_t end);
int nr_split_sentences(const char *text, size_t len, nr_sentence_fn fn, void *ud);

#endif
