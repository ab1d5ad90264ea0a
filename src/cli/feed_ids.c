/*
 * feed_ids.c - stable identifiers: UUIDv5 (RFC 4122, SHA-1 from nettle) for
 * the channel podcast:guid and episode guids, and the shard hash.
 *
 * Identifiers derive from names, never from content or time, so reruns,
 * corrections and sharded runs all agree on them.
 */
#include "feed.h"

#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

/* ead4c236-bf58-58c6-a2c6-a6b28d128cb6 (Podcasting 2.0 guid namespace) */
const uint8_t nb_podcast_ns[16] = {
    0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6,
    0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int nb_uuid_parse(const char *s, uint8_t out[16])
{
    size_t k = 0;
    for (size_t i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return -1;
            continue;
        }
        int a = hexval(s[i]), b = a < 0 ? -1 : hexval(s[i + 1]);
        if (a < 0 || b < 0)
            return -1;
        out[k++] = (uint8_t)(a * 16 + b);
        i++;
    }
    return s[36] == '\0' ? 0 : -1;
}

void nb_uuid5(const uint8_t ns[16], const char *name, size_t len, char out[37])
{
    struct sha1_ctx c;
    uint8_t d[SHA1_DIGEST_SIZE];
    sha1_init(&c);
    sha1_update(&c, 16, ns);
    sha1_update(&c, len, (const uint8_t *)name);
    sha1_digest(&c, sizeof d, d);
    d[6] = (uint8_t)((d[6] & 0x0f) | 0x50);  /* version 5 */
    d[8] = (uint8_t)((d[8] & 0x3f) | 0x80);  /* RFC 4122 variant */
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        snprintf(p, 3, "%02x", d[i]);
        p += 2;
    }
    *p = '\0';
}

void nb_feed_guid(const char *url, char out[37])
{
    const char *s = strstr(url, "://");
    s = s ? s + 3 : url;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '/')
        n--;
    nb_uuid5(nb_podcast_ns, s, n, out);
}

unsigned nb_shard_of(const char *name, unsigned n)
{
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, strlen(name), (const uint8_t *)name);
    sha256_digest(&c, sizeof d, d);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | d[i];
    return n ? (unsigned)(v % n) : 0;
}
