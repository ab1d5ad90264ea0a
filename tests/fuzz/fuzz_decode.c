/* fuzz_decode.c - input decoding: whatever the bytes, the result is valid
   UTF-8 without NUL bytes or any other control character but white space
   (none may reach a title, a tag or a feed), and the binary sniff answers
   without reading past the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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
    const char *what = nr_sniff_binary(data, size);
    if (what && !*what)
        abort();
    if (nr_decode_text((const char *)data, size, &out, &n) != 0)
        return 0;
    for (size_t i = 0; i < n;) {
        const unsigned char *p = (const unsigned char *)out + i;
        size_t l = valid_len(p, n - i);
        if (!l)
            abort();
        if (l == 1 && ((p[0] < 0x20 && !strchr("\t\n\v\f\r", p[0])) || p[0] == 0x7F))
            abort();
        if (l == 2 && p[0] == 0xC2 && p[1] <= 0x9F)
            abort();  /* C1 */
        if (l == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
            abort();  /* U+FFFE, U+FFFF */
        i += l;
    }
    free(out);
    return 0;
}
