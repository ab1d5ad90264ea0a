/*
 * lock.h - keeping two narrate runs from writing one OUT_DIR at once.
 *
 * OUT_DIR/.narrate.lock is flock()ed: exclusively by an unsharded batch and
 * by `narrate feed` (they rewrite feed.xml and may prune), shared by shard
 * runs, which in addition lock OUT_DIR/.narrate-shard-K-of-N.lock
 * exclusively.  So shards run side by side, a shard never runs twice at
 * once, and feed waits for no one: it fails fast.  The kernel drops the
 * locks when the process dies, so a killed run never leaves a stale lock.
 *
 * Internal to the narrate command.
 */
#ifndef NB_LOCK_H
#define NB_LOCK_H

#include <stddef.h>

typedef struct nb_lock {
    int fd_main;
    int fd_shard;
} nb_lock;

/* Takes the locks without waiting; shard_k/shard_n = 0 for an unsharded
   run.  Returns 0, or -1 with a message for the user in err. */
int nb_lock_take(nb_lock *l, const char *out_dir, unsigned shard_k,
                 unsigned shard_n, char *err, size_t errlen);
void nb_lock_release(nb_lock *l);

#endif
