/*
 * readers.h - the input readers and their registration table.
 *
 * A reader does only the format-specific part: it cuts its input into
 * candidate blocks (doc.h) and fills whatever metadata its markup states
 * outright.  The judgement that does not depend on the format (structure.c)
 * runs afterwards.  Adding a reader: write its read function in a file of
 * its own, add a row to the table in readers.c (extensions, and a sniff if
 * its content can be recognised), and give it golden articles.
 */
#ifndef NR_ARTICLE_READERS_H
#define NR_ARTICLE_READERS_H

#include "article/doc.h"

typedef struct nr_reader {
    nr_input_format format;
    const char *name;                 /* "text", "markdown", "html" */
    const char *const *extensions;    /* lower case, no dot; NULL-ended */
    /* 1 when the content (leading white space skipped) is surely this
       format; NULL for the fallback reader */
    int (*sniff)(const char *s, size_t n);
    /* 0, or -1 out of memory */
    int (*read)(nr_doc *d);
} nr_reader;

/* The readers in sniffing order; the last one (plain text) takes anything.
   *n gets the number of rows. */
const nr_reader *nr_readers(size_t *n);
/* The reader for a format, a name ("html") or a file name's extension;
   NULL when none matches. */
const nr_reader *nr_reader_for_format(nr_input_format f);
const nr_reader *nr_reader_by_name(const char *name);
const nr_reader *nr_reader_by_filename(const char *path);
/* The reader whose sniff recognises the content; plain text otherwise. */
const nr_reader *nr_reader_sniff(const char *s, size_t n);

/* Shared by the HTML and Markdown readers: */
/* Decodes an HTML character reference at s[i] ('&'): writes the UTF-8 into
   out (up to 8 bytes), sets *outlen, returns the bytes consumed or 0. */
size_t nr_entity_at(const char *s, size_t n, size_t i, char out[8],
                    size_t *outlen);

int nr_read_text(nr_doc *d);
int nr_read_markdown(nr_doc *d);
int nr_read_html(nr_doc *d);

#endif
