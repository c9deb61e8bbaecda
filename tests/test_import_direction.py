"""Imports between the apps run one way (docs/architecture.md): an arrow the other way means the
code is in the wrong app, and it fails here rather than in review."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "learnlink"
HELPERS = {"lib", "bulk"}  # helpers every app may use; they import no app
BELOW = {
    "lib": set(), "bulk": set(),
    "people": set(), "search": set(),
    "mail": {"people"},
    "exchange": {"mail", "people", "search"},
    "alliance": {"exchange", "mail", "people", "search"},
    "impact": {"alliance", "exchange", "mail", "people", "search"},
    "web": {"impact", "alliance", "exchange", "mail", "people", "search"},
}


def imported_parts(path: Path) -> set[str]:
    """The learnlink.<part> names a module imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                 else [alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [])
        found.update(name.split(".")[1] for name in names
                     if name.startswith("learnlink.") and name.count(".") >= 1)
    return found


def test_every_app_imports_only_the_apps_below_it_and_nothing_imports_web() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if part not in BELOW:
            continue  # the project's wiring: settings, urls, the API's root, the command line
        allowed = BELOW[part] | HELPERS | {part}
        wrong += [f"{path.relative_to(PACKAGE)} imports learnlink.{name}"
                  for name in imported_parts(path) - allowed]
    assert wrong == []
