"""validate.py: validate samla outputs (YAML or JSON files) against docs/schema/samla.schema.json.

Usage: /usr/bin/python3 tests/tools/validate.py FILE...   (exit 1 on the first invalid file)
"""
import json
import os
import sys

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "docs", "schema", "samla.schema.json")


def main(paths):
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.path)
            print(f"{path}: {where}: {e.message[:300]}")
        if errors:
            bad += 1
    if not paths:
        print("validate.py: no files given", file=sys.stderr)
        return 2
    print(f"validate.py: {len(paths) - bad} of {len(paths)} files valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
