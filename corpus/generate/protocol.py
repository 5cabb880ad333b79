"""Generated meeting protocols: a meeting drawn from the catalogue (body, members, substitutes,
officials, items with decisions, motions, votes, reservations, jäv), written in one drawn house
style (front page, attendance presentation, item headings, decision formulas, signatures, date
and time forms) as a .sdoc source, with its gold written from what was drawn.

Families: kf, ks, namnd, utskott, utdrag (protokollsutdrag), fi (a Finland-Swedish nämnd),
styrelse (an association's board meeting), arsmote (an association's annual meeting).

What the gold says where the model leaves room (documented in docs/eval.md):
- names are kept as written (docs/model.md): a list written surname first gives "Berg Anna" with name_order surname_first;
- an attendee's roles come from what the document says of them (role word, *Utses att justera*),
  plain members have none; a member a substitute serves for is `absent`;
- a Finland-Swedish *Beslut: Förslaget godkändes.* is the proposal's clauses decided (the proposal
  became the decision), with `as_proposed: true` and no separate proposed entry;
- protokollsanteckning and särskilt yttrande are written but not in the gold (not in the model yet).
"""

import common as C

FAMILIES = ["kf", "ks", "namnd", "utskott", "utdrag", "fi", "styrelse", "arsmote"]


class Item:
    def __init__(self, number, title, kind="decision", reference=None):
        self.number, self.title, self.kind, self.reference = number, title, kind, reference
        self.decisions = []      # dicts: status, clauses [(att, sentence)], lead_body, recipients, immediate, style
        self.motions = []        # (kind, [persons])
        self.vote = None         # dict for, against, abstain, members
        self.reservations = []   # ('persons', [p]) | ('group', text)
        self.conflict = None     # (person, substitute or None)
        self.note = None         # person
        self.note_kind = None    # 'note' (protokollsanteckning) or 'statement' (särskilt yttrande), from the heading
        self.propositions = None # the order of propositions as written (the chair's proposition sentence)
        self.presenter = None    # official
        self.text = None         # free sentence (association items without a decision)


class Protocol:
    def __init__(self, rng, cat, family, stem):
        self.rng, self.cat, self.family, self.stem = rng, cat, family, stem
        self.f = cat["formulas"]
        self.finland = family == "fi"
        self.assoc = family in ("styrelse", "arsmote")
        self.people = C.People(rng, cat, finland=self.finland)
        self.doc = C.Sdoc()
        self.style = {}

    # -- drawing ---------------------------------------------------------------------------------

    def pick(self, xs):
        return self.rng.choice(xs)

    def draw_meeting(self):
        rng, cat = self.rng, self.cat
        places = cat["places"]
        if self.assoc:
            a = self.pick(places["associations"])
            self.org, self.body = a["name"], None
            self.body_gen = "Styrelsens" if self.family == "styrelse" else "Årsmötets"
            self.bodyrec = {"name": "Styrelsen", "kind": self.family, "short": "", "domain": []}
            self.place = self.pick(places["association_rooms"])
        else:
            m = self.pick(places["finland_municipalities"] if self.finland else places["municipalities"])
            self.org = m["org"]
            pool = cat["bodies"]["finland" if self.finland else "sweden"]
            kinds = {"kf": "kf", "ks": "ks", "namnd": "namnd", "utskott": "utskott", "fi": "fi",
                     "utdrag": self.pick(["ks", "namnd", "kf"])}
            want = kinds[self.family]
            self.bodyrec = self.pick([b for b in pool if b["kind"] == want])
            self.body = self.bodyrec["name"]
            self.body_gen = self.bodyrec["genitive"]
            room = self.pick(places["rooms"])
            self.place = room if room in ("Teams", "Kommunhuset", "Stadshuset", "Rådhuset") else \
                self.pick(["Kommunhuset, ", "Stadshuset, ", "Kommunkontoret, ", ""]) + room
        self.date = C.draw_date(rng)
        self.start, self.end = C.draw_times(rng, evening=self.family in ("kf", "styrelse", "arsmote", "fi"))
        # parties and members
        if self.assoc:
            self.party_pool = []
        else:
            self.party_pool = cat["parties"]["finland" if self.finland else "sweden"]
        lo, hi = self.bodyrec.get("size", [5, 7])
        n = rng.randint(lo, hi) if not self.assoc else rng.randint(4, 7)
        self.members = [self.people.draw(self.draw_party()) for _ in range(n)]
        self.members[0].roles.append("chair")
        if self.assoc:
            self.members[1].roles.append("secretary")
            self.members[2].title = self.pick(["kassör", "kassör", "vice ordförande"])
            if self.members[2].title == "vice ordförande":
                self.members[2].title = None
                self.members[2].roles.append("vice_chair")
        elif self.finland or n < 7:
            self.members[1].roles.append("vice_chair")
        else:
            self.members[1].roles.append("first_vice_chair")
            self.members[2].roles.append("second_vice_chair")
        lo, hi = self.bodyrec.get("subs", [0, 0])
        self.absent, self.serving, self.subs = [], [], []
        if not self.assoc:
            for m in rng.sample(self.members[3:], min(len(self.members) - 3, rng.randint(0, 2))):
                m.status = "absent"
                self.absent.append(m)
                if rng.random() < 0.75:
                    s = self.people.draw(m.party)
                    s.roles, s.serving, s.substitutes_for = ["serving_substitute"], True, m
                    self.serving.append(s)
            for _ in range(rng.randint(lo, hi) - len(self.serving) if hi > len(self.serving) else 0):
                s = self.people.draw(self.draw_party())
                s.roles, s.serving = ["substitute"], False
                self.subs.append(s)
        else:
            if rng.random() < 0.5:
                m = self.members[-1]
                m.status = "absent"
                self.absent.append(m)
        # adjuster(s)
        cands = [m for m in self.members[1:] if m.status == "present" and "secretary" not in m.roles]
        k = 2 if (self.family in ("kf", "arsmote") or (self.finland and rng.random() < 0.6)) else 1
        self.adjusters = rng.sample(cands, min(k, len(cands)))
        for a in self.adjusters:
            a.roles.append("adjuster")
        # officials
        self.officials = []
        if self.assoc:
            self.secretary = self.members[1]
        else:
            titles = cat["bodies"]["officials_fi" if self.finland else "officials"]
            dom = (self.bodyrec["domain"] or ["general"])[0]
            pool = titles.get(dom) or titles["general"]
            for t in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
                o = self.people.draw(None)
                o.title = t
                self.officials.append(o)
            self.secretary = self.people.draw(None)
            self.secretary.roles = ["secretary"]
            self.secretary_word = self.pick(self.f["role_words"]["secretary"])
        # partial attendance (one member leaves early)
        self.partial = None

    def draw_party(self):
        if not self.party_pool:
            return None
        ws = [p["weight"] for p in self.party_pool]
        return self.rng.choices(self.party_pool, weights=ws)[0]["abbr"]

    def draw_style(self):
        rng, s = self.rng, self.style
        s["case"] = "upper" if self.finland else self.pick(self.cat["parties"]["cases"])
        s["date"] = self.pick(C.date_forms(self.finland))
        s["time"] = self.pick(C.TIME_FORMS)
        s["sub"] = self.pick(["bold", "bold", "h3", "italic"])
        s["decision_first"] = rng.random() < 0.3
        s["surname_first"] = self.finland and rng.random() < 0.8
        if self.assoc:
            s["front"] = self.pick(["labels", "labels", "table"])
            s["att"] = "none" if self.family == "arsmote" and rng.random() < 0.5 else \
                self.pick(["running", "lines", "checkbox"])
            s["head"] = self.pick(["assoc_num", "assoc_num_bold", "assoc_para", "assoc_h"])
            s["dec"] = self.pick(["assoc_body", "assoc_passive", "assoc_sentence"])
            s["sign"] = self.pick(["dotted", "table", "digital"])
        elif self.finland:
            s["front"] = self.pick(["table", "labels"])
            s["att"] = self.pick(["fi_table", "lines", "checkbox", "table_status"])
            s["head"] = self.pick(["fi_h", "fi_bold", "fi_nospace", "fi_h"])
            s["dec"] = "fi"
            s["sign"] = self.pick(["table", "dotted", "esign"])
        elif self.family == "utdrag":
            s["front"] = self.pick(["header_row", "labels", "table"])
            s["att"] = self.pick(["none", "none", "running", "lines"])
            s["head"] = self.pick(["h1", "bold", "dnr_dash", "prefix_above", "paragraf"])
            s["dec"] = self.pick(["single", "att_list", "numbered", "sentences", "lettered"])
            s["sign"] = "extract"
        else:
            s["front"] = self.pick(["labels", "table", "table", "header_row", "columns"])
            if s["front"] == "columns":
                s["att"] = "columns"
            elif s["front"] == "table" and rng.random() < 0.5:
                s["att"] = "front_cells"
            else:
                s["att"] = self.pick(["running", "lines", "table_status", "two_col", "checkbox"])
            s["surname_first"] = s["att"] in ("lines", "table_status") and rng.random() < 0.3
            s["head"] = self.pick(["h1", "bold", "dnr_dash", "prefix_above", "split", "nospace", "paragraf"])
            s["dec"] = self.pick(["single", "att_list", "numbered", "numbered_typed", "sentences", "lettered"])
            s["sign"] = self.pick(["dotted", "table", "digital", "esign"])
        if s["att"] == "checkbox":
            s["surname_first"] = True
            s["box"] = self.pick([("[X]", "[ ]"), ("[x]", "[ ]"), ("☒", "☐")])
        s["party_form"] = "comma" if (s["att"] in ("running", "lines", "front_cells") and not s["surname_first"]
                                      and rng.random() < 0.2) else "paren"
        s["dash"] = self.pick([" — ", " – ", " - "])

    # -- writing helpers ----------------------------------------------------------------------------

    def pw(self, p):
        return C.party_case(p.party, self.style["case"]) if p.party else None

    def ref(self, p, order=None):
        """A person in running text: "Anna Berg (S)"."""
        if p.party:
            return "%s (%s)" % (p.name, self.pw(p))
        return p.name

    def listed(self, p):
        """A person in an attendance list, in the document's name order and party form."""
        sf = self.style["surname_first"]
        name = "%s %s" % (p.last, p.first) if sf else p.name
        if not p.party or self.style["att"] in ("table_status",):
            return name
        if self.style["party_form"] == "comma":
            return "%s, %s" % (name, self.pw(p))
        return "%s (%s)" % (name, self.pw(p))

    def listed_ref(self, p):
        """The member a substitute serves for, in the list's name order."""
        sf = self.style["surname_first"]
        name = "%s %s" % (p.last, p.first) if sf else p.name
        return "%s (%s)" % (name, self.pw(p)) if p.party else name

    def role_words(self, p):
        words = []
        for r in p.roles:
            if r in ("chair", "first_vice_chair", "second_vice_chair", "vice_chair"):
                words.append(self.pick(self.f["role_words"][r]))
            elif r == "secretary":
                words.append(self.secretary_word if not self.assoc else "sekreterare")
        if p.title:
            words.append(p.title)
        return words

    def sub(self, text):
        """A sub-heading inside an item, in the document's style."""
        st = self.style["sub"]
        if st == "bold":
            self.doc.para("**%s**" % text)
        elif st == "italic":
            self.doc.para("*%s*" % text)
        else:
            self.doc.add("### " + text, "")

    def datestr(self, d=None):
        return C.write_date(d or self.date, self.style["date"])

    def timestr(self):
        return C.write_times(self.start, self.end, self.style["time"])

    # -- items -------------------------------------------------------------------------------------

    def slots(self, extra=None):
        rng, items = self.rng, self.cat["items"]
        village = self.pick(items["villages"])
        dom = self.pick(self.bodyrec["domain"] or ["general"])
        topic = self.pick(items["topics"][dom]).replace("{place}", village)
        p = self.pick(self.members)
        s = {"topic": topic, "year": str(self.date.year), "next": str(self.date.year + 1),
             "term": str(2026 if self.date.year < 2027 else 2030),
             "month": self.pick(items["months"]), "place": village,
             "person": p.name, "party": self.pw(p) or "", "person2": self.people.draw(p.party).name,
             "body_lc": (self.body or "styrelsen").lower(),
             "assoc": self.pick([a["name"] for a in self.cat["places"]["associations"]]),
             "amount": "{:,}".format(rng.choice([15, 20, 25, 40, 50, 75, 120, 250]) * 1000).replace(",", " "),
             "adjuster": self.ref(self.adjusters[0]) if self.adjusters else "",
             "adjday": C.write_date(self.adjust_date, "iso"),
             "fee": str(rng.choice([100, 150, 200, 250, 300])),
             "event": self.pick(items["events"]), "asset": self.pick(items["assets"]),
             "eventdate": "%d %s" % (rng.randint(1, 28), self.pick(items["months"]))}
        if extra:
            s.update(extra)
        return s

    def fill(self, t, s):
        out = t
        for _ in range(2):
            for k, v in s.items():
                out = out.replace("{%s}" % k, v)
        return out

    def clause_pair(self, pair, s):
        return (self.fill(pair[0], s), self.fill(pair[1], s))

    def draw_items(self):
        rng, items = self.rng, self.cat["items"]
        self.adjust_date = self.date + __import__("datetime").timedelta(days=rng.randint(2, 8))
        if self.assoc:
            return self.draw_assoc_items()
        n0 = rng.randint(1, 180) if self.family != "utskott" or rng.random() < 0.5 else 1
        out = []
        num = n0
        short = self.bodyrec["short"]

        def newref():
            if self.finland:
                return "%s %d/%d" % (short, rng.randint(10, 400), self.date.year)
            return "%s %d/%s" % (short, self.date.year, str(rng.randint(1, 600)).zfill(rng.choice([1, 3, 4])))

        if self.family == "utdrag":
            plan = ["matter"]
        else:
            k = rng.randint(4, 9) if self.family != "kf" else rng.randint(5, 10)
            plan = ["opening"] + (["opening2"] if rng.random() < 0.4 else []) + \
                ["matter"] * (k - 2) + (["information"] if rng.random() < 0.7 else []) + ["closing"]
            if self.finland:
                plan = ["fi_legal", "fi_adjust"] + plan[1:]
        used = set()
        for what in plan:
            s = self.slots()
            if what in ("opening", "opening2"):
                src = items["opening"][0 if what == "opening" else rng.randint(2, 3)]
                if what == "opening" and rng.random() < 0.4:
                    src = items["opening"][1]
            elif what == "closing":
                src = self.pick(items["closing"])
            elif what == "information":
                src = self.pick(items["information"])
            elif what == "fi_legal":
                src = {"title": self.pick(["Laglighet och beslutförhet", "Sammanträdets laglighet och beslutförhet",
                                           "Mötets laglighet och beslutförhet"]),
                       "clauses": [["konstatera sammanträdet lagligen sammankallat och beslutfört",
                                    "Sammanträdet konstaterades lagligen sammankallat och beslutfört"]]}
            elif what == "fi_adjust":
                src = {"title": self.pick(["Val av protokolljusterare", "Protokolljustering"]),
                       "clauses": [["välja %s till protokolljusterare" % " och ".join(a.name for a in self.adjusters),
                                    "Till protokolljusterare valdes %s" % " och ".join(a.name for a in self.adjusters)]]}
            else:
                for _ in range(20):
                    src = self.pick(items["matters"])
                    if src["title"] not in used:
                        break
                used.add(src["title"])
            title = self.fill(src["title"], s)
            kind = "information" if what == "information" else "decision"
            it = Item(str(num), title[0].upper() + title[1:], kind)
            if what == "matter" or (what in ("closing",) and rng.random() < 0.5):
                it.reference = newref()
            if what == "matter" and rng.random() < 0.35:
                it.presenter = self.pick(self.officials) if self.officials else None
            if kind == "information":
                it.presenter = self.pick(self.officials) if self.officials else None
                if rng.random() < 0.6:
                    it.decisions.append({"status": "decided", "info": True,
                                         "clauses": [(None, self.pick(self.f["information_note"]).replace(
                                             "{body}", self.body).rstrip("."))]})
            else:
                clauses = [self.clause_pair(c, s) for c in src["clauses"]]
                if what == "matter" and self.family in ("ks", "namnd", "utskott", "utdrag") and rng.random() < 0.25 \
                        and self.body != "Kommunfullmäktige":
                    to = self.bodyrec.get("parent") or "Kommunfullmäktige"
                    it.decisions.append({"status": "proposed", "clauses": [c for c in clauses if "omedelbart" not in c[0]],
                                         "to": to})
                else:
                    dec = {"status": "decided", "clauses": clauses}
                    if any("omedelbart" in c[0] for c in clauses):
                        dec["immediate"] = True
                    if what == "matter" and rng.random() < 0.5:
                        dec["recipients"] = self.draw_recipients()
                    it.decisions.append(dec)
                if what == "matter":
                    self.draw_debate(it)
            out.append(it)
            num += 1
        return out

    def draw_recipients(self):
        pool = ["Kommunstyrelsen", "Ekonomiavdelningen", "Förvaltningschefen", "Akten", "Kommunfullmäktige",
                "Socialförvaltningen", "Revisionen", "Berörda enheter", "Löneenheten", "Samtliga nämnder"]
        return self.rng.sample([p for p in pool if p != self.body], self.rng.randint(1, 3))

    def voters(self, it):
        vs = [m for m in self.members if m.status == "present"] + self.serving
        if it.conflict:
            vs = [v for v in vs if v is not it.conflict[0]]
            if it.conflict[1]:
                vs.append(it.conflict[1])
        return vs

    def draw_debate(self, it):
        rng = self.rng
        present = [m for m in self.members if m.status == "present"] + self.serving
        if rng.random() < 0.1 and self.subs:
            # jäv with a substitute serving for this item
            who = self.pick(present[1:])
            it.conflict = (who, self.pick(self.subs) if rng.random() < 0.6 else None)
        elif rng.random() < 0.08:
            it.conflict = (self.pick(present[1:]), None)
        if rng.random() < 0.4 and it.decisions and it.decisions[0]["status"] == "decided" and len(present) > 3:
            chair = self.members[0]
            a = self.pick([p for p in present if p is not chair and (not it.conflict or p is not it.conflict[0])])
            it.motions.append(("approve", [chair if chair.status == "present" else a]))
            opp_party = [p for p in present if p.party and p.party != chair.party and
                         (not it.conflict or p is not it.conflict[0])]
            if opp_party:
                mover = self.pick(opp_party)
                joined = [p for p in opp_party if p is not mover and p.party == mover.party][:rng.randint(0, 1)]
                it.motions.append((self.pick(["reject", "refer"]), [mover] + joined))
                if rng.random() < 0.55:
                    vs = self.voters(it)
                    abstain = rng.choice([0, 0, 1, 2, 3]) if len(vs) > 6 else rng.choice([0, 1])
                    against = rng.randint(1, max(1, (len(vs) - abstain) // 2 - 1))
                    forv = len(vs) - abstain - against
                    it.vote = {"for": forv, "against": against, "abstain": abstain, "voters": vs,
                               "list": rng.random() < 0.4}
                if rng.random() < 0.6:
                    same = [p for p in present if p.party == mover.party]
                    if rng.random() < 0.3 and len(same) > 1 and mover.party:
                        it.reservations.append(("group", mover.party, same))
                    else:
                        it.reservations.append(("persons", [mover] + joined))
        if rng.random() < 0.08:
            it.note = self.pick(present)

    def draw_assoc_items(self):
        rng, items = self.rng, self.cat["items"]
        src = items["association_board" if self.family == "styrelse" else "association_annual"]
        out, num = [], 1
        chair = self.members[0]
        adj = " och ".join(a.name for a in self.adjusters)
        for t in src["opening"]:
            it = Item(str(num), t, "other")
            if t == "Mötets öppnande":
                it.text = "Ordföranden %s förklarade mötet öppnat." % chair.name
            elif t.startswith("Val av justerare") or t.startswith("Val av två justerare"):
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "välja %s att justera protokollet" % adj, "Till justerare valdes %s" % adj)]})
            elif t == "Val av mötesordförande":
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "välja %s till mötesordförande" % chair.name, "Till mötesordförande valdes %s" % chair.name)]})
            elif t == "Val av mötessekreterare":
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "välja %s till mötessekreterare" % self.secretary.name,
                    "Till mötessekreterare valdes %s" % self.secretary.name)]})
            elif t.startswith("Fråga om mötet"):
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "förklara mötet behörigen utlyst", "Mötet förklarades behörigen utlyst")]})
            elif t == "Fastställande av röstlängd":
                it.kind = "decision"
                n = rng.randint(12, 60)
                it.decisions.append({"status": "decided", "clauses": [(
                    "fastställa röstlängden till %d närvarande medlemmar" % n,
                    "Röstlängden fastställdes till %d närvarande medlemmar" % n)]})
            elif t in ("Godkännande av dagordning", "Fastställande av dagordning"):
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "godkänna dagordningen", "Dagordningen godkändes")]})
            elif t == "Föregående mötesprotokoll":
                it.kind = "decision"
                it.decisions.append({"status": "decided", "clauses": [(
                    "lägga föregående mötesprotokoll till handlingarna",
                    "Föregående mötesprotokoll lades till handlingarna")]})
            out.append(it)
            num += 1
        k = rng.randint(2, 4) if self.family == "styrelse" else rng.randint(4, len(src["matters"]))
        ms = rng.sample(src["matters"], k) if self.family == "styrelse" else src["matters"][:k]
        for m in ms:
            s = self.slots({"person": self.pick(self.members).name, "person2": self.people.draw().name})
            it = Item(str(num), self.fill(m["title"], s), "decision")
            it.decisions.append({"status": "decided", "clauses": [self.clause_pair(c, s) for c in m["clauses"]]})
            out.append(it)
            num += 1
        for t in src["closing"]:
            it = Item(str(num), t, "other")
            if t == "Övriga frågor":
                it.text = self.pick(["Inga övriga frågor togs upp.", "Inga övriga frågor fanns."])
            elif t == "Nästa möte":
                it.text = "Nästa möte hålls den %d %s kl. 18.00." % (rng.randint(1, 28), self.pick(self.cat["items"]["months"]))
            else:
                it.text = "Ordföranden tackade för visat intresse och förklarade mötet avslutat."
            out.append(it)
            num += 1
        return out

    # -- writing: front page --------------------------------------------------------------------

    def write_front(self):
        d, s, f = self.doc, self.style, self.f
        lab = f["front_labels"]
        title = self.pick(["Sammanträdesprotokoll", "Protokoll", "SAMMANTRÄDESPROTOKOLL"])
        page = self.pick(["Sida {page} ({pages})", "Sida {page} av {pages}", "{page} ({pages})", "{page}"])
        if self.assoc:
            kind = "styrelsemöte" if self.family == "styrelse" else "årsmöte"
            d.add("%%header %s | Protokoll %s | %s" % (self.org, kind, page), "%footer  |  | ", "")
            d.add("#! " + self.pick(["Protokoll fört vid %s för %s" % (kind, self.org),
                                      "Protokoll %s %s" % (kind, self.org),
                                      "Protokoll från %s" % kind]), "")
        elif self.family == "utdrag":
            d.add("%%header %s | %s | %s" % (self.org, self.pick(["Protokollsutdrag", "Utdrag ur protokoll", "PROTOKOLLSUTDRAG"]), page),
                  "%footer Justerandes signatur | Utdragsbestyrkande | ", "")
            d.add("#! " + self.pick(["Protokollsutdrag", "Utdrag ur protokoll"]), "")
        else:
            d.add("%%header %s | %s | %s" % (self.org, title, page),
                  "%%footer %s" % self.pick(["Justerandes signatur | Utdragsbestyrkande | ", "Ordförande | Justerare | ",
                                             " | %s | " % self.org, ""]), "")
            if self.rng.random() < 0.5:
                d.add("#! " + self.body, "")
                d.add("%subtitle " + self.pick([title.capitalize(), self.org, "%s %s" % (title.capitalize(), self.datestr())]), "")
            else:
                d.add("#! " + title.capitalize(), "")
                d.add("## " + self.body, "")
        date, times = self.datestr(), self.timestr()
        front = s["front"]
        rows = []     # (label, value) for labels/table
        if self.family == "utdrag":
            it = self.items[0]
            if front == "header_row":
                d.add("|= Sammanträde | Datum | Paragraf |", "| %s | %s | § %s |" % (self.body, date, it.number), "")
            else:
                rows += [("Organ", self.body), (self.pick(lab["date"]), date), ("Paragraf", "§ %s" % it.number)]
        elif front == "header_row":
            d.add("|= %s | %s | %s |" % (self.pick(lab["date"]), self.pick(lab["time"]), self.pick(lab["place"])),
                  "| %s | %s | %s |" % (date, times, C.cell(self.place)), "")
        elif self.rng.random() < 0.5:
            rows.append((self.pick(lab["place_time"]), "%s, %s %s" % (self.place, date, times)))
        else:
            rows += [(self.pick(lab["date"]), date), (self.pick(lab["time"]), times), (self.pick(lab["place"]), self.place)]
        if front == "table" and self.style["att"] == "front_cells":
            rows += self.front_cells()
        if not self.assoc and self.family != "utdrag":
            rows.append((self.pick(lab["adjusters"]), " och ".join(self.ref(a) for a in self.adjusters)))
            rows.append((self.pick(lab["adjust_time"]), "%s, %s" % (self.pick(["Kommunhuset", "Kommunkontoret", "Digital justering"]),
                                                                   self.datestr(self.adjust_date))))
            if self.rng.random() < 0.6:
                rows.append((self.pick(lab["items"]), "§§ %s–%s" % (self.items[0].number, self.items[-1].number)))
        if front in ("labels", "header_row", "columns") or (front == "header_row"):
            for k, v in rows:
                d.para("%s: %s" % (k, v) if self.rng.random() < 0.7 else "**%s:** %s" % (k, v))
        elif rows:
            d.add("%table-columns 30,70")
            for k, v in rows:
                d.add("| %s | %s |" % (k, C.cell(v)))
            d.blank()

    # -- writing: attendance --------------------------------------------------------------------

    def present_members(self):
        return [m for m in self.members if m.status == "present"]

    def person_line(self, p, with_roles=True):
        words = self.role_words(p) if with_roles else []
        if p.serving:
            words.append(self.pick(self.f["serving_for"]).replace("{x}", self.listed_ref(p.substitutes_for)))
        if p.items:
            words.append("§§ %s–%s" % p.items)
        return ", ".join([self.listed(p)] + words)

    def front_cells(self):
        lab = self.f["front_labels"]
        rows = [(self.pick(lab["deciding"]), " // ".join(self.person_line(p) for p in self.present_members() + self.serving))]
        if self.subs:
            rows.append((self.pick(["Ersättare", "Ej tjänstgörande ersättare"]), " // ".join(self.listed(p) for p in self.subs)))
        if self.absent:
            rows.append((self.pick(lab["absent"]), " // ".join(self.listed(p) for p in self.absent)))
        rows.append((self.pick(lab["others"]), " // ".join(self.person_line(p) for p in self.officials + [self.secretary])))
        return rows

    def write_attendance(self):
        d, s, f = self.doc, self.style, self.f
        lab = f["front_labels"]
        att = s["att"]
        self.attendance_listed = att != "none"
        if att in ("front_cells",):
            return
        if att == "none":
            if self.family == "arsmote":
                d.para("Närvarande: %d medlemmar enligt bifogad röstlängd." % self.rng.randint(12, 60))
                self.attendance_listed = False
            return
        others = self.officials + ([self.secretary] if not self.assoc else [])
        deciding = self.present_members() + self.serving
        d.add("%spacer")
        head = self.pick(["Närvarolista", "Närvarande", "Deltagare"]) if self.rng.random() < 0.5 else None
        if head and att != "columns":
            d.add("## " + head, "")
        if att == "running":
            d.para("%s: %s" % (self.pick(lab["deciding"]) if not self.assoc else "Närvarande",
                               ", ".join(self.person_line(p) for p in deciding)))
            if self.subs:
                d.para("%s: %s" % (self.pick(["Ersättare", "Ej tjänstgörande ersättare", "Närvarande ersättare"]),
                                   ", ".join(self.listed(p) for p in self.subs)))
            if self.absent:
                d.para("%s: %s" % (self.pick(lab["absent"]), ", ".join(self.listed(p) for p in self.absent)))
            if others:
                d.para("%s: %s" % (self.pick(lab["others"]), ", ".join(self.person_line(p) for p in others)))
        elif att in ("lines", "columns"):
            if att == "columns":
                d.add("%columns 2")
            d.para("**%s**" % (self.pick(lab["deciding"]) if not self.assoc else "Närvarande"))
            for p in deciding:
                d.para(self.person_line(p))
            if self.subs:
                d.para("**%s**" % self.pick(["Ersättare", "Ej tjänstgörande ersättare"]))
                for p in self.subs:
                    d.para(self.listed(p))
            if others:
                d.para("**%s**" % self.pick(lab["others"]))
                for p in others:
                    d.para(self.person_line(p))
            if self.absent:
                d.para("**%s**" % self.pick(lab["absent"]))
                for p in self.absent:
                    d.para(self.listed(p))
            if att == "columns":
                d.add("%columns 1", "")
        elif att == "table_status":
            st = f["status_words"]
            d.add("%table-columns 35,10,25,30", "|= Namn | Parti | Roll | Närvaro |")
            partial = None
            if len(self.items) > 3 and self.rng.random() < 0.4:
                cands = [m for m in self.present_members() if not m.roles]
                if cands:
                    partial = self.pick(cands)
                    partial.items = (self.items[0].number, self.items[-2].number)
            for m in self.members:
                role = ", ".join(self.role_words(m) if m.roles else [])
                if m.status == "absent":
                    status = self.pick(st["absent"])
                elif m is partial:
                    status = self.pick(st["partial"]).replace("{a}", m.items[0]).replace("{b}", m.items[1])
                else:
                    status = self.pick(st["present"])
                d.add("| %s | %s | %s | %s |" % (self.listed(m), self.pw(m) or "", role.capitalize(), status))
            for p in self.serving:
                d.add("| %s | %s | Ersättare | %s |" % (self.listed(p), self.pw(p) or "",
                                                       self.pick(f["serving_for_table"]).replace("{x}", self.listed_ref(p.substitutes_for))))
            for p in self.subs:
                d.add("| %s | %s | Ersättare | %s |" % (self.listed(p), self.pw(p) or "", self.pick(st["substitute_present"])))
            for p in others:
                d.add("| %s |  | %s | Närvarande |" % (self.listed(p), ", ".join(self.role_words(p)).capitalize()))
            d.blank()
        elif att == "two_col":
            left = [self.person_line(p) for p in self.present_members()]
            right = [self.person_line(p) for p in self.serving] + [self.listed(p) for p in self.subs]
            d.add("|= Ledamöter | Ersättare |")
            for i in range(max(len(left), len(right))):
                d.add("| %s | %s |" % (left[i] if i < len(left) else "", right[i] if i < len(right) else ""))
            d.blank()
            if self.absent:
                d.para("%s: %s" % (self.pick(lab["absent"]), ", ".join(self.listed(p) for p in self.absent)))
            if others:
                d.para("%s: %s" % (self.pick(lab["others"]), "; ".join(self.person_line(p) for p in others)))
        elif att == "checkbox":
            yes, no = s["box"]
            remote = set(self.rng.sample(deciding, min(len(deciding), self.rng.randint(0, 2))))
            d.para("**%s**" % self.pick(["Ledamöter", "Beslutande", "Styrelseledamöter" if self.assoc else "Ordinarie ledamöter"]))
            for m in self.members:
                line = self.person_line(m) if m.status == "present" else self.listed(m)
                if m in remote:
                    line += ", " + self.pick(f["remote"])
                d.para("%s %s" % (yes if m.status == "present" else no, line))
            if self.serving or self.subs:
                d.para("**Ersättare**")
                for p in self.serving:
                    d.para("%s %s" % (yes, self.person_line(p)))
                for p in self.subs:
                    d.para("%s %s" % (yes, self.listed(p)))
            if others:
                d.para("**%s**" % self.pick(["Övriga", "Övriga närvarande", "Tjänstepersoner"]))
                for p in others:
                    d.para("%s %s" % (yes, self.person_line(p)))
        elif att == "fi_table":
            rows = [("Närvarande", [self.person_line(p) for p in self.present_members()])]
            if self.serving:
                rows.append(("Ersättare", [self.person_line(p) for p in self.serving]))
            if self.subs:
                rows.append(("Övriga ersättare", [self.listed(p) for p in self.subs]))
            rows.append(("Övriga närvarande", [self.person_line(p) for p in others]))
            if self.absent:
                rows.append(("Frånvarande", [self.listed(p) for p in self.absent]))
            d.add("%table-columns 25,75")
            for k, v in rows:
                d.add("| %s | %s |" % (k, " // ".join(C.cell(x) for x in v)))
            d.blank()
        if self.assoc and self.adjusters:
            d.para("%s: %s" % (self.pick(["Justerare", "Justerare"]), " och ".join(a.name for a in self.adjusters)))
        if self.finland and self.rng.random() < 0.5:
            d.para("%s: %s" % (self.pick(["Protokolljusterare", "Justerare"]), ", ".join(a.name for a in self.adjusters)))

    # -- writing: items --------------------------------------------------------------------------

    def write_item_head(self, it):
        d, h = self.doc, self.style["head"]
        n, t, r = it.number, it.title, it.reference
        dnr = ("Dnr " + r) if r else None
        if h == "h1":
            d.add("# § %s %s" % (n, t), "")
        elif h == "bold":
            d.para("**§ %s %s**" % (n, t))
        elif h == "nospace":
            d.para("**§%s %s**" % (n, t))
        elif h == "dnr_dash":
            if r:
                d.add("# § %s %s%s%s" % (n, dnr, self.style["dash"], t), "")
                dnr = None
            else:
                d.add("# § %s %s" % (n, t), "")
        elif h == "prefix_above":
            d.para("**%s § %s**" % (self.bodyrec["short"], n))
            d.add("## " + t, "")
        elif h == "split":
            d.para("**§ %s**" % n)
            d.add("## " + t, "")
        elif h == "paragraf":
            d.add("## Paragraf %s" % n, "")
            d.para("**%s**" % t)
        elif h == "fi_h":
            d.add("# %s § %s" % (n, t), "")
        elif h == "fi_bold":
            d.para("**%s § %s**" % (n, t))
        elif h == "fi_nospace":
            d.add("# %s§ %s" % (n, t), "")
        elif h == "assoc_num":
            d.para("%s. %s" % (n, t))
        elif h == "assoc_num_bold":
            d.para("**%s. %s**" % (n, t))
        elif h == "assoc_para":
            d.para("**§ %s %s**" % (n, t))
        elif h == "assoc_h":
            d.add("## § %s %s" % (n, t), "")
        if dnr:
            d.para(self.pick([dnr, "Diarienummer: %s" % r, dnr]) if not self.finland else self.pick([dnr, "Dnr: %s" % r]))

    def lead_body(self, short=False):
        if short:
            return self.f["short_body"].get(self.bodyrec["kind"], self.body)
        return self.body

    def write_clauses(self, dec, lead_fmt, body_word, style):
        """Writes the lead and clauses of a decision or proposal in the drawn style; returns the
        body as the lead names it (None when there is no lead)."""
        d = self.doc
        atts = [c[0] for c in dec["clauses"]]
        sents = [c[1] for c in dec["clauses"]]
        if dec.get("info") and sents[0].startswith(self.body + " "):
            # "Nämnden tackar för informationen.": a lead naming the body and its point (P-DEC-INFO, as the
            # corpus gold and docs/model.md write it: the clause without the body)
            d.para(sents[0] + ".")
            dec["gold_clauses"] = [sents[0][len(self.body) + 1:]]
            return self.body
        if style == "sentences" or dec.get("info"):
            for x in sents:
                d.para(x + ".")
            dec["gold_clauses"] = sents
            return None
        dec["gold_clauses"] = atts
        if style == "single":
            if len(atts) == 1:
                body = atts[0]
            else:
                body = ", att ".join(atts[:-1]) + self.pick([" samt att ", " och att ", ", att "]) + atts[-1]
            d.para(lead_fmt["single"].replace("{c}", body))
            return body_word
        if style == "att_list":
            d.para(lead_fmt["list_att"])
            for i, a in enumerate(atts):
                d.para("att %s%s" % (a, "." if i == len(atts) - 1 else ","))
            return body_word
        if style in ("numbered", "numbered_typed", "lettered"):
            d.para(lead_fmt["list_numbered"])
            for i, a in enumerate(atts):
                if style == "numbered":
                    d.add("1. %s" % (a[0].upper() + a[1:] if self.rng.random() < 0.5 else a))
                elif style == "numbered_typed":
                    d.add("\\%d. %s" % (i + 1, a))
                else:
                    d.add("\\%s) %s" % ("abcdefgh"[i], a))
                d.blank()
            return body_word
        raise ValueError(style)

    def write_decision(self, it, dec):
        d, f = self.doc, self.f
        style = self.style["dec"]
        if dec["status"] == "proposed":
            to_lc = dec["to"][0].lower() + dec["to"][1:]
            atts = [c[0] for c in dec["clauses"]]
            if len(atts) == 1 or style == "single":
                body = atts[0] if len(atts) == 1 else ", att ".join(atts[:-1]) + " samt att " + atts[-1]
                d.para(self.pick(f["proposed_lead"]).replace("{body}", self.body).replace("{to_lc}", to_lc).replace("{c}", body))
            else:
                d.para(self.pick(f["proposed_list_lead"]).replace("{body}", self.body).replace("{to_lc}", to_lc) + ":")
                for i, a in enumerate(atts):
                    d.add("\\%d. %s" % (i + 1, a) if style != "numbered" else "1. %s" % a, "")
            dec["gold_clauses"] = atts
            return
        short = self.rng.random() < 0.3 and self.bodyrec["kind"] in self.f["short_body"]
        bw = self.lead_body(short)
        leads = {"single": self.pick(f["decided_lead"]["single"]).replace("{body}", bw).replace("{short}", bw),
                 "list_att": self.pick(f["decided_lead"]["list_att"]).replace("{body}", bw),
                 "list_numbered": self.pick(f["decided_lead"]["list_numbered"]).replace("{body}", bw)}
        dec["lead_body"] = self.write_clauses(dec, leads, bw, style)

    def write_item(self, it):
        d, f, rng = self.doc, self.f, self.rng
        self.write_item_head(it)
        if it.presenter:
            fm = self.pick(f["presenter"])
            d.para(fm.replace("{name}", it.presenter.name).replace("{title}", it.presenter.title)
                   .replace("{title_cap}", it.presenter.title[0].upper() + it.presenter.title[1:]))
        if it.text:
            d.para(it.text)
        if self.style["dec"] == "fi":
            return self.write_item_fi(it)
        if self.assoc:
            return self.write_item_assoc(it)
        if it.conflict:
            self.write_conflict(it)
        background = rng.random() < 0.7 or it.kind == "information"
        first = self.style["decision_first"]
        if background and not first:
            self.write_background(it)
        for dec in it.decisions:
            if dec["status"] == "proposed" or rng.random() < 0.8:
                self.sub(self.pick(f["proposal_heading"]) if dec["status"] == "proposed" and rng.random() < 0.5
                         else self.pick(f["decision_heading"]).replace("{gen}", self.body_gen))
            self.write_decision(it, dec)
        if background and first:
            self.write_background(it)
        self.write_debate(it)
        for dec in it.decisions:
            if dec.get("recipients"):
                if rng.random() < 0.3:
                    d.para("%s: %s" % (self.pick(["Beslutet skickas till", "Expedieras till"]), ", ".join(dec["recipients"])))
                else:
                    self.sub(self.pick(f["recipients_heading"]))
                    for r in dec["recipients"]:
                        d.para(r)

    def write_background(self, it):
        f, d = self.f, self.doc
        self.sub(self.pick(f["background_heading"]))
        off = it.presenter or (self.officials[0] if self.officials else None)
        t = self.pick(f["background"])
        if off:
            t = t.replace("{official_cap}", off.title[0].upper() + off.title[1:] + " " + off.name)
        else:
            t = t.replace("{official_cap}", "Förvaltningen")
        d.para(t)
        if self.rng.random() < 0.4:
            self.sub(self.pick(f["basis_heading"]))
            for b in self.rng.sample(f["basis"], 2):
                d.add("- " + b.replace("{date_iso}", (self.date - __import__("datetime").timedelta(days=14)).isoformat()))
            d.blank()

    def write_conflict(self, it):
        who, subp = it.conflict
        fm = self.pick(self.f["conflict"]["with_sub" if subp else "without"])
        self.doc.para(fm.replace("{by}", self.ref(who)).replace("{sub}", self.ref(subp) if subp else "")
                      .replace("{pron}", who.pron()))

    def join_names(self, ps):
        refs = [self.ref(p) for p in ps]
        return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " och " + refs[-1]

    def write_debate(self, it):
        d, f, rng = self.doc, self.f, self.rng
        if it.motions:
            self.sub(self.pick(f["motion_heading"]))
            for kind, ps in it.motions:
                if len(ps) > 1:
                    by = "%s, med instämmande av %s," % (self.ref(ps[0]), self.join_names(ps[1:]))
                else:
                    by = self.ref(ps[0])
                d.para(self.pick(f["motion"][kind]).replace("{by}", by))
            self.sub(self.pick(f["vote_heading"]))
            mover = it.motions[-1][1][0]
            if it.vote:
                it.propositions = self.pick(f["propositions"]).replace("{body_lc}", self.body.lower())
                d.para(it.propositions + " " + self.pick(f["vote_request"]))
                d.para(self.pick(f["vote_order"]).replace("{mover}", mover.name))
                v = it.vote
                if v["abstain"]:
                    fm = self.pick(f["vote_result"]["abstain"])
                    aw = f["abstain_words"].get(v["abstain"], "%d ledamöter avstår" % v["abstain"])
                else:
                    fm, aw = self.pick(f["vote_result"]["plain"]), ""
                d.para(fm.replace("{for}", str(v["for"])).replace("{against}", str(v["against"]))
                       .replace("{abstain}", str(v["abstain"])).replace("{abstain_words}", aw)
                       .replace("{body_lc}", self.body.lower()))
                if v["list"]:
                    self.write_vote_list(it)
            else:
                it.propositions = self.pick(f["propositions"]).replace("{body_lc}", self.body.lower())
                d.para(it.propositions)
        for r in it.reservations:
            self.sub(self.pick(f["reservation_heading"]))
            if r[0] == "group":
                pname = [p["name"] for p in self.party_pool if p["abbr"] == r[1]][0]
                gen = pname if pname.endswith("s") else pname + "s"
                fm = self.pick(f["party_group"])
                grp = fm.replace("{party_gen}", gen).replace("{party_name}", pname)
                if "ledamot" in grp and "ledamöter" not in grp and len(r[2]) > 1:
                    grp = grp.replace("ledamot", "ledamöter")
                r_text = self.pick(f["reservation"]["group"]).replace("{group}", grp)
                it.reservations[it.reservations.index(r)] = ("group", r[1], r[2], grp)
                d.para(r_text)
            else:
                d.para(self.pick(f["reservation"]["persons"]).replace("{by}", self.join_names(r[1]))
                       .replace("{n}", str(rng.randint(1, 3))))
        if it.note:
            head = self.pick(f["note_heading"])
            it.note_kind = "statement" if head.lower().startswith("särskil") else "note"
            self.sub(head)
            d.para(self.pick(f[it.note_kind]).replace("{by}", self.ref(it.note)).replace("{n}", str(rng.randint(1, 3))))

    def write_vote_list(self, it):
        d, f, rng, v = self.doc, self.f, self.rng, self.vote_marks(it)
        cols = self.pick(f["vote_list_columns"])
        mark = self.pick(f["vote_mark"])
        d.para("**%s**" % self.pick(f["vote_list_caption"]))
        d.add("%table-columns 35,30,10,10,15", "|= %s |" % " | ".join(cols))
        for p, how in v:
            if cols[1] == "Parti":
                first, second = p.name, self.pw(p) or ""
            elif p.serving or (it.conflict and p is it.conflict[1]):
                replaced = p.substitutes_for if p.serving else it.conflict[0]
                first, second = self.ref(replaced), self.ref(p)
            else:
                first, second = self.ref(p), ""
            marks = [mark if how == k else "" for k in ("yes", "no", "abstain")]
            d.add("| %s | %s | %s | %s | %s |" % (first, second, *marks))
        vote = it.vote
        d.add("| %s |  | %d | %d | %d |" % (self.pick(f["vote_sum"]), vote["for"], vote["against"], vote["abstain"]))
        d.blank()

    def vote_marks(self, it):
        if "marks" in it.vote:
            return it.vote["marks"]
        vs = list(it.vote["voters"])
        self.rng.shuffle(vs)
        v = it.vote
        hows = ["yes"] * v["for"] + ["no"] * v["against"] + ["abstain"] * v["abstain"]
        # keep the meeting's order of members in the list
        order = {id(p): i for i, p in enumerate(it.vote["voters"])}
        pairs = sorted(zip(vs, hows), key=lambda x: order[id(x[0])])
        it.vote["marks"] = pairs
        return pairs

    def write_item_fi(self, it):
        d, rng = self.doc, self.rng
        if it.conflict:
            who = it.conflict[0]
            d.para(self.pick(["%s anmälde jäv och avlägsnade sig från sammanträdet under behandlingen av ärendet." % self.ref(who),
                              "%s var jävig och deltog inte i behandlingen av ärendet." % self.ref(who)]))
            it.conflict = (who, None)
        if it.kind == "information":
            d.para("Beredning: " + self.pick(["Förvaltningen informerar om läget.", "Information ges på mötet."]))
            if it.decisions:
                dec, sent = it.decisions[0], it.decisions[0]["clauses"][0][1]
                d.para("Beslut: " + sent + ".")
                dec["gold_clauses"] = [sent]
                if sent.startswith(self.body + " "):
                    # "Nämnden tackar för informationen.": the lead names the body, the clause is its point
                    # (P-DEC-INFO, as write_clauses writes it for the other families)
                    dec["gold_clauses"] = [sent[len(self.body) + 1:]]
                    dec["lead_body"] = self.body
            return
        dec = it.decisions[0]
        if dec["status"] == "proposed":
            dec["status"] = "decided"   # a Finland-Swedish nämnd decides for its own part here
            dec.pop("to", None)
        atts = [c[0] for c in dec["clauses"]]
        prop_title = self.pick(["Förslag", "Föredragandens förslag", "Beslutsförslag"])
        title = it.presenter.title if it.presenter else (self.officials[0].title if self.officials else "förvaltningen")
        d.para("Beredning: %s" % self.pick(["Ärendet har beretts av förvaltningen.", "Ärendet bereds av %s." % title]))
        if len(atts) == 1:
            d.para("%s: %s beslutar att %s." % (prop_title, self.body, atts[0]))
        else:
            d.para("%s: %s beslutar att" % (prop_title, self.body))
            for a in atts:
                d.add("- " + a)
            d.blank()
        if it.motions:
            kind, ps = it.motions[-1]
            if it.vote:
                second = self.pick([p for p in self.present_members() if p is not ps[0]])
                d.para("Under diskussionen föreslog %s, understödd av %s, att ärendet återremitteras." %
                       (self.ref(ps[0]), self.ref(second)))
                it.motions = [("refer", [ps[0], second])]
            else:
                d.para("Under diskussionen föreslog %s att ärendet återremitteras." % self.ref(ps[0]))
                it.motions = [("refer", [ps[0]])]
            if it.vote:
                v = it.vote
                it.propositions = ("Eftersom det fanns två förslag verkställdes omröstning. Den som understöder föredragandens "
                                   "förslag röstar ja, den som understöder återremiss röstar nej.")
                d.para(it.propositions)
                if v["abstain"]:
                    d.para("Omröstningsresultat: %d ja-röster, %d nej-röster och %d blanka (avstår)." % (v["for"], v["against"], v["abstain"]))
                else:
                    d.para("Omröstningsresultat: %d ja-röster och %d nej-röster." % (v["for"], v["against"]))
            else:
                d.para("Ordföranden konstaterade att förslaget om återremiss inte understöddes.")
        decided = self.pick(["Förslaget godkändes.", "Nämnden godkände förslaget.", "Enligt förslaget."])
        d.para("Beslut: %s" % decided if not it.vote else "Beslut: Nämnden beslöt med rösterna %d–%d att godkänna förslaget." % (it.vote["for"], it.vote["against"]))
        dec["gold_clauses"] = atts
        dec["as_proposed"] = True   # the decision adopts the proposal by reference (docs/model.md, "Adopted proposals")
        it.reservations = [r for r in it.reservations if r[0] == "persons"]
        for r in it.reservations:
            d.para("%s anmälde avvikande mening." % self.join_names(r[1]))
        if dec.get("recipients"):
            d.para("Delges: %s" % ", ".join(dec["recipients"]))

    def write_item_assoc(self, it):
        d, style = self.doc, self.style["dec"]
        for dec in it.decisions:
            sents = [c[1] for c in dec["clauses"]]
            atts = [c[0] for c in dec["clauses"]]
            if sents[0].startswith(("Till ", "Mötet förklarades", "Röstlängden", "Dagordningen", "Föregående")) or style == "assoc_sentence":
                for x in sents:
                    d.para(x + ".")
                dec["lead_body"] = None
                dec["gold_clauses"] = sents
                continue
            dec["gold_clauses"] = atts
            if style == "assoc_body":
                who = "Styrelsen" if self.family == "styrelse" else "Årsmötet"
                body = atts[0] if len(atts) == 1 else ", att ".join(atts[:-1]) + " samt att " + atts[-1]
                d.para("%s beslutade att %s." % (who, body))
                dec["lead_body"] = who
            else:
                body = atts[0] if len(atts) == 1 else ", att ".join(atts[:-1]) + " samt att " + atts[-1]
                d.para("%s att %s." % (self.pick(["Beslutades", "Mötet beslutade", "Det beslutades"]), body))
                dec["lead_body"] = None

    # -- writing: signatures -------------------------------------------------------------------

    def signers(self):
        """(person, role code, role word) of the protocol's signers."""
        chair = self.members[0]
        out = [(self.secretary, "secretary", "sekreterare" if not self.assoc else self.pick(["sekreterare", "mötessekreterare"])),
               (chair, "chair", "ordförande" if self.family != "arsmote" else self.pick(["mötesordförande", "ordförande"]))]
        for a in self.adjusters:
            out.append((a, "adjuster", self.pick(["justerare", "justerande"])))
        return out

    def write_signatures(self):
        d, s, f, rng = self.doc, self.style["sign"], self.f, self.rng
        signers = self.signers()
        self.sign_times = {}
        dotted = self.pick(f["dotted"])
        if s == "extract":
            chair = signers[1][0]
            adjs = [x[0] for x in signers[2:]]
            d.para("Protokollet justerat %s av %s, ordförande, och %s, justerare." %
                   (C.write_date(self.adjust_date, "iso"), chair.name, " och ".join(a.name for a in adjs)))
            d.para("Rätt utdraget intygar")
            d.para(dotted)
            d.para("%s, %s" % (self.secretary.name, self.secretary_word))
            self.signed = [signers[0], signers[1]] + [(a, "adjuster", "justerare") for a in adjs]
            return
        self.signed = signers
        if s == "dotted":
            d.para("**%s**" % self.pick(f["sign_intro_paper"]))
            d.para(self.pick(f["sign_secretary_label"]))
            d.para(dotted)
            d.para("%s, %s" % (signers[0][0].name, signers[0][2]) if rng.random() < 0.5 else signers[0][0].name)
            d.para(self.pick(["Justeras", "Justeras", "Ordförande och justerare"]))
            for p, code, word in signers[1:]:
                d.para(dotted)
                d.para("%s, %s" % (p.name, word))
        elif s == "table":
            labels = [w.capitalize() for _, _, w in signers]
            d.add("|= %s |" % " | ".join(labels))
            d.add("| %s |" % " | ".join([dotted] * len(signers)))
            d.add("| %s |" % " | ".join(p.name for p, _, _ in signers))
            d.blank()
        elif s in ("digital", "esign"):
            base = self.adjust_date
            for p, code, word in signers:
                h, m = rng.randint(8, 17), rng.randint(0, 59)
                sec = rng.randint(0, 59)
                if s == "digital":
                    self.sign_times[p.name] = "%sT%02d:%02d" % (base.isoformat(), h, m)
                    d.para("Signerat av: %s, %s Datum: %s %02d:%02d" % (p.name, word, base.isoformat(), h, m))
                else:
                    self.sign_times[p.name] = "%sT%02d:%02d:%02d+%s" % (base.isoformat(), h, m, sec,
                                                                     "02:00" if 4 <= base.month <= 10 else "01:00")
            if s == "esign":
                d.add("%pagebreak")
                d.para("**UNDERSKRIFTER**")
                d.para(self.pick(f["sign_electronic_intro"]))
                for p, code, word in signers:
                    t = self.sign_times[p.name]
                    org = self.body or self.org
                    d.add("**NAMN:** %s" % p.name, "**TITEL, ORGANISATION:** %s, %s" % (word, org),
                          "**TID:** %s %s %s" % (t[:10], t[11:19], t[19:].replace("+", "+")), "")

    # -- gold ----------------------------------------------------------------------------------------

    def gold_person(self, p):
        # the model keeps a name as written (docs/model.md name_order, P-NAME-SURNAME-FIRST): a list written
        # surname first gives "Berg Anna" with name_order surname_first
        sf = self.style["surname_first"]
        g = {"name": "%s %s" % (p.last, p.first) if sf else p.name}
        if sf:
            g["name_order"] = "surname_first"
        if p.party:
            g["party"] = C.gold_party(p.party)
        if p.roles:
            g["roles"] = list(dict.fromkeys(p.roles))
        g["status"] = p.status
        if p.serving is not None:
            g["serving"] = p.serving
        if p.substitutes_for:
            q = p.substitutes_for
            g["substitutes_for"] = "%s %s" % (q.last, q.first) if sf else q.name
        if p.title:
            g["title"] = p.title
        return g

    def gold(self):
        g = {}
        meet = {}
        if self.body:
            meet["body"] = self.body
        meet["date"] = self.date.isoformat()
        if self.family != "utdrag" or self.style["front"] == "never":
            meet["start"] = C.iso_time(self.start)
            meet["end"] = C.iso_time(self.end)
            meet["place"] = self.place
        g["meeting"] = meet
        g["agenda"] = []
        g["decisions"] = []
        g["votes"] = []
        for it in self.items:
            a = {"number": it.number, "title": it.title, "kind": it.kind}
            if it.reference:
                a["reference"] = it.reference
            g["agenda"].append(a)
            for dec in it.decisions:
                e = {"item": it.number}
                if dec["status"] == "decided" and dec.get("lead_body"):
                    e["body"] = dec["lead_body"]
                e["status"] = dec["status"]
                e["clauses"] = dec["gold_clauses"]
                if dec.get("as_proposed"):
                    e["as_proposed"] = True
                if dec.get("recipients"):
                    e["recipients"] = dec["recipients"]
                if dec.get("immediate"):
                    e["immediate_adjustment"] = True
                g["decisions"].append(e)
            for kind, ps in it.motions:
                g["votes"].append({"kind": "motion", "item": it.number, "by": [self.gold_ref(p) for p in ps]})
            if it.vote:
                v = {"kind": "vote", "item": it.number, "for": it.vote["for"], "against": it.vote["against"]}
                if it.vote["abstain"]:
                    v["abstain"] = it.vote["abstain"]
                if it.vote["list"] and "marks" in it.vote:
                    v["members"] = [dict(self.gold_ref(p), vote=how) for p, how in it.vote["marks"]]
                g["votes"].append(v)
            for r in it.reservations:
                if r[0] == "group":
                    g["votes"].append({"kind": "reservation", "item": it.number, "by": [{"group": r[3]}]})
                else:
                    g["votes"].append({"kind": "reservation", "item": it.number, "by": [self.gold_ref(p) for p in r[1]]})
            if it.conflict:
                c = {"kind": "conflict_of_interest", "item": it.number, "by": [self.gold_ref(it.conflict[0])]}
                if it.conflict[1]:
                    c["substitute"] = it.conflict[1].name
                g["votes"].append(c)
            if it.propositions:
                g["votes"].append({"kind": "propositions", "item": it.number, "text": it.propositions})
            if it.note and it.note_kind:
                g["votes"].append({"kind": it.note_kind, "item": it.number, "by": [self.gold_ref(it.note)]})
        if self.attendance_listed:
            people = list(self.members) + self.serving + self.subs
            if self.style["att"] in ("columns", "two_col") and False:
                pass
            people += self.officials + ([self.secretary] if not self.assoc else [])
            g["attendees"] = [self.gold_person(p) for p in people]
        else:
            g["attendees"] = []
        g["signatures"] = []
        for p, code, word in self.signed:
            e = {"name": p.name, "role": code}
            if p.name in self.sign_times:
                e["time"] = self.sign_times[p.name]
            g["signatures"].append(e)
        return g

    def gold_ref(self, p):
        e = {"name": p.name}
        if p.party:
            e["party"] = C.gold_party(p.party)
        return e

    # -- driver ------------------------------------------------------------------------------------

    def build(self):
        self.draw_meeting()
        self.draw_style()
        self.items = self.draw_items()
        self.write_front()
        self.write_attendance()
        for it in self.items:
            if self.family not in ("utdrag",) and self.rng.random() < 0.15:
                self.doc.add("%pagebreak")
            self.write_item(it)
        self.write_signatures()
        gold = self.gold()
        header = ["gold: written by corpus/generate from what it drew (family %s, styles %s)" %
                  (self.family, ", ".join("%s=%s" % (k, v) for k, v in sorted(self.style.items()) if k != "box"))]
        return self.doc.text(), header, gold
