/*
 * datadir.c - the voice path and default lexicon of the command, shared
 * by the single-article path (main.c) and batch, so an article narrated by
 * batch sounds exactly as `narrate FILE -o OUT.mp3` would make it.
 */
#include "datadir.h"
#include "cli.h"
#include "files.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NR_DATADIR
#define NR_DATADIR "/usr/local/share/narrate"
#endif

/* Directory of the running program, "" when unknown. */
static void exe_dir(char *buf, size_t n)
{
    ssize_t k = readlink("/proc/self/exe", buf, n - 1);
    buf[k > 0 ? k : 0] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
}

char *cli_voice_path(void)
{
    char exe[PATH_MAX];
    const char *env = getenv("NARRATE_VOICE_PATH");
    exe_dir(exe, sizeof exe);
    /* the installed data directory is found beside the program first, so an
       install under any PREFIX finds its own files */
    size_t n = 2 * strlen(exe) + strlen(NR_DATADIR) + (env ? strlen(env) : 0) + 64;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s/../voices:%s/../share/narrate/voices:%s/voices",
                 env && *env ? env : "", env && *env ? ":" : "", exe, exe, NR_DATADIR);
    return p;
}

int cli_default_lexicon(char **data, size_t *len, char **path)
{
    const char *env = getenv("NARRATE_LEXICON");
    char exe[PATH_MAX], cand[PATH_MAX + 64];
    char cand2[PATH_MAX + 64];
    const char *paths[4];
    size_t np = 0;
    *data = NULL;
    *len = 0;
    *path = NULL;
    if (env) {
        if (!*env)
            return 0;  /* NARRATE_LEXICON= disables it */
        paths[np++] = env;
    } else {
        exe_dir(exe, sizeof exe);
        if (*exe) {
            snprintf(cand, sizeof cand, "%s/../voices/lexicon.txt", exe);
            paths[np++] = cand;
            snprintf(cand2, sizeof cand2, "%s/../share/narrate/lexicon.txt", exe);
            paths[np++] = cand2;
        }
        paths[np++] = NR_DATADIR "/lexicon.txt";
    }
    for (size_t i = 0; i < np; i++) {
        if (access(paths[i], R_OK) != 0)
            continue;
        if (cli_read_file(paths[i], data, len) != 0)
            continue;  /* a missing default lexicon is not an error */
        if (!(*path = cli_strdup(paths[i]))) {
            free(*data);
            *data = NULL;
            return -1;
        }
        return 0;
    }
    return 0;
}
