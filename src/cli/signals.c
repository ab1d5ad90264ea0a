/*
 * signals.c - the command's SIGINT/SIGTERM handler (see signals.h).
 */
#include "signals.h"

#include <string.h>

volatile sig_atomic_t cli_caught_signal;
static nr_ctx *volatile cancel_target;

static void on_signal(int sig)
{
    cli_caught_signal = sig;
    nr_ctx *c = cancel_target;  /* read once: the main thread may clear it */
    if (c)
        nr_cancel(c);
}

void cli_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

void cli_signal_cancels(nr_ctx *ctx)
{
    cancel_target = ctx;
}
