/*
 * batch.c - `narrate batch SOURCE OUT_DIR`: every article of SOURCE (a
 * folder, a feed, a URL list: source.h) becomes an episode in OUT_DIR
 * (MP3, chapters JSON, WebVTT transcript, sidecar), then feed.xml.
 *
 * Two articles are narrated at once, each with --jobs synthesis threads
 * (batch_lanes.c says why): the cores stay busy between articles, memory
 * is bounded by the lanes, and one article's failure cannot disturb
 * another's.  Scale-out beyond one host is --shard (docs/batch.md).
 *
 * Per article: read the file or fetch the page (conditionally when its
 * episode exists), parse, hash what will be spoken plus the voice and
 * audio options (the incremental key), and re-synthesize only when the key
 * or the files differ from the sidecar.  The sidecar is written last: it
 * is the commit point, so a run killed anywhere leaves the previous episode
 * and feed, and the next run redoes just the unfinished work.
 */
#include "batch.h"
#include "batch_books.h"
#include "cli.h"
#include "commands.h"
#include "config.h"
#include "datadir.h"
#include "episode.h"
#include "feed.h"
#include "fetch.h"
#include "files.h"
#include "lock.h"
#include "narrate.h"
#include "report.h"
#include "safetext.h"
#include "signals.h"
#include "slug.h"
#include "source.h"

#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct run {
    const char *in_arg, *out_dir;  /* SOURCE as given, OUT_DIR */
    const char *in_dir;            /* SOURCE when it is a folder */
    nb_config cfg;
    int jobs;
    int lanes;                  /* articles at once; 0 until chosen */
    nb_fetch_opts fetch;
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
    char opts_key[65];          /* the audio settings' hash (episode.h) */
    int64_t now;
    nb_source src;              /* the articles */
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

static void hex_digest(struct sha256_ctx *h, char out[65])
{
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(h, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Starts h over a version tag and the settings that change the audio
   without changing the script: voice, rate, bitrate, lexicon (which
   changes pronunciations). */
static void hash_settings(const run *r, struct sha256_ctx *h, const char *tag)
{
    char opts[128];
    sha256_init(h);
    snprintf(opts, sizeof opts, "%s\nrate=%.3f\nbitrate=%d\nvoice=", tag,
             r->cfg.rate > 0 ? r->cfg.rate : 1.0,
             r->cfg.bitrate > 0 ? r->cfg.bitrate : 64);
    sha256_update(h, strlen(opts), (const uint8_t *)opts);
    sha256_update(h, strlen(r->voice) + 1, (const uint8_t *)r->voice);
    sha256_update(h, 8, (const uint8_t *)"lexicon=");
    if (r->lex)
        sha256_update(h, r->lex_len, (const uint8_t *)r->lex);
}

/* What make_key hashes besides the script.  A page that answers 304 keeps
   its audio only when these are unchanged. */
static void make_opts_key(run *r, char out[65])
{
    struct sha256_ctx h;
    hash_settings(r, &h, "narrate-opts-1");
    hex_digest(&h, out);
}

/* SHA-256 over a version tag, voice, rate, bitrate and the spoken script:
   everything that changes the audio, nothing that does not (a new date or
   description keeps the audio). */
static nr_status make_key(run *r, nr_ctx *ctx, char out[65])
{
    struct sha256_ctx h;
    hash_settings(r, &h, "narrate-key-1");
    nr_status s = nr_script(ctx, hash_write, &h);
    if (s != NR_OK)
        return s;
    hex_digest(&h, out);
    return NR_OK;
}

/* ---- one article ---- */

static char *with_suffix(const char *stem, const char *suffix)
{
    size_t n = strlen(stem) + strlen(suffix) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", stem, suffix);
    return s;
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

/* Narrates one article into its episode.  Returns the report status
   ("synthesized", "reused") or NULL on failure with the reason in err. */
static const char *do_article(run *r, nb_pool *pool, nb_job *j, nb_episode *ep,
                              char *err, size_t errlen)
{
    const nb_item *item = j->item;
    const char *source = item->id;
    const char *status = NULL, *kind = NULL;
    char *data = NULL, *tmp = NULL;
    size_t len;
    nr_ctx *ctx = NULL;
    nr_status s;
    nb_fetched page = {0};

    if (item->error) {
        snprintf(err, errlen, "%s", item->error);
        return NULL;
    }
    /* the name is the episode's identity in sidecars and the report, which
       are UTF-8 text: one that cannot be written there could be narrated
       but never published (nor found again on the next run) */
    const char *bad_name = nb_name_problem(source);
    if (bad_name) {
        snprintf(err, errlen, "the file name %s; rename the file to publish it", bad_name);
        return NULL;
    }
    nb_episode *old = find_old(r, source);
    nb_input in = {r->in_dir, r->out_dir, r->opts_key, &r->fetch, r->cfg.follow_symlinks};
    int rd = nb_read_article(&in, item, old, &page, &data, &len, &kind, err, errlen);
    if (rd < 0)
        goto out;
    if (rd == 1) {  /* 304: the page is as it was */
        if (nb_keep_unchanged(item, old, ep) != 0) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        status = "reused";
        goto commit;
    }
    ctx = nr_new();
    if (!ctx) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    nb_pool_attach(pool, j, ctx);
    if ((s = setup_ctx(r, ctx)) != NR_OK ||
        (r->cfg.rate > 0 && (s = nr_set_rate(ctx, r->cfg.rate)) != NR_OK) ||
        (r->cfg.bitrate > 0 && (s = nr_set_bitrate(ctx, r->cfg.bitrate)) != NR_OK) ||
        (r->cfg.title && (s = nr_set_meta(ctx, NR_META_ALBUM, r->cfg.title)) != NR_OK) ||
        (s = nr_load(ctx, data, len, kind)) != NR_OK)
        goto lib_error;

    char key[65];
    if ((s = make_key(r, ctx, key)) != NR_OK)
        goto lib_error;

    const char *t = nr_get_meta(ctx, NR_META_TITLE);
    if (t && *t)
        ep->title = cli_strdup(t);
    else {
        ep->title = nb_fallback_title(item);
        nb_job_warn(j, item->title ? "no title found in the article; the feed item's title is used"
                       : item->url ? "no title found; the last part of the URL is the title"
                                   : "no title found; the file name is the title");
    }
    ep->source = cli_strdup(source);
    ep->description = cli_strdup(nr_get_meta(ctx, NR_META_DESCRIPTION));
    if (!ep->description && !item->description)
        nb_job_warn(j, "no description found; the title is used");
    nb_clip_description(ep->description);
    ep->author = cli_strdup(nr_get_meta(ctx, NR_META_AUTHOR));
    ep->key = cli_strdup(key);
    ep->opts_key = cli_strdup(r->opts_key);
    if (item->url) {
        char shown[2048];  /* sidecars are published: no credentials */
        nb_url_redact(item->url, shown, sizeof shown);
        ep->url = cli_strdup(shown);
        ep->etag = cli_strdup(page.etag);
        ep->last_modified = cli_strdup(page.last_modified);
    }
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
    if (!ep->title || !ep->source || !ep->key || !ep->slug || !ep->guid || !ep->opts_key) {
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
    ep->transcript = with_suffix(ep->slug, NB_TRANSCRIPT_SUFFIX);
    if (!ep->audio || !ep->chapters || !ep->transcript) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    const char *iso = nr_get_meta(ctx, NR_META_DATE_ISO);
    if (iso && nb_parse_iso_date(iso, &ep->pub_date) == 0)
        ep->dated = 1;
    else {
        ep->pub_date = ep->first_seen;
        if (!item->dated)
            nb_job_warn(j, "no date found; pubDate is the time the article was first seen");
    }
    nb_apply_item_meta(item, ep);

    if (old && strcmp(old->key, key) == 0 && nb_episode_intact(r->out_dir, old) &&
        strcmp(old->chapters, ep->chapters) == 0 &&
        strcmp(old->transcript, ep->transcript) == 0 &&
        nb_books_present(r->out_dir, ep->slug, r->cfg.books)) {
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
        nr_get_loudness(ctx, &j->lufs_in, &j->gain_db, &j->lufs_out);
        j->loudness_known = 1;
        free(tmp);
        tmp = cli_path(r->out_dir, ep->chapters);
        if (!tmp) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        if ((s = nr_write_chapters_json(ctx, tmp)) != NR_OK)
            goto lib_error;
        free(tmp);
        tmp = cli_path(r->out_dir, ep->transcript);
        if (!tmp) {
            snprintf(err, errlen, "out of memory");
            goto out;
        }
        if ((s = nr_write_transcript(ctx, tmp)) != NR_OK)
            goto lib_error;
        /* talking books from this render, not another synthesis */
        if (r->cfg.books &&
            (s = nb_books_write(ctx, r->out_dir, ep->slug, ep->audio, r->cfg.books)) != NR_OK)
            goto lib_error;
        if (nb_file_size(r->out_dir, ep->audio, &ep->bytes) != 0) {
            snprintf(err, errlen, "'%s' vanished after it was written", ep->audio);
            goto out;
        }
        ep->duration_ms = nr_duration_ms(ctx);
        ep->nchapters = nr_chapter_count(ctx);
        status = "synthesized";
    }
commit:;
    /* the commit point: from here the feed sees the new episode */
    int e = nb_episode_save(r->out_dir, ep);
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
    if (ctx)
        nb_pool_detach(pool, j);
    nr_free(ctx);
    if (data != page.data)
        free(data);  /* a file's bytes; a page's belong to page */
    nb_fetched_free(&page);
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
static void prune(run *r)
{
    size_t orphans = 0;
    for (size_t i = 0; i < r->nold; i++) {
        nb_episode *o = &r->old[i];
        if (!in_shard(r, o->source) || nb_source_has(&r->src, o->source))
            continue;
        orphans++;
        if (!r->prune)
            continue;
        char *side = with_suffix(o->slug, NB_EPISODE_SUFFIX);
        remove_file(r->out_dir, side);
        free(side);
        remove_file(r->out_dir, o->audio);
        remove_file(r->out_dir, o->chapters);
        remove_file(r->out_dir, o->transcript);
        nb_books_remove(r->out_dir, o->slug);
        nb_report_item *it = nb_report_add(r->report, o->source);
        nb_report_set(it, "pruned", o->slug, o->duration_ms, 0);
        cli_msg(2, "%s: article gone; episode '%s' removed", o->source, o->slug);
    }
    if (orphans && !r->prune)
        cli_msg(1, "%zu episode%s no article in the source any more; kept (--prune removes them)",
               orphans, orphans == 1 ? " has" : "s have");
}

/* ---- options ---- */

static void batch_usage(FILE *f)
{
    fputs(
"Usage: narrate batch SOURCE OUT_DIR [OPTIONS]\n"
"Narrates every article of SOURCE into OUT_DIR/<slug>.mp3 with its chapters\n"
"(<slug>.chapters.json), transcript (<slug>.vtt) and sidecar\n"
"(<slug>.episode.json), then writes OUT_DIR/feed.xml.  SOURCE is a folder of\n"
"articles (.txt, .md, .html), an RSS or Atom feed (a file or an http(s) URL)\n"
"whose items' pages are fetched, or a file listing URLs one per line.\n"
"Unchanged articles are not synthesized again, nor unchanged pages fetched.\n"
"\n"
"  -c, --config FILE   channel settings and voice (see docs/batch.md)\n"
"  -j, --jobs N        synthesis threads per article (default: CPUs)\n"
"      --lanes N       articles narrated at once (default 2; 1 with --jobs 1)\n"
"      --fetch-timeout S  seconds one page or feed may take (default 30)\n"
"      --shard K/N     only the K-th of N parts of the articles (1 <= K <= N);\n"
"                      no feed.xml: run 'narrate feed OUT_DIR' after all parts\n"
"      --voice NAME    voice, overriding the configuration\n"
"      --formats LIST  mp3 and talking books: epub (<slug>.epub), daisy\n"
"                      (<slug>.daisy/); overrides the configuration's formats\n"
"      --prune         remove episodes whose article is gone\n"
"      --report FILE   JSON run report (default OUT_DIR/report.json, or\n"
"                      OUT_DIR/report-K-of-N.json with --shard)\n"
"  -q, --quiet         no messages but errors\n"
"  -v, --verbose       more messages\n"
"  -h, --help          this help\n"
"\n"
"SOURCE_DATE_EPOCH, when set, replaces the clock (lastBuildDate, first seen).\n"
"Exit codes: 0 ok, 1 internal, 2 usage or bad configuration value,\n"
"3 SOURCE or configuration unreadable, 4 OUT_DIR unwritable or in use by\n"
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

enum { OPT_SHARD = 256, OPT_VOICE, OPT_PRUNE, OPT_REPORT, OPT_FORMATS, OPT_FETCH_TIMEOUT,
       OPT_LANES };

/* What the options name beyond the run's own fields. */
typedef struct batch_opts {
    const char *config, *voice, *report;
    const char *formats;        /* --formats, over the configuration's */
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
        {"formats", required_argument, NULL, OPT_FORMATS},
        {"fetch-timeout", required_argument, NULL, OPT_FETCH_TIMEOUT},
        {"lanes", required_argument, NULL, OPT_LANES},
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
        case OPT_FORMATS: o->formats = optarg; break;
        case OPT_LANES:
            if (cli_parse_int(optarg, 1, 16, &r->lanes) != 0) {
                cli_msg(0, "batch: --lanes needs a number from 1 to 16, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_FETCH_TIMEOUT: {
            int t;
            if (cli_parse_int(optarg, 1, 3600, &t) != 0) {
                cli_msg(0, "batch: --fetch-timeout needs seconds from 1 to 3600, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            r->fetch.timeout_s = t;
            break;
        }
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
        cli_msg(0, "batch: expected SOURCE and OUT_DIR (try 'narrate batch --help')");
        return CLI_EXIT_USAGE;
    }
    r->in_arg = argv[optind];
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
    const char *why;
    if (o->formats && nb_books_parse(o->formats, &r->cfg.books, &why) != 0) {
        cli_msg(0, "batch: --formats: %s, not '%.80s'", why, o->formats);
        return CLI_EXIT_USAGE;
    }
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
    make_opts_key(r, r->opts_key);
    /* two lanes: one article's single-threaded end beside the next one's
       synthesis (batch_lanes.c); --jobs 1 asks for one thread, so one */
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (!r->lanes)
        r->lanes = (r->jobs ? r->jobs : cpus) > 1 ? 2 : 1;
    return 0;
}

/* The source's articles; OUT_DIR created, locked and cleared of a killed
   run's temporaries; its episodes; the report. */
static int open_dirs(run *r, const char *report)
{
    int e = nb_source_open(&r->src, r->in_arg, &r->fetch, r->cfg.follow_symlinks);
    if (e)
        return e;
    if (r->src.kind == NB_SOURCE_DIR)
        r->in_dir = r->in_arg;
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
    if (!r->shard_n) {
        cli_remove_stale_temps(r->out_dir);  /* exclusive: no writer is running */
        nb_books_remove_stale(r->out_dir);
    }
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

/* nb_work_fn: one article, on a lane. */
static void work_article(void *ud, nb_pool *pool, nb_job *j)
{
    run *r = ud;
    uint64_t t0 = mono_ms();
    nb_episode ep;
    memset(&ep, 0, sizeof ep);
    j->status = do_article(r, pool, j, &ep, j->err, sizeof j->err);
    if (j->status) {
        j->slug = ep.slug;    /* kept for the report */
        j->audio = ep.audio;
        ep.slug = ep.audio = NULL;
        j->duration_ms = ep.duration_ms;
    }
    j->elapsed_ms = mono_ms() - t0;
    nb_episode_free(&ep);
}

/* nb_done_fn: an article's messages, on the main thread as it finishes. */
static void article_done(void *ud, nb_pool *pool, nb_job *j)
{
    (void)ud;
    const char *name = j->item->id;
    if (cli_verbosity >= 2 && j->nwarnings)
        nb_pool_message_break(pool);
    for (size_t i = 0; i < j->nwarnings; i++)
        cli_msg(2, "%s: warning: %s", name, j->warnings[i]);
    if (!j->status && !cli_caught_signal) {
        if (cli_verbosity >= 1)
            nb_pool_message_break(pool);
        cli_msg(1, "%s: %s; skipped", name, j->err);
    } else if (j->status) {
        if (cli_verbosity >= 2)
            nb_pool_message_break(pool);
        cli_msg(2, "%s: %s -> %s", name, j->status, j->audio);
    }
}

/* The report lists the articles in the source's order, whichever lane
   finished first. */
static void report_job(run *r, const nb_job *j)
{
    nb_report_item *it = nb_report_add(r->report, j->item->id);
    const char *st = j->status ? j->status : cli_caught_signal ? "interrupted" : "failed";
    nb_report_set(it, st, j->slug, j->status ? j->duration_ms : 0, j->elapsed_ms);
    if (j->item->url) {
        char shown[2048];
        nb_url_redact(j->item->url, shown, sizeof shown);
        nb_report_url(it, shown);
    }
    for (size_t i = 0; i < j->nwarnings; i++)
        nb_report_warn(it, j->warnings[i]);
    if (j->loudness_known)
        nb_report_loudness(it, j->lufs_in, j->gain_db, j->lufs_out);
    if (!j->status)
        nb_report_error(it, j->err);
}

/* Every article of the shard, until done or a signal.  Returns how many
   the shard holds, or (size_t)-1 when out of memory. */
static size_t narrate_all(run *r)
{
    size_t total = 0;
    for (size_t i = 0; i < r->src.n; i++)
        total += (size_t)in_shard(r, r->src.items[i].id);
    nb_job *jobs = calloc(total ? total : 1, sizeof *jobs);
    if (!jobs)
        return (size_t)-1;
    for (size_t i = 0, k = 0; i < r->src.n; i++)
        if (in_shard(r, r->src.items[i].id))
            jobs[k++].item = &r->src.items[i];
    int tty = cli_verbosity >= 1 && isatty(2);
    nb_pool_run(jobs, total, r->lanes, tty, work_article, article_done, r);
    for (size_t i = 0; i < total; i++) {
        if (jobs[i].ran)
            report_job(r, &jobs[i]);
        nb_job_clear(&jobs[i]);
    }
    free(jobs);
    return total;
}

/* After the articles: prune, the feed (unsharded), the report, the last
   message.  Returns the run's exit code. */
static int finish(run *r, size_t total)
{
    int rc = CLI_EXIT_OK, feed_written = 0;
    if (!cli_caught_signal)
        prune(r);
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
    nb_source_free(&r->src);
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
    nb_fetch_opts_default(&r.fetch);
    r.fetch.cancel = &cli_caught_signal;
    batch_opts o = {NULL, NULL, NULL, NULL};
    /* libxml2 (the HTML reader, feeds) and libcurl are set up once here,
       before any lane runs: both ask for it from a single thread */
    xmlInitParser();
    if (nb_fetch_init() != 0) {
        cli_msg(0, "cannot initialize libcurl");
        return CLI_EXIT_INTERNAL;
    }
    int rc = parse_batch_args(argc, argv, &r, &o);
    if (rc == PARSED && (rc = prepare(&r, &o)) == 0 &&
        (rc = open_dirs(&r, o.report)) == 0) {
        cli_catch_signals();
        size_t total = narrate_all(&r);
        if (total == (size_t)-1) {
            cli_msg(0, "out of memory");
            rc = CLI_EXIT_INTERNAL;
        } else
            rc = finish(&r, total);
    }
    run_free(&r);
    nb_fetch_cleanup();
    return rc;
}
