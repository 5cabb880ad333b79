"""Shared pieces of the document generator: the catalogue, persons, dates and times in their
written forms, and the writers of a source (.sdoc) and its gold (.yaml).

Everything is drawn from one random.Random, so a seed fixes every document. Nothing here reads
samla's data/: the catalogue (corpus/generate/catalogue/*.yaml) is the generator's own.
"""

import datetime
import os
import re

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE_DIR = os.path.join(HERE, "catalogue")

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
WEEKDAYS = ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen"]


def load_catalogue():
    """Every catalogue file as a dict keyed by its stem (persons, parties, ...)."""
    cat = {}
    for f in sorted(os.listdir(CATALOGUE_DIR)):
        if f.endswith(".yaml"):
            with open(os.path.join(CATALOGUE_DIR, f), encoding="utf-8") as fh:
                cat[f[:-5]] = yaml.safe_load(fh)
    return cat


class Person:
    """An invented person: first and last name, party abbreviation (as the catalogue writes it,
    or None), and the roles/state the generator gives them in one meeting."""

    def __init__(self, first, last, party=None, female=True):
        self.first, self.last, self.party, self.female = first, last, party, female
        self.roles = []          # model role codes: chair, first_vice_chair, adjuster, ...
        self.status = "present"
        self.serving = None      # substitutes: True/False
        self.substitutes_for = None
        self.items = None        # partial attendance: (first, last) item numbers
        self.title = None        # officials
        self.remote = False

    @property
    def name(self):
        return "%s %s" % (self.first, self.last)

    def pron(self):
        return "hennes" if self.female else "hans"


class People:
    """Draws persons without repeating a full name within one document."""

    def __init__(self, rng, cat, finland=False):
        self.rng, self.used = rng, set()
        p = cat["persons"]
        if finland:
            fi = p["finland_swedish"]
            self.female, self.male, self.last = fi["female"], fi["male"], fi["surnames"]
        else:
            self.female = p["first_names"]["female"]
            self.male = p["first_names"]["male"]
            self.last = p["surnames"]

    def draw(self, party=None):
        for _ in range(200):
            female = self.rng.random() < 0.5
            first = self.rng.choice(self.female if female else self.male)
            last = self.rng.choice(self.last)
            if (first, last) not in self.used and last not in [u[1] for u in self.used if u[0] == first]:
                self.used.add((first, last))
                return Person(first, last, party, female)
        raise RuntimeError("person pool exhausted")


# --- dates and times ------------------------------------------------------------------------

def draw_date(rng, year_from=2023, year_to=2025, weekdays=(0, 1, 2, 3)):
    while True:
        d = datetime.date(rng.randint(year_from, year_to), rng.randint(1, 12), rng.randint(1, 28))
        if d.weekday() in weekdays and d.month != 7:
            return d


def date_forms(finland=False):
    """The written date forms a document can use (keys for write_date)."""
    if finland:
        return ["fi_short", "fi_padded", "fi_short", "iso"]
    return ["iso", "iso", "long", "weekday", "den_long"]


def write_date(d, form):
    if form == "iso":
        return d.isoformat()
    if form == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if form == "den_long":
        return "den %d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if form == "weekday":
        return "%s den %d %s %d" % (WEEKDAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year)
    if form == "fi_short":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if form == "fi_padded":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    raise ValueError(form)


def draw_times(rng, evening=False):
    """(start, end) as (h, m) pairs."""
    h = rng.choice([17, 18, 18, 19]) if evening else rng.choice([8, 9, 9, 10, 13, 13, 14])
    m = rng.choice([0, 0, 0, 15, 30])
    dur = rng.randint(50, 240)
    end = h * 60 + m + dur
    return (h, m), (end // 60, end % 60)


TIME_FORMS = ["kl_dot", "kl_colon", "bare_dot", "klockan", "bare_colon", "kl_dot_spaced"]


def write_times(start, end, form):
    dot = "%02d.%02d" % start, "%02d.%02d" % end
    col = "%02d:%02d" % start, "%02d:%02d" % end
    return {"kl_dot": "kl. %s–%s" % dot, "kl_colon": "kl %s-%s" % col,
            "bare_dot": "%s - %s" % dot, "klockan": "klockan %s–%s" % dot,
            "bare_colon": "%s–%s" % col, "kl_dot_spaced": "kl. %s – %s" % dot}[form]


def iso_time(t):
    return "%02d:%02d" % t


# --- party written forms ----------------------------------------------------------------------

def party_case(abbr, case):
    if case == "lower":
        return abbr.lower()
    if case == "title":
        return abbr[0].upper() + abbr[1:].lower()
    return abbr


def gold_party(abbr):
    return abbr.lower() if abbr else None


# --- writers ------------------------------------------------------------------------------------

class Sdoc:
    """Accumulates the lines of a .sdoc source (corpus/SOURCE-FORMAT.md)."""

    def __init__(self):
        self.lines = []

    def add(self, *lines):
        for line in lines:
            self.lines.append(line)

    def para(self, text):
        """A body paragraph; escaped when it would read as a directive, list or table line."""
        if re.match(r"^(#|- |\d+[.)] |\||%|\\)", text):
            text = "\\" + text
        self.lines.append(text)
        self.lines.append("")

    def blank(self):
        self.lines.append("")

    def text(self):
        return "\n".join(self.lines).rstrip("\n") + "\n"


def cell(text):
    """A table cell's text: a literal '|' would end the cell."""
    return text.replace("|", "/")


class _GoldDumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_GoldDumper.add_representer(str, _str_presenter)


def write_gold(path, header, gold):
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write("# %s\n" % line)
        yaml.dump(gold, f, Dumper=_GoldDumper, allow_unicode=True, sort_keys=False, width=1000,
                  default_flow_style=False)
