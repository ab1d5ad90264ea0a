/* fuzz_normalize.c - the normalizer on arbitrary bytes, both locales, with
   a small output cap so the size-limit path runs too; the output contract
   (UTF-8 letters past ASCII, no control bytes) is asserted, and what the
   synthesizer folds it to for Flite must be printable ASCII. */
#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>
#include "fold.h"
#include "normalize.h"

static void check_contract(const nr_buf *b)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)b->data;
    for (size_t i = 0; i < b->len; ) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(b->len - i), &cp);
        if (k <= 0 || cp < 0x20 || cp == 0x7f)
            abort();
        if (cp >= 0x80) {
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_ME)
                abort();        /* letters and marks only */
        }
        i += (size_t)k;
    }
    nr_buf f;
    nr_buf_init(&f, 0);
    if (nr_fold_ascii(b->data, b->len, &f) == NR_BUF_OK)
        for (size_t i = 0; i < f.len; i++)
            if ((unsigned char)f.data[i] < 0x20 || (unsigned char)f.data[i] > 0x7e)
                abort();
    nr_buf_free(&f);
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
            check_contract(&out);
        nr_buf_free(&out);
    }
    nr_buf_init(&out, 64);
    (void)nr_norm_text(n, (const char *)data, size, &out);
    nr_buf_free(&out);
    nr_norm_free(n);
    return 0;
}
