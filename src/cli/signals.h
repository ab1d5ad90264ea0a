/*
 * signals.h - SIGINT and SIGTERM while the command narrates: the context
 * being rendered is cancelled (nr_cancel may be called from a handler) and
 * the signal is remembered, so the command can discard or keep what it
 * has and exit with its documented code.  One handler for the whole
 * command: narrating one article and a batch stop the same way.
 */
#ifndef NR_CLI_SIGNALS_H
#define NR_CLI_SIGNALS_H

#include "narrate.h"

#include <signal.h>

/* The signal caught (SIGINT or SIGTERM); 0 while none has come. */
extern volatile sig_atomic_t cli_caught_signal;

/* Installs the handler for SIGINT and SIGTERM. */
void cli_catch_signals(void);

/* The context a signal cancels from now on; NULL for none.  Set it before
   rendering and clear it before freeing the context. */
void cli_signal_cancels(nr_ctx *ctx);

#endif
