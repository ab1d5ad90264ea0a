/* fuzz_feed.c - the RSS writer with titles, descriptions and authors taken
   from the input (NUL-separated): whatever the text (invalid UTF-8 and
   control characters included), feed.xml is written and parses back as
   well-formed XML with one item per episode. */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/config.h"
#include "cli/episode.h"
#include "cli/feed.h"

#define MAXEP 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/narrate-fuzz-feed.XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *field[3 * MAXEP];
    size_t nf = 0;
    for (size_t i = 0, st = 0; i <= size && nf < 3 * MAXEP; i++)
        if (i == size || copy[i] == '\0') {
            field[nf++] = copy + st;
            st = i + 1;
        }
    nb_config c;
    nb_config_init(&c);
    c.title = nf ? field[0] : "t";
    nb_episode ep[MAXEP];
    size_t n = nf / 3;
    char guid[MAXEP][64], audio[MAXEP][32];
    memset(ep, 0, sizeof ep);
    for (size_t i = 0; i < n; i++) {
        snprintf(guid[i], sizeof guid[i], "00000000-0000-5000-8000-%012zu", i);
        snprintf(audio[i], sizeof audio[i], "ep%zu.mp3", i);
        ep[i].source = audio[i];
        ep[i].slug = audio[i];
        ep[i].title = field[3 * i];
        ep[i].description = field[3 * i + 1];
        ep[i].author = field[3 * i + 2];
        ep[i].guid = guid[i];
        ep[i].audio = audio[i];
        ep[i].chapters = audio[i];
        ep[i].pub_date = (int64_t)(1700000000 + i * 86400);
        ep[i].duration_ms = 1000 * (i + 1);
        ep[i].bytes = 100 * (i + 1);
    }
    const char *what = NULL;
    int e = nb_feed_write(dir, &c, ep, n, 1700000000, &what);
    if (e != 0 && e != ENOMEM)
        abort();  /* no text may keep the feed from being written */
    if (e == 0) {
        char path[96];
        snprintf(path, sizeof path, "%s/feed.xml", dir);
        xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!doc)
            abort();  /* not well-formed */
        xmlXPathContextPtr x = xmlXPathNewContext(doc);
        xmlXPathObjectPtr r = x ? xmlXPathEvalExpression((const xmlChar *)"//item", x) : NULL;
        if (!r || !r->nodesetval || (size_t)r->nodesetval->nodeNr != n)
            abort();
        xmlXPathFreeObject(r);
        xmlXPathFreeContext(x);
        xmlFreeDoc(doc);
    }
    free(copy);
    return 0;
}
