/*
 * fold.h - spoken text in UTF-8 -> the plain ASCII Flite can say (internal).
 *
 * The normalizer keeps letters as the writer typed them ("Müller", "São
 * Paulo", "d'être"), so transcripts, --script and --explain show the real
 * words; only the synthesizer needs ASCII, because Flite's English front
 * end reads bytes, not characters, and mis-speaks anything past 0x7f.
 */
#ifndef NR_FOLD_H
#define NR_FOLD_H

#include <stddef.h>
#include "buf.h"

/* Appends s folded to ASCII: accents are stripped (é -> e), letters with no
   decomposition are spelled the way English writes them (ß -> ss, æ -> ae,
   ø -> o, þ -> th), letters of other scripts and stray bytes are dropped
   (they have no English reading), everything ASCII is copied unchanged.
   Returns NR_BUF_OK or the buffer's error. */
int nr_fold_ascii(const char *s, size_t n, nr_buf *out);

#endif
