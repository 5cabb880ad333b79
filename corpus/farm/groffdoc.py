"""groff ms (with tbl) from an .sdoc, for the groff producer (`groff -k -t -ms
-Tpdf`: gropdf, the base Type 1 fonts, not embedded); records the structure put
in as it goes."""

import re

import sdoc

FAMILIES = ["T", "H"]  # Times, Helvetica: the fonts every gropdf has
REQ = "\x00"  # marks a request line among the text lines of a paragraph (never escaped as text)
# č, in names the generator draws (Kovačević), is not in the base fonts (Times and Helvetica have š and ž,
# no other caron letter): it is drawn as c with the fonts' caron on it (`\o`), as groff composes ć itself
# from c and the acute; poppler's text joins the two into the one letter.
ACCENTS = [".fchar \\[u0063_030C] \\o'c\\[ah]'"]


def variation(src, producer):
    p = lambda key, opts: sdoc.pick(src.stem, producer, key, opts)
    v = {"family": p("family", FAMILIES), "size": p("size", [10, 11, 12]), "margin": p("margin", [2.0, 2.5]),
         "headings": p("headings", ["bold", "size"]), "ruled": p("ruled", [True, False]), "two_columns": False}
    if src.max_table_cols() <= 2 and not src.has_columns():
        v["two_columns"] = p("columns", [False, False, True])
    return v


def esc(s):
    s = s.replace("\\", "\\e")
    return s


def line(s):
    """A text line: a leading . or ' would be a request."""
    return "\\&" + s if s[:1] in (".", "'") else s


class GroffDoc:
    def __init__(self, src, producer, v):
        self.src, self.producer, self.v = src, producer, v
        self.st = sdoc.Structure(src, producer)
        land = src.settings["landscape"]
        self.page_w = 29.7 if land else 21.0
        self.page_h = 21.0 if land else 29.7
        self.ll = self.page_w - 2 * v["margin"]

    def inline(self, s):
        """Text lines and requests of a paragraph's runs. A note is an ms footnote: the mark `\\**` ends the
        text line and `.FS`/`.FE` follow as requests; text after it goes on the next line, joined with `\\c`
        when the source has no space there (a space would begin the line and break it)."""
        lines, cur = [], ""
        for r in sdoc.runs(s):
            if r[0] == "br":
                lines += [cur, REQ + ".br"]
                cur = ""
            elif r[0] == "note":
                body = " ".join(esc(x[1]) for x in r[1] if x[0] == "text")
                lines += [cur + "\\**", REQ + ".FS", line(body), REQ + ".FE"]
                cur = ""
            else:
                t = esc(r[1])
                if lines and not cur:
                    if t[:1].isspace():
                        t = t.lstrip()
                    elif lines[-1] == REQ + ".FE":
                        lines[-4] += "\\c"
                if r[2] and r[3]:
                    t = "\\f(BI%s\\fP" % t
                elif r[2]:
                    t = "\\fB%s\\fP" % t
                elif r[3]:
                    t = "\\fI%s\\fP" % t
                cur += t
        lines.append(cur)
        return "\n".join(x[len(REQ):] if x.startswith(REQ) else line(x) for x in lines if x)

    def hf(self, header, footer):
        self.st.header_footer(header, footer)
        out = []
        for parts, names in ((header, ("LH", "CH", "RH")), (footer, ("LF", "CF", "RF"))):
            for name, part in zip(names, parts or ["", "", ""]):
                # ms puts the page number where a header string has %; groff has no page count
                val = esc(part).replace("{page}", "%").replace("{pages}", "")
                out.append('.ds %s "%s' % (name, val))
        return "\n".join(out)

    def table(self, b):
        ncols, grid, owner, spans = b["layout"]
        seen = b if self.v["ruled"] else sdoc.signature_rows_merged(b)
        widths = b["widths"] or [1] * ncols
        widths = (list(widths) + [1] * ncols)[:ncols]
        tot = sum(widths) or 1
        usable = self.ll * (0.45 if self.v["two_columns"] else 0.95) - 0.4 * ncols
        cm = [max(1.0, usable * x / tot) for x in widths]
        w = ["%.2fc" % x for x in cm]
        em = 28.35 / self.v["size"]  # ems in a cm
        ems = [x * em for x in cm]
        cells = [[(c, spans[(r, c)][3], sdoc.cell_plain(row[c], b["rows"][r].get("nested") if c == ncols - 1 else None))
                  for c in range(ncols) if owner[r][c] == (r, c)] for r, row in enumerate(grid)]
        fit = lambda c0, c1, text: text
        # past the page's edge (into the right margin is tbl's way; beside a .2C column, past the column)
        edge = self.ll * 0.48 if self.v["two_columns"] else self.ll + self.v["margin"]
        if sdoc.rules_overflow(cells, ems, (edge - 0.4 * ncols) * em):
            fit = lambda c0, c1, text: sdoc.fit_rules(text, sum(ems[c0:c1 + 1]))
        self.st.table(seen["layout"], seen["rows"], fit)
        opts = ("allbox " if self.v["ruled"] else "") + "tab(@);"
        head = [r for r, row in enumerate(b["rows"]) if row["header"]]
        fmts, data = [], []
        for r, row in enumerate(grid):
            f, cells = [], []
            for c in range(ncols):
                o = owner[r][c]
                if o != (r, c):
                    f.append("s" if o[0] == r else "^")
                    cells.append("")
                    continue
                f.append(("lb" if b["rows"][r]["header"] else "l") + "w(%s)" % w[c])
                nested = b["rows"][r].get("nested") if c == ncols - 1 else None
                paras = None if nested else sdoc.cell_lines(row[c])
                if paras:
                    # a cell of several paragraphs (a bulleted list, two activities, leaders over a name): one line
                    # each, as the source sets them, each bullet with its glyph (FARM-CELL-LINES)
                    n, out = 0, []
                    for kind, t in paras:
                        t = esc(fit(c, spans[(r, c)][3], sdoc.plain(t))).replace("@", "\\[at]")
                        if kind == "number":
                            n += 1
                            t = "%d. %s" % (n, t)
                        out.append(("\\(bu " + t) if kind == "bullet" else line(t))
                    cells.append("T{\n%s\nT}" % "\n.br\n".join(out))
                    continue
                c1 = spans[(r, c)][3]
                text = esc(fit(c, c1, sdoc.cell_plain(row[c], nested))).replace("@", "\\[at]")
                cells.append("T{\n%s\nT}" % line(text) if text else "")
            fmts.append(" ".join(f))
            data.append("@".join(cells))
        # every table may run on over pages, as a writer's table does: tbl stops at a table longer than a page
        # unless it is set with .TS H (its .TH after the header rows, or at once when no row repeats; FARM-GROFF-LONG)
        out = [".TS H", opts, "\n".join(fmts) + "."]
        if not head:
            out.append(".TH")
        for r, d in enumerate(data):
            out.append(d)
            if head and r == len(head) - 1:
                out.append(".TH")
        out.append(".TE")
        return "\n".join(out)

    def list_ms(self, b):
        out, counters, depth = [], {}, 1
        for it in b["items"]:
            lvl = max(1, it["level"])
            while depth < lvl:
                out.append(".RS")
                depth += 1
            while depth > lvl:
                out.append(".RE")
                depth -= 1
            counters[lvl] = counters.get(lvl, 0) + 1
            for deeper in [k for k in counters if k > lvl]:
                del counters[deeper]
            mark = "\\(bu" if it["kind"] == "bullet" else "%d." % counters[lvl]
            out.append(".IP %s 3\n%s" % (mark, self.inline(it["text"])))
            self.st.list_item(lvl, "\u2022" if it["kind"] == "bullet" else "%d." % counters[lvl], it["text"])
        while depth > 1:
            out.append(".RE")
            depth -= 1
        return "\n".join(out)

    def source(self):
        v = self.v
        out = [".\\\" generated by corpus/farm/farm.py (groff producer)",
               ".nr PS %dp" % v["size"], ".nr VS %dp" % (v["size"] + 2), ".nr PO %.2fc" % v["margin"],
               ".nr LL %.2fc" % self.ll, ".nr HM 2c", ".nr FM 2c", ".nr PD 0.4v", ".fam %s" % v["family"],
               ".ds FAM %s" % v["family"], ".pl %.2fc" % self.page_h] + ACCENTS
        if v["headings"] == "size":
            out += [".nr GROWPS 3", ".nr PSINCR 2p"]
        started, first = False, True
        for b in self.src.blocks:
            if "master" in b:
                _, header, footer = b["master"]
                if not first:
                    out.append(".bp")
                out.append(self.hf(header, footer))
                if first and v["two_columns"]:
                    out.append(".2C")
            first = False
            if b.get("pagebreak") and started:
                out.append(".bp")
            started = True
            t = b["type"]
            if t == "h":
                out.append(".SH %d\n%s" % (b["level"], self.inline(b["text"])))
                self.st.heading(b["level"], b["text"])
            elif t == "p":
                s = b["style"]
                if s == "Spacer":
                    out.append(".sp 1")
                elif s == "Title":
                    out.append(".LP\n.ps +8\n.vs +8\n\\fB%s\\fP\n.ps\n.vs\n.sp 0.5" % self.inline(b["text"]))
                    self.st.heading(1, b["text"])
                else:
                    pre = {"Centered": ".ce 1\n", "Right": ".rj 1\n"}.get(s, "")
                    out.append(".LP\n%s%s" % (pre, self.inline(b["text"])))
                    self.st.paragraph(b["text"])
            elif t == "toc":
                indent = "\\h'%dm'" % (b["level"] - 1) if b["level"] > 1 else ""
                out.append(".LP\n.ta \\n[.l]uR\n.lc .\n%s%s\\a%s\n.lc" % (indent, self.inline(b["text"]), esc(b["page"])))
                self.st.paragraph(("%s %s" % (b["text"], b["page"])).strip())
            elif t == "list":
                out.append(self.list_ms(b))
            elif t == "table":
                out.append(".LP")
                out.append(self.table(b))
            elif t == "columns":
                out.append(".2C" if b["n"] > 1 else ".1C")
        return "\n".join(out) + "\n"
