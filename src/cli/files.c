/*
 * files.c - the command's file-system helpers (see files.h).
 *
 * cli_write_atomic is the command's one writer: every file batch and feed
 * produce (sidecars, feed.xml, the report) goes through it: temporary name
 * in the target's directory, fsync, rename, fsync of the directory.  A
 * crash leaves either the old file or the new one, and at worst a stray
 * temporary file that the next run holding the exclusive lock removes
 * (cli_remove_stale_temps).  The audio and chapters files are the
 * library's to write (nr_render_file, nr_write_chapters_json, through
 * src/outfile.c); batch writes an episode's sidecar after them, into the
 * same directory, so the sidecar's directory fsync makes their renames
 * durable too before the feed can name them.
 *
 * Why not the library's internal writer (nr_with_output_file) for
 * everything: it needs an nr_ctx and reports through nr_errmsg, where the
 * feed writers have neither and report an errno; it follows different
 * rules on purpose (it keeps a replaced file's mode and writes devices and
 * FIFOs in place, right for `-o /dev/null`, wrong for feed.xml); and it is
 * behind nr_private.h, which the command does not include: the command
 * stays a client of the public narrate.h.
 */
#include "files.h"
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

char *cli_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t k = a;
    if (k == 0 || p[k - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

int cli_read_fd(int fd, char **data, size_t *len)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return errno;
    if (S_ISDIR(st.st_mode))
        return EISDIR;
    /* a regular file says its size: one allocation, with a spare byte for
       the read that finds the end; pipes and devices grow a buffer */
    size_t cap = (size_t)1 << 16, n = 0;
    if (S_ISREG(st.st_mode)) {
        if ((uint64_t)st.st_size > CLI_MAX_READ)
            return EFBIG;
        cap = (size_t)st.st_size + 1;
    }
    char *buf = malloc(cap + 1);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap > CLI_MAX_READ) {
                free(buf);
                return EFBIG;
            }
            size_t grown = cap > CLI_MAX_READ / 2 ? CLI_MAX_READ + 1 : cap * 2;
            char *b = realloc(buf, grown + 1);
            if (!b) {
                free(buf);
                return ENOMEM;
            }
            buf = b;
            cap = grown;
        }
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int cli_read_file(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = cli_read_fd(fd, data, len);
    close(fd);
    return e;
}

/* fsync on the directory makes its entries durable: the rename just done,
   and any earlier one into the same directory.  Best effort: some file
   systems refuse to fsync a directory, and the file itself is safe. */
static void sync_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = NULL;
    if (slash && slash > path) {
        size_t n = (size_t)(slash - path);
        if (!(dir = malloc(n + 1)))
            return;
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    int fd = open(dir ? dir : slash ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

int cli_write_atomic(const char *path, const void *data, size_t len)
{
    /* DIR/.BASE.XXXXXX: same directory, so rename() is atomic; hidden, and
       named so cli_remove_stale_temps knows it */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return ENOMEM;
    snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)(base - path), path, base);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    /* mkstemp makes 0600; published files are world-readable like creat() */
    mode_t um = umask(0);
    umask(um);
    (void)fchmod(fd, 0666 & ~um);
    int e = 0;
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t k = write(fd, p, left);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            e = errno;
            break;
        }
        p += k;
        left -= (size_t)k;
    }
    /* fsync before rename: otherwise a power cut may leave the new name
       pointing at an empty file on some file systems */
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e)
        unlink(tmp);
    else
        sync_dir_of(path);
    free(tmp);
    return e;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void cli_free_list(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The one directory lister: the names of dir's entries that keep(d, dir,
   name, ud) accepts, sorted.  d is the open directory, for fstatat. */
typedef int keep_fn(DIR *d, const char *dir, const char *name, void *ud);

static int list_entries(const char *dir, keep_fn *keep, void *ud, char ***names,
                        size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    char **v = NULL;
    size_t k = 0, cap = 0;
    int e = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!keep(d, dir, de->d_name, ud))
            continue;
        if (k == cap) {
            cap = cap ? cap * 2 : 32;
            char **nv = realloc(v, cap * sizeof *v);
            if (!nv) {
                e = ENOMEM;
                break;
            }
            v = nv;
        }
        if (!(v[k] = cli_strdup(de->d_name))) {
            e = ENOMEM;
            break;
        }
        k++;
    }
    closedir(d);
    if (e) {
        cli_free_list(v, k);
        return e;
    }
    if (k)
        qsort(v, k, sizeof *v, cmp_str);
    *names = v;
    *n = k;
    return 0;
}

static int keep_by_name(DIR *d, const char *dir, const char *name, void *ud)
{
    (void)d;
    (void)dir;
    int (*keep)(const char *) = *(int (**)(const char *))ud;
    return keep(name);
}

int cli_list_dir(const char *dir, int (*keep)(const char *name),
                char ***names, size_t *n)
{
    return list_entries(dir, keep_by_name, &keep, names, n);
}

/* ---- the articles of a batch folder ---- */

static int is_article_name(const char *name)
{
    if (name[0] == '.')
        return 0;  /* hidden files and editors' temporaries */
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    static const char *const ext[] = {".txt", ".md", ".markdown", ".html", ".htm"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return 1;
    return 0;
}

const char *cli_file_kind(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFSOCK: return "a socket";
    case S_IFCHR: case S_IFBLK: return "a device";
    case S_IFLNK: return "a symbolic link";
    default: return "not a regular file";
    }
}

/* Whether the entry name in the open directory d is an article; says why
   not when it has an article's name. */
static int article_entry(DIR *d, const char *dir, const char *name, int follow)
{
    struct stat st;
    const char *why = NULL, *kind = NULL;
    int err = 0;
    if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        err = errno;
    else if (S_ISLNK(st.st_mode) && !follow)
        why = "is a symbolic link; skipped (follow_symlinks = true in the "
              "configuration follows links)";
    else if (S_ISLNK(st.st_mode) && fstatat(dirfd(d), name, &st, 0) != 0)
        why = "is a symbolic link to nothing; skipped";
    else if (!S_ISREG(st.st_mode))
        kind = cli_file_kind(st.st_mode);
    if (!err && !why && !kind)
        return 1;
    char *p = cli_path(dir, name);
    const char *shown = p ? p : name;
    if (err)
        cli_msg(1, "warning: cannot read '%s': %s; skipped", shown, strerror(err));
    else if (why)
        cli_msg(1, "warning: '%s' %s", shown, why);
    else
        cli_msg(1, "warning: '%s' is %s, not a regular file; skipped", shown, kind);
    free(p);
    return 0;
}

static int keep_article(DIR *d, const char *dir, const char *name, void *ud)
{
    return is_article_name(name) && article_entry(d, dir, name, *(int *)ud);
}

int cli_list_articles(const char *dir, int follow, char ***names, size_t *n)
{
    return list_entries(dir, keep_article, &follow, names, n);
}

int cli_read_article(const char *path, int follow, char **data, size_t *len,
                     const char **kind)
{
    *kind = NULL;
    /* O_NONBLOCK: a FIFO put in place of the file since the listing must
       not stop the run waiting for a writer */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0) {
        if (errno == ELOOP && !follow) {
            *kind = "a symbolic link";
            return EINVAL;
        }
        return errno;
    }
    struct stat st;
    int e = 0;
    if (fstat(fd, &st) != 0)
        e = errno;
    else if (!S_ISREG(st.st_mode)) {
        *kind = cli_file_kind(st.st_mode);
        e = EINVAL;
    } else {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        e = cli_read_fd(fd, data, len);
    }
    close(fd);
    return e;
}

int cli_list_has(char **names, size_t n, const char *name)
{
    return n && bsearch(&name, names, n, sizeof *names, cmp_str) != NULL;
}

/* .NAME.EXT.XXXXXX for the kinds of file batch writes */
static int is_stale_temp(const char *name)
{
    size_t n = strlen(name);
    if (name[0] != '.' || n < 9 || name[n - 7] != '.')
        return 0;
    static const char *const kinds[] = {".mp3", ".json", ".xml", ".vtt"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t k = strlen(kinds[i]);
        if (n - 7 >= k + 1 && memcmp(name + n - 7 - k, kinds[i], k) == 0)
            return 1;
    }
    return 0;
}

void cli_remove_stale_temps(const char *dir)
{
    char **v;
    size_t n;
    if (cli_list_dir(dir, is_stale_temp, &v, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        char *p = cli_path(dir, v[i]);
        if (p && unlink(p) == 0)
            cli_msg(2, "removed '%s' left by an interrupted run", p);
        free(p);
    }
    cli_free_list(v, n);
}
