/*
 * outfile.c - where rendered audio lands, without ever losing a file.
 *
 * A regular file is never written in place: the audio goes to a temporary
 * file in the target's directory (same file system, so rename() is atomic),
 * which is synced and renamed over the target only when everything
 * succeeded.  On any failure the temporary file is removed; an existing
 * target is untouched until the new one is complete.  Paths that exist and
 * are not regular files (/dev/null, /dev/full, a FIFO, a terminal) are
 * written directly and never replaced by a regular file.
 */
#include "nr_private.h"
#include "audio/formats.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fd_seekable(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    return lseek(fd, 0, SEEK_CUR) >= 0;
}

nr_status nr_render_fd(nr_ctx *ctx, int fd, nr_out_format fmt)
{
    if (fmt == NR_OUT_AUTO)
        fmt = NR_OUT_MP3;
    return nr_render_to(ctx, fd, fd_seekable(fd), fmt);
}

typedef struct render_arg {
    nr_out_format fmt;
} render_arg;

static nr_status render_cb(nr_ctx *ctx, int fd, int seekable, void *arg)
{
    return nr_render_to(ctx, fd, seekable, ((render_arg *)arg)->fmt);
}

nr_status nr_render_file(nr_ctx *ctx, const char *path, nr_out_format fmt)
{
    if (!path || !*path)
        return nr_fail(ctx, NR_ERR_ARG, "no output file name");
    if (!ctx->article)
        return nr_fail(ctx, NR_ERR_STATE, "no article loaded");
    if (fmt == NR_OUT_AUTO)
        fmt = nr_out_format_from_path(path);
    const nr_format *f = nr_format_get(fmt);
    if (f && f->book)
        return nr_render_book(ctx, path, fmt);
    render_arg ra = {fmt == NR_OUT_AUTO ? NR_OUT_MP3 : fmt};
    nr_status s = nr_with_output_file(ctx, path, render_cb, &ra);
    if (s == NR_OK && ra.fmt == NR_OUT_MP3)
        nr_note_audio(ctx, path);   /* a book may be made of it (nr_write_book) */
    return s;
}

static nr_status output_file(nr_ctx *ctx, const char *path, nr_output_fn fn,
                             void *arg);

nr_status nr_with_output_file(nr_ctx *ctx, const char *path, nr_output_fn fn,
                              void *arg)
{
    ctx->out_name = path;
    nr_status s = output_file(ctx, path, fn, arg);
    ctx->out_name = NULL;
    return s;
}

static nr_status output_file(nr_ctx *ctx, const char *path, nr_output_fn fn,
                             void *arg)
{
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': it is a directory", path);
    if (exists && !S_ISREG(st.st_mode)) {
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return nr_fail(ctx, NR_ERR_OUTPUT, "cannot open '%s': %s", path, strerror(errno));
        nr_status s = fn(ctx, fd, 0, arg);
        if (close(fd) != 0 && s == NR_OK)
            s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
        return s;
    }

    /* temporary name: DIR/.BASE.XXXXXX beside the target */
    char *d1 = strdup(path), *b1 = strdup(path);
    char *tmp = NULL;
    if (d1 && b1) {
        const char *dir = dirname(d1), *base = basename(b1);
        size_t n = strlen(dir) + strlen(base) + 16;
        tmp = malloc(n);
        if (tmp)
            snprintf(tmp, n, "%s/.%s.XXXXXX", dir, base);
    }
    free(d1);
    free(b1);
    if (!tmp)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");

    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        nr_status s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot create '%s': %s", path,
                              strerror(errno));
        free(tmp);
        return s;
    }
    /* mkstemp makes 0600; give the file the mode a plain creat() would,
       or keep the mode of the file it replaces */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask));

    nr_status s = fn(ctx, fd, 1, arg);
    if (s == NR_OK && fsync(fd) != 0)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
    if (close(fd) != 0 && s == NR_OK)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
    if (s == NR_OK && rename(tmp, path) != 0)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot rename into '%s': %s", path, strerror(errno));
    if (s != NR_OK)
        unlink(tmp);
    free(tmp);
    return s;
}
