#!/usr/bin/python3
"""Score a generated set with `samla eval` and print the per-section F1 table, per format/producer,
per protocol family, and the conventions ranked from worst to best.

    /usr/bin/python3 corpus/generate/score.py SAMLA GEN_DIR RUN_DIR [RUN_DIR ...]

GEN_DIR holds gold/ and manifest.tsv (corpus/generate/generate.py); each RUN_DIR holds samla's
outputs for one format/producer (e.g. GEN_DIR/run-docx, GEN_DIR/run-pdf-lo) and names a column.
Every number is `samla eval`'s own (soft mode, micro-averaged); votes are also scored per kind
(vote, reservation, jäv, motion, propositions, note, statement) by running `samla eval` on copies of gold and outputs that keep
only that kind. A convention is a style the generator drew (the gold's first comment line names
them), scored on the section it governs.
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml

ROWS = [
    ("attendees", "group", "name+status+party+roles", "attendees [name+status+party+roles]"),
    ("attendees", "field", "name", "  name"),
    ("attendees", "field", "status", "  status"),
    ("attendees", "field", "party", "  party"),
    ("attendees", "field", "roles", "  roles"),
    ("attendees", "field", "substitutes_for", "  substitutes_for"),
    ("agenda", "group", "number+title", "agenda [number+title]"),
    ("agenda", "field", "number", "  number"),
    ("agenda", "field", "title", "  title"),
    ("agenda", "field", "kind", "  kind"),
    ("decisions", "group", "item+status+clauses", "decisions [item+status+clauses]"),
    ("decisions", "field", "item", "  item"),
    ("decisions", "field", "status", "  status"),
    ("decisions", "field", "clauses", "  clauses"),
    ("decisions", "field", "recipients", "  recipients"),
    ("votes", "group", "item+kind", "votes, all kinds [item+kind]"),
    ("votes:vote", "items", None, "votes (votering) items"),
    ("votes:vote", "field", "for", "  for"),
    ("votes:vote", "field", "against", "  against"),
    ("votes:vote", "field", "abstain", "  abstain"),
    ("votes:motion", "field", "by", "motions (yrkanden) by"),
    ("votes:reservation", "items", None, "reservations items"),
    ("votes:reservation", "field", "by", "  by"),
    ("votes:conflict_of_interest", "items", None, "jäv items"),
    ("votes:conflict_of_interest", "field", "by", "  by"),
    ("votes:conflict_of_interest", "field", "substitute", "  substitute"),
    ("votes:propositions", "items", None, "propositions (propositionsordning) items"),
    ("votes:note", "items", None, "protokollsanteckning items"),
    ("votes:note", "field", "by", "  by"),
    ("votes:statement", "items", None, "särskilt yttrande items"),
    ("votes:statement", "field", "by", "  by"),
    ("meeting", "group", "date+start+end+place", "meeting [date+start+end+place]"),
    ("meeting", "field", "body", "  body"),
    ("meeting", "field", "date", "  date"),
    ("meeting", "field", "start", "  start"),
    ("meeting", "field", "end", "  end"),
    ("meeting", "field", "place", "  place"),
    ("signatures", "group", "name+role", "signatures [name+role]"),
    ("signatures", "field", "time", "  time"),
    ("goals", "group", "code+kind+title+parent", "goals [code+kind+title+parent]"),
    ("goals", "field", "code", "  code"),
    ("goals", "field", "parent", "  parent"),
    ("activities", "group", "text", "activities [text]"),
    ("activities", "field", "area", "  area"),
    ("activities", "field", "responsible", "  responsible"),
]

# which section a drawn style governs (for the convention ranking)
STYLE_SECTION = {"att": ("attendees", "group", "name+status+party+roles"),
                 "surname_first": ("attendees", "group", "name+status+party+roles"),
                 "party_form": ("attendees", "field", "party"),
                 "case": ("attendees", "field", "party"),
                 "head": ("agenda", "group", "number+title"),
                 "dec": ("decisions", "group", "item+status+clauses"),
                 "decision_first": ("decisions", "group", "item+status+clauses"),
                 "sub": ("decisions", "group", "item+status+clauses"),
                 "sign": ("signatures", "group", "name+role"),
                 "front": ("meeting", "group", "date+start+end+place"),
                 "date": ("meeting", "field", "date"),
                 "time": ("meeting", "group", "date+start+end+place"),
                 "layout": ("activities", "group", "text"),
                 "coded": ("activities", "field", "area"),
                 "coding": ("goals", "group", "code+kind+title+parent"),
                 "slayout": ("goals", "group", "code+kind+title+parent")}


def run_eval(samla, gold, out):
    r = subprocess.run([samla, "eval", "-q", "-v", "-f", "yaml", gold, out],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr)
        raise SystemExit("score.py: samla eval failed on %s" % out)
    return yaml.load(r.stdout, Loader=LOADER)


def stat(sec, kind, name):
    if sec is None:
        return None
    if kind == "items":
        return sec.get("items", {}).get("soft")
    return sec.get("fields" if kind == "field" else "groups", {}).get(name, {}).get("soft")


def f1(s):
    if not s:
        return None
    d = 2 * s["tp"] + s["fp"] + s["fn"]
    return None if d == 0 else 2 * s["tp"] / d


def fmt(v, s=None):
    if v is None:
        return "-"
    return "%.2f" % v


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
KINDS = ("vote", "motion", "reservation", "conflict_of_interest", "propositions", "note", "statement")


def filtered(gold_dir, out_dir, tmp):
    """Copies of gold and outputs per vote kind, keeping only the votes of that kind:
    {kind: (gold copy, output copy)}. Each file is read once."""
    dirs = {k: (os.path.join(tmp, "gold-" + k), os.path.join(tmp, "out-" + k)) for k in KINDS}
    for g2, o2 in dirs.values():
        os.makedirs(g2, exist_ok=True)
        os.makedirs(o2, exist_ok=True)
    for src, side in ((gold_dir, 0), (out_dir, 1)):
        for f in os.listdir(src):
            if not f.endswith(".yaml"):
                continue
            with open(os.path.join(src, f), encoding="utf-8") as fh:
                d = yaml.load(fh, Loader=LOADER)
            if not isinstance(d, dict) or "votes" not in d:
                continue
            for k in KINDS:
                keep = {"votes": [v for v in d["votes"] or [] if v.get("kind") == k]}
                if "samla" in d:
                    keep["samla"] = {"sections": ["votes"] if "votes" in d["samla"].get("sections", []) else []}
                    keep["document"] = {"source": d.get("document", {}).get("source")}
                with open(os.path.join(dirs[k][side], f), "w", encoding="utf-8") as fh:
                    yaml.dump(keep, fh, Dumper=DUMPER, allow_unicode=True)
    return dirs


def has_models(d):
    """True when folder d exists and holds a gold/model file (*.yaml)."""
    return os.path.isdir(d) and any(f.endswith(".yaml") for f in os.listdir(d))


def styles_of(gold_path):
    with open(gold_path, encoding="utf-8") as f:
        first = f.readline()
    m = re.search(r"\((.*)\)\s*$", first)
    out = {}
    if not m:
        return out
    body = m.group(1)
    fam = re.match(r"family (\S+), styles (.*)$", body)
    if fam:
        out["family"] = fam.group(1)
        for part in fam.group(2).split(", "):
            if "=" in part:
                k, v = part.split("=", 1)
                out[k] = v
        return out
    st = re.match(r"strategy, coding (\S+), layout (\S+)", body)
    if st:
        out.update(family="strategy", coding=st.group(1), slayout=st.group(2))
    pl = re.match(r"plan, layout (\S+), (\S+)", body)
    if pl:
        out.update(family="plan", layout=pl.group(1), coded=pl.group(2))
    return out


def add(acc, s):
    if s:
        for k in ("tp", "fp", "fn"):
            acc[k] = acc.get(k, 0) + s[k]


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    samla, gen = argv[0], argv[1]
    runs = argv[2:]
    gold = os.path.join(gen, "gold")
    names = [os.path.basename(r.rstrip("/")).replace("run-", "") for r in runs]
    reports, kinds, links = {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for r, n in zip(runs, names):
            reports[n] = run_eval(samla, gold, r)
            # bench/generated.sh puts each column's coverage outputs in GEN_DIR/links-NAME/all
            ldir = os.path.join(os.path.dirname(r.rstrip("/")), "links-%s" % n, "all")
            if os.path.isdir(ldir) and has_models(os.path.join(gold, "links")):
                links[n] = run_eval(samla, os.path.join(gold, "links"), ldir)
            for kind, (g2, o2) in filtered(gold, r, os.path.join(tmp, n)).items():
                kinds[(n, kind)] = run_eval(samla, g2, o2)
    ndoc = len([f for f in os.listdir(gold) if f.endswith(".yaml")])
    print("Generated set %s: %d documents with gold; soft F1 from `samla eval` (micro-averaged)\n" % (gen, ndoc))
    print("| section | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    # a row no column has gold items for (plans in a protocols-only set, protocols in a plans-only
    # one, a vote kind never drawn) is left out, not printed as dashes
    for sec, kind, name, label in ROWS:
        cells = []
        for n in names:
            if ":" in sec:
                s, k = sec.split(":")
                rep = kinds[(n, k)]["sections"].get(s)
            else:
                rep = reports[n]["sections"].get(sec)
            st = stat(rep, kind, name)
            cells.append("%s (%d)" % (fmt(f1(st)), st["tp"] + st["fn"]) if st and f1(st) is not None else "-")
        if any(c != "-" for c in cells):
            print("| %s | %s |" % (label, " | ".join(cells)))
    for label, key in (("links [activity+goal] precision", "p"), ("links [activity+goal] recall", "r"),
                       ("links [activity+goal] F1", "f")) if links else ():
        cells = []
        for n in names:
            st = stat(links.get(n, {}).get("sections", {}).get("links"), "group", "activity+goal") if n in links else None
            if not st:
                cells.append("-")
                continue
            p = st["tp"] / (st["tp"] + st["fp"]) if st["tp"] + st["fp"] else None
            r = st["tp"] / (st["tp"] + st["fn"]) if st["tp"] + st["fn"] else None
            cells.append("%s (%d)" % (fmt({"p": p, "r": r, "f": f1(st)}[key]), st["tp"] + st["fn"]))
        print("| %s | %s |" % (label, " | ".join(cells)))
    if links:
        ngold = len([f for f in os.listdir(os.path.join(gold, "links")) if f.endswith(".yaml")])
        scored = []
        for r, n in zip(runs, names):
            ldir = os.path.join(os.path.dirname(r.rstrip("/")), "links-%s" % n, "all")
            scored.append("%s %d" % (n, len([f for f in os.listdir(ldir) if f.endswith(".yaml")]) if os.path.isdir(ldir) else 0))
        print("\nlinks: plans scored of %d (%s); a plan whose `samla coverage` failed (its strategy gave no goals) is "
              "not in the figures, see samla-NAME.log" % (ngold, ", ".join(scored)))
    print("\n(n) = gold items the figure is over.\n")
    # per family and per convention, from the per-document reports
    fam_acc, conv_acc = {}, {}
    for n in names:
        for doc in reports[n]["per_document"]:
            st = styles_of(doc["gold"])
            fam = st.get("family", "?")
            for sec, kind, name in [("attendees", "group", "name+status+party+roles"), ("agenda", "group", "number+title"),
                                    ("decisions", "group", "item+status+clauses"), ("votes", "group", "item+kind"),
                                    ("meeting", "group", "date+start+end+place"), ("signatures", "group", "name+role"),
                                    ("goals", "group", "code+kind+title+parent"), ("activities", "group", "text")]:
                add(fam_acc.setdefault((fam, n, sec), {}), stat(doc["sections"].get(sec), kind, name))
            for k, v in st.items():
                if k in STYLE_SECTION:
                    sec, kind, name = STYLE_SECTION[k]
                    add(conv_acc.setdefault((k, v, sec, name), {}).setdefault(n, {}),
                        stat(doc["sections"].get(sec), kind, name))
    fams = sorted({k[0] for k in fam_acc})
    secs = ["attendees", "agenda", "decisions", "votes", "meeting", "signatures", "goals", "activities"]
    print("Per family (group F1 of each section; columns: " + ", ".join(names) + ")\n")
    print("| family | " + " | ".join(secs) + " |")
    print("|---|" + "---|" * len(secs))
    for fam in fams:
        cells = []
        for sec in secs:
            vals = [f1(fam_acc.get((fam, n, sec))) for n in names]
            cells.append(" / ".join(fmt(v) for v in vals) if any(v is not None for v in vals) else "")
        print("| %s | %s |" % (fam, " | ".join(cells)))
    print("\nConventions, worst first (F1 of the section the convention governs; columns: " + ", ".join(names) + ")\n")
    rows = []
    for (k, v, sec, name), per in conv_acc.items():
        vals = [f1(per.get(n)) for n in names]
        known = [x for x in vals if x is not None]
        if not known:
            continue
        gold_items = per[names[0]].get("tp", 0) + per[names[0]].get("fn", 0) if names[0] in per else 0
        rows.append((sum(known) / len(known), k, v, sec, name, vals, gold_items))
    rows.sort(key=lambda r: (r[0], -r[6]))
    print("| convention | section | " + " | ".join(names) + " | gold items (%s) |" % names[0])
    print("|---|---|" + "---:|" * len(names) + "---:|")
    for mean, k, v, sec, name, vals, gi in rows:
        print("| %s=%s | %s[%s] | %s | %d |" % (k, v, sec, name, " | ".join(fmt(x) for x in vals), gi))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
