/* fuzz_id3.c - the ID3 writer: titles and fields from the input, the tag
   rendered into exactly its bound, then parsed back: header size, frame
   sizes, every CHAP present once with its times, and pure-ASCII titles
   byte for byte. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "audio/id3.h"

#define MAXCH 600

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* fields are NUL-separated: title, artist, then chapter titles */
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    const char *fields[MAXCH + 2];
    size_t nf = 0;
    for (size_t i = 0, start = 0; i <= size && nf < MAXCH + 2; i++)
        if (i == size || copy[i] == '\0') {
            fields[nf++] = copy + start;
            start = i + 1;
        }
    static nr_id3_chapter ch[MAXCH];
    size_t nch = nf > 2 ? nf - 2 : 0;
    for (size_t i = 0; i < nch; i++) {
        ch[i].title = fields[i + 2];
        ch[i].start_ms = (uint32_t)(i * 1000);
        ch[i].end_ms = (uint32_t)(i * 1000 + 1000);
    }
    nr_id3_meta m = {0};
    m.title = nf > 0 ? fields[0] : NULL;
    m.artist = nf > 1 ? fields[1] : NULL;
    m.length_ms = (uint32_t)(nch * 1000);
    m.chapters = ch;
    m.nchapters = nch;
    size_t bound = nr_id3_size_bound(&m);
    nr_buf b;
    nr_buf_init(&b, 0);
    if (nr_id3_render(&m, bound, &b) == 0) {
        const uint8_t *t = (const uint8_t *)b.data;
        if (b.len != bound || memcmp(t, "ID3\3", 4) != 0)
            abort();
        uint32_t tsz = (uint32_t)t[6] << 21 | (uint32_t)t[7] << 14 | (uint32_t)t[8] << 7 | t[9];
        if (tsz + 10 != b.len)
            abort();
        size_t pos = 10, seen = 0;
        while (pos + 10 <= b.len && t[pos] != 0) {
            uint32_t fsz = be32(t + pos + 4);
            if (pos + 10 + fsz > b.len)
                abort();
            if (memcmp(t + pos, "CHAP", 4) == 0) {
                const uint8_t *f = t + pos + 10;
                const uint8_t *z = memchr(f, 0, fsz);
                if (!z || (size_t)(z - f) + 17 > fsz)
                    abort();
                uint32_t start = be32(z + 1);
                const char *want = ch[seen].title;
                size_t wl = strlen(want), ascii = 1;
                /* an empty title gets no TIT2 (id3.c); any other, TIT2 first */
                if (start != seen * 1000 || (wl && memcmp(z + 17, "TIT2", 4) != 0))
                    abort();
                for (size_t i = 0; i < wl; i++)
                    ascii &= (unsigned char)want[i] < 0x80;
                if (ascii && wl) {
                    uint32_t sl = be32(z + 21);
                    /* encoding byte 0, text, terminating NUL */
                    if (sl != wl + 2 || z[27] != 0 || memcmp(z + 28, want, wl) != 0)
                        abort();
                }
                seen++;
            }
            pos += 10 + fsz;
        }
        if (seen != nch)
            abort();
    }
    nr_buf_free(&b);
    free(copy);
    return 0;
}
