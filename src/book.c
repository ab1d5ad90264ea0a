/*
 * book.c - talking books from a render: EPUB 3 with Media Overlays and
 * DAISY 2.02 (book/book.h).  The entry points: nr_render_file hands the
 * book formats to nr_render_book, which renders the MP3 and builds the
 * book around it; nr_write_book builds one around the MP3 an earlier
 * render wrote (batch: one synthesis for the episode and its books).
 *
 * Both outputs are atomic like every other.  An EPUB goes through
 * nr_with_output_file (temporary file beside it, renamed on success); its
 * parts are made in a scratch directory in $TMPDIR, like the loudness
 * spool, and removed whatever happens.  A DAISY fileset is a directory: it
 * is made as a hidden directory beside the target and renamed into place
 * whole, so a failure leaves no half book and a reader never sees one.
 */
#include "nr_private.h"
#include "audio/formats.h"
#include "audio/sink.h"
#include "book/book.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- what the book says about itself ---- */

static void fnv1a(uint64_t *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        *h = (*h ^ p[i]) * 0x100000001b3ull;
}

/* A UUID made from the title and the article's text: the same article
   makes the same book (a reading system then keeps its place in it), a
   different one another.  Two FNV-1a hashes with different seeds give the
   128 bits; version 8 (RFC 9562: made by the application's own scheme). */
static void make_identifier(const nr_ctx *ctx, const char *title, char out[48])
{
    uint64_t h[2] = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};
    for (int k = 0; k < 2; k++) {
        fnv1a(&h[k], title, strlen(title) + 1);
        fnv1a(&h[k], ctx->text, ctx->text_len);
    }
    unsigned char u[16];
    for (int i = 0; i < 8; i++) {
        u[i] = (unsigned char)(h[0] >> (56 - 8 * i));
        u[8 + i] = (unsigned char)(h[1] >> (56 - 8 * i));
    }
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x80);   /* version 8 */
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);   /* RFC variant */
    char *p = out + sprintf(out, "urn:uuid:");
    for (int i = 0; i < 16; i++)
        p += sprintf(p, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", u[i]);
}

/* When the book was made: SOURCE_DATE_EPOCH when set (reproducible
   builds: the same input then makes the same bytes), else now. */
static time_t build_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s && *s) {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (!errno && !*end && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

static int is_iso_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

typedef struct book_src {
    nr_book b;
    char generator[32];
    char narrator[64];
} book_src;

/* The voice's name: a built-in's, or a voice file's without directory
   and extension. */
static void voice_label(const char *voice, char *out, size_t n)
{
    const char *base = strrchr(voice, '/');
    base = base ? base + 1 : voice;
    size_t len = strlen(base);
    if (len > 9 && strcmp(base + len - 9, ".flitevox") == 0)
        len -= 9;
    snprintf(out, n, "%.*s (Flite, synthetic voice)", (int)len, base);
}

static nr_status book_fill(nr_ctx *ctx, book_src *s, const char *mp3)
{
    const nr_article *a = ctx->article;
    nr_book *b = &s->b;
    memset(s, 0, sizeof *s);
    b->title = ctx->plan.chapter_titles[0];
    /* the byline and date exactly as the introduction speaks them (plan.c) */
    b->author = ctx->meta[NR_META_AUTHOR] ? ctx->meta[NR_META_AUTHOR] : a->byline;
    b->date = a->date;
    b->date_iso = is_iso_date(ctx->meta[NR_META_DATE]) ? ctx->meta[NR_META_DATE] : a->date_iso;
    b->description = nr_get_meta(ctx, NR_META_DESCRIPTION);
    b->publisher = ctx->meta[NR_META_ALBUM];
    switch (nr_norm_get_locale(ctx->norm)) {
    case NR_LOCALE_GB: b->language = "en-GB"; break;
    case NR_LOCALE_US: b->language = "en-US"; break;
    default: b->language = "en"; break;
    }
    snprintf(s->generator, sizeof s->generator, "narrate %s", nr_version());
    b->generator = s->generator;
    voice_label(ctx->voice_name, s->narrator, sizeof s->narrator);
    b->narrator = s->narrator;
    make_identifier(ctx, b->title ? b->title : "", b->identifier);
    b->modified_t = build_time();
    struct tm tm;
    gmtime_r(&b->modified_t, &tm);
    strftime(b->modified, sizeof b->modified, "%Y-%m-%dT%H:%M:%SZ", &tm);
    b->cover = ctx->cover;
    b->cover_len = ctx->cover_len;
    b->cover_mime = ctx->cover_mime;
    b->article = a;
    b->plan = &ctx->plan;
    b->cues = ctx->cues;
    b->ncues = ctx->ncues;
    b->duration_ms = ctx->duration_ms;
    b->audio_path = mp3;
    if (ctx->ncues == 0)
        return nr_fail(ctx, NR_ERR_EMPTY, "the article produced no speech");
    if (nr_book_init(b) != 0)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    return NR_OK;
}

/* ---- files ---- */

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Removes dir and the files in it (the directories made here are flat). */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                (void)unlinkat(dirfd(d), e->d_name, 0);
        closedir(d);
    }
    (void)rmdir(dir);
}

/* Renders the loaded article to a new MP3 file at path. */
static nr_status render_mp3(nr_ctx *ctx, const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return nr_fail(ctx, NR_ERR_OUTPUT, "cannot create '%s': %s", path, strerror(errno));
    nr_status s = nr_render_to(ctx, fd, 1, NR_OUT_MP3);
    if (close(fd) != 0 && s == NR_OK)
        s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", path, strerror(errno));
    return s;
}

/* Copies the file src to fd (or to a new file dst when fd < 0). */
static int copy_file(const char *src, int fd, const char *dst)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return errno;
    int out = fd >= 0 ? fd : open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    int e = out < 0 ? errno : 0;
    char buf[1 << 16];
    while (!e) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            e = errno;
        if (n <= 0)
            break;
        if (nr_write_all(out, buf, (size_t)n) != 0)
            e = errno;
    }
    close(in);
    if (fd < 0 && out >= 0) {
        if (!e && fsync(out) != 0)
            e = errno;
        if (close(out) != 0 && !e)
            e = errno;
    }
    return e;
}

/* ---- EPUB ---- */

typedef struct epub_job {
    const char *mp3;    /* the MP3 of the last render; NULL: render it */
} epub_job;

/* nr_with_output_file's writer: the parts in a scratch directory, zipped
   there, the archive copied to fd. */
static nr_status epub_out(nr_ctx *ctx, int fd, int seekable, void *arg)
{
    (void)seekable;
    const epub_job *j = arg;
    const char *tmpdir = getenv("TMPDIR");
    char *work = join(tmpdir && *tmpdir ? tmpdir : "/tmp", "narrate-book.XXXXXX");
    if (!work)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    if (!mkdtemp(work)) {
        nr_status s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot create a scratch directory in '%s': %s",
                              tmpdir && *tmpdir ? tmpdir : "/tmp", strerror(errno));
        free(work);
        return s;
    }
    char *mp3 = j->mp3 ? strdup(j->mp3) : join(work, "audio.mp3");
    char *zip = join(work, "book.epub");
    nr_status s = mp3 && zip ? NR_OK : nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    if (s == NR_OK && !j->mp3)
        s = render_mp3(ctx, mp3);
    book_src src;
    int filled = 0;
    if (s == NR_OK && (s = book_fill(ctx, &src, mp3)) == NR_OK)
        filled = 1;
    if (s == NR_OK) {
        char err[512] = "";
        int e = nr_epub_write(&src.b, work, zip, err, sizeof err);
        if (e)
            s = nr_fail(ctx, e == ENOMEM ? NR_ERR_NOMEM : NR_ERR_OUTPUT, "cannot write '%s': %s",
                        ctx->out_name, err);
    }
    if (s == NR_OK) {
        int e = copy_file(zip, fd, NULL);
        if (e)
            s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot write '%s': %s", ctx->out_name, strerror(e));
    }
    if (filled)
        nr_book_release(&src.b);
    remove_dir(work);
    free(work);
    free(mp3);
    free(zip);
    return s;
}

/* ---- DAISY ---- */

/* An existing path DAISY may replace: an empty directory, or one that
   holds ncc.html and no subdirectory (a fileset narrate or another
   producer made).  Anything else might be the user's: refused. */
static int replaceable(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int entries = 0, ncc = 0, subdir = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        entries++;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            subdir = 1;
        if (strcasecmp(e->d_name, "ncc.html") == 0)
            ncc = 1;
    }
    closedir(d);
    return entries == 0 || (ncc && !subdir);
}

static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = fsync(fd) != 0 ? errno : 0;
    close(fd);
    return e;
}

/* Moves the finished fileset tmp to path.  An existing one is swapped out
   in one step (renameat2 RENAME_EXCHANGE), so path always names a whole
   book, then removed. */
static int put_in_place(const char *tmp, const char *path, int exists)
{
    if (!exists)
        return rename(tmp, path) == 0 ? 0 : errno;
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            return errno;
        /* a file system without the exchange: the old one steps aside */
        size_t n = strlen(tmp) + 8;
        char *old = malloc(n);
        if (!old)
            return ENOMEM;
        snprintf(old, n, "%s.old", tmp);
        int e = rename(path, old) == 0 ? 0 : errno;
        if (!e && rename(tmp, path) != 0) {
            e = errno;
            (void)rename(old, path);
        }
        if (!e)
            remove_dir(old);
        free(old);
        return e;
    }
    remove_dir(tmp);   /* now the old fileset */
    return 0;
}

static nr_status daisy_out(nr_ctx *ctx, const char *path, const char *from_mp3)
{
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISDIR(st.st_mode))
        return nr_fail(ctx, NR_ERR_OUTPUT, "cannot write the DAISY book '%s': it exists and "
                       "is not a directory", path);
    if (exists && !replaceable(path))
        return nr_fail(ctx, NR_ERR_OUTPUT, "cannot write the DAISY book '%s': the directory "
                       "holds other files (an empty one or an earlier DAISY book is replaced)",
                       path);

    /* DIR/.BASE.XXXXXX beside the target: the same file system */
    size_t plen = strlen(path);
    while (plen > 1 && path[plen - 1] == '/')
        plen--;
    const char *slash = memrchr(path, '/', plen);
    size_t dlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    size_t blen = plen - (size_t)(base - path);
    size_t n = plen + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    snprintf(tmp, n, "%.*s%s.%.*s.XXXXXX", (int)dlen, path, slash ? "/" : "",
             (int)blen, base);
    if (!mkdtemp(tmp)) {
        nr_status s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot create '%s': %s", path, strerror(errno));
        free(tmp);
        return s;
    }
    mode_t mask = umask(0);
    umask(mask);
    (void)chmod(tmp, exists ? (st.st_mode & 07777) : (0777 & ~mask));

    const char *audio_name = "audio.mp3";
    char *mp3 = join(tmp, audio_name);
    nr_status s = mp3 ? NR_OK : nr_fail(ctx, NR_ERR_NOMEM, "out of memory");
    const char *saved = ctx->out_name;
    ctx->out_name = path;
    if (s == NR_OK && !from_mp3)
        s = render_mp3(ctx, mp3);
    else if (s == NR_OK && link(from_mp3, mp3) != 0) {
        int e = copy_file(from_mp3, -1, mp3);   /* another file system */
        if (e)
            s = nr_fail(ctx, NR_ERR_OUTPUT, "cannot copy '%s' into '%s': %s", from_mp3, path,
                        strerror(e));
    }
    book_src src;
    int filled = 0;
    if (s == NR_OK && (s = book_fill(ctx, &src, mp3)) == NR_OK)
        filled = 1;
    if (s == NR_OK) {
        char err[512] = "";
        int e = nr_daisy_write(&src.b, tmp, audio_name, err, sizeof err);
        if (!e && (e = sync_dir(tmp)) != 0)
            snprintf(err, sizeof err, "%s", strerror(e));
        if (!e && (e = put_in_place(tmp, path, exists)) != 0)
            snprintf(err, sizeof err, "cannot rename it into place: %s", strerror(e));
        if (e)
            s = nr_fail(ctx, e == ENOMEM ? NR_ERR_NOMEM : NR_ERR_OUTPUT,
                        "cannot write the DAISY book '%s': %s", path, err);
        else {
            char *parent = dlen ? strndup(path, dlen) : strdup(slash ? "/" : ".");
            if (parent)
                (void)sync_dir(parent);   /* the rename durable too */
            free(parent);
        }
    }
    if (filled)
        nr_book_release(&src.b);
    if (s != NR_OK)
        remove_dir(tmp);
    ctx->out_name = saved;
    free(mp3);
    free(tmp);
    return s;
}

/* ---- entry points ---- */

nr_status nr_render_book(nr_ctx *ctx, const char *path, nr_out_format fmt)
{
    if (fmt == NR_OUT_DAISY)
        return daisy_out(ctx, path, NULL);
    epub_job j = {NULL};
    return nr_with_output_file(ctx, path, epub_out, &j);
}

void nr_note_audio(nr_ctx *ctx, const char *path)
{
    struct stat st;
    ctx->audio_file.set = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (ctx->audio_file.set) {
        ctx->audio_file.dev = st.st_dev;
        ctx->audio_file.ino = st.st_ino;
        ctx->audio_file.size = st.st_size;
    }
}

nr_status nr_write_book(nr_ctx *ctx, const char *path, nr_out_format fmt,
                        const char *mp3_path)
{
    if (!path || !*path || !mp3_path || !*mp3_path)
        return nr_fail(ctx, NR_ERR_ARG, "no book or MP3 file name");
    if (!ctx->article || !ctx->chapter_times)
        return nr_fail(ctx, NR_ERR_STATE, "no render to make a book of");
    if (fmt == NR_OUT_AUTO)
        fmt = nr_out_format_from_path(path);
    const nr_format *f = nr_format_get(fmt);
    if (!f || !f->book)
        return nr_fail(ctx, NR_ERR_ARG, "'%s' is not a talking book (epub or daisy)", path);
    /* the book's clips are the last render's times: only its MP3 fits */
    struct stat st;
    if (!ctx->audio_file.set || stat(mp3_path, &st) != 0 || st.st_dev != ctx->audio_file.dev ||
        st.st_ino != ctx->audio_file.ino || st.st_size != ctx->audio_file.size)
        return nr_fail(ctx, NR_ERR_STATE, "'%s' is not the MP3 the last render wrote", mp3_path);
    if (fmt == NR_OUT_DAISY)
        return daisy_out(ctx, path, mp3_path);
    epub_job j = {mp3_path};
    return nr_with_output_file(ctx, path, epub_out, &j);
}
