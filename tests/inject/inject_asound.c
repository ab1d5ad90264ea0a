/*
 * inject_asound.c - an LD_PRELOAD shim for running daisy-player where there
 * is no sound card (a container, CI): it lists the ALSA cards from
 * /proc/asound/cards at start and stops when that file is missing, before
 * it shows a book.  With the shim, opening that file opens $FAKE_ASOUND_CARDS
 * instead (an empty file: no card), so the player starts and lists the
 * book's sections; nothing is played in the tests.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *redirect(const char *path)
{
    const char *fake = getenv("FAKE_ASOUND_CARDS");
    return fake && path && strcmp(path, "/proc/asound/cards") == 0 ? fake : path;
}

FILE *fopen(const char *path, const char *mode)
{
    static FILE *(*real)(const char *, const char *);
    if (!real)
        real = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, "fopen");
    return real(redirect(path), mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    static FILE *(*real)(const char *, const char *);
    if (!real)
        real = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, "fopen64");
    return real(redirect(path), mode);
}
