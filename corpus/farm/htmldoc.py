"""HTML + CSS from an .sdoc for the Chromium and WeasyPrint producers (paged CSS:
named pages with margin-box running headers/footers, page counters), recording
the structure put in as it goes."""

import html as _html
import re

import sdoc

FONTS = {
    "serif": ["Liberation Serif", "DejaVu Serif", "Noto Serif"],
    "sans": ["Liberation Sans", "DejaVu Sans", "Noto Sans"],
}
BULLETS = ["\u2022", "\u2013", "\u25aa", "\u25e6", "\u27a2"]


def variation(src, producer):
    p = lambda key, opts: sdoc.pick(src.stem, producer, key, opts)
    v = {
        "body_font": p("body", FONTS["serif"] + FONTS["sans"]),
        "head_font": p("head", FONTS["sans"] + FONTS["serif"][:1]),
        "size": p("size", [10, 10.5, 11, 12]),
        "margin": p("margin", [1.6, 2.0, 2.5, 3.0]),
        "headings": p("headings", ["size", "size", "bold"]),
        "bullet": p("bullet", BULLETS),
        "ruled": p("ruled", [True, True, False]),
        "two_columns": False,
    }
    # a whole document in two columns only when its tables are narrow and it has no
    # column sections of its own
    if src.max_table_cols() <= 2 and not src.has_columns():
        v["two_columns"] = p("columns", [False, False, True])
    return v


def esc(s):
    return _html.escape(s, quote=True)


def css_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def css_content(part):
    """A header/footer part as a CSS content value with page counters."""
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", part):
        if piece == "{page}":
            out.append("counter(page)")
        elif piece == "{pages}":
            out.append("counter(pages)")
        elif piece:
            out.append(css_string(piece))
    return " ".join(out) or '""'


class HtmlDoc:
    def __init__(self, src, producer, v, notes="endnotes"):
        self.src, self.producer, self.v = src, producer, v
        self.notes_mode = notes        # "footnotes" (CSS float: footnote) or "endnotes"
        self.st = sdoc.Structure(src, producer)
        self.endnotes = []
        self.pages = []                # (name, header, footer)

    # -- inline -------------------------------------------------------------
    def inline(self, s):
        out = []
        for r in sdoc.runs(s):
            if r[0] == "br":
                out.append("<br>")
            elif r[0] == "note":
                if self.notes_mode == "footnotes":
                    out.append('<span class="fn">%s</span>' % self.runs_html(r[1]))
                else:
                    self.endnotes.append(sdoc.runs_plain(r[1]))
                    out.append("<sup>%d</sup>" % len(self.endnotes))
            else:
                t = esc(r[1])
                if r[3]:
                    t = "<i>%s</i>" % t
                if r[2]:
                    t = "<b>%s</b>" % t
                out.append(t)
        return "".join(out)

    def runs_html(self, rs):
        out = []
        for r in rs:
            if r[0] == "text":
                t = esc(r[1])
                out.append("<b>%s</b>" % t if r[2] else "<i>%s</i>" % t if r[3] else t)
        return "".join(out)

    # -- blocks -------------------------------------------------------------
    def page_for(self, master):
        _, header, footer = master
        name = "m%d" % len(self.pages)
        self.pages.append((name, header, footer))
        self.st.header_footer(header, footer)
        return name

    def list_html(self, b, style):
        out, stack, counters = [], [], {}
        for it in b["items"]:
            lvl = max(1, it["level"])
            tag = "ul" if it["kind"] == "bullet" else "ol"
            if lvl > len(stack):
                while len(stack) < lvl:
                    out.append("<%s%s>" % (tag, style if not out else ""))
                    stack.append(tag)
            else:
                out.append("</li>")
                while len(stack) > lvl:
                    out.append("</%s></li>" % stack.pop())
            counters[lvl] = counters.get(lvl, 0) + 1
            for deeper in [k for k in counters if k > lvl]:
                del counters[deeper]
            out.append("<li>%s" % self.inline(it["text"]))
            self.st.list_item(lvl, self.v["bullet"] if stack[-1] == "ul" else "%d." % counters[lvl], it["text"])
        out.append("</li>")
        while len(stack) > 1:
            out.append("</%s></li>" % stack.pop())
        out.append("</%s>" % stack.pop())
        return "".join(out)

    def cell_html(self, text, header, nested):
        parts, lst = [], None
        for kind, t in sdoc.cell_paragraphs(text):
            if kind == "p":
                if lst:
                    parts.append("</%s>" % lst)
                    lst = None
                parts.append("<p>%s</p>" % self.inline(t))
            else:
                tag = "ul" if kind == "bullet" else "ol"
                if lst != tag:
                    if lst:
                        parts.append("</%s>" % lst)
                    parts.append("<%s>" % tag)
                    lst = tag
                parts.append("<li>%s</li>" % self.inline(t))
        if lst:
            parts.append("</%s>" % lst)
        if nested:
            parts.append(self.table_html_rows(nested["rows"], None, record=False))
        return "".join(parts)

    def table_html_rows(self, rows, widths, record=True, layout=None):
        ncols, grid, owner, spans = layout or sdoc.render.layout_table(rows, self.src.stem)
        if record:
            self.st.table((ncols, grid, owner, spans), rows)
        out = ['<table class="%s">' % ("ruled" if self.v["ruled"] else "plain")]
        if widths:
            tot = sum(widths) or 1
            out.append("<colgroup>%s</colgroup>" % "".join(
                '<col style="width:%.1f%%">' % (100.0 * w / tot) for w in widths[:ncols]))
        head = [r for r, row in enumerate(rows) if row["header"]]
        for r, row in enumerate(grid):
            if r == 0 and head:
                out.append("<thead>")
            if head and r == len(head):
                out.append("</thead><tbody>")
            elif r == 0:
                out.append("<tbody>")
            out.append("<tr>")
            for c in range(ncols):
                if owner[r][c] != (r, c):
                    continue
                r0, c0, r1, c1 = spans[(r, c)]
                tag = "th" if rows[r]["header"] else "td"
                span = (' colspan="%d"' % (c1 - c0 + 1) if c1 > c0 else "") + \
                       (' rowspan="%d"' % (r1 - r0 + 1) if r1 > r0 else "")
                nested = rows[r].get("nested") if c == ncols - 1 else None
                out.append("<%s%s>%s</%s>" % (tag, span, self.cell_html(row[c], rows[r]["header"], nested), tag))
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)

    def body(self):
        out, open_section, open_cols = [], False, False
        for b in self.src.blocks:
            style = ""
            if "master" in b:
                if open_cols:
                    out.append("</div>")
                    open_cols = False
                if open_section:
                    out.append("</section>")
                name = self.page_for(b["master"])
                brk = "break-before: page; " if open_section else ""
                out.append('<section style="%spage: %s">' % (brk, name))
                open_section = True
            if b.get("pagebreak"):
                style = ' style="break-before: page"'
            t = b["type"]
            if t == "h":
                out.append("<h%d%s>%s</h%d>" % (b["level"], style, self.inline(b["text"]), b["level"]))
                self.st.heading(b["level"], b["text"])
            elif t == "p":
                s = b["style"]
                if s == "Spacer":
                    out.append('<div class="spacer"%s></div>' % style)
                    continue
                cls = {"Title": "title", "Subtitle": "subtitle", "Centered": "center", "Right": "right",
                       "Caption": "caption"}.get(s, "")
                out.append('<p%s%s>%s</p>' % (' class="%s"' % cls if cls else "", style, self.inline(b["text"])))
                if s == "Title":
                    self.st.heading(1, b["text"])
                else:
                    self.st.paragraph(b["text"])
            elif t == "toc":
                out.append('<p class="toc toc%d"%s><span>%s</span><span class="pg">%s</span></p>'
                           % (b["level"], style, self.inline(b["text"]), esc(b["page"])))
                self.st.paragraph(("%s %s" % (b["text"], b["page"])).strip())
            elif t == "list":
                out.append(self.list_html(b, style))
            elif t == "table":
                if style:
                    out.append('<div%s></div>' % style)
                if not self.v["ruled"]:  # the structure as the page shows it, the table as written
                    seen = sdoc.signature_rows_merged(b)
                    self.st.table(seen["layout"], seen["rows"])
                out.append(self.table_html_rows(b["rows"], b["widths"], layout=b["layout"],
                                                record=self.v["ruled"]))
            elif t == "columns":
                if open_cols:
                    out.append("</div>")
                    open_cols = False
                if b["n"] > 1:
                    out.append('<div class="cols">')
                    open_cols = True
        if open_cols:
            out.append("</div>")
        if self.endnotes:
            out.append('<div class="endnotes">')
            for i, n in enumerate(self.endnotes, 1):
                out.append('<p class="note">%d %s</p>' % (i, esc(n)))
                self.st.paragraph("%d %s" % (i, n))
            out.append("</div>")
        if open_section:
            out.append("</section>")
        return "\n".join(out)

    def css(self):
        v = self.v
        land = self.src.settings["landscape"]
        base = v["size"]
        if v["headings"] == "bold":
            hs = [base, base, base, base]
        else:
            hs = [base * 1.6, base * 1.3, base * 1.12, base]
        css = ["@page { size: A4%s; margin: %.1fcm %.1fcm; }" % (" landscape" if land else "",
                                                                   v["margin"] * 0.8, v["margin"])]
        for name, header, footer in self.pages:
            boxes = []
            for where, parts in (("top", header), ("bottom", footer)):
                for pos, part in zip(("left", "center", "right"), parts or ["", "", ""]):
                    if part.strip():
                        boxes.append("@%s-%s { content: %s; font: %.1fpt '%s'; }"
                                     % (where, pos, css_content(part), base * 0.8, v["head_font"]))
            css.append("@page %s { %s }" % (name, " ".join(boxes)))
        if self.src.settings["firstpage_plain"] and self.pages:
            css.append("@page %s:first { %s }" % (self.pages[0][0], " ".join(
                "@%s-%s { content: none; }" % (w, p) for w in ("top", "bottom") for p in ("left", "center", "right"))))
        css.append("body { font-family: '%s'; font-size: %.1fpt; line-height: 1.25; margin: 0; }"
                   % (v["body_font"], base))
        if v["two_columns"]:
            css.append("section { columns: 2; column-gap: 0.8cm; }")
        for i, size in enumerate(hs, 1):
            css.append("h%d { font-family: '%s'; font-size: %.1fpt; font-weight: bold; margin: %.1fpt 0 %.1fpt 0; "
                       "break-after: avoid; }" % (i, v["head_font"], size, base * 0.9, base * 0.35))
        css.append("p { margin: 0 0 %.1fpt 0; }" % (base * 0.45))
        css.append(".title { font-family: '%s'; font-size: %.1fpt; font-weight: bold; }" % (v["head_font"], base * 2))
        css.append(".subtitle { font-size: %.1fpt; }" % (base * 1.25))
        css.append(".center { text-align: center; } .right { text-align: right; }")
        css.append(".caption { font-size: %.1fpt; font-style: italic; }" % (base * 0.85))
        css.append(".spacer { height: 1em; }")
        css.append(".toc { display: flex; justify-content: space-between; margin: 0; }")
        css.append(".toc2 { padding-left: 1em; } .toc3 { padding-left: 2em; }")
        css.append("ul { list-style-type: %s; padding-left: 1.4em; margin: 0 0 %.1fpt 0; }"
                   % (css_string(v["bullet"] + " "), base * 0.45))
        css.append("ol { padding-left: 1.6em; margin: 0 0 %.1fpt 0; }" % (base * 0.45))
        css.append("li { margin: 0 0 %.1fpt 0; }" % (base * 0.15))
        css.append("table { border-collapse: collapse; width: 100%%; margin: 0 0 %.1fpt 0; font-size: %.1fpt; }"
                   % (base * 0.6, base * 0.9))
        css.append("td, th { vertical-align: top; text-align: left; padding: 2pt 4pt; }")
        css.append("table.ruled td, table.ruled th { border: 0.6pt solid #000; }")
        css.append("table.plain th { border-bottom: 0.6pt solid #000; }")
        css.append("td p, th p { margin: 0 0 2pt 0; } td ul, td ol { margin: 0; }")
        css.append("thead { display: table-header-group; } tr { break-inside: avoid; }")
        css.append(".cols { columns: 2; column-gap: 0.8cm; }")
        css.append(".fn { float: footnote; font-size: %.1fpt; }" % (base * 0.8))
        css.append(".endnotes { margin-top: 1em; font-size: %.1fpt; }" % (base * 0.85))
        return "\n".join(css)

    def html(self):
        body = self.body()
        return ('<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>%s</title>\n'
                '<style>\n%s\n</style></head>\n<body>\n%s\n</body></html>\n'
                % (esc(self.src.title()), self.css(), body))
