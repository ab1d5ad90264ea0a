/*
 * html_meta.c - title, byline, date and standfirst of an HTML page.
 *
 * The page states them in several places that mostly agree: the
 * structured data (JSON-LD, schema.org Article: headline, author, date
 * published), <meta> tags (Dublin Core, Open Graph, Twitter, Parse.ly,
 * "author"), the <title> (with the site's name around the headline), the
 * byline box and <time> in the article.  In that order of trust: what the
 * publisher declares for machines is the headline as published; the
 * <title> is cut at its separators the way readers see it.  The title
 * given is one part of that headline when the page shows exactly that
 * part as a heading ("Headline | Site" with an <h1>Headline</h1>), so the
 * site's name is not read out.
 *
 * Dates are taken as written: an ISO timestamp's calendar date is the
 * date, never converted to another time zone ("2015-12-25T00:30+01:00" is
 * the 25th), and a <time> shown as "Friday 25 December 2015" is the 25th
 * whatever its datetime attribute says.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article/html_dom.h"
#include "article/html_json.h"
#include "article/internal.h"
#include "article/readers.h"
#include "article/textbuf.h"

/* ---------------- <meta> ---------------- */

/* The keys looked at, in the order each field trusts them. */
enum {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_A_TITLE, K_WEIBO_W_TITLE,
    K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE,
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
    K_ARTICLE_AUTHOR, K_NAME_ARTICLE_AUTHOR, K_BYL, K_SAILTHRU_AUTHOR,
    K_PUBLISHED, K_PARSELY_DATE, K_DATE, K_PUBDATE, K_PUBLISHDATE,
    K_DC_DATE, K_OG_PUBLISHED, K_SAILTHRU_DATE, K_ITEMPROP_DATE,
    NKEYS
};

static const char *const key_names[NKEYS] = {
    "dc:title", "dcterm:title", "og:title", "weibo:article:title",
    "weibo:webpage:title", "title", "twitter:title", "parsely-title",
    "dc:creator", "dcterm:creator", "author", "parsely-author",
    "article:author", "", "byl", "sailthru:author",
    "article:published_time", "parsely-pub-date", "date", "pubdate",
    "publishdate", "dc:date", "og:published_time", "sailthru:date", ""};

typedef struct metavals {
    char *v[NKEYS];
    char *doc_title;    /* <title> */
    char *ld_title, *ld_byline, *ld_date;
} metavals;

static int key_of(const char *k)
{
    for (int i = 0; i < NKEYS; i++)
        if (key_names[i][0] && !strcmp(key_names[i], k))
            return i;
    return -1;
}

/* "DC.Title", " og:title " -> "dc:title": lower case, no spaces, dots as
   colons. */
static void norm_key(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++) {
        if (isspace((unsigned char)*s))
            continue;
        out[k++] = *s == '.' ? ':' : (char)tolower((unsigned char)*s);
    }
    out[k] = '\0';
}

/* The first key of the prefixed families in a property list, wherever it
   stands ("og:title twitter:title" -> og:title, "og:article:author" ->
   article:author); -1 for one not used here, -2 for none at all. */
static int property_key(const char *prop)
{
    static const char *const fams[] = {"article", "dc", "dcterm", "og", "twitter", NULL};
    static const char *const names[] = {"author", "creator", "description",
                                        "published_time", "title", "site_name", NULL};
    for (const char *p = prop; *p; p++) {
        for (size_t f = 0; fams[f]; f++) {
            size_t fl = strlen(fams[f]);
            if (strncasecmp(p, fams[f], fl))
                continue;
            const char *q = p + fl;
            while (*q == ' ')
                q++;
            if (*q != ':')
                continue;
            q++;
            while (*q == ' ')
                q++;
            for (size_t k = 0; names[k]; k++) {
                size_t nl = strlen(names[k]);
                if (strncasecmp(q, names[k], nl))
                    continue;
                char key[40];
                snprintf(key, sizeof key, "%s:%s", fams[f], names[k]);
                return key_of(key);
            }
        }
    }
    return -2;
}

static void set_val(nr_doc *d, char **slot, const char *v)
{
    free(*slot);
    *slot = strdup(v);
    if (!*slot)
        d->nomem = 1;
}

/* Decodes references left in a value ("Tom &amp; Jerry" written twice
   escaped) and trims it; in place. */
static void unescape(char *s)
{
    size_t n = strlen(s), w = 0;
    for (size_t i = 0; i < n;) {
        char out[8];
        size_t ol, used = s[i] == '&' ? nr_entity_at(s, n, i, out, &ol) : 0;
        if (used && ol <= used) {
            memcpy(s + w, out, ol);
            w += ol;
            i += used;
        } else {
            s[w++] = s[i++];
        }
    }
    s[w] = '\0';
    size_t a = 0;
    while (s[a] && isspace((unsigned char)s[a]))
        a++;
    while (w > a && isspace((unsigned char)s[w - 1]))
        w--;
    memmove(s, s + a, w - a);
    s[w - a] = '\0';
}

static void read_meta_tag(hdoc *hd, xmlNode *n, metavals *m)
{
    const char *content = h_attr(n, "content");
    if (!content || !*content)
        return;
    const char *prop = h_attr(n, "property"), *name = h_attr(n, "name");
    int k = prop ? property_key(prop) : -2;
    if (k == -2 && name) {
        char low[64];
        norm_key(name, low, sizeof low);
        k = key_of(low);
        /* "sailthru.author" became "sailthru:author"; article:author as a
           name (not the Open Graph property) is a weaker hint */
        if (k == K_ARTICLE_AUTHOR)
            k = K_NAME_ARTICLE_AUTHOR;
    }
    if (k < 0)
        return;
    /* the prefixed families: a later tag overrides; the rest: first */
    if (k <= K_PARSELY_AUTHOR || k == K_PUBLISHED || k == K_PARSELY_DATE || !m->v[k])
        set_val(hd->d, &m->v[k], content);
}

/* ---------------- JSON-LD ---------------- */

/* schema.org types that are articles (and their kin: posts, reports). */
static int article_type(const char *t)
{
    static const char *const kinds[] = {
        "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
        "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
        "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
        "DiscussionForumPosting", "TechArticle", "APIReference", NULL};
    if (!t)
        return 0;
    if (!strncmp(t, "Article", 7))
        return 1;
    for (size_t i = 0; kinds[i]; i++)
        if (strstr(t, kinds[i]))
            return 1;
    return 0;
}

static int schema_context(const char *c)
{
    if (!c)
        return 0;
    if (!strncmp(c, "https://", 8))
        c += 8;
    else if (!strncmp(c, "http://", 7))
        c += 7;
    else
        return 0;
    return !strcmp(c, "schema.org") || !strcmp(c, "schema.org/");
}

/* Reads one JSON-LD block; returns 1 when it described the article. */
static int read_jsonld(hdoc *hd, const char *text, metavals *m)
{
    size_t n = strlen(text);
    const char *s = text;
    while (n && isspace((unsigned char)*s))
        s++, n--;
    if (n >= 9 && !strncmp(s, "<![CDATA[", 9))
        s += 9, n -= 9;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 3 && !strncmp(s + n - 3, "]]>", 3))
        n -= 3;
    hj *root = hj_parse(s, n);
    if (!root)
        return 0;
    const hj *a = root;
    /* a list of things: the article among them */
    if (a->kind == HJ_ARR) {
        const hj *found = NULL;
        for (size_t i = 0; i < a->nkids && !found; i++)
            if (article_type(hj_str(hj_get(a->kids[i], "@type"))))
                found = a->kids[i];
        a = found;
    }
    const hj *ctx = a ? hj_get(a, "@context") : NULL;
    int ok = schema_context(hj_str(ctx)) ||
             (ctx && ctx->kind == HJ_OBJ && schema_context(hj_str(hj_get(ctx, "@vocab"))));
    if (ok && !hj_get(a, "@type")) {
        const hj *g = hj_get(a, "@graph");
        a = NULL;
        for (size_t i = 0; g && g->kind == HJ_ARR && i < g->nkids && !a; i++)
            if (article_type(hj_str(hj_get(g->kids[i], "@type"))))
                a = g->kids[i];
    }
    if (!ok || !a || !article_type(hj_str(hj_get(a, "@type")))) {
        hj_free(root);
        return 0;
    }
    const char *name = hj_str(hj_get(a, "name"));
    const char *headline = hj_str(hj_get(a, "headline"));
    const char *title = name ? name : headline;
    if (name && headline && strcmp(name, headline)) {
        /* some sites put their own name in "name": the one that agrees
           with the page title is the headline */
        char *dt = hd->d->nomem ? NULL : h_title_cut(hd, m->doc_title ? m->doc_title : "");
        if (dt && h_similarity(headline, dt) > 0.75 && !(h_similarity(name, dt) > 0.75))
            title = headline;
        free(dt);
    }
    if (title)
        set_val(hd->d, &m->ld_title, title);
    const hj *au = hj_get(a, "author");
    if (au && au->kind == HJ_OBJ && hj_str(hj_get(au, "name"))) {
        set_val(hd->d, &m->ld_byline, hj_str(hj_get(au, "name")));
    } else if (au && au->kind == HJ_ARR && au->nkids &&
               hj_str(hj_get(au->kids[0], "name"))) {
        size_t len = 1;
        for (size_t i = 0; i < au->nkids; i++)
            if (hj_str(hj_get(au->kids[i], "name")))
                len += strlen(hj_str(hj_get(au->kids[i], "name"))) + 2;
        char *all = malloc(len);
        if (all) {
            all[0] = '\0';
            for (size_t i = 0; i < au->nkids; i++) {
                const char *nm = hj_str(hj_get(au->kids[i], "name"));
                if (!nm)
                    continue;
                if (all[0])
                    strcat(all, ", ");
                strcat(all, nm);
            }
            free(m->ld_byline);
            m->ld_byline = all;
        } else {
            hd->d->nomem = 1;
        }
    }
    if (hj_str(hj_get(a, "datePublished")))
        set_val(hd->d, &m->ld_date, hj_str(hj_get(a, "datePublished")));
    hj_free(root);
    return 1;
}

/* ---------------- dates ---------------- */

/* A date from a value: ISO when it says so unambiguously; as written
   when as_written, else the ISO form of a timestamp. */
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

/* ---------------- reading it all ---------------- */

/* Where the name in a byline box ends: before a date, a relative time
   ("1 day ago"), or a bar or bullet that starts the box's next part. */
static size_t name_end(const char *s, size_t n)
{
    static const char *const units[] = {
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
        "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "year", "years", NULL};
    static const char *const seps[] = {
        " | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ", NULL};
    size_t end = n, b, e;
    char iso[11];
    if (nr_date_find(s, n, &b, &e, iso))
        end = b;
    for (size_t i = 0; i < end; i++) {
        for (size_t k = 0; seps[k]; k++)
            if (!strncmp(s + i, seps[k], strlen(seps[k])) && i < end)
                end = i;
        /* "3 hours ago" */
        if (isdigit((unsigned char)s[i]) && (i == 0 || s[i - 1] == ' ')) {
            size_t j = i;
            while (j < n && isdigit((unsigned char)s[j]))
                j++;
            while (j < n && s[j] == ' ')
                j++;
            size_t u = j;
            while (u < n && isalpha((unsigned char)s[u]))
                u++;
            for (size_t k = 0; units[k]; k++)
                if (u - j == strlen(units[k]) && !strncasecmp(s + j, units[k], u - j) &&
                    n - u >= 4 && !strncasecmp(s + u, " ago", 4) && i < end)
                    end = i;
        }
    }
    for (;;) {
        while (end > 0 && strchr(" ,-|:;", s[end - 1]))
            end--;
        /* a dash or bullet written out: en, em dash, bullet, middle dot */
        if (end >= 3 && (unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80 &&
            ((unsigned char)s[end - 1] == 0x93 || (unsigned char)s[end - 1] == 0x94 ||
             (unsigned char)s[end - 1] == 0xA2))
            end -= 3;
        else if (end >= 2 && (unsigned char)s[end - 2] == 0xC2 && (unsigned char)s[end - 1] == 0xB7)
            end -= 2;
        else
            break;
    }
    /* what is left of "Last updated: 7 January 2025" is a label */
    static const char *const labels[] = {
        "last", "updated", "update", "published", "posted", "modified", "on",
        "date", "created", NULL};
    int only_labels = 1, words = 0;
    for (size_t i = 0; i < end && only_labels;) {
        while (i < end && !isalpha((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < end && isalpha((unsigned char)s[j]))
            j++;
        if (j > i) {
            int hit = 0;
            words++;
            for (size_t k = 0; labels[k] && !hit; k++)
                hit = strlen(labels[k]) == j - i && !strncasecmp(s + i, labels[k], j - i);
            only_labels = hit;
        }
        i = j;
    }
    /* letters of other scripts are a name too */
    for (size_t i = 0; i < end; i++)
        if ((unsigned char)s[i] >= 0x80)
            only_labels = 0;
    return words && only_labels ? 0 : end;
}

/* A byline as given ("By Jo Bell, Sports Desk" -> "Jo Bell, Sports Desk";
   "Jo Bell 2 hours ago" -> "Jo Bell"). */
static void set_byline(nr_doc *d, const char *by)
{
    char *name = NULL, *dt = NULL, *iso = NULL;
    size_t bl = strlen(by);
    if (nr_parse_byline(by, bl, &name, &dt, &iso) && name && *name) {
        nr_doc_set(d, &d->byline, name, strlen(name));
    } else {
        size_t e = name_end(by, bl), a = 0;
        if (e > 3 && !strncasecmp(by, "by ", 3))
            a = 3;
        /* "By" alone (the name in a box of its own) names nobody */
        int bare_by = e - a <= 3 && e - a >= 2 && !strncasecmp(by + a, "by", 2);
        if (e > a && e - a <= 100 && !bare_by)
            nr_doc_set(d, &d->byline, by + a, e - a);
    }
    free(name);
    free(dt);
    free(iso);
}

static const char *first_of(const metavals *m, const int *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (m->v[keys[i]] && *m->v[keys[i]])
            return m->v[keys[i]];
    return NULL;
}

void h_meta(hdoc *hd)
{
    nr_doc *d = hd->d;
    metavals m;
    memset(&m, 0, sizeof m);
    for (xmlNode *n = hd->root; n && !d->nomem; n = h_next(n, hd->root, 0)) {
        if (!h_is_elem(n))
            continue;
        int tag = H(hd, n)->tag;
        if (tag == T_TITLE && !m.doc_title) {
            m.doc_title = h_text(hd, n, 4000);
        } else if (tag == T_META) {
            read_meta_tag(hd, n, &m);
        }
        const char *ip = h_attr(n, "itemprop");
        if (ip && !strcasecmp(ip, "datePublished") && !m.v[K_ITEMPROP_DATE]) {
            const char *v = h_attr(n, "content");
            if (!v)
                v = h_attr(n, "datetime");
            if (v && *v)
                set_val(d, &m.v[K_ITEMPROP_DATE], v);
        }
    }
    if (m.doc_title)
        h_squeeze(m.doc_title);
    /* structured data: the first block that describes the article */
    for (xmlNode *n = hd->root; n && !d->nomem; n = h_next(n, hd->root, 0)) {
        if (!h_is_elem(n) || H(hd, n)->tag != T_SCRIPT)
            continue;
        const char *type = h_attr(n, "type");
        if (!type || strcmp(type, "application/ld+json"))
            continue;
        nr_tb tb;
        nr_tb_init(&tb);
        for (xmlNode *c = n->children; c; c = c->next)
            if (c->content)
                nr_tb_add(&tb, (const char *)c->content,
                          strlen((const char *)c->content), 0);
        int found = 0;
        if (tb.len && !tb.err)
            found = read_jsonld(hd, tb.s, &m);
        if (tb.err)
            d->nomem = 1;
        nr_tb_free(&tb);
        if (found)
            break;
    }
    for (int k = 0; k < NKEYS; k++)
        if (m.v[k])
            unescape(m.v[k]);
    /* the title */
    static const int title_keys[] = {
        K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_A_TITLE,
        K_WEIBO_W_TITLE, K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE};
    char *title = NULL;
    if (m.ld_title && *m.ld_title)
        title = strdup(m.ld_title);
    else if (first_of(&m, title_keys, sizeof title_keys / sizeof *title_keys))
        title = strdup(first_of(&m, title_keys, sizeof title_keys / sizeof *title_keys));
    else if (m.doc_title)
        title = h_title_cut(hd, m.doc_title);
    if (title) {
        unescape(title);
        h_squeeze(title);
        hd->title = title;
        char *part = h_headline_part(hd, title);
        if (part)
            nr_doc_set(d, &d->title, part, strlen(part));
        else
            d->nomem = 1;
        free(part);
    }
    /* the byline: the names the page declares; the weaker hints wait
       until the byline box has had its say */
    static const int byline_keys[] = {
        K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
        K_ARTICLE_AUTHOR};
    static const int hint_keys[] = {K_NAME_ARTICLE_AUTHOR, K_BYL, K_SAILTHRU_AUTHOR};
    const char *by = m.ld_byline && *m.ld_byline ? m.ld_byline : NULL;
    for (size_t i = 0; !by && i < sizeof byline_keys / sizeof *byline_keys; i++) {
        const char *v = m.v[byline_keys[i]];
        /* article:author is often the author's page, not a name */
        if (v && *v && !strstr(v, "://"))
            by = v;
    }
    if (by) {
        set_byline(d, by);
        hd->meta_byline = 1;
    }
    for (size_t i = 0; !by && i < sizeof hint_keys / sizeof *hint_keys; i++) {
        const char *v = m.v[hint_keys[i]];
        if (v && *v && !strstr(v, "://")) {
            by = v;
            set_val(d, &hd->byline_hint, v);
        }
    }
    /* the date */
    static const int date_keys[] = {
        K_PUBLISHED, K_PARSELY_DATE, K_ITEMPROP_DATE, K_OG_PUBLISHED, K_DC_DATE,
        K_DATE, K_PUBDATE, K_PUBLISHDATE, K_SAILTHRU_DATE};
    if (m.ld_date)
        date_from(d, m.ld_date, 0);
    for (size_t i = 0; i < sizeof date_keys / sizeof *date_keys && !d->date_iso; i++)
        date_from(d, m.v[date_keys[i]], 0);
    for (int k = 0; k < NKEYS; k++)
        free(m.v[k]);
    free(m.doc_title);
    free(m.ld_title);
    free(m.ld_byline);
    free(m.ld_date);
}

/* ---------------- after the article is found ---------------- */

/* Is n read as part of the article (inside one of its parts, and in no
   subtree the finder or the cleaner cut)? */
static int read_in_article(const hdoc *hd, const xmlNode *n, xmlNode **tops,
                           size_t ntops)
{
    for (; n && h_is_elem(n); n = n->parent) {
        const hnode *h = H(hd, n);
        if (h->rule && !(h->flags & (HN_TITLE | HN_BYLINE)))
            return 0;
        for (size_t i = 0; i < ntops; i++)
            if (n == tops[i])
                return 1;
    }
    return 0;
}

static int near(const xmlNode *n, const xmlNode *region)
{
    for (; n && region; n = n->parent)
        if (n == region)
            return 1;
    return 0;
}

/* A <time>: the date as shown when the text holds a whole date, else the
   calendar date of its datetime attribute as written.  Once the metadata
   gave a date, a <time> only says how it is written, when it agrees. */
static void date_from_time(hdoc *hd, xmlNode *tm)
{
    nr_doc *d = hd->d;
    char *t = h_text(hd, tm, 400);
    size_t b, e;
    char iso[11];
    if (t && nr_date_find(t, strlen(t), &b, &e, iso) && iso[0]) {
        if (!d->date_iso || !strcmp(d->date_iso, iso)) {
            nr_doc_set(d, &d->date, t + b, e - b);
            nr_doc_set(d, &d->date_iso, iso, 10);
        }
    } else if (!d->date_iso) {
        const char *dt = h_attr(tm, "datetime");
        date_from(d, dt, 0);
        if (t && !d->date)
            date_from(d, t, 1);
    }
    free(t);
}

static xmlNode *first_time(hdoc *hd, xmlNode *top)
{
    for (xmlNode *n = top; n; n = h_next(n, top, 0))
        if (h_is_elem(n) && H(hd, n)->tag == T_TIME)
            return n;
    return NULL;
}

void h_meta_shown(hdoc *hd, xmlNode **tops, size_t ntops)
{
    nr_doc *d = hd->d;
    /* the byline box the article finder took out */
    if (!d->byline && hd->byline) {
        char *name = NULL, *dt = NULL, *iso = NULL;
        size_t bl = strlen(hd->byline);
        set_byline(d, hd->byline);
        if (nr_parse_byline(hd->byline, bl, &name, &dt, &iso) && !d->date && dt) {
            d->date = dt;
            dt = NULL;
            if (!d->date_iso) {
                d->date_iso = iso;
                iso = NULL;
            }
        }
        free(name);
        free(dt);
        free(iso);
    }
    if (!d->byline && hd->byline_hint)
        set_byline(d, hd->byline_hint);
    /* the first <time> in the article, else in the page (the header
       above the article holds it as often) */
    xmlNode *tm = NULL;
    for (size_t i = 0; i < ntops && !tm; i++)
        tm = first_time(hd, tops[i]);
    if (!tm)
        tm = first_time(hd, hd->root);
    if (tm)
        date_from_time(hd, tm);
    /* byline, date and standfirst boxes the article left outside itself;
       a standfirst only above the article (below, "summary" and
       "excerpt" boxes are other stories' teasers) */
    int standfirst_seen = 0, tries = 0;
    /* ... and close to it: under the article's parent's grandparent (an
       advert's "subhead" elsewhere on the page is not the story's) */
    xmlNode *region = ntops ? tops[0]->parent : NULL;
    for (int k = 0; k < 2 && region && h_is_elem(region->parent) && region != hd->body; k++)
        region = region->parent;
    /* ... and below the headline, when the page repeats it as a heading */
    xmlNode *headline = NULL;
    for (xmlNode *n = hd->root; n && !headline && hd->title; n = h_next(n, hd->root, 0)) {
        if (!h_is_elem(n) || (H(hd, n)->tag != T_H1 && H(hd, n)->tag != T_H2) ||
            H(hd, n)->tlen0 > 2000)
            continue;
        char *t = h_text(hd, n, 2000);
        if (t && h_similarity(hd->title, t) > 0.75)
            headline = n;
        free(t);
    }
    int below = headline == NULL;
    for (xmlNode *n = hd->root; n && (!d->byline || !d->date || !standfirst_seen);) {
        int skip = 0;
        if (ntops && n == tops[0])
            standfirst_seen = 1;
        if (n == headline)
            below = 1;
        if (h_is_elem(n)) {
            hnode *h = H(hd, n);
            const char *rel = h_attr(n, "rel");
            if (h->flags & HN_SILENT) {
                skip = 1;
            } else if (!d->byline && h->tlen0 <= 100 &&
                       ((h->cls & HC_BYLINE) || (rel && !strcasecmp(rel, "author")))) {
                char *t = h_text(hd, n, 400);
                if (t && strlen(t) <= 100) {
                    set_byline(d, t);
                    skip = 1;
                }
                free(t);
            } else if (!d->date && (h->cls & HC_DATE)) {
                char *t = h_text(hd, n, 400);
                if (t)
                    date_from(d, t, 1);
                free(t);
                skip = 1;   /* never re-read a subtree: stays linear */
            } else if (!standfirst_seen && below && (h->cls & HC_DEK) && h->tlen0 <= 400 &&
                       near(n, region) && tries++ < 8) {
                /* one the article reads is a candidate for the header */
                if (read_in_article(hd, n, tops, ntops)) {
                    standfirst_seen = 1;
                } else if (!d->subtitle) {
                    char *t = h_text(hd, n, 2000);
                    size_t tl = t ? strlen(t) : 0;
                    if (tl >= 20 && tl <= 400) {
                        nr_doc_set(d, &d->subtitle, t, tl);
                        standfirst_seen = 1;
                    }
                    free(t);
                }
                skip = 1;
            }
        }
        n = h_next(n, hd->root, skip);
    }
}
