/* fuzz_decode.c - input decoding: whatever the bytes, the result is valid
   UTF-8 without NUL bytes. */
#include <stdint.h>
#include <stdlib.h>
#include "nr_private.h"

static size_t valid_len(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return p[0] ? 1 : 0;
    size_t len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *out;
    size_t n;
    if (nr_decode_text((const char *)data, size, &out, &n) != 0)
        return 0;
    for (size_t i = 0; i < n;) {
        size_t l = valid_len((const unsigned char *)out + i, n - i);
        if (!l)
            abort();
        i += l;
    }
    free(out);
    return 0;
}
