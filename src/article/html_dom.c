/*
 * html_dom.c - the node records of the parsed page: each node's tag, what
 * its class and id say (furniture, content, byline...), whether the page
 * hides it, and the statistics of the text under it that the article
 * finder and the cleaner judge by (length, commas, text inside links,
 * paragraphs, images, list items...).
 *
 * Every walk is iterative and every statistic is gathered bottom-up in one
 * pass, so a page of 10,000 nested elements costs neither C stack nor
 * quadratic time.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"
#include "article/textbuf.h"

/* ---------------- tags ---------------- */

enum {
    P_ = TP_PHRASING, B_ = TP_BLOCKISH, S_ = TP_SCORED, X_ = TP_TEXTISH,
    K_ = TP_BREAK, Q_ = TP_SILENT, H_ = TP_HEADING
};

/* Sorted by name, for bsearch, and in the order of the T_ ids (which are
   alphabetical too), so tags[id - 1] is the id's row. */
static const struct tagdef {
    const char *name;
    unsigned char id;
    unsigned char props;
} tags[] = {
    {"a", T_A, 0},
    {"abbr", T_ABBR, P_},
    {"address", T_ADDRESS, K_},
    {"article", T_ARTICLE, K_},
    {"aside", T_ASIDE, K_},
    {"audio", T_AUDIO, P_},
    {"b", T_B, P_},
    {"bdi", T_BDI, P_},
    {"bdo", T_BDO, P_},
    {"big", T_BIG, P_},
    {"blockquote", T_BLOCKQUOTE, B_ | X_ | K_},
    {"body", T_BODY, K_},
    {"br", T_BR, P_},
    {"button", T_BUTTON, P_},
    {"canvas", T_CANVAS, 0},
    {"caption", T_CAPTION, K_},
    {"center", T_CENTER, K_},
    {"cite", T_CITE, P_},
    {"code", T_CODE, P_},
    {"col", T_COL, 0},
    {"colgroup", T_COLGROUP, 0},
    {"data", T_DATA, P_},
    {"datalist", T_DATALIST, P_},
    {"dd", T_DD, K_},
    {"del", T_DEL, 0},
    {"details", T_DETAILS, K_},
    {"dfn", T_DFN, P_},
    {"dialog", T_DIALOG, K_},
    {"div", T_DIV, B_ | X_ | K_},
    {"dl", T_DL, B_ | X_ | K_},
    {"dt", T_DT, K_},
    {"em", T_EM, P_},
    {"embed", T_EMBED, P_},
    {"fieldset", T_FIELDSET, K_},
    {"figcaption", T_FIGCAPTION, K_},
    {"figure", T_FIGURE, K_},
    {"font", T_FONT, P_},
    {"footer", T_FOOTER, K_},
    {"form", T_FORM, K_},
    {"h1", T_H1, K_ | H_},
    {"h2", T_H2, S_ | K_ | H_},
    {"h3", T_H3, S_ | K_ | H_},
    {"h4", T_H4, S_ | K_ | H_},
    {"h5", T_H5, S_ | K_ | H_},
    {"h6", T_H6, S_ | K_ | H_},
    {"head", T_HEAD, Q_},
    {"header", T_HEADER, K_},
    {"hr", T_HR, K_},
    {"html", T_HTML, K_},
    {"i", T_I, P_},
    {"iframe", T_IFRAME, 0},
    {"img", T_IMG, P_ | B_ | X_},
    {"input", T_INPUT, P_},
    {"ins", T_INS, 0},
    {"kbd", T_KBD, P_},
    {"label", T_LABEL, P_},
    {"li", T_LI, X_ | K_},
    {"link", T_LINK, Q_},
    {"main", T_MAIN, K_},
    {"map", T_MAP, 0},
    {"mark", T_MARK, P_},
    {"math", T_MATH, P_},
    {"menu", T_MENU, K_},
    {"meta", T_META, Q_},
    {"meter", T_METER, P_},
    {"nav", T_NAV, K_},
    {"nobr", T_NOBR, P_},
    {"noscript", T_NOSCRIPT, P_ | Q_},
    {"object", T_OBJECT, P_},
    {"ol", T_OL, B_ | X_ | K_},
    {"option", T_OPTION, K_},
    {"output", T_OUTPUT, P_},
    {"p", T_P, B_ | S_ | X_ | K_},
    {"picture", T_PICTURE, 0},
    {"pre", T_PRE, B_ | S_ | X_ | K_},
    {"progress", T_PROGRESS, P_},
    {"q", T_Q, P_},
    {"ruby", T_RUBY, P_},
    {"s", T_S, P_},
    {"samp", T_SAMP, P_},
    {"script", T_SCRIPT, P_ | Q_},
    {"section", T_SECTION, S_ | K_},
    {"select", T_SELECT, P_},
    {"small", T_SMALL, P_},
    {"source", T_SOURCE, 0},
    {"span", T_SPAN, P_ | X_},
    {"strike", T_STRIKE, P_},
    {"strong", T_STRONG, P_},
    {"style", T_STYLE, Q_},
    {"sub", T_SUB, P_},
    {"summary", T_SUMMARY, K_},
    {"sup", T_SUP, P_},
    {"svg", T_SVG, 0},
    {"table", T_TABLE, B_ | X_ | K_},
    {"tbody", T_TBODY, K_},
    {"td", T_TD, S_ | X_ | K_},
    {"template", T_TEMPLATE, Q_},
    {"textarea", T_TEXTAREA, P_},
    {"tfoot", T_TFOOT, K_},
    {"th", T_TH, K_},
    {"thead", T_THEAD, K_},
    {"time", T_TIME, P_},
    {"title", T_TITLE, Q_},
    {"tr", T_TR, K_},
    {"tt", T_TT, P_},
    {"u", T_U, P_},
    {"ul", T_UL, B_ | X_ | K_},
    {"var", T_VAR, P_},
    {"video", T_VIDEO, 0},
    {"wbr", T_WBR, P_},
};

_Static_assert(sizeof tags / sizeof *tags == T_COUNT - 1, "one row per tag id");

static int cmp_tag(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const struct tagdef *)e)->name);
}

int h_tag_of(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return T_OTHER;
    char low[16];
    size_t i = 0;
    for (; n->name[i] && i < sizeof low - 1; i++)
        low[i] = (char)tolower(n->name[i]);
    if (n->name[i])
        return T_OTHER;
    low[i] = '\0';
    const struct tagdef *t = bsearch(low, tags, sizeof tags / sizeof *tags,
                                     sizeof *tags, cmp_tag);
    return t ? t->id : T_OTHER;
}

unsigned h_tag_props(int tag)
{
    return tag > 0 && tag < T_COUNT ? tags[tag - 1].props : 0;
}

/* ---------------- class and id words ---------------- */

/* Words in a class or id that name page furniture, matched anywhere in
   the name ("article-comments", "site-header"): comment threads, headers
   and footers, menus, sidebars, related-story and share boxes, adverts,
   consent and sign-up pop-ups, pagers. */
static const char *const unlikely_words[] = {
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "header", "legends", "menu", "pager", "pagination", "popup", "related",
    "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
    "social", "sponsor", "supplemental", NULL};
/* ...unless the name also says it holds the content ("main-header",
   "article-extra", "content-and-sidebar") */
static const char *const maybe_words[] = {
    "and", "article", "body", "column", "content", "main", "shadow", NULL};
static const char *const positive_words[] = {
    "article", "blog", "body", "content", "entry", "hentry", "h-entry",
    "main", "page", "pagination", "post", "story", "text", NULL};
static const char *const negative_words[] = {
    "-ad-", "banner", "com-", "comment", "contact", "foot", "gdpr",
    "hidden", "masthead", "media", "meta", "outbrain", "promo", "related",
    "scroll", "share", "shopping", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "tags", "widget", NULL};
static const char *const byline_words[] = {
    "byline", "author", "dateline", "writtenby", NULL};
/* whole parts of a name, split at '-' and '_' */
/* ("lede" is left out: pages name their lead picture so too) */
static const char *const standfirst_parts[] = {
    "standfirst", "subtitle", "subheadline", "subhead", "dek", "deck",
    "strapline", "summary", "intro", "excerpt", NULL};
static const char *const dek_parts[] = {
    "standfirst", "subtitle", "subheadline", "subhead", "dek", "deck",
    "strapline", NULL};
static const char *const pull_parts[] = {"pullquote", "pullout", NULL};
static const char *const pull_pair[] = {"pull", NULL};
static const char *const quote_part[] = {"quote", NULL};
static const char *const nav_parts[] = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", NULL};
static const char *const caption_parts[] = {"caption", "captions", NULL};
static const char *const credit_parts[] = {
    "credit", "credits", "attribution", "copyright", "photographer", NULL};
static const char *const date_parts[] = {
    "date", "published", "timestamp", "dateline", "posted", "pubdate", NULL};
/* Parts that turn a class name around: "no-sidebar", "has-comments",
   "comments-open", "overflow-hidden" describe the page, not furniture. */
static const char *const negator_parts[] = {
    "no", "has", "with", "without", "overflow", "show", "allow", "enable",
    "enabled", "open", "count", NULL};

static int ci_contains(const char *h, size_t hn, const char *w)
{
    size_t wn = strlen(w);
    for (size_t i = 0; i + wn <= hn; i++)
        if (!strncasecmp(h + i, w, wn))
            return 1;
    return 0;
}

static int any_word(const char *h, size_t hn, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (ci_contains(h, hn, words[i]))
            return 1;
    return 0;
}

static int part_in(const char *p, size_t n, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], p, n))
            return 1;
    return 0;
}

/* Does one of the name's parts (split at anything not a letter or digit)
   belong to the list? */
static int has_part(const char *t, size_t tn, const char *const *words)
{
    for (size_t q = 0; q < tn;) {
        while (q < tn && !isalnum((unsigned char)t[q]))
            q++;
        size_t e = q;
        while (e < tn && isalnum((unsigned char)t[e]))
            e++;
        if (e > q && part_in(t + q, e - q, words))
            return 1;
        q = e;
    }
    return 0;
}

/* Like has_part, name by name, skipping names with a negator part
   ("has-large-lede" says the page has one, not that this is it). */
static int has_part_named(const char *v, size_t n, const char *const *words)
{
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)v[i]))
            i++;
        size_t e = i;
        while (e < n && !isspace((unsigned char)v[e]))
            e++;
        if (e > i && !has_part(v + i, e - i, negator_parts) &&
            has_part(v + i, e - i, words))
            return 1;
        i = e;
    }
    return 0;
}

/* "share" as a name of its own: between non-word characters or '_'
   ("share-bar", "post_share"), never inside a word ("shareholders"). */
static int share_word(const char *t, size_t tn)
{
    static const char *const w[] = {"sharedaddy", "share", NULL};
    for (size_t k = 0; w[k]; k++) {
        size_t wn = strlen(w[k]);
        for (size_t i = 0; i + wn <= tn; i++) {
            if (strncasecmp(t + i, w[k], wn))
                continue;
            int before = i == 0 || !isalnum((unsigned char)t[i - 1]);
            int after = i + wn == tn || !isalnum((unsigned char)t[i + wn]);
            if (before && after)
                return 1;
        }
    }
    return 0;
}

/* Furniture words in a class list, name by name, skipping names that
   carry a negator.  In a utility-class list ("hidden md:block") the
   hiding words say nothing: the next breakpoint shows it. */
static int furniture_in(const char *v, const char *const *words, int hid)
{
    int utility = strchr(v, ':') != NULL;
    for (const char *p = v; *p;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && !isspace((unsigned char)*e))
            e++;
        size_t tn = (size_t)(e - p);
        if (tn && !has_part(p, tn, negator_parts)) {
            for (size_t i = 0; words[i]; i++)
                if (ci_contains(p, tn, words[i]) &&
                    !(utility && !strcmp(words[i], "hidden")))
                    return 1;
            /* "hid" as a whole name is short for hidden */
            if (hid && !utility && tn == 3 && !strncasecmp(p, "hid", 3))
                return 1;
        }
        p = e;
    }
    return 0;
}

unsigned h_classify(const char *cls, const char *id)
{
    unsigned f = 0;
    const char *v[2] = {cls, id};
    for (int k = 0; k < 2; k++) {
        if (!v[k] || !*v[k])
            continue;
        size_t n = strlen(v[k]);
        if (furniture_in(v[k], unlikely_words, 0))
            f |= HC_UNLIKELY;
        if (any_word(v[k], n, maybe_words))
            f |= HC_MAYBE;
        if (any_word(v[k], n, positive_words))
            f |= k ? HC_POS_ID : HC_POS_CLASS;
        if (furniture_in(v[k], negative_words, 1))
            f |= k ? HC_NEG_ID : HC_NEG_CLASS;
        if (any_word(v[k], n, byline_words))
            f |= HC_BYLINE;
        if (share_word(v[k], n) && !has_part(v[k], n, negator_parts))
            f |= HC_SHARE;
        if (has_part_named(v[k], n, standfirst_parts))
            f |= HC_STANDFIRST;
        if (has_part_named(v[k], n, dek_parts))
            f |= HC_DEK;
        if (has_part_named(v[k], n, pull_parts) ||
            (has_part_named(v[k], n, pull_pair) && has_part_named(v[k], n, quote_part)))
            f |= HC_PULLQUOTE;
        if (has_part_named(v[k], n, date_parts))
            f |= HC_DATE;
        if (has_part_named(v[k], n, nav_parts))
            f |= HC_NAV;
        if (has_part_named(v[k], n, caption_parts))
            f |= HC_CAPTION;
        if (has_part_named(v[k], n, credit_parts))
            f |= HC_CREDIT;
    }
    return f;
}

int h_class_weight(const hdoc *hd, const xmlNode *n)
{
    if (!(hd->flags & HF_WEIGHT_CLASSES))
        return 0;
    unsigned c = H(hd, n)->cls;
    int w = 0;
    if (c & HC_NEG_CLASS)
        w -= 25;
    if (c & HC_POS_CLASS)
        w += 25;
    if (c & HC_NEG_ID)
        w -= 25;
    if (c & HC_POS_ID)
        w += 25;
    return w;
}

/* ---------------- small tree helpers ---------------- */

xmlNode *h_next(xmlNode *n, xmlNode *top, int skip_kids)
{
    if (!skip_kids && n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

const char *h_attr(const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name)) {
            if (a->children && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    return NULL;
}

int h_is_elem(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && H_IDX(n);
}

int h_live(const hdoc *hd, const xmlNode *n)
{
    if (!h_is_elem(n))
        return 0;
    const hnode *h = H(hd, n);
    return !h->rule && !(h->flags & HN_SILENT);
}

size_t h_elem_children(const hdoc *hd, const xmlNode *n, xmlNode **first)
{
    size_t c = 0;
    if (first)
        *first = NULL;
    for (xmlNode *k = n->children; k; k = k->next)
        if (h_live(hd, k)) {
            if (!c && first)
                *first = k;
            c++;
        }
    return c;
}

int h_ancestor_tag(const hdoc *hd, const xmlNode *n, int tag, int depth)
{
    int level = 0;
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE;
         p = p->parent, level++) {
        if (depth >= 0 && level > depth)
            return 0;
        if (p->_private && H(hd, p)->tag == tag)
            return 1;
    }
    return 0;
}

/* style="display: none" and the like: the property, a colon, the value */
static int style_says(const char *st, const char *prop, const char *val)
{
    size_t pl = strlen(prop), vl = strlen(val);
    for (const char *p = st; *p; p++) {
        if (strncasecmp(p, prop, pl))
            continue;
        if (p > st && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue;
        const char *q = p + pl;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != ':')
            continue;
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!strncasecmp(q, val, vl) && !isalnum((unsigned char)q[vl]))
            return 1;
    }
    return 0;
}

int h_hidden(const xmlNode *n)
{
    const char *st = h_attr(n, "style");
    if (st && (style_says(st, "display", "none") ||
               style_says(st, "visibility", "hidden")))
        return 1;
    if (h_attr(n, "hidden"))
        return 1;
    const char *ah = h_attr(n, "aria-hidden");
    return ah && !strcasecmp(ah, "true");
}

/* ---------------- node records ---------------- */

/* White space as scripts count it (\s): ASCII space and controls, no-break
   and the Unicode spaces, BOM.  *w gets the byte length. */
static int js_space(const unsigned char *s, size_t n, size_t i, size_t *w)
{
    unsigned c = s[i];
    *w = 1;
    if (c == ' ' || (c >= 9 && c <= 13))
        return 1;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    if (c == 0xE1 && i + 2 < n && s[i + 1] == 0x9A && s[i + 2] == 0x80) {
        *w = 3;
        return 1;
    }
    if (c == 0xE2 && i + 2 < n) {
        unsigned b = s[i + 1], d = s[i + 2];
        if ((b == 0x80 && (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF)) ||
            (b == 0x81 && d == 0x9F)) {
            *w = 3;
            return 1;
        }
    }
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
        *w = 3;
        return 1;
    }
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
        *w = 3;
        return 1;
    }
    return 0;
}

/* Commas of the world's scripts: Latin, Arabic, the small and vertical
   forms, the CJK full-width comma... */
static int comma_at(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] == ',')
        return 1;
    if (i + 1 < n && s[i] == 0xD8 && s[i + 1] == 0x8C)
        return 2;
    if (i + 2 < n && s[i] == 0xEF && ((s[i + 1] == 0xB9 && s[i + 2] == 0x90) ||
                                      (s[i + 1] == 0xB8 && (s[i + 2] == 0x90 || s[i + 2] == 0x91)) ||
                                      (s[i + 1] == 0xBC && s[i + 2] == 0x8C)))
        return 3;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0xB9 &&
        (s[i + 2] == 0x81 || s[i + 2] == 0xB4 || s[i + 2] == 0xB2))
        return 3;
    return 0;
}

static void text_stats(hnode *h, const char *t)
{
    const unsigned char *s = (const unsigned char *)t;
    size_t n = strlen(t), w;
    uint32_t len = 0;
    int in_space = 0;
    h->any = n > 0;
    h->lead = n > 0 && js_space(s, n, 0, &w);
    for (size_t i = 0; i < n;) {
        if (js_space(s, n, i, &w)) {
            if (!in_space)
                len++;
            in_space = 1;
            i += w;
            continue;
        }
        in_space = 0;
        size_t c = comma_at(s, n, i);
        if (c) {
            h->commas++;
            h->acommas += s[i] == ',';
        }
        /* UTF-16 units: four-byte sequences count two */
        len += s[i] >= 0xF0 ? 2 : 1;
        i++;
        while (i < n && (s[i] & 0xC0) == 0x80)
            i++;
    }
    h->len = len;
    h->trail = in_space;
}

/* An embedded player (worth keeping, as readers keep videos): its
   address or kind says video or player. */
static int video_embed(const xmlNode *n)
{
    static const char *const attrs[] = {"src", "data", "data-src", "type", NULL};
    for (size_t i = 0; attrs[i]; i++) {
        const char *v = h_attr(n, attrs[i]);
        if (v && (ci_contains(v, strlen(v), "video") ||
                  ci_contains(v, strlen(v), "player") ||
                  ci_contains(v, strlen(v), "/embed/")))
            return 1;
    }
    return 0;
}

int h_register(hdoc *hd, xmlNode *n, int tag)
{
    if (hd->n == hd->cap) {
        size_t cap = hd->cap ? hd->cap * 2 : 1024;
        hnode *v = realloc(hd->nodes, cap * sizeof *v);
        if (!v)
            return -1;
        hd->nodes = v;
        hd->cap = cap;
    }
    hnode *h = &hd->nodes[hd->n++];
    memset(h, 0, sizeof *h);
    h->n = n;
    n->_private = (void *)(uintptr_t)hd->n;
    if (n->type == XML_ELEMENT_NODE) {
        h->tag = (uint16_t)(tag >= 0 ? tag : h_tag_of(n));
        if (h_tag_props(h->tag) & TP_SILENT)
            h->flags |= HN_SILENT;
        h->cls = (uint16_t)h_classify(h_attr(n, "class"), h_attr(n, "id"));
        if ((h->tag == T_IFRAME || h->tag == T_EMBED || h->tag == T_OBJECT) &&
            video_embed(n))
            h->flags |= HN_VIDEO;
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            text_stats(h, (const char *)n->content);
    } else {
        h->flags |= HN_SILENT;  /* comments, processing instructions */
    }
    return 0;
}

int h_register_all(hdoc *hd)
{
    xmlNode *top = (xmlNode *)hd->doc;
    for (xmlNode *n = hd->doc->children; n; n = h_next(n, top, 0))
        if (h_register(hd, n, -1))
            return -1;
    return 0;
}

void h_free(hdoc *hd)
{
    for (size_t i = 0; i < hd->n; i++)
        if (hd->nodes[i].n)
            hd->nodes[i].n->_private = NULL;
    free(hd->nodes);
    free(hd->title);
    free(hd->byline);
    free(hd->byline_hint);
    hd->nodes = NULL;
    hd->n = hd->cap = 0;
}

/* ---------------- statistics ---------------- */

static void stats_reset(hnode *h)
{
    h->len = 0;
    h->lead = h->trail = h->any = 0;
    h->commas = h->acommas = 0;
    h->link = 0;
    h->hashlink = 0;
    h->np = h->nimg = h->nli = h->ninput = h->nembed = 0;
    h->nheadtext = h->nlisttext = h->ntextish = h->ntables = 0;
    h->has_datatable = h->has_video = h->has_block = 0;
}

void h_fold(hdoc *hd, xmlNode *c)
{
    xmlNode *pn = c->parent;
    if (!pn || !pn->_private)
        return;
    hnode *p = H(hd, pn), *h = H(hd, c);
    if (h->any) {
        if (!p->any) {
            p->len = h->len;
            p->lead = h->lead;
            p->any = 1;
        } else {
            p->len += h->len - (p->trail && h->lead ? 1 : 0);
        }
        p->trail = h->trail;
    }
    p->commas += h->commas;
    p->acommas += h->acommas;
    if (c->type != XML_ELEMENT_NODE)
        return;
    p->link += h->link;
    p->hashlink += h->hashlink;
    p->np += h->np;
    p->nimg += h->nimg;
    p->nli += h->nli;
    p->ninput += h->ninput;
    p->nembed += h->nembed;
    p->nheadtext += h->nheadtext;
    p->nlisttext += h->nlisttext;
    p->ntextish += h->ntextish;
    p->ntables += h->ntables;
    p->has_datatable |= h->has_datatable;
    p->has_video |= h->has_video;
    size_t tl = h_tlen(h);
    unsigned props = h_tag_props(h->tag);
    p->has_block |= h->has_block || (props & TP_BLOCKISH);
    switch (h->tag) {
    case T_A: {
        /* a link within the page weighs less than one away from it */
        const char *href = h_attr(c, "href");
        int local = href && href[0] == '#' && href[1];
        p->link += (double)tl * (local ? 0.3 : 1.0);
        if (local)
            p->hashlink += (uint32_t)tl;
        break;
    }
    case T_P: p->np++; break;
    case T_IMG: p->nimg++; break;
    case T_LI: p->nli++; break;
    case T_INPUT: p->ninput++; break;
    case T_EMBED: case T_OBJECT: case T_IFRAME:
        p->nembed++;
        if (h->flags & HN_VIDEO)
            p->has_video = 1;
        break;
    case T_UL: case T_OL: p->nlisttext += (uint32_t)tl; break;
    case T_TABLE:
        p->ntables++;
        if (h->flags & HN_DATATABLE)
            p->has_datatable = 1;
        break;
    default: break;
    }
    if (props & TP_HEADING)
        p->nheadtext += (uint32_t)tl;
    if (props & TP_TEXTISH)
        p->ntextish += (uint32_t)tl;
}

void h_postorder(hdoc *hd, xmlNode *top, h_visit_fn enter, h_visit_fn leave,
                 void *ctx)
{
    if (enter)
        enter(hd, top, ctx);
    xmlNode *n = top->children;
    while (n) {
        int down = 0;
        if (n->_private) {
            hnode *h = H(hd, n);
            if (n->type == XML_ELEMENT_NODE) {
                if (!h->rule && !(h->flags & HN_SILENT)) {
                    if (enter)
                        enter(hd, n, ctx);
                    if (n->children)
                        down = 1;
                    else
                        leave(hd, n, ctx);
                }
            } else if (!(h->flags & HN_SILENT)) {
                leave(hd, n, ctx);
            }
        }
        if (down) {
            n = n->children;
            continue;
        }
        while (!n->next) {
            n = n->parent;
            if (!n || n == top)
                goto done;
            leave(hd, n, ctx);
        }
        n = n->next;
    }
done:
    leave(hd, top, ctx);
}

static void stats_enter(hdoc *hd, xmlNode *n, void *ctx)
{
    (void)ctx;
    stats_reset(H(hd, n));
}

static void stats_leave(hdoc *hd, xmlNode *n, void *ctx)
{
    if (n != (xmlNode *)ctx)
        h_fold(hd, n);
}

void h_stats(hdoc *hd, xmlNode *top)
{
    h_postorder(hd, top, stats_enter, stats_leave, top);
}

void h_stats_reset(hdoc *hd, xmlNode *n)
{
    stats_reset(H(hd, n));
}

/* ---------------- text ---------------- */

char *h_text(hdoc *hd, xmlNode *top, size_t max)
{
    nr_tb tb;
    nr_tb_init(&tb);
    size_t seen = 0;
    for (xmlNode *n = top->children; n && seen < max;) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            skip = n->_private && !h_live(hd, n);
            if (!skip && (h_tag_props(H(hd, n)->tag) & (TP_BREAK)))
                nr_tb_space(&tb, 0);
            if (!skip && H(hd, n)->tag == T_BR)
                nr_tb_space(&tb, 0);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            size_t l = strlen((const char *)n->content);
            nr_tb_add(&tb, (const char *)n->content, l, 0);
            seen += l;
        }
        n = h_next(n, top, skip);
    }
    if (tb.err)
        hd->d->nomem = 1;
    char *s = tb.len && !tb.err ? tb.s : NULL;
    if (!s)
        free(tb.s);
    nr_srcmap_build_free(&tb.map);
    return s;
}

/* Lower-case words of s (ASCII letters and digits, and every byte past
   ASCII, so other scripts' words count too), at most `max` of them. */
static size_t words_of(const char *s, size_t n, const char **w, size_t *wl,
                       size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < max;) {
        unsigned char c = (unsigned char)s[i];
        if (!(isalnum(c) || c == '_' || c >= 0x80)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_' ||
                         (unsigned char)s[j] >= 0x80))
            j++;
        w[k] = s + i;
        wl[k++] = j - i;
        i = j;
    }
    return k;
}

double h_similarity(const char *a, const char *b)
{
    enum { MAXW = 64 };
    const char *wa[MAXW], *wb[MAXW];
    size_t la[MAXW], lb[MAXW];
    size_t na = words_of(a, strlen(a), wa, la, MAXW);
    size_t nb = words_of(b, strlen(b), wb, lb, MAXW);
    if (!na || !nb)
        return 0;
    size_t all = 0, uniq = 0, nuniq = 0;
    for (size_t i = 0; i < nb; i++) {
        all += lb[i];
        int found = 0;
        for (size_t j = 0; j < na && !found; j++)
            found = la[j] == lb[i] && !strncasecmp(wa[j], wb[i], lb[i]);
        if (!found) {
            uniq += lb[i];
            nuniq++;
        }
    }
    all += nb - 1;
    if (nuniq)
        uniq += nuniq - 1;
    return 1.0 - (double)uniq / (double)all;
}
