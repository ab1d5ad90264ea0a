/*
 * id3_fixture.c - writes a small MP3 with an ID3v2.3 tag from nr_id3_render
 * followed by real audio, for tests/suites/id3_oracles.sh to hand to
 * ffprobe, mutagen and mp3val.
 *
 *   id3_fixture OUT.mp3 [NCHAPTERS]
 *
 * Without NCHAPTERS: 3 chapters of 1 s each - "Intro", a 200-byte ASCII
 * title (a frame past 128 bytes, where size-encoding bugs show) and a
 * non-ASCII title (Latin-1, CJK and an emoji, so UTF-16 surrogates).
 * With NCHAPTERS (e.g. 300): that many equal chapters "Chapter N", to
 * exercise the nested CTOCs past 255.
 *
 * Audio: 3 s of a 440 Hz sine, 16 kHz mono in, CBR 64 kbit/s through
 * libmp3lame with its Info/LAME frame written back over the placeholder,
 * the same layout as the MP3 sink.  Build:
 *   cc -std=c11 -D_GNU_SOURCE -Isrc tests/tools/id3_fixture.c \
 *      src/audio/id3.c src/buf.c -lmp3lame -lm -o $B/tests/id3_fixture
 */
#include <lame/lame.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio/id3.h"
#include "buf.h"

#define RATE 16000
#define SECONDS 3
#define NSAMPLES (RATE * SECONDS)

static const char *long_title(void)
{
    /* exactly 200 bytes */
    static char t[201];
    const char *head = "Chapter two, with a title long enough to pass 128 bytes ";
    size_t n = strlen(head);
    memcpy(t, head, n);
    for (size_t i = n; i < 199; i++)
        t[i] = (char)('a' + (i % 26));
    t[199] = '!';
    t[200] = '\0';
    return t;
}

static int die(const char *what)
{
    fprintf(stderr, "id3_fixture: %s\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3)
        return die("usage: id3_fixture OUT.mp3 [NCHAPTERS]");
    size_t nch = 3;
    if (argc == 3) {
        nch = strtoul(argv[2], NULL, 10);
        if (nch < 1 || nch > 3000)
            return die("NCHAPTERS must be 1..3000");
    }

    nr_id3_chapter *ch = calloc(nch, sizeof *ch);
    char (*names)[32] = calloc(nch, sizeof *names);
    if (!ch || !names)
        return die("out of memory");
    if (argc == 2) {
        ch[0].title = "Intro";
        ch[1].title = long_title();
        ch[2].title = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x8E\xA7 fin";
    } else {
        for (size_t i = 0; i < nch; i++) {
            snprintf(names[i], sizeof names[i], "Chapter %zu", i + 1);
            ch[i].title = names[i];
        }
    }
    /* contiguous, the last one ends at the duration */
    for (size_t i = 0; i < nch; i++) {
        ch[i].start_ms = (uint32_t)(i * SECONDS * 1000 / nch);
        ch[i].end_ms = (uint32_t)((i + 1) * SECONDS * 1000 / nch);
    }

    nr_id3_meta m;
    memset(&m, 0, sizeof m);
    m.title = "Fixture episode";
    m.artist = "narrate tests";
    m.album = "Fixture show";
    m.genre = "Podcast";
    m.year = "2026";
    m.date_ddmm = "2911";
    m.comment = "Comment \xE2\x80\x94 with a dash";
    m.encoder = "narrate id3_fixture";
    m.length_ms = SECONDS * 1000;
    m.chapters = ch;
    m.nchapters = nch;

    nr_buf tag;
    nr_buf_init(&tag, 0);
    size_t size = nr_id3_size_bound(&m) + 512;   /* padded, like the sink */
    if (nr_id3_render(&m, size, &tag) != 0 || tag.len != size)
        return die("nr_id3_render failed");

    lame_t gf = lame_init();
    if (!gf)
        return die("lame_init failed");
    lame_set_in_samplerate(gf, RATE);
    lame_set_out_samplerate(gf, 44100);
    lame_set_num_channels(gf, 1);
    lame_set_mode(gf, MONO);
    lame_set_VBR(gf, vbr_off);
    lame_set_brate(gf, 64);
    lame_set_quality(gf, 2);
    lame_set_bWriteVbrTag(gf, 1);
    lame_set_write_id3tag_automatic(gf, 0);
    if (lame_init_params(gf) < 0)
        return die("lame_init_params failed");

    static short pcm[NSAMPLES];
    for (size_t i = 0; i < NSAMPLES; i++)
        pcm[i] = (short)(8000.0 * sin(2.0 * M_PI * 440.0 * (double)i / RATE));

    size_t cap = NSAMPLES * 5 / 4 + 7200;
    unsigned char *mp3 = malloc(cap);
    FILE *f = fopen(argv[1], "w+b");
    if (!mp3 || !f)
        return die("cannot open output");
    if (fwrite(tag.data, 1, tag.len, f) != tag.len)
        return die("write failed");
    int n = lame_encode_buffer(gf, pcm, NULL, NSAMPLES, mp3, (int)cap);
    if (n < 0 || fwrite(mp3, 1, (size_t)n, f) != (size_t)n)
        return die("encode failed");
    n = lame_encode_flush(gf, mp3, (int)cap);
    if (n < 0 || fwrite(mp3, 1, (size_t)n, f) != (size_t)n)
        return die("flush failed");
    /* the Info/LAME frame replaces the placeholder that starts the audio */
    unsigned char lt[2880];
    size_t k = lame_get_lametag_frame(gf, lt, sizeof lt);
    if (k == 0 || k > sizeof lt)
        return die("no LAME tag frame");
    if (fseek(f, (long)tag.len, SEEK_SET) != 0 || fwrite(lt, 1, k, f) != k)
        return die("cannot write LAME tag frame");
    if (fclose(f) != 0)
        return die("close failed");

    lame_close(gf);
    free(mp3);
    nr_buf_free(&tag);
    free(ch);
    free(names);
    return 0;
}
