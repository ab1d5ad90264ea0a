/*
 * utf8.h - one UTF-8 decoding step, shared by the writers that re-encode
 * text (ID3's UTF-16, JSON and WebVTT escaping), and one encoding step for
 * the readers that decode references (HTML entities, JSON escapes)
 * (internal).
 *
 * Ill-formed input decodes the way Unicode recommends (and Python's
 * errors="replace" does): a truncated sequence costs one U+FFFD and a stray
 * byte one.  Overlongs, surrogates and values past U+10FFFF are ill-formed.
 */
#ifndef NR_UTF8_H
#define NR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s (NUL-terminated: the NUL stops a truncated
   sequence); *used receives the bytes consumed (at least 1). */
uint32_t nr_utf8_next(const unsigned char *s, size_t *used);

/* Encodes cp as UTF-8 into out (at most 4 bytes); a value that is no
   character (0, a surrogate, past U+10FFFF) becomes U+FFFD.  Returns the
   bytes written. */
size_t nr_utf8_put(uint32_t cp, char out[4]);

#endif
