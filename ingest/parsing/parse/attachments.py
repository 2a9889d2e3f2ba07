"""Bilag lines ("Bilag 2a: title", "Bilag A – title") and the URLs that belong to them."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import unquote, urlsplit

from ingest.parsing.contract import Attachment

# Only the first separator after the label is one: "Bilag 6 - Baggrundsnotat - Koordinering ...".
BILAG_RE = re.compile(
    r"^Bilag\s+(?P<id>\d{1,3}[a-zA-Z]?|[A-ZÆØÅ])\s*(?::|\.|\s[-–—]|[-–—]\s)\s*(?P<title>\S.*)$"
)
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe"})
STOPWORDS = {"af", "og", "for", "til", "om", "paa", "med", "fra", "den", "det", "de", "en", "et"}


def parse_bilag_line(text: str) -> Attachment | None:
    """'Bilag 2a: Oplæg til DASSOS' → Attachment(label='Bilag 2a', title='Oplæg til DASSOS')."""
    match = BILAG_RE.match(" ".join(text.split()))
    if not match:
        return None
    return Attachment(label=f"Bilag {match['id']}", title=match["title"].strip())


def slugify(text: str) -> str:
    """Lowercase ASCII slug the way the secretariat's web site makes them (æ→ae, ø→oe, å→aa)."""
    text = text.lower().translate(TRANSLITERATION)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def is_web_url(url: str) -> bool:
    """http(s) links only: file:/// paths on the author's disk and mailto: are never bilag."""
    return url.lower().startswith(("http://", "https://"))


def _url_slug(url: str) -> str:
    path = unquote(urlsplit(url).path).rstrip("/")
    name = path.rsplit("/", 1)[-1]
    return slugify(name.rsplit(".", 1)[0] if "." in name else name)


def _words(slug: str) -> set[str]:
    return {word for word in slug.split("-") if len(word) > 1 and word not in STOPWORDS}


def _score(attachment: Attachment, url: str) -> float:
    """How well a URL's file name fits a bilag: 0 when the bilag number differs."""
    slug = _url_slug(url)
    prefix = slugify(attachment.label) + "-"
    if not slug.startswith(prefix):
        return 0.0
    rest = slug[len(prefix) :]
    title = slugify(attachment.title)
    shared = _words(title) & _words(rest)
    if shared:
        return 1.0 + len(shared)
    # OCR may leave a title word slightly off; a close overall spelling still counts.
    ratio = SequenceMatcher(None, title, rest).ratio()
    return ratio if ratio >= 0.5 else 0.0


def match_urls(attachments: list[Attachment], urls: list[str]) -> None:
    """Give each attachment without a URL the best-matching document URL (each URL used once)."""
    used = {a.url for a in attachments if a.url}
    candidates = [url for url in dict.fromkeys(urls) if is_web_url(url)]
    for attachment in attachments:
        if attachment.url:
            continue
        scored = [(_score(attachment, url), url) for url in candidates if url not in used]
        scored = [pair for pair in scored if pair[0] > 0]
        if scored:
            attachment.url = max(scored, key=lambda pair: pair[0])[1]
            used.add(attachment.url)
