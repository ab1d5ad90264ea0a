/*
 * html.c - the HTML reader, on libxml2's forgiving HTML parser.
 *
 * It does what browser reader modes do: read the metadata the page states
 * (<title>, og:title, author and published-time meta tags, <time>), find the
 * element that holds the article (an <article>, else <main>/[role=main], else
 * the element whose paragraphs carry the most text), and walk only that,
 * skipping page furniture by element (nav, aside, form, figure, script...)
 * and by class/id words (share, comment, related, newsletter, cookie, ad...).
 * Headings, list items and block quotes come from the markup; the text-level
 * boilerplate rules still run afterwards (structure.c).
 *
 * libxml2 does not say where in the source a text node came from, so each
 * text node is aligned with the source by a forward-only scan that skips
 * tags and decodes character references; that keeps the whole reader linear
 * and gives src_map real byte offsets (and stripped[] ranges for what was
 * skipped, inside the article and around it).  Every walk over the tree is
 * iterative, so 10,000 nested elements cost no C stack; when libxml2 gives
 * up on a page, a linear tag-stripping scan reads the visible text instead.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "article/internal.h"
#include "article/readers.h"

/* ---------------- character references ---------------- */

static size_t put_utf8(unsigned long cp, char out[8])
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t nr_entity_at(const char *s, size_t n, size_t i, char out[8],
                    size_t *outlen)
{
    if (i >= n || s[i] != '&')
        return 0;
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        unsigned long cp = 0;
        int hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
        size_t k = j + 1 + (size_t)hex, d0 = k;
        while (k < n && k - d0 < 8 &&
               (hex ? isxdigit((unsigned char)s[k]) : isdigit((unsigned char)s[k]))) {
            int v = isdigit((unsigned char)s[k]) ? s[k] - '0'
                                                 : (tolower((unsigned char)s[k]) - 'a' + 10);
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            k++;
        }
        if (k == d0)
            return 0;
        if (k < n && s[k] == ';')
            k++;
        *outlen = put_utf8(cp, out);
        return k - i;
    }
    char name[33];
    size_t k = j;
    while (k < n && k - j < 32 && isalnum((unsigned char)s[k]))
        k++;
    if (k == j || k >= n || s[k] != ';')
        return 0;
    memcpy(name, s + j, k - j);
    name[k - j] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *outlen = put_utf8(e->value, out);
    return k + 1 - i;
}

/* ---------------- element classification ---------------- */

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name)) {
            if (a->children && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    return NULL;
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           !strcasecmp((const char *)n->name, name);
}

static int heading_level(const xmlNode *n)
{
    const char *nm = (const char *)n->name;
    if (n->type == XML_ELEMENT_NODE && nm && (nm[0] == 'h' || nm[0] == 'H') &&
        nm[1] >= '1' && nm[1] <= '6' && nm[2] == '\0')
        return nm[1] - '0';
    return 0;
}

static const char *const skipped_tags[] = {
    "nav", "footer", "aside", "form", "script", "style", "noscript",
    "iframe", "figure", "figcaption", "button", "svg", "select", "template",
    "object", "embed", "video", "audio", "canvas", "input", "textarea",
    "label", "menu", "dialog", "head", "title", "map", "picture", "img",
    "table", "pre", "math", NULL};

static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "td", "th", "tr", "address", "hr", "center", "body", NULL};

static int in_tags(const xmlNode *n, const char *const *tags)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    for (size_t i = 0; tags[i]; i++)
        if (!strcasecmp((const char *)n->name, tags[i]))
            return 1;
    return 0;
}

/* Words in class/id values that name page furniture.  "Strong" ones name
   things that are never the article however much text they hold (a long
   comment thread is still comments); "weak" ones only count for elements
   with little text, since "sidebar" or "paywall" may wrap the story. */
static const char *const widget_words[] = {
    "share", "sharing", "sharedaddy", "social", "comment", "comments",
    "disqus", "related", "relatedposts", "newsletter", "subscribe",
    "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "ad",
    "ads", "advert", "adverts", "advertisement", "adslot", "sponsor",
    "sponsored", "outbrain", "taboola", "recirc", "recommended", "trending",
    "footer", NULL};
static const char *const weak_widget_words[] = {
    "promo", "promotion", "breadcrumb", "breadcrumbs", "sidebar", "widget",
    "popup", "modal", "banner", "caption", "credit", "tags", "nav",
    "navigation", "menu", "paywall", "toolbar", "skip", "hidden", "print",
    "masthead", "topbar", NULL};

static const char *const byline_words[] = {
    "byline", "author", "authors", "contributor", "writer", "byl", NULL};
static const char *const standfirst_words[] = {
    "standfirst", "subtitle", "subheadline", "subhead", "dek", "deck",
    "strapline", "summary", "lede", "intro", "excerpt", NULL};

/* Words that turn a class name around: "no-sidebar", "has-comments",
   "comments-open", "overflow-hidden" describe the page, not furniture. */
static const char *const negators[] = {
    "no", "has", "with", "without", "overflow", "show", "allow", "enable",
    "enabled", "open", "count", NULL};

static int word_in(const char *p, size_t n, const char *const *words)
{
    for (size_t i = 0; words[i] && n; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], p, n))
            return 1;
    return 0;
}

/* Does some class name (or the id) hold one of the words?  Names are split
   at '-' and '_'; a name with a negator word is ignored, and so is a
   utility-class list ("hidden md:block") for the weak words. */
static int has_word(const char *v, const char *const *words)
{
    if (!v)
        return 0;
    if (words == weak_widget_words && strchr(v, ':'))
        return 0;
    const char *p = v;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *end = p;
        while (*end && !isspace((unsigned char)*end))
            end++;
        int hit = 0, neg = 0;
        for (const char *q = p; q < end;) {
            while (q < end && !isalnum((unsigned char)*q))
                q++;
            const char *e = q;
            while (e < end && isalnum((unsigned char)*e))
                e++;
            size_t n = (size_t)(e - q);
            if (word_in(q, n, words))
                hit = 1;
            if (word_in(q, n, negators))
                neg = 1;
            q = e;
        }
        if (hit && !neg)
            return 1;
        p = end;
    }
    return 0;
}

static int attr_has(const xmlNode *n, const char *const *words)
{
    return has_word(attr(n, "class"), words) || has_word(attr(n, "id"), words);
}

/* The rule name --show-stripped gives a skipped element; NULL for those
   whose text was never meant to be read (script, style, head...). */
static const char *furniture_rule(const xmlNode *n)
{
    static const struct { const char *tag, *rule; } by_tag[] = {
        {"nav", "nav"}, {"footer", "footer"}, {"aside", "aside"},
        {"form", "form"}, {"figure", "caption"}, {"figcaption", "caption"},
        {"table", "table"}, {"pre", "code"}, {"button", "widget"},
        {"select", "widget"}, {"label", "widget"}, {"textarea", "widget"},
        {"menu", "nav"}, {"dialog", "widget"}, {"iframe", "embed"},
        {"video", "embed"}, {"audio", "embed"}, {"object", "embed"},
        {"svg", "embed"}, {"math", "embed"}, {"map", "embed"},
        {"script", NULL}, {"style", NULL}, {"noscript", NULL},
        {"template", NULL}, {"head", NULL}, {"title", NULL}};
    for (size_t i = 0; i < sizeof by_tag / sizeof *by_tag; i++)
        if (is(n, by_tag[i].tag))
            return by_tag[i].rule;
    return "furniture-class";
}

/* Does the element hold article-sized text?  Looks at a bounded number of
   nodes so that nested candidates cannot make the walk quadratic. */
static int text_at_least(const xmlNode *top, size_t want)
{
    size_t text = 0, seen = 0;
    const xmlNode *n = top->children;
    while (n && seen < 4000 && text < want) {
        seen++;
        if (n->type == XML_TEXT_NODE && n->content)
            text += strlen((const char *)n->content);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next)
            n = n->parent;
        if (!n || n == top)
            break;
        n = n->next;
    }
    return text >= want;
}

static int substantial(const xmlNode *top)
{
    return text_at_least(top, 1500);
}

static int furniture(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    /* ASP.NET-style pages wrap the whole body in one <form> */
    if (is(n, "form"))
        return !text_at_least(n, 400);   /* a comment or search form is short */
    if (in_tags(n, skipped_tags))
        return 1;
    const char *h = attr(n, "hidden");
    const char *ah = attr(n, "aria-hidden");
    const char *st = attr(n, "style");
    const char *role = attr(n, "role");
    if (h || (ah && !strcasecmp(ah, "true")))
        return 1;
    if (st && (strstr(st, "display:none") || strstr(st, "display: none")))
        return 1;
    if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "complementary") ||
                 !strcasecmp(role, "banner") || !strcasecmp(role, "contentinfo") ||
                 !strcasecmp(role, "dialog")))
        return 1;
    /* a byline box may be called "author" but is not furniture */
    if (attr_has(n, byline_words) || attr_has(n, standfirst_words))
        return 0;
    if (attr_has(n, widget_words))
        return 1;
    return attr_has(n, weak_widget_words) && !substantial(n);
}

/* ---------------- iterative tree walks ---------------- */

/* Next node in document order under top; skip_children skips n's subtree. */
static xmlNode *next_node(xmlNode *n, xmlNode *top, int skip_children)
{
    if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* Text of an element's subtree, collapsed; NULL when empty. */
static char *element_text(nr_doc *d, xmlNode *top)
{
    nr_tb tb;
    nr_tb_init(&tb);
    for (xmlNode *n = top->children ? top->children : NULL; n;
         n = next_node(n, top, 0)) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content)
            nr_tb_add(&tb, (const char *)n->content,
                      strlen((const char *)n->content), 0);
        if (n->type == XML_ELEMENT_NODE && is(n, "br"))
            nr_tb_space(&tb, 0);
    }
    if (tb.err)
        d->nomem = 1;
    char *s = tb.len ? tb.s : NULL;
    if (!s)
        free(tb.s);
    free(tb.map);
    return s;
}

/* ---------------- aligning text nodes with the source ---------------- */

typedef struct aligner {
    const char *s;
    size_t n, cur;
    size_t budget;     /* bytes the searches may still scan, in all */
    size_t *offs;
    size_t cap;
} aligner;

#define ALIGN_WINDOW 65536

/* Past a tag, comment, or a whole script/style element at s[i] == '<'. */
static size_t skip_markup(const char *s, size_t n, size_t i)
{
    if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
        for (size_t k = i + 4; k + 3 <= n; k++)
            if (!memcmp(s + k, "-->", 3))
                return k + 3;
        return n;
    }
    const char *raw = NULL;
    if (n - i >= 7 && !strncasecmp(s + i, "<script", 7))
        raw = "</script";
    else if (n - i >= 6 && !strncasecmp(s + i, "<style", 6))
        raw = "</style";
    char q = 0;
    size_t k = i + 1;
    for (; k < n; k++) {
        if (q) {
            if (s[k] == q)
                q = 0;
        } else if (s[k] == '"' || s[k] == '\'') {
            if (s[k - 1] == '=' || s[k - 1] == ' ')
                q = s[k];
        } else if (s[k] == '>') {
            break;
        }
    }
    k = k < n ? k + 1 : n;
    if (raw) {
        size_t rl = strlen(raw);
        for (; k + rl <= n; k++)
            if (s[k] == '<' && !strncasecmp(s + k, raw, rl))
                return k;
        return n;
    }
    return k;
}

/* Does text t[0..tn) match the source at p (through references)?  Checks
   at most `want` bytes; returns 1 on a match. */
static int matches_at(const char *s, size_t n, size_t p, const char *t,
                      size_t tn, size_t want)
{
    size_t ti = 0, w;
    while (ti < tn && want > 0) {
        if (nr_is_space_at(t, tn, ti, &w)) {
            ti += w;
            while (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' ||
                             s[p] == '\t'))
                p++;
            continue;
        }
        if (p >= n)
            return 0;
        if (s[p] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, p, out, &ol);
            if (used && ol <= tn - ti && !memcmp(out, t + ti, ol)) {
                ti += ol;
                p += used;
                want = want > ol ? want - ol : 0;
                continue;
            }
        }
        if (s[p] != t[ti])
            return 0;
        p++;
        ti++;
        want--;
    }
    return 1;
}

/* Fills al->offs[0..tn) with the source offset of each byte of t. */
static int align(aligner *al, const char *t, size_t tn)
{
    if (tn + 1 > al->cap) {
        size_t cap = tn + 64;
        size_t *o = realloc(al->offs, cap * sizeof *o);
        if (!o)
            return -1;
        al->offs = o;
        al->cap = cap;
    }
    const char *s = al->s;
    size_t n = al->n;
    size_t lead = 0, w;
    while (lead < tn && nr_is_space_at(t, tn, lead, &w))
        lead += w;
    size_t start = n;
    if (lead < tn && al->budget > 0) {
        size_t lim = n - al->cur > ALIGN_WINDOW ? al->cur + ALIGN_WINDOW : n;
        size_t want = tn - lead > 24 ? 24 : tn - lead;
        for (size_t p = al->cur; p < lim && al->budget > 0; al->budget--) {
            if (s[p] == '<') {
                p = skip_markup(s, n, p);
                continue;
            }
            if (matches_at(s, n, p, t + lead, tn - lead, want)) {
                start = p;
                break;
            }
            p++;
        }
    }
    if (start == n) {
        for (size_t i = 0; i < tn; i++)
            al->offs[i] = al->cur;
        return 0;
    }
    for (size_t i = 0; i < lead; i++)
        al->offs[i] = start;
    size_t p = start, ti = lead;
    while (ti < tn) {
        if (nr_is_space_at(t, tn, ti, &w)) {
            for (size_t k = 0; k < w; k++)
                al->offs[ti + k] = p < n ? p : n;
            ti += w;
            if (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r'))
                p++;
            continue;
        }
        while (p < n && s[p] == '\r')
            p++;
        if (p >= n) {
            al->offs[ti++] = n;
            continue;
        }
        if (s[p] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, p, out, &ol);
            if (used && ol <= tn - ti && !memcmp(out, t + ti, ol)) {
                for (size_t k = 0; k < ol; k++)
                    al->offs[ti + k] = p;
                ti += ol;
                p += used;
                continue;
            }
        }
        if (s[p] == t[ti]) {
            al->offs[ti++] = p++;
            continue;
        }
        if (s[p] == ' ' || s[p] == '\n' || s[p] == '\t') {
            p++;
            continue;
        }
        al->offs[ti++] = p;   /* out of step: keep going, never backwards */
    }
    if (p > al->cur)
        al->cur = p;
    return 0;
}

/* ---------------- finding the article ---------------- */

typedef struct scored {
    double score;
    size_t ptext;
} scored;

static size_t text_len(xmlNode *top)
{
    size_t len = 0;
    for (xmlNode *n = top->children; n; n = next_node(n, top, 0))
        if (n->type == XML_TEXT_NODE && n->content)
            len += strlen((const char *)n->content);
    return len;
}

static size_t comma_count(xmlNode *top)
{
    size_t c = 0;
    for (xmlNode *n = top->children; n; n = next_node(n, top, 0))
        if (n->type == XML_TEXT_NODE && n->content)
            for (const char *p = (const char *)n->content; *p; p++)
                c += *p == ',';
    return c;
}

static const char *const good_words[] = {
    "article", "body", "content", "entry", "post", "story", "text", "main",
    "prose", NULL};

static xmlNode *find_root(nr_doc *d, xmlNode *top)
{
    size_t count = 0;
    for (xmlNode *n = top; n; n = next_node(n, top, 0))
        if (n->type == XML_ELEMENT_NODE)
            n->_private = (void *)(uintptr_t)(++count);
    scored *sc = calloc(count + 1, sizeof *sc);
    if (!sc) {
        d->nomem = 1;
        return top;
    }
#define IDX(n) ((size_t)(uintptr_t)(n)->_private)
    /* paragraph scores to parent and grandparent; paragraph text to every
       ancestor, accumulated once per element on the way up */
    for (xmlNode *n = top; n;) {
        /* layout tables hold whole articles on old sites: score inside
           them (the walk still skips a table inside the article) */
        int skip = n != top && furniture(n) && !is(n, "head") && !is(n, "table");
        if (n->type == XML_ELEMENT_NODE && !skip &&
            (is(n, "p") || is(n, "pre") || is(n, "blockquote"))) {
            size_t len = text_len(n);
            if (len >= 25) {
                double s = 1.0 + (double)comma_count(n) + (len / 100 > 3 ? 3 : (double)(len / 100));
                if (n->parent && n->parent->type == XML_ELEMENT_NODE)
                    sc[IDX(n->parent)].score += s;
                if (n->parent && n->parent->parent &&
                    n->parent->parent->type == XML_ELEMENT_NODE)
                    sc[IDX(n->parent->parent)].score += s / 2;
            }
            sc[IDX(n)].ptext += len;
            skip = 1;
        } else if (n->type == XML_ELEMENT_NODE && !skip &&
                   (is(n, "div") || is(n, "td") || is(n, "section") ||
                    is(n, "article") || is(n, "main") || is(n, "font") ||
                    is(n, "center") || is(n, "span"))) {
            /* old pages put the text straight in a <div> between <br>s */
            size_t len = 0, commas = 0;
            for (xmlNode *c = n->children; c; c = c->next)
                if (c->type == XML_TEXT_NODE && c->content) {
                    for (const char *p = (const char *)c->content; *p; p++) {
                        len += !isspace((unsigned char)*p);
                        commas += *p == ',';
                    }
                }
            if (len >= 100) {
                double s = 1.0 + (double)commas + (len / 100 > 3 ? 3 : (double)(len / 100));
                sc[IDX(n)].score += s;
                if (n->parent && n->parent->type == XML_ELEMENT_NODE)
                    sc[IDX(n->parent)].score += s / 2;
                sc[IDX(n)].ptext += len;
            }
        }
        /* advance, folding ptext into the parent when leaving a subtree */
        if (!skip && n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next) {
            xmlNode *p = n->parent;
            if (n->type == XML_ELEMENT_NODE && p && p->type == XML_ELEMENT_NODE)
                sc[IDX(p)].ptext += sc[IDX(n)].ptext;
            n = p;
        }
        if (!n || n == top)
            break;
        if (n->type == XML_ELEMENT_NODE && n->parent &&
            n->parent->type == XML_ELEMENT_NODE)
            sc[IDX(n->parent)].ptext += sc[IDX(n)].ptext;
        n = n->next;
    }
    xmlNode *art = NULL, *mainel = NULL, *best = NULL;
    double bests = 0;
    for (xmlNode *n = top; n; n = next_node(n, top, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        scored *x = &sc[IDX(n)];
        const char *role = attr(n, "role");
        if (is(n, "article") && x->ptext >= 150 &&
            (!art || x->ptext > sc[IDX(art)].ptext))
            art = n;
        if ((is(n, "main") || (role && !strcasecmp(role, "main"))) &&
            x->ptext >= 150 && (!mainel || x->ptext > sc[IDX(mainel)].ptext))
            mainel = n;
        double s = x->score;
        if (s > 0) {
            if (attr_has(n, good_words))
                s *= 1.25;
            if (attr_has(n, widget_words))
                s *= 0.25;
            if (s > bests) {
                bests = s;
                best = n;
            }
        }
    }
    xmlNode *root = art ? art : mainel ? mainel : best;
    free(sc);
#undef IDX
    for (xmlNode *n = top; n; n = next_node(n, top, 0))
        n->_private = NULL;
    if (!root) {
        for (xmlNode *n = top; n; n = next_node(n, top, 0))
            if (is(n, "body"))
                return n;
        return top;
    }
    return root;
}

/* ---------------- metadata ---------------- */

typedef struct meta {
    char *title, *og_title, *author, *date_meta;
} meta;

static void keep_first(nr_doc *d, char **slot, const char *v)
{
    if (!*slot && v && *v)
        nr_doc_set(d, slot, v, strlen(v));
}

static void read_meta(nr_doc *d, xmlNode *top, meta *m)
{
    for (xmlNode *n = top; n; n = next_node(n, top, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, "title") && !m->title) {
            m->title = element_text(d, n);
            continue;
        }
        const char *content = attr(n, "content");
        const char *key = attr(n, "property");
        if (!key)
            key = attr(n, "name");
        const char *ip = attr(n, "itemprop");
        if (is(n, "meta") && content && key) {
            if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title"))
                keep_first(d, &m->og_title, content);
            else if ((!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
                      !strcasecmp(key, "byl") || !strcasecmp(key, "dc.creator") ||
                      !strcasecmp(key, "parsely-author") ||
                      !strcasecmp(key, "sailthru.author")) &&
                     !strstr(content, "://"))
                keep_first(d, &m->author, content);
            else if (!strcasecmp(key, "article:published_time") ||
                     !strcasecmp(key, "date") || !strcasecmp(key, "pubdate") ||
                     !strcasecmp(key, "publishdate") || !strcasecmp(key, "dc.date") ||
                     !strcasecmp(key, "parsely-pub-date") ||
                     !strcasecmp(key, "sailthru.date") ||
                     !strcasecmp(key, "og:published_time"))
                keep_first(d, &m->date_meta, content);
        }
        if (ip && !strcasecmp(ip, "datePublished")) {
            const char *v = content ? content : attr(n, "datetime");
            keep_first(d, &m->date_meta, v);
        }
        if (ip && !strcasecmp(ip, "author") && !m->author && !is(n, "meta")) {
            char *t = element_text(d, n);
            if (t && strlen(t) <= 80)
                m->author = t;
            else
                free(t);
        }
    }
}

/* "Headline | Site Name" -> "Headline" (the site part is the shorter one). */
static void strip_site_suffix(char *t)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                       NULL};
    size_t len = strlen(t);
    for (size_t k = 0; seps[k]; k++) {
        char *last = NULL;
        for (char *p = strstr(t, seps[k]); p; p = strstr(p + 1, seps[k]))
            last = p;
        if (!last)
            continue;
        size_t head = (size_t)(last - t);
        size_t tail = len - head - strlen(seps[k]);
        if (head >= 10 && tail <= head / 2 + 5 &&
            nr_word_count(last + strlen(seps[k]), tail) <= 5) {
            *last = '\0';
            return;
        }
    }
}

static void date_from(nr_doc *d, const char *v, int as_written)
{
    size_t b, e;
    char iso[11];
    if (!v || !nr_date_find(v, strlen(v), &b, &e, iso))
        return;
    if (!d->date_iso && iso[0])
        nr_doc_set(d, &d->date_iso, iso, 10);
    if (!d->date) {
        if (as_written)
            nr_doc_set(d, &d->date, v + b, e - b);
        else
            nr_doc_set(d, &d->date, v + b, e - b > 10 && v[b + 4] == '-' ? 10 : e - b);
    }
}

/* ---------------- the walk ---------------- */

typedef struct walker {
    nr_doc *d;
    aligner al;
    nr_tb tb;
    int heading, lists, items, quotes, byline, standfirst;
    size_t start;
} walker;

static void flush(walker *w)
{
    if (w->tb.len == 0) {
        nr_tb_free(&w->tb);
        return;
    }
    nr_block_kind kind = NR_BLOCK_PARA;
    int level = 0;
    unsigned flags = NR_C_KNOWN_KIND;
    if (w->heading && w->heading <= 3) {
        /* h4-h6 are too small to open chapters: read as paragraphs */
        kind = NR_BLOCK_HEADING;
        level = w->heading;
    } else if (w->items) {
        kind = NR_BLOCK_ITEM;
        level = w->lists > 0 ? w->lists : 1;
    } else if (w->quotes) {
        kind = NR_BLOCK_QUOTE;
    }
    if (w->byline)
        flags |= NR_C_BYLINE;
    if (w->standfirst)
        flags |= NR_C_STANDFIRST;
    size_t a = w->tb.map[0], b = w->tb.end;
    nr_doc_add_cand(w->d, &w->tb, kind, level, a, b, flags);
}

static void enter(walker *w, xmlNode *n)
{
    if (in_tags(n, block_tags))
        flush(w);
    int h = heading_level(n);
    if (h)
        w->heading = h;
    if (is(n, "ul") || is(n, "ol"))
        w->lists++;
    if (is(n, "li"))
        w->items++;
    if (is(n, "blockquote"))
        w->quotes++;
    if (attr_has(n, byline_words) || has_word(attr(n, "rel"), byline_words))
        w->byline++;
    if (attr_has(n, standfirst_words))
        w->standfirst++;
}

static void leave(walker *w, xmlNode *n)
{
    if (in_tags(n, block_tags) || heading_level(n))
        flush(w);
    if (heading_level(n))
        w->heading = 0;
    if ((is(n, "ul") || is(n, "ol")) && w->lists > 0)
        w->lists--;
    if (is(n, "li") && w->items > 0)
        w->items--;
    if (is(n, "blockquote") && w->quotes > 0)
        w->quotes--;
    if ((attr_has(n, byline_words) || has_word(attr(n, "rel"), byline_words)) &&
        w->byline > 0)
        w->byline--;
    if (attr_has(n, standfirst_words) && w->standfirst > 0)
        w->standfirst--;
}

static void text(walker *w, xmlNode *n)
{
    const char *t = (const char *)n->content;
    if (!t)
        return;
    size_t tn = strlen(t);
    if (align(&w->al, t, tn)) {
        w->d->nomem = 1;
        return;
    }
    nr_tb_add_map(&w->tb, t, tn, w->al.offs);
}

/* Records a skipped element's source range in stripped[], aligning its
   text like any other so the cursor keeps moving forward. */
static void record_range(nr_doc *d, aligner *al, xmlNode *top, const char *rule)
{
    if (!rule)
        return;
    size_t start = 0, end = 0;
    int any = 0;
    xmlNode *n = top->children;
    while (n && !d->nomem) {
        if (n->type == XML_ELEMENT_NODE) {
            /* script and style text is never in the text stream */
            n = next_node(n, top, !furniture_rule(n));
            continue;
        }
        xmlNode *cur = n;
        n = next_node(n, top, 0);
        if (cur->type != XML_TEXT_NODE || !cur->content)
            continue;
        const char *t = (const char *)cur->content;
        size_t tn = strlen(t), a = 0, z = tn, sw;
        while (a < tn && nr_is_space_at(t, tn, a, &sw))
            a += sw;
        if (a == tn)
            continue;
        while (z > a && (t[z - 1] == ' ' || t[z - 1] == '\n' || t[z - 1] == '\t' ||
                         t[z - 1] == '\r'))
            z--;
        if (align(al, t, tn)) {
            d->nomem = 1;
            return;
        }
        if (!any || al->offs[a] < start)
            start = al->offs[a];
        if (al->offs[z - 1] + 1 > end)
            end = al->offs[z - 1] + 1;
        any = 1;
    }
    if (any && end > start)
        nr_doc_strip(d, start, end, rule);
}

static void record_skipped(walker *w, xmlNode *top)
{
    record_range(w->d, &w->al, top, furniture_rule(top));
}

/* Records what lies outside the article element (site header, comments,
   sidebars, footer), one range per subtree hanging off the chain from the
   document root down to the article, with a second forward-only aligner
   that jumps over the article's own text. */
static void record_outside(nr_doc *d, xmlNode *top, xmlNode *root,
                           size_t root_end)
{
    if (root == top)
        return;
    aligner al;
    memset(&al, 0, sizeof al);
    al.s = d->src;
    al.n = d->srclen;
    al.budget = 16 * d->srclen + (1u << 20);
    for (xmlNode *a = root->parent; a; a = a->parent)
        a->_private = (void *)1;
    for (xmlNode *n = top->children; n && !d->nomem;) {
        int skip = 1;
        if (n == root) {
            if (al.cur < root_end)
                al.cur = root_end;
        } else if (n->_private) {
            skip = 0;   /* an ancestor of the article: look inside */
        } else if (n->type == XML_ELEMENT_NODE) {
            const char *r = furniture_rule(n);
            record_range(d, &al, n, r ? "outside-article" : NULL);
        }
        n = next_node(n, top, skip);
    }
    for (xmlNode *a = root->parent; a; a = a->parent)
        a->_private = NULL;
    free(al.offs);
}

static void walk(walker *w, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n && !w->d->nomem) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (furniture(n)) {
                record_skipped(w, n);
                nr_tb_dropped(&w->tb);
                descend = -1;
            } else if (is(n, "br")) {
                /* <br><br> separates paragraphs; a single <br> a line */
                xmlNode *p = n->prev;
                while (p && p->type == XML_TEXT_NODE && p->content &&
                       !p->content[strspn((const char *)p->content, " \t\r\n")])
                    p = p->prev;
                if (p && is(p, "br"))
                    flush(w);
                else
                    nr_tb_space(&w->tb, w->al.cur);
            } else {
                enter(w, n);
                descend = 1;
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text(w, n);
        }
        if (descend == 1 && n->children) {
            n = n->children;
            continue;
        }
        if (descend == 1)
            leave(w, n);
        while (n != root && !n->next) {
            n = n->parent;
            if (!n || n == root)
                break;
            leave(w, n);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    flush(w);
}

/* When libxml2 gives up (it stops at 256 levels of nesting, say) the
   visible text is still read: a linear scan that drops markup, script and
   style, splits at block-level tags and decodes references. */
static int tag_is_block(const char *s, size_t n, size_t i)
{
    size_t k = i + 1;
    if (k < n && s[k] == '/')
        k++;
    size_t a = k;
    while (k < n && isalnum((unsigned char)s[k]))
        k++;
    for (size_t t = 0; block_tags[t]; t++)
        if (strlen(block_tags[t]) == k - a && !strncasecmp(s + a, block_tags[t], k - a))
            return 1;
    return k - a == 2 && (s[a] == 'b' || s[a] == 'B') && (s[a + 1] == 'r' || s[a + 1] == 'R');
}

/* For the fallback scan: at "<nav", "<footer"... the offset past the
   matching close tag (nesting of the same tag is not followed), else 0. */
static size_t furniture_end(const char *s, size_t n, size_t i)
{
    static const char *const tags[] = {"nav", "footer", "aside", "figure",
                                       "button", "select", "noscript", NULL};
    for (size_t t = 0; tags[t]; t++) {
        size_t l = strlen(tags[t]);
        if (n - i < l + 2 || strncasecmp(s + i + 1, tags[t], l) ||
            isalnum((unsigned char)s[i + 1 + l]))
            continue;
        for (size_t k = i + 1 + l; k + l + 2 <= n; k++)
            if (s[k] == '<' && s[k + 1] == '/' && !strncasecmp(s + k + 2, tags[t], l))
                return skip_markup(s, n, k);
        return n;
    }
    return 0;
}

static void html_fallback(nr_doc *d)
{
    const char *s = d->src;
    size_t n = d->srclen, i = 0;
    nr_tb tb;
    nr_tb_init(&tb);
    while (i < n && !d->nomem) {
        if (s[i] == '<') {
            int head = n - i >= 6 && !strncasecmp(s + i, "<head", 5) &&
                       (s[i + 5] == '>' || s[i + 5] == ' ');
            int block = tag_is_block(s, n, i);
            size_t skip_to = furniture_end(s, n, i);
            i = skip_to ? skip_to : skip_markup(s, n, i);
            if (head) {
                while (i < n && !(s[i] == '<' && n - i >= 7 &&
                                  !strncasecmp(s + i, "</head>", 7)))
                    i++;
            }
            if (block && tb.len) {
                size_t a = tb.map[0], b = tb.end;
                nr_doc_add_cand(d, &tb, NR_BLOCK_PARA, 0, a, b, NR_C_KNOWN_KIND);
            }
            continue;
        }
        if (s[i] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, i, out, &ol);
            if (used) {
                nr_tb_add_at(&tb, out, ol, i, i + used);
                i += used;
                continue;
            }
        }
        size_t j = i + 1;
        while (j < n && s[j] != '<' && s[j] != '&')
            j++;
        nr_tb_add(&tb, s + i, j - i, i);
        i = j;
    }
    if (tb.len) {
        size_t a = tb.map[0], b = tb.end;
        nr_doc_add_cand(d, &tb, NR_BLOCK_PARA, 0, a, b, NR_C_KNOWN_KIND);
    }
    nr_tb_free(&tb);
}

static const char *const date_words[] = {
    "date", "published", "timestamp", "dateline", "posted", "pubdate", NULL};

static void outside_meta(nr_doc *d, xmlNode *top)
{
    for (xmlNode *n = top; n && (!d->byline || !d->date);) {
        int skip = n != top && furniture(n);
        if (!skip && n->type == XML_ELEMENT_NODE && !d->byline &&
            (attr_has(n, byline_words) || has_word(attr(n, "rel"), byline_words))) {
            char *t = element_text(d, n);
            if (t) {
                char *name = NULL, *dt = NULL, *iso = NULL;
                size_t tl = strlen(t);
                if (nr_parse_byline(t, tl, &name, &dt, &iso)) {
                    d->byline = name;
                    name = NULL;
                } else if (tl <= 80) {
                    nr_doc_set(d, &d->byline, t, tl);
                }
                free(name);
                free(dt);
                free(iso);
                free(t);
                skip = 1;
            }
        }
        if (!skip && n->type == XML_ELEMENT_NODE && !d->date &&
            attr_has(n, date_words)) {
            char *t = element_text(d, n);
            if (t)
                date_from(d, t, 1);
            free(t);
            skip = 1;  /* never re-read a subtree: stays linear */
        }
        n = next_node(n, top, skip);
    }
}

static int inside(const xmlNode *n, const xmlNode *root)
{
    for (; n; n = n->parent)
        if (n == root)
            return 1;
    return 0;
}

/* A standfirst above the article element ("dek", "standfirst" classes);
   one inside it is handled as a candidate by the header pass. */
static void outside_standfirst(nr_doc *d, xmlNode *top, xmlNode *root)
{
    for (xmlNode *n = top; n;) {
        int skip = n != top && furniture(n);
        if (!skip && n->type == XML_ELEMENT_NODE && n != top &&
            attr_has(n, standfirst_words)) {
            if (!inside(n, root)) {
                char *t = element_text(d, n);
                size_t tl = t ? strlen(t) : 0;
                if (tl >= 20 && tl <= 400)
                    nr_doc_set(d, &d->subtitle, t, tl);
                free(t);
            }
            return;   /* only the first candidate: linear */
        }
        n = next_node(n, top, skip);
    }
}

/* Non-space bytes of text, in the tree (outside script, style, head) and
   in the source outside markup.  A tree holding far less than the source
   means the parser stopped early (it gives up at 256 levels of nesting). */
static size_t visible_bytes(const char *p)
{
    size_t c = 0;
    for (; *p; p++)
        c += !isspace((unsigned char)*p);
    return c;
}

static int tree_lost_text(nr_doc *d, xmlNode *top)
{
    size_t tree = 0, src = 0;
    for (xmlNode *n = top; n;) {
        int skip = n->type == XML_ELEMENT_NODE && !furniture_rule(n);
        if (n->type == XML_TEXT_NODE && n->content)
            tree += visible_bytes((const char *)n->content);
        n = next_node(n, top, skip);
    }
    const char *s = d->src;
    size_t n = d->srclen;
    for (size_t i = 0; i < n;) {
        if (s[i] == '<') {
            /* the byte after "<head" must exist: the source need not
               end in a NUL (libFuzzer found the read past it) */
            if (n - i >= 6 && !strncasecmp(s + i, "<head", 5) &&
                (s[i + 5] == '>' || s[i + 5] == ' ')) {
                while (i < n && !(s[i] == '<' && n - i >= 7 &&
                                  !strncasecmp(s + i, "</head>", 7)))
                    i++;
                continue;
            }
            i = skip_markup(s, n, i);
            continue;
        }
        if (s[i] == '&') {
            char out[8];
            size_t ol, used = nr_entity_at(s, n, i, out, &ol);
            if (used) {
                src += 1;
                i += used;
                continue;
            }
        }
        src += !isspace((unsigned char)s[i]) && ((unsigned char)s[i] & 0xC0) != 0x80;
        i++;
    }
    /* tree counted bytes, source counted characters: compare loosely */
    return src > 200 && tree * 3 < src;
}

static xmlNode *first_h1(xmlNode *top)
{
    for (xmlNode *n = top; n; n = next_node(n, top, 0))
        if (heading_level(n) == 1)
            return n;
    return NULL;
}

static int keys_related(const char *a, const char *b)
{
    char *ka = nr_key(a, strlen(a)), *kb = nr_key(b, strlen(b));
    int r = ka && kb && *ka && *kb && (strstr(ka, kb) || strstr(kb, ka));
    free(ka);
    free(kb);
    return r;
}

int nr_read_html(nr_doc *d)
{
    if (d->srclen > INT_MAX)
        return nr_read_text(d);
    htmlDocPtr doc = htmlReadMemory(d->src, (int)d->srclen, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc)
        return nr_read_text(d);
    xmlNode *top = xmlDocGetRootElement(doc);
    if (!top) {
        xmlFreeDoc(doc);
        return 0;
    }
    meta m = {0};
    read_meta(d, top, &m);
    xmlNode *root = find_root(d, top);

    walker w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.al.s = d->src;
    w.al.n = d->srclen;
    w.al.budget = 16 * d->srclen + (1u << 20);
    nr_tb_init(&w.tb);
    size_t first_unit = d->n;
    size_t first_strip = d->nst;
    walk(&w, root);
    nr_tb_free(&w.tb);
    free(w.al.offs);
    record_outside(d, top, root, w.al.cur);
    if (d->n == first_unit || tree_lost_text(d, top)) {
        /* libxml2 gave up part-way: read the visible text instead */
        for (size_t i = first_unit; i < d->n; i++) {
            free(d->u[i].text);
            free(d->u[i].map);
        }
        d->n = first_unit;
        d->nst = first_strip;
        html_fallback(d);
    }

    /* title: the article's own h1 first; else a page h1 that agrees with the
       meta title; else the meta title without its site suffix */
    char *page_title = m.og_title ? m.og_title : m.title;
    if (page_title)
        strip_site_suffix(page_title);
    int have = 0;
    for (size_t i = first_unit; i < d->n; i++) {
        nr_cand *u = &d->u[i];
        if (u->kind == NR_BLOCK_HEADING && u->level == 1) {
            nr_doc_set(d, &d->title, u->text, u->len);
            u->role = NR_ROLE_TITLE;
            have = 1;
            break;
        }
        if (u->len >= 200)
            break;
    }
    if (!have) {
        xmlNode *h1 = first_h1(top);
        char *t = h1 ? element_text(d, h1) : NULL;
        if (t && (!page_title || keys_related(t, page_title)))
            nr_doc_set(d, &d->title, t, strlen(t));
        else if (page_title)
            nr_doc_set(d, &d->title, page_title, strlen(page_title));
        free(t);
    }
    if (m.author)
        nr_doc_set(d, &d->byline, m.author, strlen(m.author));
    /* byline, date and standfirst boxes the article element left outside
       itself */
    if (!d->byline || !d->date)
        outside_meta(d, top);
    outside_standfirst(d, top, root);
    /* the date as the page shows it, from <time>, else the meta value */
    xmlNode *tm = NULL;
    for (xmlNode *n = root; n && !tm; n = next_node(n, root, 0))
        if (is(n, "time"))
            tm = n;
    for (xmlNode *n = top; n && !tm; n = next_node(n, top, 0))
        if (is(n, "time"))
            tm = n;
    if (tm) {
        char *t = element_text(d, tm);
        const char *dt = attr(tm, "datetime");
        size_t b, e;
        char iso[11];
        if (dt && nr_date_find(dt, strlen(dt), &b, &e, iso) && iso[0])
            nr_doc_set(d, &d->date_iso, iso, 10);
        if (t && nr_date_find(t, strlen(t), &b, &e, iso)) {
            nr_doc_set(d, &d->date, t + b, e - b);
            if (!d->date_iso && iso[0])
                nr_doc_set(d, &d->date_iso, iso, 10);
        } else {
            date_from(d, dt, 0);
        }
        free(t);
    }
    if (m.date_meta)
        date_from(d, m.date_meta, 0);
    free(m.title);
    free(m.og_title);
    free(m.author);
    free(m.date_meta);
    xmlFreeDoc(doc);
    return 0;
}
