"""The code's shape, enforced: layers import only leftwards; frameworks stay at the edges."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimgraph"
# Left to right. Edges may import anything to their left (and api); the model and errors are for all.
LAYERS = ["ingest", "extract", "resolve", "parallel", "merge", "store", "query", "api", "export", "evaluate", "web",
          "cli", "__main__"]
SHARED = {"model", "errors", "data", "__init__"}
FRAMEWORKS = {"click": {"cli"}, "typer": {"cli"}, "sqlite3": {"store"}, "psycopg": {"store"}, "fastapi": {"web"},
              "starlette": {"web"}, "uvicorn": {"web"}, "spacy": {"extract"}, "trafilatura": {"ingest"},
              "dask": {"parallel"}, "distributed": {"parallel"}}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        yield relative.parts[0].removesuffix(".py"), path


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize(("layer", "path"), list(_modules()), ids=lambda v: str(v))
def test_imports_point_left(layer, path):
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "claimgraph" and len(parts) > 1 and layer not in SHARED:
            target = parts[1]
            if target in SHARED or target == layer:
                continue
            assert LAYERS.index(target) < LAYERS.index(layer), f"{path.name}: {layer} imports {name}"
        allowed = FRAMEWORKS.get(parts[0])
        if allowed is not None:
            assert layer in allowed, f"{path.name} in {layer} imports {parts[0]}, allowed only in {allowed}"


def test_shared_modules_import_no_layer():
    for name in ("model", "errors"):
        imported = {n.split(".")[1] for n in _imports(PACKAGE / f"{name}.py") if n.startswith("claimgraph.")}
        assert imported <= SHARED, f"{name}.py imports {imported}"


def test_modules_stay_small():
    for _, path in _modules():
        assert len(path.read_text("utf-8").splitlines()) <= 450, f"{path} is over 450 lines: split it"
