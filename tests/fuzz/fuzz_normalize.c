/* fuzz_normalize.c - the normalizer on arbitrary bytes, both locales, with
   a small output cap so the size-limit path runs too; the output contract
   (printable ASCII) is asserted. */
#include <stdint.h>
#include <stdlib.h>
#include "normalize.h"

static void check_ascii(const nr_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->data[i] < 0x20 || (unsigned char)b->data[i] > 0x7e)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nr_norm *n = nr_norm_new();
    if (!n)
        return 0;
    nr_buf out;
    for (int loc = NR_LOCALE_US; loc <= NR_LOCALE_GB; loc++) {
        nr_norm_set_locale(n, (nr_locale)loc);
        nr_buf_init(&out, 0);
        if (nr_norm_text(n, (const char *)data, size, &out) == 0)
            check_ascii(&out);
        nr_buf_free(&out);
    }
    nr_buf_init(&out, 64);
    (void)nr_norm_text(n, (const char *)data, size, &out);
    nr_buf_free(&out);
    nr_norm_free(n);
    return 0;
}
