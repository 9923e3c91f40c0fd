"""Reference facts from CPython's own parser, to compare DeployChecks' Python parser against.

Usage: python3 ast_oracle.py FILE...   -> one JSON object per line:
{"path": ..., "ok": bool, "defs": ["name@line", ...], "classes": [...], "calls": [line, ...],
 "imports": ["module@line", ...], "assigns": ["target@line", ...], "strings": n}
"""
import ast
import json
import sys


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return inner + "." + node.attr if inner else None
    return None


def facts(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, path)
    except (SyntaxError, ValueError):
        return {"path": path, "ok": False}
    out = {"path": path, "ok": True, "defs": [], "classes": [], "calls": [], "imports": [], "assigns": [], "strings": 0}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out["defs"].append("%s@%d" % (node.name, node.lineno))
        elif isinstance(node, ast.ClassDef):
            out["classes"].append("%s@%d" % (node.name, node.lineno))
        elif isinstance(node, ast.Call):
            out["calls"].append(node.lineno)
        elif isinstance(node, ast.Import):
            for a in node.names:
                out["imports"].append("%s@%d" % (a.name, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            for a in node.names:
                out["imports"].append("%s%s.%s@%d" % ("." * node.level, node.module or "", a.name, node.lineno))
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                name = dotted(t)
                if name:
                    out["assigns"].append("%s@%d" % (name, node.lineno))
    for k in ("defs", "classes", "calls", "imports", "assigns"):
        out[k].sort()
    return out


for p in sys.argv[1:]:
    print(json.dumps(facts(p)))
