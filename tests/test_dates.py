"""Date expressions keep the precision the text gives."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgraph.loaders.dates import ending_interval, parse_date

ANCHOR = dt.date(2024, 8, 15)


@pytest.mark.parametrize("expr, value, start, end, precision, qualifier", [
    ("July 12, 2024", "2024-07-12", "2024-07-12", "2024-07-12", "day", None),
    ("9 June 1992", "1992-06-09", "1992-06-09", "1992-06-09", "day", None),
    ("3rd of March 2015", "2015-03-03", "2015-03-03", "2015-03-03", "day", None),
    ("in 1995", "1995", "1995-01-01", "1995-12-31", "year", None),
    ("March 2015", "2015-03", "2015-03-01", "2015-03-31", "month", None),
    ("February 2024", "2024-02", "2024-02-01", "2024-02-29", "month", None),
    ("Sept. 2021", "2021-09", "2021-09-01", "2021-09-30", "month", None),
    ("July 11-12, 2024", "2024-07-11/2024-07-12", "2024-07-11", "2024-07-12", "day", None),
    ("11-12 July 2024", "2024-07-11/2024-07-12", "2024-07-11", "2024-07-12", "day", None),
    ("between 2014 and 2016", "2014/2016", "2014-01-01", "2016-12-31", "year", None),
    ("the 1990s", "199", "1990-01-01", "1999-12-31", "decade", None),
    ("early 2014", "2014", "2014-01-01", "2014-12-31", "year", "early"),
    ("circa 1990", "1990", "1990-01-01", "1990-12-31", "year", "circa"),
    ("c. 1990", "1990", "1990-01-01", "1990-12-31", "year", "circa"),
    ("mid-2019", "2019", "2019-01-01", "2019-12-31", "year", "mid"),
    ("ten years ago", "2014", "2014-01-01", "2014-12-31", "year", "circa"),
    ("last year", "2023", "2023-01-01", "2023-12-31", "year", None),
    ("2024-07-03", "2024-07-03", "2024-07-03", "2024-07-03", "day", None),
    ("1992-06", "1992-06", "1992-06-01", "1992-06-30", "month", None),
])
def test_date_table(expr, value, start, end, precision, qualifier):
    d = parse_date(expr, ANCHOR)
    assert (d.value, d.start, d.end, d.precision, d.qualifier) == (value, start, end, precision, qualifier)


@pytest.mark.parametrize("expr", ["2200 kilometers", "$72.36 billion", "no date here", "ten years ago"])
def test_not_a_date_without_anchor_or_sense(expr):
    # relative dates need the brief's date; numbers that are amounts are not years
    assert parse_date(expr) is None


def test_two_day_visit_that_concluded_on_a_day():
    end = parse_date("July 12, 2024")
    assert ending_interval(end, 2).value == "2024-07-11/2024-07-12"
    assert ending_interval(parse_date("1995"), 2).value == "1995"  # never invent days


def test_impossible_day_falls_back_to_the_month_it_names():
    assert parse_date("31 February 2020").value == "2020-02"
