/* ocf.c - see ocf.h.  The only file that includes libzip. */
#include "book/ocf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct nr_ocf {
    zip_t *za;
    time_t mtime;
};

static const char MIMETYPE[] = "application/epub+zip";

static int fail(char *err, size_t errlen, const char *what, const char *name,
                const char *why)
{
    snprintf(err, errlen, "libzip: %s%s%s: %s", what, name ? " " : "", name ? name : "", why);
    return -1;
}

/* Sets the entry's method and time; 0 or -1. */
static int finish_entry(nr_ocf *o, zip_int64_t idx, int store, const char *name,
                        char *err, size_t errlen)
{
    if (zip_set_file_compression(o->za, (zip_uint64_t)idx,
                                 store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_mtime(o->za, (zip_uint64_t)idx, o->mtime, 0) != 0)
        return fail(err, errlen, "cannot set up", name, zip_strerror(o->za));
    return 0;
}

nr_ocf *nr_ocf_open(const char *path, time_t mtime, char *err, size_t errlen)
{
    nr_ocf *o = calloc(1, sizeof *o);
    if (!o) {
        fail(err, errlen, "cannot start", NULL, strerror(ENOMEM));
        return NULL;
    }
    o->mtime = mtime;
    int ze = 0;
    o->za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    if (!o->za) {
        zip_error_t e;
        zip_error_init_with_code(&e, ze);
        fail(err, errlen, "cannot create", path, zip_error_strerror(&e));
        zip_error_fini(&e);
        free(o);
        return NULL;
    }
    /* first and stored, so the file's first bytes say what it is
       (OCF 3.3: "PK", then "mimetypeapplication/epub+zip" at offset 30) */
    if (nr_ocf_add_data(o, "mimetype", MIMETYPE, sizeof MIMETYPE - 1, 1, err, errlen) != 0) {
        nr_ocf_discard(o);
        return NULL;
    }
    return o;
}

int nr_ocf_add_file(nr_ocf *o, const char *name, const char *src, int store,
                    char *err, size_t errlen)
{
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t *s = zip_source_file_create(src, 0, -1, &e);
    if (!s) {
        fail(err, errlen, "cannot read", src, zip_error_strerror(&e));
        zip_error_fini(&e);
        return -1;
    }
    zip_error_fini(&e);
    zip_int64_t idx = zip_file_add(o->za, name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(s);
        return fail(err, errlen, "cannot add", name, zip_strerror(o->za));
    }
    return finish_entry(o, idx, store, name, err, errlen);
}

int nr_ocf_add_data(nr_ocf *o, const char *name, const void *data, size_t len,
                    int store, char *err, size_t errlen)
{
    zip_source_t *s = zip_source_buffer(o->za, data, len, 0);
    if (!s)
        return fail(err, errlen, "cannot add", name, zip_strerror(o->za));
    zip_int64_t idx = zip_file_add(o->za, name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(s);
        return fail(err, errlen, "cannot add", name, zip_strerror(o->za));
    }
    return finish_entry(o, idx, store, name, err, errlen);
}

int nr_ocf_close(nr_ocf *o, char *err, size_t errlen)
{
    int rc = 0;
    if (zip_close(o->za) != 0) {
        rc = fail(err, errlen, "cannot write the EPUB", NULL, zip_strerror(o->za));
        zip_discard(o->za);
    }
    free(o);
    return rc;
}

void nr_ocf_discard(nr_ocf *o)
{
    if (!o)
        return;
    zip_discard(o->za);
    free(o);
}
