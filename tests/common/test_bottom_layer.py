"""`common` is the bottom layer: any app may import it, it imports no app."""

import ast
from pathlib import Path

import common

APPS = {"portal", "territories", "accounts", "catalogue", "journeys", "assistance", "reports", "resources"}


def test_common_imports_no_app_of_the_portal():
    imported = set()
    for path in Path(common.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert "django" in imported  # the walk does see the imports
    assert not imported & APPS
