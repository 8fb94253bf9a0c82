"""Hand-checked time expressions against the article of Thursday 2020-07-16."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.extract.timex import find_times, joined_ranges, normalize, parse_iso

DCT = dt.date(2020, 7, 16)  # a Thursday


@pytest.mark.parametrize("expr, sentence, value, granularity", [
    # weekends are Saturday-Sunday ranges; "last weekend" is the one before the DCT
    ("last weekend", "", "2020-07-11/2020-07-12", "range"),
    ("this weekend", "The fair took place this weekend.", "2020-07-11/2020-07-12", "range"),
    ("this weekend", "The fair will open this weekend.", "2020-07-18/2020-07-19", "range"),
    ("next weekend", "", "2020-07-18/2020-07-19", "range"),
    ("in November 2018", "", "2018-11", "month"),
    ("in 2008", "", "2008", "year"),
    ("July 12", "", "2020-07-12", "day"),
    ("July 16, 2020", "", "2020-07-16", "day"),
    ("16 July 2020", "", "2020-07-16", "day"),
    ("2020-07-16", "", "2020-07-16", "day"),
    ("Friday, July 21, 2017", "", "2017-07-21", "day"),
    ("mid-July", "", "2020-07", "month"),
    ("today", "", "2020-07-16", "day"),
    ("tonight", "", "2020-07-16", "day"),
    ("this morning", "", "2020-07-16", "day"),
    ("yesterday", "", "2020-07-15", "day"),
    ("tomorrow", "", "2020-07-17", "day"),
    ("next month", "", "2020-08", "month"),
    ("last month", "", "2020-06", "month"),
    ("this month", "", "2020-07", "month"),
    ("in November", "The deal was signed in November.", "2019-11", "month"),
    ("in November", "The vote will be held in November.", "2020-11", "month"),
    ("June 27", "The vote was planned for June 27.", "2020-06-27", "day"),
    ("December 11", "The referendum is to be held on December 11.", "2020-12-11", "day"),
    ("December 11", "The referendum was held on December 11.", "2019-12-11", "day"),
    ("last year", "", "2019", "year"),
    ("next year", "", "2021", "year"),
    ("this year", "", "2020", "year"),
    ("the year before", "This is a decrease from the year before.", "2019", "year"),
    # a bare weekday is the latest one, the DCT itself when it is the DCT's, the next one in the future tense
    ("on Thursday", "Talks ended on Thursday.", "2020-07-16", "day"),
    ("Sunday", "The election was held on Sunday.", "2020-07-12", "day"),
    ("Sunday", "The minister will speak on Sunday.", "2020-07-19", "day"),
    ("Monday", "Apple announced Monday that it will give owners a case.", "2020-07-13", "day"),
    ("last Tuesday", "", "2020-07-14", "day"),
    ("next Friday", "", "2020-07-17", "day"),
    # weeks are Monday-Sunday, as GUM annotates them
    ("last week", "", "2020-W28", "week"),
    ("this week", "", "2020-W29", "week"),
    ("next week", "", "2020-W30", "week"),
    ("the 1990s", "", "1990-01-01/1999-12-31", "range"),
    ("the sixties", "", "1960-01-01/1969-12-31", "range"),
    ("the 20th century", "", "1900-01-01/1999-12-31", "range"),
    ("last summer", "", "2019-06-01/2019-08-31", "range"),
    ("the fourth quarter of 2019", "", "2019-10-01/2019-12-31", "range"),
    ("two days ago", "", "2020-07-14", "day"),
    ("three weeks ago", "", "2020-W26", "week"),
    ("20 months ago", "", "2018-11", "month"),
    ("Seventeen years ago", "", "2003", "year"),
    ("the end of the year", "", "2020-12-31", "day"),
    ("7/8/07", "", "2007-07-08", "day"),
    ("10/19/89", "", "1989-10-19", "day"),
    ("Oct. 19", "", "2020-10-19", "day"),  # nearer than October 2019
    ("Sept. 30, 1989", "", "1989-09-30", "day"),
    ("a year earlier", "", "2019", "year"),
    ("the end of the month", "", "2020-07-31", "day"),
    ("18:00 UTC", "The jet made its first flight Tuesday at 18:00 UTC.", "2020-07-14", "day"),
    ("Opening night", "Opening night, January 23, 2020, drew a crowd.", "2020-01-23", "day"),
    # a span holding two times is the range they bound; a leading "over" or "between" is left out
    ("from July 2003 to December 2004", "He served from July 2003 to December 2004.", "2003-07-01/2004-12-31", "range"),
    ("between 2010 and 2012", "Output rose between 2010 and 2012.", "2010-01-01/2012-12-31", "range"),
    ("Monday and Tuesday", "Talks were held on Monday and Tuesday.", "2020-07-13/2020-07-14", "range"),
    ("over the past decade", "The city grew over the past decade.", "2010-07-16/2020-07-16", "range"),
    # a time inside words that leave its value as it is
    ("early Tuesday", "The fire broke out early Tuesday.", "2020-07-14", "day"),
    ("the morning of June 5", "The fire broke out on the morning of June 5.", "2020-06-05", "day"),
    ("shortly after midnight", "The fire broke out shortly after midnight on Sunday.", "2020-07-12", "day"),
    ("the weekend", "The fire broke out over the weekend.", "2020-07-11/2020-07-12", "range"),
    ("Tuesday 's", "Tuesday 's fire killed two .", "2020-07-14", "day"),
    ("nearly two weeks ago", "The fire broke out nearly two weeks ago.", "2020-W27", "week"),
    ("Friday at noon", "The report will be released on Friday at noon.", "2020-07-17", "day"),
    ("the summer", "The deal was signed in the summer.", "2020-06-01/2020-08-31", "range"),
    ("the fall", "The deal will be signed in the fall.", "2020-09-01/2020-11-30", "range"),
])
def test_normalize(expr, sentence, value, granularity):
    tv = normalize(expr, DCT, sentence)
    assert tv is not None, expr
    assert (tv.value, tv.granularity) == (value, granularity)
    assert tv.earliest <= tv.latest
    assert tv.text == expr


@pytest.mark.parametrize("expr", ["20 months", "two years", "a week", "several years", "the day", "recently", "737"])
def test_durations_and_vague_expressions_have_no_value(expr):
    assert normalize(expr, DCT) is None


@pytest.mark.parametrize("value, earliest, latest, granularity", [
    ("2018-11", dt.date(2018, 11, 1), dt.date(2018, 11, 30), "month"),
    ("2008", dt.date(2008, 1, 1), dt.date(2008, 12, 31), "year"),
    ("2020-07-16", dt.date(2020, 7, 16), dt.date(2020, 7, 16), "day"),
    ("2020-W28", dt.date(2020, 7, 6), dt.date(2020, 7, 12), "week"),
    ("2020-07-11/2020-07-12", dt.date(2020, 7, 11), dt.date(2020, 7, 12), "range"),
])
def test_parse_iso(value, earliest, latest, granularity):
    tv = parse_iso(value)
    assert (tv.value, tv.earliest, tv.latest, tv.granularity) == (value, earliest, latest, granularity)


def test_parse_iso_round_trips_normalised_values():
    for expr in ("last weekend", "last week", "in November 2018", "in 2008", "today", "the 1990s"):
        tv = normalize(expr, DCT)
        back = parse_iso(tv.value)
        assert (back.earliest, back.latest) == (tv.earliest, tv.latest)


def test_parse_iso_rejects_other_text():
    with pytest.raises(ValueError, match=r"\[T001\]"):
        parse_iso("last week")


TEXT = ("Thursday, July 16, 2020\n\n"
        "The ministers met on Thursday in Geneva, two days after talks collapsed last weekend. "
        "A 100-percent tax was proposed in November 2018 and again in 2008; 2,000 people protested. "
        "Boeing said a 737 will fly next month, and the vote planned for June 27 went ahead. "
        "The project took 20 months. Theresa May said in May that the 1990s were different.")


def test_find_times_values_and_offsets():
    found = find_times(TEXT, DCT)
    for tv in found:
        assert TEXT[tv.start:tv.end] == tv.text
    got = [(tv.text, tv.value) for tv in found]
    assert got == [
        ("Thursday, July 16, 2020", "2020-07-16"),
        ("Thursday", "2020-07-16"),
        ("last weekend", "2020-07-11/2020-07-12"),
        ("November 2018", "2018-11"),
        ("2008", "2008"),
        ("next month", "2020-08"),
        ("June 27", "2020-06-27"),
        ("May", "2020-05"),
        ("the 1990s", "1990-01-01/1999-12-31"),
    ]


@pytest.mark.parametrize("text", [
    "a 100-percent tax", "2,000 people", "a 737", "for 20 months", "two years of talks",
    "Theresa May spoke", "a 2000-year-old tradition", "1709 schoolchildren", "$2015 in fees",
    "aged 8 – 10 years", "a 12-hour flight", "3.5 percent", "may be", "the march began",
])
def test_find_times_ignores_numbers_and_words_that_are_not_dates(text):
    assert find_times(text, DCT) == []


def test_extent_leaves_out_preposition_and_part_of_day():
    text = "It began on Thursday night and ended yesterday afternoon, in March."
    assert [tv.text for tv in find_times(text, DCT)] == ["Thursday", "yesterday", "March"]


def test_never_reads_the_clock():
    old = dt.date(1999, 3, 3)
    assert normalize("today", old).value == "1999-03-03"
    assert normalize("next year", old).value == "2000"


CONSTRUCTIONS = Path(__file__).resolve().parent.parent / "data" / "constructions" / "dates.jsonl"
DATE_CASES = [json.loads(line) for line in CONSTRUCTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", DATE_CASES, ids=[c["id"] for c in DATE_CASES])
def test_date_constructions(case):
    """Each line of tests/data/constructions/dates.jsonl: every time in the text, in order, with its value."""
    found = find_times(case["text"], dt.date.fromisoformat(case["date"]))
    for tv in found:
        assert case["text"][tv.start:tv.end] == tv.text
    assert [[tv.text, tv.value] for tv in found] == case["expect"]["times"], case["construction"]


@pytest.mark.parametrize("dct, sentence, value", [
    ("2018-01-04", "The company plans to list its shares in the first half.", "2018-01-01/2018-06-30"),
    ("2018-03-04", "Sales fell in the second half.", "2017-07-01/2017-12-31"),
    ("2018-09-04", "Growth will pick up in the first half.", "2019-01-01/2019-06-30"),
    ("2018-09-04", "Growth slowed in the first half.", "2018-01-01/2018-06-30"),
    ("2018-09-04", "Prices should ease in the second half.", "2018-07-01/2018-12-31"),
])
def test_normalize_bare_half_is_the_year_its_tense_points_to(dct, sentence, value):
    """A span known to be a time, "the first half" alone, is a half of the DCT's year or of the year its tense points to."""
    span = sentence[sentence.index("the "):-1]
    assert normalize(span, dt.date.fromisoformat(dct), sentence).value == value


@pytest.mark.parametrize("expr, sentence, value", [
    ("so far this year", "Oil prices have fallen 40 percent so far this year.", "2008"),
    ("so far this month", "Car sales have risen so far this month.", "2008-10"),
    ("thus far in 2008", "The index has lost a third thus far in 2008.", None),
])
def test_normalize_so_far_is_the_period_it_leads(expr, sentence, value):
    """"so far this year" is this year; a second lead word ("thus far in 2008") is not read."""
    tv = normalize(expr, dt.date(2008, 10, 8), sentence)
    assert (tv.value if tv else None) == value


@pytest.mark.parametrize("expr, sentence, value", [
    ("Wednesday's session", "Banks led the declines in Wednesday's session.", "2008-10-08"),
    ("Tuesday 's vote", "Turnout fell in Tuesday 's vote .", "2008-10-07"),
    ("last year's election", "Fraud marred last year's election.", "2007"),
    ("the 2012 Olympics", "London is building the stadium for the 2012 Olympics.", "2012"),
    ("the 2009 model year", "The plant will build trucks for the 2009 model year.", "2009"),
    ("the 2018 World Cup final", "He scored in the 2018 World Cup final.", None),
    ("the closing of the 2012 Olympics", "He left after the closing of the 2012 Olympics.", None),
])
def test_normalize_time_premodifying_a_head_is_its_value(expr, sentence, value):
    """A time that opens a span as the modifier of a head of one or two words dates the span."""
    tv = normalize(expr, dt.date(2008, 10, 8), sentence)
    assert (tv.value if tv else None) == value


@pytest.mark.parametrize("expr, sentence, value", [
    ("the day", "The Dow closed down 2 percent on the day.", "2008-10-08"),
    ("the week", "The index is down 9 percent for the week.", "2008-W41"),
    ("the afternoon", "Stocks recovered in the afternoon.", "2008-10-08"),
    ("the day", "Tunisia faced England in the last match of the day.", None),
    ("the day", "He still remembers the day.", None),
])
def test_normalize_report_period_is_the_dcts(expr, sentence, value):
    """ "on the day", "for the week", "in the afternoon" with no day named in the sentence are the DCT's."""
    tv = normalize(expr, dt.date(2008, 10, 8), sentence)
    assert (tv.value if tv else None) == value


@pytest.mark.parametrize("expr, sentence", [
    ("the final of the 2018 World Cup", "He scored in the final of the 2018 World Cup."),
    ("the day of the 2016 vote", "He spoke on the day of the 2016 vote."),
])
def test_normalize_time_inside_a_noun_phrase_is_not_its_value(expr, sentence):
    """A year that modifies the head of the span ("the final of the 2018 World Cup") does not date the span."""
    assert normalize(expr, DCT, sentence) is None


def _cue_texts() -> list[str]:
    """Texts full of time expressions: the date construction lines, this file's sentences and the bundled articles."""
    root = Path(__file__).resolve().parents[1] / "data"
    lines = (root / "constructions" / "dates.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "articles").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root.parents[1] / "examples").glob("*.txt"))]
    return texts + ["the 1990s", "the '80s", "the nineties", "in the 20th century", "three days' time",
                    "a month's time", "two weeks from now", "Q3 2019", "H1 2020", "the 3rd of next month"]


def test_every_match_of_a_cued_rule_holds_its_cue():
    """A rule with a cue is skipped on a text without the cue, so the cue must be in every match of the rule."""
    from kg.extract.timex import _COMPILED, _CUES

    texts, checked = _cue_texts(), 0
    for name, rx, _ in _COMPILED:
        if name not in _CUES:
            continue
        for text in texts:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    checked += 1
                    assert _CUES[name].search(m.group().lower()), (name, m.group())
    assert checked > 100, checked


def test_cues_change_no_time_found():
    """The article scan with the cues finds what a scan of every rule finds."""
    from kg.extract import timex

    texts = _cue_texts()
    with_cues = [timex.find_times(text, DCT) for text in texts]
    saved = dict(timex._CUES)
    try:
        timex._CUES.clear()
        assert [timex.find_times(text, DCT) for text in texts] == with_cues
    finally:
        timex._CUES.update(saved)


@pytest.mark.parametrize("sentence, expected", [
    ("The referendum is to be held from November 20 to December 11.", [("November 20 to December 11", "2015-11-20/2015-12-11")]),
    ("The festival runs from 20 November to 11 December 2015.", [("20 November to 11 December 2015", "2015-11-20/2015-12-11")]),
    ("The talks ran from December 28, 2015 to January 3.", [("December 28, 2015 to January 3", "2015-12-28/2016-01-03")]),
    ("The exhibition is open January 23 through March 9.", [("January 23 through March 9", "2015-01-23/2015-03-09")]),
    ("Talks were held between May 2 and May 5.", [("May 2 and May 5", "2015-05-02/2015-05-05")]),
    # two days, not a range: put off from one to the other; joined by 'and' with no 'between'; more than a year apart
    ("The vote was postponed from November 20 to December 11.", [("November 20", "2014-11-20"), ("December 11", "2014-12-11")]),
    ("He met Putin on May 2 and Xi on May 5.", [("May 2", "2015-05-02"), ("May 5", "2015-05-05")]),
    ("Between May 2, 2010 and May 5, 2013 he served.", [("May 2, 2010", "2010-05-02"), ("May 5, 2013", "2013-05-05")]),
])
def test_joined_ranges(sentence, expected):
    """Two days that bound a range are one time for dating events; find_times keeps them two (GUM's extents)."""
    times = find_times(sentence, dt.date(2015, 5, 7))
    assert [(tv.text, tv.value) for tv in joined_ranges(sentence, times)] == expected
    assert len(times) == 2


@pytest.mark.parametrize("text", [
    "Profits rose in FY2020 and in H1 2021; sales in Q3 2019 fell.",
    "The vote closes at 16:00 UTC today, 11 a.m. EST, and was filed 2020-01-01T10:00Z.",
    "In İSTANBUL on MONDAY, March 3, talks began; ﬁnal results by Friday.",  # lowering changes the length
    "Talks resumed the following day, two weeks ago, in the second half of the year, LAST WEEK.",
])
def test_the_lowered_scan_finds_what_the_case_blind_patterns_find(text):
    """`_scan` reads each rule's matches off the lowered text with letter-lowered patterns, a rule no cue gates only at
    the places the one look-ahead of all of them found: the same spans and groups as the rule's own case-insensitive
    pattern over the text as written."""
    from kg.extract.timex import _COMPILED, _matches, _starts

    starts = _starts(text, text.lower())
    for order, (name, rx, _) in enumerate(_COMPILED):
        expected = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(order, text, text.lower(), starts)] == expected, name
