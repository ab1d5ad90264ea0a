/*
 * source.h - what `narrate batch SOURCE OUT_DIR` narrates: the articles of
 * a folder, the items of an RSS 2.0 or Atom feed (a file or an http(s)
 * URL), or the pages of a file listing URLs one per line.
 *
 * Every kind becomes one list of items with an identity (id) that never
 * changes for an article: the file name in the folder, the feed item's
 * guid (else its link), the URL of a listed page.  Slug suffix, episode
 * guid and shard all derive from it, so the rules of docs/batch.md hold for
 * every kind of source.
 *
 * Internal to the narrate command.
 */
#ifndef NB_SOURCE_H
#define NB_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct nb_fetch_opts;

typedef enum nb_source_kind {
    NB_SOURCE_DIR = 0,   /* a folder of .txt, .md, .html files */
    NB_SOURCE_FEED,      /* RSS 2.0 or Atom */
    NB_SOURCE_URLS       /* a file of URLs */
} nb_source_kind;

typedef struct nb_item {
    char *id;            /* the identity (see above) */
    char *path;          /* folder: the file name in it; else NULL */
    char *url;           /* feed and list: the page to fetch; else NULL */
    char *title;         /* the feed item's title, plain text; may be NULL */
    char *description;   /* the feed item's, plain text; may be NULL */
    int64_t date;        /* the feed item's date when dated */
    int dated;
    char *error;         /* a malformed item: why it cannot be narrated */
} nb_item;

typedef struct nb_source {
    nb_source_kind kind;
    nb_item *items;      /* folder: by name; feed and list: as written */
    size_t n;
    char **ids;          /* the ids of well-formed items, sorted */
    size_t nids;
} nb_source;

/* Opens what `batch` was given: a folder (its articles, cli_list_articles;
   links only with follow_symlinks), a URL (fetched), or a file (a
   feed when it starts with '<', else a URL list).  Prints the reason and
   returns an exit code on failure (3: unreadable or not a source; 1:
   memory); 0 on success. */
int nb_source_open(nb_source *s, const char *arg, const struct nb_fetch_opts *o,
                   int follow_symlinks);
void nb_source_free(nb_source *s);

/* Reads a feed or URL list from memory; base_url (may be NULL) resolves
   relative links.  0, or -1 with the reason in err. */
int nb_source_parse(nb_source *s, const char *data, size_t len,
                    const char *base_url, char *err, size_t errlen);

/* Non-zero when an item of s has this id. */
int nb_source_has(const nb_source *s, const char *id);

/* ---- feeds (source_feed.c) ---- */

/* Items of an RSS 2.0, RSS 1.0 or Atom document; -1 with the reason when
   it is neither. */
int nb_feed_items(nb_source *s, const char *data, size_t len, const char *base_url,
                  char *err, size_t errlen);

/* Plain text of an HTML fragment (a feed's description): tags dropped,
   entities decoded, white space collapsed.  malloc'd; NULL when empty or
   out of memory. */
char *nb_html_to_text(const char *html);

/* Appends an item to s (fields copied; NULL allowed); -1 out of memory. */
int nb_source_add(nb_source *s, const nb_item *it);

#endif
