/*
 * html_clean.c - cleans inside the article once it is found.
 *
 *   - embedded objects, frames, form controls, footers and asides go
 *     (an embedded video player stays: readers show it);
 *   - small boxes named "share" go, and h1/h2 headings whose class or id
 *     names furniture;
 *   - forms, tables, lists and boxes are judged by what they hold
 *     ("conditional cleaning"): furniture by class or id; and, unless
 *     they carry ten commas' worth of prose, more images than paragraphs,
 *     more list items than paragraphs outside a list, form fields, mostly
 *     links, a lone embed, or no laid-out text at all.  Tables of data are
 *     kept whole: a table with a caption, header cells, or rows and
 *     columns enough to be a grid, not a layout.
 *
 * Each judgement is made bottom-up in one post-order pass per tag, so a
 * box is judged on what is left of it after its inner boxes were, as a
 * reader would see it; that keeps every pass linear.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"

/* ---- tables of data ---- */

enum { TB_DATAISH = 1, TB_TABLE = 2, TB_CAPTION = 4 };

static void table_enter(hdoc *hd, xmlNode *n, void *ctx)
{
    (void)ctx;
    hnode *h = H(hd, n);
    h->rows = h->cols = h->mark = 0;
    h->tabflags = 0;
}

static unsigned span_of(const xmlNode *n, const char *name)
{
    const char *v = h_attr(n, name);
    long k = v ? strtol(v, NULL, 10) : 0;
    return k > 0 && k < 1000 ? (unsigned)k : 1;
}

static int data_table(const hdoc *hd, const xmlNode *t)
{
    const hnode *h = H(hd, t);
    const char *role = h_attr(t, "role"), *dt = h_attr(t, "datatable");
    if (role && !strcasecmp(role, "presentation"))
        return 0;
    if (dt && !strcmp(dt, "0"))
        return 0;
    if (h_attr(t, "summary") && *h_attr(t, "summary"))
        return 1;
    if (h->tabflags & (TB_CAPTION | TB_DATAISH))
        return 1;
    if (h->tabflags & TB_TABLE)
        return 0;   /* tables in tables lay out a page */
    if (h->cols == 1 || h->rows == 1)
        return 0;
    if (h->rows >= 10 || h->cols > 4)
        return 1;
    return h->rows * h->cols > 10;
}

/* What an element itself says about the table it sits in. */
static unsigned table_kind(const hnode *h, const xmlNode *n)
{
    switch (h->tag) {
    case T_COL: case T_COLGROUP: case T_TFOOT: case T_THEAD: case T_TH:
        return TB_DATAISH;
    case T_CAPTION:
        return n->children ? TB_CAPTION : 0;
    case T_TABLE:
        return TB_TABLE;
    default:
        return 0;
    }
}

static void table_leave(hdoc *hd, xmlNode *n, void *ctx)
{
    if (n->type != XML_ELEMENT_NODE)
        return;
    hnode *h = H(hd, n);
    if (h->tag == T_TABLE && data_table(hd, n))
        h->flags |= HN_DATATABLE;
    if (h->tag == T_TD) {
        /* a cell widens its row */
        xmlNode *tr = n->parent;
        for (int k = 0; k < 3 && tr && h_is_elem(tr) && H(hd, tr)->tag != T_TR; k++)
            tr = tr->parent;
        if (tr && h_is_elem(tr) && H(hd, tr)->tag == T_TR)
            H(hd, tr)->mark += span_of(n, "colspan");
    }
    if (n == (xmlNode *)ctx || !n->parent || !h_is_elem(n->parent))
        return;
    hnode *p = H(hd, n->parent);
    p->tabflags |= (uint8_t)(h->tabflags | table_kind(h, n));
    p->rows += h->rows;
    if (h->cols > p->cols)
        p->cols = h->cols;
    if (h->tag == T_TR) {
        p->rows += span_of(n, "rowspan");
        if (h->mark > p->cols)
            p->cols = h->mark;
    }
}

static void mark_data_tables(hdoc *hd, xmlNode **tops, size_t ntops)
{
    for (size_t i = 0; i < ntops; i++)
        if (!H(hd, tops[i])->rule)
            h_postorder(hd, tops[i], table_enter, table_leave, tops[i]);
    /* inside a data table nothing is cleaned */
    for (size_t i = 0; i < ntops; i++) {
        xmlNode *top = tops[i];
        for (xmlNode *n = top->children; n; n = h_next(n, top, 0)) {
            if (!h_is_elem(n) || !h_is_elem(n->parent))
                continue;
            const hnode *p = H(hd, n->parent);
            if ((p->flags & HN_IN_DATATABLE) ||
                (p->tag == T_TABLE && (p->flags & HN_DATATABLE)))
                H(hd, n)->flags |= HN_IN_DATATABLE;
        }
    }
}

/* ---- tags removed outright ---- */

static const char *tag_rule(const hdoc *hd, const xmlNode *n)
{
    const hnode *h = H(hd, n);
    switch (h->tag) {
    case T_OBJECT: case T_EMBED: case T_IFRAME:
        return (h->flags & HN_VIDEO) ? NULL : "embed";
    case T_FOOTER: return "footer";
    case T_ASIDE: return "aside";
    case T_INPUT: case T_TEXTAREA: case T_SELECT: case T_BUTTON:
        return "widget";
    case T_H1: case T_H2:
        return h_class_weight(hd, n) < 0 ? "furniture-class" : NULL;
    default:
        return NULL;
    }
}

static void clean_tags(hdoc *hd, xmlNode *top)
{
    for (xmlNode *n = top; n;) {
        int skip = 0;
        if (h_is_elem(n)) {
            hnode *h = H(hd, n);
            if (h->rule || (h->flags & HN_SILENT))
                skip = 1;
            else if ((h->rule = tag_rule(hd, n)) != NULL)
                skip = 1;
        }
        n = h_next(n, top, skip);
    }
}

/* Small boxes named "share" (a long one may hold the story). */
static void clean_share(hdoc *hd, xmlNode *top, int whole_body)
{
    enum { SHARE_MAX = 500 };
    h_stats(hd, top);
    for (xmlNode *n = top->children; n;) {
        int skip = 0;
        if (h_is_elem(n)) {
            hnode *h = H(hd, n);
            int exempt = whole_body && n->parent == top;
            if (h->rule || (h->flags & HN_SILENT))
                skip = 1;
            else if (!exempt && (h->cls & HC_SHARE) && h->len < SHARE_MAX) {
                h->rule = "furniture-class";
                skip = 1;
            }
        }
        n = h_next(n, top, skip);
    }
}

/* ---- conditional cleaning ---- */

/* A box holding nothing but the word for an advert or a loading spinner. */
static int ad_or_loading(hdoc *hd, xmlNode *n)
{
    static const char *const words[] = {
        "ad", "advertising", "advertisement", "pub", "publicit\xC3\xA9",
        "werb", "werbung", "\xE5\xB9\xBF\xE5\x91\x8A",
        "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
        "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", "anuncio",
        "loading", "\xE6\xAD\xA3\xE5\x9C\xA8\xE5\x8A\xA0\xE8\xBD\xBD",
        "\xD0\x97\xD0\xB0\xD0\xB3\xD1\x80\xD1\x83\xD0\xB7\xD0\xBA\xD0\xB0",
        "\xD0\xB7\xD0\xB0\xD0\xB3\xD1\x80\xD1\x83\xD0\xB7\xD0\xBA\xD0\xB0",
        "chargement", "cargando", NULL};
    if (h_tlen(H(hd, n)) > 24)
        return 0;
    char *t = h_text(hd, n, 200);
    if (!t)
        return 0;
    size_t l = strlen(t);
    /* "Loading..." and "Loading…" are the spinner too */
    if (l >= 3 && !strcmp(t + l - 3, "..."))
        t[l -= 3] = '\0';
    else if (l >= 3 && !strcmp(t + l - 3, "\xE2\x80\xA6"))
        t[l -= 3] = '\0';
    int r = 0;
    for (size_t i = 0; words[i] && !r; i++)
        r = !strcasecmp(t, words[i]);
    free(t);
    return r;
}

typedef struct cond {
    xmlNode *top;
    int tag;
} cond;

static int fishy(hdoc *hd, xmlNode *n, int tag)
{
    hnode *h = H(hd, n);
    size_t tl = h_tlen(h);
    int is_list = tag == T_UL || tag == T_OL ||
                  (tl ? (double)h->nlisttext / (double)tl > 0.9 : h->nlisttext > 0);
    if (tag == T_TABLE && (h->flags & HN_DATATABLE))
        return 0;
    if ((h->flags & HN_IN_DATATABLE) || h->has_datatable)
        return 0;
    if (h_ancestor_tag(hd, n, T_CODE, 3))
        return 0;
    int weight = h_class_weight(hd, n);
    if (weight < 0)
        return 2;
    if (h->acommas >= 10)
        return 0;
    if (h->has_video)
        return 0;
    double p = h->np, img = h->nimg, li = (double)h->nli - 100;
    double input = h->ninput;
    double heading_density = tl ? (double)h->nheadtext / (double)tl : 0;
    double text_density = tl ? (double)h->ntextish / (double)tl : 0;
    double ld = h_link_density(h);
    int in_figure = h_ancestor_tag(hd, n, T_FIGURE, 3);
    if (ad_or_loading(hd, n))
        return 1;
    int bad = (!in_figure && img > 1 && p / img < 0.5) ||
              (!is_list && li > p) ||
              (input > (double)(h->np / 3)) ||
              (!is_list && !in_figure && heading_density < 0.9 && tl < 25 &&
               (img == 0 || img > 2) && ld > 0) ||
              (!is_list && weight < 25 && ld > 0.2) ||
              (weight >= 25 && ld > 0.5) ||
              ((h->nembed == 1 && tl < 75) || h->nembed > 1) ||
              (img == 0 && text_density == 0);
    if (is_list && bad) {
        /* a list of pictures, one to an item, may stay */
        for (xmlNode *c = n->children; c; c = c->next)
            if (h_live(hd, c) && h_elem_children(hd, c, NULL) > 1)
                return 1;
        if (h->nimg == h->nli)
            return 0;
    }
    return bad;
}

static void cond_leave(hdoc *hd, xmlNode *n, void *ctx)
{
    const cond *c = ctx;
    if (n->type == XML_ELEMENT_NODE && H(hd, n)->tag == c->tag) {
        int r = fishy(hd, n, c->tag);
        if (r) {
            H(hd, n)->rule = r == 2 ? "furniture-class" : "low-content";
            return;
        }
    }
    if (n != c->top)
        h_fold(hd, n);
}

static void stat_enter(hdoc *hd, xmlNode *n, void *ctx)
{
    (void)ctx;
    h_stats_reset(hd, n);
}

static void clean_conditionally(hdoc *hd, xmlNode **tops, size_t ntops, int tag)
{
    if (!(hd->flags & HF_CLEAN))
        return;
    for (size_t i = 0; i < ntops; i++) {
        if (H(hd, tops[i])->rule)
            continue;
        cond c = {tops[i], tag};
        h_postorder(hd, tops[i], stat_enter, cond_leave, &c);
    }
}

void h_clean(hdoc *hd, xmlNode **tops, size_t ntops)
{
    int whole_body = ntops == 1 && H(hd, tops[0])->tag == T_BODY;
    mark_data_tables(hd, tops, ntops);
    clean_conditionally(hd, tops, ntops, T_FORM);
    clean_conditionally(hd, tops, ntops, T_FIELDSET);
    for (size_t i = 0; i < ntops; i++) {
        /* the parts themselves are the story: only what is inside goes */
        for (xmlNode *c = tops[i]->children; c; c = c->next)
            if (h_is_elem(c))
                clean_tags(hd, c);
        if (!H(hd, tops[i])->rule)
            clean_share(hd, tops[i], whole_body);
    }
    clean_conditionally(hd, tops, ntops, T_TABLE);
    clean_conditionally(hd, tops, ntops, T_UL);
    clean_conditionally(hd, tops, ntops, T_DIV);
}
