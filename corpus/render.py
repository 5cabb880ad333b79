#!/usr/bin/python3
"""Render the samla corpus: corpus/src/*.sdoc -> corpus/build/*.fodt -> PDF + DOCX.

Usage (standard library only; run with /usr/bin/python3):

    /usr/bin/python3 corpus/render.py                 # render every corpus/src/*.sdoc
    /usr/bin/python3 corpus/render.py corpus/src/x.sdoc ...   # render the named files
    /usr/bin/python3 corpus/render.py --check [files] # only build + parse the .fodt files

The source format is described in corpus/SOURCE-FORMAT.md.  The Flat ODT is written
deterministically (no timestamps, no generator metadata); LibreOffice headless
(`soffice`) converts it to corpus/pdf/<stem>.pdf and corpus/docx/<stem>.docx.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "src")
BUILD_DIR = os.path.join(HERE, "build")
PDF_DIR = os.path.join(HERE, "pdf")
DOCX_DIR = os.path.join(HERE, "docx")

SERIF = "Liberation Serif"
SANS = "Liberation Sans"

PAGE_W, PAGE_H = 21.0, 29.7        # A4, cm
MARGIN_LR, MARGIN_TB = 2.0, 1.5    # cm


class SdocError(Exception):
    pass


# ---------------------------------------------------------------------------
# XML helpers
# ---------------------------------------------------------------------------

def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def text_runs(s):
    """Escape plain text, turning tabs into <text:tab/>, space runs into <text:s/> and {br}
    into a line break inside the paragraph (<text:line-break/>)."""
    out = []
    for part in re.split(r"(\t| {2,}|\{br\})", s):
        if part == "":
            continue
        if part == "{br}":
            out.append("<text:line-break/>")
        elif part == "\t":
            out.append("<text:tab/>")
        elif part.startswith("  "):
            out.append(" " + ('<text:s text:c="%d"/>' % (len(part) - 1)
                              if len(part) > 2 else "<text:s/>"))
        else:
            out.append(esc(part))
    return "".join(out)


def style_name(display):
    """ODF internal style name for a display name ("Heading 1" -> "Heading_20_1")."""
    return display.replace(" ", "_20_")


# ---------------------------------------------------------------------------
# Inline markup: **bold**, *italic*, [^N: footnote], \* escapes
# ---------------------------------------------------------------------------

class Inline:
    def __init__(self, doc):
        self.doc = doc

    def render(self, s, allow_notes=True):
        return self._notes(s, allow_notes)

    def _notes(self, s, allow_notes):
        out = []
        i = 0
        while True:
            j = s.find("[^", i)
            if j < 0 or not allow_notes:
                out.append(self._emph(s[i:]))
                return "".join(out)
            m = re.match(r"\[\^([^:\]\s]*)\s*:\s*", s[j:])
            if not m:
                out.append(self._emph(s[i:j + 2]))
                i = j + 2
                continue
            # find the matching closing bracket (brackets may nest)
            depth, k = 1, j + m.end()
            while k < len(s) and depth:
                if s[k] == "[":
                    depth += 1
                elif s[k] == "]":
                    depth -= 1
                k += 1
            if depth:
                out.append(self._emph(s[i:]))
                return "".join(out)
            body = s[j + m.end():k - 1].strip()
            out.append(self._emph(s[i:j]))
            out.append(self.doc.footnote(body))
            i = k

    def _emph(self, s):
        # protect escaped asterisks
        s = s.replace("\\*", "\x00")
        out = self._bold(s)
        return out.replace("\x00", "*")

    def _bold(self, s):
        out, i = [], 0
        for m in re.finditer(r"\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)", s):
            out.append(self._italic(s[i:m.start()], None))
            out.append('<text:span text:style-name="T_b">%s</text:span>'
                       % self._italic(m.group(1), "bold"))
            i = m.end()
        out.append(self._italic(s[i:], None))
        return "".join(out)

    def _italic(self, s, ctx):
        out, i = [], 0
        for m in re.finditer(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", s):
            out.append(text_runs(s[i:m.start()]))
            out.append('<text:span text:style-name="%s">%s</text:span>'
                       % ("T_bi" if ctx == "bold" else "T_i", text_runs(m.group(1))))
            i = m.end()
        out.append(text_runs(s[i:]))
        return "".join(out)


# ---------------------------------------------------------------------------
# Parsing .sdoc into blocks
# ---------------------------------------------------------------------------

LIST_RE = re.compile(r"^((?:  )*)(- |\d+[.)] )(.*)$")
TABLE_RE = re.compile(r"^\|(=?)(.*)$")


def split_cells(body):
    body = body.strip()
    if body.endswith("|"):
        body = body[:-1]
    return [c.strip() for c in body.split("|")]


def parse(path):
    """Return (settings, blocks)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    settings = {"landscape": False, "firstpage_plain": False}
    blocks = []
    header = footer = None           # current running header/footer (None = none)
    hf_started = False               # content emitted yet?
    pending = {}                     # attributes for the next top-level block
    table_cols = None
    nested = False

    def add(block):
        nonlocal hf_started
        block.update(pending)
        pending.clear()
        if not hf_started:
            block["master"] = ("init", header, footer)
            hf_started = True
        blocks.append(block)

    lineno = 0
    for raw in lines:
        lineno += 1
        line = raw.rstrip("\r").rstrip()
        where = "%s:%d" % (os.path.basename(path), lineno)
        if line.strip() == "":
            continue
        if line.startswith("%%"):
            continue
        if line.startswith("%") and not line.startswith("%%"):
            m = re.match(r"%([a-z0-9-]+)\s*(.*)$", line)
            if not m:
                raise SdocError("%s: bad directive %r" % (where, line))
            d, arg = m.group(1), m.group(2).strip()
            if d in ("header", "footer"):
                parts = [p.strip() for p in arg.split("|")] if arg else []
                parts = (parts + ["", "", ""])[:3] if parts else None
                if d == "header":
                    header = parts
                else:
                    footer = parts
                if hf_started:
                    pending["master"] = ("new", header, footer)
            elif d == "firstpage-plain":
                settings["firstpage_plain"] = True
            elif d == "landscape":
                settings["landscape"] = True
            elif d == "pagebreak":
                pending["pagebreak"] = True
            elif d == "columns":
                n = int(arg or "1")
                add({"type": "columns", "n": n})
            elif d == "table-columns":
                table_cols = [float(x) for x in arg.replace(" ", "").split(",") if x]
            elif d == "nested-table-start":
                nested = True
                if not blocks or blocks[-1]["type"] != "table":
                    raise SdocError("%s: %%nested-table-start without a table" % where)
                blocks[-1]["rows"][-1]["nested"] = {"widths": table_cols, "rows": []}
                table_cols = None
            elif d == "nested-table-end":
                nested = False
            elif d in ("toc1", "toc2", "toc3"):
                text, _, page = arg.rpartition("|")
                if not _:
                    text, page = arg, ""
                add({"type": "toc", "level": int(d[3]), "text": text.strip(),
                     "page": page.strip()})
            elif d == "center":
                add({"type": "p", "style": "Centered", "text": arg})
            elif d == "right":
                add({"type": "p", "style": "Right", "text": arg})
            elif d == "subtitle":
                add({"type": "p", "style": "Subtitle", "text": arg})
            elif d == "caption":
                add({"type": "p", "style": "Caption", "text": arg})
            elif d == "spacer":
                add({"type": "p", "style": "Spacer", "text": ""})
            else:
                raise SdocError("%s: unknown directive %%%s" % (where, d))
            continue
        if line.startswith("\\"):
            add({"type": "p", "style": "Text body", "text": line[1:]})
            continue
        m = TABLE_RE.match(line)
        if m:
            row = {"header": m.group(1) == "=", "cells": split_cells(m.group(2))}
            if nested:
                blocks[-1]["rows"][-1]["nested"]["rows"].append(row)
                continue
            if blocks and blocks[-1]["type"] == "table" and blocks[-1].get("open") \
                    and not pending:
                blocks[-1]["rows"].append(row)
            else:
                add({"type": "table", "widths": table_cols, "rows": [row], "open": True})
                table_cols = None
            continue
        # anything else closes an open table
        if blocks and blocks[-1]["type"] == "table":
            blocks[-1]["open"] = False
        m = re.match(r"^(#!|#{1,4})\s+(.*)$", line)
        if m:
            if m.group(1) == "#!":
                add({"type": "p", "style": "Title", "text": m.group(2)})
            else:
                add({"type": "h", "level": len(m.group(1)), "text": m.group(2)})
            continue
        m = LIST_RE.match(line)
        if m:
            level = len(m.group(1)) // 2 + 1
            kind = "bullet" if m.group(2) == "- " else "number"
            item = {"level": level, "kind": kind, "text": m.group(3)}
            if blocks and blocks[-1]["type"] == "list" and blocks[-1].get("open") \
                    and not pending and (level > 1 or blocks[-1]["kind"] == kind):
                blocks[-1]["items"].append(item)
            else:
                if level != 1:
                    item["level"] = 1
                add({"type": "list", "kind": kind, "items": [item], "open": True})
            continue
        if blocks and blocks[-1]["type"] == "list":
            blocks[-1]["open"] = False
        add({"type": "p", "style": "Text body", "text": line.strip()})
    if blocks and blocks[-1]["type"] == "table":
        blocks[-1]["open"] = False
    if not blocks:
        raise SdocError("%s: empty document" % path)
    if pending.get("master") and len(blocks):
        pass  # header change at the very end: nothing follows
    return settings, blocks


# ---------------------------------------------------------------------------
# Table layout: resolve >> and ^^ into spans
# ---------------------------------------------------------------------------

def layout_table(rows, where):
    ncols = max(len(r["cells"]) for r in rows)
    grid = [r["cells"] + [""] * (ncols - len(r["cells"])) for r in rows]
    owner = [[None] * ncols for _ in grid]
    for r, cells in enumerate(grid):
        for c, val in enumerate(cells):
            if val == ">>" and c > 0:
                owner[r][c] = owner[r][c - 1]
            elif val == "^^" and r > 0:
                owner[r][c] = owner[r - 1][c]
            else:
                owner[r][c] = (r, c)
    spans = {}
    for r in range(len(grid)):
        for c in range(ncols):
            o = owner[r][c]
            r0, c0, r1, c1 = spans.get(o, (o[0], o[1], o[0], o[1]))
            spans[o] = (min(r0, r), min(c0, c), max(r1, r), max(c1, c))
    for o, (r0, c0, r1, c1) in spans.items():
        if (r0, c0) != o:
            raise SdocError("%s: merge region does not start at its owner cell" % where)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if owner[r][c] != o:
                    raise SdocError("%s: merged cells do not form a rectangle at row %d"
                                    % (where, r + 1))
    return ncols, grid, owner, spans


# ---------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------

class Doc:
    def __init__(self, path):
        self.path = path
        self.stem = os.path.splitext(os.path.basename(path))[0]
        self.settings, self.blocks = parse(path)
        self.inline = Inline(self)
        self.auto_para = {}      # (parent, break, master) -> name
        self.auto_list = {}      # kinds tuple -> name
        self.masters = []        # (name, header, footer)
        self.master_names = {}
        self.auto_tables = []
        self.auto_cols = []
        self.auto_cells = {}
        self.sections = 0
        self.notes = 0
        land = self.settings["landscape"]
        self.page_w, self.page_h = (PAGE_H, PAGE_W) if land else (PAGE_W, PAGE_H)
        self.text_w = self.page_w - 2 * MARGIN_LR

    # -- automatic styles ------------------------------------------------
    def para_style(self, parent, pagebreak=False, master=None):
        if not pagebreak and not master:
            return style_name(parent)
        key = (parent, pagebreak, master)
        if key not in self.auto_para:
            self.auto_para[key] = "P%d" % (len(self.auto_para) + 1)
        return self.auto_para[key]

    def list_style(self, kinds):
        kinds = tuple(kinds)
        if kinds not in self.auto_list:
            self.auto_list[kinds] = "L%d" % (len(self.auto_list) + 1)
        return self.auto_list[kinds]

    def master_for(self, header, footer):
        key = (tuple(header) if header else None, tuple(footer) if footer else None)
        if key not in self.master_names:
            name = "Standard" if not self.masters else "MP%d" % len(self.masters)
            self.master_names[key] = name
            self.masters.append((name, header, footer))
        return self.master_names[key]

    def footnote(self, body):
        self.notes += 1
        n = self.notes
        return ('<text:note text:id="ftn%d" text:note-class="footnote">'
                '<text:note-citation>%d</text:note-citation><text:note-body>'
                '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                % (n, n, self.inline.render(body, allow_notes=False)))

    # -- body --------------------------------------------------------------
    def block_attrs(self, b):
        """(pagebreak, master-name) to apply to the first paragraph/table of block b."""
        master = None
        if "master" in b:
            kind, header, footer = b["master"]
            name = self.master_for(header, footer)
            if kind == "init" and self.settings["firstpage_plain"]:
                master = "First_20_Page"
            else:
                master = name
        return bool(b.get("pagebreak")), master

    def body(self):
        out = []
        in_section = False
        for b in self.blocks:
            pb, master = self.block_attrs(b)
            t = b["type"]
            if t == "columns":
                if in_section:
                    out.append("</text:section>")
                    in_section = False
                if pb or master:
                    out.append('<text:p text:style-name="%s"/>'
                               % self.para_style("Spacer", pb, master))
                if b["n"] > 1:
                    self.sections += 1
                    out.append('<text:section text:style-name="Sect%d" text:name="Section%d">'
                               % (b["n"], self.sections))
                    in_section = True
                continue
            if in_section and master:
                # a new master page cannot start inside a section: close it
                out.append("</text:section>")
                in_section = False
            out.append(self.render_block(b, pb, master))
        if in_section:
            out.append("</text:section>")
        return "\n".join(out)

    def render_block(self, b, pb, master):
        t = b["type"]
        if t == "p":
            return '<text:p text:style-name="%s">%s</text:p>' % (
                self.para_style(b["style"], pb, master), self.inline.render(b["text"]))
        if t == "h":
            lvl = b["level"]
            return '<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>' % (
                self.para_style("Heading %d" % lvl, pb, master), lvl,
                self.inline.render(b["text"]))
        if t == "toc":
            return '<text:p text:style-name="%s">%s<text:tab/>%s</text:p>' % (
                self.para_style("Contents %d" % b["level"], pb, master),
                self.inline.render(b["text"]), esc(b["page"]))
        if t == "list":
            return self.render_list(b["items"], "List Bullet" if b["kind"] == "bullet"
                                    else "List Number", pb, master)
        if t == "table":
            return self.render_table(b["rows"], b["widths"], pb, master, self.text_w)
        raise AssertionError(t)

    def render_list(self, items, para, pb=False, master=None, in_cell=False):
        # clamp levels so that each item is at most one level deeper than the previous
        clamped, prev = [], 0
        for it in items:
            lvl = max(1, min(it["level"], prev + 1))
            clamped.append(dict(it, level=lvl))
            prev = lvl
        items = clamped
        kinds = [None, None, None]    # a level's marker follows its first item
        for it in items:
            if kinds[min(it["level"], 3) - 1] is None:
                kinds[min(it["level"], 3) - 1] = it["kind"]
        kinds = [k or items[0]["kind"] for k in kinds]
        lname = self.list_style(kinds)
        pstyle_first = self.para_style(para, pb, master)
        pstyle = style_name(para)
        if in_cell:
            pstyle_first = pstyle = "Table_20_List"
        out = ['<text:list text:style-name="%s">' % lname]
        depth = 1
        is_open = {1: False}       # level -> an item is open at that level
        first_done = False
        for it in items:
            lvl = min(it["level"], depth + 1)
            if lvl > depth:
                out.append("<text:list>")      # nested inside the open item
                depth = lvl
                is_open[depth] = False
            while lvl < depth:
                if is_open[depth]:
                    out.append("</text:list-item>")
                out.append("</text:list>")
                depth -= 1
            if is_open[depth]:
                out.append("</text:list-item>")
            out.append('<text:list-item><text:p text:style-name="%s">%s</text:p>' % (
                pstyle if first_done else pstyle_first, self.inline.render(it["text"])))
            is_open[depth] = True
            first_done = True
        while depth >= 1:
            if is_open[depth]:
                out.append("</text:list-item>")
            out.append("</text:list>")
            depth -= 1
        return "".join(out)

    def cell_content(self, text, header):
        paras = [p.strip() for p in re.split(r"\s+//\s+|^//\s+|\s+//$", text)] if text else [""]
        out = []
        pending = []

        def flush():
            if pending:
                out.append(self.render_list(pending, "List Bullet", in_cell=True))
                pending.clear()

        for p in paras:
            m = LIST_RE.match(p)
            if m and not header:
                pending.append({"level": len(m.group(1)) // 2 + 1,
                                "kind": "bullet" if m.group(2) == "- " else "number",
                                "text": m.group(3)})
                continue
            flush()
            out.append('<text:p text:style-name="%s">%s</text:p>' % (
                "Table_20_Heading" if header else "Table_20_Contents",
                self.inline.render(p)))
        flush()
        return "".join(out)

    def render_table(self, rows, widths, pb, master, avail_w):
        where = "%s (table starting %r)" % (self.stem, "|".join(rows[0]["cells"])[:40])
        ncols, grid, owner, spans = layout_table(rows, where)
        if widths and len(widths) != ncols:
            raise SdocError("%s: %%table-columns has %d values for %d columns"
                            % (where, len(widths), ncols))
        widths = widths or [1.0] * ncols
        total = sum(widths)
        tw = avail_w
        n = len(self.auto_tables) + 1
        tname = "Tab%d" % n
        self.auto_tables.append((tname, tw, pb, master))
        out = ['<table:table table:name="Table%d" table:style-name="%s">' % (n, tname)]
        for i, w in enumerate(widths):
            cname = "%s.C%d" % (tname, i + 1)
            self.auto_cols.append((cname, tw * w / total, int(round(65535 * w / total))))
            out.append('<table:table-column table:style-name="%s"/>' % cname)
        nheader = 0
        for r in rows:
            if r["header"]:
                nheader += 1
            else:
                break
        for ri, row in enumerate(rows):
            if ri == 0 and nheader:
                out.append("<table:table-header-rows>")
            out.append("<table:table-row>")
            is_head = ri < nheader
            for c in range(ncols):
                o = owner[ri][c]
                if o != (ri, c):
                    out.append("<table:covered-table-cell/>")
                    continue
                r0, c0, r1, c1 = spans[o]
                attrs = ""
                if c1 > c0:
                    attrs += ' table:number-columns-spanned="%d"' % (c1 - c0 + 1)
                if r1 > r0:
                    attrs += ' table:number-rows-spanned="%d"' % (r1 - r0 + 1)
                cstyle = "CellHead" if is_head else "Cell"
                content = self.cell_content(grid[ri][c], is_head)
                if c == ncols - 1 or c1 == ncols - 1:
                    nest = row.get("nested")
                    if nest and nest["rows"]:
                        cw = sum(tw * w / total for w in widths[c0:c1 + 1]) - 0.2
                        content += self.render_table(nest["rows"], nest["widths"],
                                                     False, None, cw)
                out.append('<table:table-cell table:style-name="%s" office:value-type="string"%s>%s'
                           '</table:table-cell>' % (cstyle, attrs, content))
            out.append("</table:table-row>")
            if ri == nheader - 1 and nheader:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        return "".join(out)

    # -- styles --------------------------------------------------------------
    def styles_xml(self):
        tw = self.text_w
        s = []
        s.append('''<style:default-style style:family="paragraph">
 <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:text-autospace="ideograph-alpha" style:punctuation-wrap="hanging" style:line-break="strict" style:tab-stop-distance="1.25cm" style:writing-mode="page"/>
 <style:text-properties style:font-name="%s" fo:font-size="11pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/>
</style:default-style>
<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>
<style:default-style style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:default-style>''' % SERIF)
        s.append('<style:style style:name="Standard" style:family="paragraph" style:class="text"/>')
        s.append('''<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:line-height="115%"/>
</style:style>''')
        for name, size, bold, italic, align, top, bottom in [
                ("Title", "22pt", True, False, "start", "0cm", "0.4cm"),
                ("Subtitle", "14pt", False, False, "start", "0cm", "0.4cm")]:
            s.append('''<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">
 <style:paragraph-properties fo:margin-top="%s" fo:margin-bottom="%s" fo:text-align="%s" fo:keep-with-next="always"/>
 <style:text-properties style:font-name="%s" fo:font-size="%s"%s%s/>
</style:style>''' % (name, top, bottom, align, SANS, size,
                     ' fo:font-weight="bold"' if bold else "",
                     ' fo:font-style="italic"' if italic else ""))
        for lvl, size, top in [(1, "16pt", "0.5cm"), (2, "13pt", "0.4cm"), (3, "11.5pt", "0.3cm"),
                               (4, "11pt", "0.25cm")]:
            s.append('''<style:style style:name="Heading_20_%d" style:display-name="Heading %d" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="%d" style:class="text">
 <style:paragraph-properties fo:margin-top="%s" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
 <style:text-properties style:font-name="%s" fo:font-size="%s" fo:font-weight="bold"%s/>
</style:style>''' % (lvl, lvl, lvl, top, SANS, size, ' fo:font-style="italic"' if lvl == 4 else ""))
        for name in ("List Bullet", "List Number"):
            s.append('''<style:style style:name="%s" style:display-name="%s" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.08cm"/>
</style:style>''' % (style_name(name), name))
        for name, align in (("Centered", "center"), ("Right", "end")):
            s.append('''<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:text-align="%s"/>
</style:style>''' % (name, align))
        s.append('''<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="extra">
 <style:text-properties fo:font-size="9.5pt" fo:font-style="italic"/>
</style:style>
<style:style style:name="Spacer" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
 <style:text-properties fo:font-size="4pt"/>
</style:style>''')
        for lvl in (1, 2, 3):
            s.append('''<style:style style:name="Contents_20_%d" style:display-name="Contents %d" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
 <style:paragraph-properties fo:margin-left="%.2fcm" fo:margin-top="0cm" fo:margin-bottom="0.1cm">
  <style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
 </style:paragraph-properties>%s
</style:style>''' % (lvl, lvl, 0.5 * (lvl - 1), tw - 0.5 * (lvl - 1),
                     '\n <style:text-properties fo:font-weight="bold"/>' if lvl == 1 else ""))
        s.append('''<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm"/>
 <style:text-properties style:font-name="%s" fo:font-size="9.5pt"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
 <style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Table_20_List" style:display-name="Table List" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="list">
 <style:paragraph-properties fo:margin-bottom="0.06cm"/>
</style:style>''' % SANS)
        s.append('''<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
 <style:paragraph-properties fo:padding-bottom="0.08cm" fo:border-bottom="0.5pt solid #000000">
  <style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="center"/><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops>
 </style:paragraph-properties>
 <style:text-properties style:font-name="%s" fo:font-size="9pt"/>
</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
 <style:paragraph-properties fo:padding-top="0.08cm" fo:border-top="0.5pt solid #000000">
  <style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="center"/><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops>
 </style:paragraph-properties>
 <style:text-properties style:font-name="%s" fo:font-size="9pt"/>
</style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
 <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/>
 <style:text-properties fo:font-size="9pt"/>
</style:style>
<style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
<style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
 <style:text-properties style:text-position="super 58%%"/>
</style:style>''' % (tw / 2, tw, SANS, tw / 2, tw, SANS))
        # outline style (headings are not auto-numbered; numbers are in the text)
        ol = ['<text:outline-style style:name="Outline">']
        for lvl in range(1, 11):
            ol.append('<text:outline-level-style text:level="%d" style:num-format="">'
                      '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                      '<style:list-level-label-alignment text:label-followed-by="listtab"/>'
                      '</style:list-level-properties></text:outline-level-style>' % lvl)
        ol.append("</text:outline-style>")
        s.append("".join(ol))
        s.append('<text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" '
                 'text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" '
                 'text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>')
        return "\n".join(s)

    def list_style_xml(self, name, kinds):
        out = ['<text:list-style style:name="%s">' % name]
        bullets = ["\u2022", "\u2013", "\u25aa"]
        for lvl in range(1, 11):
            kind = kinds[min(lvl, 3) - 1]
            indent = 0.63 * lvl
            props = ('<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                     '<style:list-level-label-alignment text:label-followed-by="listtab" '
                     'text:list-tab-stop-position="%.2fcm" fo:text-indent="-0.63cm" fo:margin-left="%.2fcm"/>'
                     '</style:list-level-properties>' % (indent, indent))
            if kind == "bullet":
                out.append('<text:list-level-style-bullet text:level="%d" text:bullet-char="%s">%s'
                           '<style:text-properties style:font-name="%s"/></text:list-level-style-bullet>'
                           % (lvl, bullets[(lvl - 1) % 3], props, SERIF))
            else:
                fmt = ["1", "a", "i"][(lvl - 1) % 3]
                out.append('<text:list-level-style-number text:level="%d" style:num-suffix="." '
                           'style:num-format="%s">%s</text:list-level-style-number>' % (lvl, fmt, props))
        out.append("</text:list-style>")
        return "".join(out)

    def automatic_styles_xml(self):
        s = []
        s.append('''<style:style style:name="T_b" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T_i" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T_bi" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>''')
        for (parent, pb, master), name in self.auto_para.items():
            attrs = ' style:master-page-name="%s"' % master if master else ""
            props = ' fo:break-before="page"' if pb and not master else ""
            s.append('<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s"%s>'
                     '<style:paragraph-properties%s/></style:style>'
                     % (name, style_name(parent), attrs, props))
        for kinds, name in self.auto_list.items():
            s.append(self.list_style_xml(name, kinds))
        for name, tw, pb, master in self.auto_tables:
            attrs = ' style:master-page-name="%s"' % master if master else ""
            props = ' fo:break-before="page"' if pb and not master else ""
            s.append('<style:style style:name="%s" style:family="table"%s>'
                     '<style:table-properties style:width="%.3fcm" table:align="margins" '
                     'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm" style:may-break-between-rows="true"%s/></style:style>'
                     % (name, attrs, tw, props))
        for name, w, rel in self.auto_cols:
            s.append('<style:style style:name="%s" style:family="table-column">'
                     '<style:table-column-properties style:column-width="%.3fcm" style:rel-column-width="%d*"/>'
                     '</style:style>' % (name, w, rel))
        s.append('''<style:style style:name="Cell" style:family="table-cell">
 <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/>
</style:style>
<style:style style:name="CellHead" style:family="table-cell">
 <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" fo:background-color="#d9e2f3" style:vertical-align="top"/>
</style:style>''')
        for n in (2, 3):
            s.append('<style:style style:name="Sect%d" style:family="section"><style:section-properties text:dont-balance-text-columns="false">'
                     '<style:columns fo:column-count="%d" fo:column-gap="0.8cm"/></style:section-properties></style:style>' % (n, n))
        pl = ('<style:page-layout-properties fo:page-width="%.2fcm" fo:page-height="%.2fcm" '
              'style:print-orientation="%s" fo:margin-top="%.2fcm" fo:margin-bottom="%.2fcm" '
              'fo:margin-left="%.2fcm" fo:margin-right="%.2fcm"/>'
              % (self.page_w, self.page_h, "landscape" if self.settings["landscape"] else "portrait",
                 MARGIN_TB, MARGIN_TB, MARGIN_LR, MARGIN_LR))
        s.append('<style:page-layout style:name="pm1">%s'
                 '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>'
                 '<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>'
                 '</style:page-layout>' % pl)
        return "\n".join(s)

    def hf_para(self, parts, style):
        out = []
        for i, p in enumerate(parts):
            if i:
                out.append("<text:tab/>")
            for j, piece in enumerate(re.split(r"(\{page\}|\{pages\})", p)):
                if piece == "{page}":
                    out.append('<text:page-number text:select-page="current">1</text:page-number>')
                elif piece == "{pages}":
                    out.append("<text:page-count>1</text:page-count>")
                elif piece:
                    out.append(self.inline.render(piece, allow_notes=False))
        return '<text:p text:style-name="%s">%s</text:p>' % (style, "".join(out))

    def master_styles_xml(self):
        if not self.masters:
            self.master_for(None, None)
        out = []
        if self.settings["firstpage_plain"]:
            out.append('<style:master-page style:name="First_20_Page" style:display-name="First Page" '
                       'style:page-layout-name="pm1" style:next-style-name="Standard"/>')
        for name, header, footer in self.masters:
            inner = ""
            if header and any(header):
                inner += "<style:header>%s</style:header>" % self.hf_para(header, "Header")
            if footer and any(footer):
                inner += "<style:footer>%s</style:footer>" % self.hf_para(footer, "Footer")
            out.append('<style:master-page style:name="%s" style:page-layout-name="pm1">%s</style:master-page>'
                       % (name, inner))
        return "\n".join(out)

    def fodt(self):
        body = self.body()          # first: collects automatic styles and masters
        masters = self.master_styles_xml()
        return '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%s</dc:title><dc:language>sv-SE</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="%s" svg:font-family="'%s'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="%s" svg:font-family="'%s'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
%s
</office:styles>
<office:automatic-styles>
%s
</office:automatic-styles>
<office:master-styles>
%s
</office:master-styles>
<office:body><office:text>
%s
</office:text></office:body>
</office:document>
''' % (esc(self.title()), SERIF, SERIF, SANS, SANS, self.styles_xml(),
       self.automatic_styles_xml(), masters, body)

    def title(self):
        for b in self.blocks:
            if b["type"] == "p" and b["style"] == "Title":
                return re.sub(r"\*+", "", b["text"])
        for b in self.blocks:
            if b["type"] == "h":
                return re.sub(r"\*+", "", b["text"])
        return self.stem


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def build(path):
    doc = Doc(path)
    xml = doc.fodt()
    os.makedirs(BUILD_DIR, exist_ok=True)
    out = os.path.join(BUILD_DIR, doc.stem + ".fodt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(xml)
    try:
        ET.fromstring(xml.encode("utf-8"))   # well-formedness check
    except ET.ParseError as e:
        raise SdocError("%s is not well-formed XML: %s" % (os.path.relpath(out), e))
    return out


def soffice(fodts, fmt, outdir):
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="lo-corpus-%d-" % os.getpid())
    try:
        cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
               "--convert-to", fmt, "--outdir", outdir] + fodts
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stdout)
            raise SystemExit("soffice failed (%s)" % fmt)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(os.path.join(SRC_DIR, f) for f in os.listdir(SRC_DIR)
                       if f.endswith(".sdoc"))
    fodts, failed = [], 0
    for f in files:
        try:
            fodts.append(build(f))
            print("ok   %s" % os.path.relpath(fodts[-1]))
        except (SdocError, ET.ParseError, ValueError) as e:
            failed += 1
            print("FAIL %s: %s" % (f, e), file=sys.stderr)
    if failed:
        return 1
    if check:
        return 0
    soffice(fodts, "pdf", PDF_DIR)
    soffice(fodts, "docx:MS Word 2007 XML", DOCX_DIR)
    for f in fodts:
        stem = os.path.splitext(os.path.basename(f))[0]
        print("rendered %s.pdf %s.docx" % (os.path.relpath(os.path.join(PDF_DIR, stem)),
                                           os.path.relpath(os.path.join(DOCX_DIR, stem))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
