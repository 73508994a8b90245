"""URL canonicalisation: the canonical URL is what an article's identity (article_id) derives from."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

# Query parameters that identify a campaign or a click, never the article.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|cmpid|ocid|"
    r"ito|spm|share|smid|src|ref|ref_src|cid|at_medium|at_campaign|xtor)$",
    re.IGNORECASE,
)


class InvalidURL(ValueError):
    """The string is not an absolute URL that can be canonicalised."""


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters.

    Other query parameters are kept in sorted order (they often identify the article).
    Raises InvalidURL for strings that are not absolute URLs.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("file", "record"):
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidURL(f"not an absolute http(s) URL: {url[:200]!r}")
    try:
        normalized = normalize_url(url)
    except (ValueError, TypeError) as err:
        raise InvalidURL(f"{url[:200]!r}: {err}") from None
    parts = urlsplit(normalized)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(sorted(query)), ""))


def article_id_for(canonical: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 of the canonical URL."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def host_of(url: str) -> str:
    """The host name of a URL without a leading www."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host
