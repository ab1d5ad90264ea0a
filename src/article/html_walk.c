/*
 * html_walk.c - reads the article's parts into candidates, and records the
 * rest of the page in stripped[] with the rule that cut it.
 *
 * Headings (h1-h3: h4-h6 are too small to open chapters), list items and
 * block quotes come from the markup; every block-level element ends a
 * candidate, and so does a <br><br> the prep step did not turn into a
 * paragraph.  Each text node is aligned with the source (html_align.c) as
 * it is read, so src_map holds real byte offsets; a skipped subtree's text
 * is aligned too, which keeps the cursor moving forward and gives its
 * stripped range.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"
#include "article/textbuf.h"

typedef struct walker {
    hdoc *hd;
    nr_doc *d;
    h_aligner al;
    nr_tb tb;
    int heading, lists, items, quotes, byline, standfirst, title, bylinebox;
    int body_seen;     /* paragraphs of prose read so far */
    int caption;       /* inside a figure or its caption */
    int pull;          /* inside a pull quote */
    /* tables open around the text: data tables read a row as a line */
    unsigned char data[64];
    int tables, cells;
    /* a cut subtree read because a --keep pattern matched in it: its
       blocks that do not match stay cut, under its rule */
    xmlNode *keeptop;
    const char *keeprule;
} walker;

static int keep_hit(const nr_doc *d, const char *t)
{
    for (size_t k = 0; t && k < d->nkeep; k++)
        if (regexec(&d->keep[k], t, 0, NULL, 0) == 0)
            return 1;
    return 0;
}

/* Should a subtree about to be cut (rule) be read instead, because the
   user's --keep pattern matches text in it?  Cut subtrees do not overlap,
   so their text is read once more (a cut box inside a kept one, once
   again); only with keep patterns. */
static int kept(walker *w, xmlNode *n, const char *rule)
{
    if (!w->d->nkeep || !rule)
        return 0;
    char *t = h_text(w->hd, n, (size_t)-1);
    int hit = keep_hit(w->d, t);
    free(t);
    if (hit && !w->keeptop) {
        w->keeptop = n;
        w->keeprule = rule;
    }
    return hit;
}

/* Where the photo credit starts in a caption ("... by hand on Tuesday.
   (Photo: Mark Ortiz/Valley Courier)"), or n: a listener wants the
   picture described, not who took it.  The label must open the caption or
   follow a stop, a bracket or a bar. */
static size_t credit_at(const char *t, size_t n)
{
    static const char *const labels[] = {
        "photo:", "photos:", "photograph:", "picture:", "pictures:",
        "image:", "images:", "credit:", "credits:", "photo credit:",
        "image credit:", "photo by ", "photograph by ", "picture by ",
        "image by ", "photo courtesy", "courtesy of ", NULL};
    for (size_t i = 0; i < n; i++) {
        int opens = i == 0 || t[i - 1] == '(' || t[i - 1] == '[';
        if (!opens && i >= 2 && t[i - 1] == ' ') {
            unsigned char c = (unsigned char)t[i - 2];
            /* ". ", "| ", "- ", and an en or em dash before the space */
            opens = c == '.' || c == '|' || c == '-' || c == ';' ||
                    (i >= 4 && (unsigned char)t[i - 4] == 0xE2 &&
                     (unsigned char)t[i - 3] == 0x80 && (c == 0x93 || c == 0x94));
        }
        if (!opens)
            continue;
        for (size_t k = 0; labels[k]; k++) {
            size_t l = strlen(labels[k]);
            if (n - i > l && !strncasecmp(t + i, labels[k], l)) {
                size_t s = i;
                if (s > 0 && (t[s - 1] == '(' || t[s - 1] == '['))
                    s--;
                return s;
            }
        }
    }
    return n;
}

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
    size_t a = w->tb.start, b = w->tb.end;
    nr_cand *u = nr_doc_add_cand(w->d, &w->tb, kind, level, a, b, flags);
    if (!u)
        return;
    /* the heading that repeats the title is the title's own line */
    if (w->title)
        u->role = NR_ROLE_TITLE;
    if (w->keeprule && !keep_hit(w->d, u->text))
        u->rule = w->keeprule;
    if (w->pull && w->hd->npulled < sizeof w->hd->pulled / sizeof *w->hd->pulled)
        w->hd->pulled[w->hd->npulled++] = (size_t)(u - w->d->u);
    if (w->caption) {
        size_t c = credit_at(u->text, u->len);
        /* the separator the credit hung on goes with it ("... $35 -
           Image: ...") */
        while (c > 0 && c < u->len && strchr(" -|:;", u->text[c - 1]))
            c--;
        if (c >= 3 && c < u->len && (unsigned char)u->text[c - 3] == 0xE2 &&
            (unsigned char)u->text[c - 2] == 0x80 &&
            ((unsigned char)u->text[c - 1] == 0x93 || (unsigned char)u->text[c - 1] == 0x94))
            c -= 3;
        while (c > 0 && c < u->len && u->text[c - 1] == ' ')
            c--;
        if (c == 0) {
            u->rule = "caption";
        } else if (c < u->len) {
            nr_doc_strip(w->d, nr_srcmap_at(&u->map, c), nr_srcmap_at(&u->map, u->len),
                         "caption");
            nr_cand_cut(w->d, u, c, u->len);
        }
    }
    /* the byline box is read in the header (under a standfirst, say),
       where it tells the header's lines apart; later it is furniture */
    if (w->bylinebox && w->body_seen >= 2)
        u->rule = "byline";
    if (kind == NR_BLOCK_PARA && u->len >= 80 && nr_ends_sentence(u->text, u->len))
        w->body_seen++;
}

static int heading_level(int tag)
{
    return tag >= T_H1 && tag <= T_H6 ? tag - T_H1 + 1 : 0;
}

/* A byline box: named so, and short (a post's wrapper may carry its
   author's name in a class too). */
static int byline_box(const hdoc *hd, const xmlNode *n)
{
    const char *rel = h_attr(n, "rel");
    const hnode *h = H(hd, n);
    return ((h->cls & HC_BYLINE) || (rel && !strcasecmp(rel, "author"))) &&
           h->tlen0 < 100;
}

/* Opens (dir 1) or closes (dir -1) an element's effect on the reading. */
static int in_data_table(const walker *w)
{
    return w->tables > 0 && w->tables <= (int)sizeof w->data && w->data[w->tables - 1];
}

/* A cell of a data table joins its row's line after a comma ("Liberal
   Democrat, 6, 1"): a listener hears the row, not a column of numbers. */
static void cell(walker *w)
{
    if (w->cells++ == 0 || w->tb.len == 0)
        return;
    char last = w->tb.s[w->tb.len - 1];
    if (!strchr(".,:;!?", last)) {
        w->tb.pend = 0;
        nr_tb_add_at(&w->tb, ",", 1, w->al.cur, w->al.cur);
    }
    nr_tb_space(&w->tb, w->al.cur);
}

static void step(walker *w, xmlNode *n, int dir)
{
    const hnode *h = H(w->hd, n);
    int tag = h->tag;
    if (tag == T_TABLE && dir < 0 && w->tables > 0)
        w->tables--;
    int row_cell = (tag == T_TD || tag == T_TH) && in_data_table(w);
    /* a caption set inline in a paragraph is a line of its own */
    if (((h_tag_props(tag) & TP_BREAK) && !row_cell) || (h->cls & HC_CAPTION))
        flush(w);
    if (tag == T_TABLE && dir > 0) {
        if (w->tables < (int)sizeof w->data)
            w->data[w->tables] = (h->flags & HN_DATATABLE) != 0;
        w->tables++;
    }
    if (tag == T_TR)
        w->cells = 0;
    if (row_cell && dir > 0)
        cell(w);
    if (heading_level(tag))
        w->heading = dir > 0 ? heading_level(tag) : 0;
    if ((tag == T_UL || tag == T_OL) && (dir > 0 || w->lists > 0))
        w->lists += dir;
    if (tag == T_LI && (dir > 0 || w->items > 0))
        w->items += dir;
    if (tag == T_BLOCKQUOTE && (dir > 0 || w->quotes > 0))
        w->quotes += dir;
    if (byline_box(w->hd, n) && (dir > 0 || w->byline > 0))
        w->byline += dir;
    /* a standfirst box holds a sentence or two, not a photo's label */
    if ((h->cls & HC_STANDFIRST) && h->tlen0 >= 20 && h->tlen0 <= 400 &&
        tag != T_FIGURE && (dir > 0 || w->standfirst > 0))
        w->standfirst += dir;
    if ((h->flags & HN_TITLE) && (dir > 0 || w->title > 0))
        w->title += dir;
    if ((h->cls & HC_PULLQUOTE) && (dir > 0 || w->pull > 0)) {
        flush(w);
        w->pull += dir;
    }
    if ((tag == T_FIGURE || tag == T_FIGCAPTION || (h->cls & HC_CAPTION)) &&
        (dir > 0 || w->caption > 0))
        w->caption += dir;
    if ((h->flags & HN_BYLINE) && (dir > 0 || w->bylinebox > 0)) {
        w->bylinebox += dir;
        if (!byline_box(w->hd, n) && (dir > 0 || w->byline > 0))
            w->byline += dir;
    }
}

static void text(walker *w, xmlNode *n)
{
    const char *t = (const char *)n->content;
    if (!t)
        return;
    size_t tn = strlen(t);
    if (h_align(&w->al, t, tn)) {
        w->d->nomem = 1;
        return;
    }
    nr_tb_add_map(&w->tb, t, tn, w->al.offs);
}

/* Script and style bodies are not text in the source scan either. */
static int raw_text_elem(const hdoc *hd, const xmlNode *n)
{
    return n->_private && (H(hd, n)->tag == T_SCRIPT || H(hd, n)->tag == T_STYLE);
}

/* Aligns the text of a skipped subtree (so the cursor moves past it) and,
   with a rule, records its source range in stripped[]. */
static void record_range(hdoc *hd, h_aligner *al, xmlNode *top, const char *rule)
{
    nr_doc *d = hd->d;
    if (top->type == XML_ELEMENT_NODE && raw_text_elem(hd, top))
        return;
    size_t start = 0, end = 0;
    int any = 0;
    xmlNode *n = top;
    while (n && !d->nomem) {
        if (n->type == XML_ELEMENT_NODE) {
            n = n == top ? (n->children ? n->children : NULL)
                         : h_next(n, top, raw_text_elem(hd, n));
            continue;
        }
        xmlNode *cur = n;
        n = n == top ? NULL : h_next(n, top, 0);
        if ((cur->type != XML_TEXT_NODE && cur->type != XML_CDATA_SECTION_NODE) ||
            !cur->content)
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
        if (h_align(al, t, tn)) {
            d->nomem = 1;
            return;
        }
        if (!any || al->offs[a] < start)
            start = al->offs[a];
        if (al->offs[z - 1] + 1 > end)
            end = al->offs[z - 1] + 1;
        any = 1;
    }
    if (rule && any && end > start)
        nr_doc_strip(d, start, end, rule);
}

/* The rule a removed element is listed under; NULL for what was never
   meant to be read (script, style, head...). */
static const char *skip_rule(const hdoc *hd, const xmlNode *n, const xmlNode *parent)
{
    const hnode *h = H(hd, n);
    if (h->flags & HN_SILENT)
        return NULL;
    if (parent && n->parent == parent && !(h->flags & HN_ARTICLE))
        return "outside-article";
    return h->rule;
}

/* A block of links named or marked as navigation ("Home News", a menu
   the article finder kept): read aloud it is noise. */
static int nav_block(const hdoc *hd, const xmlNode *n)
{
    const hnode *h = H(hd, n);
    const char *role = h_attr(n, "role");
    int named = (h->cls & HC_NAV) || h->tag == T_NAV ||
                (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "menu")));
    return named && h->tlen0 < 300 && h->tlen0 > 0 &&
           h->link >= 0.5 * (double)h_tlen(h);
}

/* A table of contents: a list of three or more links to places in the
   page, and little else.  The headings it lists are read where they
   stand; read aloud, the list is a second, empty copy of them. */
static int contents_list(const hdoc *hd, const xmlNode *n)
{
    const hnode *h = H(hd, n);
    size_t tl = h_tlen(h);
    return (h->tag == T_UL || h->tag == T_OL || h->tag == T_NAV || h->tag == T_DIV) &&
           h->nli >= 3 && tl >= 20 && (double)h->hashlink >= 0.8 * (double)tl;
}

static void leave_node(walker *w, xmlNode *n)
{
    step(w, n, -1);
    if (n == w->keeptop) {
        flush(w);
        w->keeptop = NULL;
        w->keeprule = NULL;
    }
}

/* The rule a read subtree would be cut under, NULL to read it. */
static const char *cut_rule(const hdoc *hd, const xmlNode *n, const xmlNode *parent,
                            int all)
{
    const hnode *h = H(hd, n);
    int outside = !all && n->parent == parent && !(h->flags & HN_ARTICLE);
    if (outside || (h->flags & HN_SILENT) ||
        (h->rule && !(h->flags & (HN_TITLE | HN_BYLINE))))
        return skip_rule(hd, n, outside ? parent : NULL);
    if (nav_block(hd, n) || contents_list(hd, n))
        return "nav";
    /* "© Provided by ...", "Photograph: ...": who took the picture, not
       what it shows */
    if ((h->cls & HC_CREDIT) && h->tlen0 < 200)
        return "caption";
    return NULL;
}

/* Reads the article parts among parent's children (all of them, with
   all), recording the rest. */
static void walk(walker *w, xmlNode *parent, int all)
{
    hdoc *hd = w->hd;
    xmlNode *n = parent->children;
    while (n && !w->d->nomem) {
        int down = 0;
        if (n->type == XML_ELEMENT_NODE && n->_private) {
            const hnode *h = H(hd, n);
            const char *rule = cut_rule(hd, n, parent, all);
            int silent = (h->flags & HN_SILENT) != 0;
            if ((rule || silent) && (silent || !kept(w, n, rule))) {
                record_range(hd, &w->al, n, rule);
                nr_tb_dropped(&w->tb);
            } else if (rule) {
                step(w, n, 1);
                down = 1;
            } else if (h->tag == T_BR) {
                /* <br><br> separates paragraphs; a single <br> a line */
                xmlNode *p = n->prev;
                while (p && p->type == XML_TEXT_NODE && p->content &&
                       !p->content[strspn((const char *)p->content, " \t\r\n")])
                    p = p->prev;
                if (p && p->_private && p->type == XML_ELEMENT_NODE &&
                    H(hd, p)->tag == T_BR)
                    flush(w);
                else
                    nr_tb_space(&w->tb, w->al.cur);
            } else {
                step(w, n, 1);
                down = 1;
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->parent == parent && !all)
                record_range(hd, &w->al, n, "outside-article");
            else
                text(w, n);
        }
        if (down && n->children) {
            n = n->children;
            continue;
        }
        if (down)
            leave_node(w, n);
        while (n != parent && !n->next) {
            n = n->parent;
            if (!n || n == parent)
                break;
            leave_node(w, n);
        }
        if (!n || n == parent)
            break;
        n = n->next;
    }
    flush(w);
}

void h_walk(hdoc *hd, xmlNode *parent)
{
    if (!parent)
        return;
    /* a page without <body> (the article is all of <html>) */
    if (!h_is_elem(parent)) {
        parent = hd->root;
        H(hd, parent)->flags |= HN_ARTICLE;
    }
    walker w;
    memset(&w, 0, sizeof w);
    w.hd = hd;
    w.d = hd->d;
    w.al.s = hd->d->src;
    w.al.n = hd->d->srclen;
    w.al.budget = 16 * hd->d->srclen + (1u << 20);
    nr_tb_init(&w.tb);
    /* the whole page in document order, with one aligner: what lies
       outside the article's parent (site header, sidebars, comments,
       footer) is recorded one subtree at a time, hanging off the chain
       of the parent's ancestors */
    for (xmlNode *a = parent->parent; a && h_is_elem(a); a = a->parent)
        H(hd, a)->flags |= HN_MARK;
    xmlNode *top = (xmlNode *)hd->doc;
    for (xmlNode *n = hd->doc->children; n && !hd->d->nomem;) {
        int skip = 1;
        if (n == parent) {
            walk(&w, parent, (H(hd, parent)->flags & HN_ARTICLE) != 0);
        } else if (h_is_elem(n) && (H(hd, n)->flags & HN_MARK)) {
            skip = 0;
        } else if (n->_private && (H(hd, n)->flags & HN_SILENT)) {
            record_range(hd, &w.al, n, NULL);
        } else if (n->_private) {
            if (n->type == XML_ELEMENT_NODE && kept(&w, n, "outside-article")) {
                step(&w, n, 1);
                walk(&w, n, 1);
                leave_node(&w, n);
            } else {
                record_range(hd, &w.al, n, "outside-article");
            }
        }
        n = h_next(n, top, skip);
    }
    for (xmlNode *a = parent->parent; a && h_is_elem(a); a = a->parent)
        H(hd, a)->flags &= ~(uint32_t)HN_MARK;
    flush(&w);
    nr_tb_free(&w.tb);
    free(w.al.offs);
}
