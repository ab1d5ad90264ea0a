/*
 * ocf.h - the EPUB container (OCF): a ZIP whose first entry is "mimetype",
 * stored, holding "application/epub+zip"; written with libzip (internal).
 *
 * Entries are added by name and read only when the archive is closed:
 * libzip streams each file through a small buffer then, so the container
 * costs no memory that grows with the book.
 */
#ifndef NR_BOOK_OCF_H
#define NR_BOOK_OCF_H

#include <stddef.h>
#include <time.h>

typedef struct nr_ocf nr_ocf;

/* Creates path (replacing any file there) with the mimetype entry; every
   entry gets mtime.  NULL with libzip's words in err. */
nr_ocf *nr_ocf_open(const char *path, time_t mtime, char *err, size_t errlen);
/* Adds the file src as name, stored (store = 1: audio, images, already
   compressed) or deflated.  0, or -1 with err filled. */
int nr_ocf_add_file(nr_ocf *o, const char *name, const char *src, int store,
                    char *err, size_t errlen);
/* Adds len bytes of data, deflated; data must stay valid until close. */
int nr_ocf_add_data(nr_ocf *o, const char *name, const void *data, size_t len,
                    int store, char *err, size_t errlen);
/* Writes the archive (libzip writes a temporary file beside path and
   renames it) and frees o.  0, or -1 with err filled. */
int nr_ocf_close(nr_ocf *o, char *err, size_t errlen);
/* Frees o without writing anything. */
void nr_ocf_discard(nr_ocf *o);

#endif
