#!/usr/bin/env python3
"""http_server.py ROOT PORT_FILE LOG_FILE - the test suites' web server.

Serves the files under ROOT on 127.0.0.1 at a port the kernel picks
(written to PORT_FILE once listening), with the behaviour a publisher's
server shows and narrate must survive:

  /FILE              the file, with ETag and Last-Modified (Content-Type
                     from the extension; *-latin1.html says ISO-8859-1); a matching
                     If-None-Match or If-Modified-Since gets 304
  /slow/FILE         the file after SLOW_SECONDS (6) of silence
  /loop/N            a redirect to /loop/N+1, for ever
  /moved/FILE        a 301 to /FILE
  /huge              40 MiB of HTML with no Content-Length
  /huge-declared     a Content-Length of 10 GiB, a few bytes of body
  /error/CODE        that HTTP status
  anything else      404

Every request is appended to LOG_FILE as "METHOD PATH STATUS UA=... INM=...
IMS=..." so the suites can see what was fetched and how.  Standard library
only; stops by itself after LIFETIME seconds (default 900) in case the
suite that started it could not stop it.
"""
import email.utils
import hashlib
import http.server
import os
import sys
import threading
import time

ROOT, PORT_FILE, LOG_FILE = sys.argv[1], sys.argv[2], sys.argv[3]
SLOW_SECONDS = float(os.environ.get("SLOW_SECONDS", "6"))
LIFETIME = float(os.environ.get("LIFETIME", "900"))
log_lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet on stderr; LOG_FILE has it all
        pass

    def record(self, status):
        h = self.headers
        line = "%s %s %d UA=%s INM=%s IMS=%s\n" % (
            self.command, self.path, status, h.get("User-Agent", "-").replace(" ", "_"),
            h.get("If-None-Match", "-"), (h.get("If-Modified-Since") or "-").replace(" ", "_"))
        with log_lock:
            with open(LOG_FILE, "a") as f:
                f.write(line)

    def reply(self, status, body=b"", headers=()):
        self.record(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)

    def serve_file(self, rel):
        path = os.path.realpath(os.path.join(ROOT, rel.lstrip("/")))
        if not path.startswith(os.path.realpath(ROOT) + os.sep) or not os.path.isfile(path):
            return self.reply(404, b"<html><body><p>Not found</p></body></html>",
                              [("Content-Type", "text/html")])
        data = open(path, "rb").read()
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        mtime = int(os.path.getmtime(path))
        lm = email.utils.formatdate(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = inm == etag if inm else False
        if not inm and ims:
            t = email.utils.parsedate_to_datetime(ims).timestamp()
            fresh = mtime <= t
        hdrs = [("ETag", etag), ("Last-Modified", lm)]
        if fresh:
            return self.reply(304, b"", hdrs)
        ctype = {".xml": "application/rss+xml", ".atom": "application/atom+xml",
                 ".md": "text/markdown; charset=utf-8", ".txt": "text/plain; charset=utf-8"}
        ext = os.path.splitext(path)[1]
        if path.endswith("-latin1.html"):  # an older site's pages
            hdrs.append(("Content-Type", "text/html; charset=ISO-8859-1"))
        else:
            hdrs.append(("Content-Type", ctype.get(ext, "text/html; charset=utf-8")))
        self.reply(200, data, hdrs)

    def do_GET(self):
        p = self.path.split("?", 1)[0]
        if p.startswith("/slow/"):
            time.sleep(SLOW_SECONDS)
            return self.serve_file(p[len("/slow"):])
        if p.startswith("/loop/"):
            n = int(p.rsplit("/", 1)[1] or 0) if p.rsplit("/", 1)[1].isdigit() else 0
            return self.reply(302, b"", [("Location", "/loop/%d" % (n + 1))])
        if p.startswith("/moved/"):
            return self.reply(301, b"", [("Location", p[len("/moved"):])])
        if p.startswith("/error/"):
            return self.reply(int(p.rsplit("/", 1)[1]), b"error page")
        if p == "/huge":
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"word " * 13100 + b"</p>\n"  # about 64 KiB
            try:
                self.wfile.write(b"<html><body>")
                for _ in range(40 * 16):  # 40 MiB, then the end
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what it should do
            self.close_connection = True
            return
        if p == "/huge-declared":
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10 << 30))
            self.end_headers()
            try:
                self.wfile.write(b"<html>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        return self.serve_file(p)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client that gave up (timeout, size limit) is what the tests do
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    threading.Timer(LIFETIME, srv.shutdown).start()
    tmp = PORT_FILE + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, PORT_FILE)
    srv.serve_forever()
    os._exit(0)  # the lifetime timer and any slow handler end with it


main()
