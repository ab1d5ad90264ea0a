/*
 * source.c - the SOURCE of `narrate batch`: a folder, a feed, a URL list
 * (see source.h).  Feeds are parsed in source_feed.c; pages are fetched
 * later, one per article, by the batch's lanes.
 */
#include "source.h"
#include "cli.h"
#include "fetch.h"
#include "files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void item_free(nb_item *it)
{
    free(it->id);
    free(it->path);
    free(it->url);
    free(it->title);
    free(it->description);
    free(it->error);
}

void nb_source_free(nb_source *s)
{
    for (size_t i = 0; i < s->n; i++)
        item_free(&s->items[i]);
    free(s->items);
    free(s->ids);  /* the strings belong to the items */
    memset(s, 0, sizeof *s);
}

int nb_source_add(nb_source *s, const nb_item *it)
{
    if ((s->n & (s->n - 1)) == 0) {  /* 0, 1, 2, 4 ...: grow by doubling */
        nb_item *v = realloc(s->items, (s->n ? 2 * s->n : 1) * sizeof *v);
        if (!v)
            return -1;
        s->items = v;
    }
    nb_item *d = &s->items[s->n];
    memset(d, 0, sizeof *d);
    d->date = it->date;
    d->dated = it->dated;
    if ((it->id && !(d->id = cli_strdup(it->id))) ||
        (it->path && !(d->path = cli_strdup(it->path))) ||
        (it->url && !(d->url = cli_strdup(it->url))) ||
        (it->title && !(d->title = cli_strdup(it->title))) ||
        (it->description && !(d->description = cli_strdup(it->description))) ||
        (it->error && !(d->error = cli_strdup(it->error)))) {
        item_free(d);
        return -1;
    }
    s->n++;
    return 0;
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int nb_source_has(const nb_source *s, const char *id)
{
    return s->nids && bsearch(&id, s->ids, s->nids, sizeof *s->ids, cmp_id) != NULL;
}

typedef struct id_at {
    const char *id;
    size_t at;
} id_at;

static int cmp_id_at(const void *a, const void *b)
{
    const id_at *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* The sorted index of ids.  A later item with the id of an earlier one is
   malformed: two episodes cannot share one identity.  -1 out of memory. */
static int index_ids(nb_source *s)
{
    id_at *v = malloc((s->n ? s->n : 1) * sizeof *v);
    s->ids = malloc((s->n ? s->n : 1) * sizeof *s->ids);
    if (!v || !s->ids) {
        free(v);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++)
        if (!s->items[i].error)
            v[k++] = (id_at){s->items[i].id, i};
    qsort(v, k, sizeof *v, cmp_id_at);
    s->nids = 0;
    for (size_t i = 0; i < k; i++) {
        if (i && strcmp(v[i].id, v[i - 1].id) == 0) {
            nb_item *it = &s->items[v[i].at];
            if (!(it->error = cli_strdup("another item has the same guid or link"))) {
                free(v);
                return -1;
            }
            continue;
        }
        s->ids[s->nids++] = s->items[v[i].at].id;
    }
    free(v);
    return 0;
}

/* One URL a line; blank lines and lines starting with '#' are comments. */
static int url_list_items(nb_source *s, const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    unsigned line = 0;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;  /* a BOM before the first line */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        const char *q = e;
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
            q--;
        if (q > p && *p != '#') {
            size_t n = (size_t)(q - p);
            char *u = malloc(n + 1);
            if (!u)
                return -1;
            memcpy(u, p, n);
            u[n] = '\0';
            nb_item it = {0};
            char id[32], why[64], shown[2048];
            if (nb_is_url(u) && !memchr(u, ' ', n)) {
                nb_url_redact(u, shown, sizeof shown);  /* ids show no credentials */
                it.id = shown;
                it.url = u;
            } else {
                snprintf(id, sizeof id, "line %u", line);
                snprintf(why, sizeof why, "not an http:// or https:// URL");
                it.id = id;
                it.error = why;
            }
            int rc = nb_source_add(s, &it);
            free(u);
            if (rc)
                return -1;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* A feed starts with '<' (after a BOM and white space); anything else is
   read as a URL list. */
static int looks_like_xml(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    return i < len && data[i] == '<';
}

int nb_source_parse(nb_source *s, const char *data, size_t len,
                    const char *base_url, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    int rc;
    if (looks_like_xml(data, len)) {
        s->kind = NB_SOURCE_FEED;
        rc = nb_feed_items(s, data, len, base_url, err, errlen);
    } else {
        s->kind = NB_SOURCE_URLS;
        rc = url_list_items(s, data, len);
        size_t urls = 0;
        for (size_t i = 0; i < s->n; i++)
            urls += s->items[i].url != NULL;
        if (rc)
            snprintf(err, errlen, "out of memory");
        else if (!urls) {  /* a stray text file: say so once, not per line */
            snprintf(err, errlen, "neither a feed nor a list of URLs");
            rc = -1;
        }
    }
    if (rc == 0 && index_ids(s) != 0) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
    }
    if (rc)
        nb_source_free(s);
    return rc;
}

static int open_dir(nb_source *s, const char *dir, int follow_symlinks)
{
    char **names;
    size_t n;
    int e = cli_list_articles(dir, follow_symlinks, &names, &n);
    if (e) {
        cli_msg(0, "batch: cannot read '%s': %s", dir, strerror(e));
        return CLI_EXIT_INPUT;
    }
    for (size_t i = 0; i < n && !e; i++) {
        nb_item it = {0};
        it.id = it.path = names[i];
        if (nb_source_add(s, &it) != 0)
            e = ENOMEM;
    }
    cli_free_list(names, n);
    if (e || index_ids(s) != 0) {
        cli_msg(0, "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    return 0;
}

int nb_source_open(nb_source *s, const char *arg, const nb_fetch_opts *o,
                   int follow_symlinks)
{
    memset(s, 0, sizeof *s);
    char *data = NULL;
    size_t len = 0;
    char err[512], shown[1024];
    const char *base = NULL;
    nb_fetched f = {0};
    if (nb_is_url(arg)) {
        nb_url_redact(arg, shown, sizeof shown);
        if (nb_fetch(arg, NULL, NULL, o, &f, err, sizeof err) != 0) {
            cli_msg(0, "batch: cannot fetch '%s': %s", shown, err);
            return CLI_EXIT_INPUT;
        }
        data = f.data;
        len = f.len;
        base = f.final_url;  /* relative links are relative to where it ended */
    } else {
        struct stat st;
        if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
            return open_dir(s, arg, follow_symlinks);
        snprintf(shown, sizeof shown, "%s", arg);
        int e = cli_read_file(arg, &data, &len);
        if (e) {
            cli_msg(0, "batch: cannot read '%s': %s", arg, strerror(e));
            return CLI_EXIT_INPUT;
        }
    }
    int rc = nb_source_parse(s, data, len, base, err, sizeof err);
    if (f.data)
        nb_fetched_free(&f);
    else
        free(data);
    if (rc) {
        cli_msg(0, "batch: '%s': %s", shown, err);
        return strcmp(err, "out of memory") == 0 ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    }
    return 0;
}
