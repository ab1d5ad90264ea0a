/*
 * buf.h - bounded growable byte buffer (internal, never installed).
 *
 * Every text stage of narrate appends into an nr_buf.  A buffer is given a
 * maximum size when it is initialised so that no input can make a stage grow
 * without limit; an append that would pass it fails with NR_BUF_TOOBIG and
 * leaves the buffer as it was.  The data is always NUL-terminated when
 * len > 0, so it can be handed to C string functions.
 */
#ifndef NR_BUF_H
#define NR_BUF_H

#include <stddef.h>

typedef struct nr_buf {
    char  *data;   /* owned; NULL until the first append */
    size_t len;    /* bytes in use, not counting the terminating NUL */
    size_t cap;    /* bytes allocated */
    size_t max;    /* largest len allowed; 0 means SIZE_MAX/2 */
} nr_buf;

enum { NR_BUF_OK = 0, NR_BUF_NOMEM = -1, NR_BUF_TOOBIG = -2 };

void nr_buf_init(nr_buf *b, size_t max);
/* Appends n bytes.  Returns NR_BUF_OK, NR_BUF_NOMEM or NR_BUF_TOOBIG. */
int  nr_buf_append(nr_buf *b, const void *p, size_t n);
int  nr_buf_puts(nr_buf *b, const char *s);
int  nr_buf_putc(nr_buf *b, char c);
/* Makes room for n more bytes without changing len. */
int  nr_buf_reserve(nr_buf *b, size_t n);
/* Keeps the allocation, forgets the contents. */
void nr_buf_reset(nr_buf *b);
/* Shortens to len bytes (len must not exceed the current length). */
void nr_buf_truncate(nr_buf *b, size_t len);
/* Hands the data to the caller, who frees it with free(); b is reset to empty. */
char *nr_buf_steal(nr_buf *b);
void nr_buf_free(nr_buf *b);

#endif
