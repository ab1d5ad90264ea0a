/*
 * config.h - channel settings of the podcast feed (and the voice), read from
 * a small "key = value" file: the format of git config, systemd units and
 * most INI files, minus sections.  See docs/batch.md and samples/feed.conf.
 *
 * Internal to the narrate command.
 */
#ifndef NB_CONFIG_H
#define NB_CONFIG_H

#include <stddef.h>

typedef struct nb_config {
    char *title;         /* show title */
    char *link;          /* website of the show */
    char *base_url;      /* where OUT_DIR is served; "" = relative URLs */
    char *feed_url;      /* URL of feed.xml (default base_url + feed.xml) */
    char *description;
    char *author;
    char *owner_name;
    char *owner_email;
    char *image;         /* show artwork URL */
    char *cover_file;    /* local JPEG/PNG embedded in episodes without art */
    char *language;      /* e.g. en-us */
    char *category;      /* Apple category */
    char *subcategory;   /* optional: "Technology > Tech News" */
    char *copyright;
    int explicit_;       /* itunes:explicit */
    /* audio; unset (NULL, 0) keeps the library's defaults */
    char *voice;
    double rate;
    int bitrate;
    unsigned books;      /* talking books beside each episode: NB_BOOK_* bits
                            (formats = mp3, epub, daisy; batch_books.h) */
    int follow_symlinks; /* articles may be symbolic links (default no) */
    unsigned voice_line; /* line of the voice setting, for messages */
    unsigned cover_line; /* line of cover_file, for messages */
    const char *path;    /* the file read, NULL when none (defaults) */
} nb_config;

/* All fields empty/unset. */
void nb_config_init(nb_config *c);
void nb_config_free(nb_config *c);

/* Parses the configuration text (name is used in messages only).  Returns
   0, or -1 with "NAME:LINE: KEY: problem" in err. */
int nb_config_parse(nb_config *c, const char *text, size_t len,
                    const char *name, char *err, size_t errlen);

/* Reads and parses path: 0; -1 bad value (err filled); -2 unreadable (err
   filled). */
int nb_config_load(nb_config *c, const char *path, char *err, size_t errlen);

/* Fills what the file left unset: title from the folder name (basename of
   out_dir), description from the title, language en, category News,
   explicit false.  Returns 0 or -1 when out of memory. */
int nb_config_defaults(nb_config *c, const char *out_dir);

/* For both subcommands: loads path (NULL = none: a warning, then the
   defaults), applies nb_config_defaults.  Prints the error and returns an
   exit code: 0, 2 for a bad value, 3 for an unreadable file, 1 for memory. */
int nb_config_setup(nb_config *c, const char *path, const char *out_dir);

/* URL of a file published in OUT_DIR: base + "/" + name, or name alone
   (a URL relative to the feed) without a base.  malloc'd; NULL when out of
   memory.  name must be URL-safe (slugs are). */
char *nb_url_join(const char *base, const char *name);

#endif
