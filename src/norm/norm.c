/*
 * norm.c - the public nr_norm API and the token loop.
 *
 * nr_norm_text: clean the text (clean.c), split it into whitespace tokens
 * with their punctuation peeled off (and words glued by scraping split),
 * then have each token said: the multi-token rules first, else the
 * single-token ones (dispatch.c has the order); the punctuation goes back
 * after it.  Nothing here keeps state between calls; the nr_norm is only
 * read, so several threads may share one.  The names of the classes the
 * explain callback reports are here too.
 */
#include "token.h"

#include <stdlib.h>
#include <string.h>

nr_norm *nr_norm_new(void)
{
    nr_norm *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->locale = NR_LOCALE_AUTO;
    if (lex_load_builtin(&n->lex) < 0) {
        nr_norm_free(n);
        return NULL;
    }
    return n;
}

void nr_norm_free(nr_norm *n)
{
    if (!n)
        return;
    lex_free(&n->lex);
    free(n);
}

void nr_norm_set_locale(nr_norm *n, nr_locale loc)
{
    if (n && (loc == NR_LOCALE_AUTO || loc == NR_LOCALE_US || loc == NR_LOCALE_GB))
        n->locale = loc;
}

nr_locale nr_norm_get_locale(const nr_norm *n) { return n ? n->locale : NR_LOCALE_AUTO; }

void nr_norm_set_explain(nr_norm *n, nr_explain_fn fn, void *ud)
{
    if (!n)
        return;
    n->explain = fn;
    n->explain_ud = ud;
}

/* The names the explain callback gets; they are part of its contract
 * (docs/normalizer.md), so a renamed class keeps its name here. */
static const char *const class_names[CLS_COUNT] = {
    [CLS_NONE] = "", [CLS_CARDINAL] = "cardinal", [CLS_DECIMAL] = "decimal",
    [CLS_ORDINAL] = "ordinal", [CLS_FRACTION] = "fraction", [CLS_RANGE] = "range",
    [CLS_DATE] = "date", [CLS_TIME] = "time", [CLS_MONEY] = "money",
    [CLS_MEASURE] = "measure", [CLS_TELEPHONE] = "telephone", [CLS_ADDRESS] = "address",
    [CLS_SERIAL] = "serial", [CLS_VERSION] = "version", [CLS_MATH] = "math",
    [CLS_ELECTRONIC] = "electronic", [CLS_SYMBOL] = "symbol", [CLS_LETTERS] = "letters",
    [CLS_ABBREVIATION] = "abbreviation", [CLS_ROMAN] = "roman", [CLS_LEXICON] = "lexicon",
    [CLS_SPELLING] = "spelling", [CLS_WORD] = "word",
};

const char *norm_class_name(norm_class cls)
{
    return cls > CLS_NONE && cls < CLS_COUNT ? class_names[cls] : "";
}

const tok *tok_at(const norm_run *run, long off)
{
    long j = (long)run->i + off;
    if (j < 0 || (size_t)j >= run->nt)
        return NULL;
    return &run->t[j];
}

int tok_is_cap_word(const tok *t)
{
    if (!t || !t->n || !is_upper((unsigned char)t->s[0]))
        return 0;
    for (size_t i = 1; i < t->n; i++)
        if (!is_alpha((unsigned char)t->s[i]) && t->s[i] != '\'' && t->s[i] != '-')
            return 0;
    return 1;
}

int tok_is(const tok *t, const char *w)
{
    return t && ieq(t->s, t->n, w);
}

int tok_all_digits(const tok *t)
{
    if (!t || !t->n)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (!is_digit((unsigned char)t->s[i]))
            return 0;
    return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A full stop belongs to the word when the word is an abbreviation or
 * initialism ("Dr.", "U.S.", "e.g.", "J."), otherwise it is punctuation. */
static int dot_is_part(const char *s, size_t n)
{
    if (abbrev_find(s, n))
        return 1;
    if (abbrev_find(s, n - 1))
        return 1;                                   /* "Dr.", "Inc." */
    if (n == 2 && is_alpha((unsigned char)s[0]))
        return 1;                                   /* initial "J." */
    if (month_find(s, n) || weekday_find(s, n))
        return n > 3;
    /* "Jan.-Mar.": the last part decides */
    for (size_t i = n - 1; i > 0; i--)
        if (s[i - 1] == '-' || s[i - 1] == '/')
            return i < n - 1 && dot_is_part(s + i, n - i);
    /* x.y. pattern */
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            dots++;
            if (i == 0 || !is_alpha((unsigned char)s[i - 1]))
                return 0;
        } else if (!is_alpha((unsigned char)s[i])) {
            return 0;
        } else if (i + 1 < n && s[i + 1] != '.') {
            return 0;
        }
    }
    return dots >= 2;
}

static int is_alnum_c(char ch)
{
    return is_alpha((unsigned char)ch) || is_digit((unsigned char)ch);
}

static void split_punct(tok *t)
{
    const char *s = t->s;
    size_t n = t->n;
    size_t a = 0;
    while (a < n && strchr("\"([{'`", s[a]) && !(s[a] == '\'' && a + 1 < n &&
           is_digit((unsigned char)s[a + 1]) && a + 2 < n && is_digit((unsigned char)s[a + 2])))
        a++;
    size_t b = n;
    while (b > a) {
        char ch = s[b - 1];
        if (ch == ')' && b - a >= 4 && s[b - 3] == '(' && is_alnum_c(s[b - 2]) &&
            (is_digit((unsigned char)s[b - 4]) || s[b - 4] == ')'))
            break;              /* "401(k)", "501(c)(3)": the bracket is part of it */
        if (strchr("\")]},;:!?'`", ch)) {
            /* keep "s'" possessive apostrophe and "'" of feet? drop it */
            b--;
            continue;
        }
        if (ch == '.') {
            size_t d = b;
            while (d > a && s[d - 1] == '.')
                d--;
            if (b - d == 1 && d > a && dot_is_part(s + a, b - a))
                break;
            b = d;
            continue;
        }
        break;
    }
    t->lead = s;
    t->leadn = a;
    t->s = s + a;
    t->n = b > a ? b - a : 0;
    t->trail = s + b;
    t->trailn = n - b;
    if (b <= a) {               /* token is all punctuation */
        t->s = s + a;
        t->n = 0;
        t->trail = s + a;
        t->trailn = n - a;
    }
}

/* Scraped headlines and bylines lose the space before a capitalised word:
 * "EcuadorThe", "ByAndrew".  Split only where one side is a function word,
 * so names like "McDonald" or "DeSantis" stay whole. */
static size_t camel_split(const char *s, size_t n)
{
    static const char *const right[] = {
        "The", "This", "That", "These", "He", "She", "It", "They", "We", "In",
        "On", "At", "For", "From", "With", "And", "But", "Of", "To", NULL
    };
    static const char *const left[] = { "By", "From", "With", "And", "The", NULL };
    for (size_t i = 2; i + 1 < n; i++) {
        if (!is_lower((unsigned char)s[i - 1]) || !is_upper((unsigned char)s[i]) ||
            !is_lower((unsigned char)s[i + 1]))
            continue;
        size_t e = i;
        while (e < n && is_alpha((unsigned char)s[e]))
            e++;
        int left_word = 1;
        for (size_t k = 0; k < i; k++)
            if (!is_alpha((unsigned char)s[k]))
                left_word = 0;
        if ((e == n || !is_alpha((unsigned char)s[e])) && e - i >= 2 && i >= 3 &&
            word_in(s + i, e - i, right) && left_word)
            return i;
        if (left_word && word_in(s, i, left) && e - i >= 3)
            return i;
    }
    return n;
}

/* Scraped text loses spaces: "end.Next", "word,word".  Returns the length of
 * the first piece, or n when the token should stay whole. */
static size_t glued_split(const char *s, size_t n, int electronic)
{
    if (electronic)
        return n;
    if (s[0] == MK_SECTION) {       /* "§5", "§§3-4": the sign is a word */
        size_t k = 1;
        while (k < n && s[k] == MK_SECTION)
            k++;
        if (k < n)
            return k;
    }
    size_t cs = camel_split(s, n);
    if (cs < n)
        return cs;
    for (size_t i = 1; i + 2 < n; i++) {
        char ch = s[i];
        /* "$.01,here", "12,again": a comma after a number and before a word
         * (never a thousands separator, which has digits on both sides) */
        if ((ch == ',' || ch == ';') && is_digit((unsigned char)s[i - 1]) &&
            is_alpha((unsigned char)s[i + 1]) && is_alpha((unsigned char)s[i + 2]))
            return i + 1;
        if (i < 2)
            continue;
        /* "NO?17", "A.M.?-34": a question or exclamation mark glued to a
         * number ends its sentence (a URL's "?" never reaches here) */
        if ((ch == '?' || ch == '!') && (is_digit((unsigned char)s[i + 1]) ||
            (s[i + 1] == '-' && is_digit((unsigned char)s[i + 2]))))
            return i + 1;
        if ((ch == '.' || ch == '?' || ch == '!') && is_lower((unsigned char)s[i - 1]) &&
            (is_lower((unsigned char)s[i - 2]) || is_digit((unsigned char)s[i - 2])) &&
            is_upper((unsigned char)s[i + 1]) &&
            is_lower((unsigned char)s[i + 2]))
            return i + 1;
        if ((ch == ',' || ch == ';') && is_alpha((unsigned char)s[i - 1]) &&
            (is_alpha((unsigned char)s[i + 1]) || is_digit((unsigned char)s[i + 1])))
            return i + 1;
    }
    return n;
}

static int tokenize(const char *s, size_t n, tok **out, size_t *nt)
{
    size_t cap = 16, k = 0;
    tok *t = malloc(cap * sizeof *t);
    if (!t)
        return -1;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && !is_space(s[j]))
            j++;
        /* decided once per word so that splitting stays linear */
        int electronic = memchr(s + i, '@', j - i) || memchr(s + i, '/', j - i) ||
                         (memchr(s + i, '.', j - i) && ends_in_domain(s + i, j - i));
        while (i < j) {
            size_t len = glued_split(s + i, j - i, electronic);
            if (k == cap) {
                cap *= 2;
                tok *nt2 = realloc(t, cap * sizeof *t);
                if (!nt2) {
                    free(t);
                    return -1;
                }
                t = nt2;
            }
            t[k].s = s + i;
            t[k].n = len;
            split_punct(&t[k]);
            k++;
            i += len;
        }
    }
    *out = t;
    *nt = k;
    return 0;
}

static void emit_trail(nr_out *o, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = p[i];
        if (ch == '.' && i + 2 < n && p[i + 1] == '.' && p[i + 2] == '.') {
            out_punct(o, ',');
            i += 2;
        } else if (strchr(".,;:?!", ch)) {
            out_punct(o, ch);
        } else if (ch == ')' || ch == ']' || ch == '}') {
            out_punct(o, ',');
        } else if (ch == '-') {
            out_punct(o, ',');
        }
    }
}

static void emit_lead(nr_out *o, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] == '(' || p[i] == '[')
            out_punct(o, ',');
}

/* Flite says a capital "A" before punctuation, at the end or before a
 * capitalised word as the letter name, and only before a small word as the
 * article; so the "ay" the writer used for a lone letter can go back to
 * "A" there ("David A Carson"), which reads better in a transcript.  One
 * pass over what this call appended. */
static void restore_letter_a(nr_buf *b, size_t from)
{
    char *d = b->data;
    size_t w = from;
    for (size_t r = from; r < b->len; r++) {
        if (d[r] == 'a' && r + 1 < b->len && d[r + 1] == 'y' &&
            (r == from || d[r - 1] == ' ') &&
            (r + 2 == b->len || strchr(".,;:?!", d[r + 2]) ||
             (d[r + 2] == ' ' && r + 3 < b->len && is_upper((unsigned char)d[r + 3])))) {
            d[w++] = 'A';
            r++;
            continue;
        }
        d[w++] = d[r];
    }
    if (w < b->len)
        nr_buf_truncate(b, w);
}

/* Straight double quotes in the cleaned text (curly ones are folded to
 * them): quotation marks come in pairs, so an odd count means one of them
 * is something else, usually an inch mark after a number (12"). */
static size_t count_quotes(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '"';
    return k;
}

int nr_norm_text(const nr_norm *n, const char *in, size_t len, nr_buf *out)
{
    if (!n || !out)
        return -1;
    if (!in || !len)
        return 0;
    dispatch_prepare();
    nr_buf clean, map;
    nr_buf_init(&clean, 0);
    nr_buf_init(&map, 0);
    if (clean_text(in, len, &clean, n->explain ? &map : NULL) != NR_BUF_OK) {
        nr_buf_free(&clean);
        nr_buf_free(&map);
        return -1;
    }
    tok *t = NULL;
    size_t nt = 0;
    if (tokenize(clean.data ? clean.data : "", clean.len, &t, &nt) < 0) {
        nr_buf_free(&clean);
        nr_buf_free(&map);
        return -1;
    }
    nr_locale loc = n->locale;
    if (loc == NR_LOCALE_AUTO)
        loc = nr_norm_guess_locale(in, len);
    size_t start_len = out->len;
    nr_out o = { out, 0, loc == NR_LOCALE_GB, out->len, n };
    norm_run run = { &o, t, nt, 0, CLS_NONE, NULL, 1, 0, count_quotes(clean.data, clean.len) & 1, 0 };
    while (run.i < nt && !o.err) {
        const tok *tk = &t[run.i];
        emit_lead(&o, tk->lead, tk->leadn);
        size_t before = out->len;
        run.cls = CLS_NONE;
        run.rule = NULL;
        run.title_used = 0;
        run.abbrev_dot = 0;
        size_t used = tk->n ? say_multi(&run) : 0;
        if (!used) {
            used = 1;
            if (tk->n)
                say_token(&run, tk->s, tk->n);
        }
        if (n->explain && run.cls && !o.err) {
            /* quote the original input, not the cleaned text */
            const tok *last = &t[run.i + used - 1];
            const size_t *mp = (const size_t *)(void *)map.data;
            size_t cs = (size_t)(tk->s - clean.data);
            size_t ce = (size_t)(last->s + last->n - clean.data);
            size_t os = mp && cs < clean.len ? mp[cs] : 0;
            size_t oe = mp && ce < clean.len ? mp[ce] : len;
            while (oe > os && (in[oe - 1] == ' ' || in[oe - 1] == '\t' || in[oe - 1] == '\n'))
                oe--;
            size_t sb = before < out->len && out->data[before] == ' ' ? before + 1 : before;
            n->explain(n->explain_ud, in + os, oe > os ? oe - os : 0,
                       norm_class_name(run.cls), run.rule ? run.rule : norm_class_name(run.cls), out->data ? out->data + sb : "", out->len - sb);
        }
        const tok *last = &t[run.i + used - 1];
        /* the full stop of "Inc." or "Dr." also ends the sentence when no
         * name follows and the next word starts one */
        if (last->n && last->s[last->n - 1] == '.' && !last->trailn && !run.title_used &&
            (!memchr(last->s, '.', last->n - 1) || run.i + used >= nt ||
             is_opener(t[run.i + used].s, t[run.i + used].n))) {
            /* "i.e.", "p.m." go on unless a sentence clearly starts */
            const tok *nx = run.i + used < nt ? &t[run.i + used] : NULL;
            if (!nx || (nx->n && is_upper((unsigned char)nx->s[0])) ||
                (nx->leadn && strchr("\"'", nx->lead[0])))
                out_punct(&o, '.');
        }
        const char *tr = last->trail;
        size_t trn = last->trailn;
        if (run.abbrev_dot && trn && tr[0] == '.') {
            /* "Boston, Mass., near": the full stop was the abbreviation's;
               it ends the sentence only at the end or before an opener */
            tr++, trn--;
            const tok *nx = run.i + used < nt ? &t[run.i + used] : NULL;
            if (!trn && (!nx || (!nx->leadn && is_opener(nx->s, nx->n))))
                tr--, trn++;
        }
        emit_trail(&o, tr, trn);
        run.sentence_start = trn && memchr(tr, '.', trn) ? 1 : 0;
        if (trn && (memchr(tr, '?', trn) || memchr(tr, '!', trn)))
            run.sentence_start = 1;
        run.i += used;
    }
    free(t);
    nr_buf_free(&clean);
    nr_buf_free(&map);
    if (!o.err && out->len > start_len)
        restore_letter_a(out, start_len);
    if (o.err) {
        nr_buf_truncate(out, start_len);
        return -1;
    }
    return 0;
}
