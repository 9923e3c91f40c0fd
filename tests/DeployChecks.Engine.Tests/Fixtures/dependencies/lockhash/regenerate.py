#!/usr/bin/python3
"""Recomputes the lock content hashes of the cases in this folder with the real tools' own code and writes
expected.json (or, with --check, compares with it and exits 1 on any difference).

Needs Debian's `pipenv` (2022.12.19: plette vendored) and `python3-poetry` (1.3.2):
    apt-get install -y pipenv python3-poetry

- Pipfile: pipenv's Project.calculate_pipfile_hash() is plette.Pipfile.load(f).get_hash().value; called as is.
- poetry.lock 2.0 (Poetry 1.3-1.8): poetry.packages.locker.Locker._get_content_hash(), called as is.
- poetry.lock 1.0/1.1 written by Poetry 1.0/1.1: the same function with Poetry 1.1's key list
  (_relevant_keys = the four legacy keys, no "group").
- poetry.lock 2.1 (Poetry 2.x): Debian has no Poetry 2; the function below is a transcription of
  python-poetry/poetry src/poetry/packages/locker.py (Locker._VERSION = "2.1") _get_content_hash.
"""
import hashlib
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def pipfile_hash(path):
    from pipenv.vendor import plette
    with open(path, encoding="utf-8") as f:
        return plette.Pipfile.load(f).get_hash().value


def poetry_data(path):
    from poetry.core.pyproject.toml import PyProjectTOML
    return PyProjectTOML(path).data


def poetry1_hash(path, legacy_only):
    from poetry.packages.locker import Locker
    config = poetry_data(path).get("tool", {}).get("poetry", {})
    saved = Locker._relevant_keys
    try:
        if legacy_only:
            Locker._relevant_keys = list(Locker._legacy_keys)
        with tempfile.TemporaryDirectory() as tmp:
            return Locker(os.path.join(tmp, "poetry.lock"), config)._get_content_hash()
    finally:
        Locker._relevant_keys = saved


def poetry2_hash(path):
    data = poetry_data(path)
    legacy = ["dependencies", "source", "extras", "dev-dependencies"]
    project_content = data.get("project", {})
    poetry_content = data.get("tool", {}).get("poetry", {})
    relevant_project = {k: project_content[k] for k in ["requires-python", "dependencies", "optional-dependencies"]
                        if project_content.get(k) is not None}
    relevant_poetry = {}
    for key in [*legacy, "group"]:
        value = poetry_content.get(key)
        if value is None and (key not in legacy or relevant_project):
            continue
        relevant_poetry[key] = value
    content = {"project": relevant_project, "tool": {"poetry": relevant_poetry}} if relevant_project else relevant_poetry
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def compute():
    import pipenv
    out = {"_generated_by": f"regenerate.py with pipenv {pipenv.__version__} (vendored plette) and "
                            f"poetry {__import__('poetry.__version__', fromlist=['__version__']).__version__}",
           "pipfile": {}, "poetry": {}}
    for name in sorted(os.listdir(os.path.join(HERE, "pipfile"))):
        out["pipfile"][name] = pipfile_hash(os.path.join(HERE, "pipfile", name))
    for name in sorted(os.listdir(os.path.join(HERE, "poetry"))):
        p = os.path.join(HERE, "poetry", name)
        out["poetry"][name] = {"1.1-legacy": poetry1_hash(p, True), "2.0": poetry1_hash(p, False), "2.1": poetry2_hash(p)}
    return out


def main():
    result = compute()
    target = os.path.join(HERE, "expected.json")
    text = json.dumps(result, indent=2, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        with open(target, encoding="utf-8") as f:
            if f.read() != text:
                print("expected.json differs from what the tools compute now:\n" + text)
                return 1
        print("expected.json matches the tools")
        return 0
    if "--print" in sys.argv:
        sys.stdout.write(text)
        return 0
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
