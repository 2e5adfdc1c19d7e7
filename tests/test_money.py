"""app.domain.money.parse_amount: the one amount parser of the GUI and the CSV importer."""

from __future__ import annotations

import pytest

from app.domain.money import MAX_MINOR, AmountTooLarge, parse_amount
from app.importing.csvformat import parse_money


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("1234.56", 123456),
        ("€ 12", 1200),
        ("1.234", 123400),
        ("0.500", 50),  # three decimals after a zero are a fraction, not thousands
        ("12,50 EUR", 1250),
        ("-5", -500),
    ],
)
def test_parse_amount(text, minor):
    assert parse_amount(text) == minor
    assert parse_money(text, "Value") == minor


@pytest.mark.parametrize("text", ["", "  ", "abc", "1,2,3.4.5", "€"])
def test_parse_amount_rejects_with_the_editor_message(text):
    with pytest.raises(ValueError) as info:
        parse_amount(text)
    assert str(info.value) == f'Value must be an amount such as 1.234,56 (got "{text}")'


def test_parse_amount_limits():
    with pytest.raises(ValueError, match="at most 2 decimal places"):
        parse_amount("1.2345")
    assert parse_amount("1.2300") == 123
    with pytest.raises(ValueError, match="too large"):
        parse_amount("92233720368547758.08")
    # The largest amount, and one cent more, in both notations and on both parsing paths.
    assert parse_amount("99999999999.99") == MAX_MINOR == 10**13 - 1
    assert parse_amount("99.999.999.999,99 €") == MAX_MINOR
    for text in ("100000000000", "100.000.000.000,00", "1,000,000,000,000.00 EUR"):
        with pytest.raises(AmountTooLarge, match=r"at most 99,999,999,999\.99"):
            parse_amount(text)


def test_empty_cell_is_zero_only_for_csv():
    assert parse_money("", "Value") == 0


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("25", 25),
        (" 1000 ", 1000),
        ("1.000", 1000),
        ("1,000", 1000),
        ("1 000", 1000),
        ("12.345.678", 12345678),
    ],
)
def test_parse_count_reads_whole_numbers_in_either_notation(text, count):
    from app.domain.counts import parse_count

    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["2.5", "2,5", "1.00", "1.000,5", "1.000,000", "-3", "", "x"])
def test_parse_count_refuses_what_is_not_a_whole_number(text):
    from app.domain.counts import parse_count

    with pytest.raises(ValueError, match="whole number"):
        parse_count(text)
