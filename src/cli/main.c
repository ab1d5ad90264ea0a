/*
 * main.c - the narrate command: a thin front end over libnarrate.
 *
 * Everything the program does is a library call; this file parses options,
 * reads the input file, prints messages and maps statuses to the documented
 * exit codes.  stdout carries data only (audio, --script, --normalize);
 * every message goes to stderr.
 */
#include "narrate.h"
#include "commands.h"
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Exit codes (documented in narrate(1) and README). */
enum {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1,     /* out of memory, or an unexpected failure */
    EXIT_USAGE = 2,        /* bad option or option value, unknown voice */
    EXIT_INPUT = 3,        /* input missing, unreadable, a directory, or empty */
    EXIT_OUTPUT = 4,       /* output cannot be written */
    EXIT_SYNTH = 5,        /* the synthesizer failed */
    EXIT_INTERRUPTED = 130,/* SIGINT or SIGTERM: output discarded */
    EXIT_PIPE = 141        /* the reader of -o - went away */
};

#define NR_MAX_INPUT ((size_t)256 << 20)

/* Messages go through batch_fs.c's nb_msg: one verbosity for the command. */
static nr_ctx *g_ctx;
static volatile sig_atomic_t g_signal;

static void usage(FILE *f)
{
    fputs(
"Usage: narrate [OPTIONS] INPUT -o OUTPUT    narrate an article into audio\n"
"       narrate --script [OPTIONS] INPUT     print what would be spoken\n"
"       narrate --normalize [FILE]           spoken form of each line\n"
"       narrate batch IN_DIR OUT_DIR [...]   a folder into podcast episodes + RSS\n"
"       narrate feed OUT_DIR [...]           rebuild the feed (after shards)\n"
"                                            (see 'narrate batch --help')\n"
"\n"
"INPUT is a text, Markdown or HTML file, or - for standard input.\n"
"OUTPUT is .mp3 (default), .wav, .flac, .ogg, .opus, .m4b or .raw;\n"
"- writes to standard output.\n"
"\n"
"Output:\n"
"  -o, --output FILE      where the audio goes (required to synthesize)\n"
"      --format FMT       mp3, wav, raw, flac, ogg, opus, m4b when the name\n"
"                         has no telling extension\n"
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
"      --normalize        print each input line's spoken form\n"
"      --explain[=FILE]   show each rewritten token and the rule (stderr)\n"
"      --locale L         en-US, en-GB or auto (default auto)\n"
"      --lexicon FILE     extra pronunciations: respellings or Flite phones\n"
"                         (format: voices/lexicon.txt)\n"
"      --from FMT         input format: text, markdown, html (default: auto)\n"
"      --show-stripped    list the lines removed as boilerplate (stderr)\n"
"      --keep REGEX       never remove lines matching REGEX\n"
"      --drop REGEX       always remove lines matching REGEX\n"
"General:\n"
"  -q, --quiet            no messages but errors\n"
"  -v, --verbose          more messages\n"
"  -h, --help             this help\n"
"  -V, --version          version\n"
"\n"
"Exit codes: 0 ok, 1 internal error, 2 usage, 3 input, 4 output,\n"
"5 synthesis, 130 interrupted, 141 output pipe closed.  See narrate(1).\n",
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
    return EXIT_USAGE;
}

static int exit_code(nr_status s)
{
    switch (s) {
    case NR_OK: return EXIT_OK;
    case NR_ERR_ARG: case NR_ERR_VOICE: return EXIT_USAGE;
    case NR_ERR_INPUT: case NR_ERR_EMPTY: return EXIT_INPUT;
    case NR_ERR_OUTPUT: return EXIT_OUTPUT;
    case NR_ERR_CLOSED: return EXIT_PIPE;
    case NR_ERR_SYNTH: return EXIT_SYNTH;
    case NR_ERR_CANCELLED: return EXIT_INTERRUPTED;
    default: return EXIT_INTERNAL;
    }
}

static int fail(nr_ctx *ctx, nr_status s)
{
    const char *d = nr_errmsg(ctx);
    if (s == NR_ERR_CLOSED)
        return EXIT_PIPE;  /* the listener quit: nothing to report */
    if (s == NR_ERR_CANCELLED)
        nb_msg(1, "interrupted; no output written");
    else
        nb_msg(0, "%s", d && *d ? d : nr_strerror(s));
    return exit_code(s);
}

/* Reads a whole file ("-" = stdin).  Returns 0 or an exit code after an error
   message. */
static int read_file(const char *path, char **data, size_t *len)
{
    int fd = 0;
    if (strcmp(path, "-") != 0) {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            nb_msg(0, "cannot open '%s': %s", path, strerror(errno));
            return EXIT_INPUT;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            nb_msg(0, "cannot read '%s': it is a directory", path);
            close(fd);
            return EXIT_INPUT;
        }
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf) {
            nb_msg(0, "out of memory reading '%s'", path);
            if (fd)
                close(fd);
            return EXIT_INTERNAL;
        }
        if (n == cap) {
            if (cap >= NR_MAX_INPUT) {
                nb_msg(0, "'%s' is larger than %zu MiB", path, NR_MAX_INPUT >> 20);
                free(buf);
                if (fd)
                    close(fd);
                return EXIT_INPUT;
            }
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb)
                free(buf);
            buf = nb;
            continue;
        }
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            nb_msg(0, "cannot read '%s': %s", path, strerror(errno));
            free(buf);
            if (fd)
                close(fd);
            return EXIT_INPUT;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    if (fd)
        close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
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

/* The voice path and default lexicon come from batch_env.c, so one article
   narrated here sounds exactly as it does in a batch. */
static void set_voice_path(nr_ctx *ctx)
{
    char *path = nb_voice_path();
    if (path)
        nr_set_voice_path(ctx, path);
    free(path);
}

static void load_default_lexicon(nr_ctx *ctx)
{
    char *data = NULL, *path = NULL;
    size_t len = 0;
    if (nb_default_lexicon(&data, &len, &path) == 0 && data)
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
        nb_msg(1, "warning: %s: %zu line(s) skipped: %s", path, nbad, nr_errmsg(ctx));
    return 0;
}

/* --normalize: each input line's spoken form on one line. */
static int run_normalize(nr_ctx *ctx, const char *path)
{
    FILE *f = stdin;
    if (path && strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            nb_msg(0, "cannot read '%s': it is a directory", path);
            return EXIT_INPUT;
        }
        f = fopen(path, "rb");
        if (!f) {
            nb_msg(0, "cannot open '%s': %s", path, strerror(errno));
            return EXIT_INPUT;
        }
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = EXIT_OK;
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
        nb_msg(0, "cannot read '%s': %s", path ? path : "standard input", strerror(errno));
        rc = EXIT_INPUT;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

static void on_signal(int sig)
{
    g_signal = sig;
    if (g_ctx)
        nr_cancel(g_ctx);
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

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

enum {
    OPT_SCRIPT = 256, OPT_NORMALIZE, OPT_VOICE, OPT_LIST_VOICES, OPT_TITLE,
    OPT_AUTHOR, OPT_ALBUM, OPT_BITRATE, OPT_RATE, OPT_LOCALE, OPT_LEXICON,
    OPT_FROM, OPT_FORMAT, OPT_EXPLAIN, OPT_STRIPPED, OPT_KEEP, OPT_DROP,
    OPT_TRANSCRIPT, OPT_CHAPTERS_JSON, OPT_LOUDNESS, OPT_COVER, OPT_SAMPLE_RATE
};

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"script", no_argument, NULL, OPT_SCRIPT},
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

    if (argc > 1 && strcmp(argv[1], "batch") == 0)
        return nr_cmd_batch(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "feed") == 0)
        return nr_cmd_feed(argc - 1, argv + 1);

    nr_ctx *ctx = nr_new();
    if (!ctx) {
        fputs("narrate: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    int rc = EXIT_OK;
    const char *output = NULL, *explain_path = NULL;
    const char *transcript = NULL, *chapters_json = NULL;
    char *data = NULL;
    int mode_script = 0, mode_normalize = 0, want_explain = 0, show_stripped = 0;
    nr_out_format fmt = NR_OUT_AUTO;
    nr_status s = NR_OK;
    int c;

    set_voice_path(ctx);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:j:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case OPT_SCRIPT: mode_script = 1; break;
        case OPT_NORMALIZE: mode_normalize = 1; break;
        case OPT_VOICE: s = nr_set_voice(ctx, optarg); break;
        case OPT_LIST_VOICES:
            nr_list_voices(ctx, print_voice, NULL);
            goto end;
        case OPT_TITLE: s = nr_set_meta(ctx, NR_META_TITLE, optarg); break;
        case OPT_AUTHOR: s = nr_set_meta(ctx, NR_META_AUTHOR, optarg); break;
        case OPT_ALBUM: s = nr_set_meta(ctx, NR_META_ALBUM, optarg); break;
        case OPT_BITRATE: {
            int k;
            if (parse_int(optarg, 1, 10000, &k) != 0) {
                rc = usage_error("--bitrate needs a number of kbit/s, not '%s'", optarg);
                goto end;
            }
            s = nr_set_bitrate(ctx, k);
            break;
        }
        case OPT_SAMPLE_RATE: {
            int k;
            if (parse_int(optarg, 0, 192000, &k) != 0) {
                rc = usage_error("--sample-rate needs a number of Hz, not '%s'", optarg);
                goto end;
            }
            s = nr_set_sample_rate(ctx, k);
            break;
        }
        case OPT_RATE: {
            char *e;
            double r = strtod(optarg, &e);
            if (e == optarg || *e) {
                rc = usage_error("--rate needs a number, not '%s'", optarg);
                goto end;
            }
            s = nr_set_rate(ctx, r);
            break;
        }
        case 'j': {
            int k;
            if (parse_int(optarg, 0, 256, &k) != 0) {
                rc = usage_error("--jobs needs a number from 0 to 256, not '%s'", optarg);
                goto end;
            }
            s = nr_set_jobs(ctx, k);
            break;
        }
        case OPT_LOCALE: s = nr_set_locale(ctx, optarg); break;
        case OPT_LEXICON:
            /* loaded after the default lexicon so the user's entries win */
            break;
        case OPT_FROM: s = nr_set_input_format(ctx, optarg); break;
        case OPT_FORMAT:
            if (parse_format(optarg, &fmt) != 0) {
                rc = usage_error("unknown --format '%s' (mp3, wav, raw, flac, ogg, opus or m4b)", optarg);
                goto end;
            }
            break;
        case OPT_EXPLAIN: want_explain = 1; explain_path = optarg; break;
        case OPT_STRIPPED: show_stripped = 1; break;
        case OPT_KEEP: s = nr_add_pattern(ctx, 1, optarg); break;
        case OPT_TRANSCRIPT: transcript = optarg; break;
        case OPT_COVER: {
            char *img;
            size_t ilen;
            if ((rc = read_file(optarg, &img, &ilen)) != 0)
                goto end;
            s = nr_set_cover(ctx, img, ilen);
            free(img);
            if (s != NR_OK) {
                nb_msg(0, "%s: %s", optarg, nr_errmsg(ctx));
                rc = EXIT_INPUT;
                goto end;
            }
            break;
        }
        case OPT_LOUDNESS: {
            if (strcmp(optarg, "off") == 0) {
                s = nr_set_loudness(ctx, 0, 0);
                break;
            }
            char *e;
            double l = strtod(optarg, &e);
            if (e == optarg || *e) {
                rc = usage_error("--loudness needs LUFS (e.g. -16) or off, not '%s'", optarg);
                goto end;
            }
            s = nr_set_loudness(ctx, 1, l);
            break;
        }
        case OPT_CHAPTERS_JSON: chapters_json = optarg; break;
        case OPT_DROP: s = nr_add_pattern(ctx, 0, optarg); break;
        case 'q': nb_verbosity = 0; break;
        case 'v': nb_verbosity = 2; break;
        case 'h': usage(stdout); goto end;
        case 'V': printf("narrate %s\n", nr_version()); goto end;
        case ':':
            rc = usage_error("option '%s' needs a value", argv[optind - 1]);
            goto end;
        default:
            rc = usage_error("unknown option '%s'", argv[optind - 1]);
            goto end;
        }
        if (s != NR_OK) {
            rc = usage_error("%s", nr_errmsg(ctx));
            goto end;
        }
    }

    load_default_lexicon(ctx);
    /* second pass for --lexicon, so user entries come after the default */
    for (int i = 1; i < argc && i < optind; i++) {
        const char *a = argv[i], *path = NULL;
        if (strcmp(a, "--") == 0)
            break;
        if (strcmp(a, "--lexicon") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strncmp(a, "--lexicon=", 10) == 0)
            path = a + 10;
        if (path && (rc = add_user_lexicon(ctx, path)) != 0)
            goto end;
    }

    if (want_explain) {
        explain_out = stderr;
        if (explain_path && !(explain_out = fopen(explain_path, "w"))) {
            nb_msg(0, "cannot open '%s': %s", explain_path, strerror(errno));
            rc = EXIT_OUTPUT;
            goto end;
        }
        nr_set_explain(ctx, explain_cb, NULL);
    }

    if (mode_normalize) {
        if (argc - optind > 1) {
            rc = usage_error("--normalize takes at most one file");
            goto end;
        }
        rc = run_normalize(ctx, optind < argc ? argv[optind] : NULL);
        goto end;
    }

    if (optind >= argc) {
        rc = usage_error("no input file");
        goto end;
    }
    if (argc - optind > 1) {
        rc = usage_error("one input file at a time ('%s' is extra)", argv[optind + 1]);
        goto end;
    }
    const char *input = argv[optind];
    if (!mode_script && !show_stripped && !output) {
        rc = usage_error("no output: give -o FILE, -o - for standard output, or --script");
        goto end;
    }

    size_t len;
    if ((rc = read_file(input, &data, &len)) != 0)
        goto end;
    s = nr_load(ctx, data, len, strcmp(input, "-") == 0 ? NULL : input);
    if (s != NR_OK && !(s == NR_ERR_EMPTY && show_stripped)) {
        if (s == NR_ERR_EMPTY)
            nb_msg(0, "'%s': the article has nothing to speak", input);
        rc = s == NR_ERR_EMPTY ? EXIT_INPUT : fail(ctx, s);
        goto end;
    }
    if (show_stripped) {
        /* to stderr, so it can be combined with --script or synthesis */
        nr_list_stripped(ctx, write_stderr, NULL);
        if (!mode_script && !output)
            goto end;
    }
    if (mode_script) {
        s = nr_script(ctx, write_stdout, NULL);
        if (s == NR_OK && fflush(stdout) != 0)
            s = NR_ERR_OUTPUT;
        rc = s == NR_OK ? EXIT_OK : fail(ctx, s);
        goto end;
    }
    if (!output)
        goto end;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    g_ctx = ctx;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    progress_state ps = {time(NULL), 0};
    if (nb_verbosity >= 1 && isatty(2))
        nr_set_progress(ctx, progress_cb, &ps);

    if (strcmp(output, "-") == 0) {
        if (isatty(1) && fmt != NR_OUT_RAW) {
            rc = usage_error("refusing to write audio to a terminal; redirect it or use -o FILE");
            goto end;
        }
        s = nr_render_fd(ctx, 1, fmt);
    } else {
        s = nr_render_file(ctx, output, fmt);
    }
    if (s != NR_OK) {
        rc = fail(ctx, s);
        if (g_signal == SIGTERM)
            rc = 128 + SIGTERM;
        goto end;
    }
    if (transcript && (s = nr_write_transcript(ctx, transcript)) != NR_OK) {
        rc = fail(ctx, s);
        goto end;
    }
    if (chapters_json && (s = nr_write_chapters_json(ctx, chapters_json)) != NR_OK) {
        rc = fail(ctx, s);
        goto end;
    }
    if (nb_verbosity >= 2) {
        uint64_t d = nr_duration_ms(ctx);
        nb_msg(2, "%s: %llu.%03llu s, %zu chapters", output,
            (unsigned long long)(d / 1000), (unsigned long long)(d % 1000),
            nr_chapter_count(ctx));
        double in, gain, out;
        nr_get_loudness(ctx, &in, &gain, &out);
        if (gain == gain)  /* not NaN: loudness normalization ran */
            nb_msg(2, "loudness: measured %.1f LUFS, gain %+.1f dB, result %.1f LUFS",
                in, gain, out);
    }

end:
    if (explain_out && explain_out != stderr)
        fclose(explain_out);
    free(data);
    g_ctx = NULL;
    nr_free(ctx);
    return rc;
}
