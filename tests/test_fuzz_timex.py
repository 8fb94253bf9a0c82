"""Property-based tests of kg.extract.timex: any article date, any text, no exception and well-formed values.

The expressions are drawn from the grammar timex reads (numbers, units, weekdays,
months, relative words, clock times, years, decades) and mixed with random text;
the article dates include the ends of the calendar, where date arithmetic overflows.
"""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract.timex import count, find_times, normalize, parse_iso, shifted

FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
    "range": re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}"),
}

dcts = st.one_of(
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(1, 12, 31), dt.date(9999, 1, 1),
                     dt.date(9999, 12, 25), dt.date(2020, 2, 29)]),
    st.dates(),
)

NUMBERS = ["a", "an", "one", "two", "three", "ten", "twelve", "twenty-one", "a couple of", "a dozen", "few",
           "several", "0", "1", "7", "99", "999"]
UNITS = ["day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years", "decade", "decades",
         "hour", "hours", "minute", "minutes"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "October", "November",
          "December"]
RELATIVE = ["last", "next", "this", "this past", "this coming", "past", "coming", "previous", "following",
            "the previous", "the following", "the next", "the coming", "the same", "earlier", "later", "early",
            "mid", "late", "the end of", "the beginning of", "the middle of"]
WORDS = ["today", "tonight", "yesterday", "tomorrow", "overnight", "last night", "this morning", "now",
         "earlier today", "later today", "the day before", "the year before", "the previous day", "the week after",
         "the 1990s", "the '80s", "the 1800s", "the 21st century", "the fourth quarter", "Q3 2019", "Christmas",
         "New Year's Day", "weekend", "in the coming days", "over the past few weeks", "local time", "ago",
         "UTC", "GMT", "EST", "noon", "midnight", "spring", "summer", "winter", "fall", "autumn", "of", "on",
         "in", "at", "the", ",", ".", "will", "met", "is meeting", "said", "was", "that", "from now", "days' time",
         "a month's time", "H1", "the first half of", "the second half of the year", "ahead of", "next week",
         "of last week", "later that day", "two days later", "the same year", "the day before", "midday", "1430 GMT",
         "8 p.m. ET", "a.m. (EST)", "2019-20", "1999-00", "the 1900s", "Mohamed", "must", "is on"]
years = st.sampled_from(["0001", "0999", "1000", "1999", "2020", "2099", "9998", "9999"]) | \
    st.integers(min_value=0, max_value=9999).map(str)
clocks = st.builds(lambda h, m, ap: f"{h}:{m:02d}{ap}", st.integers(0, 25), st.integers(0, 61),
                   st.sampled_from(["", " a.m.", " p.m.", "am", " pm", " UTC", " GMT+2", " local time"]))
numeric = st.builds(lambda a, b, c: f"{a}/{b}/{c}", st.integers(0, 40), st.integers(0, 40), st.integers(0, 9999))
iso = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 13),
                st.integers(0, 32))
token = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(UNITS), st.sampled_from(WEEKDAYS),
                  st.sampled_from(MONTHS), st.sampled_from(RELATIVE), st.sampled_from(WORDS), years, clocks,
                  numeric, iso, st.integers(0, 40).map(str))
expressions = st.lists(token, min_size=1, max_size=6).map(" ".join)
junk = st.text(max_size=40)
texts = st.lists(st.one_of(expressions, junk, st.sampled_from(WEEKDAYS + MONTHS)), min_size=1, max_size=6) \
    .map(lambda parts: " ".join(parts))


def _well_formed(tv) -> None:
    assert tv.earliest <= tv.latest, tv
    assert tv.granularity in FORMS, tv
    assert FORMS[tv.granularity].fullmatch(tv.value), tv
    back = parse_iso(tv.value)  # the value says what the bounds say
    assert (back.earliest, back.latest) == (tv.earliest, tv.latest), tv


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, dct=dcts)
@example(text="The summit will be held next year.", dct=dt.date.max)
@example(text="It began last year, on Monday, 3 weeks ago.", dct=dt.date.min)
@example(text="They meet again tomorrow, next week and in the coming days.", dct=dt.date(9999, 12, 31))
def test_find_times_never_raises_and_returns_well_formed_values(text, dct):
    for tv in find_times(text, dct):
        assert 0 <= tv.start < tv.end <= len(text), tv
        assert text[tv.start:tv.end] == tv.text, tv
        _well_formed(tv)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expr=st.one_of(expressions, junk), dct=dcts, sentence=st.one_of(st.just(""), texts))
@example(expr="next year", dct=dt.date.max, sentence="")
@example(expr="last year", dct=dt.date.min, sentence="")
@example(expr="in November", dct=dt.date.max, sentence="The vote will be held in November.")
def test_normalize_never_raises_and_returns_well_formed_values(expr, dct, sentence):
    tv = normalize(expr, dct, sentence)
    if tv is not None:
        _well_formed(tv)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=texts, expr=expressions, after=texts, dct=dcts)
def test_normalize_inside_its_sentence_never_raises(before, expr, after, dct):
    """The expression sits in its sentence, so anaphoric rules look for the times around it."""
    tv = normalize(expr, dct, f"{before} {expr} {after}")
    if tv is not None:
        _well_formed(tv)


@settings(max_examples=200, deadline=None)
@given(dct=dcts, n=st.integers(-20000, 20000), unit=st.sampled_from(["day", "week", "month", "year"]),
       granularity=st.sampled_from(["day", "month", "year"]))
def test_shifted_saturates_at_the_ends_of_the_calendar(dct, n, unit, granularity):
    base = parse_iso({"day": dct.isoformat(), "month": dct.isoformat()[:7], "year": dct.isoformat()[:4]}[granularity])
    tv = shifted(base, n, unit)
    if tv is not None:
        _well_formed(tv)


@given(word=st.text(max_size=30))
def test_count_never_raises(word):
    n = count(word)
    assert n is None or n >= 0


def test_the_end_of_the_calendar_leaves_the_expression_unresolved():
    assert normalize("next year", dt.date.max) is None
    assert normalize("last year", dt.date.min) is None
    assert normalize("this year", dt.date.max).value == "9999"
    assert normalize("tomorrow", dt.date(9999, 12, 30)).value == "9999-12-31"
