/*
 * trims.c - clutter inside body text, cut out with a record of each cut:
 * a trailing "...continue..." or "[read more]" mark, footnote markers
 * ("[1]", superscript digits, "[citation needed]") glued to words, the
 * TeX source a copied formula carries ("{\displaystyle ...}").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"

static size_t prev_char(const nr_cand *u, size_t i, const char **c)
{
    size_t p = nr_utf8_prev(u->text, i);
    *c = u->text + p;
    return p;
}

/* Dots, ellipses and arrows around a "continue" mark; counts the dots. */
static size_t skip_marks_back(const nr_cand *u, size_t i, int *dots,
                              int *brackets)
{
    while (i > 0) {
        const char *c;
        size_t p = prev_char(u, i, &c);
        size_t w = i - p;
        if (w == 1 && *c == '.')
            (*dots)++;
        else if (w == 3 && !memcmp(c, "\xE2\x80\xA6", 3))
            *dots += 2;
        else if ((w == 1 && (*c == '[' || *c == ']' || *c == '(' || *c == ')' ||
                             *c == '>')) ||
                 (w == 2 && !memcmp(c, "\xC2\xBB", 2)) ||
                 (w == 3 && !memcmp(c, "\xE2\x86\x92", 3)))
            (*brackets)++;   /* brackets and arrows */
        else if (!(w == 1 && *c == ' '))
            break;
        i = p;
    }
    return i;
}

static void trim_continue(nr_doc *d, nr_cand *u)
{
    static const char *const marks[] = {
        "continue reading", "continued", "continue", "read more",
        "read the full story", "read full story", "read the rest", "more",
        NULL};
    int dots = 0, brackets = 0;
    size_t i = skip_marks_back(u, u->len, &dots, &brackets);
    size_t cut = u->len;
    if (i == 0)
        return;
    for (size_t m = 0; marks[m]; m++) {
        size_t k = strlen(marks[m]);
        if (i >= k && !strncasecmp(u->text + i - k, marks[m], k) &&
            (i == k || !isalnum((unsigned char)u->text[i - k - 1]))) {
            int d2 = 0, b2 = 0;
            size_t j = skip_marks_back(u, i - k, &d2, &b2);
            if (j == 0)
                return;  /* the whole candidate is the mark: handled as a rule */
            /* marks on both sides: "……continue……", "[Read more »]";
               "there would be more…" is prose */
            if ((dots >= 1 || brackets >= 1) && (d2 >= 1 || b2 >= 1) &&
                dots + d2 + brackets + b2 >= 2) {
                cut = j;
                /* leave a sentence's own full stop in place */
                if (u->text[j] == '.' && d2 <= 1)
                    cut = j + 1;
            }
            break;
        }
    }
    /* a bare "[…]" or "[...]" excerpt mark */
    if (cut == u->len && brackets >= 2 && dots >= 2)
        cut = i;
    if (cut >= u->len)
        return;
    while (cut < u->len && u->text[cut] == ' ')
        cut++;
    if (cut >= u->len)
        return;
    nr_doc_strip(d, nr_srcmap_at(&u->map, cut), nr_srcmap_at(&u->map, u->len),
                 "continue-marker");
    nr_cand_cut(d, u, cut, u->len);
}

static int is_superscript_digit(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < n) {
        unsigned char d = (unsigned char)s[i + 1];
        if (d == 0xB9 || d == 0xB2 || d == 0xB3) {
            *w = 2;
            return 1;
        }
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0xB0 || (d >= 0xB4 && d <= 0xB9)) {
            *w = 3;
            return 1;
        }
    }
    return 0;
}

/* Length of a footnote marker at text[i], or 0.  "[12]" right after a word
   or punctuation; superscript digits after a word of 3+ letters or after
   punctuation (so "m²" and "km²" stay). */
static size_t footnote_at(const nr_cand *u, size_t i)
{
    const char *s = u->text;
    size_t n = u->len;
    if (i == 0 || s[i - 1] == ' ')
        return 0;
    /* "^[12]": a text browser shows the superscript's caret */
    if (s[i] == '^' && i + 1 < n && s[i + 1] == '[') {
        size_t m = footnote_at(u, i + 1);
        return m ? m + 1 : 0;
    }
    if (s[i] == '[') {
        size_t j = i + 1;
        while (j < n && j - i <= 3 && isdigit((unsigned char)s[j]))
            j++;
        if (j > i + 1 && j < n && s[j] == ']')
            return j + 1 - i;
        /* wiki-style editorial marks glued to a word: "[edit]",
           "[citation needed]", "[when?]", "[a]" */
        j = i + 1;
        while (j < n && j - i <= 25 &&
               (islower((unsigned char)s[j]) || s[j] == ' ' || s[j] == '?'))
            j++;
        if (j > i + 1 && j < n && s[j] == ']' && s[i + 1] != ' ')
            return j + 1 - i;
        return 0;
    }
    size_t w, j = i;
    while (j < n && is_superscript_digit(s, n, j, &w))
        j += w;
    if (j == i)
        return 0;
    unsigned char prev = (unsigned char)s[i - 1];
    if (strchr(".,;:)\"'", prev) || prev >= 0x80)
        return j - i;
    size_t letters = 0;
    for (size_t k = i; k > 0 && isalpha((unsigned char)s[k - 1]); k--)
        letters++;
    return letters >= 3 ? j - i : 0;
}

/* Length of a formula's TeX source at text[i], or 0: "{\displaystyle
   a_{ij}={\overline {a}}_{ji}}", which a browser's copy of a page with
   maths puts after the formula as it is shown.  Nobody reads it aloud. */
static size_t tex_at(const nr_cand *u, size_t i)
{
    static const char *const styles[] = {"{\\displaystyle", "{\\textstyle",
                                         "{\\scriptstyle", NULL};
    const char *s = u->text;
    size_t n = u->len, k = 0;
    if (s[i] != '{')
        return 0;
    while (styles[k] && strncmp(s + i, styles[k], strlen(styles[k])))
        k++;
    if (!styles[k])
        return 0;
    size_t depth = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '\\' && j + 1 < n) {
            j++;   /* "\{" is a brace in the formula */
            continue;
        }
        if (s[j] == '{')
            depth++;
        else if (s[j] == '}' && --depth == 0) {
            j++;
            while (j < n && s[j] == ' ')
                j++;   /* and the space after it */
            return j - i;
        }
    }
    return 0;   /* cut off: not ours to guess */
}

static size_t clutter_at(const nr_cand *u, size_t i, const char **rule)
{
    size_t m = footnote_at(u, i);
    if (m) {
        *rule = "footnote-marker";
        return m;
    }
    m = tex_at(u, i);
    *rule = "formula-source";
    return m;
}

static void trim_footnotes(nr_doc *d, nr_cand *u)
{
    /* most candidates have none: look before laying the map out byte by
       byte for the edit */
    size_t i = 0;
    const char *rule;
    while (i < u->len && !clutter_at(u, i, &rule))
        i++;
    if (i == u->len)
        return;
    size_t *map = nr_srcmap_expand(&u->map);
    if (!map) {
        d->nomem = 1;
        return;
    }
    size_t w = i;
    while (i < u->len) {
        size_t m = clutter_at(u, i, &rule);
        if (m) {
            nr_doc_strip(d, map[i], map[i + m - 1] + 1, rule);
            i += m;
            continue;
        }
        u->text[w] = u->text[i];
        map[w] = map[i];
        w++;
        i++;
    }
    map[w] = map[u->len];
    u->len = w;
    u->text[w] = '\0';
    if (nr_srcmap_set(&u->map, map, u->len + 1) != 0)
        d->nomem = 1;
    free(map);
}

size_t nr_caption_credit(const char *s, size_t n, size_t *mark)
{
    static const char *const marks[] = {
        " Photograph: ", " Photo: ", " Photos: ", " Picture: ", " Image: ",
        " Illustration: ", " Credit: ", " Foto: ", " Bild: ", " Photograph by ",
        " Photo by ", " Picture by ", " \xC2\xA9 ", NULL};
    for (size_t m = 0; marks[m]; m++) {
        size_t l = strlen(marks[m]);
        const char *at = memmem(s, n, marks[m], l);
        /* after a sentence of the caption */
        if (at && at > s && strchr(".!?", at[-1])) {
            *mark = l;
            return (size_t)(at - s);
        }
    }
    /* "... in the cave (Photo: Tomas Lindqvist/Northmere University)":
       the credit in brackets at the end */
    static const char *const bracketed[] = {" (Photo: ", " (Photo by ", " (Photograph: ",
                                            " (Credit: ", " (Image: ", NULL};
    for (size_t m = 0; n && s[n - 1] == ')' && bracketed[m]; m++) {
        size_t l = strlen(bracketed[m]);
        const char *at = memmem(s, n, bracketed[m], l);
        if (at && at > s && !memchr(at + l, ')', (size_t)(s + n - 1 - (at + l)))) {
            *mark = l;
            return (size_t)(at - s);
        }
    }
    return 0;
}

/* A caption's credit after its last sentence ("Cranes stand idle on
   Monday. Photo: Lars Eriksen"): the caption is read, the credit (a name
   or two, no sentence of its own) is not. */
static void trim_credit(nr_doc *d, nr_cand *u)
{
    size_t l;
    size_t cut = u->len <= 400 ? nr_caption_credit(u->text, u->len, &l) : 0;
    if (!cut)
        return;
    size_t rest = u->len - cut;
    if (rest > 90 || memchr(u->text + cut + l, '.', rest - l - 1))
        return;
    nr_doc_strip(d, nr_srcmap_at(&u->map, cut + 1), nr_srcmap_at(&u->map, u->len),
                 "photo-credit");
    nr_cand_cut(d, u, cut, u->len);
    u->flags |= NR_C_CREDITED;
}

void nr_boiler_trim(nr_doc *d, nr_cand *u)
{
    trim_continue(d, u);
    trim_credit(d, u);
    trim_footnotes(d, u);
}
