/*
 * episode.h - the per-episode sidecar, OUT_DIR/<slug>.episode.json: all the
 * feed needs to know about one episode, and the state that must survive
 * reruns (slug, guid, first-seen time, incremental key).
 *
 * The sidecar is written last, after the MP3 and chapters: it is the commit
 * point of an episode.  `narrate feed` reads only sidecars.
 *
 * Internal to the narrate command.
 */
#ifndef NB_EPISODE_H
#define NB_EPISODE_H

#include <stddef.h>
#include <stdint.h>

#define NB_EPISODE_SUFFIX ".episode.json"
#define NB_CHAPTERS_SUFFIX ".chapters.json"
#define NB_TRANSCRIPT_SUFFIX ".vtt"

typedef struct nb_episode {
    char *source;        /* the identity: file name in the folder, or the
                            feed item's guid or link, or the listed URL */
    char *slug;          /* file stem in OUT_DIR, fixed once chosen */
    char *title;
    char *description;   /* may be NULL */
    char *author;        /* may be NULL */
    char *guid;          /* UUIDv5 of the source in the channel, fixed */
    char *key;           /* SHA-256 of script + voice + audio options */
    char *audio;         /* "<slug>.mp3" */
    char *chapters;      /* "<slug>.chapters.json" */
    char *transcript;    /* "<slug>.vtt"; NULL in sidecars of older runs */
    char *url;           /* the page fetched; NULL for a file */
    char *etag;          /* its validators, for a conditional GET */
    char *last_modified;
    char *opts_key;      /* SHA-256 of the audio settings alone (voice, rate,
                            bitrate, lexicon): a page unchanged since (304)
                            keeps its audio only when these are the same */
    int64_t pub_date;    /* seconds since the epoch */
    int64_t first_seen;
    int dated;           /* pub_date comes from the article */
    uint64_t duration_ms;
    uint64_t bytes;      /* size of the audio file */
    uint64_t nchapters;
} nb_episode;

void nb_episode_free(nb_episode *ep);

/* Reads a sidecar.  Returns 0, or -1 with the reason in err. */
int nb_episode_load(const char *path, nb_episode *ep, char *err, size_t errlen);

/* Writes dir/<slug>.episode.json atomically.  Returns 0 or an errno value. */
int nb_episode_save(const char *dir, const nb_episode *ep);

/* Loads every sidecar in dir (sorted by file name); an unreadable or
   malformed one is skipped with a warning.  *eps is malloc'd; free with
   nb_episodes_free.  Returns 0 or an errno value (dir unreadable). */
int nb_episodes_load_dir(const char *dir, nb_episode **eps, size_t *n);
void nb_episodes_free(nb_episode *eps, size_t n);

#endif
