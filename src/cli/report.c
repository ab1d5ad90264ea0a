/*
 * report.c - the run report, built as a jansson tree while the batch runs
 * and written once at the end (atomically, like everything else).  Its
 * strings (file names, messages quoting them) go through nb_safe_text:
 * jansson drops a string that is not UTF-8, and a control character
 * escaped into JSON still reaches whoever prints the report.
 */
#include "report.h"
#include "files.h"
#include "safetext.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct nb_report {
    json_t *root;
    json_t *articles;
};

/* An item is the article's JSON object itself: jansson keeps it alive as
   long as the report. */
struct nb_report_item;

/* A JSON string of s made safe (see above); NULL when out of memory. */
static json_t *jstr(const char *s)
{
    char *t = nb_safe_text(s);
    json_t *j = t ? json_string(t) : NULL;
    free(t);
    return j;
}

nb_report *nb_report_new(int64_t started, unsigned shard_k, unsigned shard_n)
{
    nb_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->root = json_object();
    r->articles = json_array();
    if (!r->root || !r->articles) {
        json_decref(r->root);
        json_decref(r->articles);
        free(r);
        return NULL;
    }
    json_object_set_new(r->root, "version", json_integer(1));
    json_object_set_new(r->root, "started", json_integer(started));
    if (shard_n) {
        json_t *s = json_object();
        json_object_set_new(s, "index", json_integer(shard_k));
        json_object_set_new(s, "count", json_integer(shard_n));
        json_object_set_new(r->root, "shard", s);
    } else
        json_object_set_new(r->root, "shard", json_null());
    json_object_set(r->root, "articles", r->articles);
    return r;
}

void nb_report_free(nb_report *r)
{
    if (!r)
        return;
    json_decref(r->articles);
    json_decref(r->root);
    free(r);
}

nb_report_item *nb_report_add(nb_report *r, const char *source)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "source", jstr(source));
    json_object_set_new(o, "status", json_string("failed"));
    json_object_set_new(o, "warnings", json_array());
    if (json_array_append_new(r->articles, o) != 0)
        return NULL;
    return (nb_report_item *)o;
}

void nb_report_set(nb_report_item *it, const char *status, const char *slug,
                   uint64_t duration_ms, uint64_t elapsed_ms)
{
    json_t *o = (json_t *)it;
    if (!o)
        return;
    json_object_set_new(o, "status", json_string(status));
    json_object_set_new(o, "slug", slug ? jstr(slug) : json_null());
    json_object_set_new(o, "duration_ms", json_integer((json_int_t)duration_ms));
    json_object_set_new(o, "elapsed_ms", json_integer((json_int_t)elapsed_ms));
}

void nb_report_loudness(nb_report_item *it, double in, double gain, double out)
{
    json_t *o = (json_t *)it;
    if (!o || in != in || gain != gain || out != out)  /* NaN: not measured */
        return;
    json_t *l = json_object();
    if (!l)
        return;
    json_object_set_new(l, "input_lufs", json_real(in));
    json_object_set_new(l, "gain_db", json_real(gain));
    json_object_set_new(l, "output_lufs", json_real(out));
    json_object_set_new(o, "loudness", l);
}

void nb_report_warn(nb_report_item *it, const char *text)
{
    json_t *o = (json_t *)it;
    if (o)
        json_array_append_new(json_object_get(o, "warnings"), jstr(text));
}

void nb_report_error(nb_report_item *it, const char *text)
{
    json_t *o = (json_t *)it;
    if (o)
        json_object_set_new(o, "error", jstr(text));
}

void nb_report_url(nb_report_item *it, const char *url)
{
    json_t *o = (json_t *)it;
    if (o && url)
        json_object_set_new(o, "url", json_string(url));
}

size_t nb_report_count(const nb_report *r, const char *status)
{
    size_t n = 0, i;
    json_t *o;
    json_array_foreach(r->articles, i, o) {
        const char *s = json_string_value(json_object_get(o, "status"));
        if (s && strcmp(s, status) == 0)
            n++;
    }
    return n;
}

int nb_report_write(nb_report *r, const char *path, int64_t finished,
                    int interrupted, int feed_written)
{
    static const char *const kinds[] = {"synthesized", "reused", "failed", "pruned"};
    json_t *counts = json_object();
    if (!counts)
        return ENOMEM;
    json_object_set_new(counts, "total", json_integer((json_int_t)json_array_size(r->articles)));
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        json_object_set_new(counts, kinds[i], json_integer((json_int_t)nb_report_count(r, kinds[i])));
    json_object_set_new(r->root, "counts", counts);
    json_object_set_new(r->root, "finished", json_integer(finished));
    json_object_set_new(r->root, "interrupted", json_boolean(interrupted));
    json_object_set_new(r->root, "feed_written", json_boolean(feed_written));
    json_object_set_new(r->root, "ok", json_boolean(!interrupted &&
                                                    nb_report_count(r, "failed") == 0));
    char *text = json_dumps(r->root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        return ENOMEM;
    size_t len = strlen(text);
    char *t2 = realloc(text, len + 2);
    if (!t2) {
        free(text);
        return ENOMEM;
    }
    t2[len] = '\n';
    int e = cli_write_atomic(path, t2, len + 1);
    free(t2);
    return e;
}
