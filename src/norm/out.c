/*
 * out.c - the output writer every rule appends through.
 *
 * Keeping spacing in one place guarantees the output contract (single spaces,
 * punctuation glued to the word before it, no leading space) whatever order
 * the rules fire in, and lets ordinals be made by rewriting the last word.
 */
#include "internal.h"

#include <string.h>

static void put(nr_out *o, const char *s, size_t n)
{
    if (o->err)
        return;
    int r = nr_buf_append(o->b, s, n);
    if (r != NR_BUF_OK)
        o->err = r;
}

void out_word(nr_out *o, const char *s, size_t n)
{
    if (!n)
        return;
    if (o->b->len && o->b->data[o->b->len - 1] != ' ')
        put(o, " ", 1);
    o->last_word = o->b->len;
    put(o, s, n);
}

void out_words(nr_out *o, const char *s)
{
    while (*s) {
        while (*s == ' ')
            s++;
        size_t k = strcspn(s, " ");
        out_word(o, s, k);
        s += k;
    }
}

void out_punct(nr_out *o, char c)
{
    nr_buf *b = o->b;
    if (!b->len)
        return;                 /* never start with punctuation */
    char last = b->data[b->len - 1];
    if (strchr(".,;:?!", last)) {
        /* keep the stronger mark: a full stop beats a comma */
        if (last == ',' && c != ',') {
            b->data[b->len - 1] = c;
        }
        return;
    }
    put(o, &c, 1);
}

static const char *const ord_irreg[][2] = {
    {"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
    {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"},
    {"zero", "zeroth"}, {NULL, NULL}
};

void out_ordinalize(nr_out *o)
{
    if (o->err || o->last_word >= o->b->len)
        return;
    char *w = o->b->data + o->last_word;
    size_t n = o->b->len - o->last_word;
    for (int i = 0; ord_irreg[i][0]; i++) {
        if (strlen(ord_irreg[i][0]) == n && !memcmp(w, ord_irreg[i][0], n)) {
            nr_buf_truncate(o->b, o->last_word);
            put(o, ord_irreg[i][1], strlen(ord_irreg[i][1]));
            return;
        }
    }
    if (w[n - 1] == 'y') {
        nr_buf_truncate(o->b, o->b->len - 1);
        put(o, "ieth", 4);
    } else {
        put(o, "th", 2);
    }
}

/* Flite reads a lone capital "A" before a word as the article; "ay" is
 * always the letter name. */
void out_letter(nr_out *o, char c, int next_is_letter)
{
    if (c >= 'a' && c <= 'z')
        c = (char)(c - 'a' + 'A');
    if (c == 'A' && !next_is_letter) {
        out_word(o, "ay", 2);
        return;
    }
    out_word(o, &c, 1);
}

/* Inside a code read out piece by piece ("B2A23C", "a1b2@abc.com") a lone
 * letter A is tied to the piece after it with a hyphen ("A-twenty three"):
 * Flite says a hyphenated "A" as the letter name, as it does "ay", and the
 * transcript shows the letter the writer typed.  Rewrites the "ay " words
 * appended since offset `from` that have a word after them; one pass. */
void out_tie_letter_a(nr_out *o, size_t from)
{
    if (o->err)
        return;
    char *d = o->b->data;
    size_t len = o->b->len, w = from, last = o->last_word;
    char prev = from ? d[from - 1] : ' ';  /* the byte before r, as it was */
    for (size_t r = from; r < len; r++) {
        if (r + 3 < len && d[r] == 'a' && d[r + 1] == 'y' && d[r + 2] == ' ' &&
            (prev == ' ' || prev == '-')) {
            d[w++] = 'A';              /* "ay " becomes "A-" */
            d[w++] = '-';
            r += 2;
            prev = ' ';
            if (o->last_word > r)
                last--;
            continue;
        }
        prev = d[r];
        d[w++] = d[r];
    }
    o->last_word = last;
    if (w < len)
        nr_buf_truncate(o->b, w);
}

/* Bytes of the letter starting at s[i]: one for ASCII, the whole UTF-8
 * sequence otherwise (clean.c only lets whole letters through). */
static size_t letter_len(const char *s, size_t n, size_t i)
{
    size_t j = i + 1;
    if ((unsigned char)s[i] >= 0xc0)
        while (j < n && ((unsigned char)s[j] & 0xc0) == 0x80)
            j++;
    return j - i;
}

/* Letters of a spelled run are written joined by hyphens ("D-N-A"): Flite
 * then says every letter's name, including a final "A", which it would read
 * as the article if it stood alone.  A letter past ASCII is written as typed
 * ("Ö"): the synthesizer folds it. */
void out_letters(nr_out *o, const char *s, size_t n, const char *suffix)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i += letter_len(s, n, i))
        if (is_alpha((unsigned char)s[i]))
            k++;
    if (!k)
        return;
    int first = 1;
    for (size_t i = 0; i < n; ) {
        size_t len = letter_len(s, n, i);
        if (!is_alpha((unsigned char)s[i]) || ((unsigned char)s[i] & 0xc0) == 0x80) {
            i += len;
            continue;
        }
        if (len == 1 && k == 1 && !suffix) {
            out_letter(o, s[i], 0);
            return;
        }
        char ch[8];
        size_t w = 0;
        if (!first)
            ch[w++] = '-';
        memcpy(ch + w, s + i, len < 6 ? len : 6);
        if (len == 1 && is_lower((unsigned char)ch[w]))
            ch[w] = (char)(ch[w] - 32);
        w += len < 6 ? len : 6;
        if (first) {
            out_word(o, ch, w);
            first = 0;
        } else if (!o->err) {
            int r = nr_buf_append(o->b, ch, w);
            if (r) o->err = r;
        }
        i += len;
    }
    if (suffix && !o->err) {
        int r = nr_buf_append(o->b, suffix, strlen(suffix));
        if (r) o->err = r;
    }
}

void out_spell(nr_out *o, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        if (is_digit((unsigned char)s[i])) {
            num_digits(o, s + i, 1, 0);
            i++;
            continue;
        }
        while (j < n && is_alpha((unsigned char)s[j]))
            j++;
        if (j > i)
            out_letters(o, s + i, j - i, NULL);
        i = j > i ? j : i + 1;
    }
}

/* Makes the last spoken word plural: "nineties", "sixes", "fours" (for
   "1990s", "6s", "4s" and spelled forms like "MPs"). */
void out_pluralize(nr_out *o)
{
    nr_buf *b = o->b;
    if (o->err || !b->len)
        return;
    char last = b->data[b->len - 1];
    int rc;
    if (last == 'y') {
        nr_buf_truncate(b, b->len - 1);
        rc = nr_buf_append(b, "ies", 3);
    } else {
        rc = nr_buf_append(b, last == 'x' ? "es" : "s", last == 'x' ? 2 : 1);
    }
    if (rc)
        o->err = 1;
}
