/*
 * sink_wav.c - WAV (RIFF, 16-bit PCM, mono), and raw PCM.
 *
 * The header is ours, written whole when the sink starts: RIFF, fmt, a
 * LIST/INFO chunk with title (INAM), author (IART) and software (ISFT),
 * then data.  A seekable output gets its two sizes at finish, written in
 * place; a pipe cannot seek back, so it gets the largest sizes, the
 * convention streaming readers (ffmpeg, sox, aplay) accept for "length
 * unknown".  Every byte goes through write() or pwrite() on our descriptor,
 * so a full disk is reported as what it is, at whichever write it strikes
 * (libsndfile, used before, turned it into "System error" or, when its
 * closing header rewrite failed, into nothing at all).
 */
#include "audio/sink.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct wav_sink {
    nr_sink base;
    nr_sink_error *err;
    int fd;
    int seekable;
    int header;          /* 0: raw PCM, no header to finish */
    off_t start;         /* where the RIFF header begins in fd */
    uint32_t data_at;    /* offset of the data chunk's size field */
    uint64_t bytes;      /* PCM bytes written */
} wav_sink;

/* The RIFF sizes are 32-bit: room left for PCM after a header of h bytes. */
#define WAV_MAX_DATA(h) (0xFFFFFFFFu - (uint64_t)(h))

static int wav_write(nr_sink *base, const int16_t *pcm, size_t n)
{
    wav_sink *s = (wav_sink *)base;
    uint64_t add = (uint64_t)n * sizeof *pcm;
    if (s->header && s->seekable && s->bytes + add > WAV_MAX_DATA(s->data_at + 4))
        return nr_sink_fail(s->err, "a WAV file holds at most 4 GiB of audio "
                            "(about 37 hours at 16 kHz); write FLAC or MP3 instead");
    /* little-endian host assumed, checked by the constructors */
    if (nr_write_all(s->fd, pcm, (size_t)add) != 0)
        return -1;
    s->bytes += add;
    return 0;
}

static void put_le(unsigned char *p, uint32_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static int wav_finish(nr_sink *base, const nr_sink_meta *m, uint64_t dur)
{
    (void)m;
    (void)dur;
    wav_sink *s = (wav_sink *)base;
    if (!s->header || !s->seekable)
        return 0;
    unsigned char riff[4], data[4];
    /* 16-bit samples: the data chunk is always word-aligned, no pad byte */
    put_le(riff, (uint32_t)(s->data_at + 4 - 8 + s->bytes), 4);
    put_le(data, (uint32_t)s->bytes, 4);
    if (nr_pwrite_all(s->fd, riff, 4, (uint64_t)s->start + 4) != 0
        || nr_pwrite_all(s->fd, data, 4, (uint64_t)s->start + s->data_at) != 0)
        return -1;
    return 0;
}

static void wav_destroy(nr_sink *base)
{
    free(base);
}

/* One INFO sub-chunk: id, size, the text and its NUL, padded to even. */
static size_t info_put(unsigned char *h, const char *id, const char *text)
{
    if (!text || !*text)
        return 0;
    size_t n = strlen(text);
    if (n > 65535)
        n = 65535;  /* a title that long is a mistake; keep the header sane */
    size_t body = n + 1 + ((n + 1) & 1);
    if (h) {
        memcpy(h, id, 4);
        put_le(h + 4, (uint32_t)(n + 1), 4);
        memcpy(h + 8, text, n);
        memset(h + 8 + n, 0, body - n);
    }
    return 8 + body;
}

static size_t info_chunks(unsigned char *h, const nr_sink_meta *m)
{
    size_t k = 0;
    k += info_put(h ? h + k : NULL, "INAM", m ? m->title : NULL);
    k += info_put(h ? h + k : NULL, "IART", m ? m->artist : NULL);
    k += info_put(h ? h + k : NULL, "ISFT", m ? m->software : NULL);
    return k;
}

/* RIFF, fmt, LIST/INFO and the data chunk's head; *data_at receives the
   offset of the data size field.  malloc'd, *len bytes. */
static unsigned char *make_header(int rate, const nr_sink_meta *m, size_t *len,
                                  uint32_t *data_at)
{
    size_t info = info_chunks(NULL, m);
    size_t n = 12 + 24 + (info ? 12 + info : 0) + 8;
    unsigned char *h = malloc(n);
    if (!h)
        return NULL;
    memcpy(h, "RIFF", 4);
    put_le(h + 4, 0xFFFFFFFFu, 4);      /* for a pipe; a file's is set at finish */
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le(h + 16, 16, 4);
    put_le(h + 20, 1, 2);               /* PCM */
    put_le(h + 22, 1, 2);               /* mono */
    put_le(h + 24, (uint32_t)rate, 4);
    put_le(h + 28, (uint32_t)rate * 2, 4);
    put_le(h + 32, 2, 2);
    put_le(h + 34, 16, 2);
    size_t k = 36;
    if (info) {
        memcpy(h + k, "LIST", 4);
        put_le(h + k + 4, (uint32_t)(4 + info), 4);
        memcpy(h + k + 8, "INFO", 4);
        info_chunks(h + k + 12, m);
        k += 12 + info;
    }
    memcpy(h + k, "data", 4);
    put_le(h + k + 4, 0xFFFFFFFFu, 4);
    *data_at = (uint32_t)(k + 4);
    *len = n;
    return h;
}

static int little_endian(const nr_sink_opts *o)
{
    const uint16_t probe = 1;
    if (*(const unsigned char *)&probe == 1)
        return 1;
    nr_sink_fail(o->error, "WAV and raw PCM output need a little-endian host");
    errno = ENOTSUP;  /* big-endian hosts would need a byte swap */
    return 0;
}

static wav_sink *wav_alloc(const nr_sink_opts *o)
{
    if (!little_endian(o))
        return NULL;
    wav_sink *s = calloc(1, sizeof *s);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    s->base.write = wav_write;
    s->base.finish = wav_finish;
    s->base.destroy = wav_destroy;
    s->err = o->error;
    s->fd = o->fd;
    s->seekable = o->seekable;
    return s;
}

nr_sink *nr_sink_wav_new(const nr_sink_opts *o)
{
    wav_sink *s = wav_alloc(o);
    if (!s)
        return NULL;
    s->header = 1;
    if (s->seekable && (s->start = lseek(o->fd, 0, SEEK_CUR)) < 0)
        s->seekable = 0;  /* a descriptor that says it seeks but cannot */
    size_t len;
    unsigned char *h = make_header(o->rate, o->meta, &len, &s->data_at);
    if (!h)
        errno = ENOMEM;
    int rc = h ? nr_write_all(o->fd, h, len) : -1;
    free(h);
    if (rc != 0) {
        int e = errno;
        free(s);
        errno = e;
        return NULL;
    }
    return &s->base;
}

/* Raw PCM: signed 16-bit little-endian, the voice's rate, mono. */
nr_sink *nr_sink_raw_new(const nr_sink_opts *o)
{
    wav_sink *s = wav_alloc(o);
    return s ? &s->base : NULL;
}
