/*
 * symbols.c - symbols said as words: "&" and, "%" percent, "#" before a
 * number "number", "§" section, "+" after a number "plus"; and dashes or
 * bars standing between words, which are a pause.
 *
 * Symbols inside other forms belong to those forms' rules (a "%" after a
 * number is a measure, a "$" money, an "@" an e-mail); these rules take
 * what is left.
 */
#include "token.h"

#include <string.h>

/* clean.c's markers (MK_*) stand for the symbols outside ASCII */
static const struct { char ch; const char *say; } symbols[] = {
    {'&', "and"}, {'+', "plus"}, {'=', "equals"}, {'%', "percent"},
    {'@', "at"}, {'#', "hash"}, {'~', "approximately"}, {'<', "less than"},
    {'>', "greater than"}, {MK_TIMES, "times"}, {MK_DEGREE, "degrees"},
    {MK_POUND, "pound"}, {MK_EURO, "euro"}, {MK_YEN, "yen"}, {'$', "dollar"},
    {MK_WON, "won"}, {MK_RUPEE, "rupee"}, {MK_CENT, "cent"},
    /* alone, the micro sign is the Greek letter it is (units have theirs) */
    {MK_MICRO, "mu"}, {'^', "to the power of"}, {MK_SECTION, "section"},
};

/* Says one symbol character ("#" before a number is "number").  Returns 0
 * for a character that is no symbol. */
int say_symbol(norm_run *run, char ch)
{
    const tok *nx = tok_at(run, 1);
    if (ch == '#' && nx && nx->n && is_digit((unsigned char)nx->s[0]) && run->t[run->i].n == 1) {
        SET(run, CLS_SYMBOL, "number-sign");
        out_word(run->o, "number", 6);   /* "issue # 19" */
        return 1;
    }
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        if (symbols[i].ch == ch) {
            SET(run, CLS_SYMBOL, "symbol");
            out_words(run->o, symbols[i].say);
            return 1;
        }
    }
    return 0;
}

/* "§ 5", "§§ 3-4": one or more section signs */
int say_section_sign(norm_run *run, const char *s, size_t n)
{
    if (!(s[0] == MK_SECTION && strspn(s, "\x11") >= n))
        return 0;
    SET(run, CLS_SYMBOL, "section");
    out_words(run->o, n == 1 ? "section" : "sections");
    return 1;
}

/* a dash (or a bar, star or backslash) standing between words is a pause */
int say_dash_pause(norm_run *run, const char *s, size_t n)
{
    if (!(strspn(s, "-") >= n || (n == 1 && (s[0] == '|' || s[0] == '*' || s[0] == '\\'))))
        return 0;
    out_punct(run->o, ',');
    return 1;
}

/* "hit #1", "#10 seed": "#" glued to a number is "number" */
int say_number_sign(norm_run *run, const char *s, size_t n)
{
    if (!(n > 1 && s[0] == '#' && strspn(s + 1, "0123456789") == n - 1))
        return 0;
    SET(run, CLS_SYMBOL, "number-sign");
    out_word(run->o, "number", 6);
    say_token(run, s + 1, n - 1);
    return 1;
}

/* "18+", "$1bn+": "... plus" */
int say_trailing_plus(norm_run *run, const char *s, size_t n)
{
    if (!(n > 1 && s[n - 1] == '+' && s[n - 2] != '+' && (is_digit((unsigned char)s[0]) ||
                                                          numeric_start(s, n - 1))))
        return 0;
    say_token(run, s, n - 1);
    out_word(run->o, "plus", 4);
    return 1;
}

/* a symbol standing alone: "&", "%", "~" */
int say_lone_symbol(norm_run *run, const char *s, size_t n)
{
    return n == 1 && say_symbol(run, s[0]);
}

/* The Greek alphabet from alpha (U+03B1; capitals U+0391 on) */
static const char *const greek[25] = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho",
    "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"
};

/* A Greek letter standing alone is named, as in formulas and in names
 * spelled out letter by letter: "Δ (x)" delta x, "σ" sigma.  (A word in
 * Greek script is no letter of a formula and is left as it is.) */
int say_greek_letter(norm_run *run, const char *s, size_t n)
{
    if (n != 2 || ((unsigned char)s[0] != 0xCE && (unsigned char)s[0] != 0xCF))
        return 0;
    unsigned cp = (((unsigned char)s[0] & 0x1Fu) << 6) | ((unsigned char)s[1] & 0x3Fu);
    int k = -1;
    if (cp >= 0x3B1 && cp <= 0x3C9)
        k = (int)(cp - 0x3B1);
    else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        k = (int)(cp - 0x391);
    if (k < 0)
        return 0;
    SET(run, CLS_SYMBOL, "greek-letter");
    out_word(run->o, greek[k], strlen(greek[k]));
    return 1;
}
