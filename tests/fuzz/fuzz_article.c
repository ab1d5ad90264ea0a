/* fuzz_article.c - the article readers (text, Markdown, HTML) on arbitrary
   bytes; the first byte picks the reader.  Every block's src_map must point
   inside the input, and stripped ranges too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    nr_article_opts o = {0};
    o.format = (nr_input_format)(1 + data[0] % 3);
    nr_article *a = NULL;
    if (nr_article_parse((const char *)data + 1, size - 1, &o, &a) == NR_ARTICLE_OK) {
        /* the title may be missing; the label that names it never is */
        if (!a->label || (a->title && strcmp(a->title, a->label)))
            abort();
        for (size_t i = 0; i < a->nblocks; i++)
            for (size_t k = 0; k <= a->blocks[i].len; k++)
                if (nr_srcmap_at(&a->blocks[i].src_map, k) > size - 1)
                    abort();
        for (size_t i = 0; i < a->nstripped; i++)
            if (a->stripped[i].src_off + a->stripped[i].src_len > size - 1)
                abort();
    }
    nr_article_free(a);
    return 0;
}
