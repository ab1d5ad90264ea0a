/*
 * feed.h - the podcast feed: identifiers (UUIDv5, shard hash), dates
 * (RFC 2822, the pinned clock) and the RSS writer built from sidecars.
 *
 * Internal to the narrate command.
 */
#ifndef NB_FEED_H
#define NB_FEED_H

#include <stddef.h>
#include <stdint.h>

struct nb_config;
struct nb_episode;

/* ---- identifiers (feed_ids.c) ---- */

/* The Podcasting 2.0 namespace for channel podcast:guid. */
extern const uint8_t nb_podcast_ns[16];

/* Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"; 0 or -1. */
int nb_uuid_parse(const char *s, uint8_t out[16]);
/* RFC 4122 version 5 UUID (SHA-1) of name in namespace ns, lower-case text. */
void nb_uuid5(const uint8_t ns[16], const char *name, size_t len, char out[37]);
/* podcast:guid of a feed URL: UUIDv5 of the URL without its scheme and
   trailing slashes ("https://podnews.net/rss/" -> "podnews.net/rss"). */
void nb_feed_guid(const char *url, char out[37]);
/* Shard (0 .. n-1) of an article: from a hash of its file name, so adding
   or removing articles never moves the others.  n >= 1. */
unsigned nb_shard_of(const char *name, unsigned n);

/* ---- dates (feed_date.c) ---- */

/* "Sun, 29 Nov 2026 06:00:00 +0000": RFC 2822 in UTC, English names
   whatever the locale. */
#define NB_DATE_LEN 80
void nb_rfc2822(int64_t t, char out[NB_DATE_LEN]);
/* "YYYY-MM-DD" (anything after is ignored) -> noon UTC that day; noon so
   the day shows the same in every listener's time zone.  0 or -1. */
int nb_parse_iso_date(const char *s, int64_t *t);
/* A feed item's date: RFC 2822 as RSS writes it ("Wed, 04 Mar 2026
   10:00:00 GMT", numeric or US zone names, weekday and seconds optional,
   two-digit years) or RFC 3339 as Atom does ("2026-03-04T10:00:00Z",
   "+01:00", fractions).  Seconds since the epoch; 0 or -1. */
int nb_parse_feed_date(const char *s, int64_t *t);
/* The current time, or SOURCE_DATE_EPOCH when set (reproducible runs and
   tests).  -1 and a message when SOURCE_DATE_EPOCH is not a number. */
int64_t nb_now(void);

/* ---- the feed (feed_xml.c) ---- */

/* Writes OUT_DIR/feed.xml atomically from the episodes (sorted here, newest
   first).  Returns 0 or an errno value; *what names the failing step. */
int nb_feed_write(const char *out_dir, const struct nb_config *cfg,
                  struct nb_episode *eps, size_t n, int64_t build_time,
                  const char **what);

/* The channel podcast:guid: from feed_url, or without one from the show
   title. */
void nb_channel_guid(const struct nb_config *cfg, char out[37]);

/* ---- the reduce step (feed.c) ---- */

/* Loads every sidecar in out_dir, drops those whose audio is missing or
   of another size (warning), writes feed.xml.  Returns an exit code. */
int nb_rebuild_feed(const char *out_dir, const struct nb_config *cfg);

#endif
