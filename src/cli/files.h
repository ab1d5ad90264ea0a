/*
 * files.h - the command's file-system helpers: join paths, read a whole
 * file, write a file atomically, list a directory, clear what a killed run
 * left.  Every file the command reads whole and every file batch and feed
 * write go through here.
 *
 * Internal to the command; below it only the public narrate.h is used.
 */
#ifndef NR_CLI_FILES_H
#define NR_CLI_FILES_H

#include <stddef.h>
#include <sys/types.h>

/* malloc'd "dir/name"; NULL when out of memory.  The caller frees. */
char *cli_path(const char *dir, const char *name);

/* The one reader of the command: every file it reads whole (the article,
   a lexicon, a cover, the configuration, an episode sidecar) comes through
   cli_read_fd, under one size limit, CLI_MAX_READ: far above any real
   input (a long book is a few MiB of text, a cover at most 16 MiB), low
   enough that a wrong path (a disk image, /dev/zero) fails with EFBIG
   instead of exhausting memory.  Regular files, pipes, terminals and
   devices are read alike, to their end.  (--normalize is not read whole:
   it streams its input a line at a time.) */
#define CLI_MAX_READ ((size_t)256 << 20)

/* Reads fd to its end into a malloc'd, NUL-terminated buffer (the caller
   frees *data); fd stays open.  Returns 0, EISDIR for a directory, EFBIG
   past CLI_MAX_READ, ENOMEM, or read()'s errno. */
int cli_read_fd(int fd, char **data, size_t *len);

/* cli_read_fd on path, opened read-only; open()'s errno when it cannot be
   opened. */
int cli_read_file(const char *path, char **data, size_t *len);

/* The command's one writer (see files.c for why not the library's):
   data goes to a temporary file in the same directory (DIR/.BASE.XXXXXX),
   which is fsynced and renamed over path, then DIR is fsynced; readers see
   the old or the new file, never a partial one, and after a crash the new
   name survives.  Returns 0 or an errno value. */
int cli_write_atomic(const char *path, const void *data, size_t len);

/* Sorted (strcmp) malloc'd list of the names in dir for which keep()
   returns non-zero; free with cli_free_list.  Returns 0 or an errno value. */
int cli_list_dir(const char *dir, int (*keep)(const char *name),
                 char ***names, size_t *n);
void cli_free_list(char **names, size_t n);
/* What counts as an article in a batch folder: a name ending in .txt, .md,
   .markdown, .html or .htm, not hidden, for a regular file, or a symbolic
   link to one when follow is set.  Anything else with such a name (a
   directory, a FIFO, a socket, a device, a link that is not followed or
   leads nowhere) is skipped with a warning naming it and what it is: a
   FIFO would hang the run, a link could publish /etc/passwd.  Sorted like
   cli_list_dir.  Returns 0 or an errno value (dir unreadable, memory). */
int cli_list_articles(const char *dir, int follow, char ***names, size_t *n);

/* Reads an article named by cli_list_articles, checking again what it is
   (it may have changed since): opened without waiting on a FIFO and, unless
   follow, without following a link.  Returns 0, an errno value, or EINVAL
   with *kind saying what it is instead of a regular file ("a FIFO"). */
int cli_read_article(const char *path, int follow, char **data, size_t *len,
                     const char **kind);

/* "a directory", "a FIFO", "a socket", "a device", "a symbolic link" ... */
const char *cli_file_kind(mode_t mode);

/* Non-zero when name is in a list from cli_list_dir (binary search). */
int cli_list_has(char **names, size_t n, const char *name);

/* Removes temporary files left by a killed run (.NAME.mp3.XXXXXX and the
   like for the file kinds batch writes).  Call only under the exclusive
   lock: a running writer's temporary file must not vanish. */
void cli_remove_stale_temps(const char *dir);

#endif
