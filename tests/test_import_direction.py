"""Imports run one way (docs/architecture.md): an arrow against that direction means the code is
in the wrong app, so this reads every module's imports and fails on such an arrow."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "learnlink"

# What each app may import besides itself, written out whole (not left to transitivity), so the
# table reads as the rule. The project's own modules (settings, urls, api, cli, wsgi) and `web`
# compose the apps and may import any of them; nothing imports `web`.
FOUNDATION = {"lib"}
MAY_IMPORT: dict[str, set[str]] = {
    "lib": set(),
    "people": FOUNDATION,
    "search": FOUNDATION,
    "drafting": FOUNDATION,
    "mail": FOUNDATION | {"people"},
    "exchange": FOUNDATION | {"people", "mail", "search", "drafting"},
    "alliance": FOUNDATION | {"people", "mail", "search", "drafting", "exchange"},
    "mentoring": FOUNDATION | {"people", "mail", "search", "drafting", "exchange"},
    "impact": FOUNDATION | {"people", "mail", "search", "drafting", "exchange", "alliance"},
    "knowledge": FOUNDATION | {"people", "mail", "search", "drafting", "exchange", "mentoring"},
}
COMPOSERS = {"web", "settings", "urls", "api", "cli", "wsgi", "__init__"}


def owner(path: Path) -> str:
    """The app a module belongs to: its top folder under learnlink/, or its own name."""
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def imported_apps(path: Path) -> set[str]:
    """Every learnlink app this module imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found |= {m.split(".")[1] for m in modules if m.startswith("learnlink.") and "." in m}
    return found


def wrong_arrows() -> list[str]:
    arrows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        app = owner(path)
        for target in sorted(imported_apps(path) - {app}):
            if target == "web" or (app not in COMPOSERS and target not in MAY_IMPORT[app]):
                arrows.append(f"{path.relative_to(PACKAGE.parent)}: {app} -> {target}")
    return arrows


def test_every_app_imports_only_the_apps_below_it() -> None:
    assert wrong_arrows() == []


def test_every_app_of_the_package_has_a_rule() -> None:
    """A new app must say where it stands before it can import anything."""
    apps = {owner(path) for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}
    assert apps - COMPOSERS - set(MAY_IMPORT) == set()


def test_an_arrow_against_the_direction_is_found(tmp_path: Path) -> None:
    """The reader itself works: lib importing an app is reported."""
    module = tmp_path / "module.py"
    module.write_text("from learnlink.exchange.models import Group\nimport learnlink.people\n")
    assert imported_apps(module) == {"exchange", "people"}
