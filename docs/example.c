/*
 * example.c - embedding libnarrate: synthesize an article to PCM through a
 * callback and follow along with the sentence events, as a screen reader or
 * read-along tool would (highlighting input[src_start, src_end) while the
 * sentence plays).
 *
 *   cc example.c $(pkg-config --cflags --libs narrate) -o example
 *   ./example article.txt > events.tsv
 *
 * Prints one line per event: kind, start ms, end ms, src_start, src_end,
 * text as written; then the number of samples received.  Stops after
 * MAX_MS of audio when a second argument gives it, to show cancellation.
 */
#include <narrate.h>

#include <stdio.h>
#include <stdlib.h>

typedef struct state {
    unsigned long long samples;
    unsigned long long max_ms;   /* 0 = no limit */
    int rate;
} state;

static int on_pcm(void *ud, const int16_t *pcm, size_t n)
{
    state *st = ud;
    (void)pcm;  /* a real tool would play or encode this */
    st->samples += n;
    /* non-zero cancels the render: the listener pressed stop */
    return st->max_ms && st->samples * 1000 / (unsigned long long)st->rate > st->max_ms;
}

static int on_event(void *ud, const nr_event *ev)
{
    (void)ud;
    static const char *const kind[] = {"chapter", "paragraph", "sentence"};
    printf("%s\t%llu\t%llu\t%lld\t%lld\t%.*s\n", kind[ev->kind],
           (unsigned long long)ev->start_ms, (unsigned long long)ev->end_ms,
           ev->src_start == (size_t)-1 ? -1LL : (long long)ev->src_start,
           ev->src_end == (size_t)-1 ? -1LL : (long long)ev->src_end,
           (int)ev->text_len, ev->text);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: example ARTICLE [MAX_MS]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 3;
    }
    size_t len = 0, cap = 1 << 16;
    char *data = malloc(cap);
    for (size_t k; data && (k = fread(data + len, 1, cap - len, f)) > 0;) {
        len += k;
        if (len == cap) {
            char *d = realloc(data, cap *= 2);
            if (!d)
                free(data);
            data = d;
        }
    }
    fclose(f);
    if (!data)
        return 1;

    nr_ctx *ctx = nr_new();
    if (!ctx)
        return 1;
    state st = {0, argc > 2 ? strtoull(argv[2], NULL, 10) : 0, 0};
    nr_status s = nr_set_jobs(ctx, 2);
    if (s == NR_OK)
        s = nr_load(ctx, data, len, argv[1]);
    st.rate = nr_sample_rate(ctx);
    nr_set_events(ctx, on_event, &st);
    if (s == NR_OK)
        s = nr_synthesize(ctx, on_pcm, &st);
    printf("samples\t%llu\n", st.samples);
    if (s != NR_OK)
        fprintf(stderr, "example: %s: %s\n", nr_strerror(s), nr_errmsg(ctx));
    nr_free(ctx);
    free(data);
    return s == NR_OK ? 0 : s == NR_ERR_CANCELLED ? 4 : 1;
}
