/* fuzz_sentences.c - the sentence splitter: ranges must be in bounds,
   ordered and non-overlapping whatever the bytes. */
#include <stdint.h>
#include <stdlib.h>
#include "normalize.h"

typedef struct st { size_t len, last; } st;

static int on_sentence(void *ud, size_t start, size_t end)
{
    st *s = ud;
    if (start > end || end > s->len || start < s->last)
        abort();
    s->last = end;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    st s = {size, 0};
    nr_split_sentences((const char *)data, size, on_sentence, &s);
    return 0;
}
