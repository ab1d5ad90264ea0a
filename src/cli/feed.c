/*
 * feed.c - `narrate feed OUT_DIR`: rebuilds feed.xml from the episode
 * sidecars.  The reduce step after sharded batch runs, and the last step of
 * every unsharded batch run (nb_rebuild_feed), so both make the same feed.
 */
#include "cli.h"
#include "files.h"
#include "commands.h"
#include "config.h"
#include "episode.h"
#include "feed.h"
#include "lock.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Keeps only episodes whose audio is there with the recorded size: a
   sidecar from a run killed between writing audio and sidecar, or a file
   deleted by hand, must not put a broken enclosure into the feed. */
static size_t keep_complete(const char *out_dir, nb_episode *eps, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        nb_episode *ep = &eps[i];
        char *p = cli_path(out_dir, ep->audio);
        struct stat st;
        int ok = p && stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
                 (uint64_t)st.st_size == ep->bytes;
        if (!ok)
            cli_msg(1, "warning: %s: '%s' is missing or not the size recorded; "
                      "left out of the feed (rerun batch to redo it)",
                   ep->source, ep->audio);
        free(p);
        for (size_t j = 0; ok && j < m; j++)
            if (strcmp(eps[j].guid, ep->guid) == 0) {
                cli_msg(1, "warning: %s and %s share guid %s; keeping the first",
                       eps[j].source, ep->source, ep->guid);
                ok = 0;
            }
        if (ok && ep->chapters) {
            p = cli_path(out_dir, ep->chapters);
            if (!p || stat(p, &st) != 0) {
                free(ep->chapters);  /* feed the audio, without chapters */
                ep->chapters = NULL;
            }
            free(p);
        }
        if (ok && ep->transcript) {
            p = cli_path(out_dir, ep->transcript);
            if (!p || stat(p, &st) != 0) {
                free(ep->transcript);  /* never point at a missing file */
                ep->transcript = NULL;
            }
            free(p);
        }
        if (!ok) {
            nb_episode_free(ep);
            continue;
        }
        if (m != i) {
            eps[m] = *ep;
            memset(ep, 0, sizeof *ep);
        }
        m++;
    }
    return m;
}

int nb_rebuild_feed(const char *out_dir, const nb_config *cfg)
{
    nb_episode *eps;
    size_t n;
    int e = nb_episodes_load_dir(out_dir, &eps, &n);
    if (e) {
        cli_msg(0, "cannot read '%s': %s", out_dir, strerror(e));
        return CLI_EXIT_OUTPUT;
    }
    n = keep_complete(out_dir, eps, n);
    int64_t now = nb_now();
    if (now < 0) {
        nb_episodes_free(eps, n);
        return CLI_EXIT_USAGE;
    }
    const char *what;
    e = nb_feed_write(out_dir, cfg, eps, n, now, &what);
    nb_episodes_free(eps, n);
    if (e) {
        cli_msg(0, "%s in '%s': %s", what, out_dir, strerror(e));
        return CLI_EXIT_OUTPUT;
    }
    cli_msg(2, "feed.xml written with %zu episodes", n);
    return CLI_EXIT_OK;
}

static void feed_usage(FILE *f)
{
    fputs(
"Usage: narrate feed OUT_DIR [--config FILE]\n"
"Rebuilds OUT_DIR/feed.xml from the episode sidecars (*.episode.json) that\n"
"narrate batch wrote: the reduce step after sharded batch runs.\n"
"\n"
"  -c, --config FILE   channel settings (see docs/batch.md)\n"
"  -q, --quiet         no messages but errors\n"
"  -v, --verbose       more messages\n"
"  -h, --help          this help\n"
"\n"
"SOURCE_DATE_EPOCH, when set, is used as lastBuildDate.\n"
"Exit codes: 0 ok, 1 internal, 2 usage or bad configuration value,\n"
"3 configuration unreadable, 4 OUT_DIR unreadable, unwritable or locked.\n",
        f);
}

int nr_cmd_feed(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *config = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":c:qvh", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': config = optarg; break;
        case 'q': cli_verbosity = 0; break;
        case 'v': cli_verbosity = 2; break;
        case 'h': feed_usage(stdout); return CLI_EXIT_OK;
        case ':':
            cli_msg(0, "feed: %s needs a value (try 'narrate feed --help')", argv[optind - 1]);
            return CLI_EXIT_USAGE;
        default:
            cli_msg(0, "feed: unknown option '%s' (try 'narrate feed --help')", argv[optind - 1]);
            return CLI_EXIT_USAGE;
        }
    }
    if (argc - optind != 1) {
        cli_msg(0, "feed: expected one OUT_DIR (try 'narrate feed --help')");
        return CLI_EXIT_USAGE;
    }
    const char *out_dir = argv[optind];
    struct stat st;
    if (stat(out_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        cli_msg(0, "feed: '%s' is not a folder", out_dir);
        return CLI_EXIT_OUTPUT;
    }
    nb_config cfg;
    nb_config_init(&cfg);
    int rc = nb_config_setup(&cfg, config, out_dir);
    if (rc) {
        nb_config_free(&cfg);
        return rc;
    }
    nb_lock lk;
    char err[512];
    if (nb_lock_take(&lk, out_dir, 0, 0, err, sizeof err) != 0) {
        cli_msg(0, "feed: %s", err);
        nb_config_free(&cfg);
        return CLI_EXIT_OUTPUT;
    }
    cli_remove_stale_temps(out_dir);
    rc = nb_rebuild_feed(out_dir, &cfg);
    nb_lock_release(&lk);
    nb_config_free(&cfg);
    return rc;
}
