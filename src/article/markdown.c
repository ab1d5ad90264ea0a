/*
 * markdown.c - the Markdown reader.  Block structure (front matter, ATX and
 * setext headings, lists, block quotes, fenced and indented code, HTML
 * comments, reference definitions, tables) is read line by line; inline
 * markup (emphasis, code spans, links, images, inline HTML, entities,
 * backslash escapes) is removed while the text goes into the builder, so
 * the source map still points at the bytes as written.
 *
 * Markdown states headings and lists outright, so no guessing is done for
 * them; the paragraphs still go through the boilerplate rules, because
 * Markdown made from a web page carries the same share bars and tails.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/internal.h"
#include "article/readers.h"

typedef struct mdline {
    size_t start, end;   /* without the line ending; end is trimmed */
    size_t text;         /* first non-blank byte */
    size_t indent;
} mdline;

typedef struct md {
    nr_doc *d;
    const char *s;
    mdline *L;
    size_t n;
    nr_tb tb;
    int seen_content;    /* a block was emitted (for the title rule) */
    size_t budget;       /* bytes the bracket searches may still scan */
} md;

#define BRACKET_LOOKAHEAD 2000

static int get_lines(md *m)
{
    const char *s = m->s;
    size_t n = m->d->srclen, cap = 64, cnt = 0;
    mdline *L = malloc(cap * sizeof *L);
    if (!L)
        return -1;
    for (size_t i = 0; i <= n;) {
        size_t a = i;
        while (i < n && s[i] != '\n' && s[i] != '\r')
            i++;
        if (cnt == cap) {
            cap *= 2;
            mdline *x = realloc(L, cap * sizeof *x);
            if (!x) {
                free(L);
                return -1;
            }
            L = x;
        }
        mdline *l = &L[cnt++];
        l->start = a;
        size_t e = i, t = a, ind = 0;
        while (t < e && (s[t] == ' ' || s[t] == '\t')) {
            ind += s[t] == '\t' ? 4 : 1;
            t++;
        }
        while (e > t && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        l->text = t;
        l->end = e;
        l->indent = ind;
        if (i >= n)
            break;
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
        i++;
    }
    m->L = L;
    m->n = cnt;
    return 0;
}

static int blank(const mdline *l) { return l->text >= l->end; }

/* Does the line hold the end of an HTML comment? */
static int strstr_len_ok(const char *s, const mdline *l)
{
    for (size_t i = l->start; i + 3 <= l->end; i++)
        if (!memcmp(s + i, "-->", 3))
            return 1;
    return 0;
}

/* ---------------- inline ---------------- */

/* Matching bracket for s[i]; 0 when none.  The searches share a budget
   proportional to the input, so a line of a million '[' stays linear. */
static size_t find_close(md *m, size_t i, size_t end, char open, char close)
{
    const char *s = m->s;
    int depth = 0;
    size_t lim = end - i > BRACKET_LOOKAHEAD ? i + BRACKET_LOOKAHEAD : end;
    for (size_t j = i; j < lim; j++) {
        if (m->budget == 0)
            return 0;
        m->budget--;
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == open)
            depth++;
        else if (s[j] == close && --depth == 0)
            return j;
    }
    return 0;
}

/* Emits s[a..b) with inline markup removed. */
static void inline_text(md *m, size_t a, size_t b)
{
    const char *s = m->s;
    nr_tb *tb = &m->tb;
    size_t i = a;
    while (i < b) {
        char c = s[i];
        if (c == '\\' && i + 1 < b && ispunct((unsigned char)s[i + 1])) {
            nr_tb_add(tb, s + i + 1, 1, i + 1);
            i += 2;
            continue;
        }
        if (c == '`') {
            size_t r = i;
            while (r < b && s[r] == '`')
                r++;
            size_t run = r - i, j = r;
            size_t lim = b - r > BRACKET_LOOKAHEAD ? r + BRACKET_LOOKAHEAD : b;
            if (m->budget < lim - r)
                lim = r + m->budget;
            m->budget -= lim - r;
            while (j < lim) {
                if (s[j] == '`') {
                    size_t q = j;
                    while (q < b && s[q] == '`')
                        q++;
                    if (q - j == run)
                        break;
                    j = q;
                    continue;
                }
                j++;
            }
            if (j < lim) {
                nr_tb_add(tb, s + r, j - r, r);
                i = j + run;
            } else {
                nr_tb_add(tb, s + i, run, i);
                i = r;
            }
            continue;
        }
        if (c == '!' && i + 1 < b && s[i + 1] == '[') {
            size_t cb = find_close(m, i + 1, b, '[', ']');
            if (cb && cb + 1 < b && (s[cb + 1] == '(' || s[cb + 1] == '[')) {
                size_t cp = find_close(m, cb + 1, b, s[cb + 1],
                                       s[cb + 1] == '(' ? ')' : ']');
                if (cp) {
                    nr_doc_strip(m->d, i, cp + 1, "image");
                    nr_tb_space(tb, i);
                    nr_tb_dropped(tb);
                    i = cp + 1;
                    continue;
                }
            }
        }
        if (c == '[') {
            size_t cb = find_close(m, i, b, '[', ']');
            if (cb && i + 1 < cb && s[i + 1] == '^') {
                /* footnote reference [^1] */
                nr_doc_strip(m->d, i, cb + 1, "footnote-marker");
                nr_tb_dropped(tb);
                i = cb + 1;
                continue;
            }
            if (cb && cb + 1 < b && (s[cb + 1] == '(' || s[cb + 1] == '[')) {
                size_t ce = find_close(m, cb + 1, b, s[cb + 1],
                                       s[cb + 1] == '(' ? ')' : ']');
                if (ce) {
                    inline_text(m, i + 1, cb);
                    i = ce + 1;
                    continue;
                }
            }
        }
        if (c == '<') {
            size_t j = i + 1;
            if (b - i >= 4 && !memcmp(s + i, "<!--", 4)) {
                size_t k = i + 4;
                while (k + 2 < b && memcmp(s + k, "-->", 3))
                    k++;
                if (k + 2 < b) {
                    nr_doc_strip(m->d, i, k + 3, "html-comment");
                    nr_tb_dropped(tb);
                    i = k + 3;
                    continue;
                }
            }
            if (j < b && (isalpha((unsigned char)s[j]) || s[j] == '/')) {
                size_t k = j;
                size_t lim = b - j > 500 ? j + 500 : b;
                while (k < lim && s[k] != '>' && s[k] != '<')
                    k++;
                if (k < lim && s[k] == '>') {
                    /* autolinks are URLs: not worth speaking */
                    if (memchr(s + j, ':', k - j) || memchr(s + j, '@', k - j)) {
                        nr_doc_strip(m->d, i, k + 1, "link");
                        nr_tb_dropped(tb);
                    }
                    /* <br> and block tags separate words */
                    size_t t0 = j + (s[j] == '/'), t1 = t0;
                    while (t1 < k && isalnum((unsigned char)s[t1]))
                        t1++;
                    if ((t1 - t0 == 2 && !strncasecmp(s + t0, "br", 2)) ||
                        (t1 - t0 == 1 && (s[t0] == 'p' || s[t0] == 'P')) ||
                        (t1 - t0 == 3 && !strncasecmp(s + t0, "div", 3)) ||
                        (t1 - t0 == 2 && !strncasecmp(s + t0, "li", 2)))
                        nr_tb_space(tb, i);
                    i = k + 1;
                    continue;
                }
            }
        }
        if (c == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, b, i, out, &ol);
            if (used) {
                nr_tb_add_at(tb, out, ol, i, i + used);
                i += used;
                continue;
            }
        }
        if (c == '*' || c == '~' || (c == '_')) {
            size_t r = i;
            while (r < b && s[r] == c)
                r++;
            int before_alnum = i > a && isalnum((unsigned char)s[i - 1]);
            int after_alnum = r < b && isalnum((unsigned char)s[r]);
            int before_space = i == a || isspace((unsigned char)s[i - 1]);
            int after_space = r >= b || isspace((unsigned char)s[r]);
            int delim;
            if (c == '_')
                delim = !(before_alnum && after_alnum);
            else if (c == '~')
                delim = r - i >= 2;
            else
                delim = !(before_space && after_space);
            if (delim) {
                i = r;
                continue;
            }
            nr_tb_add(tb, s + i, r - i, i);
            i = r;
            continue;
        }
        size_t j = i + 1;
        while (j < b && !strchr("\\`![]<&*_~", s[j]))
            j++;
        nr_tb_add(tb, s + i, j - i, i);
        i = j;
    }
}

/* ---------------- blocks ---------------- */

static int fence_at(const char *s, const mdline *l, char *ch, size_t *len)
{
    size_t t = l->text, k = t;
    if (l->indent > 3 || t >= l->end || (s[t] != '`' && s[t] != '~'))
        return 0;
    while (k < l->end && s[k] == s[t])
        k++;
    if (k - t < 3)
        return 0;
    *ch = s[t];
    *len = k - t;
    return 1;
}

static int hr_at(const char *s, const mdline *l)
{
    char c = s[l->text];
    if (c != '-' && c != '*' && c != '_')
        return 0;
    size_t cnt = 0;
    for (size_t i = l->text; i < l->end; i++) {
        if (s[i] == c)
            cnt++;
        else if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return cnt >= 3;
}

static size_t atx_level(const char *s, const mdline *l)
{
    size_t k = l->text;
    while (k < l->end && s[k] == '#' && k - l->text < 7)
        k++;
    size_t lv = k - l->text;
    if (lv < 1 || lv > 6 || l->indent > 3)
        return 0;
    if (k < l->end && s[k] != ' ' && s[k] != '\t')
        return 0;
    return lv;
}

static size_t list_marker(const char *s, const mdline *l, size_t *body)
{
    size_t t = l->text;
    if (t >= l->end)
        return 0;
    if ((s[t] == '-' || s[t] == '*' || s[t] == '+') && t + 1 < l->end &&
        (s[t + 1] == ' ' || s[t + 1] == '\t')) {
        *body = t + 2;
        return 1;
    }
    size_t k = t;
    while (k < l->end && k - t < 9 && isdigit((unsigned char)s[k]))
        k++;
    if (k > t && k + 1 < l->end && (s[k] == '.' || s[k] == ')') &&
        (s[k + 1] == ' ' || s[k + 1] == '\t')) {
        *body = k + 2;
        return 2;
    }
    return 0;
}

static int setext_at(const char *s, const mdline *l)
{
    if (blank(l) || l->indent > 3)
        return 0;
    char c = s[l->text];
    if (c != '=' && c != '-')
        return 0;
    for (size_t i = l->text; i < l->end; i++)
        if (s[i] != c)
            return 0;
    return c == '=' ? 1 : 2;
}

static int ref_def(const char *s, const mdline *l)
{
    size_t t = l->text;
    if (t >= l->end || s[t] != '[' || l->indent > 3)
        return 0;
    size_t k = t + 1;
    while (k < l->end && s[k] != ']')
        k++;
    return k + 1 < l->end && s[k + 1] == ':';
}

static void add(md *m, nr_block_kind kind, int level, size_t a, size_t b,
                unsigned flags)
{
    nr_cand *u = nr_doc_add_cand(m->d, &m->tb, kind, level, a, b,
                                 flags | NR_C_KNOWN_KIND);
    if (u)
        m->seen_content = 1;
}

static void heading(md *m, size_t level, size_t a, size_t b, size_t src_a,
                    size_t src_b)
{
    inline_text(m, a, b);
    if (level == 1 && !m->seen_content && !m->d->title && m->tb.len) {
        nr_doc_set(m->d, &m->d->title, m->tb.s, m->tb.len);
        nr_cand *u = nr_doc_add_cand(m->d, &m->tb, NR_BLOCK_HEADING, 1, src_a,
                                     src_b, NR_C_KNOWN_KIND);
        if (u)
            u->role = NR_ROLE_TITLE;
        return;
    }
    add(m, NR_BLOCK_HEADING, (int)level, src_a, src_b, 0);
}

/* front matter "key: value" */
static void front_matter_value(md *m, const char *k, size_t kl, const char *v,
                               size_t vl)
{
    while (vl && (v[0] == ' ' || v[0] == '"' || v[0] == '\'')) {
        v++;
        vl--;
    }
    while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '"' || v[vl - 1] == '\''))
        vl--;
    if (!vl)
        return;
    nr_doc *d = m->d;
#define KEY(x) (kl == strlen(x) && !strncasecmp(k, x, kl))
    char *clean = malloc(vl + 1);
    if (!clean) {
        d->nomem = 1;
        return;
    }
    size_t cl = 0;
    for (size_t i = 0; i < vl; i++)
        if (v[i] != '*' && v[i] != '`')  /* emphasis in a YAML string */
            clean[cl++] = v[i];
    v = clean;
    vl = cl;
    if (KEY("title"))
        nr_doc_set(d, &d->title, v, vl);
    else if (KEY("subtitle") || KEY("standfirst") || KEY("dek"))
        nr_doc_set(d, &d->subtitle, v, vl);
    else if ((KEY("description") || KEY("summary")) && !d->subtitle)
        nr_doc_set(d, &d->subtitle, v, vl);
    else if (KEY("author") || KEY("byline") || KEY("authors"))
        nr_doc_set(d, &d->byline, v, vl);
    else if (KEY("date") || KEY("published")) {
        size_t b, e;
        char iso[11];
        if (nr_date_find(v, vl, &b, &e, iso)) {
            if (b == 0 && vl > 10 && v[4] == '-' && e == 10)
                nr_doc_set(d, &d->date, v, 10);  /* drop an ISO time part */
            else
                nr_doc_set(d, &d->date, v, vl);
            if (iso[0])
                nr_doc_set(d, &d->date_iso, iso, 10);
        } else {
            nr_doc_set(d, &d->date, v, vl);
        }
    }
    free(clean);
#undef KEY
}

static size_t front_matter(md *m)
{
    const char *s = m->s;
    if (m->n < 2 || m->L[0].end - m->L[0].start != 3 ||
        memcmp(s + m->L[0].start, "---", 3))
        return 0;
    for (size_t i = 1; i < m->n; i++) {
        mdline *l = &m->L[i];
        size_t len = l->end - l->start;
        if (len == 3 && (!memcmp(s + l->start, "---", 3) ||
                         !memcmp(s + l->start, "...", 3))) {
            for (size_t j = 1; j < i; j++) {
                mdline *x = &m->L[j];
                const char *c = memchr(s + x->start, ':', x->end - x->start);
                if (c && x->indent == 0)
                    front_matter_value(m, s + x->start,
                                       (size_t)(c - (s + x->start)), c + 1,
                                       (size_t)(s + x->end - c - 1));
            }
            nr_doc_strip(m->d, m->L[0].start, l->end, "front-matter");
            return i + 1;
        }
    }
    return 0;
}

int nr_read_markdown(nr_doc *d)
{
    md m;
    memset(&m, 0, sizeof m);
    m.d = d;
    m.s = d->src;
    const char *s = d->src;
    if (get_lines(&m))
        return -1;
    nr_tb_init(&m.tb);
    m.budget = 8 * d->srclen + 65536;
    size_t i = front_matter(&m);
    int prev_blank = 1;
    int in_list = 0;     /* the last block was a list item */
    while (i < m.n && !d->nomem) {
        mdline *l = &m.L[i];
        char fc;
        size_t fl, body, lv;
        if (blank(l)) {
            prev_blank = 1;
            i++;
            continue;
        }
        if (fence_at(s, l, &fc, &fl)) {
            size_t j = i + 1;
            for (; j < m.n; j++) {
                char c2;
                size_t l2;
                if (fence_at(s, &m.L[j], &c2, &l2) && c2 == fc && l2 >= fl)
                    break;
            }
            size_t last = j < m.n ? j : m.n - 1;
            nr_doc_strip(d, l->start, m.L[last].end, "code");
            i = j + 1;
            prev_blank = 0;
            continue;
        }
        /* indented under a list item it is the item's next paragraph */
        if (l->indent >= 4 && prev_blank && !in_list) {
            size_t j = i;
            while (j < m.n && (blank(&m.L[j]) || m.L[j].indent >= 4))
                j++;
            nr_doc_strip(d, l->start, m.L[j - 1].end, "code");
            i = j;
            continue;
        }
        prev_blank = 0;
        int was_list = in_list;
        in_list = 0;
        if (l->end - l->text >= 4 && !memcmp(s + l->text, "<!--", 4)) {
            size_t j = i;
            while (j < m.n && !strstr_len_ok(s, &m.L[j]))
                j++;
            size_t last = j < m.n ? j : m.n - 1;
            nr_doc_strip(d, l->start, m.L[last].end, "html-comment");
            i = last + 1;
            continue;
        }
        if ((lv = atx_level(s, l))) {
            size_t a = l->text + lv, b = l->end;
            while (b > a && s[b - 1] == '#')
                b--;
            heading(&m, lv, a, b, l->start, l->end);
            i++;
            continue;
        }
        if (hr_at(s, l)) {
            i++;
            continue;
        }
        if (ref_def(s, l)) {
            nr_doc_strip(d, l->start, l->end, "link-ref");
            i++;
            continue;
        }
        if (s[l->text] == '|') {
            size_t j = i;
            while (j < m.n && !blank(&m.L[j]) && s[m.L[j].text] == '|')
                j++;
            nr_doc_strip(d, l->start, m.L[j - 1].end, "table");
            i = j;
            continue;
        }
        if (s[l->text] == '>') {
            /* a quote: paragraphs split at blank '>' lines */
            size_t j = i, a = l->start;
            while (j < m.n && !blank(&m.L[j]) && s[m.L[j].text] == '>') {
                mdline *q = &m.L[j];
                size_t t = q->text;
                while (t < q->end && (s[t] == '>' || s[t] == ' '))
                    t++;
                if (t >= q->end) {
                    add(&m, NR_BLOCK_QUOTE, 0, a, q->end, 0);
                    a = q->end;
                } else {
                    inline_text(&m, t, q->end);
                    nr_tb_space(&m.tb, q->end);
                }
                j++;
            }
            add(&m, NR_BLOCK_QUOTE, 0, a, m.L[j - 1].end, 0);
            i = j;
            continue;
        }
        int lk = (int)list_marker(s, l, &body);
        if (lk) {
            size_t j = i + 1;
            inline_text(&m, body, l->end);
            while (j < m.n && !blank(&m.L[j]) && !list_marker(s, &m.L[j], &fl) &&
                   !atx_level(s, &m.L[j]) && s[m.L[j].text] != '>') {
                nr_tb_space(&m.tb, m.L[j].start);
                inline_text(&m, m.L[j].text, m.L[j].end);
                j++;
            }
            int level = 1 + (int)(l->indent / 2 > 5 ? 5 : l->indent / 2);
            add(&m, NR_BLOCK_ITEM, level, l->start, m.L[j - 1].end, 0);
            in_list = 1;
            i = j;
            continue;
        }
        /* a paragraph, possibly a setext heading */
        size_t j = i + 1;
        int setext = 0;
        while (j < m.n && !blank(&m.L[j])) {
            mdline *x = &m.L[j];
            if ((setext = setext_at(s, x)))
                break;
            char c2;
            size_t l2, b2;
            if (atx_level(s, x) || fence_at(s, x, &c2, &l2) ||
                s[x->text] == '>' || list_marker(s, x, &b2) || hr_at(s, x))
                break;
            j++;
        }
        if (setext) {
            heading(&m, (size_t)setext, l->text, m.L[j - 1].end, l->start,
                    m.L[j].end);
            i = j + 1;
            continue;
        }
        inline_text(&m, l->text, m.L[j - 1].end);
        add(&m, NR_BLOCK_PARA, 0, l->start, m.L[j - 1].end, 0);
        if (was_list && l->indent >= 2)
            in_list = 1;   /* more paragraphs of the same item may follow */
        i = j;
    }
    nr_tb_free(&m.tb);
    free(m.L);
    return 0;
}
