#!/usr/bin/env python3
"""real_gold_check.py: corpus/real's gold and page list agree with the documents.

Every PDF in corpus/real has a gold file and an entry in garbled-pages.yaml, every page (1..`pages`) is in at
most one class, `sound` is exactly the pages not garbled or image-only, and every
gold entry of a list section names a page (source.page) inside the document. Exit 1 with one line per problem.
"""
import os
import sys

import yaml

ROOT = sys.argv[1] if len(sys.argv) > 1 else "corpus/real"
SECTIONS = ("agenda", "decisions", "votes", "attendees", "signatures")


def main():
    problems = []
    with open(os.path.join(ROOT, "garbled-pages.yaml"), encoding="utf-8") as f:
        docs = yaml.safe_load(f)["documents"]
    pdfs = sorted(n for n in os.listdir(ROOT) if n.endswith(".pdf"))
    if sorted(docs) != pdfs:
        problems.append(f"garbled-pages.yaml lists {sorted(docs)}, the folder holds {pdfs}")
    for name, info in docs.items():
        n = info.get("pages")
        classes = {k: set(info.get(k) or []) for k in ("garbled", "ligatures", "image_only")}
        seen = set()
        for k, pages in classes.items():
            if pages & seen:
                problems.append(f"{name}: pages {sorted(pages & seen)} in more than one class")
            seen |= pages
            if any(not (1 <= p <= n) for p in pages):
                problems.append(f"{name}: {k} has a page outside 1..{n}")
        sound = set(range(1, n + 1)) - classes["garbled"] - classes["image_only"]
        if set(info.get("sound") or []) != sound:
            problems.append(f"{name}: `sound` is not the pages that are neither garbled nor image-only")
        gold_path = os.path.join(ROOT, "gold", name[:-4] + ".yaml")
        if not os.path.exists(gold_path):
            problems.append(f"{name}: no gold file {gold_path}")
            continue
        with open(gold_path, encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        for section in SECTIONS:
            for i, entry in enumerate(gold.get(section) or []):
                page = (entry.get("source") or {}).get("page")
                if not isinstance(page, int) or not (1 <= page <= n):
                    problems.append(f"{gold_path}: {section}[{i}] has no source.page inside 1..{n}")
    for p in problems:
        print(f"real_gold_check: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
