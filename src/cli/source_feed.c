/*
 * source_feed.c - the items of a publisher's feed: RSS 2.0 (and RSS 1.0),
 * Atom.  libxml2 reads the document without touching the network
 * (XML_PARSE_NONET) or expanding entities into the tree.
 *
 * Elements are matched by local name, so a feed that puts RSS elements in
 * a namespace (RSS 1.0's RDF) reads as well.  Per item: the page (RSS link,
 * Atom link rel="alternate" or without rel), the identity (guid or id,
 * else the link), title, date (pubDate, dc:date, published, updated) and
 * description (description, summary) as plain text.  An item without a
 * usable page is kept with the reason, so the run reports it.
 */
#include "source.h"
#include "cli.h"
#include "feed.h"
#include "fetch.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* White space collapsed to single spaces, ends trimmed, in place. */
static char *squeeze(char *s)
{
    if (!s)
        return NULL;
    char *w = s;
    int space = 1;
    for (const char *r = s; *r; r++) {
        unsigned char c = (unsigned char)*r;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = (char)c;
            space = 0;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
    if (!*s) {
        free(s);
        return NULL;
    }
    return s;
}

/* The element's text, malloc'd (libxml2's allocation copied to ours). */
static char *text_of(const xmlNode *n)
{
    if (!n)
        return NULL;
    xmlChar *t = xmlNodeGetContent(n);
    char *s = t ? cli_strdup((const char *)t) : NULL;
    xmlFree(t);
    return s;
}

char *nb_html_to_text(const char *html)
{
    if (!html)
        return NULL;
    if (!strchr(html, '<') && !strchr(html, '&'))
        return squeeze(cli_strdup(html));
    htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                  HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    char *s = NULL;
    if (d) {
        xmlNode *root = xmlDocGetRootElement(d);
        s = root ? text_of(root) : NULL;
        xmlFreeDoc(d);
    }
    return squeeze(s);
}

/* A description may be HTML (escaped in RSS, type="html" in Atom). */
static char *plain(const xmlNode *n)
{
    char *raw = text_of(n);
    char *s = nb_html_to_text(raw);
    free(raw);
    return s;
}

/* link resolved against base; malloc'd, NULL when it cannot be. */
static char *resolve(const char *link, const char *base)
{
    if (!link)
        return NULL;
    if (nb_is_url(link) || !base)
        return cli_strdup(link);
    xmlChar *u = xmlBuildURI((const xmlChar *)link, (const xmlChar *)base);
    char *s = u ? cli_strdup((const char *)u) : NULL;
    xmlFree(u);
    return s;
}

/* Atom: the first link with rel="alternate" or no rel. */
static char *atom_link(const xmlNode *entry)
{
    for (xmlNode *c = entry->children; c; c = c->next) {
        if (!named(c, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        int alt = !rel || strcmp((const char *)rel, "alternate") == 0;
        xmlFree(rel);
        if (!alt)
            continue;
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        char *s = href ? squeeze(cli_strdup((const char *)href)) : NULL;
        xmlFree(href);
        if (s)
            return s;
    }
    return NULL;
}

static void item_date(const xmlNode *n, const char *const *names, nb_item *it)
{
    for (size_t i = 0; names[i] && !it->dated; i++) {
        char *d = text_of(child(n, names[i]));
        if (d && nb_parse_feed_date(d, &it->date) == 0)
            it->dated = 1;
        free(d);
    }
}

/* One <item> or <entry> into s.  -1 out of memory. */
static int add_entry(nb_source *s, const xmlNode *n, int atom, size_t index,
                     const char *base)
{
    static const char *const rss_dates[] = {"pubDate", "date", NULL};
    static const char *const atom_dates[] = {"published", "updated", NULL};
    nb_item it = {0};
    char *link_raw = atom ? atom_link(n) : squeeze(text_of(child(n, "link")));
    char *link = resolve(link_raw, base);
    char *guid = squeeze(text_of(child(n, atom ? "id" : "guid")));
    it.title = plain(child(n, "title"));
    it.description = plain(child(n, atom ? "summary" : "description"));
    if (!it.description && atom)
        it.description = plain(child(n, "content"));
    item_date(n, atom ? atom_dates : rss_dates, &it);
    char id[32], why[1200], shown[2048];
    if (guid)
        it.id = guid;
    else if (link) {  /* the identity never holds credentials */
        nb_url_redact(link, shown, sizeof shown);
        it.id = shown;
    }
    if (!it.id) {
        snprintf(id, sizeof id, "item %zu", index);
        it.id = id;
    }
    if (!link_raw) {
        snprintf(why, sizeof why, "the item has no link to its page");
        it.error = why;
    } else if (!link || !nb_is_url(link)) {
        char bad[1024];
        nb_url_redact(link ? link : link_raw, bad, sizeof bad);
        snprintf(why, sizeof why, "the item's link '%s' is not an http:// or https:// URL", bad);
        it.error = why;
    } else {
        it.url = link;
    }
    int rc = nb_source_add(s, &it);
    free(link_raw);
    free(link);
    free(guid);
    free(it.title);
    free(it.description);
    return rc;
}

int nb_feed_items(nb_source *s, const char *data, size_t len, const char *base_url,
                  char *err, size_t errlen)
{
    if (len > (size_t)1 << 30) {
        snprintf(err, errlen, "the feed is too large");
        return -1;
    }
    xmlDocPtr d = xmlReadMemory(data, (int)len, base_url, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!d) {
        snprintf(err, errlen, "not well-formed XML: not a feed");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(d);
    const xmlNode *parent = NULL;
    int atom = 0;
    if (named(root, "rss"))
        parent = child(root, "channel");
    else if (named(root, "RDF"))
        parent = root;  /* RSS 1.0: items beside the channel */
    else if (named(root, "feed"))
        parent = root, atom = 1;
    int rc = 0;
    if (!parent) {
        snprintf(err, errlen, "neither RSS nor Atom (root element <%s>)",
                 root ? (const char *)root->name : "none");
        rc = -1;
    }
    size_t index = 0;
    for (const xmlNode *c = parent ? parent->children : NULL; c && !rc; c = c->next)
        if (named(c, atom ? "entry" : "item"))
            if (add_entry(s, c, atom, ++index, base_url) != 0) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
    xmlFreeDoc(d);
    return rc;
}
