"""The .sdoc source as the farm producers see it: blocks (from corpus/render.py's
parser), inline runs, tables laid out with spans, deterministic per-document
variation, and the structure file (the truth the readers are scored against).

Standard library only; imported by corpus/farm/farm.py and the producer modules.
"""

import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import render  # noqa: E402  corpus/render.py: parse(), layout_table()

SdocError = render.SdocError


# ---------------------------------------------------------------------------
# Inline runs: [("text", s, bold, italic) | ("br",) | ("note", [runs])]
# ---------------------------------------------------------------------------

BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)")
ITALIC_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def _emph(s, bold=False):
    out, i = [], 0
    for m in (BOLD_RE.finditer(s) if not bold else []):
        out += _italic(s[i:m.start()], False)
        out += _italic(m.group(1), True)
        i = m.end()
    out += _italic(s[i:], bold)
    return out


def _italic(s, bold):
    out, i = [], 0
    for m in ITALIC_RE.finditer(s):
        out += _brs(s[i:m.start()], bold, False)
        out += _brs(m.group(1), bold, True)
        i = m.end()
    out += _brs(s[i:], bold, False)
    return out


def _brs(s, bold, italic):
    out = []
    for k, part in enumerate(s.split("{br}")):
        if k:
            out.append(("br",))
        if part:
            out.append(("text", part.replace("\x00", "*"), bold, italic))
    return out


def runs(s, notes=True):
    """Inline runs of a paragraph's source text."""
    s = s.replace("\\*", "\x00")
    out, i = [], 0
    while True:
        j = s.find("[^", i)
        m = re.match(r"\[\^([^:\]\s]*)\s*:\s*", s[j:]) if j >= 0 else None
        if j < 0 or not m:
            out += _emph(s[i:])
            return out
        depth, k = 1, j + m.end()
        while k < len(s) and depth:
            depth += {"[": 1, "]": -1}.get(s[k], 0)
            k += 1
        if depth:
            out += _emph(s[i:])
            return out
        out += _emph(s[i:j])
        if notes:
            out.append(("note", _emph(s[j + m.end():k - 1].strip())))
        i = k


def plain(s):
    """The visible text of a source paragraph without its footnotes, spaces collapsed."""
    parts = []
    for r in runs(s, notes=False):
        parts.append(r[1] if r[0] == "text" else " ")
    return " ".join("".join(parts).split())


def notes_of(s):
    return [r[1] for r in runs(s) if r[0] == "note"]


def runs_plain(rs):
    return " ".join("".join(r[1] if r[0] == "text" else " " for r in rs).split())


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

class Source:
    """One parsed .sdoc: settings, blocks, and helpers shared by producers."""

    def __init__(self, path):
        self.path = path
        self.stem = os.path.splitext(os.path.basename(path))[0]
        self.settings, self.blocks = render.parse(path)
        for b in self.blocks:
            if b["type"] == "table":
                b["layout"] = render.layout_table(b["rows"], "%s: table" % self.stem)

    def max_table_cols(self):
        return max([b["layout"][0] for b in self.blocks if b["type"] == "table"] or [0])

    def has_columns(self):
        return any(b["type"] == "columns" and b["n"] > 1 for b in self.blocks)

    def title(self):
        for b in self.blocks:
            if b["type"] == "p" and b["style"] == "Title":
                return plain(b["text"])
        for b in self.blocks:
            if b["type"] == "h":
                return plain(b["text"])
        return self.stem


def cell_paragraphs(text):
    """A cell's source paragraphs: [(kind, text)], kind 'p', 'bullet' or 'number'."""
    out = []
    for part in [p.strip() for p in text.split(" // ")]:
        if not part or part in (">>", "^^"):
            continue
        m = re.match(r"^(- |\d+[.)] )(.*)$", part)
        if m:
            out.append(("bullet" if m.group(1) == "- " else "number", m.group(2)))
        else:
            out.append(("p", part))
    return out


LEADERS_RE = re.compile(r"^[.…_ ]{5,}$")


def cell_lines(text):
    """A cell's paragraphs as lines of their own [(kind, text)] when it has more than one: a bullet a line with its
    glyph (a strategy's delmål beside their focus area), an activity a line (two activities in one cell), a label
    over its value, a signature's leaders over the name, as Word, LibreOffice and the HTML producers show a cell's
    paragraphs (FARM-CELL-LINES); None for a cell of one paragraph (cell_plain). The structure file keeps a cell's
    text as its paragraphs joined by a space."""
    paras = cell_paragraphs(text)
    return paras if len(paras) >= 2 else None


def signature_rows_merged(b):
    """A table block as a producer that draws no rules between rows writes it:
    a row of signature leaders alone (every filled cell dots, ellipses or
    underscores) runs into the one-line rows beside it that fill the same
    columns (the role above, the name below), one cell of lines each. Without
    a rule or extra space between the rows, the page shows leaders over a name
    at the line pitch, the same picture as a cell 'leaders // name' (the way
    most sources write a signature block), so it is written as one
    (FARM-SIGNATURE-ROWS, docs/readers.md). Returns b itself when nothing
    merges, else a new block with new rows and layout."""
    rows = b["rows"]
    plainrow = lambda r: (not rows[r]["header"] and not rows[r].get("nested")
                          and all(c not in (">>", "^^") and " // " not in c for c in rows[r]["cells"]))
    filled = lambda r: [i for i, c in enumerate(rows[r]["cells"]) if c.strip()]
    lead = [r for r in range(len(rows)) if plainrow(r) and filled(r)
            and all(LEADERS_RE.match(rows[r]["cells"][i].strip()) for i in filled(r))]
    if not lead:
        return b
    groups, used = [], set()
    for r in lead:
        g = [r]
        for n in (r - 1, r + 1):
            if 0 <= n < len(rows) and n not in used and n not in lead and plainrow(n) \
                    and filled(n) == filled(r):
                g.append(n)
        g.sort()
        used.update(g)
        groups.append(g)
    merged, skip = [], set()
    for r, row in enumerate(rows):
        if r in skip:
            continue
        g = next((g for g in groups if g[0] == r), None)
        if g is None or len(g) == 1:
            merged.append(row)
            continue
        skip.update(g)
        ncols = max(len(rows[x]["cells"]) for x in g)
        cells = []
        for c in range(ncols):
            parts = [rows[x]["cells"][c].strip() for x in g if c < len(rows[x]["cells"])]
            cells.append(" // ".join(p for p in parts if p))
        nr = dict(row)
        nr["cells"] = cells
        merged.append(nr)
    if len(merged) == len(rows):
        return b
    nb = dict(b)
    nb["rows"] = merged
    nb["layout"] = render.layout_table(merged, "signature rows")
    return nb


# a rule typed as a run of one character (a signature's dotted or underscored line), and the widest
# its character is in the farm's fonts, in ems; pdfTeX sets … as \ldots, three spaced dots, wider
RULE_RUN = re.compile("(\u2026{3,}|\\.{4,}|_{4,}|-{4,})")
RULE_EM = {"\u2026": 1.0, ".": 0.28, "_": 0.56, "-": 0.34}
RULE_EM_TEX = dict(RULE_EM, **{"\u2026": 1.4})


def rule_em(text, ems=RULE_EM):
    """The ems of the widest typed rule in a text (0 without one)."""
    return max([len(m.group(1)) * ems[m.group(1)[0]] for m in RULE_RUN.finditer(text)] or [0])


def rules_overflow(cells, widths_em, limit_em, ems=RULE_EM):
    """Whether a table's typed rules make a row wider than limit_em (to the page's edge less the cells' padding):
    cells is a list of rows, each a list of (first column, last column, text)."""
    for row in cells:
        need = sum(max(sum(widths_em[c0:c1 + 1]), rule_em(t, ems)) for c0, c1, t in row)
        if need > limit_em:
            return True
    return False


def fit_rules(text, width_em, ems=RULE_EM):
    """A cell's text with each typed rule cut to the cell's width: a run of underscores or dots has no
    place to break, and a producer that fits the table to the text width (Word, LibreOffice) shows the
    rule as wide as its cell, where the farm's tbl and pdfTeX columns would grow past the page's edge (a table
    running into the margin is left so: tbl and an overfull LaTeX table do that, and it stays on the page).
    Used only on a table whose rules overflow its width (rules_overflow)."""
    def cut(m):
        run = m.group(1)
        n = max(3, int(width_em / ems[run[0]]))
        return run[:n]
    return RULE_RUN.sub(cut, text)


def cell_plain(text, nested=None):
    """A cell's visible text: its paragraphs (list markers dropped, numbers kept as
    written) joined by a space, then a nested table's cells."""
    parts, n = [], 0
    for kind, t in cell_paragraphs(text):
        if kind == "number":
            n += 1
            parts.append("%d. %s" % (n, plain(t)))
        else:
            parts.append(plain(t))
    if nested:
        for row in nested["rows"]:
            parts += [plain(c) for c in row["cells"] if c not in (">>", "^^")]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------------------
# Deterministic variation
# ---------------------------------------------------------------------------

def pick(stem, producer, key, options):
    """One of options, fixed for (document, producer, key)."""
    h = hashlib.sha256(("%s/%s/%s" % (stem, producer, key)).encode("utf-8")).digest()
    return options[h[0] % len(options)]


# ---------------------------------------------------------------------------
# The structure file (truth)
# ---------------------------------------------------------------------------

def hf_text(parts, page="1", pages="1"):
    """A running header/footer line as its parts joined by tabs, fields filled."""
    return "\t".join(p.replace("{page}", page).replace("{pages}", pages) for p in parts if p.strip())


TYPED_LABEL_RE = re.compile(r"^([a-zåäö]\)|\d{1,2}[.)]|[\u2022\u2013\u25aa-])\s+(\S.*)$")


class Structure:
    """Collects the blocks a producer put on its pages, in reading order, in the
    document-model shape (docs/model.md), and writes them as YAML."""

    def __init__(self, src, producer):
        self.src = src
        self.producer = producer
        self.blocks = []
        self.furniture = []

    def add(self, kind, text=None, **kw):
        b = {"index": len(self.blocks), "kind": kind}
        b.update(kw)
        if text is not None:
            b["text"] = text
        self.blocks.append(b)
        return b

    def header_footer(self, header, footer):
        for kind, parts in (("header", header), ("footer", footer)):
            if parts:
                t = hf_text(parts)
                if t and (kind, t) not in self.furniture:
                    self.furniture.append((kind, t))

    def heading(self, level, text):
        self.add("heading", plain(text), level=level)

    def paragraph(self, text):
        """A body paragraph; one that starts with a typed list label ("a) ", "3. ",
        "• ") looks on the page exactly like a list item, so it is one."""
        t = plain(text) if text is not None else ""
        m = TYPED_LABEL_RE.match(t)
        if m:
            self.add("list_item", m.group(2), level=1, numbering=m.group(1))
        elif t:
            self.add("paragraph", t)

    def list_item(self, level, numbering, text):
        self.add("list_item", plain(text), level=level, numbering=numbering)

    def table(self, layout, rows, fit=None):
        """fit(c0, c1, text): a cell's text over columns c0..c1 as the producer sets it (typed rules cut)."""
        ncols, grid, owner, spans = layout
        cells = []
        for r, row in enumerate(grid):
            out = []
            for c in range(ncols):
                o = owner[r][c]
                if o != (r, c):
                    out.append({"covered": True})
                    continue
                r0, c0, r1, c1 = spans[o]
                cell = {"text": cell_plain(row[c], rows[r].get("nested") if c == ncols - 1 else None)}
                if fit:
                    cell["text"] = fit(c0, c1, cell["text"])
                if c1 > c0:
                    cell["colspan"] = c1 - c0 + 1
                if r1 > r0:
                    cell["rowspan"] = r1 - r0 + 1
                if rows[r]["header"]:
                    cell["header"] = True
                out.append(cell)
            cells.append(out)
        self.add("table", rows=len(grid), columns=ncols, cells=cells)

    def yaml(self):
        q = lambda s: json.dumps(s, ensure_ascii=False)
        out = ["# Structure the farm producer %s put into %s (generated by corpus/farm/farm.py)."
               % (self.producer, os.path.basename(self.src.path)),
               "samla:", "  version: 1", "  pipeline: farm-structure", "  producer: %s" % q(self.producer),
               "document:", "  source: %s" % q(os.path.relpath(self.src.path, os.path.dirname(os.path.dirname(HERE)))),
               "  format: structure", "  title: %s" % q(self.src.title()),
               "content:", "  pages:", "    - number: 1", "      blocks:"]
        blocks = [{"index": 0, "kind": k, "text": t} for k, t in self.furniture] + self.blocks
        for i, b in enumerate(blocks):
            b["index"] = i
            first = True
            for k, v in b.items():
                lead = "        - " if first else "          "
                first = False
                if k == "cells":
                    out.append(lead + "cells:")
                    for row in v:
                        out.append("            - " + ("[]" if not row else ""))
                        if not row:
                            continue
                        out[-1] = "            -"
                        for cell in row:
                            out.append("              - {" + ", ".join(
                                "%s: %s" % (ck, "true" if cv is True else q(cv) if isinstance(cv, str) else cv)
                                for ck, cv in cell.items()) + "}")
                elif isinstance(v, str):
                    out.append(lead + "%s: %s" % (k, q(v)))
                else:
                    out.append(lead + "%s: %s" % (k, v))
        return "\n".join(out) + "\n"
