"""Time expressions: find them in news text and normalise them against the article date.

Everything is resolved relative to the document creation time (DCT, the article's
dateline), never against today's clock. Values are ISO 8601 at the granularity of
the text: "2020-07-16" (day), "2018-11" (month), "2008" (year), "2020-W28" (week) or
"2020-07-11/2020-07-12" (range: weekends, seasons, quarters, decades, centuries).

Conventions, chosen to match how news is written (and how GUM annotates it):

* a bare weekday ("on Thursday") is the most recent one before the DCT, the DCT
  itself when the weekday is the DCT's, and the next one when the clause is in
  the future tense ("will", "is to", "is set to", "plans", a modal, "ahead of",
  a present progressive next to it: "are meeting on Friday", a copula: "the vote
  is on Sunday", "could be signed", "is forecast to", a present of schedule: "the final takes place on
  Sunday", the time a thing is put off to: "adjourned until Thursday", a headline's "Ministers to meet on
  Friday"); the nearest cue decides, and a clause boundary or a "that"
  clause between a cue and the time weakens it ("will meet on Monday, X said");
  "Monday next week" is that week's Monday; "the following Monday" and "the previous Sunday" count from the
  day named before them (from the DCT when none is named);
* anaphoric times ("the previous day", "the following week", "the next month", "the year before",
  "two days later", "that same day", "that night", "that year", "later in the year") and clock times without a day in their
  sentence count from the nearest time named before them in their sentence or
  the one before; with no time there, from the DCT, but looking forward from it only in the future tense
  ("Two days later, the rebels withdrew" with no day named stays unresolved); with only coarser ones ("in
  2019 ... the next day"), they stay unresolved;
* spans bounded by the DCT ("in the coming days", "over the past few weeks",
  "the next two months", "the past decade") are ranges; "few" and a bare plural count 3 units,
  "several" 7; "overnight" is the night ending on the DCT (starting on it in the
  future tense);
* "the 1990s" and "the 90s" are the decade, "the 1800s" the century (but "the 2000s" the decade);
* "between January and March 2007", "from November to February": the first month falls in the year that
  closes the pair (the second as resolved alone, with its year or the tense);
* a month or day without a year takes the year that puts it nearest the DCT,
  with the tense of its clause breaking near ties (past: not after the DCT,
  future: not before); a past verb right before a day ("expired on January 31") keeps it out of the
  future, unless reported speech or a plan can carry it there; "March 12 last year" takes the year named;
* "in two weeks" is counted from the DCT in the future tense, and is a duration otherwise;
* a numeric date ("3/4/2023") takes the order its article writes dates in (one with a day over 12,
  else "20 April" against "April 20"), US order when nothing tells; a dotted one ("20.11.2018") is day
  first; "July 10-12" and "10 to 12 July" are one range of days;
* "on the 20th" is that day of the DCT's month or of the month before or after, by nearness and tense;
  named days are fixed ("Boxing Day") or computed ("Easter Sunday", "Thanksgiving"), in the year their
  tense points to ("will close on Christmas Day" in March is the coming one);
* quarters: "Q3" alone is the third quarter of the year its tense points to; "the third quarter of fiscal
  2019" stays unresolved (a company's fiscal year need not be the calendar's), while "fiscal 2020" and "the 2017
  fiscal year" are the year they are labelled with; "July-September" is a range; a bare "the first half" is a
  half of the year its tense points to, read only as a span known to be a time (a match has halves too);
* an ISO timestamp ("2021-06-28T14:00Z") is its day;
* "the first nine months of the year" is that range; "the same period last year" (or "a year earlier") is the
  year before the DCT's; "so far this year" is this year;
* "that year", "that month" and "that week" need a time named before them: they never fall back on the DCT;
* "last June" written in July is a year back (the month just past is "last month"); "12-13 March next year"
  takes the year named after it;
* read as a span known to be a time: a time opening it as the modifier of a short head is its value
  ("Wednesday's session", "the 2012 Olympics"); a report's "on the day", "for the week", "in the afternoon"
  with no day named in the sentence is the DCT's;
* "the end of the week" is the DCT's week, "this decade" and "the end of the decade" the DCT's decade;
* a time right after a participle of plan ("elections planned for February have been postponed", "the vote,
  scheduled for Sunday, was held") is not dated by the participle, nor pushed into the past by a past clause;
* a past form between a determiner and its noun ("in a closely watched election") is no past verb;
* weeks run Monday to Sunday ("the week of March 18" is the week holding it); "last weekend" is the Saturday-Sunday range before
  the DCT; "this weekend" is the nearest one in the direction of the tense;
* extents leave out a leading preposition ("on", "in") and a trailing part of
  day after a day name ("Thursday" in "Thursday night"), as GUM does;
* durations ("20 months", "two years") have no calendar value and are not times;
* the calendar ends at years 1 and 9999 (Python's dates): an expression whose value
  would fall outside them ("next year" in an article dated 9999-12-31) is left
  unresolved, never clamped (a clamped date would be a wrong date stated as fact),
  and where a rule weighs several candidate years it weighs those that exist.
  No expression raises, whatever the DCT.

>>> import datetime as dt
>>> normalize("last weekend", dt.date(2020, 7, 16)).value
'2020-07-11/2020-07-12'
>>> [t.value for t in find_times("Talks ended on Thursday, not in November 2018.", dt.date(2020, 7, 16))]
['2020-07-16', '2018-11']
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from kg.records import TimeValue

__all__ = ["count", "find_times", "normalize", "parse_iso", "shifted"]

# ---------------------------------------------------------------------------
# records

_ONE_DAY = dt.timedelta(days=1)


def _day(d: dt.date, rule: str) -> TimeValue:
    return TimeValue(d.isoformat(), "day", d, d, rule=rule)


def _month(year: int, month: int, rule: str) -> TimeValue:
    last = calendar.monthrange(year, month)[1]
    return TimeValue(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1),
                     dt.date(year, month, last), rule=rule)


def _year(year: int, rule: str) -> TimeValue:
    return TimeValue(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31), rule=rule)


def _week(day: dt.date, rule: str) -> TimeValue:
    monday = day - dt.timedelta(days=day.weekday())
    iso = monday.isocalendar()
    return TimeValue(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + dt.timedelta(days=6), rule=rule)


def _range(first: dt.date, last: dt.date, rule: str) -> TimeValue:
    return TimeValue(f"{first.isoformat()}/{last.isoformat()}", "range", first, last, rule=rule)


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def parse_iso(value: str) -> TimeValue:
    """Read an ISO value written by this module back into a TimeValue with bounds.

    >>> parse_iso("2018-11").latest
    datetime.date(2018, 11, 30)
    >>> parse_iso("2020-07-11/2020-07-12").granularity
    'range'
    """
    value = value.strip()
    if "/" in value:
        a, b = (parse_iso(part) for part in value.split("/", 1))
        return _range(a.earliest, b.latest, "iso")
    if m := _ISO_DAY.fullmatch(value):
        return _day(dt.date(int(m[1]), int(m[2]), int(m[3])), "iso")
    if m := _ISO_WEEK.fullmatch(value):
        return _week(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "iso")
    if m := _ISO_MONTH.fullmatch(value):
        return _month(int(m[1]), int(m[2]), "iso")
    if m := _ISO_YEAR.fullmatch(value):
        return _year(int(m[1]), "iso")
    raise ValueError(f"[T001] {value!r} is not an ISO 8601 date, month, year, week or a/b range")


# ---------------------------------------------------------------------------
# lexicon

_MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_WEEKDAYS = {name: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for name in names}
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBERS = {w: i for i, w in enumerate(_UNITS, start=1)}
_NUMBERS.update({w: 10 * i for i, w in enumerate(_TENS, start=2)})
_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12})
_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_ORDINALS["twenty-first"] = 21
_DECADE_WORDS = {w: 10 * i for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split(), start=2)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# named days: a fixed (month, day); ("easter", days after Western Easter Sunday); ("nth", month, weekday, n),
# the n-th such weekday of the month (-1: the last). Only names of one day wherever English news uses them:
# "Independence Day" or "Labour Day" differ by country and are left out.
_HOLIDAYS: dict[str, tuple] = {  # "the Fourth of July" is the US's alone, "Independence Day" not
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "may day": (5, 1), "bastille day": (7, 14),
    "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11), "guy fawkes night": (11, 5), "fourth of july": (7, 4),
    "international women's day": (3, 8), "epiphany": (1, 6), "all saints' day": (11, 1),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter day": ("easter", 0),
    "easter monday": ("easter", 1), "good friday": ("easter", -2), "holy thursday": ("easter", -3),
    "maundy thursday": ("easter", -3), "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "pentecost": ("easter", 49), "whit sunday": ("easter", 49),
    "thanksgiving": ("nth", 11, 3, 4), "thanksgiving day": ("nth", 11, 3, 4), "black friday": ("nth", 11, 4, 4),
    "memorial day": ("nth", 5, 0, -1), "martin luther king day": ("nth", 1, 0, 3),
    "martin luther king jr. day": ("nth", 1, 0, 3),
}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_MONTH_RE = (r"(?P<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
             r"|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_RE = r"(?P<wd>" + _WEEKDAY_NAMES + ")"
_WD_LEAD = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)?"
_DAY_RE = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d|\w)"
_YEAR_RE = r"(?P<y>1\d{3}|20\d{2})(?![\d\w])"
_COMMA = r"\s*,?\s*"
_NUM_RE = (r"(?P<n>\d{1,3}|a couple of|a dozen|an?|(?:" + "|".join(_TENS) + r")(?:[-\s](?:"
           + "|".join(_UNITS[:9]) + r"))?|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")")
_UNIT_RE = r"(?P<unit>day|week|fortnight|month|year|decade|century|hour|minute)s?"
_TZ = r"(?:(?:UTC|GMT|[ECMP][SD]?T|BST|CET|CEST)(?:\s*[+-]\s*\d{1,2}(?!\d))?|local\s+time)"
_AM_PM = r"(?:[ap]m\b|[ap]\.\s?m\b\.?)"  # "8pm" (a stop after it ends the sentence), "8 p.m."
_TOD = r"(?:\s+(?:morning|afternoon|evening|night))"


def count(word: str) -> int | None:
    """A number written as digits or words ("a", "two", "twenty-one"); None when it is not one.

    >>> count("a"), count("12"), count("twenty-one"), count("several")
    (1, 12, 21, None)
    """
    word = word.lower().strip()
    if word.isascii() and word.isdigit():
        return int(word)
    if word in _NUMBERS:
        return _NUMBERS[word]
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


def shifted(tv: TimeValue, n: int, unit: str) -> TimeValue | None:
    """The time `n` days, weeks, months or years from `tv`, at a granularity both carry; None when it would be a guess.

    None too when the result would leave the calendar (years 1 to 9999).

    >>> shifted(parse_iso("2022-06-09"), -1, "day").value, shifted(parse_iso("2022-03"), -2, "month").value
    ('2022-06-08', '2022-01')
    >>> shifted(parse_iso("2022"), 3, "day") is None, shifted(parse_iso("9999"), 1, "year") is None
    (True, True)
    """
    try:
        return _shifted(tv, n, unit)
    except (OverflowError, ValueError):
        return None


def _shifted(tv: TimeValue, n: int, unit: str) -> TimeValue | None:
    start = tv.earliest
    if unit in ("day", "week") and tv.granularity == "day":
        out = _day(start + dt.timedelta(days=n * (7 if unit == "week" else 1)), "counted-offset")
    elif unit == "month" and tv.granularity in ("day", "month"):
        out = _month(*_shift_month(start.year, start.month, n), "counted-offset")
    elif unit == "year" and tv.granularity in ("day", "month", "year"):
        out = _year(start.year + n, "counted-offset")
    else:
        return None
    return replace(out, text=tv.text)


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


# ---------------------------------------------------------------------------
# tense of the clause around an expression

_FUTURE = re.compile(
    r"\b(?:will|wo\s*n't|won't|'ll|shall|going to|(?:is|are|am)\s+(?:also\s+)?(?:to|due|set|scheduled|expected)"
    r"|plans?\s+to|planned|planning|scheduled|set to|expected|expects?|upcoming|forthcoming|would"
    r"|intends?|aims? to|hopes? to|to be held|to take place|to begin|to start|to open|to launch"
    r"|must|should|might|(?-i:may)|ahead\s+of|in\s+the\s+run-up\s+to"
    r"|could(?!\s+(?:not|n't|never|have|only)\b)"  # "could be signed Wednesday"; "could not confirm" reports
    r"|(?:forecast|predicted|projected|slated|poised|likely)\s+to\s+(?!the\b|an?\b|its\b|his\b|her\b|their\b)[a-z]+)\b",
    re.I)
# "adjourned until Thursday", "postponed to Monday": the time a thing is put off to lies ahead of the putting off
_PUT_OFF = re.compile(r"\b(?:adjourned|postponed|delayed|deferred|put\s+off|pushed\s+back|moved|rescheduled|extended)"
                      r"(?:\s+[a-z]+){0,3}?\s+(?P<prep>until|till|to|for)\s+(?:next\s+)?$", re.I)
# "called a general strike for Thursday", "announced nationwide protests for Saturday": a weekday an act is set 'for'
# lies ahead of the setting (not "for Saturday's attack": a possessive names the day of a thing past)
_SET_FOR = re.compile(r"(?P<prep>\bfor)\s+(?:next\s+)?$", re.I)
# "postponed from November 20 to December 11": two days, the first given up for the second
_PUT_OFF_FROM = re.compile(_PUT_OFF.pattern.split(r"(?:\s+[a-z]+)")[0] + r"(?:\s+[a-z]+){0,3}?\s+from\s+$", re.I)
_HEADLINE_TO = re.compile(r"\W*[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?\s+(?P<to>to)\s+(?!the\b|an?\b|be\b)[a-z]{2,}\b")
# a present-tense verb of schedule: "the final takes place on Sunday", "markets reopen on Tuesday", "lawmakers
# return to Washington on Friday", "the anniversary falls on Tuesday", "Germany play Sweden on Sunday", "Spain face
# Iran", "tickets go on sale"
# (third-person forms: a bare "start" or "open" is as often a noun)
_SCHEDULED = re.compile(r"(?<!\bthe\s)(?<!\ba\s)\b(?:(?:re)?opens|reopen|begins?|starts|ends|closes|resumes?|(?:re)?convenes?"
                        r"|kicks?\s+off"
                        r"|takes?\s+(?:place|effect|office)|expires|comes?\s+into\s+(?:force|effect)|goes\s+to\s+the\s+polls"
                        r"|(?:runs|lasts)\s+(?:until|till|through|to)|(?:go|head|heads)\s+to\s+the\s+polls"
                        r"|plays?\s+again|meets?\s+again|returns?\s+(?:to|home)|falls\s+on"
                        r"|(?:play|plays|face|faces|host|hosts|takes?\s+on)(?=\s+(?-i:[A-Z]))|go(?:es)?\s+on\s+sale)\b", re.I)
# "elections planned for February", "the vote, scheduled for Sunday,": a participle of plan right before a time,
# with no auxiliary ("is scheduled for" looks ahead): the time lies ahead of the plan, so a past clause around it
# leaves it on either side of the DCT
_PLANNED_FOR = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
                          r"\b(?:planned|scheduled|slated|due)\s+(?:for|on|in)\s+(?:the\s+)?$", re.I)
# "against the government's plan to raise", "over plans to close": 'plan' as a noun (after a determiner, a possessive or
# a preposition with at most one lower-case word between) names an intention, it does not put a time before it ahead
_PLAN_NOUN = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|your|this|that|these|those|new)|['’]s"
                        r"|\b(?:against|over|about|on|of|with|amid|despite|for|into|under|by)(?:\s+(?-i:[a-z-]+))?)\s+$", re.I)
# "agreed to hold talks on Saturday": a past verb of intent before an infinitive looks ahead, it does not date
_INTENT_TO = re.compile(r"\b(?:agreed|decided|promised|pledged|vowed|offered|threatened|prepared|voted|resolved)\s+to\s+"
                        r"(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|this\b|that\b)[a-z]+", re.I)
_IRREGULAR_PAST = set(
    "was were had did said told made took came went gave got held left met ran saw sent won lost fell found "
    "brought bought built chose drove fought flew grew knew led paid rose sold spoke stood struck thought "
    "wrote became began broke caught threw wore hid shot sank swam stole forgot withdrew drew fled arose bore "
    "bled blew dealt dug ate fed felt forbade forgave froze hung kept knelt laid lent meant overcame "
    "overtook overthrew rode rang sought shook slept slid spent sprang stuck strode swore swept swung taught tore "
    "understood undertook upheld withheld woke wept".split())
_NOT_PAST = set("need based red united indeed speed seed bed feed hundred proceed succeed exceed "
                "shed bred weed reed breed embed deed".split())
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|'re)\s+(?:also\s+|now\s+|still\s+)?(?:being\s+)?[a-z]{2,}ing\b", re.I)
_REPORTING = {"said", "told", "reported", "added", "announced", "stated", "confirmed", "wrote", "explained", "noted",
              "insisted", "warned", "claimed"}
_AUX = {"is", "are", "be", "been", "being", "am", "get", "gets", "got", "was", "were", "has", "have", "had", "'s"}
_WORD = re.compile(r"[A-Za-z']+")


def _past_form(word: str) -> bool:
    """A past tense or participle by its form ("held", "signed"), lower-case `word`."""
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST)


_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our"}
_PREPOSITIONS = {"of", "for", "with", "from", "by", "among", "between", "against", "into", "about", "without"}  # no
# finite verb follows one: "its list of trusted trading partners", "talks with elected leaders"


def _adjectival(prev: list[str], following: str) -> bool:
    """Whether a past form between `prev` (the two words before it, lower case) and `following` modifies a noun.

    A determiner or a preposition, alone or before an adverb in -ly, and a lower-case word after: "a closely watched
    election", "the disputed region", "an armed group", "its list of trusted trading partners" (not "the talks that
    ended", "which was held").
    """
    if not following or not following[0].islower():
        return False
    return bool(prev) and prev[-1] in _DETERMINERS | _PREPOSITIONS or \
        len(prev) == 2 and prev[0] in _DETERMINERS and prev[1].endswith("ly")


_CLITIC = re.compile(r"(?<=\w)(\s)((?:['’](?:ll|re|ve|d|m)|n['’]t)\b)", re.I)


def _tense(sentence: str, start: int, end: int) -> str | None:
    """'future', 'past' or None: the cue nearest the span [start, end) in `sentence` decides."""
    if not sentence:
        return None
    # a tokenised clitic ("we 'll", "they 're", "did n't") joins its word again; same length, so offsets hold
    sentence = _CLITIC.sub(lambda m: m[2] + m[1], sentence)
    cues: list[tuple[int, str]] = []
    for m in _FUTURE.finditer(sentence):
        if m.start() >= end and m.group().lower().startswith("plan") and _PLAN_NOUN.search(sentence[:m.start()]):
            continue  # "marched on Saturday against the government's plan to raise ...": the noun's plan is ahead, not the march
        if m.end() <= start or m.start() >= end:
            cues.append((m.start(), "future"))
    intents = {m.start() for m in _INTENT_TO.finditer(sentence) if m.end() <= start}
    cues += [(i, "future") for i in intents]
    words = list(_WORD.finditer(sentence))
    if m := re.search(r"\b(?:is|are)\s+(?:on\s+|for\s+)?(?:(?:at\s+)?(?:midnight|noon|midday|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)"
                      r"\s+(?:on\s+)?)?$", sentence[:start], re.I):  # "the vote is (on) Sunday", "the deadline is midnight Friday"
        cues.append((m.start(), "future"))
    if m := _HEADLINE_TO.match(sentence[:start]):  # "Ministers to meet in Brussels on Friday" (a headline: no stop)
        if not re.search(r"[.!?][\"'”’)]*\s*$", sentence):
            cues.append((m.start("to"), "future"))
    if m := _PUT_OFF.search(sentence[max(0, start - 60):start]):
        cues.append((max(0, start - 60) + m.start("prep"), "future"))
    if ((m := _SET_FOR.search(sentence[:start])) and re.fullmatch(_WEEKDAY_NAMES, sentence[start:end].strip(), re.I)
            and not re.match(r"\s*['’]s\b", sentence[end:])):
        cues.append((m.start("prep"), "future"))  # "announced nationwide protests for Saturday": the day it is set for
    cues += [(m.start(), "future") for m in _SCHEDULED.finditer(sentence) if m.end() <= start
             and not re.search(r"[,;]|:(?!\d)|\b(?:that|which|who|when|after|before)\b", sentence[m.end():start])]
    for m in _PROGRESSIVE.finditer(sentence):  # "are meeting on Friday", "is being held on Monday"
        if m.end() <= start and len(_WORD.findall(sentence[m.end():start])) <= 4 \
                and not re.search(r"[,;:]|\b(?:that|which|who|when|after|before)\b", sentence[m.end():start]):
            cues.append((m.start(), "future"))
    for i, m in enumerate(words):
        w = m.group().lower()
        if start <= m.start() < end:
            continue
        if w.endswith("ed") and m.group()[0].isupper() and sentence[:m.start()].strip():
            continue  # a capitalised word inside the sentence is a name ("Mohamed", "United"), not a verb
        past = _past_form(w)
        if not past or _FUTURE.fullmatch(w) or w in ("planned", "scheduled", "expected") or m.start() in intents:
            continue
        prev = [x.group().lower() for x in words[max(0, i - 2):i]]
        if _adjectival(prev, words[i + 1].group() if i + 1 < len(words) else ""):
            continue  # "in a closely watched election", "the disputed region": a participle before its noun
        if w not in _AUX and (any(p in ("is", "are", "be", "being", "am", "to") for p in prev)
                              or prev[-1:] == ["been"] and prev[:1] not in (["has"], ["have"], ["had"])):
            continue  # "is expected", "will have been held"; but "had been arrested" is past
        if m.start() >= end and w in _REPORTING and re.search(r"[,;]\s*(?:[\w'’.-]+\s+){0,4}$", sentence[end:m.start()]) \
                and re.match(r"\s*(?:[.,;:!?\"”’)]|$|(?:on|in|at|late|early|earlier|last|this|yesterday|citing|according)\b)",
                             sentence[m.end():]):
            continue  # "is due to rule on Sunday, state media reported", "will release it in November, the company
            # announced earlier this month": the attribution does not date the report
        cues.append((m.start(), "past"))
    if plan := _PLANNED_FOR.search(sentence[:start]):  # the participle of plan itself does not look ahead
        cues = [c for c in cues if not plan.start() <= c[0] < plan.end()]
    if not cues:
        return None

    def distance(pos: int) -> int:
        gap = sentence[end:pos] if pos >= end else sentence[pos:start]
        words_between = len(_WORD.findall(gap))
        # a complement clause ("announced Friday that it will ...") lowers the weight of what follows,
        # a clause boundary ("will meet on Monday, Borrell said") that of what lies beyond it
        # a cue after the span across "and" belongs to the next verb phrase ("arrested on Sunday and would appear")
        return words_between + (6 if pos >= end and re.search(r"\bthat\b", gap) else 0) \
            + 3 * len(re.findall(r"[,;:]", gap)) + (2 if pos >= end and re.search(r"\b(?:and|but)\b", gap) else 0)

    if any(pos < start and not re.search(r"[,;:]|\b(?:that|which|who|when|after|before)\b", sentence[pos:start])
           for pos, _ in cues):
        # "launched in Norway on Tuesday and plans to enter France": the verb phrase before the span, in its own clause,
        # dates it; one after 'and' is the next verb phrase's
        cues = [c for c in cues if not (c[0] >= end and re.search(r"\b(?:and|but)\b", sentence[end:c[0]]))]
    tense = min(cues, key=lambda c: (distance(c[0]), c[1] == "future"))[1]
    # "elections planned for February have been postponed": a past clause does not date the plan's time
    return None if tense == "past" and plan else tense


# ---------------------------------------------------------------------------
# resolving one match


class _Ctx:
    """What a rule may look at: the DCT, the sentence and where the span sits in it."""

    def __init__(self, dct: dt.date, sentence: str = "", start: int = 0, end: int = 0,
                 references: list[TimeValue] | None = None):
        self.dct, self.sentence, self.start, self.end = dct, sentence, start, end
        # times an anaphoric expression may count from, best first; [] when the text names none
        self.references = references or []
        self.following: TimeValue | None = None  # a time right after the span ("the day before March 3")
        self.paragraph: list[TimeValue] = []  # earlier times of the paragraph, nearest first, when the window has none
        self._tense: tuple[str | None] | None = None  # computed once, on first use
        self.text = sentence  # the whole text being read (the article, in `find_times`): its date-writing habits

    @property
    def tense(self) -> str | None:
        if self._tense is None:
            self._tense = (_tense(self.sentence, self.start, self.end),)
        return self._tense[0]

    def word_before(self) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.sentence[:self.start])
        return m.group(1).lower() if m else ""


_TENSE_CROSSING = re.compile(r"\b(?:said|says|say|told|tells|announced|added|stated|reported|warned|confirmed"
                             r"|according|insisted|claimed|explained|noted|would|could"
                             r"|(?:was|were|had\s+been)\s+(?:planned|scheduled|due|set|expected|supposed|meant|to))\b", re.I)


def _nearest(candidates: list[TimeValue], ctx: _Ctx, firm: bool = False) -> TimeValue:
    """The candidate nearest the DCT, with the clause's tense breaking near ties; `firm`: the tense weighs a year."""

    def cost(tv: TimeValue) -> int:
        if tv.earliest <= ctx.dct <= tv.latest:
            gap = 0
        else:
            gap = min(abs((tv.earliest - ctx.dct).days), abs((tv.latest - ctx.dct).days))
        tense = ctx.tense
        # the clause's tense against the candidate: for a month or longer it outweighs a year of distance ("In May,
        # X resigned" written in March is last May); a bare day is near the report either way, and weighs half a year
        penalty = 180 if tv.granularity in ("day", "week") and not firm else 400
        if tense == "future" and tv.latest < ctx.dct:
            gap += penalty
        elif tense == "past" and tv.earliest > ctx.dct:
            gap += penalty
        elif tense is None and tv.earliest > ctx.dct:
            gap += 30  # news reports mostly what happened
        return gap
    return min(candidates, key=cost)


def _years_around(year: int, k: int) -> list[int]:
    """The years from `year - k` to `year + k` that the calendar holds."""
    return [y for y in range(year - k, year + k + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]


def _apply(handler: Callable[[re.Match, _Ctx], TimeValue | None], m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """Run one rule; date arithmetic that leaves the calendar leaves the expression unresolved."""
    try:
        return handler(m, ctx)
    except (OverflowError, ValueError):
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_named_after(ctx: _Ctx) -> int | None:
    """The year that "last year", "this year" or "next year" right after the span names ("March 12 last year")."""
    m = re.match(r"\s*,?\s*(?:of\s+)?(last|this|next)\s+year\b", ctx.sentence[ctx.end:], re.I)
    return ctx.dct.year + {"last": -1, "next": 1}.get(m[1].lower(), 0) if m else None


def _day_in_nearest_year(month: int, day: int, ctx: _Ctx, rule: str) -> TimeValue | None:
    cands = [_day(d, rule) for y in _years_around(ctx.dct.year, 1) if (d := _safe_date(y, month, day))]
    # a day told in the past tense is not after the DCT ("expired on January 31" written on January 10), unless
    # reported speech or a plan told in the past can carry it there
    return _nearest(cands, ctx, firm=_firm_past(ctx) or _firm_future(ctx)) if cands else None


def _firm_future(ctx: _Ctx) -> bool:
    """'will' or 'shall' on the verb the span dates ("will visit France on January 10" written in March is next
    January's): what will be done is not done before the report."""
    near = [w.lower() for w in _WORD.findall(ctx.sentence[max(0, ctx.start - 100):ctx.start])][-14:]
    return ctx.tense == "future" and any(w in ("will", "shall") for w in near)


def _firm_past(ctx: _Ctx) -> bool:
    """A past verb right before the span ("expired on", "was signed on"), no infinitive or reported speech around."""
    near = [w.lower() for w in _WORD.findall(ctx.sentence[max(0, ctx.start - 40):ctx.start])][-4:]
    if ctx.tense != "past" or _TENSE_CROSSING.search(ctx.sentence) or near[-1:] in (["for"], ["until"], ["till"], ["by"]) \
            or any(w in ("to", "be", "been", "being", "will", "would", "is", "are") for w in near):
        return False  # "called an election for March 12", "extended until March 31": a target, not a past day
    return any(_past_form(w) for w in near)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _weekday_date(wd: int, ctx: _Ctx, rel: str) -> dt.date:
    dct = ctx.dct
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    if rel in ("last", "past", "this past", "previous"):
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(days=wd)
    if back == 0:
        return dct
    return dct + dt.timedelta(days=ahead) if ctx.tense == "future" else dct - dt.timedelta(days=back)


def _rel_of(m: re.Match) -> str:
    rel = (m.groupdict().get("rel") or "").lower()
    return re.sub(r"\s+", " ", rel).strip()


# --- rule handlers: (match, ctx) -> TimeValue | None


def _h_month_day(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    month, day = _month_of(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"] or (y := _year_named_after(ctx)):
        d = _safe_date(int(m["y"]) if m["y"] else y, month, day)
        return _day(d, "date") if d else None
    if m.groupdict().get("wd"):  # "Friday, July 21": the year whose date falls on that weekday, else nearest
        wd = _WEEKDAYS[m["wd"].lower()]
        for y in sorted(_years_around(ctx.dct.year, 1), key=lambda y: abs(y - ctx.dct.year)):
            d = _safe_date(y, month, day)
            if d and d.weekday() == wd:
                return _day(d, "date")
    return _day_in_nearest_year(month, day, ctx, "date")


def _h_week_of(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the week of March 18": the week (Monday to Sunday) holding that day."""
    day = _h_month_day(m, ctx)
    return _week(day.earliest, "week") if day else None


def _h_day_range(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"July 10-12", "10 to 12 July 2015": the days from the first to the last, in the year of the first."""
    month, first, last = _month_of(m["mon"]), int(m["d"]), int(m["d2"])
    if not 1 <= first < last <= calendar.monthrange(2000, month)[1]:
        return None
    year = int(m["y"]) if m["y"] else _year_named_after(ctx)  # "12-13 March next year"
    start = _day(dt.date(year, month, first), "date") if year else _day_in_nearest_year(month, first, ctx, "date")
    end = _safe_date(start.earliest.year, month, last) if start else None
    return _range(start.earliest, end, "day-range") if end else None


def _h_ordinal_day(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"on the 20th": that day of the DCT's month, or of the month before or after, whichever is nearest."""
    day, rel = int(m["d"]), (m["rel"] or "").lower()
    if rel in ("this", "the", "next", "last"):
        shifts = [{"last": -1, "next": 1}.get(rel, 0)]
    else:
        shifts = [-1, 0, 1]
    cands = [_day(d, "date") for k in shifts
             if (d := _safe_date(*_shift_month(ctx.dct.year, ctx.dct.month, k), day))]
    return _nearest(cands, ctx) if cands else None


def _h_half(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the first half of 2023", "the second half of the year", "H1 2024"; a bare "the first half" (read only as a
    span already known to be a time: a match has halves too) is the DCT year's, or the year its tense points to."""
    gd = m.groupdict()
    half = 1 if (gd.get("h") or "").lower() in ("first", "1st") or (gd.get("h2") or "").upper() == "H1" else 2
    if gd.get("y") or gd.get("y3"):
        y = int(gd.get("y") or gd["y3"])
    else:
        y = ctx.dct.year + {"last": -1, "next": 1}.get((gd.get("hrel") or "").lower(), 0)
    if m.group().lower().endswith("half"):
        if ctx.tense == "past" and half == 2 and ctx.dct.month < 7:
            y -= 1
        elif ctx.tense == "future" and half == 1 and ctx.dct.month > 6:
            y += 1
    return _range(dt.date(y, 1, 1), dt.date(y, 6, 30), "half") if half == 1 else \
        _range(dt.date(y, 7, 1), dt.date(y, 12, 31), "half")


def _h_months_of(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the first nine months of the year", "the last three months of 2019": those months as a range."""
    n = count(m["n"])
    if n is None or not 1 <= n <= 12:
        return None
    y = int(m["y"]) if m["y"] else ctx.dct.year + {"last": -1, "next": 1}.get(m["mrel"].lower(), 0)
    if m["fl"].lower() == "first":
        return _range(dt.date(y, 1, 1), dt.date(y, n, calendar.monthrange(y, n)[1]), "months_of")
    return _range(dt.date(y, 13 - n, 1), dt.date(y, 12, 31), "months_of")


def _h_year_range(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"2019-2021", "the 2019-20 season", "1998/99": the years from the first to the last."""
    y1, y2s = int(m["y"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
    if len(y2s) == 2 and y1 % 100 == 99 and y2s == "00":  # "1999-00"
        y2 += 100
    if not y1 < y2:
        return None
    return _range(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year-range")


def _h_month_range(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the July-September quarter", "January-March 2008": the months from the first to the last."""
    first, last = _month_of(m["mon"]), _month_of(m["mon2"])
    if m["y"]:
        end_year = int(m["y"])
    else:  # the closing month as it would be read alone, by nearness and tense
        end_year = _nearest([_month(y, last, "month") for y in _years_around(ctx.dct.year, 1)], ctx).earliest.year
    start_year = end_year - (first > last)
    return _range(_month(start_year, first, "month").earliest, _month(end_year, last, "month").latest, "month-range")


def _h_month_year(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    return _month(int(m["y"]), _month_of(m["mon"]), "month")


def _h_month_that_year(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"in June of that year", "in March of the same year": the month in the year of the time named just before."""
    year = next((tv.earliest.year for tv in ctx.references if tv.granularity in ("day", "month", "year")), None)
    return _month(year, _month_of(m["mon"]), "month") if year is not None else None


def _h_month(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    month, rel = _month_of(m["mon"]), _rel_of(m)
    y = ctx.dct.year
    if m["yrel"]:  # "January of last year"
        return _month(y + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0), month, "month")
    if not rel and (named := _year_named_after(ctx)):  # "in March last year"
        return _month(named, month, "month")
    if not rel and (partner := _range_partner(m, ctx)) is not None:  # "between January and March 2007"
        return _month(partner.year - (month > partner.month), month, "month")
    if rel == "last":  # the month just before the DCT's is "last month": "last June" written in July is a year back
        y = y if month < ctx.dct.month - 1 else y - 1
    elif rel == "next":
        y = y if month > ctx.dct.month else y + 1
    elif rel == "this":
        pass
    else:
        return _nearest([_month(yy, month, "month") for yy in _years_around(y, 1)], ctx)
    return _month(y, month, "month")


_THEN_MONTH = re.compile(r"\s*(?:and|to|until|till|through|[-–])\s+" + _MONTH_RE + r"(?:\s*,?\s*(?:of\s+)?" + _YEAR_RE + ")?",
                         re.I)


def _range_partner(m: re.Match, ctx: _Ctx) -> dt.date | None:
    """The first day of the month that closes "between/from MONTH and/to MONTH [YEAR]", resolved as it would be alone."""
    if not re.search(r"\b(?:between|from)\s+$", ctx.sentence[:ctx.start], re.I):
        return None
    nxt = _THEN_MONTH.match(ctx.sentence, ctx.end)
    if not nxt or not nxt["mon"][0].isupper():
        return None
    month = _month_of(nxt["mon"])
    if nxt["y"]:
        return dt.date(int(nxt["y"]), month, 1)
    sub = _Ctx(ctx.dct, ctx.sentence, nxt.start("mon"), nxt.end())
    return _nearest([_month(yy, month, "month") for yy in _years_around(ctx.dct.year, 1)], sub).earliest


def _h_iso(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["dd"]))
    return _day(d, "iso") if d else None


def _h_numeric(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    a, b, y = int(m["a"]), int(m["b"] or m["b2"]), int(m["yy"] or m["y2"])
    if y < 100:  # the century that puts the year at most ten years after the DCT
        y += ctx.dct.year // 100 * 100
        y -= 100 if y > ctx.dct.year + 10 else 0
    if m["sep"] == ".":  # "20.11.2018": the dotted form is day first
        month, day = b, a
    elif a > 12 or b > 12:  # the order that is possible
        month, day = (a, b) if a <= 12 else (b, a)
    else:  # "3/4/2023": the article's habit ("20/11/2018", "20 November" elsewhere), else US order
        month, day = (b, a) if _day_first(ctx.text) else (a, b)
    d = _safe_date(y, month, day)
    return _day(d, "numeric") if d else None


# "3/4/2023", "7/8/07", "20.11.2018" (dotted: four-digit years only, "1.5.2" is a version)
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[01]?\d|[0-3]\d)(?:/(?P<b>[0-3]?\d)/(?P<yy>\d{4}|\d{2})(?![\d/])"
                      r"|(?P<sep>\.)(?P<b2>[01]?\d)\.(?P<y2>\d{4})(?![\d.]\d))")
_WRITTEN_DAY_FIRST = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE, re.I)
_WRITTEN_MONTH_FIRST = re.compile(_MONTH_RE + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b", re.I)


def _day_first(text: str) -> bool:
    """Whether `text` writes its dates day first: a numeric date only that order allows, else its written dates."""
    votes = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"] or m["b2"])
        votes += 10 * ((a > 12) - (b > 12))
    if votes == 0:  # months capitalised only: "may" and "march" are words too
        votes = sum(1 for m in _WRITTEN_DAY_FIRST.finditer(text) if m["mon"][0].isupper()) \
            - sum(1 for m in _WRITTEN_MONTH_FIRST.finditer(text) if m["mon"][0].isupper())
    return votes > 0


def _h_year(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    y = int(m["y"])
    mod = (m.groupdict().get("mod") or "").lower()
    if "end" in mod:
        return _day(dt.date(y, 12, 31), "year")
    return _year(y, "year")


def _h_short_year(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"in '08", "the class of '89": the year of that century that is at most ten years after the DCT."""
    y = ctx.dct.year // 100 * 100 + int(m["yy"])
    return _year(y - 100 if y > ctx.dct.year + 10 else y, "year") if y >= 100 else None


def _h_weekday(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    rel = _rel_of(m)
    wd = _WEEKDAYS[m["wd"].lower()]
    # "Monday next week", "Thursday and Friday last week": the week named after the day (or after its partner)
    week = re.match(r"(?:\s*(?:,|and|or|to|through|[-–])\s*(?:" + _WEEKDAY_NAMES + r"))*\s+(?:of\s+)?(last|next|this)\s+week\b",
                    ctx.sentence[ctx.end:], re.I)
    if not rel and week:  # "on Monday next week", "Friday of last week": that day of that week
        shift = {"last": -7, "next": 7, "this": 0}[week[1].lower()]
        monday = ctx.dct - dt.timedelta(days=ctx.dct.weekday()) + dt.timedelta(days=shift)
        return _day(monday + dt.timedelta(days=wd), "weekday")
    first = re.search(r"\b(" + _WEEKDAY_NAMES + r")\s*(?:and|or|to|through|until|till|[-–])\s*$", ctx.sentence[:ctx.start],
                      re.I)
    if not rel and first and first[1][0].isupper():  # "on Thursday and Friday": the day after its partner
        partner = _h_weekday(re.match(_WEEKDAY_RE, first[1], re.I), _Ctx(ctx.dct, ctx.sentence, first.start(1), first.end(1)))
        if partner is not None:
            return _day(partner.earliest + dt.timedelta(days=(wd - partner.earliest.weekday()) % 7 or 7), "weekday")
    lead = re.search(r"\bthe\s+(?:(following|next|previous|preceding)\s+)?$", ctx.sentence[:ctx.start], re.I)
    if lead and (lead[1] or rel in ("next", "previous")):
        # "the following Monday", "the previous Sunday" count from the day named before them
        back = (lead[1] or rel).lower() in ("previous", "preceding")
        ref = next((tv for tv in ctx.references if tv.granularity == "day"), None)
        if ref is None and ctx.references:
            return None  # only coarser times named ("in 2010 ... the following Monday")
        if ref is not None:
            d = ref.earliest
            step = ((d.weekday() - wd) % 7 or 7) if back else ((wd - d.weekday()) % 7 or 7)
            return _day(d + dt.timedelta(days=-step if back else step), "anaphor")
        rel = "last" if back else "next"
    if not rel:  # "the next Tuesday" leaves the modifier outside the extent
        before = ctx.word_before()
        rel = before if before in ("last", "next", "past", "coming") else ""
    return _day(_weekday_date(wd, ctx, rel), "weekday")


def _h_dayword(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    word = re.sub(r"\s+", " ", m.group().lower())
    offset = -2 if "before yesterday" in word else 2 if "after tomorrow" in word else \
        -1 if ("yesterday" in word or word == "last night") else 1 if "tomorrow" in word else 0
    return _day(ctx.dct + dt.timedelta(days=offset), "deictic")


def _weekend(ctx: _Ctx, rel: str) -> TimeValue:
    dct = ctx.dct
    if dct.weekday() >= 5 and rel in ("", "this", "the"):
        sat = dct - dt.timedelta(days=dct.weekday() - 5)
    elif rel in ("last", "past", "this past", "previous"):
        sat = dct - dt.timedelta(days=dct.weekday() + 2)
    elif rel in ("next", "coming", "this coming"):
        sat = dct + dt.timedelta(days=5 - dct.weekday() if dct.weekday() < 5 else 12 - dct.weekday())
    elif ctx.tense == "future":
        sat = dct + dt.timedelta(days=5 - dct.weekday())
    else:
        sat = dct - dt.timedelta(days=dct.weekday() + 2)
    return _range(sat, sat + _ONE_DAY, "weekend")


def _h_weekend(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    return _weekend(ctx, _rel_of(m))


def _h_week(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    rel = _rel_of(m)
    if rel in ("the past", "the last"):
        return _range(ctx.dct - dt.timedelta(days=7), ctx.dct, "week")
    delta = {"last": -7, "this past": -7, "the previous": -7, "previous": -7, "next": 7, "the next": 7,
             "the coming": 7, "this coming": 7, "the following": 7}.get(rel, 0)
    return _week(ctx.dct + dt.timedelta(days=delta), "week")


def _h_rel_month(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    rel = _rel_of(m)
    mod = (m.groupdict().get("mod") or m.groupdict().get("mod2") or "").lower()
    delta = -1 if rel in ("last", "the previous", "previous", "this past") else \
        1 if rel in ("next", "the next", "the coming", "the following", "coming") else 0
    y, mo = _shift_month(ctx.dct.year, ctx.dct.month, delta)
    if "end" in mod:
        return _day(dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month")
    return _month(y, mo, "month")


def _h_rel_year(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    text = re.sub(r"\s+", " ", m.group().lower())
    y = ctx.dct.year
    if re.search(r"\b(last|previous|prior|before|earlier|ago)\b", text) and not re.search(r"earlier this", text):
        y -= 1
    elif re.search(r"\b(next|following|coming|after|later)\b", text) and not re.search(r"later this", text):
        y += 1
    if re.search(r"\bend\b", text):
        return _day(dt.date(y, 12, 31), "year")
    return _year(y, "year")


_BACKWARD = {"previous", "preceding", "prior", "before", "earlier"}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}


def _moved(ref: TimeValue, n: int, unit: str) -> TimeValue | None:
    """`ref` moved by n units, at the unit's granularity; None when `ref` is too coarse to count from."""
    g, d = ref.granularity, ref.earliest
    if unit == "day" and g == "day":
        return _day(d + dt.timedelta(days=n), "anaphor")
    if unit == "week" and g in ("day", "week"):
        return _week(d + dt.timedelta(weeks=n), "anaphor")
    if unit == "month" and g in ("day", "month"):
        return _month(*_shift_month(d.year, d.month, n), "anaphor")
    if unit == "year" and g in ("day", "month", "year"):
        return _year(d.year + n, "anaphor")
    return None


def _h_anaphor(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the previous day", "the following week", "the year before", "two days later", "that same day", "hours later"
    (the day of the time named before: what came hours after it fell on its day, as a news story tells it).

    These count from a time the text has just named: the one right after "the day
    before/after" when there is one, else the nearest time before it in its sentence
    or the sentence before that can carry the unit. When that stretch names no time
    they count from the DCT; when it names only coarser ones ("in 2019 ... the next
    day") they stay unresolved.
    """
    gd = {k: (v or "").lower() for k, v in m.groupdict().items()}
    unit = next(gd[k] for k in ("aunit", "nunit", "sunit", "tunit", "iunit", "bunit", "cunit", "hunit") if gd[k])
    unit = "day" if unit in _PARTS_OF_DAY or gd["hunit"] else unit  # "hours later": the same day
    word = gd["arel"] or gd["bdir"] or gd["cdir"] or ("next" if gd["nunit"] else "same")
    n = count(gd["n"]) if gd["n"] else 1
    if n is None:
        return None
    n = 0 if word == "same" else -n if word in _BACKWARD else n
    ref = ctx.following if gd["bdir"] else None
    if gd["bdir"] and ref is None and re.match(r"\s+(?:the|an?|his|her|its|their|our|this|that|these|[A-Z0-9])\b",
                                               ctx.sentence[ctx.end:]):
        return None  # "the day before the vote" counts from an event, not from a time
    if ref is None:
        # told in the past, what came "the same day" or "a day later" does not count from a time still to come
        # ("... will reach the rest of the world by the end of the year. On the same day, X unveiled ...")
        references = [tv for tv in ctx.references if not (ctx.tense == "past" and tv.earliest > ctx.dct)]
        carriers = [tv for tv in references if _moved(tv, 0, unit) is not None]
        if not references and ctx.paragraph:
            # none in its sentence or the one before: the nearest time of the paragraph that can carry the unit ("The
            # crisis began on November 11, when ... in June. NAME said .... Seven ministers resigned the same day.")
            carriers = [tv for tv in ctx.paragraph if not (ctx.tense == "past" and tv.earliest > ctx.dct)
                        and _moved(tv, 0, unit) is not None][:1]
        if references and not carriers or not carriers and gd["tunit"] in ("week", "month", "year"):
            return None  # "that year" points back at a year the text has named
        if not carriers and n > 0 and ctx.tense != "future":
            return None  # "the next day, they were released" with no day named: after what is not known
        if not carriers:  # "later in the day" after no time: the DCT's day, marked so the story's day may replace it
            moved = _moved(_day(ctx.dct, "dct"), n, unit)
            return replace(moved, rule=FROM_DCT) if moved is not None else None
        ref = carriers[0]
    return _moved(ref, n, unit)


FROM_DCT = "anaphor-from-dct"  # an anaphor ('later that day') counted from the DCT for want of a time named before it


_FEW = {"": 3, "few": 3, "a few": 3, "couple of": 2, "a couple of": 2, "several": 7}


def _h_span(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"in the coming days", "the next two weeks", "over the past few months", "in recent years": DCT-bounded ranges.

    Without a number, "few" and a bare plural count 3 units, "several" 7.
    """
    gd = m.groupdict()
    rel, unit = gd["srel"].lower(), gd["sunit"].lower()
    n = count(gd["n"]) if gd.get("n") else _FEW.get(re.sub(r"\s+", " ", (gd.get("q") or "").lower()))
    if n is None or n == 0:
        return None
    if rel in ("coming", "next", "ahead") or rel.startswith("to"):
        end = _shift(ctx.dct, n, unit)
        return _range(ctx.dct, end, "span") if end else None
    start = _shift(ctx.dct, -n, unit)
    return _range(start, ctx.dct, "span") if start else None


def _h_overnight(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"overnight": the night that ends on the DCT, or begins on it in the future tense."""
    if ctx.tense == "future":
        return _range(ctx.dct, ctx.dct + _ONE_DAY, "overnight")
    return _range(ctx.dct - _ONE_DAY, ctx.dct, "overnight")


def _h_past_span(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"the past three years", "the last 12 months", "the past decade": the range that ends on the DCT."""
    if m["unit1"]:
        n, unit = (10, "decade") if m["unit1"].lower() == "century" else (1, m["unit1"].lower())
    else:
        n, unit = count(m["n"]) if m["n"] else 1, m["unit"].lower()
    if n is None:
        return None
    start = _shift(ctx.dct, -n, unit)
    return _range(start, ctx.dct, "span") if start else None


def _shift(day: dt.date, n: int, unit: str) -> dt.date | None:
    if unit in ("day",):
        return day + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        return day + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    if unit in ("hour", "minute"):  # whole days only: "two hours ago" is the DCT, "48 hours ago" two days back
        return day + dt.timedelta(days=int(n / 24) if unit == "hour" else int(n / 1440))
    months = n * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    y, mo = _shift_month(day.year, day.month, months)
    return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1])) if 1 <= y <= 9999 else None


def _h_ago(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"three weeks ago"; forward, "two weeks from now", "in three days' time", "will ... in two weeks": at the unit's granularity."""
    n, unit = count(m["n"]), m["unit"].lower()
    if n is None:
        return None
    text = m.group().lower()
    if not re.search(r"(?:ago|now|today|time)$", text) and ctx.tense != "future":
        return None  # "in two weeks" counts from the DCT in the future tense; "the first rise in two years" is a duration
    d = _shift(ctx.dct, -n if text.endswith("ago") else n, unit)
    if d is None:
        return None
    if unit in ("year", "decade", "century"):
        return _year(d.year, "ago")
    if unit == "month":
        return _month(d.year, d.month, "ago")
    if unit in ("week", "fortnight"):
        return _week(d, "ago")
    return _day(d, "ago")


def _h_season(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    first, last = _SEASONS[m["season"].lower()]
    rel = _rel_of(m)

    def season(y: int) -> TimeValue:  # winter of y runs December y to February y+1
        end_y = y + 1 if first > last else y
        end = dt.date(end_y, last, calendar.monthrange(end_y, last)[1])
        return _range(dt.date(y, first, 1), end, "season")
    if m["y"]:
        return season(int(m["y"]))
    years = [season(y) for y in _years_around(ctx.dct.year, 2) if y + (first > last) <= 9999]
    if rel in ("last", "past", "this past"):
        years = [s for s in years if s.latest < ctx.dct][-1:]
    elif rel in ("next", "coming", "this coming", "the coming"):
        years = [s for s in years if s.earliest > ctx.dct][:1]
    return _nearest(years, ctx) if years else None


def _h_quarter(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    gd = m.groupdict()
    if gd.get("q2") and gd.get("y2"):
        q_n, y = int(gd["q2"][1]), int(gd["y2"])
        return _range(dt.date(y, 3 * q_n - 2, 1), dt.date(y, 3 * q_n, calendar.monthrange(y, 3 * q_n)[1]), "quarter")
    q = gd.get("q") or gd["q2"]  # "Q3" alone reads as "the third quarter"
    y = int(gd["y"]) if gd.get("y") else None
    text = m.group().lower()
    if "fiscal" in text:
        return None  # a company's fiscal quarter need not be the calendar's
    if q.lower() in ("this", "current", "next", "coming"):  # "this quarter", "next quarter": counted from the DCT's
        index = ctx.dct.year * 4 + (ctx.dct.month - 1) // 3 + (q.lower() in ("next", "coming"))
        y, q_n = index // 4, index % 4 + 1
    elif q.lower() in ("last", "final", "previous", "past"):
        cur = (ctx.dct.month - 1) // 3 + 1
        if y is not None or "year" in text:
            q_n = 4
        else:
            q_n, y = (cur - 1, ctx.dct.year) if cur > 1 else (4, ctx.dct.year - 1)
    else:
        q_n = _QUARTERS.get(q.lower()) or int(q[-1])
    if y is None:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(m2[1], 0) if (m2 := re.search(r"(last|next) year", text)) \
            else ctx.dct.year
        if "year" not in text and ctx.tense == "past" and dt.date(y, 3 * q_n - 2, 1) > ctx.dct:
            y -= 1
        elif "year" not in text and ctx.tense == "future" and dt.date(y, 3 * q_n, 28) < ctx.dct:
            y += 1  # "will recover in the first quarter", written in October: next year's
    last_month = 3 * q_n
    return _range(dt.date(y, last_month - 2, 1), dt.date(y, last_month, calendar.monthrange(y, last_month)[1]),
                  "quarter")


def _h_decade(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    gd = m.groupdict()
    if gd.get("dec"):
        start = int(gd["dec"])
        if start % 100 == 0 and start < 2000:  # "the 1800s" is the century, "the 2000s" the decade
            return _range(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), "century")
    elif gd.get("dec2") or gd.get("dec3"):
        start = 1900 + int(gd.get("dec2") or gd["dec3"])
        if start + 100 <= ctx.dct.year - 20:
            start += 100
    else:
        start = 1900 + _DECADE_WORDS[gd["decw"].lower()]
    return _range(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")


def _h_this_decade(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """"this decade", "by the end of the decade": the DCT's decade ("the decade" alone is left to the anaphora)."""
    if re.fullmatch(r"the\s+decade", m.group(), re.I):
        return None
    start = ctx.dct.year // 10 * 10
    return _range(dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31), "decade")


def _h_century(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    c = m["c"].lower()
    n = int(re.match(r"\d+", c).group()) if c[0].isdigit() else _ORDINALS.get(c)
    if not n:
        return None
    start = (n - 1) * 100
    return _range(dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), "century")


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus).

    >>> _easter(2024), _easter(2019)
    (datetime.date(2024, 3, 31), datetime.date(2019, 4, 21))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(rule: tuple, year: int) -> dt.date | None:
    if rule[0] == "easter":
        return _easter(year) + dt.timedelta(days=rule[1])
    if rule[0] == "nth":
        _, month, wd, n = rule
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == wd]
        return dt.date(year, month, days[n - 1 if n > 0 else n])
    return _safe_date(year, *rule)


def _h_holiday(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'").replace(" '", "'").replace("st. ", "st ")
    rule = _HOLIDAYS[name]
    if m.groupdict().get("y") or (named := _year_named_after(ctx)):
        d = _holiday_date(rule, int(m["y"]) if m["y"] else named)
        return _day(d, "holiday") if d else None
    cands = [_day(d, "holiday") for y in _years_around(ctx.dct.year, 1) if (d := _holiday_date(rule, y))]
    # a holiday is as likely months away as days: its tense decides, unless reported speech ("said the vote on
    # Christmas Day ...") or a plan told in the past ("was planned for Christmas Day") can carry it across the DCT
    return _nearest(cands, ctx, firm=not _TENSE_CROSSING.search(ctx.sentence)) if cands else None


def _h_clock(m: re.Match, ctx: _Ctx) -> TimeValue | None:
    """A clock time is on the day its sentence names, else on the last day named just before, else on the DCT."""
    anchor = _anchor_in_sentence(ctx, day_only=True)
    if anchor is None:
        anchor = next((tv for tv in ctx.references if tv.granularity == "day"), None)
    return replace(anchor, rule="clock") if anchor else _day(ctx.dct, "clock")


# ---------------------------------------------------------------------------
# the grammar: (name, pattern, handler); patterns are case-insensitive


_TO_DAY = r"\s*(?:[-–—]|to|through|until|till)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"  # "10-12", "10th to 12th"
_REL_WORDS = r"(?P<rel>last|next|this(?:\s+(?:past|coming))?|past|coming|previous)"
_UNIT1 = r"(?:day|week|month|year)"
_RULES: list[tuple[str, str, Callable[[re.Match, _Ctx], TimeValue | None]]] = [
    ("anaphor", r"the\s+(?P<arel>previous|preceding|prior|following|subsequent|same)\s+(?P<aunit>day|week|month|year"
     r"|morning|afternoon|evening|night)"
     r"|the\s+next\s+(?P<nunit>day|week|month|year|morning|afternoon|evening|night)(?!s)"
     r"|(?:(?:later|earlier)\s+that|that\s+same)\s+(?P<sunit>day|week|month|year|morning|afternoon|evening|night)"
     r"|that\s+(?P<tunit>day|week|month|year|morning|afternoon|evening|night)(?![-\w])"
     r"|(?:later|earlier)\s+in\s+the\s+(?P<iunit>day|week|month|year)"
     r"|the\s+(?P<bunit>day|week|month|year|night)\s+(?P<bdir>before|after)"
     r"|" + _NUM_RE + r"\s+(?P<cunit>" + _UNIT1 + r")s?\s+(?P<cdir>later|earlier)"
     r"|(?:(?:an|a\s+few|several|a\s+couple\s+of|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?"
     r"(?P<hunit>hours?|minutes?|moments)\s+(?:later|earlier|afterwards)", _h_anaphor),
    ("months_of", r"the\s+(?P<fl>first|last|final)\s+" + _NUM_RE + r"\s+months\s+of\s+(?:" + _YEAR_RE
     + r"|(?P<mrel>the|this|last|next)\s+year)", _h_months_of),
    ("half", r"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half(?:\s+of\s+(?:" + _YEAR_RE
     + r"|(?P<hrel>the|this|last|next)\s+year))?|(?P<h2>H[12])\s*" + _YEAR_RE.replace("(?P<y>", "(?P<y3>"), _h_half),
    ("year_range", r"(?P<y>1\d{3}|20\d{2})\s*[-–/]\s*(?P<y2>\d{2})(?![\d\w%])", _h_year_range),
    ("day_range", _MONTH_RE + r"\s+" + _DAY_RE.replace("(?![\\d:.,]\\d|\\w)", "") + _TO_DAY + r"(?![\d:.,]\d|\w)"
     + r"(?:" + _COMMA + _YEAR_RE + r")?", _h_day_range),
    ("day_range", r"(?<![\d,.])" + _DAY_RE.replace("(?![\\d:.,]\\d|\\w)", "") + _TO_DAY + r"\s+(?:of\s+)?" + _MONTH_RE
     + r"(?:" + _COMMA + _YEAR_RE + r")?", _h_day_range),
    ("week_of", r"the\s+week\s+of\s+" + _MONTH_RE + r"\s+" + _DAY_RE + r"(?:" + _COMMA + _YEAR_RE + r")?", _h_week_of),
    ("month_day", _WD_LEAD + _MONTH_RE + r"\s+" + _DAY_RE + r"(?:" + _COMMA + _YEAR_RE + r")?", _h_month_day),
    ("day_month", _WD_LEAD + r"(?:the\s+)?" + _DAY_RE.replace("(?![\\d:.,]\\d|\\w)", "(?![\\d:.,]\\d)")
     + r"\s+(?:of\s+)?" + _MONTH_RE + r"(?:" + _COMMA + _YEAR_RE + r")?", _h_month_day),
    ("ordinal_day", r"the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>this|the|next|last)\s+month)?", _h_ordinal_day),
    ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<dd>[0-3]\d)"  # "2019-03-04", "2021-06-28T14:00Z": the day
     r"(?:T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\d-])", _h_iso),
    ("numeric", _NUMERIC.pattern, _h_numeric),
    ("month_range", _MONTH_RE + r"\s*[-–/]\s*" + _MONTH_RE.replace("(?P<mon>", "(?P<mon2>") + r"(?:" + _COMMA + _YEAR_RE + r")?",
     _h_month_range),
    ("month_year", r"(?:(?:early|mid|late)[-\s]+)?" + _MONTH_RE + r"\s*,?\s+(?:of\s+)?" + _YEAR_RE, _h_month_year),
    ("month_that_year", _MONTH_RE + r"\s+of\s+(?:that|the\s+same)\s+year", _h_month_that_year),
    ("month", r"(?:(?:" + _REL_WORDS + r"|(?:early|mid|late)-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s*)?"
     + _MONTH_RE + r"(?:\s+of\s+(?P<yrel>last|this|next)\s+year)?", _h_month),
    ("decade", r"(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:(?P<dec>1[0-9]{2}0|20[0-9]0)'?s|['’](?P<dec2>\d0)s"
     r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)"
     r"|the\s+(?:(?:early|mid|late)[-\s]+)?(?P<dec3>\d0)s(?!\w)(?!\s+(?:degrees|percent|%|mph|km))", _h_decade),
    ("century", r"(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS)
     + r"|twenty-first)\s+century",
     _h_century),
    ("year_mod", r"(?P<mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|mid|late)[-\s]+" + _YEAR_RE,
     _h_year),
    ("year", r"(?:(?:fiscal|FY)\s*(?:year\s+)?|financial\s+year\s+|the\s+year\s+)?" + _YEAR_RE, _h_year),
    ("year", r"(?:the\s+)?" + _YEAR_RE + r"\s+(?:fiscal|financial)\s+year", _h_year),  # "the 2017 fiscal year": its label
    ("short_year", r"['’](?P<yy>\d{2})(?![\d\w'’])", _h_short_year),
    ("ago", r"(?:\[\s*)?" + _NUM_RE + r"(?:\s*\])?\s+" + _UNIT_RE + r"\s+ago", _h_ago),
    ("ago", _NUM_RE + r"\s+" + _UNIT_RE + r"\s+from\s+(?:now|today)", _h_ago),
    ("in_n", r"(?<=\bin\s)" + _NUM_RE + r"\s+" + _UNIT_RE + r"(?!['’\w])(?!\s+(?:ago|from|time|later|earlier|before|after|of|old)\b)",
     _h_ago),
    ("ago", _NUM_RE + r"\s+" + _UNIT_RE.replace(")s?", ")(?:s['’]|['’]s)") + r"\s+time", _h_ago),
    ("past_span", r"(?:the\s+)?(?:past|last|previous)\s+" + _NUM_RE + r"\s+" + _UNIT_RE
     + r"|the\s+(?:past|last)\s+(?P<unit1>month|year|decade|century)(?!\s+of\b)", _h_past_span),
    ("span", r"(?:the\s+)?(?P<srel>coming|next|past|last|previous|recent)\s+(?:(?P<q>(?:a\s+)?few|several"
     r"|(?:a\s+)?couple\s+of)\s+|" + _NUM_RE + r"\s+)?(?P<sunit>" + _UNIT1 + r")s(?!\s+of\b)", _h_span),
    ("span", r"the\s+(?P<sunit>" + _UNIT1 + r")s\s+(?P<srel>ahead|to\s+come)", _h_span),  # "in the weeks ahead"
    ("overnight", r"overnight", _h_overnight),
    ("dayword", r"(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow"
     r"|this\s+(?:morning|afternoon|evening)|last\s+night)", _h_dayword),
    ("weekday", r"(?:" + _REL_WORDS + r"\s+)?" + _WEEKDAY_RE, _h_weekday),
    ("weekend", r"(?:" + _REL_WORDS + r"\s+)?weekend", _h_weekend),
    ("week", r"(?:(?P<rel>last|next|this(?:\s+(?:past|coming))?|the\s+(?:past|last|previous|following|coming|next))"
     r"|earlier\s+this|later\s+this)\s+week", _h_week),
    ("week", r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+|(?P<rel>this|next|last)\s+)week", _h_week),
    ("this_decade", r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?:the|this)\s+decade(?![-\w])", _h_this_decade),
    ("rel_month", r"(?:(?P<mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|earlier|later)\s+)?"
     r"(?:(?P<rel>last|next|this(?:\s+past)?|the\s+(?:previous|next|coming|following|same|current))\s+)month"
     r"|(?P<mod2>(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+the\s+month", _h_rel_month),
    ("rel_year", r"(?:(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|earlier|later)\s+)?"
     r"(?:last|next|this|the\s+(?:previous|prior|following|next|coming|same|current))\s+year(?:s\b)?"
     r"|the\s+year\s+(?:before|after)|a\s+year\s+(?:earlier|later)|(?:the\s+)?year[-\s]end"
     r"|(?:the\s+)?(?:end|beginning|start)\s+of\s+(?:the\s+)?year"
     r"|the\s+same\s+(?:period|time|quarter|month|week|day)\s+(?:(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+year"
     r"|a\s+year\s+(?:ago|earlier))", _h_rel_year),  # "the same period last year": the year before
    ("season", r"(?:(?P<rel>last|next|this(?:\s+(?:past|coming))?|past|coming|the\s+coming)\s+|the\s+(?=\w+\s+of\s+\d))?"
     r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + _YEAR_RE + ")?", _h_season),
    ("quarter", r"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final|previous|past|this|current|next|coming)\s+quarter"
     r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?" + _YEAR_RE + r"|(?:the|this|last|next)\s+year))?"
     r"|(?-i:(?P<q2>Q[1-4]))(?:\s*(?P<y2>1\d{3}|20\d{2}))?(?![\d\w])", _h_quarter),
    # a name of the form "X of Y" takes "the": "the Fourth of July"
    ("holiday", r"(?:the\s+(?=\w+\s+of\s))?(?P<hol>" + "|".join(sorted((re.escape(h).replace("\\ ", r"\s+").replace("'", r"\s?['’]")
                                            .replace(r"st\s+", r"st\.?\s+") for h in _HOLIDAYS), key=len, reverse=True))
     + r")(?:\s+" + _YEAR_RE + ")?", _h_holiday),
    ("clock", r"(?<![\d:.])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?!:\d)(?:\s*" + _AM_PM + r")?"
     r"|(?:1[0-2]|[1-9])(?:\.[0-5]\d)?\s*" + _AM_PM + r"|noon|midday|midnight"
     r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:UTC|GMT)\b))"
     r"(?:\s*(?:\(\s*" + _TZ + r"\s*\)|" + _TZ + r"))?", _h_clock),
]
# a time expression starts a word (`_scan` drops the rest): the look-behind spares the engine trying every
# alternation inside words, which was most of the scanning time
_COMPILED = [(name, re.compile(r"(?<![^\W_])(?:" + pattern + ")", re.I), handler) for name, pattern, handler in _RULES]


def _folded(pattern: str) -> str:
    """`pattern` for lower-case text without re.I: its letters lowered, except those of an escape (\\W, \\d) or of
    a group's name. Matching the lowered text case-sensitively finds what re.I finds in the text, about a third
    faster (the engine folds no case), when lowering keeps the text's length (`_matches`)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:end + 1])
            i = end + 1
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


_FOLDED = [re.compile(_folded(rx.pattern)) for _, rx, _ in _COMPILED]  # `_COMPILED`'s patterns, for lowered text


def _matches(order: int, text: str, lowered: str, starts: list[int] | None) -> Iterator[re.Match]:
    """The matches of rule `order` of `_COMPILED` in `text`, found in its `lowered` form when that has the same
    length (each is matched again on `text` at its place, so that its groups read the text as written). A rule no cue
    gates is tried only at the `starts` where one of those rules may match (`_starts`), as its scan of the whole
    text would find it: left to right, none inside the one before."""
    rx = _COMPILED[order][1]
    if len(lowered) != len(text):  # 'İ' lowers to two characters: the offsets would not line up
        yield from rx.finditer(text)
        return
    if starts is None or order not in _UNCUED:
        for found in _FOLDED[order].finditer(lowered):
            if (m := rx.match(text, found.start())) is not None:
                yield m
        return
    folded, end = _FOLDED[order], -1
    for at in starts:
        if at < end or (found := folded.match(lowered, at)) is None:
            continue
        end = max(found.end(), at + 1)
        if (m := rx.match(text, at)) is not None:
            yield m


# a word every match of a rule holds: a text without it is not scanned for that rule (most articles name no
# century, season or quarter, and the engine would try the rule's optional lead words at every word start)
_CUES = {name: re.compile(cue) for name, cue in {  # lower case, read in the lowered text (faster than re.I)
    "half": r"half|h[12]", "months_of": "months", "ordinal_day": r"\d(?:st|nd|rd|th)", "iso": r"\d{4}-\d\d",
    "decade": r"0['’]?s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties",
    "century": "century", "this_decade": "decade", "ago": r"ago|from\s+(?:now|today)|['’]s?\s+time", "overnight": "overnight",
    "weekend": "weekend", "week": "week", "week_of": "week", "rel_month": "month", "rel_year": "year",
    "season": "spring|summer|autumn|fall|winter", "quarter": r"quarter|q[1-4]",
}.items()}
_COUNTED = ("anaphor", "clock", "weekday", "month_that_year")  # rules that count from the times named before them
_ANAPHORIC = [rx for name, rx, _ in _COMPILED if name in _COUNTED]
# the rules no cue gates, and one look-ahead holding all of them (their groups unnamed: each rule names its own), for
# lowered text: one scan finds every place one of them may start, where each is then tried alone (`_matches`), instead
# of one scan of the whole text a rule (about half the scanning time)
_UNCUED = frozenset(order for order, (name, _, _) in enumerate(_COMPILED) if name not in _CUES)
_ANY_UNCUED = re.compile(r"(?<![^\W_])(?=" + "|".join(
    "(?:" + re.sub(r"\(\?P<\w+>", "(?:", _folded(pattern)) + ")" for order, (_, pattern, _) in enumerate(_RULES)
    if order in _UNCUED) + ")")


def _starts(text: str, lowered: str) -> list[int] | None:
    """Where in `text` a rule no cue gates may match, read off its `lowered` form; None when lowering changed its
    length."""
    return [m.start() for m in _ANY_UNCUED.finditer(lowered)] if len(lowered) == len(text) else None


# ---------------------------------------------------------------------------
# anchoring expressions that name no date themselves ("opening night, January 23")

_ANAPHOR = re.compile(r"(?:the|that|this|its|same|opening|first|closing|final|day|date|night|evening|\s)+")


def _anchor_in_sentence(ctx: _Ctx, day_only: bool = False, adjacent: bool = False) -> TimeValue | None:
    """A day-level date named elsewhere in the sentence: the adjacent one, else the only one."""
    found = [tv for tv in _scan(ctx.sentence, ctx.dct, clocks=False)
             if tv.end <= ctx.start or tv.start >= ctx.end]
    days = [tv for tv in found if tv.granularity == "day"] if day_only else found
    for tv in days:
        after = ctx.sentence[ctx.end:tv.start] if tv.start >= ctx.end else None
        before = ctx.sentence[tv.end:ctx.start] if tv.end <= ctx.start else None
        if (after is not None and re.fullmatch(r"\s*(?:[,(–—-]|on\b|at\b)?\s*", after)) or \
                (before is not None and re.fullmatch(r"\s*[,(–—-]\s*", before)):
            return tv
    if adjacent:
        return None
    values = {tv.value for tv in days}
    return days[0] if len(values) == 1 else None


# ---------------------------------------------------------------------------
# public API


_LEAD = re.compile(r"^(?:on|in|at|by|since|until|till|from|during|of|for|before|after|through|as\s+of|over|within|so\s+far"
                   r"|throughout|around|about|between|no\s+later\s+than|as\s+early\s+as)\s+", re.I)
_TRAIL = re.compile(r"(?:['’]s|\s+s)$")


def _clean(expr: str) -> str:
    s = re.sub(r"[\[\]]", "", expr)
    s = re.sub(r"\s+([,.)])", r"\1", s)
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\s*([-–])\s*(?=[A-Za-z]|\d)", r"\1", s) if re.search(r"\w\s+[-–]\s+\w", s) else s
    s = re.sub(r"\s+", " ", s).strip()
    s = _TRAIL.sub("", s).strip()
    return _LEAD.sub("", s)


# words around a time that leave its value as it is ("early Tuesday", "the morning of June 5", "shortly after midnight")
_MODIFIERS = set("early late earlier later mid on at in of the morning afternoon evening night hours dawn dusk shortly just "
                 "before after around about approximately roughly some local time 's ’s s until by since from overnight "
                 "weekend nearly almost over under more less than exactly precisely only".split())


def normalize(expr: str, dct: dt.date, sentence: str = "") -> TimeValue | None:
    """Resolve one time expression against the document date; None for durations and the unresolvable.

    `sentence` (the one holding `expr`) supplies the tense and the words around the span.

    >>> normalize("June 27", dt.date(2020, 7, 16), "The vote was planned for June 27.").value
    '2020-06-27'
    >>> normalize("20 months", dt.date(2020, 7, 16)) is None
    True
    """
    s = _clean(expr)
    pos = sentence.find(expr) if sentence else -1
    ctx = _Ctx(dct, sentence, pos, pos + len(expr)) if pos >= 0 else _Ctx(dct, sentence, len(sentence), len(sentence))
    if sentence and pos >= 0 and any(rx.fullmatch(s) for rx in _ANAPHORIC):  # what "the following day" counts from
        before = _scan(sentence[:pos], dct)
        ctx.references = sorted(before, key=lambda tv: -tv.start)
        rest = sentence[pos + len(expr):]
        after = [tv for tv in _scan(rest, dct) if not rest[:tv.start].strip()]
        ctx.following = after[0] if after else None
    variants = [s]
    stripped = re.sub(_TOD + r"$", "", s, flags=re.I)
    if stripped != s and stripped:
        variants.append(stripped)
    if re.match(r"the\s+(?:spring|summer|autumn|fall|winter)$", s, re.I):  # "in the summer": the season alone
        variants.append(s[4:])
    for variant in variants:
        for _name, rx, handler in _COMPILED:
            m = rx.fullmatch(variant)
            if m:
                tv = _apply(handler, m, ctx)
                if tv is not None:
                    return replace(tv, text=expr)
    if re.fullmatch(r"now|right now", s, re.I):
        return replace(_day(dct, "deictic"), text=expr)
    if re.fullmatch(r"the (?:current )?year", s, re.I):  # "earlier in the year": the DCT's year
        return replace(_year(dct.year, "deictic"), text=expr)
    if re.fullmatch(r"the (?:current )?month", s, re.I):
        return replace(_month(dct.year, dct.month, "deictic"), text=expr)
    inside = [tv for tv in _scan(sentence, dct) if pos <= tv.start and tv.end <= pos + len(expr)] if pos >= 0 else []
    if len(inside) >= 2 and re.search(r"\b(?:and|to|until|till|through|into)\b|[-–]", s) \
            and inside[0].earliest <= inside[-1].latest:
        # a span holding two times ("from July 2003 to December 2004", "between 2010 and 2012"): the range they bound
        return replace(_range(inside[0].earliest, inside[-1].latest, "bounded"), text=expr)
    rest = sentence[pos:pos + len(expr)] if inside else ""
    for tv in reversed(inside):
        rest = rest[:tv.start - pos] + " " + rest[tv.end - pos:]
    if inside and len({tv.value for tv in inside}) == 1 and set(_WORD.findall(rest.lower())) <= _MODIFIERS:
        # one time inside words no rule reads ("early Tuesday", "the morning of June 5", "shortly after midnight",
        # "3 p.m. on Friday"): its value
        return replace(inside[0], text=expr, start=-1, end=-1)
    if len(inside) == 1 and _premodifies(s, inside[0].text):
        return replace(inside[0], text=expr, start=-1, end=-1)
    if sentence and pos >= 0:  # "Opening night, January 23, 2014"; "Sunday was chosen as its date"
        adjacent = not _ANAPHOR.fullmatch(s.lower())
        anchor = _anchor_in_sentence(ctx, day_only=not adjacent, adjacent=adjacent)
        if anchor is not None:
            return replace(anchor, text=expr, start=-1, end=-1, rule="anchor")
    return _report_period(s, ctx) if pos >= 0 else None


def _premodifies(span: str, time: str) -> bool:
    """Whether `time` opens `span` as the modifier of a head of one or two words after it.

    "Wednesday's session", "last year's election", "the 2012 Olympics", "the 2009 model year" (not "the
    final of the 2018 World Cup", where the time sits in a phrase after the head).
    """
    at = span.find(time)
    if at < 0 or span[:at].strip().lower() not in ("", "the"):
        return False
    tail = span[at + len(time):]
    possessive = re.fullmatch(r"\s*['’]\s?s\s+[\w-]+(?:\s+[\w-]+)?\s*", tail)
    return bool(possessive if not span[:at].strip() else re.fullmatch(r"\s+(?!of\b)[\w-]+(?:\s+(?!of\b)[\w-]+)?\s*", tail))


def _report_period(span: str, ctx: _Ctx) -> TimeValue | None:
    """A report's "(down 2 percent) on the day", "for the week", "in the afternoon", no day named in its sentence: the DCT's.

    Only after "on", "for", "in", "during" or "over": "the last match of the day" and a bare "the day" are not read.
    """
    m = re.fullmatch(r"the\s+(day|morning|afternoon|evening|night|week)", span, re.I)
    if m is None or not re.search(r"\b(?:on|for|in|during|over)\s+$", ctx.sentence[:ctx.start], re.I):
        return None
    return _week(ctx.dct, "deictic") if m[1].lower() == "week" else _day(ctx.dct, "deictic")


# --- scanning


_MONTH_MODIFIER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|this|last|next)\s+$", re.I)


def _month_before_noun(m: re.Match, before: str, after: str) -> bool:
    """'the March election', 'its September offensive': a capitalised month name between a determiner and a
    lower-case noun dates the noun; not 'May' ('the May government' is Theresa May's)."""
    noun = re.match(r"\s+([a-z]{3,})\b", after)
    return m["mon"][0].isupper() and m["mon"].lower() != "may" and bool(_MONTH_MODIFIER_BEFORE.search(before)) \
        and noun is not None and noun[1] not in _NOT_NOUNS and not _past_form(noun[1])


_NOT_NOUNS = frozenset(_AUX | {"for", "and", "the", "with", "from", "into", "will", "would", "could", "should", "can", "may",
                               "must", "did", "does", "began", "went", "came", "took", "drew", "saw", "ended", "that", "which"})


_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|throughout|during|of|early|late|mid|last|next|this|before|after"
    r"|between|and|to|or|around|about|circa|c\.|as|that|each|every)\s*|[-–(]\s*)$", re.I)
_YEAR_PREP = re.compile(r"\b(?:in|since|until|till|from|through|during|before|after|between|circa|c\.|around|year)\s*$",
                        re.I)
_NOT_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:%|percent|per\s?cent|[-–]\s*[a-z]|–\s*\d{2}\b|[.,]\d|:\d|\s*(?:years?|yrs|metres?|meters?|m|km|feet|ft|miles?"
    r"|days|weeks|months|kg|tonnes?|tons?|people|persons|pages|units|votes|troops|soldiers|jobs|members|dollars|euros|pounds|yuan|yen"
    r"|points?|calories|hours|minutes|seconds|BC|AD|B\.C|cc|passengers|civilians|residents|workers|employees|students"
    r"|children|deaths|cases|shares|rooms|seats|homes|houses|vehicles|cars|copies|participants|delegates|protesters"
    r"|refugees|migrants|casualties|victims|officers|police|fans|visitors|acres|hectares|square)\b))", re.I)
# a label before a number makes it a name: "Flight 1907", "Section 1983", "Interstate 1995", "Resolution 2254"
_NOT_YEAR_BEFORE = re.compile(r"(?:[$£€#]\s*|\bNo\.?\s*|[\d.,:/]|\b[A-Z]-?|(?i:\b(?:number|flight|route|section|paragraph"
                              r"|article|chapter|resolution|interstate|highway|room|bill|rule|model|page|item|lot|gate"
                              r"|platform|terminal|block|code|decree|clause|amendment|exit|channel|box)\s+))$")
# "between 1000 and 1200 people": a number coordinated with a count is a count too
_COUNT_PAIR = re.compile(r"\s*(?:and|to|or|[-–])\s*\d[\d,]*")


# what may follow a bare time word ("over Christmas, ...", "at Easter in Rome") where a noun would modify it
_FOLLOWS_TIME = (r"\s+(?:on|in|at|to|from|after|before|as|and|but|or|while|when|with|this|last|next|of|until|since|for"
                 r"|by|into|is|was|will|would|has|had|are|were|they|he|she|it|we|i|the)\b")


def _plausible(name: str, m: re.Match, text: str) -> bool:
    """Guards against numbers and words that only look like dates."""
    # every guard looks at a few words either side; a bounded window keeps long texts linear
    before, after = text[max(0, m.start() - 80):m.start()], text[m.end():m.end() + 80]
    gd = m.groupdict()
    if gd.get("mon") and not m["mon"][0].isupper():
        return False
    if gd.get("wd") and not m["wd"][0].isupper():
        return False
    if name == "weekday" and not m["rel"] and re.search(r"\b(?:black|good|bloody|super|cyber|holy|maundy|palm|ash|shrove|easter"
                                                         r"|whit)\s+$", before, re.I):
        return False  # "Black Friday sales", "the Good Friday Agreement", "Bloody Sunday": a named day, not a date
    if name == "holiday" and (not m["hol"][0].isupper() or (
            not m["y"] and re.match(r"\s+[a-zA-Z]", after) and not re.match(_FOLLOWS_TIME, after, re.I)
            and (m.start("hol") > m.start()  # "at the Christmas market": "the" opens a noun phrase
                 or not re.search(r"\b(?:on|at|over|before|after|since|until|till|by|during|around|this|last|next)\s+$",
                                  before, re.I)))):
        return False  # "a Christmas tree", "the Good Friday Agreement", "Easter Island": a holiday name in a name or before a noun
    if name == "month":
        word = m["mon"].lower().rstrip(".")
        if word not in _MONTHS or len(word) < 3 or m["mon"].endswith(".") and word in ("may",):
            return False
        if m.group() == m["mon"]:  # a bare month name needs a preposition before it ("in May", not "Theresa May")
            if word in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"):
                return False
            if not (_PREP_BEFORE.search(before) or word not in ("may", "march")
                    and re.search(r"\b(?:for|of)\s+$", before, re.I) or _month_before_noun(m, before, after)):
                return False  # "data for September"; but "voted for May" is the person
    if name == "half" and m.group().lower().endswith("half"):
        return False  # "scored in the first half": a bare half is read only as a span known to be a time
    if name == "quarter" and m["q2"] and not m["y2"] and re.match(r"\s+[A-Z]", after):
        return False  # "Q2 Holdings"
    if name == "weekday" and not m["rel"] and re.search(r"\b(?:the|a)\s+$", before, re.I) and re.match(r"\s+[A-Z]", after):
        return False  # "the Sunday Times", "a Monday Night Football game": a weekday in a name
    if name == "short_year" and not re.search(r"\b(?:in|of|since|until|till|from|by)\s+$", before, re.I):
        return False  # "in '08", "the class of '89"; a quoted number is no year
    if name == "month_range" and not (m["mon"][0].isupper() and m["mon2"][0].isupper()):
        return False
    if name == "weekend" and re.match(r"\s+of\b", after):
        return False  # "the last weekend of March" is not last weekend
    if name == "day_range" and _NOT_YEAR_AFTER.match(after):
        return False  # "sentenced on June 8 to 12 years": the second number counts something else
    if name in ("month_day", "day_month") and re.match(r"\s*(?:%|percent|-percent|years?\b|people\b)", after, re.I):
        return False
    if name == "ordinal_day" and not (re.search(r"\b(?:on|by|until|till|since|before|after|from|of)\s+$", before, re.I)
                                      and (m["rel"] or re.match(r"\s*(?:$|[.,;:)!?]|(?:and|or|to|when|as)\b)", after))):
        return False  # "the 20th anniversary", "the 3rd Division": a day of the month stands alone after "on"
    if name == "year":
        y = int(m["y"])
        if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after):
            return False
        if (pair := _COUNT_PAIR.match(after)) and _NOT_YEAR_AFTER.match(after[pair.end():]):
            return False
        if re.match(r"\s*(?:,\d{3}|\.\d)", after):
            return False
        if not (1900 <= y <= 2099 or (1000 <= y < 1900 and _YEAR_PREP.search(before))):
            return False
    if name == "rel_year" and re.search(r"years$", m.group(), re.I) \
            and re.search(r"\b(?:in|the|over|for)\s+$", before, re.I):
        return False  # "in last years" is a vague span, not a year
    if name == "clock" and re.match(r"\s*(?:-|–)\s*\d", after):
        return False
    if name == "overnight" and (not re.match(r"\s*(?:$|[.,;:!?)\"'”’—–]|\s(?:on|in|at|to|from|after|before|as|and|but"
                                             r"|while|when|with|near|across|amid|despite|until|following|so|for|because|into|by|without"
                                             r"|under)\b)",
                                             after, re.I)
                                or re.match(r"\s*,?\s*(?:on\s+|into\s+)?(?:" + _WEEKDAY_NAMES
                                            + r"|today|tonight|yesterday|tomorrow)\b", after, re.I)):
        return False  # "an overnight stay" is no time; "overnight on Sunday" is dated by its day
    if name == "weekend" and not m["rel"] and not re.search(r"\bthe\s+$", before, re.I):
        return False
    if name == "season" and not (m["rel"] or m["y"]):
        return False
    return True


def _scan(text: str, dct: dt.date, clocks: bool = True) -> list[TimeValue]:
    """Find and resolve every time expression in `text` (one sentence or a whole article)."""
    spans: list[tuple[int, int, int, str, re.Match, Callable]] = []
    lowered = text.lower()
    cued = {name for name, cue in _CUES.items() if cue.search(lowered)}
    starts = _starts(text, lowered)
    for order, (name, _, handler) in enumerate(_COMPILED):
        if (name == "clock" and not clocks) or (name in _CUES and name not in cued):
            continue
        for m in _matches(order, text, lowered, starts):
            if m.end() == m.start():
                continue
            if (m.start() > 0 and text[m.start() - 1].isalnum()) or (m.end() < len(text) and text[m.end()].isalnum()
                                                                      and name not in ("year", "iso")):
                continue
            if name == "year" and m.end() < len(text) and text[m.end()].isalnum():
                continue
            if not _plausible(name, m, text):
                continue
            spans.append((m.start(), m.end(), order, name, m, handler))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[2], s[0]))
    taken: list[tuple[int, int, str, re.Match, Callable]] = []
    used = bytearray(len(text))  # the longest match wins; a character belongs to one expression
    for start, end, _, name, m, handler in spans:
        if not any(used[start:end]):
            used[start:end] = b"\x01" * (end - start)
            taken.append((start, end, name, m, handler))
    taken.sort(key=lambda t: t[0])
    sentences = _sentences(text)
    sentence_starts = [a for a, _ in sentences]

    def sentence_of(pos: int) -> int:
        i = bisect.bisect_right(sentence_starts, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else -1

    out: list[TimeValue] = []  # kept in text order
    starts: list[int] = []  # out's start offsets, for bisection
    # anaphoric expressions go second: they count from the times resolved around them
    for anaphoric in (False, True):
        for start, end, name, m, handler in taken:
            if (name in _COUNTED) != anaphoric:
                continue
            i = sentence_of(start)
            s_start, s_end = sentences[i] if i >= 0 else (0, len(text))
            ctx = _Ctx(dct, text[s_start:s_end], start - s_start, end - s_start)
            ctx.text = text
            if anaphoric:
                window = sentences[i - 1][0] if i > 0 else s_start
                lo, here = bisect.bisect_left(starts, window), bisect.bisect_left(starts, start)
                ctx.references = [tv for tv in reversed(out[lo:here]) if tv.end <= start]
                if lo == here:  # no time in the two sentences: the times before them in the paragraph (`_h_anaphor`)
                    ctx.paragraph = list(reversed(out[bisect.bisect_left(starts, text.rfind("\n\n", 0, window) + 1):lo]))
                nxt = out[bisect.bisect_left(starts, end)] if bisect.bisect_left(starts, end) < len(out) else None
                ctx.following = nxt if nxt is not None and not text[end:nxt.start].strip() else None
            tv = _apply(handler, m, ctx)
            if tv is not None:
                at = bisect.bisect_right(starts, start)
                starts.insert(at, start)
                out.insert(at, replace(tv, text=text[start:end], start=start, end=end))
    return out


# a full stop that ends no sentence: "9:30 a.m. (EST) on Saturday", "3 p.m. GMT", "6 a.m. Thursday", "Jan. 5"
_NOT_A_STOP = re.compile(r"(?:\b[ap]\.m\.\s+(?:\(|" + _TZ + r"\b|(?:" + _WEEKDAY_NAMES + r"|today|tonight|tomorrow|yesterday)\b)"
                         r"|\b" + _MONTH_RE + r"\s+\d)", re.I)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in re.finditer(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9])", line.group()):
            head = line.group()[max(0, cut.start() - 10):cut.start()]
            if (m := re.search(r"\S+$", head)) and _NOT_A_STOP.match(m.group() + line.group()[cut.start():cut.end() + 12]):
                continue
            end = line.start() + cut.start()
            spans.append((start, end))
            start = line.start() + cut.end()
        spans.append((start, line.end()))
    return spans


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:[-\u2013\u2014]|to|through|until|till|and)\s*", re.I)


def _range_bounds(first: TimeValue, last: TimeValue) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a range whose ends were resolved each alone: an end that writes no year is placed by
    the other ("from 20 November to 11 December 2015": 2015-11-20; "from December 28, 2015 to January 3": 2016-01-03);
    None when the ends do not bound at most a year."""
    start, end = first.earliest, last.earliest
    if not _YEAR_IN.search(first.text):
        start = _safe_date(end.year - ((start.month, start.day) > (end.month, end.day)), start.month, start.day)
    elif not _YEAR_IN.search(last.text):
        end = _safe_date(start.year + ((start.month, start.day) > (end.month, end.day)), end.month, end.day)
    return (start, end) if start and end and 0 < (end - start).days <= 366 else None


_YEAR_IN = re.compile(r"\d{4}")


def joined_ranges(text: str, times: list[TimeValue]) -> list[TimeValue]:
    """`times` (in text order) with two days joined into the range they bound: "from November 20 to December 11",
    "between 2 and 9 March" or "January 23 through March 9". GUM and TimeML write such ends as two times, as
    `find_times` does; what happens over the range (a vote held, an exhibition open) is dated by the whole of it. A day
    put off for another ("postponed from May 2 to June 5") bounds nothing."""
    out: list[TimeValue] = []
    i = 0
    while i < len(times):
        first = times[i]
        last = times[i + 1] if i + 1 < len(times) else None
        before = text[max(0, first.start - 80):first.start]
        if (last is not None and first.granularity == last.granularity == "day"
                and _RANGE_JOIN.fullmatch(text, first.end, last.start)
                and (_RANGE_OPEN.search(before) or text[first.end:last.start].strip().lower() in {"through", "-", "\u2013"})
                and not _PUT_OFF_FROM.search(before) and (bounds := _range_bounds(first, last)) is not None):
            out.append(replace(_range(*bounds, "day-range"), text=text[first.start:last.end], start=first.start, end=last.end))
            i += 2
            continue
        out.append(first)
        i += 1
    return out


def find_times(text: str, dct: dt.date) -> list[TimeValue]:
    """Every time expression in `text`, normalised against `dct`, with `text[start:end] == tv.text`.

    Extents follow GUM: no leading preposition, no part of day after a day name.
    """
    return _scan(text, dct)
