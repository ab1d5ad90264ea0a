/* batch_books.c - see batch_books.h. */
#include "batch_books.h"
#include "cli.h"
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
    const char *name;
    unsigned bit;
    const char *suffix;     /* of the book's name in OUT_DIR */
    nr_out_format fmt;
} kinds[] = {
    {"epub", NB_BOOK_EPUB, ".epub", NR_OUT_EPUB},
    {"daisy", NB_BOOK_DAISY, ".daisy", NR_OUT_DAISY},
};
#define NKINDS (sizeof kinds / sizeof *kinds)

int nb_books_parse(const char *list, unsigned *books, const char **why)
{
    static const char expected[] = "expected formats among mp3, epub and daisy, like \"mp3, epub\"";
    unsigned b = 0;
    int named = 0;
    for (const char *p = list + strspn(list, ", \t"); *p; p += strspn(p, ", \t")) {
        size_t n = strcspn(p, ", \t");
        size_t k = 0;
        while (k < NKINDS && !(strlen(kinds[k].name) == n && strncmp(p, kinds[k].name, n) == 0))
            k++;
        if (k < NKINDS)
            b |= kinds[k].bit;
        else if (!(n == 3 && strncmp(p, "mp3", 3) == 0)) {   /* mp3: always written */
            *why = expected;
            return -1;
        }
        named = 1;
        p += n;
    }
    if (!named) {
        *why = expected;
        return -1;
    }
    *books = b;
    return 0;
}

static char *book_path(const char *out_dir, const char *slug, const char *suffix)
{
    size_t n = strlen(slug) + strlen(suffix) + 1;
    char *name = malloc(n);
    if (!name)
        return NULL;
    snprintf(name, n, "%s%s", slug, suffix);
    char *p = cli_path(out_dir, name);
    free(name);
    return p;
}

int nb_books_present(const char *out_dir, const char *slug, unsigned books)
{
    for (size_t k = 0; k < NKINDS; k++) {
        if (!(books & kinds[k].bit))
            continue;
        char *p = book_path(out_dir, slug, kinds[k].suffix);
        struct stat st;
        int ok = p && stat(p, &st) == 0;
        if (ok && kinds[k].fmt == NR_OUT_DAISY) {
            char *ncc = cli_path(p, "ncc.html");
            ok = ncc && access(ncc, R_OK) == 0;
            free(ncc);
        }
        free(p);
        if (!ok)
            return 0;
    }
    return 1;
}

nr_status nb_books_write(nr_ctx *ctx, const char *out_dir, const char *slug,
                         const char *audio, unsigned books)
{
    char *mp3 = cli_path(out_dir, audio);
    nr_status s = mp3 ? NR_OK : NR_ERR_NOMEM;
    for (size_t k = 0; k < NKINDS && s == NR_OK; k++) {
        if (!(books & kinds[k].bit))
            continue;
        char *p = book_path(out_dir, slug, kinds[k].suffix);
        s = p ? nr_write_book(ctx, p, kinds[k].fmt, mp3) : NR_ERR_NOMEM;
        free(p);
    }
    free(mp3);
    return s;
}

/* Removes the directory dir and the files in it (a DAISY fileset is flat). */
static void remove_flat_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            (void)unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
    if (rmdir(dir) != 0 && errno != ENOENT)
        cli_msg(1, "warning: cannot remove '%s': %s", dir, strerror(errno));
}

void nb_books_remove(const char *out_dir, const char *slug)
{
    for (size_t k = 0; k < NKINDS; k++) {
        char *p = book_path(out_dir, slug, kinds[k].suffix);
        if (!p)
            continue;
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_flat_dir(p);
        else if (unlink(p) != 0 && errno != ENOENT)
            cli_msg(1, "warning: cannot remove '%s': %s", p, strerror(errno));
        free(p);
    }
}

/* ".NAME.epub.XXXXXX" (a file, outfile.c) or ".NAME.daisy.XXXXXX" and
   ".NAME.daisy.XXXXXX.old" (directories, book.c). */
static int is_stale_book(const char *name)
{
    size_t n = strlen(name);
    if (name[0] != '.')
        return 0;
    if (n > 4 && strcmp(name + n - 4, ".old") == 0)
        n -= 4;
    if (n < 9 || name[n - 7] != '.')
        return 0;
    for (size_t k = 0; k < NKINDS; k++) {
        size_t s = strlen(kinds[k].suffix);
        if (n - 7 >= s + 1 && memcmp(name + n - 7 - s, kinds[k].suffix, s) == 0)
            return 1;
    }
    return 0;
}

void nb_books_remove_stale(const char *out_dir)
{
    DIR *d = opendir(out_dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_stale_book(e->d_name))
            continue;
        char *p = cli_path(out_dir, e->d_name);
        struct stat st;
        if (p && lstat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                remove_flat_dir(p);
            else
                (void)unlink(p);
            cli_msg(2, "removed '%s' left by an interrupted run", p);
        }
        free(p);
    }
    closedir(d);
}
