"""HTML from mail: made safe to show in the archive, and turned into text for quoting and search.

HTML mail is written by strangers, so nothing active survives (scripts, styles, forms, frames,
event handlers, ``javascript:`` links), and nothing makes a request when the page is shown:
remote images are usually tracking pixels and cost a learner on a metered phone money, so only
images attached to the message itself (``cid:``) are kept.
"""

from __future__ import annotations

import html as entities
import re

import nh3
from inscriptis import get_text

_KEPT_URL_SCHEMES = {"http", "https", "mailto", "tel", "cid"}
# Tags whose content is code or page furniture, never something a person wrote.
_DROPPED_WITH_CONTENT = {"script", "style", "title"}
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
# inscriptis lays out about a megabyte a second (tables slower); bigger HTML, a newsletter or
# a pasted spreadsheet, is turned into text by dropping tags, one line per block.
_LAYOUT_LIMIT = 300_000
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|tr|li|h[1-6]|table|blockquote|pre)>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]>", re.IGNORECASE)


def _keep_only_attached_images(tag: str, attribute: str, value: str) -> str | None:
    """Drop an image source unless it points into the message itself (``cid:``)."""
    if tag == "img" and attribute == "src" and not value.strip().lower().startswith("cid:"):
        return None
    return value


_CLEANER = nh3.Cleaner(
    clean_content_tags=_DROPPED_WITH_CONTENT,
    url_schemes=_KEPT_URL_SCHEMES,
    attribute_filter=_keep_only_attached_images,
    link_rel="nofollow noopener",
)
_TAGS_ONLY = nh3.Cleaner(tags=set(), clean_content_tags=_DROPPED_WITH_CONTENT)


def sanitise_html(html: str) -> str:
    """Return `html` with only harmless markup left and no request to any other server.

    nh3's default allow-list already excludes scripts, forms, frames, styles and event
    handlers; an image whose remote source was dropped is removed whole, so no empty box is left.
    """
    if not html.strip():
        return ""
    return _IMG_WITHOUT_SRC.sub("", _CLEANER.clean(html)).strip()


def html_to_text(html: str) -> str:
    """Return the text a reader sees in `html`, laid out in lines (tables stay readable).

    The HTML is sanitised first, so the text of scripts and styles never becomes message text,
    and inscriptis (lxml underneath) only ever sees well-formed markup.
    """
    clean = sanitise_html(html)
    if not clean:
        return ""
    if len(clean) > _LAYOUT_LIMIT:
        lines = _BLOCK_END.sub("\n", _CELL_END.sub("\t", clean))
        text = entities.unescape(_TAGS_ONLY.clean(lines))
    else:
        text = get_text(clean)
    return _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text)).strip("\n")
