/*
 * textstat.h - shallow text statistics of one candidate block: the features
 * that tell prose from page furniture and survive copying a page as text
 * (no tags, no links): length in words, function-word density, sentences,
 * capitalised words.  Used by the plain-text content finder (region.c).
 */
#ifndef NR_ARTICLE_TEXTSTAT_H
#define NR_ARTICLE_TEXTSTAT_H

#include <stddef.h>

typedef struct nr_textstat {
    unsigned words;   /* words; CJK characters count two to a word */
    unsigned stops;   /* function words among them */
    unsigned sents;   /* sentence ends (. ! ? and the CJK ones) */
    unsigned commas;  /* commas, including the CJK ones */
    unsigned caps;    /* words starting with a capital letter */
    unsigned cjk;     /* CJK characters */
    unsigned digits;  /* words starting with a digit */
} nr_textstat;

/* A set of extra function words (the page's own commonest short words). */
typedef struct nr_wordset {
    char w[16][8];
    size_t n;
} nr_wordset;

/* Is w (lower case, no punctuation) a built-in function word? */
int nr_stopword(const char *w);

/* Statistics of s[0..n); extra may be NULL. */
void nr_textstat_of(const char *s, size_t n, const nr_wordset *extra,
                    nr_textstat *st);

/* Calls fn for each word of s[0..n) in lower case (ASCII letters folded),
   punctuation at its edges removed; words over 31 bytes are skipped. */
void nr_words_each(const char *s, size_t n,
                   void (*fn)(void *ud, const char *w, size_t len), void *ud);

#endif
