"""The fast csv-module tokeniser of imports agrees with the reference tokeniser everywhere."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importing.csvformat import CsvError, _fast_records, _records

# The characters that decide tokenising, plus ordinary and exotic text.
_ALPHABET = st.sampled_from(
    [
        '"',
        '"',
        ",",
        ";",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "a",
        "ä",
        " ",
        "'",
        "\u2028",
        "\x85",
        "\x0b",
        "\x00",
        "=",
    ]
)


def _both(text: str, delimiter: str, pos: int = 0, line: int = 1):
    def run(tokenise):
        try:
            return list(tokenise(text, delimiter, pos=pos, line=line))
        except CsvError as exc:
            return exc.problems

    return run(_records), run(_fast_records)


@settings(max_examples=int(os.environ.get("TOKENISER_EXAMPLES", "3000")), deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from([",", ";", "\t"]))
def test_fast_tokeniser_matches_the_reference(text, delimiter):
    reference, fast = _both(text, delimiter)
    assert fast == reference


@pytest.mark.parametrize(
    "text",
    [
        'a,b\n"c\nd\ne',  # a quote left open on line 2 swallows the rest
        'x\n\n"never',
        '"ab"c"d,e\r\nf',
        "a,b\r\r\nc",
        '"a\r\nb",c\rd',
    ],
)
def test_fast_tokeniser_edge_cases(text):
    reference, fast = _both(text, ",")
    assert fast == reference


def test_fast_tokeniser_starts_after_a_sep_line():
    text = 'sep=;\n"a;b";c\n"open'
    reference, fast = _both(text, ";", pos=6, line=2)
    assert fast == reference
    assert fast[0].line == 3
