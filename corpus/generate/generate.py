#!/usr/bin/python3
"""Generate a seeded set of protocols, plans and strategies as corpus sources with their gold.

    /usr/bin/python3 corpus/generate/generate.py --seed 1 --protocols 200 --plans 100 --out DIR

writes DIR/src/<stem>.sdoc (corpus/SOURCE-FORMAT.md) and DIR/gold/<stem>.yaml (the gold format of
corpus/gold, docs/eval.md), plus DIR/gold/links/<plan>--<strategy>.yaml for each coded plan and
DIR/manifest.tsv (stem, kind, family, pipeline). The same seed and counts always give the same
files. Protocol families are cycled so every family is present in any set of 8 or more; plans come
with their strategy (one strategy per 3–4 plans, counted among the plans).

Standard library + python3-yaml; reads only corpus/generate/catalogue/, never samla's data/.
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common as C          # noqa: E402
import protocol as P        # noqa: E402
import plan as PL           # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--protocols", type=int, default=200)
    ap.add_argument("--plans", type=int, default=100, help="plans and strategies together")
    ap.add_argument("--out", required=True)
    ap.add_argument("--families", default=",".join(P.FAMILIES),
                    help="protocol families to cycle through (default: all)")
    a = ap.parse_args(argv)
    cat = C.load_catalogue()
    src = os.path.join(a.out, "src")
    gold = os.path.join(a.out, "gold")
    os.makedirs(src, exist_ok=True)
    os.makedirs(os.path.join(gold, "links"), exist_ok=True)
    manifest = []
    families = [f for f in a.families.split(",") if f]
    for i in range(a.protocols):
        fam = families[i % len(families)]
        stem = "gen-%d-p%03d-%s" % (a.seed, i, fam)
        rng = random.Random("%d/protocol/%d" % (a.seed, i))
        text, header, g = P.Protocol(rng, cat, fam, stem).build()
        # the document kind (docs/model.md): a protokollsutdrag is a decision extract
        g = dict({"document": {"kind": "decision_extract" if fam == "utdrag" else "protocol"}}, **g)
        with open(os.path.join(src, stem + ".sdoc"), "w", encoding="utf-8") as f:
            f.write(text)
        C.write_gold(os.path.join(gold, stem + ".yaml"), header, g)
        manifest.append((stem, "protocol", fam, "protocol"))
    made = 0
    group = 0
    while made < a.plans:
        rng = random.Random("%d/plan/%d" % (a.seed, group))
        docs = PL.PlanSet(rng, cat, a.seed, group).build(min(a.plans - made, rng.randint(3, 4)))
        for stem, kind, family, text, header, g, links in docs:
            with open(os.path.join(src, stem + ".sdoc"), "w", encoding="utf-8") as f:
                f.write(text)
            g = dict({"document": {"kind": kind}}, **g)  # kind is "plan" or "strategy"
            C.write_gold(os.path.join(gold, stem + ".yaml"), header, g)
            if links:
                lstem, lheader, lg = links
                C.write_gold(os.path.join(gold, "links", lstem + ".yaml"), lheader, lg)
            manifest.append((stem, kind, family, kind))
            made += 1
        group += 1
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print("generated %d documents (seed %d) in %s" % (len(manifest), a.seed, a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
