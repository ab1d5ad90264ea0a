/* batch.c - placeholder; the batch subcommand is being written. */
#include <stdio.h>
#include "commands.h"
int nr_cmd_batch(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("narrate: batch: not available yet\n", stderr);
    return 2;
}
int nr_cmd_feed(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("narrate: feed: not available yet\n", stderr);
    return 2;
}
