/*
 * sniff.c - is this input text at all?  (nr_sniff_binary, decode.h)
 *
 * Run on the raw bytes, before decoding: once invalid bytes have become
 * U+FFFD, a PDF or a gzip stream looks like text with odd characters in
 * it, and narrate would read minutes of noise.  First the magic numbers of
 * the files people hand over by mistake, so the message can say what the
 * file is; then, for anything else, the share of control bytes: text has
 * next to none, random or compressed bytes about one in ten.  UTF-16 is
 * counted in its own units, so its NUL high bytes never count against it.
 */
#include "decode.h"

#include <stdint.h>
#include <string.h>

/* Bytes at off, and (len2 > 0) more at off2: where a signature is made
   of printable letters, the bytes around them must match too, or an
   article opening with "ID3 tags" or "The ftyp box" would be refused. */
typedef struct magic {
    size_t off;
    const char *bytes;
    size_t len;
    size_t off2;
    const char *bytes2;
    size_t len2;
    const char *what;
} magic;

#define M(off, lit, what) {off, lit, sizeof lit - 1, 0, NULL, 0, what}
#define M2(off, lit, off2, lit2, what) {off, lit, sizeof lit - 1, off2, lit2, sizeof lit2 - 1, what}
static const magic magics[] = {
    M(0, "%PDF-", "a PDF file"),
    M(0, "\x1F\x8B", "a gzip archive"),
    M(0, "\xFD" "7zXZ\0", "an xz archive"),
    M(0, "\x28\xB5\x2F\xFD", "a zstd archive"),
    M(0, "7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    M(257, "ustar\0", "a tar archive"),
    M(257, "ustar  \0", "a tar archive"),
    M(0, "\x89PNG\r\n\x1A\n", "a PNG image"),
    M(0, "\xFF\xD8\xFF", "a JPEG image"),
    M(0, "GIF87a", "a GIF image"),
    M(0, "GIF89a", "a GIF image"),
    M2(0, "RIFF", 8, "WEBP", "a WebP image"),
    M2(0, "RIFF", 8, "WAVE", "a WAV file"),
    M2(0, "RIFF", 8, "AVI ", "an AVI video"),
    M(0, "\x7F" "ELF", "a program (ELF)"),
    M(0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Microsoft Office document (.doc)"),
    M(0, "SQLite format 3\0", "an SQLite database"),
    M(0, "ID3\x02", "an MP3 file"),
    M(0, "ID3\x03", "an MP3 file"),
    M(0, "ID3\x04", "an MP3 file"),
    M(0, "OggS\0", "an Ogg file"),
    M(0, "fLaC\0", "a FLAC file"),
    M(0, "fLaC\x80", "a FLAC file"),
    M2(0, "\0\0", 4, "ftyp", "an MP4 file"),
};

/* An MPEG audio frame header: sync, layer III, a valid bitrate and rate
   (FF FE, the UTF-16 BOM, is layer I and does not match). */
static int mp3_frame(const unsigned char *p, size_t len)
{
    return len >= 4 && p[0] == 0xFF && (p[1] & 0xE6) == 0xE2 && (p[1] & 0x18) != 0x08
           && (p[2] >> 4) != 0x0F && (p[2] >> 4) != 0 && ((p[2] >> 2) & 3) != 3;
}

static int has(const unsigned char *p, size_t len, size_t off, const char *s, size_t n)
{
    return len >= off + n && memcmp(p + off, s, n) == 0;
}

/* A ZIP archive's first member, or its directory, says what kind of
   document it is: EPUB and OpenDocument open with a stored "mimetype". */
static const char *zip_kind(const unsigned char *p, size_t len)
{
    if (len >= 30 && has(p, len, 30, "mimetype", 8)) {
        size_t body = 38 + ((size_t)p[28] | (size_t)p[29] << 8);  /* after the extra field */
        if (has(p, len, body, "application/epub+zip", 20))
            return "an EPUB book";
        if (has(p, len, body, "application/vnd.oasis.opendocument", 34))
            return "an OpenDocument file";
    }
    size_t scan = len < 65536 ? len : 65536;
    if (memmem(p, scan, "word/", 5))
        return "a Word document (.docx)";
    if (memmem(p, scan, "[Content_Types].xml", 19))
        return "a Microsoft Office document";
    return "a ZIP archive";
}

/* Control characters (not white space) in the opening units: NUL, the
   rest of C0, and DEL.  Backspace and ESC are spared: old manual pages overstrike
   with backspaces and logs carry colour escapes. */
static int is_binary_unit(uint32_t c)
{
    if (c < 0x20)
        return c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r'
               && c != '\b' && c != 0x1B;
    return c == 0x7F;
}

#define SNIFF_BYTES 4096

const char *nr_sniff_binary(const void *data, size_t len)
{
    const unsigned char *p = data;
    if (!p)
        return NULL;
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++) {
        const magic *m = &magics[i];
        if (has(p, len, m->off, m->bytes, m->len)
            && (!m->len2 || has(p, len, m->off2, m->bytes2, m->len2)))
            return m->what;
    }
    if (has(p, len, 0, "PK\x03\x04", 4) || has(p, len, 0, "PK\x05\x06", 4))
        return zip_kind(p, len);
    if (mp3_frame(p, len))
        return "an MP3 file";

    nr_encoding enc = nr_detect_encoding(p, len);
    size_t skip = enc == NR_ENC_UTF8_BOM ? 3
                : enc == NR_ENC_UTF16LE_BOM || enc == NR_ENC_UTF16BE_BOM ? 2 : 0;
    int wide = enc != NR_ENC_UTF8 && enc != NR_ENC_UTF8_BOM;
    int big = enc == NR_ENC_UTF16BE_BOM || enc == NR_ENC_UTF16BE;
    size_t n = len - skip < SNIFF_BYTES ? len - skip : SNIFF_BYTES;
    const unsigned char *s = p + skip;
    size_t units = 0, bad = 0;
    for (size_t i = 0; i + (size_t)wide < n; i += 1 + (size_t)wide) {
        uint32_t c = !wide ? s[i] : big ? (uint32_t)(s[i] << 8 | s[i + 1])
                                        : (uint32_t)(s[i + 1] << 8 | s[i]);
        units++;
        bad += is_binary_unit(c);
    }
    /* random bytes: about 10 % such units; text: none, or a stray few */
    if (bad >= 4 && bad * 20 > units)
        return "binary data, not text";
    return NULL;
}
