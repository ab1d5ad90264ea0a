/*
 * av_api.c - loads FFmpeg's libraries on first use (see av_api.h).
 *
 * The handles are never closed: FFmpeg keeps global state (codec lists,
 * log callback) that must outlive any sink, and a process that wrote one
 * FLAC file is likely to write another.
 */
#include "audio/av_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#define NR_STR_(x) #x
#define NR_STR(x) NR_STR_(x)

/* avformat first: it needs the other two, and dlsym searches a handle's
   dependencies too, so the order only matters for the error message */
static const char *const sonames[] = {
    "libavformat.so." NR_STR(LIBAVFORMAT_VERSION_MAJOR),
    "libavcodec.so." NR_STR(LIBAVCODEC_VERSION_MAJOR),
    "libavutil.so." NR_STR(LIBAVUTIL_VERSION_MAJOR),
};

static nr_av_api api;
static const nr_av_api *loaded;
static char load_error[256] = "FFmpeg's libraries were not loaded";
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* dlsym in each opened library until one has the symbol */
static void *find(void *const *h, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        void *p = dlsym(h[i], name);
        if (p)
            return p;
    }
    return NULL;
}

static void load(void)
{
    void *h[sizeof sonames / sizeof *sonames];
    for (size_t i = 0; i < sizeof sonames / sizeof *sonames; i++) {
        h[i] = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
        if (!h[i]) {
            /* dlerror() names the file and the reason, in a buffer the next
               dl call reuses: keep a copy */
            const char *e = dlerror();
            snprintf(load_error, sizeof load_error, "%s", e ? e : sonames[i]);
            return;
        }
    }
    /* ISO C has no conversion from void * to a function pointer; storing
       through a void ** is POSIX's documented idiom for dlsym results */
#define NR_AV_LOAD(f) \
    if (!(*(void **)&api.f = find(h, sizeof h / sizeof *h, #f))) { \
        snprintf(load_error, sizeof load_error, "%s lacks %s (another FFmpeg version?)", \
                 sonames[0], #f); \
        return; \
    }
    NR_AV_FUNCTIONS(NR_AV_LOAD)
#undef NR_AV_LOAD
    loaded = &api;
}

const nr_av_api *nr_av_api_get(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = load_error;
    return loaded;
}
