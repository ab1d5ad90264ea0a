/*
 * lexphones.c - lexicon pronunciations written as Flite phones: "/sh ax0 v ao1 n/".
 *
 * The phones are checked here, when the lexicon is read, so a typo is
 * reported as file:line like any other broken entry instead of reaching
 * Flite, which would print its own complaint and drop the word.  The set is
 * the one of Flite's US English lexicon (cmulex), which every built-in voice
 * uses: vowels carry a stress digit (0 unstressed, 1 stressed; CMUdict's
 * secondary stress 2 is taken as 1, which is all Flite distinguishes).
 */
#include "internal.h"

#include <string.h>

static const char *const consonants[] = {
    "b", "ch", "d", "dh", "f", "g", "hh", "jh", "k", "l", "m", "n", "ng", "p",
    "r", "s", "sh", "t", "th", "v", "w", "y", "z", "zh", NULL
};
static const char *const vowels[] = {
    "aa", "ae", "ah", "ao", "aw", "ax", "ay", "eh", "er", "ey", "ih", "iy",
    "ow", "oy", "uh", "uw", NULL
};

/* Writes the phones of v (without its slashes) to out as lower-case phones
 * separated by single spaces.  Returns the length written, or 0 with *why
 * set when a phone is unknown or out is too small. */
size_t phones_parse(const char *v, size_t n, char *out, size_t cap, const char **why)
{
    size_t w = 0, i = 0;
    *why = NULL;
    while (i < n) {
        while (i < n && v[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && v[j] != ' ')
            j++;
        if (j == i)
            break;
        char ph[4];
        size_t pn = j - i;
        if (pn > 3) {
            *why = "unknown Flite phone (see voices/lexicon.txt for the set)";
            return 0;
        }
        for (size_t k = 0; k < pn; k++)
            ph[k] = (char)(v[i + k] >= 'A' && v[i + k] <= 'Z' ? v[i + k] + 32 : v[i + k]);
        char stress = 0;
        if (ph[pn - 1] >= '0' && ph[pn - 1] <= '2') {
            stress = ph[pn - 1] == '2' ? '1' : ph[pn - 1];
            pn--;
        }
        int vowel = word_in(ph, pn, vowels), cons = word_in(ph, pn, consonants);
        if (!vowel && !cons) {
            *why = "unknown Flite phone (see voices/lexicon.txt for the set)";
            return 0;
        }
        if (vowel != (stress != 0)) {
            *why = vowel ? "a vowel phone needs its stress: 0, 1 or 2 (ax0, ey1)"
                         : "a consonant phone takes no stress digit";
            return 0;
        }
        if (w + pn + 3 > cap) {
            *why = "too many phones";
            return 0;
        }
        if (w)
            out[w++] = ' ';
        memcpy(out + w, ph, pn);
        w += pn;
        if (stress)
            out[w++] = stress;
        i = j;
    }
    if (!w && !*why)
        *why = "no phones between the slashes";
    return w;
}
