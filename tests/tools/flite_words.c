/*
 * flite_words.c - does Flite say what narrate wrote?  Reads narrate's
 * spoken text (narrate --normalize output), one case a line, runs Flite's
 * text analysis alone on each line (its tokenizer and token-to-words step,
 * no sound: nr_voice_words) and prints one line per input line: empty when
 * Flite keeps every token as written, else each token Flite changes and
 * the words it makes of it ("I -> the first").
 *
 *   flite_words [-v VOICE] < spoken.txt > changes.txt   (exit 0; 2 on errors)
 *
 * The text is folded to ASCII first, as the synthesizer does (fold.h), and
 * Flite gets the lexicon's phones, as narrate gives them (render.c), from
 * the shipped lexicon and $NARRATE_LEXICON.
 *
 * What counts as kept: Flite makes one word of each part of the token
 * between hyphens, and one of a clitic ('s, 'll, 've, 'd), and each word is
 * that part, in any letter case, apostrophes aside.  So a word in capitals
 * Flite says as a word ("NATO" -> nato) is kept, and so are letters narrate
 * spelled ("F-B-I" -> f b i, "M-P's" -> m p 's) and respellings (lexicon
 * words Flite reads as given); a word Flite spells ("cDNAs" -> c d n a s)
 * is not.  These are Flite's own
 * business and also count as kept:
 *   - letter case (Flite looks words up in small letters);
 *   - capitals it spells ("PM" -> p m), as a reader of the script would;
 *   - a lone "A" Flite marks as the letter name ("_a");
 *   - punctuation, which Flite's tokenizer moves into features of the token;
 *   - which reading of a homograph it takes ("read" -> red / reed, "lead"
 *     -> led / leed): the same word, its pronunciation chosen by context.
 * Anything else is a word narrate's --script shows that Flite would say
 * differently: a Roman numeral ("I" -> the first), a state code ("CA" ->
 * california), capitals it spells, digits or symbols narrate left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fold.h"
#include "normalize.h"
#include "synth.h"

static int add_phones(void *voice, const char *word, const char *phones)
{
    (void)nr_voice_add_phones(voice, word, phones);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    nr_buf b;
    nr_buf_init(&b, 0);
    char chunk[8192];
    size_t r;
    while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (nr_buf_append(&b, chunk, r) != NR_BUF_OK)
            break;
    fclose(f);
    *len = b.len;
    return b.len ? nr_buf_steal(&b) : NULL;
}

/* One word as the comparison sees it: small letters, no apostrophes;
 * Flite's letter name "_a" is the letter a. */
static void squeeze(const char *s, size_t n, nr_buf *out)
{
    if (n == 2 && s[0] == '_' && s[1] == 'a') {
        nr_buf_putc(out, 'a');
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\'')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        nr_buf_putc(out, c);
    }
}

/* The words a token should give, one per line: its parts between hyphens
 * (spelled letters "F-B-I", "co-operative"), and a clitic Flite says as a
 * word of its own ("M-P's" -> m, p, 's). */
static void token_parts(const char *t, nr_buf *out)
{
    size_t n = strlen(t), clitic = n;
    const char *ap = strrchr(t, '\'');
    static const char *const clitics[] = {"'s", "'ll", "'ve", "'d", NULL};
    for (size_t i = 0; ap && clitics[i]; i++)
        if (!strcasecmp(ap, clitics[i]) && ap > t)
            clitic = (size_t)(ap - t);
    for (size_t i = 0; i < clitic; ) {
        size_t k = i;
        while (k < clitic && t[k] != '-')
            k++;
        if (k > i) {
            squeeze(t + i, k - i, out);
            nr_buf_putc(out, '\n');
        }
        i = k + 1;
    }
    if (clitic < n) {
        squeeze(t + clitic, n - clitic, out);
        nr_buf_putc(out, '\n');
    }
}

/* Flite's words the same way, one per line */
static void word_parts(const char *words, nr_buf *out)
{
    while (*words) {
        size_t k = strcspn(words, " ");
        squeeze(words, k, out);
        nr_buf_putc(out, '\n');
        words += k;
        while (*words == ' ')
            words++;
    }
}

static int homograph(const char *tok, const char *words)
{
    static const char *const readings[][3] = {
        {"read\n", "red\n", "reed\n"}, {"lead\n", "led\n", "leed\n"},
    };
    for (size_t i = 0; i < sizeof readings / sizeof readings[0]; i++)
        if (!strcmp(tok, readings[i][0]) &&
            (!strcmp(words, readings[i][1]) || !strcmp(words, readings[i][2])))
            return 1;
    return 0;
}

/* Capitals Flite says letter by letter ("PM" -> p m): a reader of the
 * script reads them so too */
static int spelled_capitals(const char *tok, const char *words)
{
    size_t n = 0;
    for (const char *p = tok; *p; p++, n++)
        if (*p < 'A' || *p > 'Z')
            return 0;
    size_t k = 0;
    for (const char *w = words; *w; ) {
        size_t m = strcspn(w, " ");
        if (k >= n || !((m == 1 && (w[0] | 32) == (tok[k] | 32)) ||
                        (m == 2 && w[0] == '_' && w[1] == 'a' && tok[k] == 'A')))
            return 0;
        k++;
        w += m;
        while (*w == ' ')
            w++;
    }
    return n >= 2 && k == n;
}

typedef struct report {
    nr_buf *line;   /* what Flite changed in this line */
    nr_buf a, b;
} report;

static void check_token(void *ud, const char *token, const char *words)
{
    report *r = ud;
    r->a.len = r->b.len = 0;
    token_parts(token, &r->a);
    word_parts(words, &r->b);
    nr_buf_putc(&r->a, '\0');
    nr_buf_putc(&r->b, '\0');
    if (!strcmp(r->a.data, r->b.data) || homograph(r->a.data, r->b.data) ||
        spelled_capitals(token, words))
        return;
    if (r->line->len)
        nr_buf_puts(r->line, "; ");
    nr_buf_puts(r->line, token);
    nr_buf_puts(r->line, " -> ");
    nr_buf_puts(r->line, *words ? words : "(nothing)");
}

int main(int argc, char **argv)
{
    const char *voice_name = "kal";
    if (argc == 3 && !strcmp(argv[1], "-v"))
        voice_name = argv[2];
    else if (argc != 1) {
        fprintf(stderr, "usage: flite_words [-v VOICE] < spoken.txt\n");
        return 2;
    }
    nr_voice *v = nr_voice_load(voice_name, 1.0);
    nr_norm *n = nr_norm_new();
    if (!v || !n) {
        fprintf(stderr, "flite_words: cannot load voice %s\n", voice_name);
        return 2;
    }
    const char *lexpath = getenv("NARRATE_LEXICON");
    size_t lexlen = 0;
    char *lex = lexpath && *lexpath ? slurp(lexpath, &lexlen) : NULL;
    if (lex && nr_norm_add_lexicon(n, lex, lexlen, lexpath, NULL, NULL, 0) < 0) {
        fprintf(stderr, "flite_words: out of memory\n");
        return 2;
    }
    free(lex);
    nr_norm_each_phones(n, add_phones, v);

    report r = {0};
    nr_buf line, folded;
    nr_buf_init(&line, 0);
    nr_buf_init(&folded, 0);
    nr_buf_init(&r.a, 0);
    nr_buf_init(&r.b, 0);
    r.line = &line;
    char *in = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&in, &cap, stdin)) >= 0) {
        while (got > 0 && (in[got - 1] == '\n' || in[got - 1] == '\r'))
            in[--got] = '\0';
        nr_buf_reset(&line);
        nr_buf_reset(&folded);
        if (nr_fold_ascii(in, (size_t)got, &folded) != NR_BUF_OK ||
            nr_buf_putc(&folded, '\0') != NR_BUF_OK ||
            nr_voice_words(v, folded.data, check_token, &r) < 0) {
            fprintf(stderr, "flite_words: Flite failed on: %s\n", in);
            rc = 2;
            break;
        }
        printf("%.*s\n", (int)line.len, line.len ? line.data : "");
    }
    free(in);
    nr_buf_free(&line);
    nr_buf_free(&folded);
    nr_buf_free(&r.a);
    nr_buf_free(&r.b);
    nr_norm_free(n);
    nr_voice_free(v);
    return rc;
}
