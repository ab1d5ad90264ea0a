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

/* malloc'd "dir/name"; NULL when out of memory.  The caller frees. */
char *cli_path(const char *dir, const char *name);

/* Reads a whole regular file into a malloc'd, NUL-terminated buffer (the
   caller frees *data).  Returns 0 or an errno value (EISDIR, EFBIG ...). */
int cli_read_file(const char *path, char **data, size_t *len);

/* Writes data to path through a temporary file in the same directory
   (DIR/.BASE.XXXXXX), fsync and rename, so readers see the old or the new
   file, never a partial one.  Returns 0 or an errno value. */
int cli_write_atomic(const char *path, const void *data, size_t len);

/* Sorted (strcmp) malloc'd list of the names in dir for which keep()
   returns non-zero; free with cli_free_list.  Returns 0 or an errno value. */
int cli_list_dir(const char *dir, int (*keep)(const char *name),
                 char ***names, size_t *n);
void cli_free_list(char **names, size_t n);

/* Removes temporary files left by a killed run (.NAME.mp3.XXXXXX and the
   like for the file kinds batch writes).  Call only under the exclusive
   lock: a running writer's temporary file must not vanish. */
void cli_remove_stale_temps(const char *dir);

#endif
