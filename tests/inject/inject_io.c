/*
 * inject_io.c - an LD_PRELOAD shim that makes one file system call fail, so
 * the error paths of writing output are exercised for real.
 *
 *   NARRATE_FAIL=write:N    the Nth write()/pwrite() to a regular file fails (ENOSPC)
 *   NARRATE_FAIL=fsync:1    fsync() fails (EIO)
 *   NARRATE_FAIL=rename:1   rename() fails (EXDEV)
 *   NARRATE_FAIL=close:1    close() of a regular file opened for writing fails (EIO)
 *   NARRATE_FAIL=dlopen:1   dlopen() of FFmpeg's libraries fails (as if not installed)
 *   NARRATE_FAIL=sigterm:N  the Nth write()/pwrite() to a regular file raises SIGTERM
 *   NARRATE_FAIL=sigint:N   ... SIGINT (then the write goes on), as a user would
 *                           at that moment: deterministic, unlike kill from outside
 *   NARRATE_INJECT_LOG=FILE gets "output writes: N" at exit (to choose an N),
 *                           and "writes after the signal: K", so a test can
 *                           tell a prompt stop from a run that went on
 *
 * Only calls on regular files that have a name count, so messages on
 * stderr, pipes and unlinked scratch files are untouched.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *what;
static long nth = -1, seen;

static void setup(void)
{
    if (nth >= 0)
        return;
    nth = 0;
    const char *s = getenv("NARRATE_FAIL");
    if (!s)
        return;
    const char *colon = strchr(s, ':');
    if (!colon)
        return;
    static char name[16];
    size_t n = (size_t)(colon - s) < sizeof name - 1 ? (size_t)(colon - s) : sizeof name - 1;
    memcpy(name, s, n);
    name[n] = '\0';
    what = name;
    nth = strtol(colon + 1, NULL, 10);
}

static int regular_writable(int fd)
{
    struct stat st;
    int fl = fcntl(fd, F_GETFL);
    /* st_nlink 0: an unlinked scratch file (the loudness spool), not output */
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink > 0 && fl >= 0
           && (fl & O_ACCMODE) != O_RDONLY;
}

/* 1 when this call of kind k on fd should fail */
static int hit(const char *k, int fd)
{
    setup();
    if (!what || strcmp(what, k) != 0 || (fd >= 0 && !regular_writable(fd)))
        return 0;
    return ++seen == nth;
}

static long after_signal = -1;  /* output writes since the signal; -1 before */
static long writes;             /* output writes in all */

/* Counts output writes; the signal modes raise at the Nth and count the
   writes after. */
static void maybe_signal(int fd)
{
    int out = regular_writable(fd);
    writes += out;
    if (after_signal >= 0) {
        after_signal += out;
        return;
    }
    if (hit("sigterm", fd) || hit("sigint", fd)) {
        after_signal = 0;
        raise(strcmp(what, "sigterm") == 0 ? SIGTERM : SIGINT);
    }
}

__attribute__((destructor)) static void report(void)
{
    const char *log = getenv("NARRATE_INJECT_LOG");
    if (!log)
        return;
    long n = writes, after = after_signal;  /* fclose writes too */
    FILE *f = fopen(log, "w");
    if (f) {
        fprintf(f, "output writes: %ld\n", n);
        if (after >= 0)
            fprintf(f, "writes after the signal: %ld\n", after);
        fclose(f);
    }
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    maybe_signal(fd);
    if (hit("write", fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
    maybe_signal(fd);
    if (hit("write", fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    return pwrite(fd, buf, n, off);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    if (hit("fsync", fd)) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}

int close(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "close");
    if (hit("close", fd)) {
        real(fd);
        errno = EIO;
        return -1;
    }
    return real(fd);
}

int rename(const char *a, const char *b)
{
    static int (*real)(const char *, const char *);
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    if (hit("rename", -1)) {
        errno = EXDEV;
        return -1;
    }
    return real(a, b);
}

void *dlopen(const char *name, int flags)
{
    static void *(*real)(const char *, int);
    if (!real)
        real = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
    if (name && strstr(name, "libav") && hit("dlopen", -1))
        return NULL;
    return real(name, flags);
}
