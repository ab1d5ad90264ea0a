/*
 * sentences.c - split written text into sentences before normalization.
 *
 * A sentence ends at . ? ! (or an ellipsis) followed, after any closing
 * quotes or brackets, by white space and a capital, digit or opening quote.
 * A full stop does not end a sentence after a title or other known
 * abbreviation ("Dr. Smith", "No. 10", "e.g. this") or a single initial
 * ("J. Smith"); after an initialism ("U.S.") it does only when the next word
 * is a typical sentence opener.  Decimals never qualify (no space follows).
 */
#include "internal.h"

#include <string.h>


static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Does the word ending at text[end] (the full stop at end) forbid a break? */
static int abbrev_before(const char *text, size_t dot, const char *next, size_t nextn)
{
    size_t st = dot;
    while (st > 0 && !is_ws(text[st - 1]) && text[st - 1] != '(' && text[st - 1] != '"')
        st--;
    const char *w = text + st;
    size_t wn = dot - st + 1;               /* including the dot */
    if (wn == 1)
        return 0;
    /* "Nov. 15, 2024", "Sept. 3": a month abbreviation before a number
       is a date, never a sentence end */
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                         "Sep", "Sept", "Oct", "Nov", "Dec"};
    if (next[0] >= '0' && next[0] <= '9')  /* next is inside the text */
        for (size_t m = 0; m < sizeof months / sizeof months[0]; m++)
            if (strlen(months[m]) == wn - 1 && strncmp(w, months[m], wn - 1) == 0)
                return 1;
    const abbrev *a = abbrev_find(w, wn);
    if (!a)
        a = abbrev_find(w, wn - 1);
    if (a) {
        if (a->flags & (AB_TITLE | AB_NUMBER))
            return 1;
        /* etc., Inc., Ltd. may end a sentence */
        return !is_opener(next, nextn);
    }
    if (wn == 2 && is_upper((unsigned char)w[0]))
        return 1;                           /* initial */
    if (wn == 2 && w[0] == 'v' && nextn && is_upper((unsigned char)next[0]))
        return 1;                           /* "Dobbs v. Jackson" */
    if (abbrev_find_caps_title(w, wn - 1) && nextn >= 3 && is_upper((unsigned char)next[0]))
        return 1;                           /* "ST. PAUL", "DR. KING" */
    int dots = 0, letters = 0;
    for (size_t i = 0; i < wn; i++) {
        if (w[i] == '.') dots++;
        else if (is_alpha((unsigned char)w[i])) letters++;
        else return 0;
    }
    if (dots >= 2 && letters == dots)
        return !is_opener(next, nextn);
    return 0;
}

int nr_split_sentences(const char *text, size_t len, nr_sentence_fn fn, void *ud)
{
    if (!text || !fn)
        return 0;
    size_t start = 0;
    size_t i = 0;
    while (i < len) {
        char ch = text[i];
        if (ch != '.' && ch != '?' && ch != '!') {
            i++;
            continue;
        }
        size_t p = i;
        while (p < len && (text[p] == '.' || text[p] == '?' || text[p] == '!'))
            p++;
        size_t endp = p;
        while (endp < len && strchr("\"')]", text[endp]))
            endp++;
        /* UTF-8 closing quotes ’ ” */
        while (endp + 2 < len && (unsigned char)text[endp] == 0xE2 &&
               (unsigned char)text[endp + 1] == 0x80 &&
               ((unsigned char)text[endp + 2] == 0x99 || (unsigned char)text[endp + 2] == 0x9D))
            endp += 3;
        if (endp < len && !is_ws(text[endp])) {
            i = p;
            continue;
        }
        size_t q = endp;
        while (q < len && is_ws(text[q]))
            q++;
        int brk = 0;
        if (q >= len) {
            brk = 1;
        } else {
            unsigned char nc = (unsigned char)text[q];
            if (is_upper(nc) || is_digit(nc) || nc == '"' || nc == '\'' || nc == '(' || nc >= 0xC0)
                brk = 1;
            if (brk && ch == '.' && p - i == 1) {
                size_t ne = q;
                while (ne < len && is_alpha((unsigned char)text[ne]))
                    ne++;
                if (abbrev_before(text, i, text + q, ne - q))
                    brk = 0;
            }
        }
        if (brk) {
            size_t s = start, e = endp;
            while (s < e && is_ws(text[s])) s++;
            while (e > s && is_ws(text[e - 1])) e--;
            if (e > s) {
                int r = fn(ud, s, e);
                if (r)
                    return r;
            }
            start = q;
        }
        i = endp > p ? endp : p;
    }
    size_t s = start, e = len;
    while (s < e && is_ws(text[s])) s++;
    while (e > s && is_ws(text[e - 1])) e--;
    if (e > s)
        return fn(ud, s, e);
    return 0;
}
