/*
 * datadir.h - where the command finds its data: the voice search path and
 * the default pronunciation lexicon.  One place, so an article narrated by
 * batch sounds exactly as `narrate FILE -o OUT.mp3` would make it.
 */
#ifndef NR_CLI_DATADIR_H
#define NR_CLI_DATADIR_H

#include <stddef.h>

/* The voice search path (NARRATE_VOICE_PATH, voices/ beside the program,
   the installed voices).  malloc'd; NULL when out of memory. */
char *cli_voice_path(void);

/* The default pronunciation lexicon (NARRATE_LEXICON, voices/lexicon.txt
   beside the program, the installed one); *data NULL when there is none.
   The caller frees *data and *path.  Returns 0, or -1 out of memory. */
int cli_default_lexicon(char **data, size_t *len, char **path);

#endif
