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
 *
 * In an output group (nr_outputs_begin) the finished temporary files wait
 * and nr_outputs_commit renames them one after another; the old files are
 * first given a second name (a hard link), so that when a rename fails the
 * ones already replaced can be put back and the group lands whole or not
 * at all.
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

/* DIR/.BASE.XXXXXX beside path (same file system, so rename() is atomic;
   hidden, and named so batch's clean-up knows it), or NULL. */
static char *temp_name(const char *path)
{
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
    return tmp;
}

/* Keeps a finished temporary file for nr_outputs_commit; a second output to
   the same path replaces the first. */
static nr_status hold(nr_ctx *ctx, char *tmp, const char *path)
{
    for (size_t i = 0; i < ctx->npending; i++)
        if (strcmp(ctx->pending[i].path, path) == 0) {
            unlink(ctx->pending[i].tmp);
            free(ctx->pending[i].tmp);
            ctx->pending[i].tmp = tmp;
            return NR_OK;
        }
    char *p = strdup(path);
    nr_pending_out *v = realloc(ctx->pending, (ctx->npending + 1) * sizeof *v);
    if (!p || !v) {
        free(p);
        if (v)
            ctx->pending = v;
        unlink(tmp);
        free(tmp);
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    }
    ctx->pending = v;
    v[ctx->npending].tmp = tmp;
    v[ctx->npending].path = p;
    ctx->npending++;
    return NR_OK;
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

    char *tmp = temp_name(path);
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
    /* a signal that came during the last pass still keeps the old file */
    if (s == NR_OK && atomic_load(&ctx->cancelled))
        s = nr_fail(ctx, NR_ERR_CANCELLED, "cancelled");
    if (s == NR_OK && fsync(fd) != 0)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
    if (close(fd) != 0 && s == NR_OK)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
    if (s == NR_OK && ctx->grouped)
        return hold(ctx, tmp, path);
    if (s == NR_OK && rename(tmp, path) != 0)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot rename into '%s': %s", path, strerror(errno));
    if (s != NR_OK)
        unlink(tmp);
    free(tmp);
    return s;
}

/* ---- output groups (narrate.h) ---- */

nr_status nr_outputs_begin(nr_ctx *ctx)
{
    nr_outputs_drop(ctx);
    ctx->grouped = 1;
    return NR_OK;
}

void nr_outputs_drop(nr_ctx *ctx)
{
    for (size_t i = 0; i < ctx->npending; i++) {
        if (ctx->pending[i].tmp)
            unlink(ctx->pending[i].tmp);
        free(ctx->pending[i].tmp);
        free(ctx->pending[i].path);
    }
    free(ctx->pending);
    ctx->pending = NULL;
    ctx->npending = 0;
    ctx->grouped = 0;
}

void nr_outputs_discard(nr_ctx *ctx)
{
    nr_outputs_drop(ctx);
}

/* A second name for the file at path (a hard link beside it), so a failed
   commit can put it back; NULL when the file system has no hard links or
   memory ran out: that file then cannot be restored. */
static char *keep_old(const char *path)
{
    char *b = temp_name(path);
    if (!b)
        return NULL;
    int fd = mkostemp(b, O_CLOEXEC);
    if (fd >= 0) {
        close(fd);
        unlink(b);  /* link() wants the name free; it stays ours in practice */
        if (link(path, b) == 0)
            return b;
    }
    free(b);
    return NULL;
}

nr_status nr_outputs_commit(nr_ctx *ctx)
{
    size_t n = ctx->npending;
    nr_status s = NR_OK;
    char **old = calloc(n ? n : 1, sizeof *old);
    unsigned char *existed = calloc(n ? n : 1, 1);
    if (!old || !existed)
        s = nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    else if (atomic_load(&ctx->cancelled))
        s = nr_fail(ctx, NR_ERR_CANCELLED, "cancelled");
    for (size_t i = 0; s == NR_OK && i < n; i++) {
        struct stat st;
        existed[i] = lstat(ctx->pending[i].path, &st) == 0;
        if (existed[i] && S_ISREG(st.st_mode))
            old[i] = keep_old(ctx->pending[i].path);
    }
    size_t done = 0;
    for (; s == NR_OK && done < n; done++) {
        nr_pending_out *p = &ctx->pending[done];
        if (rename(p->tmp, p->path) != 0) {
            s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot rename into '%s': %s", p->path,
                        strerror(errno));
            break;
        }
        free(p->tmp);
        p->tmp = NULL;
    }
    /* one rename failed: the files replaced before it go back */
    for (size_t i = done; s != NR_OK && i-- > 0;) {
        const char *path = ctx->pending[i].path;
        if (old[i] && rename(old[i], path) == 0) {
            free(old[i]);
            old[i] = NULL;
        } else if (!existed[i]) {
            unlink(path);
        }
    }
    for (size_t i = 0; old && i < n; i++) {
        if (old[i])
            unlink(old[i]);
        free(old[i]);
    }
    free(old);
    free(existed);
    nr_outputs_drop(ctx);
    return s;
}
