"""docs/email-paths.md lists every action the web offers and how the same is done by mail.

The actions are found in the code, not typed: every named URL whose view (or a function of its
own module that the view calls) reads a POST. A new form without a row in the table fails here,
and so does a count in the table's summary that the rows do not bear out."""

from __future__ import annotations

import dis
import inspect
import re
import types
from collections.abc import Callable, Iterator
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

TABLE = Path(__file__).resolve().parent.parent / "docs" / "email-paths.md"
ROW = re.compile(r"^\| `([\w:]+)` \| (\w+) \| (.+) \|$", re.MULTILINE)
WEB_ONLY = "—"
COUNTED = ("learner", "mentor")
OTHERS = {"partner": "Partners of alliances", "coordinator": "coordinators", "anyone": "anyone"}


def _named_views(patterns: list[URLPattern | URLResolver],
                 namespace: str = "") -> Iterator[tuple[str, Callable[..., object]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_views(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern.callback


def _reads_post(function: object, seen: set[object]) -> bool:
    """Whether the view, its decorators (require_POST) or the functions of its own module it
    calls handle a POST."""
    unwrapped = inspect.unwrap(function)  # type: ignore[arg-type]
    if unwrapped in seen or not isinstance(unwrapped, types.FunctionType):
        return False
    seen.add(unwrapped)
    if "POST" in inspect.getsource(unwrapped):
        return True
    names = unwrapped.__globals__
    called = {i.argval for i in dis.get_instructions(unwrapped) if i.opname == "LOAD_GLOBAL"}
    return any(_reads_post(names[name], seen) for name in called
               if isinstance(names.get(name), types.FunctionType)
               and names[name].__module__ == unwrapped.__module__)


def web_actions() -> set[str]:
    """Every form Learnlink's own pages take; Django's admin is the staff's, not a member's."""
    return {name for name, view in _named_views(get_resolver().url_patterns)
            if not name.startswith("admin:") and _reads_post(view, set())}


def rows() -> dict[str, tuple[str, str]]:
    return {name: (who, path) for name, who, path in ROW.findall(TABLE.read_text())}


def summary(table: dict[str, tuple[str, str]]) -> str:
    """The table's first lines, as its rows count them."""
    def share(who: str) -> tuple[int, int]:
        paths = [path for kind, path in table.values() if kind == who]
        return sum(not path.startswith(WEB_ONLY) for path in paths), len(paths)

    (learners, of_learners), (mentors, of_mentors) = share("learner"), share("mentor")
    others = "; ".join(f"{label}: {share(who)[0]} of {share(who)[1]}"
                       for who, label in OTHERS.items())
    return (f"**Learners and mentors: {learners + mentors} of {of_learners + of_mentors} "
            f"actions have an email path** (learners {learners} of {of_learners}, mentors "
            f"{mentors} of {of_mentors}). {others}")


def test_every_web_action_is_in_the_table_and_nothing_else():
    listed, found = set(rows()), web_actions()
    assert not found - listed, f"add to {TABLE.name}: {sorted(found - listed)}"
    assert not listed - found, f"no longer a web action: {sorted(listed - found)}"


def test_each_action_says_who_takes_it():
    kinds = {who for who, _path in rows().values()}
    assert kinds <= {*COUNTED, *OTHERS}, kinds


def test_the_summary_counts_the_rows():
    text = " ".join(TABLE.read_text().split())
    assert summary(rows()) in text, f"the summary should read: {summary(rows())}"
