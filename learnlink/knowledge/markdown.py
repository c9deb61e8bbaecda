"""A practice's Markdown, turned into HTML that is safe to show and asks nothing of other sites.

markdown-it-py reads CommonMark (with tables, since results come with figures) and is told to
treat raw HTML as text; nh3 then cleans what it produced all the same, so that a bug in either
cannot let a script through. Images are kept only from our own media: an image from another
site would track readers and cost a learner on a metered phone money, so it is dropped and
its description stays as text. A form refuses such an image first, with `remote_images`.
"""

from __future__ import annotations

import re

import nh3
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def _is_ours(src: str) -> bool:
    """An image served from our own media, by a path on this site (not `//elsewhere`)."""
    return src.startswith(settings.MEDIA_URL) and not src.startswith("//")


def _keep_own_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not _is_ours(value.strip()):
        return None
    return value


_CLEANER = nh3.Cleaner(
    clean_content_tags={"script", "style"},
    url_schemes={"http", "https", "mailto", "tel"},
    attribute_filter=_keep_own_images,
    link_rel="nofollow noopener",
)


def render(text: str) -> SafeString:
    """The HTML of `text`, cleaned; an image from elsewhere leaves its description as text."""
    if not text.strip():
        return mark_safe("")
    html = _CLEANER.clean(_PARSER.render(text))
    return mark_safe(_IMG_WITHOUT_SRC.sub(_alt_text, html).strip())  # noqa: S308 (cleaned)


def _alt_text(match: re.Match[str]) -> str:
    alt = re.search(r'\salt="([^"]*)"', match.group(0))
    return f"[{alt.group(1)}]" if alt and alt.group(1) else ""


def remote_images(text: str) -> list[str]:
    """The addresses of the images in `text` that are not ours, for a form to refuse."""
    found = []
    stack: list[Token] = list(_PARSER.parse(text))
    while stack:
        token = stack.pop(0)
        if token.type == "image" and not _is_ours(str(token.attrGet("src") or "")):
            found.append(str(token.attrGet("src")))
        stack.extend(token.children or [])
    return found
