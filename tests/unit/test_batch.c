/*
 * test_batch.c - unit tests for the batch/feed modules of the command
 * (src/cli): slugs, the shard partition, UUIDv5 (the Podcasting 2.0 check
 * value), configuration parsing and its error messages, RFC 2822 dates,
 * the file reader's limits, the episode sidecar round trip and the feed
 * writer.
 *
 * The modules are not in libnarrate: this links build/libnarrate-cli.a
 * (the command without main.c) and uses their headers only, like the fuzz
 * targets.  The commands end to end are tests/suites/batch_feed.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "cli/episode.h"
#include "cli/feed.h"
#include "cli/files.h"
#include "cli/slug.h"

/* ---- slugs ---- */

static int safe_slug(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > NB_SLUG_MAX || s[0] == '.' || s[0] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return strstr(s, "--") == NULL;
}

static void check_slug(const char *title, const char *source, const char *want_prefix)
{
    char *s = nb_slug(title, source);
    assert_non_null(s);
    if (!safe_slug(s))
        fail_msg("unsafe slug '%s' for '%s'", s, title ? title : "(null)");
    if (want_prefix && strncmp(s, want_prefix, strlen(want_prefix)) != 0)
        fail_msg("slug '%s' does not start with '%s'", s, want_prefix);
    /* the suffix: dash and six hex digits */
    size_t n = strlen(s);
    assert_true(n > 7 && s[n - 7] == '-');
    free(s);
}

static void test_slug_plain(void **state)
{
    (void)state;
    check_slug("Hello, World!", "a.txt", "hello-world-");
    check_slug("  The   Big -- Story  ", "a.txt", "the-big-story-");
    check_slug("Don't stop", "a.txt", "dont-stop-");
    char *s = nb_slug("Hello", "a.txt");
    assert_int_equal(strlen(s), strlen("hello-") + 6);
    free(s);
}

static void test_slug_hostile(void **state)
{
    (void)state;
    check_slug("../../etc/passwd", "x.txt", "etc-passwd-");
    check_slug("a/b\\c", "x.txt", "a-b-c-");
    check_slug("\"quoted\" <b>bold</b> & more", "x.txt", "quoted-b-bold-b-more-");
    check_slug("tab\there\nnewline\x01\x7f", "x.txt", "tab-here-newline-");
    check_slug("....", "x.txt", "episode-");
    check_slug("", "x.txt", "episode-");
    check_slug(NULL, "x.txt", "episode-");
    check_slug("\xff\xfe broken \xc3 utf8", "x.txt", "broken-utf8-");
    check_slug("日本語のタイトル", "x.txt", "episode-");
}

static void test_slug_non_ascii(void **state)
{
    (void)state;
    check_slug("Café Ünïcødé Ærø", "x.txt", "cafe-unicode-aero-");
    check_slug("Straße Œuvre Łódź", "x.txt", "strasse-oeuvre-lodz-");
    check_slug("Ωmega über", "x.txt", "mega-uber-");
}

static void test_slug_bounded_and_unique(void **state)
{
    (void)state;
    char title[2000];
    memset(title, 'a', sizeof title - 1);
    title[sizeof title - 1] = '\0';
    check_slug(title, "x.txt", "aaaa");
    char *s = nb_slug("word word word word word word word word word word word word word", "x");
    assert_true(strlen(s) <= NB_SLUG_MAX);
    assert_true(safe_slug(s));
    free(s);
    /* same title, different articles: different slugs; same article: same */
    char *a = nb_slug("Same title", "one.txt"), *b = nb_slug("Same title", "two.txt");
    char *c = nb_slug("Same title", "one.txt");
    assert_string_not_equal(a, b);
    assert_string_equal(a, c);
    free(a);
    free(b);
    free(c);
}

/* ---- shards ---- */

static void test_shard_partition(void **state)
{
    (void)state;
    unsigned count[5] = {0};
    char name[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "article-%d.txt", i);
        unsigned k = nb_shard_of(name, 5);
        assert_true(k < 5);
        assert_int_equal(k, nb_shard_of(name, 5));  /* deterministic */
        count[k]++;
    }
    for (int k = 0; k < 5; k++)  /* roughly even: 200 expected each */
        assert_in_range(count[k], 140, 260);
    assert_int_equal(nb_shard_of("anything", 1), 0);
    /* by name, not position: the shard of a name is a pure function of it */
    assert_int_equal(nb_shard_of("a.txt", 3), nb_shard_of("a.txt", 3));
}

/* ---- UUIDv5 ---- */

static void test_uuid5_check_value(void **state)
{
    (void)state;
    char g[37];
    nb_feed_guid("https://podnews.net/rss", g);
    assert_string_equal(g, "9b024349-ccf0-5f69-a609-6b82873eab3c");
    nb_feed_guid("http://podnews.net/rss/", g);
    assert_string_equal(g, "9b024349-ccf0-5f69-a609-6b82873eab3c");
    nb_feed_guid("podnews.net/rss", g);
    assert_string_equal(g, "9b024349-ccf0-5f69-a609-6b82873eab3c");
    /* RFC 4122 appendix-style check: DNS namespace, "python.org" */
    uint8_t dns[16];
    assert_int_equal(nb_uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", dns), 0);
    nb_uuid5(dns, "python.org", 10, g);
    assert_string_equal(g, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    uint8_t back[16];
    assert_int_equal(nb_uuid_parse("9b024349-ccf0-5f69-a609-6b82873eab3c", back), 0);
    assert_int_equal(nb_uuid_parse("9b024349-ccf0-5f69-a609-6b82873eab3", back), -1);
    assert_int_equal(nb_uuid_parse("9b024349xccf0-5f69-a609-6b82873eab3c", back), -1);
}

/* ---- configuration ---- */

static int parse(const char *text, nb_config *c, char *err, size_t n)
{
    nb_config_init(c);
    return nb_config_parse(c, text, strlen(text), "feed.conf", err, n);
}

static void expect_error(const char *text, const char *want)
{
    nb_config c;
    char err[512] = "";
    assert_int_equal(parse(text, &c, err, sizeof err), -1);
    if (!strstr(err, want))
        fail_msg("error '%s' lacks '%s'", err, want);
    nb_config_free(&c);
}

static void test_config_ok(void **state)
{
    (void)state;
    nb_config c;
    char err[512] = "";
    const char *text =
        "\xef\xbb\xbf# comment\n"
        "; another comment\n"
        "\n"
        "title = My \"Show\" & co\r\n"
        "  link=https://example.org/#top\n"
        "base_url = https://cdn.example.org/p\n"
        "description = \"  spaced  \"\n"
        "owner_email = me@example.org\n"
        "language = en-us\n"
        "category = Society & Culture > Documentary\n"
        "explicit = yes\n"
        "voice = kal16\n"
        "rate = 1.25\n"
        "bitrate = 96\n";
    assert_int_equal(parse(text, &c, err, sizeof err), 0);
    assert_string_equal(c.title, "My \"Show\" & co");
    assert_string_equal(c.link, "https://example.org/#top");
    assert_string_equal(c.description, "  spaced  ");
    assert_string_equal(c.category, "Society & Culture");
    assert_string_equal(c.subcategory, "Documentary");
    assert_int_equal(c.explicit_, 1);
    assert_string_equal(c.voice, "kal16");
    assert_true(c.rate > 1.24 && c.rate < 1.26);
    assert_int_equal(c.bitrate, 96);
    assert_int_equal(nb_config_defaults(&c, "/srv/out"), 0);
    assert_string_equal(c.feed_url, "https://cdn.example.org/p/feed.xml");
    nb_config_free(&c);
}

static void test_config_defaults(void **state)
{
    (void)state;
    nb_config c;
    nb_config_init(&c);
    assert_int_equal(nb_config_defaults(&c, "/srv/podcasts/Morning Show//"), 0);
    assert_string_equal(c.title, "Morning Show");
    assert_string_equal(c.language, "en");
    assert_int_equal(c.explicit_, 0);
    assert_null(c.base_url);
    assert_null(c.feed_url);
    nb_config_free(&c);
    char *u = nb_url_join(NULL, "a.mp3");
    assert_string_equal(u, "a.mp3");
    free(u);
    u = nb_url_join("https://x.org/p/", "a.mp3");
    assert_string_equal(u, "https://x.org/p/a.mp3");
    free(u);
}

static void test_config_errors(void **state)
{
    (void)state;
    expect_error("title = T\n\nexplicit = maybe\n",
                 "feed.conf:3: explicit: expected true or false, not 'maybe'");
    expect_error("titel = T\n", "feed.conf:1: titel: unknown key");
    expect_error("title = A\ntitle = B\n", "feed.conf:2: title: given twice (first on line 1)");
    expect_error("# c\nlink = ftp://x.org/\n", "feed.conf:2: link: expected an http:// or https:// URL");
    expect_error("base_url = https://x.org/a b\n", "feed.conf:1: base_url: a URL cannot hold spaces");
    expect_error("owner_email = nobody\n", "feed.conf:1: owner_email: expected an e-mail address");
    expect_error("language = English\n", "feed.conf:1: language: expected an ISO 639");
    expect_error("voice =\n", "feed.conf:1: voice: must not be empty");
    expect_error("rate = 9\n", "feed.conf:1: rate: expected a speech rate");
    expect_error("bitrate = 65\n", "feed.conf:1: bitrate: expected an MP3 bitrate");
    expect_error("\n\n\njust text\n", "feed.conf:4: expected key = value");
    expect_error("[channel]\n", "feed.conf:1: sections are not used");
    expect_error("title =\n", "feed.conf:1: title: must not be empty");
    expect_error("title = bad \xff byte\n", "feed.conf:1: title: not valid UTF-8");
    expect_error("category = A > \n", "feed.conf:1: category: expected \"Category\"");
}

/* ---- dates ---- */

static void test_rfc2822(void **state)
{
    (void)state;
    char d[NB_DATE_LEN];
    nb_rfc2822(0, d);
    assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
    nb_rfc2822(1780000000, d);
    assert_string_equal(d, "Thu, 28 May 2026 20:26:40 +0000");
    nb_rfc2822(1714564800, d);
    assert_string_equal(d, "Wed, 01 May 2024 12:00:00 +0000");
    /* English names whatever the locale */
    if (setlocale(LC_TIME, "de_DE.UTF-8") || setlocale(LC_TIME, "fr_FR.UTF-8")) {
        nb_rfc2822(1780000000, d);
        assert_string_equal(d, "Thu, 28 May 2026 20:26:40 +0000");
        setlocale(LC_TIME, "C");
    }
    int64_t t;
    assert_int_equal(nb_parse_iso_date("2024-05-01", &t), 0);
    assert_int_equal(t, 1714564800);  /* noon UTC */
    assert_int_equal(nb_parse_iso_date("2024-02-29T08:00", &t), 0);
    assert_int_equal(nb_parse_iso_date("2023-02-29", &t), -1);
    assert_int_equal(nb_parse_iso_date("2024-13-01", &t), -1);
    assert_int_equal(nb_parse_iso_date("May 1", &t), -1);
    assert_int_equal(nb_parse_iso_date(NULL, &t), -1);
}

static void test_source_date_epoch(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1780000000", 1);
    assert_int_equal(nb_now(), 1780000000);
    setenv("SOURCE_DATE_EPOCH", "soon", 1);
    cli_verbosity = 0;
    assert_int_equal(nb_now(), -1);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_true(nb_now() > 1700000000);
}

/* ---- the command's one file reader ---- */

static void test_read_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_read.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = cli_path(dir, "a.txt"), *data;
    size_t len;
    assert_int_equal(cli_write_atomic(path, "abc\0def", 7), 0);
    assert_int_equal(cli_read_file(path, &data, &len), 0);
    assert_int_equal(len, 7);
    assert_memory_equal(data, "abc\0def", 8);  /* NUL-terminated too */
    free(data);
    assert_int_equal(cli_read_file(dir, &data, &len), EISDIR);
    unlink(path);
    assert_int_equal(cli_read_file(path, &data, &len), ENOENT);

    /* a pipe is read to its end, past the first buffer's size */
    int p[2];
    assert_int_equal(pipe(p), 0);
    if (fork() == 0) {
        char block[4096];
        memset(block, 'x', sizeof block);
        for (int i = 0; i < 40; i++)
            if (write(p[1], block, sizeof block) != (ssize_t)sizeof block)
                _exit(1);
        _exit(0);
    }
    close(p[1]);
    assert_int_equal(cli_read_fd(p[0], &data, &len), 0);
    close(p[0]);
    wait(NULL);
    assert_int_equal(len, 40 * 4096);
    assert_int_equal(data[len - 1], 'x');
    free(data);

    /* over the limit: refused from the size alone (a sparse file) */
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)CLI_MAX_READ + 1), 0);
    close(fd);
    assert_int_equal(cli_read_file(path, &data, &len), EFBIG);
    unlink(path);
    free(path);
    rmdir(dir);
}

/* ---- sidecar round trip and the feed writer ---- */

static int is_sidecar_or_any(const char *name)
{
    return strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static void fill(nb_episode *e, const char *source, const char *title, int64_t date)
{
    memset(e, 0, sizeof *e);
    e->source = cli_strdup(source);
    e->slug = nb_slug(title, source);
    e->title = cli_strdup(title);
    e->description = cli_strdup("A <b>description</b> & more");
    e->guid = cli_strdup("a6f22410-a41e-5301-b40b-c7b3159fd31a");
    e->key = cli_strdup("00ff");
    size_t n = strlen(e->slug) + 16;
    e->audio = malloc(n);
    snprintf(e->audio, n, "%s.mp3", e->slug);
    e->pub_date = date;
    e->first_seen = date + 5;
    e->dated = 1;
    e->duration_ms = 61500;
    e->bytes = 12345;
    e->nchapters = 2;
}

static void test_sidecar_and_feed(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_batch.XXXXXX";
    assert_non_null(mkdtemp(dir));
    nb_episode a, b;
    fill(&a, "old.txt", "Old \"one\" <x> & Café", 1700000000);
    fill(&b, "new.txt", "New one", 1710000000);
    free(b.guid);
    b.guid = cli_strdup("9ec7ccad-c042-5bb1-a169-d021ccb66ded");
    assert_int_equal(nb_episode_save(dir, &a), 0);
    assert_int_equal(nb_episode_save(dir, &b), 0);

    nb_episode *v;
    size_t n;
    assert_int_equal(nb_episodes_load_dir(dir, &v, &n), 0);
    assert_int_equal(n, 2);
    nb_episode *x = strcmp(v[0].source, "old.txt") == 0 ? &v[0] : &v[1];
    assert_string_equal(x->title, a.title);
    assert_string_equal(x->slug, a.slug);
    assert_int_equal(x->pub_date, a.pub_date);
    assert_int_equal(x->first_seen, a.first_seen);
    assert_int_equal(x->duration_ms, 61500);
    assert_int_equal(x->bytes, 12345);
    assert_int_equal(x->dated, 1);
    assert_null(x->chapters);

    nb_config c;
    nb_config_init(&c);
    assert_int_equal(nb_config_defaults(&c, dir), 0);
    const char *what;
    assert_int_equal(nb_feed_write(dir, &c, v, n, 1780000000, &what), 0);
    /* newest first */
    assert_string_equal(v[0].source, "new.txt");

    char *feed = cli_path(dir, "feed.xml"), *text;
    size_t len;
    assert_int_equal(cli_read_file(feed, &text, &len), 0);
    xmlDocPtr doc = xmlReadMemory(text, (int)len, "feed.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);  /* well-formed */
    xmlFreeDoc(doc);
    assert_non_null(strstr(text, "<title>Old &quot;one&quot; &lt;x&gt; &amp; Café</title>"));
    assert_non_null(strstr(text, "<itunes:duration>62</itunes:duration>"));
    assert_non_null(strstr(text, "length=\"12345\""));
    assert_non_null(strstr(text, "<lastBuildDate>Thu, 28 May 2026 20:26:40 +0000</lastBuildDate>"));
    assert_non_null(strstr(text, "<guid isPermaLink=\"false\">9ec7ccad-"));
    assert_true(strstr(text, "New one") < strstr(text, "Old &quot;one"));

    /* a sidecar pointing outside OUT_DIR is refused */
    char *bad = cli_path(dir, "evil.episode.json");
    const char *evil = "{\"version\":1,\"source\":\"e.txt\",\"slug\":\"e\","
                       "\"title\":\"t\",\"guid\":\"g\",\"key\":\"k\","
                       "\"audio\":\"../../etc/passwd\"}";
    assert_int_equal(cli_write_atomic(bad, evil, strlen(evil)), 0);
    nb_episode y;
    char err[256];
    assert_int_equal(nb_episode_load(bad, &y, err, sizeof err), -1);
    assert_non_null(strstr(err, "path"));

    /* clean up */
    char **names;
    size_t k;
    assert_int_equal(cli_list_dir(dir, is_sidecar_or_any, &names, &k), 0);
    for (size_t i = 0; i < k; i++) {
        char *p = cli_path(dir, names[i]);
        unlink(p);
        free(p);
    }
    cli_free_list(names, k);
    rmdir(dir);
    free(bad);
    free(feed);
    free(text);
    nb_config_free(&c);
    nb_episodes_free(v, n);
    nb_episode_free(&a);
    nb_episode_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slug_plain),
        cmocka_unit_test(test_slug_hostile),
        cmocka_unit_test(test_slug_non_ascii),
        cmocka_unit_test(test_slug_bounded_and_unique),
        cmocka_unit_test(test_shard_partition),
        cmocka_unit_test(test_uuid5_check_value),
        cmocka_unit_test(test_config_ok),
        cmocka_unit_test(test_config_defaults),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_rfc2822),
        cmocka_unit_test(test_source_date_epoch),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_sidecar_and_feed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
