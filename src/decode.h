/* decode.h - any input bytes -> valid UTF-8 (internal; see decode.c). */
#ifndef NR_DECODE_H
#define NR_DECODE_H

#include <stddef.h>

/* BOM removed, UTF-16 converted, invalid sequences replaced by U+FFFD, NUL
   bytes dropped.  0, or -1 when out of memory.  The caller frees *out. */
int nr_decode_text(const char *in, size_t len, char **out, size_t *out_len);

#endif
