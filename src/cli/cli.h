/*
 * cli.h - what every part of the narrate command shares, whichever
 * subcommand runs: the exit codes, the one message channel and its
 * verbosity, and two string helpers.
 *
 * Internal to the command; below it only the public narrate.h is used.
 * File-system helpers are in files.h, the data search paths in datadir.h.
 */
#ifndef NR_CLI_CLI_H
#define NR_CLI_CLI_H

/* Exit codes, documented in narrate(1), README and each --help. */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_INTERNAL = 1,     /* out of memory, or an unexpected failure */
    CLI_EXIT_USAGE = 2,        /* bad option or value, unknown voice, bad
                                  configuration value */
    CLI_EXIT_INPUT = 3,        /* input, IN_DIR or configuration missing,
                                  unreadable, a directory, or empty */
    CLI_EXIT_OUTPUT = 4,       /* output or OUT_DIR unwritable, or OUT_DIR
                                  locked by another run */
    CLI_EXIT_SYNTH = 5,        /* the synthesizer failed */
    CLI_EXIT_PARTIAL = 6,      /* batch: some articles failed, the others
                                  are done */
    CLI_EXIT_INTERRUPTED = 130,/* SIGINT or SIGTERM */
    CLI_EXIT_PIPE = 141        /* the reader of -o - went away */
};

/* 0 quiet, 1 normal, 2 verbose; set by the options of whichever command
   runs. */
extern int cli_verbosity;

/* "narrate: MESSAGE\n" on stderr when cli_verbosity >= level.  Every
   message of the command goes through here; stdout carries data only. */
void cli_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses all of s as a decimal integer in [lo, hi] into *out.  Returns 0,
   or -1 for anything else (empty, trailing text, out of range). */
int cli_parse_int(const char *s, int lo, int hi, int *out);

/* malloc'd copy of s (NULL stays NULL, and NULL when out of memory). */
char *cli_strdup(const char *s);

/* Non-zero when name ends with suffix. */
int cli_ends_with(const char *name, const char *suffix);

#endif
