/*
 * parse.c - nr_article_parse: picks a reader (from the options, the file
 * name's extension, else a sniff of the content), compiles the user's
 * keep/drop patterns, runs the reader and the judgement passes, and hands
 * the document to doc.c to become an nr_article.
 */
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "article/readers.h"

static nr_article_status compile_all(const char *const *pat, size_t n,
                                     regex_t **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (!n)
        return NR_ARTICLE_OK;
    if (!pat)
        return NR_ARTICLE_BADPATTERN;
    regex_t *r = calloc(n, sizeof *r);
    if (!r)
        return NR_ARTICLE_NOMEM;
    *out = r;
    for (size_t i = 0; i < n; i++) {
        if (!pat[i] || regcomp(&r[i], pat[i],
                               REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0)
            return NR_ARTICLE_BADPATTERN;
        (*nout)++;
    }
    return NR_ARTICLE_OK;
}

/* Control characters other than white space (and NUL, which we treat as
   white space) in more than one byte in ten of the opening 4 KB: this is
   not text at all. */
static int looks_binary(const char *s, size_t n)
{
    size_t m = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' &&
             c != '\f' && c != '\v') || c == 0x7F)
            bad++;
    }
    return m > 0 && bad * 10 > m;
}

/* "Hello world", "on 13th May 2014.": an input that is one short line
   (or a few) was taken whole for title, byline or date, leaving nothing
   to read.  Those lines are then the text: they are spoken as written,
   and the header they were taken for is dropped.  Returns the number of
   blocks that gives. */
static size_t header_is_all(nr_doc *d)
{
    size_t blocks = 0;
    for (size_t i = 0; i < d->n; i++) {
        nr_cand *c = &d->u[i];
        if (c->rule || c->role == NR_ROLE_BLOCK)
            continue;
        c->role = NR_ROLE_BLOCK;
        c->kind = NR_BLOCK_PARA;
        blocks++;
    }
    if (blocks) {
        char **slots[] = {&d->title, &d->subtitle, &d->byline, &d->date,
                          &d->date_iso};
        for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
            free(*slots[k]);
            *slots[k] = NULL;
        }
    }
    return blocks;
}

nr_article_status nr_article_parse(const char *src, size_t len,
                                   const nr_article_opts *opts,
                                   nr_article **out)
{
    if (!out)
        return NR_ARTICLE_BADINPUT;
    *out = NULL;
    if (!src && len)
        return NR_ARTICLE_BADINPUT;
    if (!src)
        src = "";
    if (looks_binary(src, len))
        return NR_ARTICLE_BADINPUT;
    nr_doc d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.srclen = len;
    nr_input_format fmt = opts ? opts->format : NR_FORMAT_AUTO;
    d.name = opts ? opts->name : NULL;
    nr_article_status st = NR_ARTICLE_OK;
    if (opts) {
        st = compile_all(opts->keep, opts->nkeep, &d.keep, &d.nkeep);
        if (st == NR_ARTICLE_OK)
            st = compile_all(opts->drop, opts->ndrop, &d.drop, &d.ndrop);
    }
    if (st != NR_ARTICLE_OK) {
        nr_doc_free(&d);
        return st;
    }
    const nr_reader *r = nr_reader_for_format(fmt);
    if (!r)
        r = nr_reader_by_filename(d.name);
    if (!r)
        r = nr_reader_sniff(src, len);
    d.fmt = r->format;
    int rc = r->read(&d);
    if (rc == 0 && !d.nomem) {
        if (opts && opts->plain)
            nr_structure_user(&d);
        else
            nr_structure_run(&d);
    }
    if (d.nomem || rc < 0) {
        nr_doc_free(&d);
        return NR_ARTICLE_NOMEM;
    }
    size_t blocks = 0;
    for (size_t i = 0; i < d.n; i++)
        if (!d.u[i].rule && d.u[i].role == NR_ROLE_BLOCK)
            blocks++;
    if (blocks == 0)
        blocks = header_is_all(&d);
    if (blocks == 0) {
        nr_doc_free(&d);
        return NR_ARTICLE_EMPTY;
    }
    st = nr_doc_finish(&d, out);
    nr_doc_free(&d);
    return st;
}

void nr_article_free(nr_article *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nblocks; i++) {
        free(a->blocks[i].text);
        nr_srcmap_free(&a->blocks[i].src_map);
    }
    free(a->blocks);
    free(a->stripped);
    free(a->title);
    free(a->label);
    free(a->subtitle);
    free(a->byline);
    free(a->date);
    free(a->date_iso);
    free(a);
}

const char *nr_block_kind_name(nr_block_kind k)
{
    switch (k) {
    case NR_BLOCK_PARA: return "para";
    case NR_BLOCK_HEADING: return "heading";
    case NR_BLOCK_ITEM: return "item";
    case NR_BLOCK_QUOTE: return "quote";
    }
    return "para";
}
