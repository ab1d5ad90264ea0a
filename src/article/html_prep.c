/*
 * html_prep.c - reshapes the parsed tree into the paragraphs a reader sees
 * before the article is looked for, since the scoring counts paragraphs:
 *
 *   - <font> is an inline <span>;
 *   - a run of two or more <br> ends a paragraph: the inline content after
 *     it, up to the next run, becomes a <p> (old pages and blog engines
 *     write whole articles as text between <br><br>);
 *   - inside a <div>, each run of loose text and inline elements is
 *     wrapped in a <p>;
 *   - a <div> that then holds a single paragraph (and few links) is that
 *     paragraph; a <div> holding no block at all is a paragraph itself.
 *
 * Only whole nodes move and nothing is reordered, so the text stays in
 * source order for the aligner.  Nodes taken out are freed here.
 */
#include <stdlib.h>
#include <string.h>

#include "article/html_dom.h"

static int is_tag(const hdoc *hd, const xmlNode *n, int tag)
{
    return h_is_elem(n) && H(hd, n)->tag == tag;
}

/* Text or a comment holding only white space (a comment with words
   stops a <br> run, as it would a reader's eye scanning the markup). */
static int blank(const hdoc *hd, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return !n->_private || h_tlen(H(hd, n)) == 0;
    if (n->type == XML_COMMENT_NODE) {
        for (const xmlChar *p = n->content; p && *p; p++)
            if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
                return 0;
        return 1;
    }
    return 0;
}

/* White space as far as a paragraph's end goes: blank text or a <br>. */
static int blank_or_br(const hdoc *hd, const xmlNode *n)
{
    return (n->type != XML_COMMENT_NODE && blank(hd, n)) || is_tag(hd, n, T_BR);
}

/* The next sibling that is an element or holds words. */
static xmlNode *next_solid(const hdoc *hd, xmlNode *n)
{
    while (n && n->type != XML_ELEMENT_NODE && blank(hd, n))
        n = n->next;
    return n;
}

/* Inline content: text, an inline element, or a link (or <ins>/<del>)
   holding only inline content. */
static int phrasing(const hdoc *hd, xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return 1;
    if (!h_is_elem(n))
        return 0;
    int tag = H(hd, n)->tag;
    if (h_tag_props(tag) & TP_PHRASING)
        return 1;
    if (tag != T_A && tag != T_DEL && tag != T_INS)
        return 0;
    /* every child inline; links inside links are looked into in turn */
    for (xmlNode *c = n->children; c;) {
        int into = 0;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            /* inline */
        } else if (!h_is_elem(c)) {
            return 0;
        } else {
            int ct = H(hd, c)->tag;
            if (ct == T_A || ct == T_DEL || ct == T_INS)
                into = 1;
            else if (!(h_tag_props(ct) & TP_PHRASING))
                return 0;
        }
        c = h_next(c, n, !into);
    }
    return 1;
}

static void detach(xmlNode *c)
{
    xmlUnlinkNode(c);
}

static void append_to(xmlNode *p, xmlNode *c)
{
    detach(c);
    c->parent = p;
    c->prev = p->last;
    c->next = NULL;
    if (p->last)
        p->last->next = c;
    else
        p->children = c;
    p->last = c;
}

static void insert_before(xmlNode *ref, xmlNode *c)
{
    detach(c);
    c->parent = ref->parent;
    c->next = ref;
    c->prev = ref->prev;
    if (ref->prev)
        ref->prev->next = c;
    else if (ref->parent)
        ref->parent->children = c;
    ref->prev = c;
}

/* Frees a node taken out of the tree, forgetting its records first. */
static void discard(hdoc *hd, xmlNode *n)
{
    detach(n);
    for (xmlNode *k = n; k; k = h_next(k, n, 0))
        if (k->_private)
            H(hd, k)->n = NULL;
    xmlFreeNode(n);
}

static xmlNode *new_p(hdoc *hd)
{
    xmlNode *p = xmlNewDocNode(hd->doc, NULL, (const xmlChar *)"p", NULL);
    if (!p)
        return NULL;
    if (h_register(hd, p, T_P)) {
        xmlFreeNode(p);
        return NULL;
    }
    return p;
}

/* Drops the white space and <br>s a new paragraph ends with.  With gone,
   a <br> is only detached onto that list (a list of <br>s still names
   it), to be freed later. */
static void trim_end(hdoc *hd, xmlNode *p, xmlNode **gone)
{
    while (p->last && blank_or_br(hd, p->last)) {
        xmlNode *l = p->last;
        if (gone && l->type == XML_ELEMENT_NODE) {
            detach(l);
            l->next = *gone;
            *gone = l;
        } else {
            discard(hd, l);
        }
    }
}

/* ---- <br><br> runs ---- */

static int brs_to_paragraphs(hdoc *hd)
{
    size_t nbr = 0, cap = 0;
    xmlNode **brs = NULL;
    for (xmlNode *n = hd->root; n; n = h_next(n, hd->root, 0)) {
        if (!is_tag(hd, n, T_BR))
            continue;
        if (nbr == cap) {
            cap = cap ? cap * 2 : 256;
            xmlNode **v = realloc(brs, cap * sizeof *v);
            if (!v) {
                free(brs);
                return -1;
            }
            brs = v;
        }
        brs[nbr++] = n;
    }
    /* a <br> taken out of a run is only detached here, freed at the end:
       the list still names it */
    xmlNode *gone = NULL;
    int rc = 0;
    for (size_t i = 0; i < nbr; i++) {
        xmlNode *br = brs[i];
        if (!br->parent)
            continue;
        int run = 0;
        xmlNode *next = br->next;
        while ((next = next_solid(hd, next)) && is_tag(hd, next, T_BR)) {
            run = 1;
            xmlNode *sib = next->next;
            detach(next);
            next->next = gone;
            gone = next;
            next = sib;
        }
        if (!run)
            continue;
        xmlNode *p = new_p(hd);
        if (!p) {
            rc = -1;
            break;
        }
        insert_before(br, p);
        detach(br);
        br->next = gone;
        gone = br;
        for (next = p->next; next;) {
            if (is_tag(hd, next, T_BR)) {
                xmlNode *after = next_solid(hd, next->next);
                if (after && is_tag(hd, after, T_BR))
                    break;
            }
            if (!phrasing(hd, next))
                break;
            xmlNode *sib = next->next;
            append_to(p, next);
            next = sib;
        }
        trim_end(hd, p, &gone);
        /* a paragraph cannot sit in a paragraph: the outer one is a box */
        if (is_tag(hd, p->parent, T_P))
            H(hd, p->parent)->tag = T_DIV;
    }
    free(brs);
    while (gone) {
        xmlNode *next = gone->next;
        gone->next = NULL;
        if (gone->_private)
            H(hd, gone)->n = NULL;
        xmlFreeNode(gone);
        gone = next;
    }
    return rc;
}

/* ---- <div>s that are paragraphs ---- */

/* Returns the node standing where div stood (div itself, or the paragraph
   that replaced it); NULL out of memory. */
static xmlNode *div_to_p(hdoc *hd, xmlNode *div)
{
    xmlNode *p = NULL;
    int wrapped = 0;
    for (xmlNode *c = div->children, *next; c; c = next) {
        next = c->next;
        if (c->_private && (H(hd, c)->flags & HN_SILENT) &&
            c->type == XML_ELEMENT_NODE) {
            /* scripts and styles are not there for the reader */
            if (p)
                append_to(p, c);
            continue;
        }
        if (phrasing(hd, c)) {
            if (p) {
                append_to(p, c);
            } else if (!blank_or_br(hd, c)) {
                p = new_p(hd);
                if (!p)
                    return NULL;
                insert_before(c, p);
                append_to(p, c);
                wrapped = 1;
            }
        } else if (p) {
            trim_end(hd, p, NULL);
            p = NULL;
        }
    }
    hnode *h = H(hd, div);
    xmlNode *only;
    size_t kids = h_elem_children(hd, div, &only);
    /* a box kept for its class or role (the byline, furniture to remove
       as a whole, a dialog) stays a box */
    int keep_box = (h->cls & HC_BYLINE) ||
                   ((h->cls & HC_UNLIKELY) && !(h->cls & HC_MAYBE)) ||
                   h_attr(div, "role") || h_attr(div, "aria-modal");
    if (kids == 1 && H(hd, only)->tag == T_P && !keep_box &&
        h_link_density(h) < 0.25) {
        /* the paragraph keeps what the box said about its role in the
           page (a standfirst, a date line, a caption, a pull quote) */
        H(hd, only)->cls |= h->cls & (HC_STANDFIRST | HC_DEK | HC_DATE | HC_NAV |
                                      HC_CAPTION | HC_CREDIT | HC_PULLQUOTE);
        insert_before(div, only);
        discard(hd, div);
        return only;
    }
    if (!wrapped && !h->has_block)
        h->tag = T_P;
    return div;
}

int h_prep(hdoc *hd)
{
    for (size_t i = 0; i < hd->n; i++)
        if (hd->nodes[i].tag == T_FONT)
            hd->nodes[i].tag = T_SPAN;
    if (brs_to_paragraphs(hd))
        return -1;
    h_stats(hd, hd->root);
    for (xmlNode *n = hd->root; n;) {
        if (n->type != XML_ELEMENT_NODE || !n->_private) {
            n = h_next(n, hd->root, 0);
            continue;
        }
        hnode *h = H(hd, n);
        if ((h->flags & HN_SILENT) || h_hidden(n)) {
            n = h_next(n, hd->root, 1);
            continue;
        }
        if (h->tag == T_DIV) {
            n = div_to_p(hd, n);
            if (!n)
                return -1;
        }
        n = h_next(n, hd->root, 0);
    }
    h_stats(hd, hd->root);
    for (size_t i = 0; i < hd->n; i++) {
        hnode *h = &hd->nodes[i];
        h->tag0 = h->tag;
        h->tlen0 = (uint32_t)h_tlen(h);
    }
    return 0;
}
