/*
 * inject_alloc.c - an LD_PRELOAD shim that fails the Nth memory allocation
 * (malloc, calloc, realloc, strdup through malloc), as FLAC's alloc_check
 * does in its fuzz builds: run a command for every N and no failure may
 * crash it.
 *
 *   NARRATE_FAIL_ALLOC=N   the Nth allocation returns NULL (ENOMEM)
 *   NARRATE_COUNT_ALLOC=1  print the number of allocations at exit (stderr)
 *
 * glibc's __libc_* entry points do the real work; dlsym is avoided because
 * it allocates itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static long fail_at = -2, count;

static int should_fail(void)
{
    if (fail_at == -2) {
        const char *s = getenv("NARRATE_FAIL_ALLOC");
        fail_at = s ? strtol(s, NULL, 10) : -1;
    }
    return ++count == fail_at;
}

static void report(void)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "allocations: %ld\n", count);
    if (n > 0)
        (void)!write(2, buf, (size_t)n);
}

__attribute__((constructor)) static void init(void)
{
    if (getenv("NARRATE_COUNT_ALLOC"))
        atexit(report);
}

void *malloc(size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(n);
}

void *calloc(size_t a, size_t b)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}
