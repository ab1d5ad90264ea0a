/*
 * test_decode.c - the input's first step (decode.c, sniff.c): files that
 * are not text are named by what they are, random bytes are refused and
 * text with a stray control byte is not; UTF-16 is found without a BOM,
 * in both byte orders, but 16-bit audio is not taken for it; control
 * characters and colour escapes never survive decoding, and they keep the
 * byte offsets of UTF-8 input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

#define SNIFF(lit) nr_sniff_binary(lit, sizeof lit - 1)

static void test_magic_numbers(void **state)
{
    (void)state;
    assert_string_equal(SNIFF("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "a PDF file");
    assert_string_equal(SNIFF("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "a gzip archive");
    assert_string_equal(SNIFF("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "a PNG image");
    assert_string_equal(SNIFF("\xff\xd8\xff\xe0\0\x10JFIF"), "a JPEG image");
    assert_string_equal(SNIFF("GIF89a\x01\0\x01\0"), "a GIF image");
    assert_string_equal(SNIFF("\x7f" "ELF\x02\x01\x01"), "a program (ELF)");
    assert_string_equal(SNIFF("ID3\x03\0\0\0\0\0\0"), "an MP3 file");
    assert_string_equal(SNIFF("\xff\xfb\x90\x64\0\0\0\0"), "an MP3 file");
    assert_string_equal(SNIFF("OggS\0\x02\0\0"), "an Ogg file");
    assert_string_equal(SNIFF("fLaC\0\0\0\x22"), "a FLAC file");
    assert_string_equal(SNIFF("RIFF\x24\0\0\0WAVEfmt "), "a WAV file");
    assert_string_equal(SNIFF("\0\0\0\x20" "ftypM4B "), "an MP4 file");
    assert_string_equal(SNIFF("PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\x08\0\0\0mimetypeapplication/epub+zip"), "an EPUB book");
    assert_string_equal(SNIFF("PK\x03\x04\x14\0\x06\0\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\x13\0\0\0[Content_Types].xml...word/document.xml"),
                        "a Word document (.docx)");
    assert_string_equal(SNIFF("PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\x05\0\0\0a.txt"), "a ZIP archive");
}

static void test_text_is_text(void **state)
{
    (void)state;
    assert_null(SNIFF(""));
    assert_null(SNIFF("a"));
    assert_null(SNIFF("Hello, world.\n"));
    assert_null(SNIFF("\xef\xbb\xbfTitle\n\nBody.\n"));
    assert_null(SNIFF("Caf\xe9 au lait\n"));                  /* Latin-1: damaged, not binary */
    assert_null(SNIFF("Title\0line\n\nSome\0text with NUL\0bytes.\n"));
    assert_null(SNIFF("\x1b[1mBold\x1b[0m and \x1b[31mred\x1b[0m log lines\n"));
    assert_null(SNIFF("N\bNA\bAM\bME\bE\n     narrate - read aloud\n"));  /* overstrike */
    assert_null(SNIFF("ID card, MZ and PK are words here.\n"));
    /* signatures made of letters need their binary neighbours too */
    assert_null(SNIFF("ID3 tags explained\n\nHow players read them.\n"));
    assert_null(SNIFF("The ftyp box opens an MP4 file.\n"));
    assert_null(SNIFF("Ride the WAVE: surfing tips\n"));
    assert_null(SNIFF("RIFFs and WAVE files\n"));
    assert_null(SNIFF("OggS and fLaC are names of formats\n"));
    assert_null(SNIFF("SQLite format 3 is the file format\n"));
    /* the UTF-16 BOM is not an MPEG frame, and UTF-16 text is text */
    assert_null(SNIFF("\xff\xfeH\0i\0 \0t\0h\0e\0r\0e\0\n\0"));
    assert_null(SNIFF("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0.\0\n\0"));
}

static void test_random_bytes(void **state)
{
    (void)state;
    unsigned char buf[8192];
    uint32_t x = 2463534242u;
    for (int run = 0; run < 200; run++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            buf[i] = (unsigned char)x;
        }
        assert_string_equal(nr_sniff_binary(buf, sizeof buf), "binary data, not text");
        assert_string_equal(nr_sniff_binary(buf, 300), "binary data, not text");
    }
    /* quiet 16-bit audio: a NUL high byte in most samples, as UTF-16 text
       has, but its low bytes are control units one time in ten */
    for (size_t i = 0; i < sizeof buf; i += 2) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (unsigned char)x;
        buf[i + 1] = 0;
    }
    assert_int_equal(nr_detect_encoding(buf, sizeof buf), NR_ENC_UTF16LE);
    assert_string_equal(nr_sniff_binary(buf, sizeof buf), "binary data, not text");
}

static char *decode(const char *in, size_t len, size_t *n)
{
    char *out;
    assert_int_equal(nr_decode_text(in, len, &out, n), 0);
    assert_int_equal(strlen(out), *n);
    return out;
}

static void test_utf16_without_bom(void **state)
{
    (void)state;
    static const char le[] = "T\0i\0t\0l\0e\0\n\0\n\0B\0y\0 \0J\0a\0n\0e\0 \0D\0o\0e\0\n\0"
                             "C\0a\0f\0\xe9\0.\0";
    static const char be[] = "\0T\0i\0t\0l\0e\0\n\0\n\0B\0y\0 \0J\0a\0n\0e\0 \0D\0o\0e\0\n"
                             "\0C\0a\0f\0\xe9\0.";
    size_t n;
    assert_int_equal(nr_detect_encoding((const unsigned char *)le, sizeof le - 1), NR_ENC_UTF16LE);
    assert_int_equal(nr_detect_encoding((const unsigned char *)be, sizeof be - 1), NR_ENC_UTF16BE);
    char *a = decode(le, sizeof le - 1, &n), *b;
    assert_string_equal(a, "Title\n\nBy Jane Doe\nCaf\xc3\xa9.");
    b = decode(be, sizeof be - 1, &n);
    assert_string_equal(a, b);
    free(a);
    free(b);
    /* NUL bytes on both sides are padding, not UTF-16 */
    static const char pad[] = "Text\0\0\0\0\0\0\0\0";
    assert_int_equal(nr_detect_encoding((const unsigned char *)pad, sizeof pad - 1), NR_ENC_UTF8);
}

static void test_controls_become_spaces(void **state)
{
    (void)state;
    static const char in[] = "A\x1b[31mred\x1b[0m\x07 title\x7f\xc2\x85x\tand\r\nmore\x0c\x01"
                             "\xef\xbf\xbe\0.";
    size_t n;
    char *out = decode(in, sizeof in - 1, &n);
    /* the colour escapes go whole, each byte a space: offsets hold */
    assert_string_equal(out, "A     red      title   x\tand\r\nmore\x0c \xef\xbf\xbd.");
    assert_int_equal(n, sizeof in - 1 - 1);  /* only the NUL is dropped */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)out[i];
        assert_true(c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\x0c');
        assert_true(c != 0x7f);
    }
    free(out);
    /* a window title (ESC ] ... BEL or ESC \) and a two-byte escape go whole */
    static const char osc[] = "a\x1b]0;title\x07" "b\x1b]2;t\x1b\\c\x1b" "Dd";
    out = decode(osc, sizeof osc - 1, &n);
    assert_string_equal(out, "a          b       c  d");
    free(out);
    /* in UTF-16 too */
    static const char u16[] = "\xff\xfeO\0\x1b\0K\0\x85\0!\0";
    out = decode(u16, sizeof u16 - 1, &n);
    assert_string_equal(out, "O K !");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_magic_numbers),
        cmocka_unit_test(test_text_is_text),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_controls_become_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
