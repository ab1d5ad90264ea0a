/*
 * test_formats.c - the output format table (audio/formats.c) and the voice
 * table (synth_flite.c): every format has a name, a sink (or is a talking
 * book) and a row reached by its name and each of its extensions; lookups of unknown names, of
 * names without an extension and of dots in directory names; the built-in
 * voices' names and entries agree, and their rates are Flite's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "audio/formats.h"
#include "synth.h"

static void test_every_format(void **state)
{
    (void)state;
    int n = 0;
    for (nr_out_format f = NR_OUT_MP3; nr_out_format_name(f); f++, n++) {
        const nr_format *row = nr_format_get(f);
        assert_non_null(row);
        assert_int_equal(row->id, f);
        assert_int_equal(nr_out_format_from_name(row->name), f);
        /* a sink, or a talking book written around an MP3 (book.c) */
        assert_true((row->make != NULL) != (row->book != 0));
        /* every file format has an extension; a DAISY book is a directory */
        assert_true(row->ext[0] != NULL || f == NR_OUT_DAISY);
        for (size_t k = 0; k < 3 && row->ext[k]; k++) {
            char path[64];
            snprintf(path, sizeof path, "dir.d/episode%s", row->ext[k]);
            assert_int_equal(nr_out_format_from_path(path), f);
        }
        /* tags in the header mean the sink waits for every chapter time,
           which only FFmpeg's formats need today */
        assert_int_equal(row->tags == NR_TAGS_IN_HEADER, row->ffmpeg);
    }
    assert_int_equal(n, NR_OUT_DAISY);   /* NR_OUT_MP3 .. NR_OUT_DAISY, no gaps */
    assert_null(nr_format_get(NR_OUT_AUTO));
    assert_null(nr_out_format_name(NR_OUT_AUTO));
    assert_null(nr_out_format_name((nr_out_format)(NR_OUT_DAISY + 1)));
}

static void test_lookups(void **state)
{
    (void)state;
    assert_int_equal(nr_out_format_from_name("opus"), NR_OUT_OPUS);
    assert_int_equal(nr_out_format_from_name("OPUS"), NR_OUT_AUTO);  /* names are exact */
    assert_int_equal(nr_out_format_from_name("auto"), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_name(""), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_name(NULL), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_path("x.OGG"), NR_OUT_OGG);  /* extensions are not */
    assert_int_equal(nr_out_format_from_path("x.oga"), NR_OUT_OGG);
    assert_int_equal(nr_out_format_from_path("book.m4a"), NR_OUT_M4B);
    assert_int_equal(nr_out_format_from_path("a.pcm"), NR_OUT_RAW);
    assert_int_equal(nr_out_format_from_path("a.mp3"), NR_OUT_MP3);
    assert_int_equal(nr_out_format_from_path("Book.EPUB"), NR_OUT_EPUB);
    assert_int_equal(nr_out_format_from_name("daisy"), NR_OUT_DAISY);
    assert_int_equal(nr_out_format_from_path("book.daisy"), NR_OUT_AUTO);  /* by name only */
    assert_true(nr_format_get(NR_OUT_EPUB)->book && nr_format_get(NR_OUT_DAISY)->book);
    assert_false(nr_format_get(NR_OUT_MP3)->book);
    assert_int_equal(nr_out_format_from_path("a.txt"), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_path("episode"), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_path("out.wav/episode"), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_path("a.wav.tmp"), NR_OUT_AUTO);
    assert_int_equal(nr_out_format_from_path(NULL), NR_OUT_AUTO);
    assert_int_equal(nr_format_get(NR_OUT_MP3)->tags, NR_TAGS_AT_FINISH);
    assert_int_equal(nr_format_get(NR_OUT_RAW)->tags, NR_TAGS_NONE);
}

static void test_voices(void **state)
{
    (void)state;
    const char *const *names = nr_builtin_voice_names();
    size_t n = 0;
    for (; names[n]; n++) {
        const nr_builtin_voice *v = nr_builtin_voice_find(names[n]);
        assert_non_null(v);
        assert_string_equal(v->name, names[n]);
        assert_non_null(v->description);
        /* the table's rate is what Flite makes (nr_sample_rate reports it
           before any render) */
        nr_voice *loaded = nr_voice_load(names[n], 1.0);
        assert_non_null(loaded);
        assert_int_equal(v->rate, nr_voice_rate(loaded));
        nr_voice_free(loaded);
        assert_true(v->gain_16 > -20 && v->gain_16 < 30);
    }
    assert_int_equal(n, 5);
    assert_int_equal(nr_builtin_voice_find("kal")->rate, 8000);
    assert_int_equal(nr_builtin_voice_find("kal16")->rate, 16000);
    assert_null(nr_builtin_voice_find("voices/kal.flitevox"));
    assert_null(nr_builtin_voice_find(NULL));
    /* the public API reads the same table */
    assert_ptr_equal(nr_voice_names(), names);
    assert_string_equal(nr_voice_description("slt"), nr_builtin_voice_find("slt")->description);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_format),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_voices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
