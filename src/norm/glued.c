/*
 * glued.c - tokens no rule takes whole: hyphenated words, words joined by
 * "&", and the last resort, which splits glued text ("post-9/11threat",
 * "40-year-old") into runs of letters, numbers and symbols and says each
 * through say_token.
 *
 * Flite says most hyphenated words well, so they stay whole unless a part
 * needs a rule of its own (a number, an acronym).
 */
#include "token.h"

#include <string.h>

/* Splits glued text into runs and says each.  A numeric run keeps the
 * separators that sit between digits ("9/11", "1,000", "2.5", "10:30"). */
void say_runs(norm_run *run, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        unsigned char ch = (unsigned char)s[i];
        if (is_digit(ch) || (ch == '.' && i + 1 < n && is_digit((unsigned char)s[i + 1]) &&
                             (i == 0 || (!is_digit((unsigned char)s[i - 1]) && s[i - 1] != '.')))) {
            if (ch == '.')
                j++;                   /* ".878": a decimal without its zero */
            while (j < n && (is_digit((unsigned char)s[j]) ||
                   (strchr(".,:/", s[j]) && j + 1 < n && is_digit((unsigned char)s[j + 1]))))
                j++;
            /* keep an ordinal suffix or a unit glued to its number */
            size_t k = j;
            while (k < n && is_alpha((unsigned char)s[k]))
                k++;
            if (k > j && k - j <= 3) {
                char sfx[4] = {0};
                memcpy(sfx, s + j, k - j);
                /* a unit between other letters and digits is a piece of a
                 * code ("0t25d12", "4A7C"), not a measure */
                int in_code = (i > 0 && is_alpha((unsigned char)s[i - 1])) ||
                              (k < n && is_digit((unsigned char)s[k]));
                if ((k - j == 2 && (ieq(sfx, 2, "st") || ieq(sfx, 2, "nd") ||
                     ieq(sfx, 2, "rd") || ieq(sfx, 2, "th"))) ||
                    (unit_find(sfx, k - j) && !in_code) ||
                    (k - j == 1 && (sfx[0] == 's')))
                    j = k;
            }
            if (j == n && i == 0)
                break;              /* whole token: avoid looping */
            say_token(run, s + i, j - i);
        } else if (is_alpha(ch)) {
            while (j < n && (is_alpha((unsigned char)s[j]) ||
                   (s[j] == '\'' && j + 1 < n && is_alpha((unsigned char)s[j + 1]))))
                j++;
            if (j == n && i == 0) {
                out_word(run->o, s, n);
                return;
            }
            say_token(run, s + i, j - i);
        } else {
            j = i + 1;
            if (s[i] == '*' && i > 0 && j < n && is_digit((unsigned char)s[i - 1]) &&
                is_digit((unsigned char)s[j]))
                out_word(run->o, "times", 5);    /* "2*8": two times eight */
            else if (s[i] == '*' && j < n && (is_digit((unsigned char)s[j]) || s[j] == '#') &&
                     (i == 0 || s[i - 1] == '#' || s[i - 1] == '*'))
                out_word(run->o, "star", 4);     /* a keypad code: "*21#" */
            else if (s[i] == '/' && j < n && !is_alpha((unsigned char)s[j]) &&
                     !is_digit((unsigned char)s[j]))
                out_word(run->o, "slash", 5);    /* among symbols it is one: "/$%" */
            else
                say_symbol(run, s[i]);
        }
        i = j;
    }
    if (i < n) {
        /* whole token is one numeric run no rule took: say what it holds */
        numlit nl;
        size_t k = num_scan(s, n, &nl);
        if (k) {
            SET(run, CLS_CARDINAL, "number-run");
            num_say(run->o, &nl);
            if (k < n)
                say_runs(run, s + k, n - k);
        } else {
            num_digits(run->o, s, n, 0);
        }
    }
}

int split_on(norm_run *run, const char *s, size_t n, char sep, const char *join)
{
    if (!memchr(s, sep, n))
        return 0;
    size_t i = 0;
    while (i <= n) {
        const char *e = memchr(s + i, sep, n - i);
        size_t j = e ? (size_t)(e - s) : n;
        if (j > i)
            say_token(run, s + i, j - i);
        if (e && join && j > i && j + 1 < n)
            out_words(run->o, join);
        i = j + 1;
    }
    return 1;
}

/* A number-like token no number rule took ("1-2-3", "12ab"): its pieces
 * in turn, split at hyphens when it has any. */
int say_glued_number(norm_run *run, const char *s, size_t n)
{
    if (memchr(s, '-', n))
        split_on(run, s, n, '-', NULL);
    else
        say_runs(run, s, n);
    return 1;
}

/* Flite says hyphenated words well ("A-level", "X-ray", "well-known"), so
 * they stay whole unless a part needs a rule: a number ("40-year-old",
 * "COVID-19") or an acronym ("NATO-led"). */
int say_hyphenated(norm_run *run, const char *s, size_t n)
{
    if (!memchr(s, '-', n))
        return 0;
    int whole = s[0] != '-' && s[n - 1] != '-';
    size_t caps = 0, letters = 0;
    for (size_t i = 0; i < n && whole; i++) {
        if (s[i] == '-') {
            if (caps >= 2 && caps == letters)
                whole = 0;
            if (i + 1 < n && s[i + 1] == '-')
                whole = 0;
            caps = letters = 0;
        } else if (is_alpha((unsigned char)s[i]) || s[i] == '\'') {
            letters++;
            caps += is_upper((unsigned char)s[i]) != 0;
        } else {
            whole = 0;
        }
    }
    if (whole && caps >= 2 && caps == letters)
        whole = 0;
    if (whole && n > 3 && s[0] == 'C' && s[1] == 'o' && s[2] == '-') {
        /* the prefix of "Co-ordinator", "Co-op": Flite would expand a
         * capitalised "Co" (a state or "company"); keep it a syllable */
        SET(run, CLS_WORD, "co-prefix");
        char w[64];
        if (n < sizeof w) {
            memcpy(w, s, n);
            w[0] = 'c';
            out_word(run->o, w, n);
            return 1;
        }
    }
    if (whole) {
        out_word(run->o, s, n);
        return 1;
    }
    split_on(run, s, n, '-', NULL);
    return 1;
}

/* "rock&roll": words joined by "&" are said with "and" (capitals, "R&D",
 * are words.c's letters) */
int say_ampersand_words(norm_run *run, const char *s, size_t n)
{
    if (!memchr(s, '&', n))
        return 0;
    SET(run, CLS_WORD, "ampersand");
    split_on(run, s, n, '&', "and");
    return 1;
}

/* The last row of the single-token table: whatever is left, in runs. */
int say_pieces(norm_run *run, const char *s, size_t n)
{
    say_runs(run, s, n);
    return 1;
}
