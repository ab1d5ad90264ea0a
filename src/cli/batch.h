/*
 * batch.h - shared helpers of the batch and feed subcommands: exit codes,
 * messages, and the few file-system operations every module needs (read a
 * whole file, write a file atomically, join paths, list a directory).
 *
 * Internal to the narrate command; only the public narrate.h is used below.
 */
#ifndef NB_BATCH_H
#define NB_BATCH_H

#include <stddef.h>
#include <stdint.h>

/* Exit codes: the command's (see main.c), plus 6 for a partial batch. */
enum {
    NB_EXIT_OK = 0,
    NB_EXIT_INTERNAL = 1,
    NB_EXIT_USAGE = 2,     /* bad option, bad configuration value */
    NB_EXIT_INPUT = 3,     /* IN_DIR or the configuration unreadable */
    NB_EXIT_OUTPUT = 4,    /* OUT_DIR unwritable, or locked by another run */
    NB_EXIT_SYNTH = 5,
    NB_EXIT_PARTIAL = 6,   /* some articles failed; the others are done */
    NB_EXIT_INTERRUPTED = 130
};

/* 0 quiet, 1 normal, 2 verbose; set by the subcommand's options. */
extern int nb_verbosity;

/* "narrate: MESSAGE\n" on stderr when verbosity >= level. */
void nb_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* malloc'd "dir/name"; NULL when out of memory.  The caller frees. */
char *nb_path(const char *dir, const char *name);

/* malloc'd copy of s (NULL stays NULL). */
char *nb_strdup(const char *s);

/* Reads a whole regular file into a malloc'd, NUL-terminated buffer (the
   caller frees *data).  Returns 0 or an errno value (EISDIR, EFBIG ...). */
int nb_read_file(const char *path, char **data, size_t *len);

/* Writes data to path through a temporary file in the same directory
   (DIR/.BASE.XXXXXX), fsync and rename, so readers see the old or the new
   file, never a partial one.  Returns 0 or an errno value. */
int nb_write_atomic(const char *path, const void *data, size_t len);

/* Sorted (strcmp) malloc'd list of the names in dir for which keep()
   returns non-zero; free with nb_free_list.  Returns 0 or an errno value. */
int nb_list_dir(const char *dir, int (*keep)(const char *name),
                char ***names, size_t *n);
void nb_free_list(char **names, size_t n);

/* Removes temporary files left by a killed run (.NAME.mp3.XXXXXX and the
   like for the file kinds batch writes).  Call only under the exclusive
   lock: a running writer's temporary file must not vanish. */
void nb_remove_stale_temps(const char *dir);

/* ---- batch_env.c: what main.c gives a single-article run ---- */

/* The voice search path (NARRATE_VOICE_PATH, voices/ beside the program,
   the installed voices).  malloc'd; NULL when out of memory. */
char *nb_voice_path(void);
/* The default pronunciation lexicon (NARRATE_LEXICON, voices/lexicon.txt
   beside the program, the installed one); *data NULL when there is none.
   The caller frees *data and *path.  Returns 0, or -1 out of memory. */
int nb_default_lexicon(char **data, size_t *len, char **path);

/* Non-zero when name ends with suffix. */
int nb_ends_with(const char *name, const char *suffix);

#endif
