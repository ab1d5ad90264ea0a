/*
 * article_dump.c - prints the article model of one input file in the golden
 * ".model" line format (tests/golden/articles/NAME.model), so a reviewer can
 * read what the readers made of an article and the golden suite can diff it.
 *
 *   article_dump [-s] [-m] FILE (-s also lists stripped[] on stderr;
 *                               -m prints Markdown as narrate --extract;
 *                               -a every block and removal in source order)
 *
 * The format comes from the file's extension, as in the narrate program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "nr_private.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (n < cap)
            break;
        cap *= 2;
        char *m = realloc(b, cap);
        if (!m) {
            free(b);
            b = NULL;
        }
        b = m;
    }
    fclose(f);
    *len = n;
    return b;
}

static int write_stdout(void *ud, const void *p, size_t n)
{
    (void)ud;
    return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

/* Every block and every removal in source order, for reading a page's
   extraction line by line. */
static void print_all(const nr_article *art, const char *src)
{
    size_t b = 0, r = 0;
    while (b < art->nblocks || r < art->nstripped) {
        size_t bo = b < art->nblocks ? nr_srcmap_at(&art->blocks[b].src_map, 0) : (size_t)-1;
        size_t ro = r < art->nstripped ? art->stripped[r].src_off : (size_t)-1;
        if (bo <= ro) {
            const nr_block *x = &art->blocks[b++];
            printf("%-16s %.*s\n", nr_block_kind_name(x->kind),
                   x->len > 150 ? 150 : (int)x->len, x->text);
        } else {
            const nr_stripped *x = &art->stripped[r++];
            int n = x->src_len > 150 ? 150 : (int)x->src_len;
            printf("  -%-14s %.*s\n", x->rule, n, src + x->src_off);
        }
    }
}

static void field(const char *name, const char *v)
{
    if (v)
        printf("%s: %s\n", name, v);
}

int main(int argc, char **argv)
{
    int show = 0, md = 0, all = 0, a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        if (!strcmp(argv[a], "-s"))
            show = 1;
        else if (!strcmp(argv[a], "-m"))
            md = 1;
        else if (!strcmp(argv[a], "-a"))
            all = 1;
        else
            break;
    }
    if (a + 1 != argc) {
        fprintf(stderr, "usage: article_dump [-s] [-m] [-a] FILE\n");
        return 2;
    }
    size_t len;
    char *src = slurp(argv[a], &len);
    if (!src) {
        perror(argv[a]);
        return 1;
    }
    /* decoded as narrate decodes (BOM, UTF-16, invalid bytes) */
    char *dec;
    size_t dlen;
    if (nr_decode_text(src, len, &dec, &dlen) != 0) {
        free(src);
        return 1;
    }
    free(src);
    src = dec;
    len = dlen;
    nr_article_opts o = {0};
    o.name = argv[a];
    nr_article *art;
    nr_article_status st = nr_article_parse(src, len, &o, &art);
    if (st != NR_ARTICLE_OK) {
        printf("error: %d\n", (int)st);
        free(src);
        return 1;
    }
    if (all) {
        print_all(art, src);
        nr_article_free(art);
        free(src);
        return 0;
    }
    if (md) {
        nr_article_write_markdown(art, write_stdout, NULL);
        nr_article_free(art);
        free(src);
        return 0;
    }
    field("title", art->title);
    field("subtitle", art->subtitle);
    field("byline", art->byline);
    field("date", art->date);
    field("date_iso", art->date_iso);
    for (size_t i = 0; i < art->nblocks; i++)
        printf("%s: %s\n", nr_block_kind_name(art->blocks[i].kind),
               art->blocks[i].text);
    if (show)
        for (size_t i = 0; i < art->nstripped; i++) {
            const nr_stripped *s = &art->stripped[i];
            int n = s->src_len > 70 ? 70 : (int)s->src_len;
            fprintf(stderr, "stripped %-16s %.*s\n", s->rule, n, src + s->src_off);
        }
    nr_article_free(art);
    free(src);
    return 0;
}
