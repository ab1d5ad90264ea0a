/*
 * batch_books.h - the talking books batch writes beside each episode when
 * asked (formats = mp3, epub, daisy in the configuration, or --formats):
 * OUT_DIR/<slug>.epub and the DAISY fileset OUT_DIR/<slug>.daisy/, made
 * from the episode's own render (nr_write_book), so nothing is synthesized
 * twice.  The MP3 episode is always written: the feed needs it.
 *
 * Internal to the narrate command.
 */
#ifndef NB_BATCH_BOOKS_H
#define NB_BATCH_BOOKS_H

#include "narrate.h"

enum { NB_BOOK_EPUB = 1u, NB_BOOK_DAISY = 2u };

/* "mp3, epub" -> NB_BOOK_EPUB.  Names are separated by commas and/or
   spaces; mp3 may be named or not.  0, or -1 with a static reason. */
int nb_books_parse(const char *list, unsigned *books, const char **why);

/* 1 when every book asked for exists for slug in out_dir. */
int nb_books_present(const char *out_dir, const char *slug, unsigned books);

/* Writes the books asked for from ctx's last render, whose MP3 is
   out_dir/audio.  NR_OK or the library's status (nr_errmsg says why). */
nr_status nb_books_write(nr_ctx *ctx, const char *out_dir, const char *slug,
                         const char *audio, unsigned books);

/* Removes slug's books (--prune). */
void nb_books_remove(const char *out_dir, const char *slug);

/* Removes what a killed run left while writing books: temporary EPUB
   files and DAISY directories (call only under the exclusive lock). */
void nb_books_remove_stale(const char *out_dir);

#endif
