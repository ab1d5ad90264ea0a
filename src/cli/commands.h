/*
 * commands.h - the subcommands of the narrate program besides narrating one
 * article (internal to the command; the library knows nothing of them).
 */
#ifndef NR_CLI_COMMANDS_H
#define NR_CLI_COMMANDS_H

/* narrate batch IN_DIR OUT_DIR [options]; argv[0] is "batch". Returns an
   exit code. */
int nr_cmd_batch(int argc, char **argv);
/* narrate feed OUT_DIR [options]; argv[0] is "feed". Returns an exit code. */
int nr_cmd_feed(int argc, char **argv);

#endif
