"""The package's shape (README "Where things are"): an import graph with no circles, and pure packages that import
nothing from the layers below them (no Scrapy, no database, no network, no other kznews layer)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kznews"

# Data and functions over text: importable without Scrapy, a database or a network.
PURE = ("kznews.sites", "kznews.extract", "kznews.dates", "kznews.syndication", "kznews.urls", "kznews.schema",
        "kznews.swallowed", "kznews.textlang", "kznews.report")
FRAMEWORKS = ("scrapy", "twisted", "pymongo", "bson", "spidermon", "scrapy_playwright", "playwright", "scrapy_redis",
              "redis", "itemadapter", "warcio")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions. `from package import submodule` counts as
    an import of the submodule (its package is its parent, imported first in any case)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            submodules = {name for name in submodules if _is_module(name)}
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(node.module)
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("kznews."):
        return False
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        edges[name] = {target for target in imports_of(path) if target in modules and target != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles():
    assert cycles(graph()) == []


def test_no_import_circles_between_packages():
    """Each package (kznews.sites, kznews.extract, kznews.storage, ...) as one node: no two depend on each other."""
    packages: dict[str, set[str]] = {}
    for name, targets in graph().items():
        top = ".".join(name.split(".")[:2])
        packages.setdefault(top, set()).update(".".join(t.split(".")[:2]) for t in targets)
    edges = {name: targets - {name} for name, targets in packages.items()}
    edges = {name: {t for t in targets if t in edges} for name, targets in edges.items()}
    assert cycles(edges) == []


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _pure(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in PURE)


def test_pure_packages_import_no_framework_and_no_lower_layer():
    problems = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if not _pure(name):
            continue
        for target in imports_of(path):
            top = target.split(".")[0]
            lower_layer = top == "kznews" and not _pure(target) and target != "kznews"
            if top in FRAMEWORKS or lower_layer:
                problems.append(f"{name} imports {target}")
    assert problems == []


def test_every_package_directory_is_a_package():
    # scrapyd-deploy builds the egg with find_packages(): a directory without __init__.py is left out
    missing = [str(d.relative_to(ROOT)) for d in PACKAGE.rglob("*") if d.is_dir() and d.name != "__pycache__"
               and any(d.glob("*.py")) and not (d / "__init__.py").exists()]
    assert missing == []


def test_no_spider_callback_is_a_generator_returning_a_value():
    """Scrapy's own check (a generator callback whose `return` carries a value loses it), run once over every
    callback here because the crawl turns it off (WARN_ON_GENERATOR_RETURN_VALUE: it re-reads the source per
    response). A callback written with `return value` makes this fail."""
    import importlib
    import inspect
    import pkgutil

    import scrapy
    from scrapy.utils.misc import is_generator_with_return_value

    import kznews.spiders

    callbacks = {}
    for module_info in pkgutil.iter_modules(kznews.spiders.__path__):
        module = importlib.import_module(f"kznews.spiders.{module_info.name}")
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, scrapy.Spider) and cls.__module__ == module.__name__:
                for name, member in inspect.getmembers(cls, inspect.isfunction):
                    if name.startswith("parse"):
                        callbacks[f"{cls.__name__}.{name}"] = member
    assert "NewsSpider.parse_article" in callbacks and len(callbacks) >= 8, sorted(callbacks)
    returning = [name for name, member in callbacks.items() if is_generator_with_return_value(member)]
    assert not returning
