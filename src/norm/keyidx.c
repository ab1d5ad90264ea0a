/*
 * keyidx.c - a hash index over the keys of a const table (tables.c,
 * dates.c, spelling.c), so a lookup is one probe instead of a scan of
 * every row.  The tables stay plain arrays in the order that decides which
 * row wins; the index only finds the rows whose key equals a token ignoring
 * ASCII case, in that order, and the caller applies its own test (exact
 * case, flags) to those few rows.
 *
 * An index is built once (callers do it under pthread_once) and read-only
 * afterwards, so any number of threads may look up at the same time.
 */
#include "internal.h"

#include <string.h>

_Static_assert((KEYIDX_SLOTS & (KEYIDX_SLOTS - 1)) == 0 && KEYIDX_SLOTS >= 2 * KEYIDX_ROWS,
               "slots: a power of two, at least twice the rows (probes stay short)");

static int fold(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* FNV-1a over the case-folded bytes */
static size_t fold_hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned)fold((unsigned char)s[i])) * 16777619u;
    return h ^ (h >> 16);
}

static unsigned long long length_bit(size_t n)
{
    return 1ULL << (n < 63 ? n : 63);
}

static const char *key_at(const keyidx *ix, size_t row)
{
    return *(const char *const *)(ix->rows + row * ix->stride);
}

void keyidx_build(keyidx *ix, const void *rows, size_t stride, size_t nrows)
{
    /* nrows <= KEYIDX_ROWS: KEYIDX_BUILD checks it at compile time */
    ix->rows = rows;
    ix->stride = stride;
    ix->lengths = 0;
    for (size_t i = 0; i < 4; i++)
        ix->firsts[i] = 0;
    for (size_t i = 0; i < KEYIDX_SLOTS; i++)
        ix->slot[i] = 0;
    for (size_t r = 0; r < nrows; r++) {
        ix->next[r] = 0;
        const char *k = key_at(ix, r);
        if (!k)
            continue;               /* the NULL that ends a word list */
        size_t kn = strlen(k);
        ix->lengths |= length_bit(kn);
        if (kn) {
            int f = fold((unsigned char)k[0]);
            ix->firsts[f >> 6] |= 1ULL << (f & 63);
        }
        size_t i = fold_hash(k, kn) & (KEYIDX_SLOTS - 1);
        for (;; i = (i + 1) & (KEYIDX_SLOTS - 1)) {
            unsigned short first = ix->slot[i];
            if (!first) {
                ix->slot[i] = (unsigned short)(r + 1);
                break;
            }
            if (ieq(k, kn, key_at(ix, first - 1u))) {
                /* same key ignoring case: chain it after the last such row,
                   so the chain keeps the table's order */
                size_t last = first - 1u;
                while (ix->next[last])
                    last = ix->next[last] - 1u;
                ix->next[last] = (unsigned short)(r + 1);
                break;
            }
        }
    }
}

int keyidx_find(const keyidx *ix, const char *s, size_t n)
{
    if (!(ix->lengths & length_bit(n)))
        return -1;
    if (n) {
        int f = fold((unsigned char)s[0]);
        if (!(ix->firsts[f >> 6] & (1ULL << (f & 63))))
            return -1;
    }
    size_t i = fold_hash(s, n) & (KEYIDX_SLOTS - 1);
    for (;; i = (i + 1) & (KEYIDX_SLOTS - 1)) {
        unsigned short first = ix->slot[i];
        if (!first)
            return -1;
        if (ieq(s, n, key_at(ix, first - 1u)))
            return first - 1;
    }
}

int keyidx_next(const keyidx *ix, int row)
{
    return (int)ix->next[row] - 1;
}

int keyidx_find_exact(const keyidx *ix, const char *s, size_t n)
{
    int r = keyidx_find(ix, s, n);
    /* a row found has n bytes equal to s ignoring case, so memcmp stays
       inside the key */
    while (r >= 0 && memcmp(key_at(ix, (size_t)r), s, n))
        r = keyidx_next(ix, r);
    return r;
}
