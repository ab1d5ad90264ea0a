/*
 * html_dom.h - what the HTML reader's files share (never installed): the
 * parsed page with a record per node (tag, class/id hints, the rule that
 * removed it, its content score, the text it holds), the iterative tree
 * walks, and the entry points of each step.
 *
 * The steps, in the order html.c runs them:
 *   html_depth.c    flattens nesting no real page reaches, so libxml2's
 *                   depth limit can be lifted while its work stays linear;
 *   html_dom.c      the node records, tags, class/id words, visibility and
 *                   the text statistics of a subtree (length, links, ...);
 *   html_prep.c     reshapes the tree the way the page reads: <br><br>
 *                   runs become paragraphs, a <div> holding only text is
 *                   a paragraph, loose text in a <div> is wrapped in one;
 *   html_meta.c     title, byline, date from <meta>, JSON-LD (with
 *                   html_json.c), <time> and byline boxes;
 *   html_title.c    the <title> cut as readers cut it;
 *   html_grab.c     finds the article: scores paragraphs into their
 *                   ancestors, picks the best container, joins siblings
 *                   that belong to it, retries looser when that is short;
 *   html_clean.c    cleans inside the article: forms, share boxes, link
 *                   lists and other low-content blocks;
 *   html_walk.c     reads the article into candidates, aligning every
 *                   text node with the source, and records what was cut;
 *   html_fallback.c the tag-stripping scan for pages libxml2 gives up on.
 */
#ifndef NR_ARTICLE_HTML_DOM_H
#define NR_ARTICLE_HTML_DOM_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "article/doc.h"

/* ---------------- tags ---------------- */

enum {
    T_OTHER = 0,
    T_A, T_ABBR, T_ADDRESS, T_ARTICLE, T_ASIDE, T_AUDIO, T_B, T_BDI, T_BDO,
    T_BIG, T_BLOCKQUOTE, T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CAPTION,
    T_CENTER, T_CITE, T_CODE, T_COL, T_COLGROUP, T_DATA, T_DATALIST, T_DD,
    T_DEL, T_DETAILS, T_DFN, T_DIALOG, T_DIV, T_DL, T_DT, T_EM, T_EMBED,
    T_FIELDSET, T_FIGCAPTION, T_FIGURE, T_FONT, T_FOOTER, T_FORM, T_H1, T_H2,
    T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HR, T_HTML, T_I, T_IFRAME,
    T_IMG, T_INPUT, T_INS, T_KBD, T_LABEL, T_LI, T_LINK, T_MAIN, T_MAP,
    T_MARK, T_MATH, T_MENU, T_META, T_METER, T_NAV, T_NOBR, T_NOSCRIPT,
    T_OBJECT, T_OL, T_OPTION, T_OUTPUT, T_P, T_PICTURE, T_PRE, T_PROGRESS,
    T_Q, T_RUBY, T_S, T_SAMP, T_SCRIPT, T_SECTION, T_SELECT, T_SMALL,
    T_SOURCE, T_SPAN, T_STRIKE, T_STRONG, T_STYLE, T_SUB, T_SUMMARY, T_SUP,
    T_SVG, T_TABLE, T_TBODY, T_TD, T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH,
    T_THEAD, T_TIME, T_TITLE, T_TR, T_TT, T_U, T_UL, T_VAR, T_VIDEO, T_WBR,
    T_COUNT
};

/* What a tag is, for the steps (bits of h_tag_props) */
enum {
    TP_PHRASING = 1u << 0,  /* inline: runs of it make a paragraph */
    TP_BLOCKISH = 1u << 1,  /* makes a <div> a container, not a paragraph */
    TP_SCORED   = 1u << 2,  /* its text scores its ancestors */
    TP_TEXTISH  = 1u << 3,  /* text in it counts as laid-out text */
    TP_BREAK    = 1u << 4,  /* starts a new candidate when read */
    TP_SILENT   = 1u << 5,  /* never read: script, style, head... */
    TP_HEADING  = 1u << 6
};

unsigned h_tag_props(int tag);
int h_tag_of(const xmlNode *n);

/* ---------------- class and id hints ---------------- */

enum {
    HC_UNLIKELY  = 1u << 0,  /* names page furniture: comments, sidebar... */
    HC_MAYBE     = 1u << 1,  /* ...but also the content ("main", "article") */
    HC_POS_CLASS = 1u << 2,  /* class says content */
    HC_NEG_CLASS = 1u << 3,  /* class says furniture */
    HC_POS_ID    = 1u << 4,
    HC_NEG_ID    = 1u << 5,
    HC_BYLINE    = 1u << 6,  /* byline, author, dateline */
    HC_SHARE     = 1u << 7,  /* a share box */
    HC_STANDFIRST = 1u << 8, /* standfirst, dek, summary... */
    HC_DATE      = 1u << 9,  /* date, published, timestamp... */
    HC_NAV       = 1u << 10, /* nav, navigation, menu, breadcrumbs */
    HC_CAPTION   = 1u << 11, /* caption */
    HC_CREDIT    = 1u << 12, /* credit, attribution, copyright */
    HC_DEK       = 1u << 13, /* standfirst, dek: never a teaser's summary */
    HC_PULLQUOTE = 1u << 14  /* a pull quote: a line of the story set large */
};

/* ---------------- node records ---------------- */

enum {
    HN_SILENT    = 1u << 0,  /* never text (script, style, comments...) */
    HN_SCORED    = 1u << 1,  /* has a content score this attempt */
    HN_ARTICLE   = 1u << 2,  /* a top-level part of the article */
    HN_TITLE     = 1u << 3,  /* the heading that repeats the title */
    /* HN_TITLE and HN_BYLINE boxes are out of the scoring (they carry a
       rule) but still read, as the title's and byline's own lines */
    HN_DATATABLE = 1u << 4,  /* a table of data, not of layout */
    HN_IN_DATATABLE = 1u << 5,
    HN_VIDEO     = 1u << 6,  /* an embedded player worth keeping */
    HN_MARK      = 1u << 7,  /* scratch */
    HN_BYLINE    = 1u << 8   /* the byline box the finder took out */
};

typedef struct hnode {
    xmlNode  *n;
    uint16_t  tag;
    uint16_t  tag0;        /* the tag after html_prep (attempts reset to it) */
    uint16_t  cls;         /* HC_* */
    uint32_t  flags;       /* HN_* */
    const char *rule;      /* removed (with its subtree) by this rule */
    double    score;       /* content score, when HN_SCORED */
    /* the live text under the node: length with white space runs counted
       as one and the ends trimmed away later (lead/trail say whether the
       text starts/ends in white space), commas, and counts of what the
       cleaning looks at */
    uint32_t  len;
    uint8_t   lead, trail, any;
    uint32_t  commas;      /* commas of any script */
    uint32_t  acommas;     /* ASCII commas */
    double    link;        /* text inside links (in-page links weigh 0.3) */
    uint32_t  hashlink;    /* text inside links within the page (#...) */
    uint32_t  np, nimg, nli, ninput, nembed, nheadtext, nlisttext,
              ntextish, ntables;
    uint8_t   has_datatable, has_video, has_block;
    uint32_t  tlen0;       /* text length after html_prep, nothing removed */
    uint32_t  rows, cols;  /* tables: rows, widest row; rows: cells */
    uint8_t   tabflags;    /* tables: what marks a data table */
    uint32_t  mark;        /* scratch counter */
} hnode;

typedef struct hdoc {
    nr_doc  *d;
    xmlDoc  *doc;
    xmlNode *root;         /* <html> */
    xmlNode *body;
    hnode   *nodes;
    size_t   n, cap;
    unsigned flags;        /* HF_* for the current attempt */
    char    *title;        /* the title the page states (for duplicates) */
    xmlNode *byline_node;  /* the byline element, once found */
    char    *byline;       /* its text */
    int      meta_byline;  /* the metadata named the author */
    char    *byline_hint;  /* a weaker name from the metadata */
    size_t   pulled[16];   /* candidates read from pull quotes */
    size_t   npulled;
} hdoc;

/* attempt flags: each retry drops one, as the result was too short */
enum {
    HF_STRIP_UNLIKELY = 1u << 0,
    HF_WEIGHT_CLASSES = 1u << 1,
    HF_CLEAN          = 1u << 2
};

#define H_IDX(node) ((size_t)(uintptr_t)(node)->_private)
static inline hnode *H(const hdoc *hd, const xmlNode *n)
{
    return &hd->nodes[H_IDX(n) - 1];
}

/* Records every node of the tree; 0, or -1 out of memory. */
int h_register_all(hdoc *hd);
/* Records one new node (made by the prep step); 0 or -1. */
int h_register(hdoc *hd, xmlNode *n, int tag);
void h_free(hdoc *hd);

/* Next node in document order under top; skip_kids skips n's subtree. */
xmlNode *h_next(xmlNode *n, xmlNode *top, int skip_kids);
const char *h_attr(const xmlNode *n, const char *name);
int h_is_elem(const xmlNode *n);
/* An element that is neither removed nor silent. */
int h_live(const hdoc *hd, const xmlNode *n);
/* Live element children. */
size_t h_elem_children(const hdoc *hd, const xmlNode *n, xmlNode **first);

/* Hidden by the page: display:none, visibility:hidden, hidden,
   aria-hidden=true. */
int h_hidden(const xmlNode *n);
/* -25..+50: what class and id say about an element (0 when the attempt
   does not weigh classes). */
int h_class_weight(const hdoc *hd, const xmlNode *n);
/* A class/id string names one of the words (substring, any case); class
   names carrying a negator ("no-sidebar", "has-comments") are ignored. */
unsigned h_classify(const char *cls, const char *id);
/* An ancestor within `depth` levels has the tag (depth < 0: any). */
int h_ancestor_tag(const hdoc *hd, const xmlNode *n, int tag, int depth);

/* Text statistics of the live subtree under top (and of every live
   element in it): fills len/lead/trail/commas/link/counts. */
void h_stats(hdoc *hd, xmlNode *top);
/* The pieces, for passes that judge elements as their statistics become
   final: a post-order walk of the live subtree (top included; enter is
   called on elements before their children, leave on every node after),
   zeroing one element's statistics, and adding a node's to its parent's. */
typedef void (*h_visit_fn)(hdoc *hd, xmlNode *n, void *ctx);
void h_postorder(hdoc *hd, xmlNode *top, h_visit_fn enter, h_visit_fn leave,
                 void *ctx);
void h_stats_reset(hdoc *hd, xmlNode *n);
void h_fold(hdoc *hd, xmlNode *c);
/* Length of the text as a reader sees it: white space collapsed and the
   ends trimmed (UTF-16 units, as the scoring was tuned on). */
static inline size_t h_tlen(const hnode *h)
{
    if (!h->any)
        return 0;
    int64_t l = (int64_t)h->len - h->lead - h->trail;
    return l > 0 ? (size_t)l : 0;
}
static inline double h_link_density(const hnode *h)
{
    size_t t = h_tlen(h);
    return t ? h->link / (double)t : 0.0;
}
/* The live text of a subtree, collapsed; NULL when empty or out of
   memory (d->nomem then set).  Reads at most `max` bytes of text. */
char *h_text(hdoc *hd, xmlNode *top, size_t max);
/* Word-overlap similarity of b to a (0..1): the share of b's words that
   are also in a, by length. */
double h_similarity(const char *a, const char *b);

/* ---------------- source alignment (html_align.c) ---------------- */

typedef struct h_aligner {
    const char *s;
    size_t n, cur;     /* the source, and how far the scan has come */
    size_t budget;     /* bytes the searches may still scan, in all */
    size_t *offs;      /* the last aligned text's offsets */
    size_t cap;
} h_aligner;

/* Past a tag, comment, or a whole script/style element at s[i] == '<'. */
size_t h_skip_markup(const char *s, size_t n, size_t i);
/* Fills al->offs[0..tn) with the source offset of each byte of t and
   moves the cursor past it; 0, or -1 out of memory. */
int h_align(h_aligner *al, const char *t, size_t tn);

/* ---------------- the steps ---------------- */

/* html_depth.c: a copy of src with nesting deeper than the limit
   flattened (text untouched), or NULL when none is needed or out of
   memory (*nomem). */
char *h_flatten_deep(const char *src, size_t n, size_t *outlen, int *nomem);

/* html_prep.c */
int h_prep(hdoc *hd);

/* html_title.c: the <title> cut as readers cut it (caller frees; NULL
   out of memory, d->nomem set); the part of a headline to give as the
   title; white space trimmed and collapsed, in place. */
char *h_title_cut(hdoc *hd, const char *orig);
char *h_headline_part(hdoc *hd, const char *t);
void h_squeeze(char *s);

/* html_meta.c: fills d->title/byline/date and hd->title. */
void h_meta(hdoc *hd);
/* What the page shows around the article, once it is known: the byline
   box the finder took out, the <time>, byline/date/standfirst boxes
   outside the article. */
void h_meta_shown(hdoc *hd, xmlNode **tops, size_t ntops);

/* html_grab.c: finds the article; *tops gets its top-level parts in
   order (*ntops of them), *parent their common parent; 0 or -1. */
int h_grab(hdoc *hd, xmlNode ***tops, size_t *ntops, xmlNode **parent);

/* html_clean.c: cleans the article's parts (this attempt's flags). */
void h_clean(hdoc *hd, xmlNode **tops, size_t ntops);

/* html_walk.c: reads the article into candidates and records the rest of
   the page as stripped. */
void h_walk(hdoc *hd, xmlNode *parent);

/* html_fallback.c */
int h_tree_lost_text(hdoc *hd);
void h_fallback(nr_doc *d);

#endif
