/* buf.c - see buf.h. */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void nr_buf_init(nr_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : SIZE_MAX / 2;
}

int nr_buf_reserve(nr_buf *b, size_t n)
{
    if (n > b->max || b->len > b->max - n)
        return NR_BUF_TOOBIG;
    size_t need = b->len + n + 1; /* +1 keeps room for the NUL */
    if (need <= b->cap)
        return NR_BUF_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 4 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return NR_BUF_NOMEM;
    b->data = p;
    b->cap = cap;
    return NR_BUF_OK;
}

int nr_buf_append(nr_buf *b, const void *p, size_t n)
{
    int rc = nr_buf_reserve(b, n);
    if (rc != NR_BUF_OK)
        return rc;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return NR_BUF_OK;
}

int nr_buf_puts(nr_buf *b, const char *s)
{
    return nr_buf_append(b, s, strlen(s));
}

int nr_buf_putc(nr_buf *b, char c)
{
    return nr_buf_append(b, &c, 1);
}

void nr_buf_reset(nr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void nr_buf_truncate(nr_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

char *nr_buf_steal(nr_buf *b)
{
    char *p = b->data;
    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void nr_buf_free(nr_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
