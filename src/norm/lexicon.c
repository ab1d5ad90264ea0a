/*
 * lexicon.c - user- and ship-supplied pronunciations (format: voices/lexicon.txt).
 *
 * One hash table, open addressing, keyed on the written form: case-sensitive
 * entries under their exact spelling, case-insensitive ones under the
 * lower-cased spelling with a flag, so "US" (spell it) and "us" never meet.
 * Adding a key that exists replaces the entry: later files win.
 */
#include "internal.h"
#include "fold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s, size_t n, int icase)
{
    size_t h = 1469598103934665603ULL & (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (icase && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = (h ^ c) * (size_t)1099511628211ULL;
    }
    return h ^ (size_t)icase;
}

static int key_eq(const lex_entry *e, const char *s, size_t n, int icase)
{
    if (e->icase != icase || strlen(e->key) != n)
        return 0;
    return icase ? ieq(s, n, e->key) : !memcmp(e->key, s, n);
}

static lex_entry *slot(const nr_lexicon *lx, const char *s, size_t n, int icase)
{
    if (!lx->cap)
        return NULL;
    size_t i = hash(s, n, icase) & (lx->cap - 1);
    for (;;) {
        lex_entry *e = &lx->e[i];
        if (!e->key || key_eq(e, s, n, icase))
            return e;
        i = (i + 1) & (lx->cap - 1);
    }
}

static const lex_entry *find_exact(const nr_lexicon *lx, const char *s, size_t n)
{
    lex_entry *e = slot(lx, s, n, 0);
    if (e && e->key)
        return e;
    if (!lx->n_icase)
        return NULL;
    e = slot(lx, s, n, 1);
    if (e && e->key)
        return e;
    return NULL;
}

/* A word with accents is found under its own spelling first, then under the
 * plain one ("Müller" finds a "Muller" entry), so lexicons written in ASCII
 * keep working now that the text keeps its accents. */
const lex_entry *lex_find(const nr_lexicon *lx, const char *s, size_t n)
{
    const lex_entry *e = find_exact(lx, s, n);
    if (e || !lx->n)
        return e;
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n)
        return NULL;
    nr_buf f;
    nr_buf_init(&f, 0);
    if (nr_fold_ascii(s, n, &f) == NR_BUF_OK && f.len)
        e = find_exact(lx, f.data, f.len);
    nr_buf_free(&f);
    return e;
}

static int grow(nr_lexicon *lx)
{
    size_t ncap = lx->cap ? lx->cap * 2 : 256;
    lex_entry *ne = calloc(ncap, sizeof *ne);
    if (!ne)
        return -1;
    nr_lexicon tmp = { ne, ncap, lx->n, lx->n_icase };
    for (size_t i = 0; i < lx->cap; i++) {
        if (!lx->e[i].key)
            continue;
        lex_entry *d = slot(&tmp, lx->e[i].key, strlen(lx->e[i].key), lx->e[i].icase);
        *d = lx->e[i];
    }
    free(lx->e);
    *lx = tmp;
    return 0;
}

static int lex_put(nr_lexicon *lx, const char *k, size_t kn, const char *v,
                   size_t vn, int mode, int icase)
{
    if ((lx->n + 1) * 2 > lx->cap && grow(lx) < 0)
        return -1;
    lex_entry *e = slot(lx, k, kn, icase);
    char *say = NULL;
    if (mode == LEX_SAY || mode == LEX_PHONES) {
        say = malloc(vn + 1);
        if (!say)
            return -1;
        memcpy(say, v, vn);
        say[vn] = 0;
    }
    if (e->key) {               /* replace: later entries win */
        free(e->say);
        e->say = say;
        e->mode = mode;
        return 0;
    }
    char *key = malloc(kn + 1);
    if (!key) {
        free(say);
        return -1;
    }
    memcpy(key, k, kn);
    key[kn] = 0;
    e->key = key;
    e->say = say;
    e->mode = mode;
    e->icase = icase;
    lx->n++;
    lx->n_icase += (size_t)icase;
    return 0;
}

void lex_free(nr_lexicon *lx)
{
    for (size_t i = 0; i < lx->cap; i++) {
        free(lx->e[i].key);
        free(lx->e[i].say);
    }
    free(lx->e);
    lx->e = NULL;
    lx->cap = lx->n = lx->n_icase = 0;
}

int nr_norm_each_phones(const nr_norm *n, nr_phones_fn fn, void *ud)
{
    for (size_t i = 0; n && i < n->lex.cap; i++) {
        const lex_entry *e = &n->lex.e[i];
        if (e->key && e->mode == LEX_PHONES) {
            int r = fn(ud, e->key, e->say);
            if (r)
                return r;
        }
    }
    return 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* Respellings must already obey the output contract, and Flite reads them:
   ASCII letters, spaces, ' and - only. */
static int valid_say(const char *v, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (!(c < 0x80 && is_alpha(c)) && c != ' ' && c != '\'' && c != '-')
            return 0;
    }
    return 1;
}

/* A word said with phones reaches Flite as one token: letters only. */
static int valid_phones_key(const char *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alpha((unsigned char)k[i]))
            return 0;
    return 1;
}

int nr_norm_add_lexicon(nr_norm *n, const char *data, size_t len,
                        const char *source_name, size_t *nbad,
                        char *err, size_t errlen)
{
    size_t bad = 0, lineno = 0, pos = 0;
    if (err && errlen)
        err[0] = 0;
    if (nbad)
        *nbad = 0;
    if (!n)
        return -1;
    if (!source_name)
        source_name = "lexicon";
    while (data && pos < len) {
        const char *line = data + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl ? 1 : 0);
        lineno++;
        const char *t = line;
        size_t tn = ll;
        trim(&t, &tn);
        if (!tn || t[0] == '#')
            continue;
        const char *why = NULL;
        const char *tab = memchr(t, '\t', tn);
        const char *k = t, *v = NULL, *f = NULL;
        size_t kn = 0, vn = 0, fn = 0;
        int mode = LEX_SAY, icase = 0;
        char phones[256];
        if (!tab) {
            why = "no TAB between word and pronunciation";
        } else {
            kn = (size_t)(tab - t);
            v = tab + 1;
            vn = tn - kn - 1;
            const char *tab2 = memchr(v, '\t', vn);
            if (tab2) {
                f = tab2 + 1;
                fn = vn - (size_t)(tab2 - v) - 1;
                vn = (size_t)(tab2 - v);
                trim(&f, &fn);
            }
            trim(&k, &kn);
            trim(&v, &vn);
            if (!kn || memchr(k, ' ', kn))
                why = "word is empty or has a space";
            else if (vn == 6 && !memcmp(v, "@spell", 6))
                mode = LEX_SPELL;
            else if (vn == 5 && !memcmp(v, "@word", 5))
                mode = LEX_WORD;
            else if (vn >= 2 && v[0] == '/' && v[vn - 1] == '/') {
                mode = LEX_PHONES;
                vn = phones_parse(v + 1, vn - 2, phones, sizeof phones, &why);
                v = phones;
                if (!why && !valid_phones_key(k, kn))
                    why = "a word said with phones must be letters only";
            } else if (!valid_say(v, vn))
                why = "pronunciation must be letters, spaces, ' and - only";
            if (!why && fn) {
                if (fn == 6 && !memcmp(f, "nocase", 6))
                    icase = 1;
                else if (!(fn == 4 && !memcmp(f, "case", 4)))
                    why = "unknown flag (use case or nocase)";
            }
        }
        if (why) {
            if (!bad && err && errlen)
                snprintf(err, errlen, "%s:%zu: %s", source_name, lineno, why);
            bad++;
            continue;
        }
        if (lex_put(&n->lex, k, kn, v, vn, mode, icase) < 0) {
            if (nbad)
                *nbad = bad;
            return -1;
        }
    }
    if (nbad)
        *nbad = bad;
    return 0;
}
