/*
 * main.c - the narrate command: a thin front end over libnarrate.
 *
 * Everything the program does is a library call; this file parses options,
 * reads the input file, prints messages and maps statuses to the documented
 * exit codes.  stdout carries data only (audio, --script, --normalize);
 * every message goes to stderr.
 *
 * main() hands `batch` and `feed` to their modules; otherwise parse_args
 * turns argv into an options struct (and the library's settings into the
 * context), and run turns the options into an exit code.
 */
#include "narrate.h"
#include "commands.h"
#include "cli.h"
#include "datadir.h"
#include "fetch.h"
#include "files.h"
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs(
"Usage: narrate [OPTIONS] INPUT -o OUTPUT    narrate an article into audio\n"
"       narrate --script [OPTIONS] INPUT     print what would be spoken\n"
"       narrate --extract [OPTIONS] INPUT    print the article as extracted\n"
"       narrate --normalize [FILE]           spoken form of each line\n"
"       narrate batch SOURCE OUT_DIR [...]   a folder, feed or URL list into podcast\n"
"                                            episodes + RSS\n"
"       narrate feed OUT_DIR [...]           rebuild the feed (after shards)\n"
"                                            (see 'narrate batch --help')\n"
"\n"
"INPUT is a text, Markdown or HTML file, an http:// or https:// URL (the\n"
"page is fetched and its article extracted), or - for standard input.\n"
"INPUT that is not text is refused (exit 3).\n"
"OUTPUT is .mp3, .wav, .flac, .ogg, .opus, .m4b or .raw (no extension: MP3);\n"
"- writes to standard output.  A talking book: .epub (EPUB 3, the text\n"
"highlighted as it is read), or --format daisy -o DIR (DAISY 2.02).\n"
"\n"
"Output:\n"
"  -o, --output FILE      where the audio goes (required to synthesize)\n"
"      --format FMT       mp3, wav, raw, flac, ogg, opus, m4b, epub, daisy,\n"
"                         whatever the name's extension (for -o -, a\n"
"                         directory or an unknown extension)\n"
"      --bitrate KBPS     MP3 bitrate, CBR (default 64)\n"
"      --sample-rate HZ   MP3 output rate (default: the voice's, 16000)\n"
"      --title TEXT       episode title (default: the article's)\n"
"      --author TEXT      author (default: the article's byline)\n"
"      --album TEXT       show or album name\n"
"      --cover FILE       cover art, JPEG or PNG\n"
"      --transcript FILE  WebVTT (.vtt) or SubRip (.srt), a cue per sentence\n"
"      --chapters-json FILE  Podcasting 2.0 chapters (JSON)\n"
"Voice:\n"
"      --voice NAME       kal, kal16, awb, rms, slt (default slt), a .flitevox\n"
"                         file, or NAME.flitevox in voices/ or NARRATE_VOICE_PATH\n"
"      --list-voices      list the voices and exit\n"
"      --rate R           speech rate 0.5 to 3.0 (default 1.0)\n"
"      --loudness L       EBU R128 target in LUFS, or off (default -16)\n"
"  -j, --jobs N           synthesis threads (default: number of CPUs)\n"
"Text:\n"
"      --script           print the spoken text, one paragraph a line\n"
"      --extract          print the article as found, before it is rewritten\n"
"                         for speech: Markdown with title, byline, date\n"
"      --normalize        print each input line's spoken form\n"
"      --explain[=FILE]   show each rewritten token and the rule (stderr)\n"
"      --locale L         en-US, en-GB or auto (default auto)\n"
"      --lexicon FILE     extra pronunciations: respellings or Flite phones\n"
"                         (format: voices/lexicon.txt)\n"
"      --from FMT         input format: text, markdown, html (default: auto)\n"
"      --plain            speak the text as it stands: no boilerplate removal,\n"
"                         no title or byline taken out, no introduction\n"
"      --show-stripped    list the lines removed as boilerplate (stderr)\n"
"      --keep REGEX       never remove lines matching REGEX\n"
"      --drop REGEX       always remove lines matching REGEX\n"
"General:\n"
"  -q, --quiet            no messages but errors\n"
"  -v, --verbose          more messages\n"
"  -h, --help             this help\n"
"  -V, --version          version\n"
"\n"
"Exit codes: 0 ok, 1 internal error, 2 usage, 3 input (unreadable, not text\n"
"or nothing to speak), 4 output, 5 synthesis, 130 interrupted (143 on SIGTERM),\n"
"141 output pipe closed.  See narrate(1).\n",
        f);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("narrate: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (try 'narrate --help')\n", stderr);
    va_end(ap);
    return CLI_EXIT_USAGE;
}

static int exit_code(nr_status s)
{
    switch (s) {
    case NR_OK: return CLI_EXIT_OK;
    case NR_ERR_ARG: case NR_ERR_VOICE: return CLI_EXIT_USAGE;
    case NR_ERR_INPUT: case NR_ERR_EMPTY: return CLI_EXIT_INPUT;
    case NR_ERR_OUTPUT: return CLI_EXIT_OUTPUT;
    case NR_ERR_CLOSED: return CLI_EXIT_PIPE;
    case NR_ERR_SYNTH: return CLI_EXIT_SYNTH;
    case NR_ERR_CANCELLED: return CLI_EXIT_INTERRUPTED;
    default: return CLI_EXIT_INTERNAL;
    }
}

static int fail(nr_ctx *ctx, nr_status s)
{
    const char *d = nr_errmsg(ctx);
    if (s == NR_ERR_CLOSED)
        return CLI_EXIT_PIPE;  /* the listener quit: nothing to report */
    if (s == NR_ERR_CANCELLED)
        cli_msg(1, "interrupted; no output written");
    else
        cli_msg(0, "%s", d && *d ? d : nr_strerror(s));
    return exit_code(s);
}

/* Reads a whole file ("-" = stdin) through the command's one reader
   (files.c).  Returns 0 or an exit code after an error message. */
static int read_file(const char *path, char **data, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        cli_msg(0, "cannot open '%s': %s", path, strerror(errno));
        return CLI_EXIT_INPUT;
    }
    int e = cli_read_fd(fd, data, len);
    if (!is_stdin)
        close(fd);
    if (e == 0)
        return 0;
    if (e == ENOMEM) {
        cli_msg(0, "out of memory reading '%s'", path);
        return CLI_EXIT_INTERNAL;
    }
    if (e == EISDIR)
        cli_msg(0, "cannot read '%s': it is a directory", path);
    else if (e == EFBIG)
        cli_msg(0, "'%s' is larger than %zu MiB", path, CLI_MAX_READ >> 20);
    else
        cli_msg(0, "cannot read '%s': %s", path, strerror(e));
    return CLI_EXIT_INPUT;
}

static int write_stdout(void *ud, const void *data, size_t len)
{
    (void)ud;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

static int write_stderr(void *ud, const void *data, size_t len)
{
    (void)ud;
    return fwrite(data, 1, len, stderr) == len ? 0 : -1;
}

static FILE *explain_out;

static void explain_cb(void *ud, const char *orig, size_t olen, const char *cls,
                       const char *rule, const char *spoken, size_t slen)
{
    (void)ud;
    /* one call per line keeps lines whole when workers explain at once */
    fprintf(explain_out, "%.*s\t%s\t%s\t%.*s\n", (int)olen, orig, cls, rule,
            (int)slen, spoken);
}

static int print_voice(void *ud, const char *name, const char *where, const char *desc)
{
    (void)ud;
    printf("%-10s %-9s %s\n", name, strcmp(where, "built-in") == 0 ? "built-in" : "file",
           desc ? desc : where);
    return 0;
}

/* The voice path and default lexicon come from datadir.c, so one article
   narrated here sounds exactly as it does in a batch. */
static void set_voice_path(nr_ctx *ctx)
{
    char *path = cli_voice_path();
    if (path)
        nr_set_voice_path(ctx, path);
    free(path);
}

static void load_default_lexicon(nr_ctx *ctx)
{
    char *data = NULL, *path = NULL;
    size_t len = 0;
    if (cli_default_lexicon(&data, &len, &path) == 0 && data)
        nr_add_lexicon(ctx, data, len, path, NULL);
    free(data);
    free(path);
}

static int add_user_lexicon(nr_ctx *ctx, const char *path)
{
    char *data;
    size_t len, nbad = 0;
    int rc = read_file(path, &data, &len);
    if (rc)
        return rc;
    nr_status s = nr_add_lexicon(ctx, data, len, path, &nbad);
    free(data);
    if (s != NR_OK)
        return fail(ctx, s);
    if (nbad)
        cli_msg(1, "warning: %s: %zu line(s) skipped: %s", path, nbad, nr_errmsg(ctx));
    return 0;
}

/* --normalize: each input line's spoken form on one line. */
static int run_normalize(nr_ctx *ctx, const char *path)
{
    FILE *f = stdin;
    if (path && strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_msg(0, "cannot read '%s': it is a directory", path);
            return CLI_EXIT_INPUT;
        }
        f = fopen(path, "rb");
        if (!f) {
            cli_msg(0, "cannot open '%s': %s", path, strerror(errno));
            return CLI_EXIT_INPUT;
        }
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = CLI_EXIT_OK;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        nr_status s = nr_normalize(ctx, line, (size_t)n, write_stdout, NULL);
        if (s != NR_OK) {
            rc = fail(ctx, s);
            break;
        }
        if (putchar('\n') == EOF)
            break;
    }
    if (ferror(f)) {
        cli_msg(0, "cannot read '%s': %s", path ? path : "standard input", strerror(errno));
        rc = CLI_EXIT_INPUT;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

typedef struct progress_state {
    time_t started, last;
} progress_state;

static void progress_cb(void *ud, size_t done, size_t total, uint64_t audio_ms)
{
    progress_state *p = ud;
    time_t now = time(NULL);
    if (now == p->last && done != total)
        return;  /* redraw at most once a second */
    p->last = now;
    unsigned s = (unsigned)(audio_ms / 1000);
    fprintf(stderr, "\rnarrate: %3u%%  %zu/%zu  %u:%02u of audio  %lds",
            (unsigned)(total ? done * 100 / total : 100), done, total,
            s / 60, s % 60, (long)(now - p->started));
    if (done == total)
        fputc('\n', stderr);
}

static int parse_format(const char *s, nr_out_format *f)
{
    *f = nr_out_format_from_name(s);
    return *f == NR_OUT_AUTO ? -1 : 0;
}

/* "mp3, wav, ..." (dot = "") or ".mp3, .wav, ..." from the library's
   format table, so a new format is named without touching this file. */
static const char *format_list(const char *dot)
{
    static char buf[256];
    size_t k = 0;
    buf[0] = '\0';
    for (nr_out_format f = NR_OUT_MP3; nr_out_format_name(f) && k < sizeof buf; f++) {
        char probe[32];
        snprintf(probe, sizeof probe, "x.%s", nr_out_format_name(f));
        if (*dot && nr_out_format_from_path(probe) != f)
            continue;  /* a format no extension names (a DAISY directory) */
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s%s", k ? ", " : "", dot,
                              nr_out_format_name(f));
    }
    return buf;
}

/* A name whose last component has an extension (".bashrc" has none). */
static int has_extension(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot > base && dot[1];
}

/* ---- parsing: argv -> options ---- */

enum {
    OPT_SCRIPT = 256, OPT_NORMALIZE, OPT_VOICE, OPT_LIST_VOICES, OPT_TITLE,
    OPT_AUTHOR, OPT_ALBUM, OPT_BITRATE, OPT_RATE, OPT_LOCALE, OPT_LEXICON,
    OPT_FROM, OPT_FORMAT, OPT_EXPLAIN, OPT_STRIPPED, OPT_KEEP, OPT_DROP,
    OPT_TRANSCRIPT, OPT_CHAPTERS_JSON, OPT_LOUDNESS, OPT_COVER, OPT_SAMPLE_RATE,
    OPT_EXTRACT, OPT_PLAIN
};

static const struct option longopts[] = {
    {"output", required_argument, NULL, 'o'},
    {"script", no_argument, NULL, OPT_SCRIPT},
    {"extract", no_argument, NULL, OPT_EXTRACT},
    {"normalize", no_argument, NULL, OPT_NORMALIZE},
    {"voice", required_argument, NULL, OPT_VOICE},
    {"list-voices", no_argument, NULL, OPT_LIST_VOICES},
    {"title", required_argument, NULL, OPT_TITLE},
    {"author", required_argument, NULL, OPT_AUTHOR},
    {"album", required_argument, NULL, OPT_ALBUM},
    {"bitrate", required_argument, NULL, OPT_BITRATE},
    {"rate", required_argument, NULL, OPT_RATE},
    {"jobs", required_argument, NULL, 'j'},
    {"locale", required_argument, NULL, OPT_LOCALE},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"from", required_argument, NULL, OPT_FROM},
    {"plain", no_argument, NULL, OPT_PLAIN},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"explain", optional_argument, NULL, OPT_EXPLAIN},
    {"show-stripped", no_argument, NULL, OPT_STRIPPED},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"transcript", required_argument, NULL, OPT_TRANSCRIPT},
    {"loudness", required_argument, NULL, OPT_LOUDNESS},
    {"cover", required_argument, NULL, OPT_COVER},
    {"sample-rate", required_argument, NULL, OPT_SAMPLE_RATE},
    {"chapters-json", required_argument, NULL, OPT_CHAPTERS_JSON},
    {"drop", required_argument, NULL, OPT_DROP},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* What the command itself does with the arguments.  The library's settings
   (voice, rate, metadata, patterns ...) are not here: they go into the
   context as they are parsed, because the library checks them and its
   message for the first bad one must come in argv order. */
typedef struct options {
    const char *output;           /* -o; "-" standard output */
    nr_out_format format;         /* --format; NR_OUT_AUTO from the name */
    const char *transcript, *chapters_json;
    int script, extract, normalize, show_stripped;
    int explain;                  /* --explain, to explain_path or stderr */
    const char *explain_path;
    const char **lexicons;        /* --lexicon files, in argv order */
    size_t nlexicons;
    char **operands;              /* what follows the options */
    int noperands;
} options;

/* parse_args's "go on and run"; anything else is the exit code. */
enum { PARSED = -1 };

static int parse_double(const char *s, double *out)
{
    char *e;
    *out = strtod(s, &e);
    return e == s || *e ? -1 : 0;
}

/* The numeric settings: the command checks a value's form, the library
   its range. */
static int set_number(nr_ctx *ctx, int c, const char *arg)
{
    int k;
    double d;
    nr_status s;
    switch (c) {
    case OPT_BITRATE:
        if (cli_parse_int(arg, 1, 10000, &k) != 0)
            return usage_error("--bitrate needs a number of kbit/s, not '%s'", arg);
        s = nr_set_bitrate(ctx, k);
        break;
    case OPT_SAMPLE_RATE:
        if (cli_parse_int(arg, 0, 192000, &k) != 0)
            return usage_error("--sample-rate needs a number of Hz, not '%s'", arg);
        s = nr_set_sample_rate(ctx, k);
        break;
    case 'j':
        if (cli_parse_int(arg, 0, 256, &k) != 0)
            return usage_error("--jobs needs a number from 0 to 256, not '%s'", arg);
        s = nr_set_jobs(ctx, k);
        break;
    case OPT_RATE:
        if (parse_double(arg, &d) != 0)
            return usage_error("--rate needs a number, not '%s'", arg);
        s = nr_set_rate(ctx, d);
        break;
    default:  /* OPT_LOUDNESS */
        if (strcmp(arg, "off") == 0)
            s = nr_set_loudness(ctx, 0, 0);
        else if (parse_double(arg, &d) != 0)
            return usage_error("--loudness needs LUFS (e.g. -16) or off, not '%s'", arg);
        else
            s = nr_set_loudness(ctx, 1, d);
        break;
    }
    return s == NR_OK ? PARSED : usage_error("%s", nr_errmsg(ctx));
}

static int set_cover(nr_ctx *ctx, const char *path)
{
    char *img;
    size_t len;
    int rc = read_file(path, &img, &len);
    if (rc)
        return rc;
    nr_status s = nr_set_cover(ctx, img, len);
    free(img);
    if (s != NR_OK) {
        cli_msg(0, "%s: %s", path, nr_errmsg(ctx));
        return CLI_EXIT_INPUT;
    }
    return PARSED;
}

/* One option (getopt's c and its argument).  Returns PARSED or an exit
   code after a message. */
static int set_option(nr_ctx *ctx, options *o, int c, char *arg)
{
    nr_status s = NR_OK;
    switch (c) {
    case 'o': o->output = arg; break;
    case 'q': cli_verbosity = 0; break;
    case 'v': cli_verbosity = 2; break;
    case OPT_SCRIPT: o->script = 1; break;
    case OPT_EXTRACT: o->extract = 1; break;
    case OPT_NORMALIZE: o->normalize = 1; break;
    case OPT_STRIPPED: o->show_stripped = 1; break;
    case OPT_EXPLAIN: o->explain = 1; o->explain_path = arg; break;
    case OPT_TRANSCRIPT: o->transcript = arg; break;
    case OPT_CHAPTERS_JSON: o->chapters_json = arg; break;
    case OPT_LEXICON:
        /* loaded after the default lexicon so the user's entries win */
        o->lexicons[o->nlexicons++] = arg;
        break;
    case OPT_FORMAT:
        if (parse_format(arg, &o->format) != 0)
            return usage_error("unknown --format '%s' (%s)", arg, format_list(""));
        break;
    case OPT_COVER: return set_cover(ctx, arg);
    case OPT_BITRATE: case OPT_SAMPLE_RATE: case 'j': case OPT_RATE:
    case OPT_LOUDNESS:
        return set_number(ctx, c, arg);
    case OPT_VOICE: s = nr_set_voice(ctx, arg); break;
    case OPT_TITLE: s = nr_set_meta(ctx, NR_META_TITLE, arg); break;
    case OPT_AUTHOR: s = nr_set_meta(ctx, NR_META_AUTHOR, arg); break;
    case OPT_ALBUM: s = nr_set_meta(ctx, NR_META_ALBUM, arg); break;
    case OPT_LOCALE: s = nr_set_locale(ctx, arg); break;
    case OPT_FROM: s = nr_set_input_format(ctx, arg); break;
    case OPT_PLAIN: s = nr_set_plain(ctx, 1); break;
    case OPT_KEEP: s = nr_add_pattern(ctx, 1, arg); break;
    case OPT_DROP: s = nr_add_pattern(ctx, 0, arg); break;
    }
    return s == NR_OK ? PARSED : usage_error("%s", nr_errmsg(ctx));
}

/* argv -> *o (and the library's settings -> ctx).  Returns PARSED, or the
   exit code to leave with: 0 after --help, --version or --list-voices,
   else after the message for the first bad option. */
static int parse_args(int argc, char **argv, nr_ctx *ctx, options *o)
{
    int c, rc = PARSED;
    opterr = 0;
    while (rc == PARSED &&
           (c = getopt_long(argc, argv, ":o:j:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return CLI_EXIT_OK;
        case 'V':
            printf("narrate %s\n", nr_version());
            return CLI_EXIT_OK;
        case OPT_LIST_VOICES:
            nr_list_voices(ctx, print_voice, NULL);
            return CLI_EXIT_OK;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        case '?':
            return usage_error("unknown option '%s'", argv[optind - 1]);
        default:
            rc = set_option(ctx, o, c, optarg);
        }
    }
    o->operands = argv + optind;
    o->noperands = argc - optind;
    return rc;
}

/* ---- running: options -> exit code ---- */

/* The lexicons (default, then the user's) and --explain. */
static int setup_text(nr_ctx *ctx, const options *o)
{
    load_default_lexicon(ctx);
    for (size_t i = 0; i < o->nlexicons; i++) {
        int rc = add_user_lexicon(ctx, o->lexicons[i]);
        if (rc)
            return rc;
    }
    if (o->explain) {
        explain_out = stderr;
        if (o->explain_path && !(explain_out = fopen(o->explain_path, "w"))) {
            cli_msg(0, "cannot open '%s': %s", o->explain_path, strerror(errno));
            return CLI_EXIT_OUTPUT;
        }
        nr_set_explain(ctx, explain_cb, NULL);
    }
    return 0;
}

/* A page named by URL, fetched as batch fetches its pages (fetch.h);
   *kind names the reader its Content-Type asks for. */
static int fetch_page(const char *url, nb_fetched *page, const char **kind)
{
    char err[512], shown[1024];
    nb_fetch_opts fo;
    nb_fetch_opts_default(&fo);
    if (nb_fetch_init() != 0) {
        cli_msg(0, "cannot initialize libcurl");
        return CLI_EXIT_INTERNAL;
    }
    int e = nb_fetch(url, NULL, NULL, &fo, page, err, sizeof err);
    nb_fetch_cleanup();
    if (e) {
        nb_url_redact(url, shown, sizeof shown);
        cli_msg(0, "cannot fetch '%s': %s", shown, err);
        return strcmp(err, "out of memory") == 0 ? CLI_EXIT_INTERNAL : CLI_EXIT_INPUT;
    }
    *kind = nb_fetched_kind(page, page->final_url);
    return 0;
}

/* Reads (or fetches) and parses the article.  With --show-stripped the
   removals are listed first (to stderr, so they combine with --script,
   --extract or synthesis), also when they left nothing to speak: they say
   why. */
static int load_article(nr_ctx *ctx, const char *input, int show_stripped)
{
    char *data;
    size_t len;
    const char *name = strcmp(input, "-") == 0 ? NULL : input;
    nb_fetched page = {0};
    int rc = nb_is_url(input) ? fetch_page(input, &page, &name)
                              : read_file(input, &data, &len);
    if (rc)
        return rc;
    if (page.data) {
        data = page.data;
        len = page.len;
        page.data = NULL;
    }
    nb_fetched_free(&page);
    /* the library frees data once decoded: the input is not held twice
       while it is parsed */
    nr_status s = nr_load_take(ctx, data, len, name);
    if (show_stripped && (s == NR_OK || s == NR_ERR_EMPTY))
        nr_list_stripped(ctx, write_stderr, NULL);
    if (s == NR_OK)
        return 0;
    if (s == NR_ERR_EMPTY) {
        char shown[1024];
        nb_url_redact(input, shown, sizeof shown);
        cli_msg(0, "'%s': the article has nothing to speak", shown);
        return CLI_EXIT_INPUT;
    }
    return fail(ctx, s);
}

static int print_text(nr_ctx *ctx, const options *o)
{
    nr_status s = o->extract ? nr_extract(ctx, write_stdout, NULL)
                             : nr_script(ctx, write_stdout, NULL);
    if (s == NR_OK && fflush(stdout) != 0)
        s = NR_ERR_OUTPUT;
    return s == NR_OK ? CLI_EXIT_OK : fail(ctx, s);
}

static void report_rendered(nr_ctx *ctx, const char *output)
{
    uint64_t d = nr_duration_ms(ctx);
    cli_msg(2, "%s: %llu.%03llu s, %zu chapters", output,
        (unsigned long long)(d / 1000), (unsigned long long)(d % 1000),
        nr_chapter_count(ctx));
    double in, gain, out;
    nr_get_loudness(ctx, &in, &gain, &out);
    if (gain == gain)  /* not NaN: loudness normalization ran */
        cli_msg(2, "loudness: measured %.1f LUFS, gain %+.1f dB, result %.1f LUFS",
            in, gain, out);
}

/* Synthesis into -o, then the transcript and chapters asked for: one
   group of outputs, which replace the previous ones together or not at
   all (a transcript that cannot be written keeps the old audio too). */
static int render(nr_ctx *ctx, const options *o)
{
    cli_signal_cancels(ctx);
    cli_catch_signals();
    signal(SIGPIPE, SIG_IGN);

    progress_state ps = {time(NULL), 0};
    if (cli_verbosity >= 1 && isatty(2))
        nr_set_progress(ctx, progress_cb, &ps);

    nr_status s;
    if (strcmp(o->output, "-") == 0 && isatty(1) && o->format != NR_OUT_RAW)
        return usage_error("refusing to write audio to a terminal; redirect it or use -o FILE");
    nr_outputs_begin(ctx);
    if (strcmp(o->output, "-") == 0)
        s = nr_render_fd(ctx, 1, o->format);
    else
        s = nr_render_file(ctx, o->output, o->format);
    if (s == NR_OK && o->transcript)
        s = nr_write_transcript(ctx, o->transcript);
    if (s == NR_OK && o->chapters_json)
        s = nr_write_chapters_json(ctx, o->chapters_json);
    if (s == NR_OK)
        s = nr_outputs_commit(ctx);
    if (s != NR_OK) {
        nr_outputs_discard(ctx);
        int rc = fail(ctx, s);
        return s == NR_ERR_CANCELLED && cli_caught_signal == SIGTERM ? 128 + SIGTERM : rc;
    }
    if (cli_verbosity >= 2)
        report_rendered(ctx, o->output);
    return CLI_EXIT_OK;
}

static int run(nr_ctx *ctx, const options *o)
{
    int rc = setup_text(ctx, o);
    if (rc)
        return rc;
    if (o->normalize) {
        if (o->noperands > 1)
            return usage_error("--normalize takes at most one file");
        return run_normalize(ctx, o->noperands ? o->operands[0] : NULL);
    }
    if (o->noperands == 0)
        return usage_error("no input file");
    if (o->noperands > 1)
        return usage_error("one input file at a time ('%s' is extra)", o->operands[1]);
    if (o->script && o->extract)
        return usage_error("--script and --extract print different things: give one");
    if (!o->script && !o->extract && !o->show_stripped && !o->output)
        return usage_error("no output: give -o FILE, -o - for standard output, --script or --extract");
    /* an unknown extension would get an MP3 under a misleading name */
    if (o->output && strcmp(o->output, "-") != 0 && o->format == NR_OUT_AUTO
        && has_extension(o->output) && nr_out_format_from_path(o->output) == NR_OUT_AUTO)
        return usage_error("cannot tell the format from '%s': known extensions are %s "
                           "(or say which with --format)", o->output, format_list("."));
    if ((rc = load_article(ctx, o->operands[0], o->show_stripped)) != 0)
        return rc;
    if (o->show_stripped && !o->script && !o->extract && !o->output)
        return CLI_EXIT_OK;
    if (o->script || o->extract)
        return print_text(ctx, o);
    return render(ctx, o);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "batch") == 0)
        return nr_cmd_batch(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "feed") == 0)
        return nr_cmd_feed(argc - 1, argv + 1);

    nr_ctx *ctx = nr_new();
    options o = {.format = NR_OUT_AUTO};
    /* at most one --lexicon per argument */
    o.lexicons = malloc((size_t)argc * sizeof *o.lexicons);
    if (!ctx || !o.lexicons) {
        fputs("narrate: out of memory\n", stderr);
        nr_free(ctx);
        free(o.lexicons);
        return CLI_EXIT_INTERNAL;
    }
    set_voice_path(ctx);
    int rc = parse_args(argc, argv, ctx, &o);
    if (rc == PARSED)
        rc = run(ctx, &o);

    if (explain_out && explain_out != stderr)
        fclose(explain_out);
    cli_signal_cancels(NULL);
    free(o.lexicons);
    nr_free(ctx);
    return rc;
}
