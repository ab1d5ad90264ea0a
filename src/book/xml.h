/*
 * xml.h - a streaming XML writer for the talking books (internal).
 *
 * The book writers emit markup as literals and hand every piece of text
 * that came from the article or the user to nr_xml_text / nr_xml_attr, which
 * escape it and make sure nothing XML 1.0 forbids gets through: control
 * characters are dropped (a tab or line break becomes a space), ill-formed
 * UTF-8 becomes U+FFFD, U+FFFE and U+FFFF are dropped.  Output goes straight
 * to a FILE, so a book of any length costs the writer no memory.
 *
 * Errors are sticky: the first failed write sets err (an errno value) and
 * later calls do nothing, so a writer checks once, at the end.
 */
#ifndef NR_BOOK_XML_H
#define NR_BOOK_XML_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct nr_xml {
    FILE *f;
    int err;        /* 0, or the errno of the first failed write */
} nr_xml;

/* Markup, written as it is. */
void nr_xml_raw(nr_xml *x, const char *s);
void nr_xml_fmt(nr_xml *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Character data: & < > escaped. */
void nr_xml_text(nr_xml *x, const char *s, size_t n);
void nr_xml_str(nr_xml *x, const char *s);   /* NUL-terminated; NULL writes nothing */
/* An attribute value (without its quotes): & < > " escaped. */
void nr_xml_attr(nr_xml *x, const char *s);

/* SMIL full clock value, "HH:MM:SS.mmm" (EPUB Media Overlays, media:duration). */
void nr_clock(char out[32], uint64_t ms);
/* SMIL 1.0 normal play time, "npt=12.340s" (DAISY 2.02). */
void nr_npt(char out[32], uint64_t ms);
/* "HH:MM:SS", rounded to the nearest second (DAISY ncc:totalTime). */
void nr_hms(char out[32], uint64_t ms);

#endif
