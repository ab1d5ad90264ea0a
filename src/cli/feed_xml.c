/*
 * feed_xml.c - the RSS 2.0 feed (itunes and podcast namespaces), written
 * through libxml2's xmlTextWriter into memory and then atomically to
 * OUT_DIR/feed.xml.  The writer does all escaping; no XML is pasted.  It
 * does not refuse what XML 1.0 cannot hold, though: an ESC or a bell in a
 * title would make the feed ill-formed and break the whole podcast, so
 * every text and attribute goes through nb_safe_text first.
 */
#include "feed.h"
#include "files.h"
#include "config.h"
#include "episode.h"
#include "safetext.h"

#include <errno.h>
#include <inttypes.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"
#define NS_ATOM "http://www.w3.org/2005/Atom"

typedef const xmlChar *X;

/* Newest first; ties (articles dated the same day) by source name, so the
   order never depends on the order sidecars were read. */
static int cmp_episode(const void *a, const void *b)
{
    const nb_episode *x = a, *y = b;
    if (x->pub_date != y->pub_date)
        return x->pub_date > y->pub_date ? -1 : 1;
    return strcmp(x->source, y->source);
}

/* Each helper returns < 0 on a writer error, like xmlTextWriter itself
   (and when out of memory). */
static int elem(xmlTextWriterPtr w, const char *name, const char *text)
{
    if (!text)
        return 0;
    char *t = nb_safe_text(text);
    int r = t ? xmlTextWriterWriteElement(w, (X)name, (X)t) : -1;
    free(t);
    return r;
}

static int start(xmlTextWriterPtr w, const char *name)
{
    return xmlTextWriterStartElement(w, (X)name);
}

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *v = nb_safe_text(value ? value : "");
    int r = v ? xmlTextWriterWriteAttribute(w, (X)name, (X)v) : -1;
    free(v);
    return r;
}

static int end(xmlTextWriterPtr w)
{
    return xmlTextWriterEndElement(w);
}

void nb_channel_guid(const nb_config *c, char out[37])
{
    if (c->feed_url)
        nb_feed_guid(c->feed_url, out);
    else  /* no public URL known: from the show title, stable as long as the
             title is (docs/batch.md asks for base_url) */
        nb_uuid5(nb_podcast_ns, c->title, strlen(c->title), out);
}

static int write_channel_head(xmlTextWriterPtr w, const nb_config *c,
                              int64_t build_time)
{
    char date[NB_DATE_LEN], guid[37];
    int r = 0;
    r |= elem(w, "title", c->title);
    r |= elem(w, "link", c->link ? c->link : c->base_url);
    r |= elem(w, "description", c->description);
    r |= elem(w, "language", c->language);
    r |= elem(w, "copyright", c->copyright);
    r |= elem(w, "generator", "narrate");
    nb_rfc2822(build_time, date);
    r |= elem(w, "lastBuildDate", date);
    if (c->feed_url) {
        r |= start(w, "atom:link");
        r |= attr(w, "href", c->feed_url);
        r |= attr(w, "rel", "self");
        r |= attr(w, "type", "application/rss+xml");
        r |= end(w);
    }
    nb_channel_guid(c, guid);
    r |= elem(w, "itunes:author", c->author);
    if (c->image) {
        r |= start(w, "itunes:image");
        r |= attr(w, "href", c->image);
        r |= end(w);
    }
    r |= start(w, "itunes:category");
    r |= attr(w, "text", c->category);
    if (c->subcategory) {
        r |= start(w, "itunes:category");
        r |= attr(w, "text", c->subcategory);
        r |= end(w);
    }
    r |= end(w);
    r |= elem(w, "itunes:explicit", c->explicit_ > 0 ? "true" : "false");
    if (c->owner_name || c->owner_email) {
        r |= start(w, "itunes:owner");
        r |= elem(w, "itunes:name", c->owner_name);
        r |= elem(w, "itunes:email", c->owner_email);
        r |= end(w);
    }
    r |= elem(w, "itunes:type", "episodic");
    r |= elem(w, "podcast:guid", guid);
    return r;
}

static int write_item(xmlTextWriterPtr w, const nb_config *c, const nb_episode *ep)
{
    char date[NB_DATE_LEN], num[32];
    int r = 0;
    char *audio = nb_url_join(c->base_url, ep->audio);
    char *chap = ep->chapters ? nb_url_join(c->base_url, ep->chapters) : NULL;
    char *tr = ep->transcript ? nb_url_join(c->base_url, ep->transcript) : NULL;
    if (!audio || (ep->chapters && !chap) || (ep->transcript && !tr)) {
        free(audio);
        free(chap);
        free(tr);
        return -1;
    }
    r |= start(w, "item");
    r |= elem(w, "title", ep->title);
    r |= elem(w, "description", ep->description ? ep->description : ep->title);
    r |= start(w, "enclosure");
    r |= attr(w, "url", audio);
    snprintf(num, sizeof num, "%" PRIu64, ep->bytes);
    r |= attr(w, "length", num);
    r |= attr(w, "type", "audio/mpeg");
    r |= end(w);
    r |= start(w, "guid");
    r |= attr(w, "isPermaLink", "false");
    char *g = nb_safe_text(ep->guid);
    r |= g ? xmlTextWriterWriteString(w, (X)g) : -1;
    free(g);
    r |= end(w);
    nb_rfc2822(ep->pub_date, date);
    r |= elem(w, "pubDate", date);
    r |= elem(w, "itunes:author", ep->author);
    /* whole seconds, rounded: what apps display */
    snprintf(num, sizeof num, "%" PRIu64, (ep->duration_ms + 500) / 1000);
    r |= elem(w, "itunes:duration", num);
    r |= elem(w, "itunes:episodeType", "full");
    if (chap) {
        r |= start(w, "podcast:chapters");
        r |= attr(w, "url", chap);
        r |= attr(w, "type", "application/json+chapters");
        r |= end(w);
    }
    if (tr) {
        /* Podcasting 2.0 transcript, which Apple Podcasts reads too: WebVTT
           cues carry timing, so the file can serve as captions */
        r |= start(w, "podcast:transcript");
        r |= attr(w, "url", tr);
        r |= attr(w, "type", "text/vtt");
        if (c->language)
            r |= attr(w, "language", c->language);
        r |= attr(w, "rel", "captions");
        r |= end(w);
    }
    r |= end(w);
    free(audio);
    free(chap);
    free(tr);
    return r;
}

int nb_feed_write(const char *out_dir, const nb_config *cfg, nb_episode *eps,
                  size_t n, int64_t build_time, const char **what)
{
    if (n > 1)
        qsort(eps, n, sizeof *eps, cmp_episode);
    *what = "building the feed XML";
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    if (!w) {
        if (buf)
            xmlBufferFree(buf);
        return ENOMEM;
    }
    int r = 0;
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, (X) "  ");
    r |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    r |= start(w, "rss");
    r |= attr(w, "version", "2.0");
    r |= attr(w, "xmlns:itunes", NS_ITUNES);
    r |= attr(w, "xmlns:podcast", NS_PODCAST);
    r |= attr(w, "xmlns:atom", NS_ATOM);
    r |= start(w, "channel");
    if (write_channel_head(w, cfg, build_time) < 0)
        r = -1;
    for (size_t i = 0; i < n && r >= 0; i++)
        if (write_item(w, cfg, &eps[i]) < 0)
            r = -1;
    if (r >= 0)
        r |= xmlTextWriterEndDocument(w);  /* closes channel and rss */
    xmlFreeTextWriter(w);  /* flushes into buf */
    int e = 0;
    if (r < 0)
        e = EINVAL;  /* the writer refuses e.g. invalid UTF-8 */
    else {
        char *path = cli_path(out_dir, "feed.xml");
        *what = "writing feed.xml";
        e = path ? cli_write_atomic(path, xmlBufferContent(buf),
                                   (size_t)xmlBufferLength(buf))
                 : ENOMEM;
        free(path);
    }
    xmlBufferFree(buf);
    return e;
}
