/*
 * book_api.c - the talking books through the public API, as an embedding
 * program uses them (tests/suites/epub.sh runs it):
 *
 *   book_api ARTICLE DIR
 *
 * nr_render_file with NR_OUT_EPUB (and from the .epub extension), then a
 * book from an MP3 render without synthesizing again (nr_write_book, EPUB
 * and DAISY), refused for any other MP3 than the last render's, for a
 * descriptor, and before any render.  Writes DIR/api.epub, DIR/api.mp3,
 * DIR/api-from-mp3.epub and DIR/api-daisy/.  Last line "N passed, M failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrate.h"

static int passed, failed;

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (ok)
        passed++;
    else
        failed++;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    if (d && fread(d, 1, (size_t)n, f) != (size_t)n) {
        free(d);
        d = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return d;
}

static int copy(const char *from, const char *to)
{
    size_t n;
    char *d = slurp(from, &n);
    FILE *f = d ? fopen(to, "wb") : NULL;
    int ok = f && fwrite(d, 1, n, f) == n;
    if (f)
        ok &= fclose(f) == 0;
    free(d);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: book_api ARTICLE DIR\n");
        return 2;
    }
    char p[4][1024];
    snprintf(p[0], sizeof p[0], "%s/api.epub", argv[2]);
    snprintf(p[1], sizeof p[1], "%s/api.mp3", argv[2]);
    snprintf(p[2], sizeof p[2], "%s/api-from-mp3.epub", argv[2]);
    snprintf(p[3], sizeof p[3], "%s/api-daisy", argv[2]);
    size_t len;
    char *text = slurp(argv[1], &len);
    nr_ctx *ctx = nr_new();
    if (!text || !ctx || nr_set_voice(ctx, "kal16") != NR_OK || nr_load(ctx, text, len, argv[1]) != NR_OK) {
        fprintf(stderr, "book_api: cannot load %s\n", argv[1]);
        return 1;
    }
    check(nr_write_book(ctx, p[2], NR_OUT_EPUB, p[1]) == NR_ERR_STATE,
          "nr_write_book before any render: NR_ERR_STATE");
    check(nr_render_fd(ctx, 1, NR_OUT_EPUB) == NR_ERR_ARG,
          "nr_render_fd with NR_OUT_EPUB: NR_ERR_ARG (a book needs a file name)");
    check(nr_render_file(ctx, p[0], NR_OUT_AUTO) == NR_OK, "nr_render_file: .epub from the extension");
    check(nr_write_book(ctx, p[2], NR_OUT_EPUB, p[0]) == NR_ERR_STATE,
          "nr_write_book after an EPUB render: no MP3 of it to use");
    check(nr_render_file(ctx, p[1], NR_OUT_MP3) == NR_OK, "nr_render_file: MP3");
    check(nr_write_book(ctx, p[2], NR_OUT_AUTO, p[1]) == NR_OK,
          "nr_write_book: EPUB from the MP3 just rendered");
    check(nr_write_book(ctx, p[3], NR_OUT_DAISY, p[1]) == NR_OK,
          "nr_write_book: DAISY from the same MP3");
    char other[1100];
    snprintf(other, sizeof other, "%s.copy.mp3", p[1]);
    check(copy(p[1], other), "a copy of the MP3");
    check(nr_write_book(ctx, p[2], NR_OUT_EPUB, other) == NR_ERR_STATE,
          "nr_write_book with another MP3 than the render's: NR_ERR_STATE");
    check(strstr(nr_errmsg(ctx), "not the MP3") != NULL, "  and it says so");
    check(nr_write_book(ctx, p[1], NR_OUT_AUTO, p[1]) == NR_ERR_ARG,
          "nr_write_book to a name that is no book: NR_ERR_ARG");
    nr_free(ctx);
    free(text);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
