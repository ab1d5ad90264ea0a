/*
 * slug.h - safe, unique file names for episodes, made from their titles.
 *
 * Internal to the narrate command.
 */
#ifndef NB_SLUG_H
#define NB_SLUG_H

/* Longest slug in bytes, suffix included. */
#define NB_SLUG_MAX 64

/* Slug of an episode: the title in lower-case ASCII letters, digits and
   single dashes (Latin letters lose their accents, other characters
   separate words), cut to a word boundary, then "-" and 6 hex digits of a
   hash of source (the article's file name).  The suffix makes slugs unique
   without depending on the order articles are seen, so sharded and whole
   runs agree.  Never empty, never starts with '.', no '/', no control
   characters, at most NB_SLUG_MAX bytes.  malloc'd; NULL when out of
   memory. */
char *nb_slug(const char *title, const char *source);

#endif
