"""A group's subject prefix goes on once, whatever the mail programs did to the subject.

Proves, over any subject and any prefix a mentor may set, that prefixing a prefixed subject
changes nothing and that the archive's subject holds no prefix among its reply markers; and,
on the subjects members' mail programs really write, Mailman's rule: every prefix among the
leading "Re:" goes, one marker stays, the prefix goes in front.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.exchange.subject_prefix import with_prefix, without_prefix
from learnlink.exchange.thread_headers import strip_reply_prefixes

PREFIX = "[oranges-muheza]"
# Subjects built of the pieces real ones are made of, so that prefixes and markers meet often.
PIECES = st.sampled_from(["Re:", "RE :", "Fwd:", "AW:", "Sv:", "Jibu:", "Réf :", "Re[2]:",
                          PREFIX, PREFIX.upper(), "[oranges]", "Price", "of", "oranges", " ",
                          "\t", "—", ":", "[", "]"])
SUBJECTS = st.one_of(st.text(max_size=80), st.lists(PIECES, max_size=12).map(" ".join),
                     st.lists(PIECES, max_size=12).map("".join))
# What the settings form lets through: printable, at most 40 characters, not blank.
PREFIXES = st.one_of(st.just(PREFIX), st.sampled_from(["Re:", "[x]", "oranges", "re"]),
                     st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1,
                             max_size=40).filter(str.strip))


@settings(max_examples=2_000, deadline=None)
@given(SUBJECTS, PREFIXES)
def test_prefixing_a_prefixed_subject_changes_nothing(subject, prefix):
    once = with_prefix(subject, prefix)
    assert with_prefix(once, prefix) == once
    assert once.startswith(" ".join(prefix.split()))


@settings(max_examples=1_000, deadline=None)
@given(SUBJECTS)
def test_the_archives_subject_has_the_same_thread_name_with_or_without_the_prefix(subject):
    assert strip_reply_prefixes(without_prefix(with_prefix(subject, PREFIX), PREFIX)) == \
        strip_reply_prefixes(without_prefix(subject, PREFIX))


@pytest.mark.parametrize(("subject", "copy", "archived"), [
    ("Price of oranges", "[oranges-muheza] Price of oranges", "Price of oranges"),
    ("Re: Price of oranges", "[oranges-muheza] Re: Price of oranges", "Re: Price of oranges"),
    ("Re: [oranges-muheza] Re: [oranges-muheza] Price of oranges",
     "[oranges-muheza] Re: Price of oranges", "Re: Re: Price of oranges"),
    ("[ORANGES-MUHEZA] Jibu: Bei ya machungwa", "[oranges-muheza] Jibu: Bei ya machungwa",
     "Jibu: Bei ya machungwa"),
    ("AW: Sv: [oranges-muheza]   Price", "[oranges-muheza] AW: Price", "AW: Sv: Price"),
    ("Price of [oranges-muheza] oranges", "[oranges-muheza] Price of [oranges-muheza] oranges",
     "Price of [oranges-muheza] oranges"),
    ("[oranges-muheza-2] Price", "[oranges-muheza] [oranges-muheza-2] Price",
     "[oranges-muheza-2] Price"),
    ("", "[oranges-muheza]", ""),
])
def test_the_prefix_goes_in_front_once_and_out_of_the_archive(subject, copy, archived):
    assert with_prefix(subject, PREFIX) == copy
    assert without_prefix(subject, PREFIX) == archived


def test_a_prefix_ending_in_a_letter_does_not_eat_the_start_of_a_word():
    assert with_prefix("orangesmith visit", "oranges") == "oranges orangesmith visit"


def test_without_a_prefix_the_subject_is_left_as_it_came():
    assert with_prefix("Re:  [x]  Price", "") == "Re:  [x]  Price"
    assert without_prefix("Re:  [x]  Price", " ") == "Re:  [x]  Price"
