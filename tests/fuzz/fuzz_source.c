/* fuzz_source.c - a batch SOURCE read from untrusted bytes: an RSS/Atom
   feed or a URL list (nb_source_parse), and the input's first line as a
   feed date.  Whatever the bytes: no crash, every item has an identity,
   and an item is either malformed (with a reason) or has an http(s) page
   and an identity without credentials. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli/feed.h"
#include "cli/fetch.h"
#include "cli/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    int64_t t;
    (void)nb_parse_feed_date(text, &t);
    nb_source s;
    char err[256];
    if (nb_source_parse(&s, text, size, "https://example.org/news/feed.xml",
                        err, sizeof err) == 0) {
        for (size_t i = 0; i < s.n; i++) {
            const nb_item *it = &s.items[i];
            if (!it->id || !*it->id)
                abort();
            if (!it->error && (!it->url || !nb_is_url(it->url)))
                abort();
            if (it->url) {  /* what messages show has no user:password@ */
                char shown[4096];
                nb_url_redact(it->url, shown, sizeof shown);
                const char *host = strstr(shown, "://");
                host = host ? host + 3 : shown;
                const char *at = strchr(host, '@');
                if (at && at < host + strcspn(host, "/?#"))
                    abort();
            }
        }
        nb_source_free(&s);
    }
    free(text);
    return 0;
}
