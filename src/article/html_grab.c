/*
 * html_grab.c - finds the article in the page, as browser reader modes do.
 *
 * One attempt:
 *   1. walk the page, removing what no reader sees (hidden elements,
 *      modal dialogs), the byline box (the metadata has it), the heading
 *      that repeats the title, furniture named by class or id ("comment",
 *      "sidebar", "related", "footer"...) or by role (navigation,
 *      complementary), and empty boxes;
 *   2. score every paragraph-like element of 25 characters or more (one
 *      point, one per comma, one per 100 characters up to three) into its
 *      parent, grandparent (half) and up to three more ancestors (less
 *      with each level); a container starts from what its tag and its
 *      class/id say (a <div> +5, a list -3, "content"/"story" +25,
 *      "comment"/"share" -25);
 *   3. scale each container's score by the share of its text outside
 *      links; the best is the article, moved up to an ancestor when
 *      three near-equal rivals share it (a story split into boxes), or
 *      when the score keeps rising on the way up;
 *   4. join the siblings that score well enough, that share its class, or
 *      that are paragraphs of prose with few links;
 *   5. clean inside (html_clean.c).
 * When what is left is under 500 characters, the attempt is repeated
 * without the class/id furniture removal, then without class weights,
 * then without the cleaning.  If all fall short the article is a short
 * one, and the strictest attempt that found any text gives it: a looser
 * one is longer only by the furniture it let in.
 *
 * Each step is linear: statistics are gathered bottom-up once per pass,
 * ancestors are looked at to a fixed depth, and the climbs above the
 * best container are done once.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"
#include "article/textbuf.h"

typedef struct nodelist {
    xmlNode **v;
    size_t n, cap;
} nodelist;

static int push(nodelist *l, xmlNode *n)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        xmlNode **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = n;
    return 0;
}

static void reset(hdoc *hd)
{
    for (size_t i = 0; i < hd->n; i++) {
        hnode *h = &hd->nodes[i];
        if (!h->n)
            continue;
        h->rule = NULL;
        h->flags &= ~(uint32_t)(HN_SCORED | HN_ARTICLE | HN_TITLE | HN_BYLINE |
                                HN_DATATABLE | HN_IN_DATATABLE | HN_MARK);
        h->score = 0;
        h->tag = h->tag0;
        h->mark = 0;
    }
}

/* ---- 1. what no reader sees, and furniture ---- */

/* Is the text of a byline box short as written, white space and all?  A
   box laid out over many indented lines is a block of the page (a source
   line, a share bar, the author's name), not the byline itself; its
   inner name box is.  Looks at a bounded number of nodes. */
static int short_as_written(const hdoc *hd, xmlNode *top)
{
    enum { MAX_CHARS = 100, MAX_NODES = 400 };
    size_t len = 0, pending = 0, nodes = 0;
    int started = 0;
    for (xmlNode *n = top->children; n; nodes++) {
        if (nodes > MAX_NODES)
            return 0;
        int skip = n->type == XML_ELEMENT_NODE && !h_live(hd, n);
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            for (const unsigned char *p = n->content; *p; p++) {
                if ((*p & 0xC0) == 0x80)
                    continue;
                if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
                    pending += started;   /* inner white space counts */
                    continue;
                }
                started = 1;
                len += pending + 1;
                pending = 0;
                if (len >= MAX_CHARS)
                    return 0;
            }
        }
        n = h_next(n, top, skip);
    }
    return len > 0;
}

/* The byline box, found once: a rel=author link, itemprop=author, or a
   byline/author class, holding a short text.  Only looked for when the
   metadata did not name the author. */
static int byline_here(hdoc *hd, xmlNode *n)
{
    if (hd->byline_node)
        return n == hd->byline_node;
    if (hd->meta_byline)
        return 0;
    const hnode *h = H(hd, n);
    const char *rel = h_attr(n, "rel"), *ip = h_attr(n, "itemprop");
    int hint = (rel && !strcasecmp(rel, "author")) ||
               (ip && strstr(ip, "author")) || (h->cls & HC_BYLINE);
    if (!hint || h->tlen0 == 0 || h->tlen0 >= 100 || !short_as_written(hd, n))
        return 0;
    char *t = h_text(hd, n, 1000);
    if (!t)
        return 0;
    hd->byline_node = n;
    hd->byline = t;
    return 1;
}

static const char *role_rule(const char *role)
{
    static const struct { const char *role, *rule; } roles[] = {
        {"menu", "nav"}, {"menubar", "nav"}, {"navigation", "nav"},
        {"complementary", "aside"}, {"alert", "widget"},
        {"alertdialog", "widget"}, {"dialog", "widget"}};
    if (!role)
        return NULL;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!strcasecmp(role, roles[i].role))
            return roles[i].rule;
    return NULL;
}

/* No text, and nothing but line breaks and rules inside. */
static int empty_box(const hdoc *hd, const xmlNode *n)
{
    if (H(hd, n)->tlen0)
        return 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (h_live(hd, c) && H(hd, c)->tag != T_BR && H(hd, c)->tag != T_HR)
            return 0;
    return 1;
}

static int mark_pass(hdoc *hd, nodelist *scored)
{
    int title_seen = 0;
    xmlNode *root = hd->root;
    for (xmlNode *n = root; n;) {
        if (n->type != XML_ELEMENT_NODE || !n->_private) {
            n = h_next(n, root, 0);
            continue;
        }
        hnode *h = H(hd, n);
        const char *role = h_attr(n, "role");
        const char *modal = h_attr(n, "aria-modal");
        int tag = h->tag;
        if (h->flags & HN_SILENT) {
            /* never read */
        } else if (h_hidden(n)) {
            h->rule = "hidden";
        } else if (role && modal && !strcasecmp(role, "dialog") &&
                   !strcasecmp(modal, "true")) {
            h->rule = "widget";
        } else if (byline_here(hd, n)) {
            h->rule = "byline";
            h->flags |= HN_BYLINE;
        } else if (!title_seen && hd->title && (tag == T_H1 || tag == T_H2) &&
                   h->tlen0 < 2000) {
            char *t = h_text(hd, n, 2000);
            if (t && h_similarity(hd->title, t) > 0.75) {
                title_seen = 1;
                h->rule = "title-heading";
                h->flags |= HN_TITLE;
            }
            free(t);
        }
        if (!h->rule && !(h->flags & HN_SILENT) &&
            (hd->flags & HF_STRIP_UNLIKELY)) {
            if ((h->cls & HC_UNLIKELY) && !(h->cls & HC_MAYBE) &&
                tag != T_BODY && tag != T_A &&
                !h_ancestor_tag(hd, n, T_TABLE, 3) &&
                !h_ancestor_tag(hd, n, T_CODE, 3))
                h->rule = "furniture-class";
            else if (role_rule(role))
                h->rule = role_rule(role);
        }
        if (!h->rule && !(h->flags & HN_SILENT) &&
            (tag == T_DIV || tag == T_SECTION || tag == T_HEADER ||
             (h_tag_props(tag) & TP_HEADING)) &&
            empty_box(hd, n))
            h->rule = "empty";
        if (h->rule || (h->flags & HN_SILENT)) {
            n = h_next(n, root, 1);
            continue;
        }
        if ((h_tag_props(tag) & TP_SCORED) && push(scored, n))
            return -1;
        n = h_next(n, root, 0);
    }
    return 0;
}

/* ---- 2. scores ---- */

static void init_node(hdoc *hd, xmlNode *n)
{
    hnode *h = H(hd, n);
    double s = 0;
    switch (h->tag) {
    case T_DIV: s = 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: s = 3; break;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT:
    case T_LI: case T_FORM: s = -3; break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    case T_TH: s = -5; break;
    default: break;
    }
    h->score = s + h_class_weight(hd, n);
    h->flags |= HN_SCORED;
}

static int score_pass(hdoc *hd, const nodelist *scored, nodelist *cands)
{
    for (size_t i = 0; i < scored->n; i++) {
        xmlNode *el = scored->v[i];
        const hnode *h = H(hd, el);
        size_t tl = h_tlen(h);
        if (tl < 25)
            continue;
        double s = 1 + (double)(h->commas + 1) + (tl / 100 > 3 ? 3 : (double)(tl / 100));
        int level = 0;
        for (xmlNode *a = el->parent; a && level < 5; a = a->parent, level++) {
            if (!h_is_elem(a) || !a->parent || a->parent->type != XML_ELEMENT_NODE)
                continue;
            hnode *ha = H(hd, a);
            if (!(ha->flags & HN_SCORED)) {
                init_node(hd, a);
                if (push(cands, a))
                    return -1;
            }
            ha->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }
    return 0;
}

/* ---- 3. the best container ---- */

#define TOP_N 5

static xmlNode *best_container(hdoc *hd, const nodelist *cands)
{
    xmlNode *top[TOP_N] = {0};
    for (size_t i = 0; i < cands->n; i++) {
        hnode *h = H(hd, cands->v[i]);
        h->score *= 1 - h_link_density(h);
        for (int t = 0; t < TOP_N; t++) {
            if (!top[t] || h->score > H(hd, top[t])->score) {
                memmove(top + t + 1, top + t, (TOP_N - 1 - (size_t)t) * sizeof *top);
                top[t] = cands->v[i];
                break;
            }
        }
    }
    xmlNode *best = top[0];
    if (!best || H(hd, best)->tag == T_BODY)
        return NULL;
    /* near-equal rivals: when three of them sit under one ancestor of
       the best, the story is split into boxes and the ancestor holds it */
    double bs = H(hd, best)->score;
    xmlNode *rival[TOP_N];
    int rivals = 0;
    for (int t = 1; t < TOP_N && top[t]; t++) {
        double r = H(hd, top[t])->score;
        if (bs > 0 ? r / bs >= 0.75 : (bs == 0 && r > 0))
            rival[rivals++] = top[t];
    }
    if (rivals >= 3) {
        for (int t = 0; t < rivals; t++)
            for (xmlNode *a = rival[t]->parent; a && h_is_elem(a); a = a->parent)
                H(hd, a)->mark++;
        for (xmlNode *p = best->parent; p && h_is_elem(p) && H(hd, p)->tag != T_BODY;
             p = p->parent)
            if (H(hd, p)->mark >= 3) {
                best = p;
                break;
            }
        for (int t = 0; t < rivals; t++)
            for (xmlNode *a = rival[t]->parent; a && h_is_elem(a); a = a->parent)
                H(hd, a)->mark = 0;
    }
    if (!(H(hd, best)->flags & HN_SCORED))
        init_node(hd, best);
    /* a parent scoring higher still holds more of the story */
    double last = H(hd, best)->score, floor_score = last / 3;
    for (xmlNode *p = best->parent; p && h_is_elem(p) && H(hd, p)->tag != T_BODY;
         p = p->parent) {
        const hnode *hp = H(hd, p);
        if (!(hp->flags & HN_SCORED))
            continue;
        if (hp->score < floor_score)
            break;
        if (hp->score > last) {
            best = p;
            break;
        }
        last = hp->score;
    }
    /* an only child: its parent's siblings are the story's neighbours */
    for (xmlNode *p = best->parent;
         p && h_is_elem(p) && H(hd, p)->tag != T_BODY &&
         h_elem_children(hd, p, NULL) == 1;
         p = best->parent)
        best = p;
    if (!(H(hd, best)->flags & HN_SCORED))
        init_node(hd, best);
    return best;
}

/* ---- 4. siblings ---- */

/* A short paragraph that reads as prose: a full stop before a space or
   at the end. */
static int has_sentence_stop(hdoc *hd, xmlNode *n)
{
    char *t = h_text(hd, n, 400);
    int r = 0;
    for (char *p = t; p && *p && !r; p++)
        r = *p == '.' && (p[1] == ' ' || p[1] == '\0');
    free(t);
    return r;
}

static int gather(hdoc *hd, xmlNode *best, nodelist *tops)
{
    xmlNode *parent = best->parent;
    const hnode *hb = H(hd, best);
    double threshold = hb->score * 0.2 > 10 ? hb->score * 0.2 : 10;
    const char *bcls = h_attr(best, "class");
    for (xmlNode *s = parent->children; s; s = s->next) {
        if (!h_live(hd, s))
            continue;
        hnode *hs = H(hd, s);
        int take = s == best;
        if (!take) {
            double bonus = 0;
            const char *scls = h_attr(s, "class");
            if (bcls && *bcls && scls && !strcmp(scls, bcls))
                bonus = hb->score * 0.2;
            if ((hs->flags & HN_SCORED) && hs->score + bonus >= threshold) {
                take = 1;
            } else if (hs->tag == T_P) {
                double ld = h_link_density(hs);
                size_t tl = h_tlen(hs);
                if (tl > 80 && ld < 0.25)
                    take = 1;
                else if (tl < 80 && tl > 0 && ld == 0 && has_sentence_stop(hd, s))
                    take = 1;
            }
        }
        if (!take)
            continue;
        /* a joined cell or list is cleaned as a box of the story */
        if (hs->tag != T_DIV && hs->tag != T_ARTICLE && hs->tag != T_SECTION &&
            hs->tag != T_P)
            hs->tag = T_DIV;
        hs->flags |= HN_ARTICLE;
        if (push(tops, s))
            return -1;
    }
    return 0;
}

/* ---- the attempts ---- */

typedef struct result {
    nodelist tops;
    xmlNode *parent;
    size_t len;
} result;

static int attempt(hdoc *hd, result *r)
{
    nodelist scored = {0}, cands = {0};
    int rc = -1;
    reset(hd);
    r->tops.n = 0;
    r->parent = NULL;
    r->len = 0;
    if (mark_pass(hd, &scored))
        goto out;
    h_stats(hd, hd->root);
    if (score_pass(hd, &scored, &cands))
        goto out;
    xmlNode *best = best_container(hd, &cands);
    if (!best) {
        /* no container stands out: the whole body is the article */
        xmlNode *body = hd->body;
        H(hd, body)->flags |= HN_ARTICLE;
        if (push(&r->tops, body))
            goto out;
        r->parent = body->parent;
    } else {
        r->parent = best->parent;
        if (gather(hd, best, &r->tops))
            goto out;
    }
    h_clean(hd, r->tops.v, r->tops.n);
    for (size_t i = 0; i < r->tops.n; i++) {
        xmlNode *t = r->tops.v[i];
        if (H(hd, t)->rule)
            continue;
        h_stats(hd, t);
        r->len += h_tlen(H(hd, t));
    }
    rc = 0;
out:
    free(scored.v);
    free(cands.v);
    return rc;
}

int h_grab(hdoc *hd, xmlNode ***tops, size_t *ntops, xmlNode **parent)
{
    static const unsigned looser[] = {
        HF_STRIP_UNLIKELY | HF_WEIGHT_CLASSES | HF_CLEAN,
        HF_WEIGHT_CLASSES | HF_CLEAN, HF_CLEAN, 0};
    enum { ATTEMPTS = sizeof looser / sizeof *looser, LONG_ENOUGH = 500 };
    result r = {{0}, NULL, 0};
    size_t best_len = 0;    /* the strictest attempt's, while it is 0 */
    int best = -1, done = 0;
    for (int i = 0; i < ATTEMPTS && !done; i++) {
        hd->flags = looser[i];
        if (attempt(hd, &r)) {
            free(r.tops.v);
            return -1;
        }
        if (r.len >= LONG_ENOUGH)
            done = 1;
        else if (best < 0 || (best_len == 0 && r.len > 0)) {
            best_len = r.len;
            best = i;
        }
    }
    if (!done && best != ATTEMPTS - 1) {
        hd->flags = looser[best];
        if (attempt(hd, &r)) {
            free(r.tops.v);
            return -1;
        }
    }
    *tops = r.tops.v;
    *ntops = r.tops.n;
    *parent = r.parent;
    return 0;
}
