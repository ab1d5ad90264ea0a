/*
 * episode.c - reading and writing episode sidecars with jansson.
 *
 * Times are stored as integers (seconds) and also as RFC 3339 text for
 * people reading the file; only the integers are read back.
 */
#include "episode.h"
#include "cli.h"
#include "files.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Bumped when the meaning of a field changes; newer sidecars are refused
   so an old narrate never rewrites what it does not understand. */
#define NB_SIDECAR_VERSION 1

void nb_episode_free(nb_episode *ep)
{
    free(ep->source);
    free(ep->slug);
    free(ep->title);
    free(ep->description);
    free(ep->author);
    free(ep->guid);
    free(ep->key);
    free(ep->audio);
    free(ep->chapters);
    free(ep->transcript);
    free(ep->url);
    free(ep->etag);
    free(ep->last_modified);
    free(ep->opts_key);
    memset(ep, 0, sizeof *ep);
}

void nb_episodes_free(nb_episode *eps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        nb_episode_free(&eps[i]);
    free(eps);
}

/* A file name we wrote ourselves: no path separator, not hidden. */
static int plain_name(const char *s)
{
    return s && *s && *s != '.' && !strchr(s, '/');
}

static char *get_str(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? cli_strdup(s) : NULL;
}

int nb_episode_load(const char *path, nb_episode *ep, char *err, size_t errlen)
{
    memset(ep, 0, sizeof *ep);
    char *text;
    size_t len;
    int e = cli_read_file(path, &text, &len);
    if (e) {
        snprintf(err, errlen, "%s: %s", path, strerror(e));
        return -1;
    }
    json_error_t je;
    json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    free(text);
    if (!o) {
        snprintf(err, errlen, "%s:%d: %s", path, je.line, je.text);
        return -1;
    }
    const char *why = NULL;
    json_int_t ver = json_integer_value(json_object_get(o, "version"));
    if (!json_is_object(o))
        why = "not a JSON object";
    else if (ver < 1 || ver > NB_SIDECAR_VERSION)
        why = "unknown sidecar version (written by a newer narrate?)";
    if (!why) {
        ep->source = get_str(o, "source");
        ep->slug = get_str(o, "slug");
        ep->title = get_str(o, "title");
        ep->description = get_str(o, "description");
        ep->author = get_str(o, "author");
        ep->guid = get_str(o, "guid");
        ep->key = get_str(o, "key");
        ep->audio = get_str(o, "audio");
        ep->chapters = get_str(o, "chapters");
        ep->transcript = get_str(o, "transcript");
        ep->url = get_str(o, "url");
        ep->etag = get_str(o, "etag");
        ep->last_modified = get_str(o, "last_modified");
        ep->opts_key = get_str(o, "opts_key");
        ep->pub_date = json_integer_value(json_object_get(o, "pub_date"));
        ep->first_seen = json_integer_value(json_object_get(o, "first_seen"));
        ep->dated = json_is_true(json_object_get(o, "dated"));
        ep->duration_ms = (uint64_t)json_integer_value(json_object_get(o, "duration_ms"));
        ep->bytes = (uint64_t)json_integer_value(json_object_get(o, "bytes"));
        ep->nchapters = (uint64_t)json_integer_value(json_object_get(o, "chapter_count"));
        if (!ep->source || !ep->slug || !ep->title || !ep->guid || !ep->key ||
            !ep->audio)
            why = "a required field is missing";
        else if (!*ep->source || !plain_name(ep->slug) || !plain_name(ep->audio) ||
                 (ep->chapters && !plain_name(ep->chapters)) ||
                 (ep->transcript && !plain_name(ep->transcript)))
            why = "a file name holds a path";  /* never follow ../ from a file */
    }
    json_decref(o);
    if (why) {
        snprintf(err, errlen, "%s: %s", path, why);
        nb_episode_free(ep);
        return -1;
    }
    return 0;
}

static json_t *time_text(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char b[40];
    if (!gmtime_r(&tt, &tm) || !strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm))
        return json_null();
    return json_string(b);
}

static int set(json_t *o, const char *k, json_t *v)
{
    return json_object_set_new(o, k, v ? v : json_null());
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

int nb_episode_save(const char *dir, const nb_episode *ep)
{
    json_t *o = json_object();
    if (!o)
        return ENOMEM;
    int bad = 0;
    bad |= set(o, "version", json_integer(NB_SIDECAR_VERSION));
    bad |= set(o, "source", json_string(ep->source));
    bad |= set(o, "slug", json_string(ep->slug));
    bad |= set(o, "title", json_string(ep->title));
    bad |= set(o, "description", str_or_null(ep->description));
    bad |= set(o, "author", str_or_null(ep->author));
    bad |= set(o, "guid", json_string(ep->guid));
    bad |= set(o, "pub_date", json_integer(ep->pub_date));
    bad |= set(o, "pub_date_utc", time_text(ep->pub_date));
    bad |= set(o, "dated", json_boolean(ep->dated));
    bad |= set(o, "first_seen", json_integer(ep->first_seen));
    bad |= set(o, "first_seen_utc", time_text(ep->first_seen));
    bad |= set(o, "duration_ms", json_integer((json_int_t)ep->duration_ms));
    bad |= set(o, "bytes", json_integer((json_int_t)ep->bytes));
    bad |= set(o, "chapter_count", json_integer((json_int_t)ep->nchapters));
    bad |= set(o, "key", json_string(ep->key));
    bad |= set(o, "audio", json_string(ep->audio));
    bad |= set(o, "chapters", str_or_null(ep->chapters));
    bad |= set(o, "transcript", str_or_null(ep->transcript));
    /* a page's origin and validators; absent for a file */
    if (ep->url) {
        bad |= set(o, "url", json_string(ep->url));
        bad |= set(o, "etag", str_or_null(ep->etag));
        bad |= set(o, "last_modified", str_or_null(ep->last_modified));
    }
    bad |= set(o, "opts_key", str_or_null(ep->opts_key));
    /* json_string() refuses invalid UTF-8 and gives NULL -> null above; a
       required field must not silently become null (a sidecar without its
       source is never read back: the episode would leave the feed and be
       made again every run) */
    static const char *const required[] = {"source", "slug", "title", "guid", "key", "audio"};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        bad |= json_is_null(json_object_get(o, required[i]));
    if (bad) {
        json_decref(o);
        return EINVAL;
    }
    char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!text)
        return ENOMEM;
    size_t len = strlen(text);
    int e = 0;
    size_t nlen = strlen(ep->slug) + sizeof NB_EPISODE_SUFFIX;
    char *name = malloc(nlen);
    char *path = NULL;
    if (name) {
        snprintf(name, nlen, "%s%s", ep->slug, NB_EPISODE_SUFFIX);
        path = cli_path(dir, name);
    }
    if (!path)
        e = ENOMEM;
    else {
        /* the trailing newline makes the file friendlier to cat and diff */
        char *withnl = realloc(text, len + 2);
        if (!withnl)
            e = ENOMEM;
        else {
            text = withnl;
            text[len] = '\n';
            e = cli_write_atomic(path, text, len + 1);
        }
    }
    free(name);
    free(path);
    free(text);
    return e;
}

static int is_sidecar(const char *name)
{
    return name[0] != '.' && cli_ends_with(name, NB_EPISODE_SUFFIX);
}

int nb_episodes_load_dir(const char *dir, nb_episode **eps, size_t *n)
{
    char **names;
    size_t k;
    int e = cli_list_dir(dir, is_sidecar, &names, &k);
    if (e)
        return e;
    nb_episode *v = calloc(k ? k : 1, sizeof *v);
    if (!v) {
        cli_free_list(names, k);
        return ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        char *path = cli_path(dir, names[i]);
        char err[512];
        if (!path) {
            e = ENOMEM;
            break;
        }
        if (nb_episode_load(path, &v[m], err, sizeof err) == 0)
            m++;
        else
            cli_msg(1, "warning: skipping episode sidecar %s", err);
        free(path);
    }
    cli_free_list(names, k);
    if (e) {
        nb_episodes_free(v, m);
        return e;
    }
    *eps = v;
    *n = m;
    return 0;
}
