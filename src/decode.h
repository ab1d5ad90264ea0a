/* decode.h - any input bytes -> valid UTF-8, and what is not text at all
   (internal; see decode.c and sniff.c). */
#ifndef NR_DECODE_H
#define NR_DECODE_H

#include <stddef.h>

/* How the bytes of an input are encoded, from a BOM or, for UTF-16 written
   without one, from where its NUL bytes fall. */
typedef enum {
    NR_ENC_UTF8 = 0,     /* UTF-8 (or damaged UTF-8, or ASCII) */
    NR_ENC_UTF8_BOM,     /* UTF-8 after a 3-byte BOM */
    NR_ENC_UTF16LE_BOM,
    NR_ENC_UTF16BE_BOM,
    NR_ENC_UTF16LE,      /* no BOM: every other byte is NUL */
    NR_ENC_UTF16BE
} nr_encoding;

nr_encoding nr_detect_encoding(const unsigned char *p, size_t len);

/* BOM removed, UTF-16 converted (with or without a BOM), invalid sequences
   replaced by U+FFFD, NUL bytes dropped, other control characters (C0 but
   tab, line and page breaks; DEL; C1; whole ANSI escape sequences) turned
   into spaces, so no later stage, tag or feed ever sees one.  0, or -1
   when out of memory.  The caller frees *out. */
int nr_decode_text(const char *in, size_t len, char **out, size_t *out_len);

/* NULL when the bytes may be text; else what they look like, for a message
   ("a PDF file", "a gzip archive", "binary data").  Looks at the raw bytes,
   before decoding: magic numbers first, then the share of control bytes in
   the opening 4 KB (counted in UTF-16 units when the input is UTF-16). */
const char *nr_sniff_binary(const void *data, size_t len);

#endif
