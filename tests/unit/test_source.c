/*
 * test_source.c - the batch's inputs without a network: feed dates (RFC
 * 2822, RFC 3339), RSS / Atom / RSS 1.0 items, URL lists, malformed items,
 * descriptions as text, URLs without credentials, the reader a response
 * asks for.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cli/feed.h"
#include "cli/fetch.h"
#include "cli/source.h"

static int64_t date_of(const char *s)
{
    int64_t t = -1;
    return nb_parse_feed_date(s, &t) == 0 ? t : -1;
}

static void test_feed_dates(void **state)
{
    (void)state;
    /* 2026-03-04 09:30:00 UTC = 1772616600 */
    assert_int_equal(date_of("Wed, 04 Mar 2026 09:30:00 GMT"), 1772616600);
    assert_int_equal(date_of("Wed, 04 Mar 2026 09:30:00 +0000"), 1772616600);
    assert_int_equal(date_of("04 Mar 2026 10:30:00 +0100"), 1772616600);
    assert_int_equal(date_of("Wed, 4 Mar 2026 04:30:00 EST"), 1772616600);
    assert_int_equal(date_of("Wed, 04 Mar 26 09:30 GMT"), 1772616600);
    assert_int_equal(date_of("  Wed, 04 mar 2026 09:30:00 UT\n"), 1772616600);
    assert_int_equal(date_of("2026-03-04T09:30:00Z"), 1772616600);
    assert_int_equal(date_of("2026-03-04T11:30:00.250+02:00"), 1772616600);
    assert_int_equal(date_of("2026-03-04T04:30:00-05:00"), 1772616600);
    assert_int_equal(date_of("2026-03-04"), 1772625600);  /* noon */
    assert_int_equal(date_of("yesterday"), -1);
    assert_int_equal(date_of("Wed, 31 Feb 2026 09:30:00 GMT"), -1);
    assert_int_equal(date_of("Wed, 04 Foo 2026 09:30:00 GMT"), -1);
    assert_int_equal(date_of("2026-13-04T09:30:00Z"), -1);
    assert_int_equal(date_of(""), -1);
    assert_int_equal(nb_parse_feed_date(NULL, &(int64_t){0}), -1);
}

static void test_rss(void **state)
{
    (void)state;
    const char *rss =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>T</title>"
        "<item><title> One  &amp; only </title><link>https://ex.org/a.html</link>"
        "<guid isPermaLink=\"false\">id-1</guid><pubDate>Wed, 04 Mar 2026 09:30:00 GMT</pubDate>"
        "<description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt; &amp;amp; more&lt;/p&gt;</description></item>"
        "<item><link>/b.html</link><dc:date>2026-03-05</dc:date></item>"
        "<item><title>no link</title><guid>id-3</guid></item>"
        "<item><link>ftp://ex.org/c</link><guid>id-4</guid></item>"
        "<item><link>https://ex.org/d.html</link><guid>id-1</guid></item>"
        "<item><link>https://u:secret@ex.org/e.html</link></item>"
        "</channel></rss>";
    nb_source s;
    char err[256];
    assert_int_equal(nb_source_parse(&s, rss, strlen(rss), "https://ex.org/news/feed.xml",
                                     err, sizeof err), 0);
    assert_int_equal(s.kind, NB_SOURCE_FEED);
    assert_int_equal(s.n, 6);
    const nb_item *a = &s.items[0];
    assert_string_equal(a->id, "id-1");
    assert_string_equal(a->url, "https://ex.org/a.html");
    assert_string_equal(a->title, "One & only");
    assert_string_equal(a->description, "Hello world & more");
    assert_true(a->dated);
    assert_int_equal(a->date, 1772616600);
    assert_null(a->error);
    /* no guid: the link, resolved against the feed's URL, is the identity */
    const nb_item *b = &s.items[1];
    assert_string_equal(b->id, "https://ex.org/b.html");
    assert_string_equal(b->url, "https://ex.org/b.html");
    assert_true(b->dated);
    assert_null(b->description);
    assert_non_null(strstr(s.items[2].error, "no link"));
    assert_non_null(strstr(s.items[3].error, "not an http"));
    assert_non_null(strstr(s.items[4].error, "same guid"));
    /* the identity never shows the password; the URL to fetch keeps it */
    assert_string_equal(s.items[5].id, "https://ex.org/e.html");
    assert_string_equal(s.items[5].url, "https://u:secret@ex.org/e.html");
    assert_true(nb_source_has(&s, "id-1"));
    assert_true(nb_source_has(&s, "https://ex.org/b.html"));
    assert_false(nb_source_has(&s, "id-3"));  /* malformed: no episode */
    nb_source_free(&s);
}

static void test_atom_and_rdf(void **state)
{
    (void)state;
    const char *atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
        "<entry><id>urn:x:1</id><title type=\"html\">A &lt;i&gt;b&lt;/i&gt;</title>"
        "<link rel=\"enclosure\" href=\"https://ex.org/x.mp3\"/>"
        "<link rel=\"alternate\" href=\"https://ex.org/one\"/>"
        "<updated>2026-03-04T09:30:00Z</updated><published>2026-03-01T00:00:00Z</published>"
        "<content type=\"html\">&lt;p&gt;Body text&lt;/p&gt;</content></entry>"
        "<entry><id>urn:x:2</id><link href=\"two.html\"/></entry></feed>";
    nb_source s;
    char err[256];
    assert_int_equal(nb_source_parse(&s, atom, strlen(atom), "https://ex.org/f/atom.xml",
                                     err, sizeof err), 0);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.items[0].url, "https://ex.org/one");
    assert_string_equal(s.items[0].title, "A b");
    assert_string_equal(s.items[0].description, "Body text");
    assert_int_equal(s.items[0].date, 1772323200);  /* published wins over updated */
    assert_string_equal(s.items[1].url, "https://ex.org/f/two.html");
    nb_source_free(&s);

    const char *rdf =
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\"><channel><title>T</title></channel>"
        "<item><title>R</title><link>http://ex.org/r</link></item></rdf:RDF>";
    assert_int_equal(nb_source_parse(&s, rdf, strlen(rdf), NULL, err, sizeof err), 0);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.items[0].url, "http://ex.org/r");
    nb_source_free(&s);

    /* relative links in a feed read from a file cannot be resolved */
    const char *rel = "<rss><channel><item><link>/x.html</link></item></channel></rss>";
    assert_int_equal(nb_source_parse(&s, rel, strlen(rel), NULL, err, sizeof err), 0);
    assert_non_null(s.items[0].error);
    nb_source_free(&s);
}

static void test_not_a_feed(void **state)
{
    (void)state;
    nb_source s;
    char err[256];
    const char *html = "<html><body><p>a page</p></body></html>";
    assert_int_equal(nb_source_parse(&s, html, strlen(html), NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "neither RSS nor Atom"));
    const char *broken = "<rss><channel><item>";
    assert_int_equal(nb_source_parse(&s, broken, strlen(broken), NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "not well-formed"));
    const char *words = "Some words.\nNo URL here.\n";
    assert_int_equal(nb_source_parse(&s, words, strlen(words), NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "neither a feed nor a list of URLs"));
    /* an entity that would reach outside is not fetched (no network) */
    const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                      "<rss><channel><item><title>&e;</title><link>https://ex.org/a</link>"
                      "</item></channel></rss>";
    assert_int_equal(nb_source_parse(&s, xxe, strlen(xxe), NULL, err, sizeof err), 0);
    assert_true(!s.items[0].title || !strstr(s.items[0].title, "root:"));
    nb_source_free(&s);
}

static void test_url_list(void **state)
{
    (void)state;
    const char *list = "\xef\xbb\xbf# tonight\n\nhttps://ex.org/a.html\r\n"
                       "  http://ex.org/b.md  \nfile:///etc/passwd\nhttps://ex.org/a.html\n";
    nb_source s;
    char err[256];
    assert_int_equal(nb_source_parse(&s, list, strlen(list), NULL, err, sizeof err), 0);
    assert_int_equal(s.kind, NB_SOURCE_URLS);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.items[0].url, "https://ex.org/a.html");
    assert_string_equal(s.items[1].url, "http://ex.org/b.md");
    assert_string_equal(s.items[2].id, "line 5");
    assert_non_null(s.items[2].error);
    assert_non_null(strstr(s.items[3].error, "same guid or link"));
    nb_source_free(&s);
}

static void test_text_and_urls(void **state)
{
    (void)state;
    char *t = nb_html_to_text("<p>One</p>\n<p>two &amp; <a href=x>three</a></p>");
    assert_string_equal(t, "One two & three");
    free(t);
    assert_null(nb_html_to_text("  <p> </p> "));
    t = nb_html_to_text("plain   text\n here");
    assert_string_equal(t, "plain text here");
    free(t);

    char out[128];
    nb_url_redact("https://user:pw@ex.org/a?b=c@d", out, sizeof out);
    assert_string_equal(out, "https://ex.org/a?b=c@d");
    nb_url_redact("https://a@b:c@ex.org:8080/", out, sizeof out);
    assert_string_equal(out, "https://ex.org:8080/");
    nb_url_redact("http://ex.org/x", out, sizeof out);
    assert_string_equal(out, "http://ex.org/x");

    assert_true(nb_is_url("HTTPS://ex.org"));
    assert_false(nb_is_url("ftp://ex.org"));
    assert_false(nb_is_url("story.html"));

    nb_fetched f = {0};
    f.content_type = "text/markdown; charset=utf-8";
    assert_string_equal(nb_fetched_kind(&f, "https://ex.org/a"), ".md");
    f.content_type = "application/xhtml+xml";
    assert_string_equal(nb_fetched_kind(&f, "https://ex.org/a.txt"), ".html");
    f.content_type = "application/octet-stream";
    assert_string_equal(nb_fetched_kind(&f, "https://ex.org/a.txt?x=1#y"), ".txt");
    f.content_type = NULL;
    assert_string_equal(nb_fetched_kind(&f, "https://ex.org/story"), ".html");
}

static void test_fetch_refuses_other_schemes(void **state)
{
    (void)state;
    nb_fetch_opts o;
    nb_fetch_opts_default(&o);
    nb_fetched f;
    char err[256];
    assert_int_equal(nb_fetch_init(), 0);
    assert_int_equal(nb_fetch("file:///etc/passwd", NULL, NULL, &o, &f, err, sizeof err), -1);
    assert_non_null(strstr(err, "only http"));
    assert_null(f.data);
    nb_fetch_cleanup();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_dates),
        cmocka_unit_test(test_rss),
        cmocka_unit_test(test_atom_and_rdf),
        cmocka_unit_test(test_not_a_feed),
        cmocka_unit_test(test_url_list),
        cmocka_unit_test(test_text_and_urls),
        cmocka_unit_test(test_fetch_refuses_other_schemes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
