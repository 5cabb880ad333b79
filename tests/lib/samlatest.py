"""samlatest.py: what the Python test scripts under tests/ share: the samla binary and source tree from the
environment ctest sets (SAMLA, SAMLA_SOURCE), a check() that records a failure and prints it, running samla,
reading its YAML model, the blocks of a model, and the end of a script (exit 1 when any check failed).

A script finds this module through one line, so it also runs by hand from the source tree:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
/usr/bin/python3 only (python3-yaml).
"""
import os
import subprocess
import sys

import yaml

SAMLA = os.environ.get("SAMLA", "build/samla")
SRC = os.environ.get("SAMLA_SOURCE", ".")
failures = []


def check(cond, what):
    """Records what as a failure (printed as 'FAIL: what') when cond is false."""
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, timeout=120):
    """samla with args: (return code, stdout, stderr) as text."""
    p = subprocess.run([SAMLA, *args], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def model(*args, what=None, timeout=120):
    """The YAML samla prints for args (`dump PATH`, `run PIPELINE PATH`), parsed; the script stops with samla's
    stderr when samla fails (what names the command in that message, default 'samla ARGS[0]')."""
    rc, out, err = run(*args, timeout=timeout)
    if rc != 0:
        raise SystemExit("%s failed on %s: %s" % (what or "samla " + args[0], args[-1], err))
    return yaml.safe_load(out)


def load_yaml(path):
    """A YAML file (UTF-8), parsed."""
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def blocks(m):
    """Every block of a model's content, page by page."""
    return [b for pg in m["content"]["pages"] for b in pg.get("blocks", [])]


def finish(name=None):
    """Ends the script: exit 1 naming the number of failed checks, else 'NAME: all checks passed' when name."""
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    if name:
        print("%s: all checks passed" % name)
