"""Pandoc Markdown (with raw LaTeX for titles, running headers/footers and column
sections) from an .sdoc, for the pandoc -> pdfTeX producer; records the structure
put in as it goes."""

import re

import sdoc

FONTS = ["lmodern", "mathptmx", "charter", "helvet"]


def variation(src, producer):
    p = lambda key, opts: sdoc.pick(src.stem, producer, key, opts)
    v = {"font": p("font", FONTS), "size": p("size", ["10pt", "11pt", "12pt"]),
         "margin": p("margin", [2.0, 2.5, 3.0]), "headings": p("headings", ["size", "size", "bold"]),
         "two_columns": False}
    # pdfTeX's longtable cannot stand in two-column mode: only documents without tables
    if src.max_table_cols() == 0 and not src.has_columns():
        v["two_columns"] = p("columns", [False, False, True])
    return v


MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~^$@])")


def md_text(s):
    return MD_SPECIAL.sub(r"\\\1", s)


def tex(s):
    rep = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(rep.get(ch, ch) for ch in s)


def hf_tex(part):
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", part):
        out.append(r"\thepage{}" if piece == "{page}" else r"\pageref{farmlast}" if piece == "{pages}" else tex(piece))
    return "".join(out)


class LatexDoc:
    def __init__(self, src, producer, v):
        self.src, self.producer, self.v = src, producer, v
        self.st = sdoc.Structure(src, producer)

    def inline(self, s):
        out = []
        for r in sdoc.runs(s):
            if r[0] == "br":
                out.append("\\\n")
            elif r[0] == "note":
                out.append("^[%s]" % self.runs_md(r[1]))
            else:
                out.append(self.run_md(r))
        return "".join(out)

    def run_md(self, r):
        t = md_text(r[1])
        lead = t[:len(t) - len(t.lstrip())]
        trail = t[len(t.rstrip()):]
        core = t.strip()
        if not core:
            return t
        if r[2] and r[3]:
            core = "***%s***" % core
        elif r[2]:
            core = "**%s**" % core
        elif r[3]:
            core = "*%s*" % core
        return lead + core + trail

    def runs_md(self, rs):
        return "".join(self.run_md(r) for r in rs if r[0] == "text")

    def para(self, s):
        t = self.inline(s)
        # a paragraph starting like a list item or numbered line stays a paragraph
        t = re.sub(r"^(\d+)([.)])", r"\1\\\2", t)
        t = re.sub(r"^([-+*])(\s)", r"\\\1\2", t)
        return t

    def raw(self, latex):
        return "```{=latex}\n%s\n```" % latex

    def hf(self, header, footer):
        self.st.header_footer(header, footer)
        cmds = [r"\fancyhf{}"]
        for parts, where in ((header, "fancyhead"), (footer, "fancyfoot")):
            for pos, part in zip("LCR", parts or ["", "", ""]):
                if part.strip():
                    cmds.append(r"\%s[%s]{\footnotesize %s}" % (where, pos, hf_tex(part)))
        cmds.append(r"\renewcommand{\headrulewidth}{%s}" % ("0.4pt" if header else "0pt"))
        return "".join(cmds)

    def table(self, b):
        ncols, grid, owner, spans = b["layout"]
        seen = sdoc.signature_rows_merged(b)  # pandoc tables draw no rules between rows
        widths = b["widths"] or [1] * ncols
        widths = (list(widths) + [1] * ncols)[:ncols]
        tot = sum(widths) or 1
        dashes = ["-" * max(3, int(round(60.0 * w / tot))) for w in widths]
        # pandoc sets a wide table's columns to the text width in the dashes' shares, less 12pt of padding
        v = self.v
        text_cm = (29.7 if self.src.settings["landscape"] else 21.0) - 2 * v["margin"]
        em = 28.35 / float(v["size"][:-2])
        cm = [text_cm * len(d) / sum(len(x) for x in dashes) - 0.42 for d in dashes]
        # a pipe table spans no cell: a cell's text stays in its first column
        ems = [x * em for x in cm]
        cells = [[(c, c, sdoc.cell_plain(row[c], b["rows"][r].get("nested") if c == ncols - 1 else None))
                  for c in range(ncols) if owner[r][c] == (r, c)] for r, row in enumerate(grid)]
        fit = lambda c0, c1, text: text
        if sdoc.rules_overflow(cells, ems, sum(ems) + v["margin"] * em, sdoc.RULE_EM_TEX):  # past the page's edge
            fit = lambda c0, c1, text: sdoc.fit_rules(text, ems[c0], sdoc.RULE_EM_TEX)
        self.st.table(seen["layout"], seen["rows"], fit)
        rows = []
        for r, row in enumerate(grid):
            cells = []
            for c in range(ncols):
                if owner[r][c] != (r, c):
                    cells.append("")
                    continue
                nested = b["rows"][r].get("nested") if c == ncols - 1 else None
                paras = None if nested else sdoc.cell_lines(row[c])
                if paras:
                    # a cell of several paragraphs (a bulleted list, two activities, leaders over a name): a line
                    # each, as the source sets them (pandoc keeps raw TeX in a cell; its wrapping columns are p{}
                    # columns; FARM-CELL-LINES)
                    n, out = 0, []
                    for kind, t in paras:
                        t = md_text(fit(c, c, sdoc.plain(t)))
                        if kind == "number":
                            n += 1
                            t = "%d. %s" % (n, t)
                        out.append(("\\textbullet{} " + t) if kind == "bullet" else t)
                    cells.append(" \\newline ".join(out))
                    continue
                cells.append(md_text(fit(c, c, sdoc.cell_plain(row[c], nested))))
            rows.append("| " + " | ".join(cells) + " |")
        if b["rows"][0]["header"]:
            head, body = rows[0], rows[1:]
        else:
            head, body = "| " + " | ".join([" "] * ncols) + " |", rows
        return "\n".join([head, "|" + "|".join(dashes) + "|"] + body)

    def list_md(self, b):
        out, counters = [], {}
        for it in b["items"]:
            lvl = max(1, it["level"])
            counters[lvl] = counters.get(lvl, 0) + 1
            for deeper in [k for k in counters if k > lvl]:
                del counters[deeper]
            mark = "-" if it["kind"] == "bullet" else "%d." % counters[lvl]
            out.append("    " * (lvl - 1) + "%s %s" % (mark, self.inline(it["text"])))
            self.st.list_item(lvl, "\u2022" if it["kind"] == "bullet" else "%d." % counters[lvl], it["text"])
        return "\n".join(out)

    def markdown(self):
        out, cols = [], False
        if self.src.settings["firstpage_plain"]:
            out.append(self.raw(r"\thispagestyle{empty}"))
        first = True
        for b in self.src.blocks:
            if "master" in b:
                _, header, footer = b["master"]
                if cols:
                    out.append(self.raw(r"\farmcolsend"))
                    cols = False
                out.append(self.raw(("" if first else "\\clearpage\n") + self.hf(header, footer)))
            first = False
            if b.get("pagebreak"):
                out.append(self.raw(r"\clearpage"))
            t = b["type"]
            if t == "h":
                out.append("%s %s" % ("#" * b["level"], self.inline(b["text"])))
                self.st.heading(b["level"], b["text"])
            elif t == "p":
                s = b["style"]
                if s == "Spacer":
                    out.append(self.raw(r"\bigskip"))
                elif s == "Title":
                    out.append(self.raw(r"{\LARGE\bfseries %s\par}\medskip" % tex(sdoc.plain(b["text"]))))
                    self.st.heading(1, b["text"])
                else:
                    out.append(self.para(b["text"]))
                    self.st.paragraph(b["text"])
            elif t == "toc":
                out.append("%s\\dotfill %s" % (self.inline(b["text"]), md_text(b["page"])))
                self.st.paragraph(("%s %s" % (b["text"], b["page"])).strip())
            elif t == "list":
                out.append(self.list_md(b))
                out.append("<!-- end of list -->")
            elif t == "table":
                # a longtable cannot stand inside multicols: the columns pause around it
                if cols:
                    out.append(self.raw(r"\farmcolsend"))
                out.append(self.table(b))
                if cols:
                    out.append(self.raw(r"\farmcolsbegin"))
            elif t == "columns":
                if cols:
                    out.append(self.raw(r"\farmcolsend"))
                    cols = False
                if b["n"] > 1:
                    out.append(self.raw(r"\farmcolsbegin"))
                    cols = True
        if cols:
            out.append(self.raw(r"\farmcolsend"))
        out.append(self.raw(r"\label{farmlast}"))
        return "\n\n".join(out) + "\n"

    def header_includes(self):
        h = [r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}", r"\usepackage{multicol}",
             r"\newcommand{\farmcolsbegin}{\begin{multicols}{2}}", r"\newcommand{\farmcolsend}{\end{multicols}}",
             r"\setlength{\headheight}{14pt}",
             # ballot boxes (check-box attendance lists) are not in pdfTeX's fonts: typed as a writer
             # without the glyph would type them
             r"\DeclareUnicodeCharacter{2612}{[X]}", r"\DeclareUnicodeCharacter{2610}{[\ \ ]}",
             # bullet glyphs typed by hand (a plan's "▪ Aktivitet") that pdfTeX's text fonts lack: the AMS
             # symbol fonts' shapes, as a writer who declares them would type them
             r"\usepackage{amssymb}", r"\DeclareUnicodeCharacter{25AA}{\ensuremath{\blacksquare}}",
             r"\DeclareUnicodeCharacter{25CB}{\ensuremath{\circ}}",
             r"\DeclareUnicodeCharacter{25BA}{\ensuremath{\blacktriangleright}}",
             r"\DeclareUnicodeCharacter{2713}{\ensuremath{\checkmark}}"]
        if self.v["font"] == "helvet":
            h.append(r"\renewcommand{\familydefault}{\sfdefault}")
        if self.v["headings"] == "bold":
            h.append(r"\makeatletter"
                     r"\renewcommand\section{\@startsection{section}{1}{0pt}{1.5ex}{0.6ex}{\normalfont\normalsize\bfseries}}"
                     r"\renewcommand\subsection{\@startsection{subsection}{2}{0pt}{1.2ex}{0.5ex}{\normalfont\normalsize\bfseries}}"
                     r"\renewcommand\subsubsection{\@startsection{subsubsection}{3}{0pt}{1ex}{0.4ex}{\normalfont\normalsize\bfseries}}"
                     r"\makeatother")
        return "\n".join(h)

    def pandoc_args(self):
        v = self.v
        args = ["-V", "fontsize=" + v["size"], "-V", "geometry:margin=%.1fcm" % v["margin"],
                "-V", "geometry:a4paper", "-V", "lang=sv", "-V", "papersize=a4"]
        if v["font"] != "helvet":
            args += ["-V", "fontfamily=" + v["font"]]
        else:
            args += ["-V", "fontfamily=helvet"]
        if self.src.settings["landscape"]:
            args += ["-V", "geometry:landscape"]
        if v["two_columns"]:
            args += ["-V", "classoption=twocolumn"]
        return args
