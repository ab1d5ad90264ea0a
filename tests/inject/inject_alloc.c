/*
 * inject_alloc.c - an LD_PRELOAD shim that fails the Nth memory allocation
 * (malloc, calloc, realloc, strdup through malloc), as FLAC's alloc_check
 * does in its fuzz builds: run a command for every N and no failure may
 * crash it.
 *
 *   NARRATE_FAIL_ALLOC=N   the Nth allocation returns NULL (ENOMEM)
 *   NARRATE_COUNT_ALLOC=1  print the number of allocations at exit (stderr)
 *
 * Only allocations made once main() runs are counted: the constructors of
 * the libraries narrate links (FFmpeg's among them) abort or hang on a
 * failed allocation before narrate's code exists, which is not ours to test.
 * The shim wraps __libc_start_main to know when main starts.
 *
 * glibc's __libc_* entry points do the real work.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
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
static int armed;   /* set when main() starts */

static int should_fail(void)
{
    if (!armed)
        return 0;
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

typedef int (*main_fn)(int, char **, char **);
static main_fn real_main;

static int armed_main(int argc, char **argv, char **envp)
{
    if (getenv("NARRATE_COUNT_ALLOC"))
        atexit(report);
    armed = 1;
    return real_main(argc, argv, envp);
}

int __libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
                      void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
    typedef int (*start_fn)(main_fn, int, char **, void (*)(void), void (*)(void),
                            void (*)(void), void *);
    start_fn real = (start_fn)dlsym(RTLD_NEXT, "__libc_start_main");
    real_main = main;
    return real(armed_main, argc, argv, init, fini, rtld_fini, stack_end);
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
