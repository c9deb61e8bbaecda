"""Synthesise posts: the model's draft when an endpoint is given and answers in time with a
usable draft, the extractive draft otherwise. Never raises on any input."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from learnlink.drafting.drafts import Draft, Post
from learnlink.drafting.extractive import extractive_draft
from learnlink.drafting.llm import Endpoint, ModelError, model_draft
from learnlink.drafting.sentences import message_sentences

logger = logging.getLogger(__name__)


def endpoint(url: str, timeout: float) -> Endpoint | None:
    """The endpoint settings name (LLM_URL, LLM_TIMEOUT), or None when there is none."""
    return Endpoint(url.strip(), timeout) if url and url.strip() else None


def synthesise(posts: Sequence[Post], model: Endpoint | None = None) -> Draft:
    """A draft of one thread's posts (or several threads', in the order they were posted).
    Posts without text of their own go to the extractive drafter, which reads their quotes."""
    if model is not None and any(message_sentences(post.text) for post in posts):
        try:
            return model_draft(posts, model)
        except ModelError as error:
            logger.warning("drafting: %s; the extractive draft is used instead", error)
        except Exception:  # a mentor gets a draft whatever the model did
            logger.exception("drafting: the model's draft failed; the extractive draft is used")
    return extractive_draft(posts)
