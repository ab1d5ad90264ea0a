/* fuzz_config.c - the batch configuration parser on arbitrary bytes: it
   either accepts the text or names file, line and key in its message; an
   accepted configuration only holds values its checks allow (no control
   characters in text). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_config c;
    nb_config_init(&c);
    char err[512];
    err[0] = '\0';
    if (nb_config_parse(&c, (const char *)data, size, "fuzz.conf", err, sizeof err) == 0) {
        const char *text[] = {c.title, c.description, c.author, c.owner_name};
        for (size_t i = 0; i < sizeof text / sizeof *text; i++)
            for (const char *p = text[i]; p && *p; p++)
                if ((unsigned char)*p < 0x20)
                    abort();
    } else if (strncmp(err, "fuzz.conf:", 10) != 0) {
        abort();  /* every error names the file and line */
    }
    nb_config_free(&c);
    return 0;
}
