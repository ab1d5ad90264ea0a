/*
 * batch_input.c - where an article of the batch comes from and what its
 * source says about the episode: the file or the page (fetched
 * conditionally), an unchanged page's episode kept, the feed item's date
 * and description, a title when the article has none (see batch.h).
 */
#include "batch.h"
#include "safetext.h"
#include "cli.h"
#include "episode.h"
#include "fetch.h"
#include "files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int nb_file_size(const char *dir, const char *name, uint64_t *size)
{
    char *p = cli_path(dir, name);
    struct stat st;
    int ok = p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    if (ok)
        *size = (uint64_t)st.st_size;
    return ok ? 0 : -1;
}

/* Apple reads at most 4000 bytes of an item description: cut longer ones
   at a character boundary and mark the cut. */
void nb_clip_description(char *d)
{
    enum { MAX = 4000 - 3 };  /* room for the ellipsis */
    size_t n = d ? strlen(d) : 0;
    if (n <= 4000)
        return;
    n = MAX;
    while (n > 0 && ((unsigned char)d[n] & 0xc0) == 0x80)
        n--;  /* not inside a UTF-8 sequence */
    memcpy(d + n, "\xe2\x80\xa6", 4);  /* U+2026 and the NUL */
}

/* For an article with no title: the feed item's title, else the file
   name or the URL's last path segment without its extension. */
char *nb_fallback_title(const nb_item *it)
{
    if (it->title)
        return cli_strdup(it->title);
    const char *src = it->path ? it->path : it->id;
    if (it->url) {
        size_t n = strcspn(it->url, "?#");
        while (n > 0 && it->url[n - 1] == '/')
            n--;
        size_t b = n;
        while (b > 0 && it->url[b - 1] != '/')
            b--;
        char *s = malloc(n - b + 1);
        if (s) {
            memcpy(s, it->url + b, n - b);
            s[n - b] = '\0';
            char *dot = strrchr(s, '.');
            if (dot && dot != s)
                *dot = '\0';
        }
        return s;
    }
    char *s = nb_safe_text(src);  /* a file name may hold control characters */
    char *dot = s ? strrchr(s, '.') : NULL;
    if (dot && dot != s)
        *dot = '\0';
    return s;
}

/* The episode's files are all there as recorded: MP3 of its size,
   chapters, transcript.  Sidecars from before transcripts were made lack
   one, so their episodes are narrated again, once. */
int nb_episode_intact(const char *out_dir, const nb_episode *ep)
{
    uint64_t size, other;
    return nb_file_size(out_dir, ep->audio, &size) == 0 && size == ep->bytes &&
           ep->chapters && nb_file_size(out_dir, ep->chapters, &other) == 0 &&
           ep->transcript && nb_file_size(out_dir, ep->transcript, &other) == 0;
}

/* The item's data, where the feed has its own: a pubDate (exact), a
   description.  Both win over the article's. */
void nb_apply_item_meta(const nb_item *it, nb_episode *ep)
{
    if (it->dated) {
        ep->pub_date = it->date;
        ep->dated = 1;
    }
    if (it->description) {
        free(ep->description);
        ep->description = cli_strdup(it->description);
        nb_clip_description(ep->description);
    }
}

/* A page unchanged since its episode was made (HTTP 304): the episode is
   kept as it is, with the feed item's date and description refreshed. */
int nb_keep_unchanged(const nb_item *it, const nb_episode *old, nb_episode *ep)
{
    memset(ep, 0, sizeof *ep);
    ep->source = cli_strdup(old->source);
    ep->slug = cli_strdup(old->slug);
    ep->title = cli_strdup(old->title);
    ep->description = cli_strdup(old->description);
    ep->author = cli_strdup(old->author);
    ep->guid = cli_strdup(old->guid);
    ep->key = cli_strdup(old->key);
    ep->audio = cli_strdup(old->audio);
    ep->chapters = cli_strdup(old->chapters);
    ep->transcript = cli_strdup(old->transcript);
    ep->url = cli_strdup(old->url);
    ep->etag = cli_strdup(old->etag);
    ep->last_modified = cli_strdup(old->last_modified);
    ep->opts_key = cli_strdup(old->opts_key);
    ep->pub_date = old->pub_date;
    ep->first_seen = old->first_seen;
    ep->dated = old->dated;
    ep->duration_ms = old->duration_ms;
    ep->bytes = old->bytes;
    ep->nchapters = old->nchapters;
    nb_apply_item_meta(it, ep);
    return ep->source && ep->slug && ep->title && ep->guid && ep->key && ep->audio ? 0 : -1;
}

/* The article's bytes: its file, or its page (fetched conditionally when
   its episode is intact and made with today's audio settings, so an
   unchanged page is neither fetched nor narrated again).  *kind is the
   name the reader is chosen by.  Returns 0, 1 for "not modified", or -1
   with the reason in err. */
int nb_read_article(const nb_input *in, const nb_item *it, const nb_episode *old,
                    nb_fetched *f, char **data, size_t *len, const char **kind,
                    char *err, size_t errlen)
{
    if (it->path) {
        char *path = cli_path(in->in_dir, it->path);
        const char *what = NULL;
        int e = path ? cli_read_article(path, in->follow_symlinks, data, len, &what) : ENOMEM;
        if (e && what)
            snprintf(err, errlen, "'%s' is %s, not a regular file", path, what);
        else if (e)
            snprintf(err, errlen, "cannot read '%s': %s", path ? path : it->path,
                     strerror(e));
        free(path);
        *kind = it->path;
        return e ? -1 : 0;
    }
    char shown[2048];
    nb_url_redact(it->url, shown, sizeof shown);
    int conditional = old && old->url && strcmp(old->url, shown) == 0 &&
                      old->opts_key && strcmp(old->opts_key, in->opts_key) == 0 &&
                      (old->etag || old->last_modified) && nb_episode_intact(in->out_dir, old);
    char why[512];
    if (nb_fetch(it->url, conditional ? old->etag : NULL,
                 conditional ? old->last_modified : NULL, in->fetch, f, why,
                 sizeof why) != 0) {
        snprintf(err, errlen, "cannot fetch '%.600s': %.400s", shown, why);
        return -1;
    }
    if (f->not_modified)
        return 1;
    *data = f->data;
    *len = f->len;
    *kind = nb_fetched_kind(f, f->final_url);
    return 0;
}

