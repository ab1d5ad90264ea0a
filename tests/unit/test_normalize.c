/*
 * test_normalize.c - API edges of the text normalizer (src/normalize.h):
 * NULL/empty input, invalid UTF-8, the output size limit, huge tokens,
 * lexicon loading order and broken lines, the sentence splitter, the
 * explain callback and its class names, locale guessing, reentrancy across
 * threads, and that docs/normalizer.md lists the rules in dispatch.c's
 * order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "normalize.h"

static char *norm_str(nr_norm *n, const char *in)
{
    nr_buf b;
    nr_buf_init(&b, 0);
    int r = nr_norm_text(n, in, strlen(in), &b);
    assert_int_equal(r, 0);
    char *s = b.len ? nr_buf_steal(&b) : strdup("");
    nr_buf_free(&b);
    return s;
}

static char *fold_str(const char *s)
{
    nr_buf f;
    nr_buf_init(&f, 0);
    assert_int_equal(nr_fold_ascii(s, strlen(s), &f), NR_BUF_OK);
    char *r = f.len ? nr_buf_steal(&f) : strdup("");
    nr_buf_free(&f);
    return r;
}

static void assert_contract(const char *s)
{
    /* valid UTF-8, letters and marks past ASCII, otherwise printable ASCII;
     * no digits, single spaces, no leading/trailing space; and what Flite
     * gets after folding is printable ASCII */
    size_t n = strlen(s);
    for (size_t i = 0; i < n; ) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        assert_true(k > 0);
        if (cp >= 0x80) {
            utf8proc_category_t cat = utf8proc_category(cp);
            assert_true(cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME);
        } else {
            assert_true(cp >= 0x20 && cp < 0x7f);
            assert_false(cp >= '0' && cp <= '9');
        }
        if (cp == ' ')
            assert_true(i > 0 && i + 1 < n && s[i + 1] != ' ');
        i += (size_t)k;
    }
    char *f = fold_str(s);
    for (const char *p = f; *p; p++)
        assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
    free(f);
}

static void expect_norm(nr_norm *n, const char *in, const char *want)
{
    char *got = norm_str(n, in);
    if (strcmp(got, want))
        fail_msg("input \"%s\"\n  want \"%s\"\n  got  \"%s\"", in, want, got);
    free(got);
}

static void test_null_and_empty(void **state)
{
    (void)state;
    nr_norm_free(NULL);
    nr_norm *n = nr_norm_new();
    assert_non_null(n);
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_norm_text(n, NULL, 0, &b), 0);
    assert_int_equal(nr_norm_text(n, "", 0, &b), 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(nr_norm_text(NULL, "x", 1, &b), -1);
    nr_norm_set_locale(NULL, NR_LOCALE_GB);          /* tolerated */
    nr_norm_set_explain(NULL, NULL, NULL);
    assert_int_equal(nr_norm_get_locale(NULL), NR_LOCALE_AUTO);
    assert_int_equal(nr_norm_add_lexicon(NULL, "a\tb", 3, NULL, NULL, NULL, 0), -1);
    assert_int_equal(nr_norm_add_lexicon(n, NULL, 0, NULL, NULL, NULL, 0), 0);
    assert_int_equal(nr_norm_text(n, "   \t\n ", 6, &b), 0);
    assert_int_equal(b.len, 0);
    nr_buf_free(&b);
    nr_norm_free(n);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    const char in[] = "caf\xc3\xa9 \xff\xfe ok \xc3 \xe2\x82 end \x01\x02";
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_norm_text(n, in, sizeof in - 1, &b), 0);
    assert_non_null(b.data);
    assert_contract(b.data);
    assert_non_null(strstr(b.data, "caf\xc3\xa9 ok"));
    assert_non_null(strstr(b.data, "end"));
    nr_buf_free(&b);
    nr_norm_free(n);
}

static void test_output_limit(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_buf b;
    nr_buf_init(&b, 40);
    assert_int_equal(nr_buf_append(&b, "kept", 4), NR_BUF_OK);
    const char *in = "In 2014 there were 1,234,567 people and 3,000 cars.";
    assert_int_equal(nr_norm_text(n, in, strlen(in), &b), -1);
    assert_int_equal(b.len, 4);           /* left as it was */
    assert_memory_equal(b.data, "kept", 4);
    nr_buf_free(&b);
    nr_norm_free(n);
}

static void test_huge_token(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    size_t len = 100000;
    char *in = malloc(len + 1);
    assert_non_null(in);
    for (size_t i = 0; i < len; i++)
        in[i] = (char)("ab1-/.x9"[i % 8]);
    in[len] = 0;
    nr_buf b;
    nr_buf_init(&b, 0);
    assert_int_equal(nr_norm_text(n, in, len, &b), 0);
    assert_true(b.len > 0);
    assert_contract(b.data);
    nr_buf_reset(&b);
    memset(in, 'q', len);
    assert_int_equal(nr_norm_text(n, in, len, &b), 0);
    assert_int_equal(b.len, len);
    nr_buf_free(&b);
    free(in);
    nr_norm_free(n);
}

static void test_500_digits(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    char in[501];
    memset(in, '7', 500);
    in[500] = 0;
    char *got = norm_str(n, in);
    assert_contract(got);
    size_t words = 1;
    for (char *p = got; *p; p++)
        words += *p == ' ';
    assert_int_equal(words, 500);          /* read digit by digit */
    assert_int_equal(strncmp(got, "seven seven", 11), 0);
    free(got);
    /* within the scale names it is a cardinal */
    expect_norm(n, "1,000,000,000,000", "one trillion");
    nr_norm_free(n);
}

static void test_basic_forms(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_GB);
    assert_int_equal(nr_norm_get_locale(n), NR_LOCALE_GB);
    expect_norm(n, "It cost \xc2\xa3" "5.3m in 2014.", "It cost five point three million pounds in twenty fourteen.");
    expect_norm(n, "Henry VIII", "Henry the eighth");
    expect_norm(n, "130", "one hundred and thirty");
    nr_norm_set_locale(n, NR_LOCALE_US);
    expect_norm(n, "130", "one hundred thirty");
    expect_norm(n, "MI5 and the FBI", "M-I five and the F-B-I");
    expect_norm(n, "Dr Smith lives on Elm St.", "Doctor Smith lives on Elm Street.");
    nr_norm_free(n);
}

static void test_lexicon(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    const char *ship = "# shipped\nZorg\tzorg one\nBAD LINE WITHOUT TAB\nQRX\t@spell\nWeird\tbad 9 digits\nx y\tspace in key\nKeep\tkeep\tshouting\n";
    size_t nbad = 99;
    char err[128];
    assert_int_equal(nr_norm_add_lexicon(n, ship, strlen(ship), "ship.txt", &nbad, err, sizeof err), 0);
    assert_int_equal(nbad, 4);
    assert_non_null(strstr(err, "ship.txt:3:"));
    expect_norm(n, "Zorg QRX", "zorg one Q-R-X");
    /* later entries win */
    const char *user = "Zorg\tzorg two\nnato\tnay toe\tnocase\n";
    assert_int_equal(nr_norm_add_lexicon(n, user, strlen(user), "user.txt", &nbad, NULL, 0), 0);
    assert_int_equal(nbad, 0);
    expect_norm(n, "Zorg", "zorg two");
    expect_norm(n, "Nato", "nay toe");
    /* case-sensitive by default: "zorg" is not "Zorg" */
    expect_norm(n, "zorg", "zorg");
    /* no trailing newline, CRLF endings */
    const char *crlf = "Blip\tblip blop\r\nBlap\tblap";
    assert_int_equal(nr_norm_add_lexicon(n, crlf, strlen(crlf), NULL, &nbad, NULL, 0), 0);
    assert_int_equal(nbad, 0);
    expect_norm(n, "Blip Blap", "blip blop blap");
    /* an entry in plain letters also serves the accented spelling, and an
       accented entry wins for its own spelling */
    const char *acc = "Muller\tmew ler\nZo\xc3\xab\tzo ee\n";
    assert_int_equal(nr_norm_add_lexicon(n, acc, strlen(acc), NULL, &nbad, NULL, 0), 0);
    expect_norm(n, "M\xc3\xbcller and Muller", "mew ler and mew ler");
    expect_norm(n, "Zo\xc3\xab", "zo ee");
    nr_norm_free(n);
}

struct phones_seen { char word[32][32]; char ph[32][64]; int n; };

static int see_phones(void *ud, const char *word, const char *phones)
{
    struct phones_seen *ps = ud;
    if (ps->n < 32) {
        snprintf(ps->word[ps->n], sizeof ps->word[0], "%s", word);
        snprintf(ps->ph[ps->n], sizeof ps->ph[0], "%s", phones);
    }
    ps->n++;
    return 0;
}

static const char *phones_of(const struct phones_seen *ps, const char *word)
{
    for (int i = 0; i < ps->n && i < 32; i++)
        if (!strcmp(ps->word[i], word))
            return ps->ph[i];
    return NULL;
}

/* Phones between slashes: checked against Flite's set when read, handed
 * to the synthesizer, and the word itself goes through as written. */
static void test_lexicon_phones(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    const char *lex =
        "Siobhan\t/SH AX0 V AO1 N/\n"          /* upper case is fine */
        "Nguyen\t/  w ih1   n  /\n"             /* spaces collapse */
        "Koepka\t/k eh2 p k ax0/\n"            /* secondary stress is 1 */
        "Bad1\t/zz ao1/\n"                     /* line 4: unknown phone */
        "Bad2\t/b ao/\n"                       /* line 5: vowel without stress */
        "Bad3\t/b1 ao1/\n"                     /* line 6: stressed consonant */
        "Bad4\t//\n"                           /* line 7: nothing */
        "Two-Part\t/t uw1/\n"                  /* line 8: not one word */
        "GCHQ\t/jh iy1/\n";
    size_t nbad = 0;
    char err[160];
    struct phones_seen shipped = {0};
    assert_int_equal(nr_norm_each_phones(n, see_phones, &shipped), 0);
    assert_non_null(phones_of(&shipped, "Siobhan"));    /* voices/lexicon.txt */
    assert_null(phones_of(&shipped, "Koepka"));
    assert_int_equal(nr_norm_add_lexicon(n, lex, strlen(lex), "p.txt", &nbad, err, sizeof err), 0);
    assert_int_equal(nbad, 5);
    assert_non_null(strstr(err, "p.txt:4: unknown Flite phone"));
    struct phones_seen ps = {0};
    assert_int_equal(nr_norm_each_phones(n, see_phones, &ps), 0);
    /* Koepka and GCHQ are new; Siobhan and Nguyen replace shipped entries */
    assert_int_equal(ps.n, shipped.n + 2);
    assert_string_equal(phones_of(&ps, "Siobhan"), "sh ax0 v ao1 n");
    assert_string_equal(phones_of(&ps, "Nguyen"), "w ih1 n");
    assert_string_equal(phones_of(&ps, "Koepka"), "k eh1 p k ax0");
    /* the word reaches Flite as written, even where a rule would spell it */
    expect_norm(n, "Siobhan and GCHQ met Nguyen's aide", "Siobhan and GCHQ met Nguyen's aide");
    nr_norm_free(n);
}

struct sent { char buf[8][64]; int n; const char *text; };

static int collect(void *ud, size_t s, size_t e)
{
    struct sent *st = ud;
    if (st->n < 8) {
        size_t l = e - s < 63 ? e - s : 63;
        memcpy(st->buf[st->n], st->text + s, l);
        st->buf[st->n][l] = 0;
    }
    st->n++;
    return 0;
}

static void split(const char *text, struct sent *st)
{
    memset(st, 0, sizeof *st);
    st->text = text;
    assert_int_equal(nr_split_sentences(text, strlen(text), collect, st), 0);
}

static int stop_at_first(void *ud, size_t s, size_t e)
{
    (void)ud; (void)s; (void)e;
    return 7;
}

static void test_sentences(void **state)
{
    (void)state;
    struct sent st;
    split("Dr. Smith met Mr. Jones. They talked.", &st);
    assert_int_equal(st.n, 2);
    assert_string_equal(st.buf[0], "Dr. Smith met Mr. Jones.");
    assert_string_equal(st.buf[1], "They talked.");
    split("  Growth was 2.5 per cent. No. 10 said so... Really? Yes!  ", &st);
    assert_int_equal(st.n, 4);
    assert_string_equal(st.buf[0], "Growth was 2.5 per cent.");
    assert_string_equal(st.buf[1], "No. 10 said so...");
    assert_string_equal(st.buf[2], "Really?");
    assert_string_equal(st.buf[3], "Yes!");
    split("U.S. officials met. The talks ended.", &st);
    assert_int_equal(st.n, 2);
    split("Fruit, e.g. Apples, is good. \"It works.\" He said.", &st);
    assert_int_equal(st.n, 3);
    assert_string_equal(st.buf[1], "\"It works.\"");
    split("He lives in the U.S. The weather is fine.", &st);
    assert_int_equal(st.n, 2);
    split("J. K. Rowling wrote it.", &st);
    assert_int_equal(st.n, 1);
    split("", &st);
    assert_int_equal(st.n, 0);
    assert_int_equal(nr_split_sentences("One. Two.", 9, stop_at_first, NULL), 7);
    assert_int_equal(nr_split_sentences(NULL, 0, collect, &st), 0);
}

struct expl { int calls; int money; int date; char spoken[64]; char orig[64]; };

static void on_explain(void *ud, const char *orig, size_t ol, const char *cls,
                       const char *rule, const char *spoken, size_t sl)
{
    struct expl *e = ud;
    assert_non_null(rule);
    e->calls++;
    if (!strcmp(cls, "money")) {
        e->money++;
        size_t ll = ol < 63 ? ol : 63;
        memcpy(e->orig, orig, ll);     /* the original text, not the cleaned one */
        e->orig[ll] = 0;
        size_t l = sl < 63 ? sl : 63;
        memcpy(e->spoken, spoken, l);
        e->spoken[l] = 0;
    }
    if (!strcmp(cls, "date"))
        e->date++;
}

static void test_explain(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    struct expl e;
    memset(&e, 0, sizeof e);
    nr_norm_set_explain(n, on_explain, &e);
    char *got = norm_str(n, "It cost $12 on May 5, 2020 and nothing else.");
    assert_int_equal(e.money, 1);
    assert_int_equal(e.date, 1);
    assert_string_equal(e.spoken, "twelve dollars");
    assert_string_equal(e.orig, "$12");
    assert_int_equal(e.calls, 2);          /* plain words are not reported */
    free(got);
    memset(&e, 0, sizeof e);
    got = norm_str(n, "Caf\xc3\xa9 prices rose to \xc2\xa3" "5.3m.");
    assert_int_equal(e.money, 1);
    assert_string_equal(e.orig, "\xc2\xa3" "5.3m");
    assert_string_equal(e.spoken, "five point three million pounds");
    free(got);
    nr_norm_free(n);
}

/* The classes --explain reports, as docs/normalizer.md lists them. */
static const char *const doc_classes[] = {
    "cardinal", "decimal", "ordinal", "date", "time", "money", "measure", "fraction",
    "range", "telephone", "electronic", "letters", "abbreviation", "roman", "lexicon",
    "spelling", "symbol", "version", "serial", "math", "address", "word",
};
#define N_DOC_CLASSES (sizeof doc_classes / sizeof doc_classes[0])

static void on_explain_class(void *ud, const char *orig, size_t ol, const char *cls,
                             const char *rule, const char *spoken, size_t sl)
{
    unsigned *seen = ud;
    (void)orig, (void)ol, (void)spoken, (void)sl;
    assert_non_null(rule);
    assert_true(rule[0] != 0);
    size_t k = 0;
    while (k < N_DOC_CLASSES && strcmp(cls, doc_classes[k]))
        k++;
    if (k == N_DOC_CLASSES)
        fail_msg("class \"%s\" (rule %s) is not in docs/normalizer.md's list", cls, rule);
    seen[k]++;
}

/* Every class the normalizer reports has its documented name (the class
 * enum maps to these strings), and the text below reaches each of them. */
static void test_explain_classes(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    unsigned seen[N_DOC_CLASSES] = {0};
    nr_norm_set_explain(n, on_explain_class, seen);
    char *got = norm_str(n, "In 1,984 cases, 2.5 of the 21st century on May 13, 2014 at "
                            "10:30am cost $5 for 5 km, 3/4 of 2009-2013; call 020 7946 0958 "
                            "or bbc.co.uk; the FBI and Dr Smith met Henry VIII about NATO and "
                            "colour & v2.1.0 of ISBN 0-14-103614-X, y=x+1 at 2788 San Tomas "
                            "Expy, rock&roll.");
    for (size_t k = 0; k < N_DOC_CLASSES; k++)
        if (!seen[k])
            fail_msg("no token was reported as %s", doc_classes[k]);
    free(got);
    nr_norm_free(n);
}

/* The file at top/path, NUL-terminated. */
static char *read_file(const char *top, const char *path)
{
    char name[4096];
    snprintf(name, sizeof name, "%s/%s", top, path);
    FILE *f = fopen(name, "rb");
    if (!f)
        fail_msg("cannot read %s (run from the source tree, or set TOP)", name);
    char *buf = NULL;
    size_t len = 0, cap = 0, r;
    do {
        if (cap - len < 4096) {
            cap = cap * 2 + 4096;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        r = fread(buf + len, 1, cap - len, f);
        len += r;
    } while (r);
    fclose(f);
    buf[len] = 0;
    return buf;
}

/* The names in the first backticked cell of the rows of the table after
 * `heading` in the doc, in order, one per line. */
static void doc_rule_names(const char *doc, const char *heading, char *out, size_t cap)
{
    const char *p = strstr(doc, heading);
    assert_non_null(p);
    size_t w = 0;
    out[0] = 0;
    for (p = strchr(p, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
        const char *line = p + 1;
        if (line[0] == '#')
            break;                      /* the next heading */
        if (line[0] != '|')
            continue;
        /* "| 7 | `name` | ...": the first backticked cell */
        const char *a = strchr(line, '`'), *e = strchr(line, '\n');
        if (!a || (e && a > e))
            continue;
        const char *b = strchr(a + 1, '`');
        assert_non_null(b);
        assert_true(w + (size_t)(b - a) + 1 < cap);
        memcpy(out + w, a + 1, (size_t)(b - a - 1));
        w += (size_t)(b - a - 1);
        out[w++] = '\n';
        out[w] = 0;
    }
}

/* The functions of the rows of `table` in dispatch.c, in order, one per
 * line. */
static void code_rule_names(const char *code, const char *table, char *out, size_t cap)
{
    const char *p = strstr(code, table);
    assert_non_null(p);
    const char *end = strstr(p, "\n};");
    assert_non_null(end);
    size_t w = 0;
    out[0] = 0;
    /* rows: "{CLS_X, ON_Y, name},": the name is the last field */
    for (p = strstr(p, "\n    {CLS_"); p && p < end; p = strstr(p + 1, "\n    {CLS_")) {
        const char *close = strstr(p, "},");
        assert_non_null(close);
        const char *a = close;
        while (a > p && (a[-1] == '_' || (a[-1] >= 'a' && a[-1] <= 'z')))
            a--;
        assert_true(w + (size_t)(close - a) + 1 < cap);
        memcpy(out + w, a, (size_t)(close - a));
        w += (size_t)(close - a);
        out[w++] = '\n';
        out[w] = 0;
    }
}

/* docs/normalizer.md lists the rows of dispatch.c's tables in their order:
 * a row moved or added in one and not the other fails here. */
static void test_dispatch_order_documented(void **state)
{
    (void)state;
    const char *top = getenv("TOP") ? getenv("TOP") : ".";
    char *doc = read_file(top, "docs/normalizer.md");
    char *code = read_file(top, "src/norm/dispatch.c");
    static const char *const tables[][2] = {
        {"#### multi_rules", "multi_rules[] = {"},
        {"#### token_rules", "token_rules[] = {"},
        {"#### number_rules", "number_rules[] = {"},
    };
    for (size_t t = 0; t < 3; t++) {
        char in_doc[4096], in_code[4096];
        doc_rule_names(doc, tables[t][0], in_doc, sizeof in_doc);
        code_rule_names(code, tables[t][1], in_code, sizeof in_code);
        assert_true(strlen(in_code) > 0);
        assert_string_equal(in_doc, in_code);
    }
    free(doc);
    free(code);
}

static void test_guess_locale(void **state)
{
    (void)state;
    const char *gb = "The council spent \xc2\xa3" "5m on the town centre.";
    const char *us = "The city spent $5m on the downtown center.";
    assert_int_equal(nr_norm_guess_locale(gb, strlen(gb)), NR_LOCALE_GB);
    assert_int_equal(nr_norm_guess_locale(us, strlen(us)), NR_LOCALE_US);
    assert_int_equal(nr_norm_guess_locale("on 24/10/2024", 13), NR_LOCALE_GB);
    assert_int_equal(nr_norm_guess_locale("on 10/24/2024", 13), NR_LOCALE_US);
    assert_int_equal(nr_norm_guess_locale(NULL, 0), NR_LOCALE_US);
}

struct job { const nr_norm *n; const char *in; char *out; };

static void *worker(void *arg)
{
    struct job *j = arg;
    nr_buf b;
    nr_buf_init(&b, 0);
    for (int k = 0; k < 50; k++) {
        nr_buf_reset(&b);
        if (nr_norm_text(j->n, j->in, strlen(j->in), &b) != 0)
            return NULL;
    }
    j->out = nr_buf_steal(&b);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_GB);
    const char *in = "On 13th May 2014 the BBC's MPs paid \xc2\xa3" "1.20 for 2\xc2\xbd kg at 10:30am; "
                     "see bbc.co.uk/news or call 020 7946 0958. Henry VIII, World War II.";
    char *ref = norm_str(n, in);
    assert_contract(ref);
    pthread_t th[4];
    struct job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].n = n;
        jobs[i].in = in;
        jobs[i].out = NULL;
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_non_null(jobs[i].out);
        assert_string_equal(jobs[i].out, ref);  /* deterministic, no shared state */
        free(jobs[i].out);
    }
    free(ref);
    nr_norm_free(n);
}

static void test_contract_on_mixed_input(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    static const char *const inputs[] = {
        "\xe2\x80\x9cQuote\xe2\x80\x9d \xe2\x80\x94 dash \xe2\x80\xa6 ellipsis \xe2\x80\xa2 bullet",
        "x^2 + y = 3 # @ & % * ~ < > | \\ { } [ ]",
        "\xe2\x82\xac" "5 \xc2\xa5" "6 \xc2\xa3" "7 \xe2\x82\xa9" "8 50p 3\xc2\xb0 1\xc2\xbd",
        "1/0 0/0 99999999999999999999999/3 1e10 0x1F 3.4.5.6.7 --- -- -",
        "A&E AT&T S&P 500 COVID-19 U18 IP68 v2.1.0 2,000-strong 1st 2nd 3rd 4th",
        "\xce\xb1\xce\xb2\xce\xb3 \xe4\xb8\xad\xe6\x96\x87 \xd0\xbf\xd1\x80\xd0\xb8 \xf0\x9f\x98\x80",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *got = norm_str(n, inputs[i]);
        assert_contract(got);
        free(got);
    }
    nr_norm_free(n);
}

/* Letters past ASCII stay as typed in the spoken text (transcripts and
 * --script show them) and are folded only for Flite. */
static void test_letters_kept_and_folded(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        /* input, spoken, folded for Flite */
        {"M\xc3\xbcller's caf\xc3\xa9 in S\xc3\xa3o Paulo.",
         "M\xc3\xbcller's caf\xc3\xa9 in S\xc3\xa3o Paulo.", "Muller's cafe in Sao Paulo."},
        /* decomposed e + acute is kept on its letter; a mark on nothing goes */
        {"cafe\xcc\x81 \xcc\x81x", "cafe\xcc\x81 x", "cafe x"},
        /* capitals past ASCII count as capitals: spelled like FBI */
        {"the \xc3\x96VP said", "the \xc3\x96-V-P said", "the O-V-P said"},
        /* a headline in capitals is lowered letter by letter */
        {"M\xc3\x9cLLER WINS TITLE", "m\xc3\xbcller wins title", "muller wins title"},
        /* letters English writes without accents */
        {"Stra\xc3\x9f" "e \xc3\x86sir \xc3\x98stergaard \xc3\x9ein",
         "Stra\xc3\x9f" "e \xc3\x86sir \xc3\x98stergaard \xc3\x9ein", "Strasse AEsir Ostergaard Thin"},
        /* compatibility forms still become ASCII before the rules */
        {"\xef\xac\x81ne \xef\xbc\xa1pple", "fine Apple", "fine Apple"},
        /* other scripts stay in the text, Flite gets nothing for them */
        {"\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd spoke",
         "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd spoke", " spoke"},
    };
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = norm_str(n, cases[i][0]);
        if (strcmp(got, cases[i][1]))
            fail_msg("input \"%s\"\n  want \"%s\"\n  got  \"%s\"", cases[i][0], cases[i][1], got);
        assert_contract(got);
        char *f = fold_str(got);
        if (strcmp(f, cases[i][2]))
            fail_msg("fold of \"%s\"\n  want \"%s\"\n  got  \"%s\"", got, cases[i][2], f);
        free(f);
        free(got);
    }
    nr_norm_free(n);
}

/* NUL bytes inside tokens: table lookups compare by length, never reading
 * past a shorter key (libFuzzer crash-keq-overflow: "Dr\0." and friends) */
static void test_nul_bytes(void **state)
{
    (void)state;
    static const char *const ins[] = {
        "w. Sir!d Dr\0. WS. ials.\0z\0\0\0\0\0\0\0\0\0\0\0\t\r\n",
        "$\0\0 5 Dr\0 St\0\0 Ltd\0 km\0 m\0\0 USD\0",
        "5 k\0 m\0 \0\0\0 E\0R 9 Co\0 Smith",
    };
    static const size_t lens[] = {39, 32, 27};
    nr_norm *n = nr_norm_new();
    for (size_t i = 0; i < sizeof ins / sizeof ins[0]; i++) {
        nr_buf b;
        nr_buf_init(&b, 0);
        assert_int_equal(nr_norm_text(n, ins[i], lens[i], &b), 0);
        if (b.len)
            assert_contract(b.data);
        nr_buf_free(&b);
    }
    nr_norm_free(n);
}

/* A lone letter A inside a long code is tied to the next piece in one
 * pass: every "a1" of a 100,000-char address becomes "A-one". */
static void test_letter_a_in_long_code(void **state)
{
    (void)state;
    nr_norm *n = nr_norm_new();
    nr_norm_set_locale(n, NR_LOCALE_US);
    size_t pairs = 50000, len = pairs * 2 + 6;
    char *in = malloc(len + 1);
    assert_non_null(in);
    for (size_t i = 0; i < pairs; i++)
        memcpy(in + 2 * i, "a1", 2);
    memcpy(in + 2 * pairs, "@x.com", 7);
    char *got = norm_str(n, in);
    assert_contract(got);
    size_t ties = 0;
    for (char *p = got; (p = strstr(p, "A-one")) != NULL; p += 5)
        ties++;
    assert_int_equal(ties, pairs);
    assert_null(strstr(got, "ay"));
    free(got);
    free(in);
    expect_norm(n, "B2A23C", "B two A-twenty three C");
    expect_norm(n, "Write to a@example.com", "Write to A-at example dot com");
    expect_norm(n, "David A. Smith", "David A Smith");
    nr_norm_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_and_empty),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_letters_kept_and_folded),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_output_limit),
        cmocka_unit_test(test_huge_token),
        cmocka_unit_test(test_500_digits),
        cmocka_unit_test(test_letter_a_in_long_code),
        cmocka_unit_test(test_basic_forms),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_lexicon_phones),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_explain_classes),
        cmocka_unit_test(test_dispatch_order_documented),
        cmocka_unit_test(test_guess_locale),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_contract_on_mixed_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
