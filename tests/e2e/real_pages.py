#!/usr/bin/env python3
"""real_pages.py: restrict gold and samla outputs to the pages whose text layer is sound.

Usage: real_pages.py PAGES_YAML GOLD_DIR OUT_DIR NEW_GOLD_DIR NEW_OUT_DIR

PAGES_YAML is corpus/real/garbled-pages.yaml: per document the `garbled` and `image_only` pages (unsound).
For every gold file GOLD_DIR/<stem>.yaml whose <stem>.pdf is listed there, and every output OUT_DIR/<stem>.pdf.yaml:
- a gold entry of a list section whose source.page is unsound is dropped;
- an output entry is dropped when its own source.page is unsound, or when its key (the field `samla eval` pairs
  the section on: agenda number, decisions/votes item, attendees/signatures name) equals the key of a dropped gold
  entry (it stands for something the sound pages do not hold, wherever the reader found it: a table of contents,
  a running header);
- `meeting` and `document` are kept as they are (front-page records).
Files are written (JSON, which `samla eval` reads) to NEW_GOLD_DIR and NEW_OUT_DIR; other files are not copied.
"""
import json
import os
import sys

import yaml

KEYS = {"agenda": "number", "decisions": "item", "votes": "item", "attendees": "name", "signatures": "name"}


def page_of(entry):
    src = entry.get("source") if isinstance(entry, dict) else None
    return src.get("page") if isinstance(src, dict) else None


def soft(value):
    return " ".join(str(value).split()).casefold() if value is not None else None


def main(argv):
    if len(argv) != 6:
        sys.stderr.write(__doc__)
        return 2
    pages_path, gold_dir, out_dir, new_gold, new_out = argv[1:]
    with open(pages_path, encoding="utf-8") as f:
        docs = yaml.safe_load(f)["documents"]
    os.makedirs(new_gold, exist_ok=True)
    os.makedirs(new_out, exist_ok=True)
    for name, info in docs.items():
        stem = name[:-4] if name.endswith(".pdf") else name
        unsound = set(info.get("garbled") or []) | set(info.get("image_only") or [])
        gold_path = os.path.join(gold_dir, stem + ".yaml")
        if not os.path.exists(gold_path):
            continue
        with open(gold_path, encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        dropped = {}
        for section, key in KEYS.items():
            entries = gold.get(section)
            if not isinstance(entries, list):
                continue
            keep = [e for e in entries if page_of(e) not in unsound]
            dropped[section] = {soft(e.get(key)) for e in entries if page_of(e) in unsound} - {soft(e.get(key)) for e in keep}
            gold[section] = keep
        with open(os.path.join(new_gold, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False)
        out_path = os.path.join(out_dir, name + ".yaml")
        if not os.path.exists(out_path):
            continue
        with open(out_path, encoding="utf-8") as f:
            out = yaml.safe_load(f)
        for section, key in KEYS.items():
            entries = out.get(section)
            if not isinstance(entries, list):
                continue
            gone = dropped.get(section, set())
            out[section] = [e for e in entries
                            if page_of(e) not in unsound and soft(e.get(key)) not in gone]
        with open(os.path.join(new_out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
