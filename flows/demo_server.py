"""A tiny static HTTP server for the bundled demo news site (and the tests' loopback sites).

Serves a directory on 127.0.0.1 with a random free port, substituting `{{BASE_URL}}` in text
files so feeds, sitemaps and canonical links point at the live address.
"""

from __future__ import annotations

import mimetypes
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"
_TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json"}
_TYPES = {
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}


class _Server(ThreadingHTTPServer):
    # socketserver's default listen backlog of 5 is below the fetcher's 8 parallel connections:
    # the kernel drops the extra SYNs and the client retries after 1 s, which made every batch
    # of 100 pages take 1 s instead of 0.1 s
    request_queue_size = 128

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # a client that closed its kept-alive connection, or cut a page short, is no error of
        # the site's: socketserver printed a traceback for each
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """Serve `root` on loopback in a background thread; use as a context manager."""

    def __init__(self, root: Path = DEMO_SITE, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = root.resolve()
        server_root = self.root

        class Handler(BaseHTTPRequestHandler):
            # keep-alive, as news sites serve: the fetcher's pooled connections are reused (a
            # connection a request cost ~0.8 ms more of CPU on each side); no Nagle delay, or
            # the body written after the headers waits for the client's delayed ACK (~40 ms)
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(
                self, format: str, *args: object
            ) -> None:  # quiet: the demo prints a summary
                return

            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                target = (server_root / path.lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_relative_to(server_root) or not target.is_file():
                    # not send_error, which closes the connection: news sites keep it open
                    self._send(404, "text/plain", b"not found")
                    return
                body = target.read_bytes()
                if target.suffix in _TEXT_SUFFIXES:
                    body = body.replace(b"{{BASE_URL}}", outer.base_url.encode("ascii"))
                ctype = (
                    _TYPES.get(target.suffix)
                    or mimetypes.guess_type(target.name)[0]
                    or "application/octet-stream"
                )
                if target.suffix == ".html":
                    # no charset in the header: pages declare their own (one demo page is windows-1252)
                    ctype = "text/html"
                self._send(200, ctype, body)

            def _send(self, status: int, ctype: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        outer = self
        self.httpd = _Server((host, port), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://{host}:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, name="demo-site", daemon=True
        )

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
