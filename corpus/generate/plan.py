"""Generated strategies and plans: a strategy (focus areas and their delmål, coded with letters,
numbers or not at all, written as headings, label lists or a summary table) and plans against it
(verksamhetsplan, handlingsplan, samverkansplan, aktivitetsplan) whose activities are a table, a
numbered list or bullet lists of any glyph, with or without the strategy's goal codes. Each
document comes with its gold (goals for the strategy; activities with area and responsible for a
plan) and each plan with its gold links to the strategy's delmål.
"""

import common as C


def gold_activity(acts, links, text, area, responsible, goal):
    """Records one written activity in the gold: its text, area and responsible (when written),
    and its link to the delmål it serves."""
    a = {"text": text, "area": area}
    if responsible:
        a["responsible"] = responsible
    acts.append(a)
    links.append((text, goal))


class Goal:
    def __init__(self, code, kind, title, parent=None):
        self.code, self.kind, self.title, self.parent = code, kind, title, parent
        self.children = []

    def label(self):
        """How a plan cites the goal: its code, else its title."""
        return self.code or self.title


class PlanSet:
    def __init__(self, rng, cat, seed, group):
        self.rng, self.cat, self.seed, self.group = rng, cat, seed, group
        self.p = cat["plans"]

    def pick(self, xs):
        return self.rng.choice(xs)

    def fill(self, t, extra=None):
        s = {"target": self.pick(self.p["targets"]), "channel": self.pick(self.p["channels"]),
             "place": self.pick(self.cat["items"]["villages"]),
             "year": str(getattr(self, "plan_year", self.y1 + 1)),
             "region": self.region, "regionshort": self.region.split()[-1], "org": getattr(self, "org", "")}
        if extra:
            s.update(extra)
        for k, v in s.items():
            t = t.replace("{%s}" % k, v)
        return t

    # -- the strategy -----------------------------------------------------------------------------

    def draw_strategy(self):
        rng = self.rng
        self.region = self.pick(self.cat["places"]["regions"])
        self.y1 = rng.randint(2022, 2025)
        self.y2 = self.y1 + rng.choice([2, 3, 4])
        theme = self.pick(self.p["themes"])
        self.title = self.pick(self.p["strategy_titles"]).replace("{theme}", theme) \
            .replace("{theme_cap}", theme[0].upper() + theme[1:]).replace("{region}", self.region) \
            .replace("{y1}", str(self.y1)).replace("{y2}", str(self.y2))
        self.coding = self.pick(["letters", "numbers", "numbers_label", "none"])
        self.fa_label = self.pick(["Fokusområde", "Målområde"])
        self.g_label = self.pick(["Delmål", "Mål"])
        self.fa_sep = self.pick([": ", " – ", ". "])
        areas = rng.sample(self.p["focus_areas"], rng.randint(3, 4))
        self.focus = []
        for i, a in enumerate(areas):
            code = {"letters": "ABCDEFG"[i], "numbers": str(i + 1), "numbers_label": str(i + 1), "none": None}[self.coding]
            fa = Goal(code, "focus_area", a["title"])
            fa.activities = list(a["activities"])
            ngoals = rng.randint(2, min(3, len(a["goals"])))
            if i > 0 and rng.random() < 0.08:
                ngoals = 0          # a focus area written without delmål (samla must warn)
            for j, gt in enumerate(rng.sample(a["goals"], ngoals)):
                gcode = {"letters": "%s%d" % (code, j + 1), "numbers": "%s.%d" % (code, j + 1),
                         "numbers_label": "%s.%d" % (code, j + 1), "none": None}[self.coding]
                fa.children.append(Goal(gcode, "subgoal", gt, fa))
            self.focus.append(fa)
        self.vision = self.fill(self.pick(self.p["vision"])) if rng.random() < 0.5 else None

    def write_strategy(self, stem):
        rng, d = self.rng, C.Sdoc()
        layout = self.pick(["headings", "headings", "label_list", "table", "table_cells", "priorities", "columns"])
        d.add("%%header %s | %s | " % (self.region, self.title), "%footer  |  | Sida {page} av {pages}", "%firstpage-plain", "")
        d.add("#! " + self.title, "")
        d.add("%%subtitle %s" % self.pick(["Antagen av regionfullmäktige %d" % self.y1, "Gemensam strategi för %s och länets kommuner" % self.region]), "")
        d.add("%pagebreak", "# Inledning", "")
        d.para("Strategin beskriver hur %s och kommunerna i länet gemensamt ska arbeta under perioden %d–%d. "
               "Den följs upp årligen." % (self.region, self.y1, self.y2))
        goals = []
        if self.vision:
            vt = self.pick(["Vision", "Målbild"])
            d.add("# " + vt, "")
            d.para(self.vision)
            goals.append({"code": None, "kind": "vision", "title": vt, "parent": None})
        d.add("# " + self.pick(["Fokusområden", "Strategiska områden", "Prioriterade områden", "Målområden"]), "")
        for fa in self.focus:
            goals.append({"code": fa.code, "kind": "focus_area", "title": fa.title, "parent": None})
            for g in fa.children:
                goals.append({"code": g.code, "kind": "subgoal", "title": g.title, "parent": fa.label()})
        if layout == "table_cells":
            # one row per focus area, its delmål as bullet paragraphs in the right cell
            d.para(self.pick(["Strategins fokusområden och delmål:", "Översikt över fokusområden och delmål"]))
            d.add("%table-columns 35,65", "|= %s | %s |" % (self.pick(["Fokusområde", "Målområde", "Område"]),
                                                             self.pick(["Delmål", "Mål", "Målsättningar"])))
            for fa in self.focus:
                cellp = " // ".join("- " + C.cell(self.goal_text(g)) for g in fa.children) or "–"
                d.add("| %s | %s |" % (C.cell(self.focus_text(fa)), cellp))
            d.blank()
        elif layout == "priorities":
            # the focus areas as a bulleted list of priorities, each with its delmål one level down
            d.para(self.pick(["Strategin har följande prioriterade områden med delmål:",
                              "Prioriterade områden under perioden är:"]))
            for fa in self.focus:
                d.add("- " + self.focus_text(fa))
                for g in fa.children:
                    d.add("  - " + self.goal_text(g))
            d.blank()
        elif layout == "columns":
            # focus areas as bold lines and their delmål as bullets, in two text columns
            d.add("%columns 2")
            for fa in self.focus:
                d.para("**%s**" % self.focus_text(fa))
                for g in fa.children:
                    d.add("- " + self.goal_text(g))
                d.blank()
            d.add("%columns 1", "")
        elif layout == "table":
            d.para("Tabellen sammanfattar strategins fokusområden och delmål.")
            d.add("%table-columns 35,65", "|= Fokusområde | Delmål |")
            for fa in self.focus:
                for k, g in enumerate(fa.children):
                    left = self.focus_text(fa) if k == 0 else "^^"
                    d.add("| %s | %s |" % (left, self.goal_text(g)))
            d.blank()
            for fa in self.focus:
                d.add("## " + self.focus_text(fa), "")
                d.para("Området omfattar insatser som berör hela länet.")
        else:
            for fa in self.focus:
                d.add("## " + self.focus_text(fa), "")
                d.para(self.pick(["Inom området ska huvudmännen arbeta tillsammans med civilsamhället.",
                                  "Området är prioriterat under hela strategiperioden.",
                                  "Här finns de största skillnaderna mellan länets kommuner."]))
                if layout == "headings":
                    for g in fa.children:
                        d.add("### " + self.goal_text(g), "")
                        d.para(self.pick(["Det innebär att insatserna riktas dit behoven är störst.",
                                          "Målet följs upp med regionens och kommunernas gemensamma indikatorer.",
                                          "Det innebär att huvudmännen utvecklar gemensamma arbetssätt."]))
                elif fa.children:
                    d.para("**%s**" % self.pick(["Delmål", "Mål", "Målsättningar"]))
                    for g in fa.children:
                        d.add("- " + self.goal_text(g))
                    d.blank()
        d.add("# Uppföljning", "")
        d.para("Strategin följs upp årligen av den politiska samverkansberedningen.")
        gold = {"goals": goals}
        return (stem, "strategy", "strategy-%s-%s" % (self.coding, layout), d.text(),
                ["gold: written by corpus/generate from what it drew (strategy, coding %s, layout %s)" % (self.coding, layout)],
                gold, None)

    def focus_text(self, fa):
        if self.coding == "letters":
            return "%s. %s" % (fa.code, fa.title) if self.rng.random() < 0.5 else "%s %s" % (fa.code, fa.title)
        if self.coding == "numbers":
            return "%s %s" % (fa.code, fa.title)
        if self.coding == "numbers_label":
            return "%s %s%s%s" % (self.fa_label, fa.code, self.fa_sep, fa.title)
        return fa.title

    def goal_text(self, g):
        if self.coding == "letters":
            return "%s. %s" % (g.code, g.title) if self.rng.random() < 0.5 else "%s %s" % (g.code, g.title)
        if self.coding == "numbers":
            return "%s %s" % (g.code, g.title)
        if self.coding == "numbers_label":
            return "%s %s %s" % (self.g_label, g.code, g.title)
        return g.title

    # -- a plan ------------------------------------------------------------------------------------

    def write_plan(self, stem, strategy_stem, index):
        rng, d = self.rng, C.Sdoc()
        m = self.pick(self.cat["places"]["municipalities"])
        self.org = m["org"]
        kind = self.pick(self.p["plan_kinds"])
        year = self.y1 + rng.randint(0, self.y2 - self.y1)
        self.plan_year = year
        used = set()

        def draw_texts(fa, k):
            free = [t for t in fa.activities if t not in used]
            picked = rng.sample(free, min(k, len(free)))
            used.update(picked)
            return [self.fill(t) for t in picked]

        title = "%s %d %s" % (kind, year, self.pick(["för %s" % self.org, "– %s" % self.org]))
        layout = self.pick(["table", "table", "table", "numbered", "bullets", "bullets_typed", "flat_bullets", "coded_lines"])
        coded = self.coding != "none" and rng.random() < 0.7
        if layout == "coded_lines" and self.coding == "none":
            layout = "bullets"
        if layout == "coded_lines":
            coded = True
        d.add("%%header %s | %s | %s" % (self.org, kind, self.pick(["Sida {page}", "{page} ({pages})"])), "%footer", "")
        d.add("#! " + title, "")
        d.para("Planen bygger på %s och beskriver kommunens aktiviteter under %d." % (self.title, year))
        if rng.random() < 0.5:
            d.add("|= Dokumenttyp | Fastställd av | Giltighetstid |",
                  "| %s | %s | %d |" % (kind, self.pick(["Kommunstyrelsen", "Socialnämnden", "Ledningsgruppen"]), year), "")
        acts = []       # gold activities
        links = []
        chosen = [g for fa in self.focus for g in fa.children if rng.random() < 0.8] or \
            [g for fa in self.focus for g in fa.children][:1]
        resp_pool = [self.fill(r) for r in self.p["responsible"]]
        theading = self.pick(self.p["activities_headings"]).replace("{year}", str(year))
        variant = layout
        if layout == "table":
            variant = self.write_table(d, theading, chosen, coded, draw_texts, resp_pool, acts, links)
        elif layout == "coded_lines":
            variant = self.write_coded_lines(d, theading, chosen, draw_texts, resp_pool, acts, links)
        else:
            d.add("# " + self.pick(["Aktiviteter per delmål", "Planerade aktiviteter", "Insatser %d" % year]), "")
            glyph = self.pick(self.p["bullet_glyphs"])
            label = layout != "flat_bullets" and rng.random() < 0.6      # an "Aktiviteter" label over the list
            if layout == "bullets" and not label:
                variant = "bullets_bare"
            for fa in self.focus:
                gs = [g for g in fa.children if g in chosen]
                if not gs:
                    continue
                d.add("## " + self.focus_text(fa) if coded else "## " + fa.title, "")
                for g in gs:
                    head = self.goal_text(g) if coded else g.title
                    texts = draw_texts(fa, rng.randint(1, 3))
                    if not texts:
                        continue
                    if layout == "flat_bullets":
                        d.para("**%s**" % head)
                    else:
                        d.add("### " + head, "")
                    resp = self.pick(resp_pool) if rng.random() < 0.5 and layout != "flat_bullets" else None
                    if label:
                        d.para("**%s**" % self.pick(["Aktiviteter", "Planerade aktiviteter", "Insatser", "Åtgärder"]))
                    for t in texts:
                        if layout == "numbered":
                            d.add("1. " + t)
                        elif layout in ("bullets", "flat_bullets") and glyph == "-":
                            d.add("- " + t)
                        elif layout == "bullets":
                            d.add("- " + t)
                        else:
                            d.para("%s %s" % (glyph, t))
                        gold_activity(acts, links, t, head, resp, g)
                    d.blank()
                    if resp:
                        d.para("Ansvarig: %s" % resp)
        d.add("# Uppföljning", "")
        d.para("Planen följs upp i samband med verksamhetsberättelsen.")
        gold = {"activities": acts}
        lg = {"plan": stem, "strategy": strategy_stem, "level": "subgoal",
              "links": [{"activity": t, "goal": g.label(),
                         "reason": "generated under %s" % g.label()} for t, g in links]}
        return (stem, "plan", "plan-%s-%s" % (variant, "coded" if coded else "uncoded"), d.text(),
                ["gold: written by corpus/generate from what it drew (plan, layout %s, %s)" % (variant, "coded" if coded else "uncoded")],
                gold, ("%s--%s" % (stem, strategy_stem),
                       ["gold links: each activity to the delmål it was drawn under"], lg))

    def write_table(self, d, theading, chosen, coded, draw_texts, resp_pool, acts, links):
        """An activity table. Draws the header form (a marked header row, a plain first row in bold,
        two-line header cells), the columns (an area column with the goal as written, a code column,
        or group rows spanning the table naming the delmål; responsible, indicator and time columns
        or not) and writes its rows. Returns the variant name for the manifest."""
        rng, h = self.rng, self.p["table_headers"]
        head_form = self.pick(["marked", "marked", "bold_row", "two_line"])
        area_form = self.pick(["area", "area", "code", "group_rows"]) if coded else self.pick(["area", "area", "group_rows"])
        has_resp, has_ind, has_when = rng.random() < 0.8, rng.random() < 0.6, rng.random() < 0.4
        if area_form == "group_rows" and not (has_resp or has_ind or has_when):
            # a group row is told from an activity row by spanning the table: a table of the activity column
            # alone would draw both as one-cell rows, alike in the source (gold and render disagreed); such a
            # table keeps a responsible column (drawn without a further random number: other documents as before)
            has_resp = True
        cols = []
        if area_form == "area":
            cols.append(("area", self.pick(h["area"])))
        elif area_form == "code":
            cols.append(("code", self.pick(["Kod", "Delmål", "Mål", "Nr i strategin"])))
        cols.append(("activity", self.pick(h["activity"])))
        if has_resp:
            cols.append(("responsible", self.pick(h["responsible"])))
        if has_ind:
            cols.append(("indicator", self.pick(h["indicator"])))
        if has_when:
            cols.append(("when", self.pick(h["when"])))
        d.add("# " + theading, "")
        widths = {"area": 25, "code": 10, "activity": 40, "responsible": 15, "indicator": 20, "when": 10}
        d.add("%%table-columns %s" % ",".join(str(widths[k]) for k, _ in cols))
        hints = {"activity": "(vad)", "responsible": "(vem)", "when": "(när)", "indicator": "(hur följs det upp)",
                 "area": "(koppling)", "code": ""}
        if head_form == "marked":
            d.add("|= %s |" % " | ".join(t for _, t in cols))
        elif head_form == "bold_row":
            d.add("| %s |" % " | ".join("**%s**" % t for _, t in cols))
        else:
            d.add("|= %s |" % " | ".join(t + (" // " + hints[k] if hints[k] else "") for k, t in cols))
        for g in chosen:
            fa = g.parent
            texts = draw_texts(fa, rng.randint(1, 3))
            if not texts:
                continue
            area = {"area": self.area_cell(g, coded), "code": g.code,
                    "group_rows": self.goal_text(g) if coded else g.title}[area_form]
            if area_form == "group_rows":
                d.add("| %s |" % " | ".join([C.cell(area)] + [">>"] * (len(cols) - 1)))
            split = area_form == "area" and len(texts) > 1 and rng.random() < 0.3      # two activities in one cell
            rows = [texts] if split else [[t] for t in texts]
            for k, row in enumerate(rows):
                resp = self.pick(resp_pool)
                cells = []
                for key, _ in cols:
                    if key == "area":
                        cells.append(C.cell(area) if k == 0 or rng.random() < 0.5 else "^^")
                    elif key == "code":
                        cells.append(area)
                    elif key == "activity":
                        cells.append(" // ".join(row))
                    elif key == "responsible":
                        cells.append(resp)
                    elif key == "indicator":
                        cells.append(self.pick(self.p["indicators"]))
                    else:
                        cells.append(self.pick(["Vt %d" % self.plan_year, "Ht %d" % self.plan_year, "Löpande",
                                                "Q%d" % rng.randint(1, 4)]))
                d.add("| %s |" % " | ".join(cells))
                for t in row:
                    gold_activity(acts, links, t, area, resp if has_resp else None, g)
        d.blank()
        return "table_%s_%s" % (head_form, area_form)

    def write_coded_lines(self, d, theading, chosen, draw_texts, resp_pool, acts, links):
        """Activities under one heading, each marked with the code of the delmål it serves
        ("A1: Text", "Text (A1)", "1.2 Text" as bullets, numbered items or paragraphs)."""
        rng = self.rng
        mark = self.pick(["prefix_colon", "suffix_paren", "prefix_dash", "prefix_bracket"])
        form = self.pick(["bullet", "numbered", "para"])
        d.add("# " + theading, "")
        d.para(self.pick(["Koden anger vilket delmål i strategin aktiviteten bidrar till.",
                          "Inom parentes anges strategins delmål.", "Aktiviteterna är kopplade till strategins delmål."]))
        for g in chosen:
            for t in draw_texts(g.parent, rng.randint(1, 3)):
                line = {"prefix_colon": "%s: %s" % (g.code, t), "suffix_paren": "%s (%s)" % (t, g.code),
                        "prefix_dash": "%s – %s" % (g.code, t), "prefix_bracket": "[%s] %s" % (g.code, t)}[mark]
                if form == "bullet":
                    d.add("- " + line)
                elif form == "numbered":
                    d.add("1. " + line)
                else:
                    d.para(line)
                gold_activity(acts, links, t, g.code, None, g)
        d.blank()
        return "coded_lines_%s_%s" % (mark, form)

    def area_cell(self, g, coded):
        if not coded:
            return g.title
        return self.pick([g.code, self.goal_text(g), self.goal_text(g)])

    def build(self, n):
        self.draw_strategy()
        sstem = "gen-%d-s%03d-strategi" % (self.seed, self.group)
        out = [self.write_strategy(sstem)]
        for i in range(n - 1):
            out.append(self.write_plan("gen-%d-s%03d-plan%d" % (self.seed, self.group, i + 1), sstem, i))
        return out
