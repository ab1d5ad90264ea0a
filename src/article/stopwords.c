/*
 * stopwords.c - is a word a function word ("the", "of", "und", "que")?
 *
 * Prose is dense in function words; menus, link lists, tag clouds and
 * captions are not (jusText's observation).  The list covers English and
 * the European languages whose pages narrate is most often given; for any
 * other language the caller adds the page's own most frequent short words
 * (a page's commonest words are its function words, whatever its language).
 * Lower-case UTF-8, sorted by byte value for bsearch.
 */
#include <stdlib.h>
#include <string.h>

#include "article/textstat.h"

static const char *const words[] = {
    "a", "aber", "about", "after", "al", "all", "als", "also", "am", "an",
    "and", "any", "are", "as", "at", "auf", "aus", "be", "because", "been",
    "before", "bei", "but", "by", "can", "com", "como", "con", "could",
    "da", "dans", "das", "de", "dei", "del", "della", "dem", "den", "der",
    "des", "di", "did", "die", "do", "does", "dos", "du", "e", "een", "ein",
    "eine", "einen", "el", "em", "en", "er", "es", "est", "et", "even",
    "for", "from", "had", "has", "have", "he", "her", "het", "his", "how",
    "i", "if", "il", "im", "in", "into", "is", "ist", "it", "its", "just",
    "la", "las", "le", "les", "lo", "los", "mais", "mas", "may", "me",
    "mit", "more", "most", "much", "my", "na", "nach", "ne", "nicht", "no",
    "not", "o", "of", "on", "one", "only", "op", "or", "os", "other", "ou",
    "our", "out", "over", "par", "para", "pas", "per", "pero", "por",
    "pour", "que", "qui", "s", "sa", "se", "she", "sich", "sie", "so",
    "some", "son", "su", "sur", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "um", "un",
    "una", "und", "une", "uno", "up", "us", "van", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "why", "will",
    "with", "would", "you", "your", "zu", "zum", "zur",
};

static int cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

int nr_stopword(const char *w)
{
    return bsearch(w, words, sizeof words / sizeof words[0], sizeof words[0],
                   cmp) != NULL;
}
