/*
 * lock.c - flock() on OUT_DIR/.narrate.lock (see lock.h for the scheme).
 *
 * flock rather than fcntl locks: they belong to the open file, not the
 * process, so nothing else in the process can drop them by closing another
 * descriptor of the same file; and they work on local file systems and
 * NFSv4.  Across hosts on other network file systems, give each host its
 * own shard (docs/batch.md).
 */
#include "lock.h"
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static int lock_file(const char *path, int op, int *fd, char *err, size_t errlen)
{
    int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (f < 0) {
        snprintf(err, errlen, "cannot create lock file '%s': %s", path, strerror(errno));
        return -1;
    }
    while (flock(f, op | LOCK_NB) != 0) {
        if (errno == EINTR)
            continue;
        int e = errno;
        close(f);
        if (e == EWOULDBLOCK)
            snprintf(err, errlen,
                     "another narrate run is using this output folder (lock '%s' "
                     "is held); try again when it has finished", path);
        else
            snprintf(err, errlen, "cannot lock '%s': %s", path, strerror(e));
        return -1;
    }
    *fd = f;
    return 0;
}

int nb_lock_take(nb_lock *l, const char *out_dir, unsigned shard_k,
                 unsigned shard_n, char *err, size_t errlen)
{
    l->fd_main = l->fd_shard = -1;
    char *p = cli_path(out_dir, ".narrate.lock");
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int r = lock_file(p, shard_n ? LOCK_SH : LOCK_EX, &l->fd_main, err, errlen);
    free(p);
    if (r || !shard_n)
        return r;
    char name[64];
    snprintf(name, sizeof name, ".narrate-shard-%u-of-%u.lock", shard_k, shard_n);
    p = cli_path(out_dir, name);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        nb_lock_release(l);
        return -1;
    }
    r = lock_file(p, LOCK_EX, &l->fd_shard, err, errlen);
    free(p);
    if (r)
        nb_lock_release(l);
    return r;
}

void nb_lock_release(nb_lock *l)
{
    /* closing drops the lock; the files stay, so the next run finds the
       same inode (unlinking them would race with a waiting locker) */
    if (l->fd_shard >= 0)
        close(l->fd_shard);
    if (l->fd_main >= 0)
        close(l->fd_main);
    l->fd_main = l->fd_shard = -1;
}
