/*
 * formats.c - the output format table and its public lookups (narrate.h:
 * nr_out_format_from_name, nr_out_format_from_path, nr_out_format_name).
 *
 * How to add a format: write its sink (audio/sink_*.c, constructor declared
 * in sink.h), add an NR_OUT_* value at the end of nr_out_format in
 * narrate.h, and add its row here.  A talking book (book = 1) has no sink:
 * book.c writes it around an MP3 render.  The --format names, the extension
 * lookup, the sink chosen by render.c and whether it waits for the chapter
 * times all follow from the row.
 */
#include "audio/formats.h"

#include <string.h>
#include <strings.h>

static const nr_format formats[] = {
    {NR_OUT_MP3, "mp3", {".mp3"}, nr_sink_mp3_new, NR_TAGS_AT_FINISH, 0, 0},
    {NR_OUT_WAV, "wav", {".wav"}, nr_sink_wav_new, NR_TAGS_AT_FINISH, 0, 0},
    {NR_OUT_RAW, "raw", {".raw", ".pcm"}, nr_sink_raw_new, NR_TAGS_NONE, 0, 0},
    {NR_OUT_FLAC, "flac", {".flac"}, nr_sink_flac_new, NR_TAGS_IN_HEADER, 1, 0},
    {NR_OUT_OGG, "ogg", {".ogg", ".oga"}, nr_sink_vorbis_new, NR_TAGS_IN_HEADER, 1, 0},
    {NR_OUT_OPUS, "opus", {".opus"}, nr_sink_opus_new, NR_TAGS_IN_HEADER, 1, 0},
    {NR_OUT_M4B, "m4b", {".m4b", ".m4a"}, nr_sink_m4b_new, NR_TAGS_IN_HEADER, 1, 0},
    /* talking books: the MP3 inside carries the tags; a DAISY fileset is a
       directory, asked for by name (--format daisy), not by extension */
    {NR_OUT_EPUB, "epub", {".epub"}, NULL, NR_TAGS_NONE, 0, 1},
    {NR_OUT_DAISY, "daisy", {NULL}, NULL, NR_TAGS_NONE, 0, 1},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const nr_format *nr_format_get(nr_out_format id)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].id == id)
            return &formats[i];
    return NULL;
}

nr_out_format nr_out_format_from_name(const char *name)
{
    for (size_t i = 0; name && i < NFORMATS; i++)
        if (strcmp(formats[i].name, name) == 0)
            return formats[i].id;
    return NR_OUT_AUTO;
}

nr_out_format nr_out_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!dot || (slash && dot < slash))
        return NR_OUT_AUTO;
    for (size_t i = 0; i < NFORMATS; i++)
        for (size_t k = 0; k < sizeof formats[i].ext / sizeof formats[i].ext[0]
                           && formats[i].ext[k]; k++)
            if (strcasecmp(dot, formats[i].ext[k]) == 0)
                return formats[i].id;
    return NR_OUT_AUTO;
}

const char *nr_out_format_name(nr_out_format fmt)
{
    const nr_format *f = nr_format_get(fmt);
    return f ? f->name : NULL;
}
