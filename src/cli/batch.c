/*
 * batch.c - `narrate batch IN_DIR OUT_DIR`: every article in IN_DIR becomes
 * an episode in OUT_DIR (MP3, chapters JSON, sidecar), then feed.xml.
 *
 * Articles are narrated one after another, each with --jobs synthesis
 * threads: the library already keeps the cores busy within an article, and
 * one article at a time keeps memory flat, progress simple and a failure
 * isolated.  Scale-out beyond one host is --shard (docs/batch.md).
 *
 * Per article: parse, hash what will be spoken plus the voice and audio
 * options (the incremental key), and re-synthesize only when the key or
 * the files differ from the sidecar.  The sidecar is written last: it is
 * the commit point, so a run killed anywhere leaves the previous episode
 * and feed, and the next run redoes just the unfinished work.
 */
#include "cli.h"
#include "commands.h"
#include "config.h"
#include "datadir.h"
#include "episode.h"
#include "feed.h"
#include "files.h"
#include "lock.h"
#include "narrate.h"
#include "report.h"
#include "safetext.h"
#include "signals.h"
#include "slug.h"

#include <errno.h>
#include <getopt.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct run {
    const char *in_dir, *out_dir;
    nb_config cfg;
    int jobs;
    unsigned shard_k, shard_n;  /* 1-based K of N; N = 0 unsharded */
    int prune;
    const char *voice;          /* effective voice name (for the key) */
    char *voice_path;           /* where NAME.flitevox voices are found */
    char *lex, *lex_path;       /* the default lexicon, as main.c loads it */
    size_t lex_len;
    char *cover;                /* config cover_file, for every episode */
    size_t cover_len;
    char channel_guid[37];
    uint8_t guid_ns[16];        /* namespace of episode guids */
    nb_episode *old;            /* sidecars found in OUT_DIR */
    size_t nold;
    int64_t now;
    char **names;               /* the articles in IN_DIR, sorted */
    size_t nnames;
    nb_lock lock;               /* on OUT_DIR, held when locked */
    int locked;
    const char *report_path;
    char *report_alloc;         /* report_path when it is the default */
    nb_report *report;
} run;

static uint64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int cmp_source(const void *a, const void *b)
{
    return strcmp(((const nb_episode *)a)->source, ((const nb_episode *)b)->source);
}

/* The sidecar of an article; r->old is sorted by source (bsearch keeps a
   nightly run over thousands of articles linear-ish). */
static nb_episode *find_old(run *r, const char *source)
{
    nb_episode key;
    key.source = (char *)source;
    return r->nold ? bsearch(&key, r->old, r->nold, sizeof *r->old, cmp_source) : NULL;
}

static int in_shard(const run *r, const char *source)
{
    return !r->shard_n || nb_shard_of(source, r->shard_n) == r->shard_k - 1;
}

/* ---- the incremental key ---- */

static int hash_write(void *ud, const void *data, size_t len)
{
    sha256_update(ud, len, data);
    return 0;
}

/* SHA-256 over a version tag, voice, rate, bitrate and the spoken script:
   everything that changes the audio, nothing that does not (a new date or
   description keeps the audio). */
static nr_status make_key(run *r, nr_ctx *ctx, char out[65])
{
    struct sha256_ctx h;
    char opts[128];
    sha256_init(&h);
    snprintf(opts, sizeof opts, "narrate-key-1\nrate=%.3f\nbitrate=%d\nvoice=",
             r->cfg.rate > 0 ? r->cfg.rate : 1.0,
             r->cfg.bitrate > 0 ? r->cfg.bitrate : 64);
    sha256_update(&h, strlen(opts), (const uint8_t *)opts);
    sha256_update(&h, strlen(r->voice) + 1, (const uint8_t *)r->voice);
    /* the lexicon changes pronunciations without changing the script */
    sha256_update(&h, 8, (const uint8_t *)"lexicon=");
    if (r->lex)
        sha256_update(&h, r->lex_len, (const uint8_t *)r->lex);
    nr_status s = nr_script(ctx, hash_write, &h);
    if (s != NR_OK)
        return s;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&h, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
    return NR_OK;
}

/* ---- progress ---- */

static void fmt_dur(char *b, size_t n, uint64_t s)
{
    if (s >= 3600)
        snprintf(b, n, "%u:%02u:%02u", (unsigned)(s / 3600), (unsigned)(s / 60 % 60),
                 (unsigned)(s % 60));
    else
        snprintf(b, n, "%u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
}

/* "articles done of total, elapsed, estimate", redrawn in place on a
   terminal at most once a second; the estimate assumes the rest take as
   long as the average so far, counting the current article's fraction. */
typedef struct progress_state {
    size_t done, total;
    uint64_t start_ms, last_ms;
    int drawn;
} progress_state;

static void progress_draw(progress_state *p, double frac, int force)
{
    uint64_t now = mono_ms();
    if (!force && p->drawn && now - p->last_ms < 1000)
        return;
    p->last_ms = now;
    p->drawn = 1;
    char el[32], left[32];
    uint64_t e = now - p->start_ms;
    double x = (double)p->done + frac;
    fmt_dur(el, sizeof el, e / 1000);
    if (x > 0.01)
        fmt_dur(left, sizeof left,
                (uint64_t)((double)e * ((double)p->total - x) / x / 1000.0 + 0.5));
    else
        snprintf(left, sizeof left, "?");
    fprintf(stderr, "\rnarrate: %zu/%zu articles  %s elapsed  ~%s left   ",
            p->done, p->total, el, left);
    if (p->done == p->total)
        fputc('\n', stderr);
}

/* nr_progress_fn: the current article's rendering progress */
static void progress_cb(void *ud, size_t done, size_t total, uint64_t audio_ms)
{
    (void)audio_ms;
    progress_draw(ud, total ? (double)done / (double)total : 0.0, 0);
}

/* ---- one article ---- */

static int file_size(const char *dir, const char *name, uint64_t *size)
{
    char *p = cli_path(dir, name);
    struct stat st;
    int ok = p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    if (ok)
        *size = (uint64_t)st.st_size;
    return ok ? 0 : -1;
}

static char *with_suffix(const char *stem, const char *suffix)
{
    size_t n = strlen(stem) + strlen(suffix) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", stem, suffix);
    return s;
}

/* Apple reads at most 4000 bytes of an item description: cut longer ones
   at a character boundary and mark the cut. */
static void clip_description(char *d)
{
    enum { MAX = 4000 - 3 };  /* room for the ellipsis */
    size_t n = d ? strlen(d) : 0;
    if (n <= 4000)
        return;
    n = MAX;
    while (n > 0 && ((unsigned char)d[n] & 0xc0) == 0x80)
        n--;  /* not inside a UTF-8 sequence */
    memcpy(d + n, "\xe2\x80\xa6", 4);  /* U+2026 and the NUL */
}

/* The file name without its extension, for an article with no title
   (safe text: a file name may hold control characters). */
static char *stem_of(const char *source)
{
    char *s = nb_safe_text(source);
    char *dot = s ? strrchr(s, '.') : NULL;
    if (dot && dot != s)
        *dot = '\0';
    return s;
}

static void warn(nb_report_item *it, const char *source, const char *text)
{
    cli_msg(2, "%s: warning: %s", source, text);
    nb_report_warn(it, text);
}

/* The settings every article gets: voice (path), lexicon, threads. */
static nr_status setup_ctx(run *r, nr_ctx *ctx)
{
    nr_status s;
    if (r->voice_path && (s = nr_set_voice_path(ctx, r->voice_path)) != NR_OK)
        return s;
    if (r->lex && (s = nr_add_lexicon(ctx, r->lex, r->lex_len, r->lex_path, NULL)) != NR_OK)
        return s;
    if ((s = nr_set_jobs(ctx, r->jobs)) != NR_OK)
        return s;
    if (r->cfg.voice && (s = nr_set_voice(ctx, r->cfg.voice)) != NR_OK)
        return s;
    if (r->cover && (s = nr_set_cover(ctx, r->cover, r->cover_len)) != NR_OK)
        return s;
    return NR_OK;
}

/* Reads the config's cover_file once and checks it is an image, so a bad
   file is one error naming the key, not a failure per article. */
static int load_cover(run *r)
{
    if (!r->cfg.cover_file)
        return 0;
    int e = cli_read_file(r->cfg.cover_file, &r->cover, &r->cover_len);
    if (e) {
        cli_msg(0, "batch: cover_file '%s': %s", r->cfg.cover_file, strerror(e));
        return CLI_EXIT_INPUT;
    }
    nr_ctx *ctx = nr_new();
    nr_status s = ctx ? nr_set_cover(ctx, r->cover, r->cover_len) : NR_ERR_NOMEM;
    if (s != NR_OK && r->cfg.path)
        cli_msg(0, "%s:%u: cover_file: '%s': %s", r->cfg.path, r->cfg.cover_line,
                r->cfg.cover_file, ctx ? nr_errmsg(ctx) : "out of memory");
    else if (s != NR_OK)
        cli_msg(0, "batch: cover_file '%s': %s", r->cfg.cover_file,
                ctx ? nr_errmsg(ctx) : "out of memory");
    nr_free(ctx);
    /* a file that is not an image is a bad setting, like a bad voice */
    return s == NR_OK ? 0 : s == NR_ERR_NOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
}

/* Checks the voice once, before any article, so a typo is a usage error
   naming where the voice came from instead of N failed articles. */
static int check_voice(run *r, int from_option)
{
    nr_ctx *ctx = nr_new();
    if (!ctx) {
        cli_msg(0, "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    nr_status s = setup_ctx(r, ctx);
    int rc = CLI_EXIT_OK;
    if (s != NR_OK) {
        const char *d = nr_errmsg(ctx);
        if (!d || !*d)
            d = nr_strerror(s);
        if (!from_option && r->cfg.path)
            cli_msg(0, "%s:%u: voice: %s", r->cfg.path, r->cfg.voice_line, d);
        else
            cli_msg(0, "batch: %s", d);
        rc = s == NR_ERR_NOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
    }
    nr_free(ctx);
    return rc;
}

/* Narrates one article.  Returns the report status ("synthesized",
   "reused") or NULL on failure with the reason in err. */
static const char *do_article(run *r, const char *source, nb_report_item *it,
                              nb_episode *ep, progress_state *ps,
                              char *err, size_t errlen)
{
    const char *status = NULL;
    char *data = NULL, *path = NULL, *tmp = NULL;
    size_t len;
    nr_ctx *ctx = NULL;
    nr_status s;

    /* the name is the episode's identity in sidecars and the report, which
       are UTF-8 text: one that cannot be written there could be narrated
       but never published (nor found again on the next run) */
    const char *bad_name = nb_name_problem(source);
    if (bad_name) {
        snprintf(err, errlen, "the file name %s; rename the file to publish it", bad_name);
        goto out;
    }
    path = cli_path(r->in_dir, source);
    if (!path) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    const char *kind;
    int e = cli_read_article(path, r->cfg.follow_symlinks, &data, &len, &kind);
    if (e && kind)
        snprintf(err, errlen, "'%s' is %s, not a regular file", path, kind);
    else if (e)
        snprintf(err, errlen, "cannot read '%s': %s", path, strerror(e));
    if (e)
        goto out;
    ctx = nr_new();
    if (!ctx) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    cli_signal_cancels(ctx);
    if (ps)
        nr_set_progress(ctx, progress_cb, ps);
    if ((s = setup_ctx(r, ctx)) != NR_OK ||
        (r->cfg.rate > 0 && (s = nr_set_rate(ctx, r->cfg.rate)) != NR_OK) ||
        (r->cfg.bitrate > 0 && (s = nr_set_bitrate(ctx, r->cfg.bitrate)) != NR_OK) ||
        (r->cfg.title && (s = nr_set_meta(ctx, NR_META_ALBUM, r->cfg.title)) != NR_OK) ||
        (s = nr_load(ctx, data, len, source)) != NR_OK)
        goto lib_error;

    char key[65];
    if ((s = make_key(r, ctx, key)) != NR_OK)
        goto lib_error;

    nb_episode *old = find_old(r, source);
    const char *t = nr_get_meta(ctx, NR_META_TITLE);
    if (t && *t)
        ep->title = cli_strdup(t);
    else {
        ep->title = stem_of(source);
        warn(it, source, "no title found; the file name is the title");
    }
    ep->source = cli_strdup(source);
    ep->description = cli_strdup(nr_get_meta(ctx, NR_META_DESCRIPTION));
    if (!ep->description)
        warn(it, source, "no description found; the title is used");
    clip_description(ep->description);
    ep->author = cli_strdup(nr_get_meta(ctx, NR_META_AUTHOR));
    ep->key = cli_strdup(key);
    if (old) {
        /* identity and file names never change once chosen */
        ep->slug = cli_strdup(old->slug);
        ep->guid = cli_strdup(old->guid);
        ep->first_seen = old->first_seen;
    } else {
        char g[37];
        ep->slug = nb_slug(ep->title, source);
        nb_uuid5(r->guid_ns, source, strlen(source), g);
        ep->guid = cli_strdup(g);
        ep->first_seen = r->now;
    }
    if (!ep->title || !ep->source || !ep->key || !ep->slug || !ep->guid) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    if (!old) {
        for (size_t i = 0; i < r->nold; i++)
            if (strcmp(r->old[i].slug, ep->slug) == 0) {
                snprintf(err, errlen, "file name '%s' is taken by %s",
                         ep->slug, r->old[i].source);
                goto out;
            }
    }
    ep->audio = with_suffix(ep->slug, ".mp3");
    ep->chapters = with_suffix(ep->slug, NB_CHAPTERS_SUFFIX);
    if (!ep->audio || !ep->chapters) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    const char *iso = nr_get_meta(ctx, NR_META_DATE_ISO);
    if (iso && nb_parse_iso_date(iso, &ep->pub_date) == 0)
        ep->dated = 1;
    else {
        ep->pub_date = ep->first_seen;
        warn(it, source, "no date found; pubDate is the time the article was first seen");
    }

    uint64_t size, csize;
    if (old && strcmp(old->key, key) == 0 &&
        file_size(r->out_dir, old->audio, &size) == 0 && size == old->bytes &&
        file_size(r->out_dir, ep->chapters, &csize) == 0) {
        ep->duration_ms = old->duration_ms;
        ep->bytes = old->bytes;
        ep->nchapters = old->nchapters;
        status = "reused";
    } else {
        free(tmp);
        tmp = cli_path(r->out_dir, ep->audio);
        if (!tmp) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        if ((s = nr_render_file(ctx, tmp, NR_OUT_MP3)) != NR_OK)
            goto lib_error;
        double lin, lgain, lout;
        nr_get_loudness(ctx, &lin, &lgain, &lout);
        nb_report_loudness(it, lin, lgain, lout);
        free(tmp);
        tmp = cli_path(r->out_dir, ep->chapters);
        if (!tmp) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        if ((s = nr_write_chapters_json(ctx, tmp)) != NR_OK)
            goto lib_error;
        if (file_size(r->out_dir, ep->audio, &ep->bytes) != 0) {
            snprintf(err, errlen, "'%s' vanished after it was written", ep->audio);
            goto out;
        }
        ep->duration_ms = nr_duration_ms(ctx);
        ep->nchapters = nr_chapter_count(ctx);
        status = "synthesized";
    }
    /* the commit point: from here the feed sees the new episode */
    e = nb_episode_save(r->out_dir, ep);
    if (e) {
        snprintf(err, errlen, "cannot write the sidecar of '%s': %s", ep->slug,
                 e == EINVAL ? "a field is not valid UTF-8" : strerror(e));
        status = NULL;
    }
    goto out;

lib_error:;
    const char *d = nr_errmsg(ctx);
    snprintf(err, errlen, "%s", s == NR_ERR_CANCELLED ? "interrupted"
                               : d && *d ? d : nr_strerror(s));
out:
    cli_signal_cancels(NULL);
    nr_free(ctx);
    free(data);
    free(path);
    free(tmp);
    return status;
}

/* ---- pruning ---- */

static void remove_file(const char *dir, const char *name)
{
    char *p = name ? cli_path(dir, name) : NULL;
    if (p && unlink(p) != 0 && errno != ENOENT)
        cli_msg(1, "warning: cannot remove '%s': %s", p, strerror(errno));
    free(p);
}

/* Episodes of this shard whose article is gone: removed with --prune
   (sidecar first, so a crash never leaves a sidecar without audio), else
   counted and kept. */
static void prune(run *r, char **names, size_t n)
{
    size_t orphans = 0;
    for (size_t i = 0; i < r->nold; i++) {
        nb_episode *o = &r->old[i];
        if (!in_shard(r, o->source) || cli_list_has(names, n, o->source))
            continue;
        orphans++;
        if (!r->prune)
            continue;
        char *side = with_suffix(o->slug, NB_EPISODE_SUFFIX);
        remove_file(r->out_dir, side);
        free(side);
        remove_file(r->out_dir, o->audio);
        remove_file(r->out_dir, o->chapters);
        nb_report_item *it = nb_report_add(r->report, o->source);
        nb_report_set(it, "pruned", o->slug, o->duration_ms, 0);
        cli_msg(2, "%s: article gone; episode '%s' removed", o->source, o->slug);
    }
    if (orphans && !r->prune)
        cli_msg(1, "%zu episode%s no article in '%s' any more; kept (--prune removes them)",
               orphans, orphans == 1 ? " has" : "s have", r->in_dir);
}

/* ---- options ---- */

static void batch_usage(FILE *f)
{
    fputs(
"Usage: narrate batch IN_DIR OUT_DIR [OPTIONS]\n"
"Narrates every article in IN_DIR (.txt, .md, .html) into OUT_DIR/<slug>.mp3\n"
"with its chapters (<slug>.chapters.json) and sidecar (<slug>.episode.json),\n"
"then writes OUT_DIR/feed.xml.  Unchanged articles are not synthesized again.\n"
"\n"
"  -c, --config FILE   channel settings and voice (see docs/batch.md)\n"
"  -j, --jobs N        synthesis threads per article (default: CPUs)\n"
"      --shard K/N     only the K-th of N parts of the articles (1 <= K <= N);\n"
"                      no feed.xml: run 'narrate feed OUT_DIR' after all parts\n"
"      --voice NAME    voice, overriding the configuration\n"
"      --prune         remove episodes whose article is gone\n"
"      --report FILE   JSON run report (default OUT_DIR/report.json, or\n"
"                      OUT_DIR/report-K-of-N.json with --shard)\n"
"  -q, --quiet         no messages but errors\n"
"  -v, --verbose       more messages\n"
"  -h, --help          this help\n"
"\n"
"SOURCE_DATE_EPOCH, when set, replaces the clock (lastBuildDate, first seen).\n"
"Exit codes: 0 ok, 1 internal, 2 usage or bad configuration value,\n"
"3 IN_DIR or configuration unreadable, 4 OUT_DIR unwritable or in use by\n"
"another run, 6 some articles failed (the others are done), 130 interrupted.\n",
        f);
}

static int parse_shard(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    errno = 0;
    unsigned long a = strtoul(s, &end, 10);
    if (errno || end == s || *end != '/' || *s == '-')
        return -1;
    const char *q = end + 1;
    unsigned long b = strtoul(q, &end, 10);
    if (errno || end == q || *end || *q == '-' || a < 1 || b < 1 || a > b ||
        b > 1000000)
        return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}

enum { OPT_SHARD = 256, OPT_VOICE, OPT_PRUNE, OPT_REPORT };

/* What the options name beyond the run's own fields. */
typedef struct batch_opts {
    const char *config, *voice, *report;
} batch_opts;

/* parse_batch_args's "go on and run"; anything else is the exit code. */
enum { PARSED = -1 };

/* argv -> *r (jobs, shard, prune, the folders) and *o. */
static int parse_batch_args(int argc, char **argv, run *r, batch_opts *o)
{
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"jobs", required_argument, NULL, 'j'},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"voice", required_argument, NULL, OPT_VOICE},
        {"prune", no_argument, NULL, OPT_PRUNE},
        {"report", required_argument, NULL, OPT_REPORT},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":c:j:qvh", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': o->config = optarg; break;
        case 'j':
            if (cli_parse_int(optarg, 0, 256, &r->jobs) != 0) {
                cli_msg(0, "batch: --jobs needs a number from 0 to 256, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_SHARD:
            if (parse_shard(optarg, &r->shard_k, &r->shard_n) != 0) {
                cli_msg(0, "batch: --shard needs K/N with 1 <= K <= N, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_VOICE: o->voice = optarg; break;
        case OPT_PRUNE: r->prune = 1; break;
        case OPT_REPORT: o->report = optarg; break;
        case 'q': cli_verbosity = 0; break;
        case 'v': cli_verbosity = 2; break;
        case 'h': batch_usage(stdout); return CLI_EXIT_OK;
        case ':':
            cli_msg(0, "batch: %s needs a value (try 'narrate batch --help')", argv[optind - 1]);
            return CLI_EXIT_USAGE;
        default:
            cli_msg(0, "batch: unknown option '%s' (try 'narrate batch --help')", argv[optind - 1]);
            return CLI_EXIT_USAGE;
        }
    }
    if (argc - optind != 2) {
        cli_msg(0, "batch: expected IN_DIR and OUT_DIR (try 'narrate batch --help')");
        return CLI_EXIT_USAGE;
    }
    r->in_dir = argv[optind];
    r->out_dir = argv[optind + 1];
    return PARSED;
}

/* ---- the run ---- */

/* What every article shares, checked once before any: configuration,
   voice, data paths, cover, clock, channel guid. */
static int prepare(run *r, const batch_opts *o)
{
    int rc;
    if ((rc = nb_config_setup(&r->cfg, o->config, r->out_dir)) != 0)
        return rc;
    if (o->voice) {
        free(r->cfg.voice);
        if (!(r->cfg.voice = cli_strdup(o->voice)))
            return CLI_EXIT_INTERNAL;
    }
    r->voice = r->cfg.voice ? r->cfg.voice : "slt";  /* the library's default */
    r->voice_path = cli_voice_path();
    if (!r->voice_path || cli_default_lexicon(&r->lex, &r->lex_len, &r->lex_path) != 0) {
        cli_msg(0, "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    if ((rc = check_voice(r, o->voice != NULL)) != 0 || (rc = load_cover(r)) != 0)
        return rc;
    if ((r->now = nb_now()) < 0)
        return CLI_EXIT_USAGE;
    nb_channel_guid(&r->cfg, r->channel_guid);
    nb_uuid_parse(r->channel_guid, r->guid_ns);
    return 0;
}

/* IN_DIR's articles; OUT_DIR created, locked and cleared of a killed
   run's temporaries; its episodes; the report. */
static int open_dirs(run *r, const char *report)
{
    int e = cli_list_articles(r->in_dir, r->cfg.follow_symlinks, &r->names, &r->nnames);
    if (e) {
        cli_msg(0, "batch: cannot read '%s': %s", r->in_dir, strerror(e));
        return CLI_EXIT_INPUT;
    }
    if (mkdir(r->out_dir, 0777) != 0 && errno != EEXIST) {
        cli_msg(0, "batch: cannot create '%s': %s", r->out_dir, strerror(errno));
        return CLI_EXIT_OUTPUT;
    }
    char err[1024];
    if (nb_lock_take(&r->lock, r->out_dir, r->shard_k, r->shard_n, err, sizeof err) != 0) {
        cli_msg(0, "batch: %s", err);
        return CLI_EXIT_OUTPUT;
    }
    r->locked = 1;
    if (!r->shard_n)
        cli_remove_stale_temps(r->out_dir);  /* exclusive: no writer is running */
    if ((e = nb_episodes_load_dir(r->out_dir, &r->old, &r->nold)) != 0) {
        cli_msg(0, "batch: cannot read '%s': %s", r->out_dir, strerror(e));
        return CLI_EXIT_OUTPUT;
    }
    if (r->nold > 1)
        qsort(r->old, r->nold, sizeof *r->old, cmp_source);
    if (!report) {
        char name[64];
        if (r->shard_n)
            snprintf(name, sizeof name, "report-%u-of-%u.json", r->shard_k, r->shard_n);
        else
            snprintf(name, sizeof name, "report.json");
        report = r->report_alloc = cli_path(r->out_dir, name);
    }
    r->report_path = report;
    r->report = nb_report_new(r->now, r->shard_k, r->shard_n);
    if (!r->report_path || !r->report) {
        cli_msg(0, "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    return 0;
}

/* Every article of the shard in name order, until done or a signal.
   Returns how many the shard holds. */
static size_t narrate_all(run *r)
{
    size_t total = 0;
    for (size_t i = 0; i < r->nnames; i++)
        total += (size_t)in_shard(r, r->names[i]);
    int tty = cli_verbosity >= 1 && isatty(2);
    progress_state ps = {0, total, mono_ms(), 0, 0};
    if (tty && total)
        progress_draw(&ps, 0.0, 1);
    char err[1024];
    for (size_t i = 0; i < r->nnames && !cli_caught_signal; i++) {
        const char *name = r->names[i];
        if (!in_shard(r, name))
            continue;
        uint64_t t0 = mono_ms();
        nb_report_item *it = nb_report_add(r->report, name);
        nb_episode ep;
        memset(&ep, 0, sizeof ep);
        const char *st = do_article(r, name, it, &ep, tty ? &ps : NULL, err, sizeof err);
        nb_report_set(it, st ? st : cli_caught_signal ? "interrupted" : "failed", ep.slug,
                      st ? ep.duration_ms : 0, mono_ms() - t0);
        if (!st) {
            nb_report_error(it, err);
            if (tty)
                fputc('\n', stderr);
            if (!cli_caught_signal)
                cli_msg(1, "%s: %s; skipped", name, err);
        } else
            cli_msg(2, "%s: %s -> %s", name, st, ep.audio);
        nb_episode_free(&ep);
        ps.done++;
        if (tty && !cli_caught_signal)
            progress_draw(&ps, 0.0, 1);
    }
    return total;
}

/* After the articles: prune, the feed (unsharded), the report, the last
   message.  Returns the run's exit code. */
static int finish(run *r, size_t total)
{
    int rc = CLI_EXIT_OK, feed_written = 0;
    if (!cli_caught_signal)
        prune(r, r->names, r->nnames);
    if (!cli_caught_signal && !r->shard_n) {
        int fr = nb_rebuild_feed(r->out_dir, &r->cfg);
        if (fr)
            rc = fr;
        else
            feed_written = 1;
    }
    size_t nfail = nb_report_count(r->report, "failed");
    int64_t fin = nb_now();
    int e = nb_report_write(r->report, r->report_path, fin < 0 ? r->now : fin,
                            cli_caught_signal != 0, feed_written);
    if (e) {
        cli_msg(0, "batch: cannot write the report '%s': %s", r->report_path, strerror(e));
        if (!rc)
            rc = CLI_EXIT_OUTPUT;
    }
    if (cli_caught_signal) {
        cli_msg(1, "interrupted; finished episodes are kept, rerun to complete");
        return CLI_EXIT_INTERRUPTED;
    }
    cli_msg(1, "%zu article%s: %zu synthesized, %zu reused, %zu failed%s",
            total, total == 1 ? "" : "s",
            nb_report_count(r->report, "synthesized"),
            nb_report_count(r->report, "reused"), nfail,
            feed_written ? "; feed.xml written" : "");
    return !rc && nfail ? CLI_EXIT_PARTIAL : rc;
}

static void run_free(run *r)
{
    if (r->locked)
        nb_lock_release(&r->lock);
    nb_report_free(r->report);
    nb_episodes_free(r->old, r->nold);
    cli_free_list(r->names, r->nnames);
    free(r->report_alloc);
    free(r->voice_path);
    free(r->lex);
    free(r->cover);
    free(r->lex_path);
    nb_config_free(&r->cfg);
}

int nr_cmd_batch(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    nb_config_init(&r.cfg);
    batch_opts o = {NULL, NULL, NULL};
    int rc = parse_batch_args(argc, argv, &r, &o);
    if (rc == PARSED && (rc = prepare(&r, &o)) == 0 &&
        (rc = open_dirs(&r, o.report)) == 0) {
        cli_catch_signals();
        size_t total = narrate_all(&r);
        rc = finish(&r, total);
    }
    run_free(&r);
    return rc;
}
