from __future__ import annotations

import pytest

from journal.domain.body.temperature import (
    Temperature,
    TemperatureProblem,
    TemperatureUnit,
    check_temperature,
    parse_temperature,
)

C = TemperatureUnit.CELSIUS
F = TemperatureUnit.FAHRENHEIT


def test_keeps_value_and_unit_as_entered() -> None:
    reading = Temperature(101.2, F)
    assert reading.value == 101.2
    assert reading.unit is F
    assert reading.format() == "101.2 °F"


def test_format() -> None:
    assert Temperature(38.4, C).format() == "38.4 °C"
    assert Temperature(38.0, C).format() == "38.0 °C"
    assert Temperature(38.4, C).format(F) == "101.1 °F"


@pytest.mark.parametrize(
    ("celsius", "fahrenheit"),
    [(37.0, 98.6), (38.3, 100.94), (34.0, 93.2), (43.0, 109.4), (40.0, 104.0)],
)
def test_conversion(celsius: float, fahrenheit: float) -> None:
    assert Temperature(celsius, C).fahrenheit == pytest.approx(fahrenheit)
    assert Temperature(fahrenheit, F).celsius == pytest.approx(celsius)
    assert Temperature(celsius, C).celsius == celsius
    assert Temperature(fahrenheit, F).fahrenheit == fahrenheit


@pytest.mark.parametrize("value", [34.0, 36.6, 38.35, 42.99])
def test_round_trip(value: float) -> None:
    there = Temperature(value, C)
    back = Temperature(there.fahrenheit, F)
    assert back.celsius == pytest.approx(value)
    assert back.in_unit(C) == pytest.approx(value)
    assert there.in_unit(C) == value


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("38.4", C, Temperature(38.4, C)),
        ("38,4", C, Temperature(38.4, C)),
        (" 37 ", C, Temperature(37.0, C)),
        ("101.2", F, Temperature(101.2, F)),
        ("101,2", F, Temperature(101.2, F)),
        ("38.4 °C", C, Temperature(38.4, C)),
        ("38.4°", C, Temperature(38.4, C)),
        ("101 °F", C, Temperature(101.0, F)),
        ("38.4c", F, Temperature(38.4, C)),
        ("34", C, Temperature(34.0, C)),
        ("43", C, Temperature(43.0, C)),
        ("93.2", F, Temperature(93.2, F)),
        ("109.4", F, Temperature(109.4, F)),
    ],
)
def test_parse(text: str, unit: TemperatureUnit, expected: Temperature) -> None:
    assert parse_temperature(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [("33.9", C), ("43.1", C), ("93.1", F), ("109.5", F), ("-5", C), ("0", F)],
)
def test_parse_outside_body_range(text: str, unit: TemperatureUnit) -> None:
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature(text, unit)
    message = caught.value.message
    assert "outside what a body thermometer reads" in message
    assert "Please check the reading." in message
    assert "!" not in message
    assert str(caught.value) == message


def test_out_of_range_message_wording() -> None:
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature("55", C)
    assert caught.value.message == (
        "55 °C is outside what a body thermometer reads (34 to 43 °C). Please check the reading."
    )
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature("110", F)
    assert "(93.2 to 109.4 °F)" in caught.value.message


def test_out_of_range_suggests_the_other_unit() -> None:
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature("101.3", C)
    assert caught.value.message.endswith("If your thermometer shows °F, please choose °F.")
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature("38.5", F)
    assert caught.value.message.endswith("If your thermometer shows °C, please choose °C.")


@pytest.mark.parametrize(
    "text", ["abc", "38.4.1", "thirty-eight", "38..4", "1,000.5", "nan", "inf", "38 4", "°C"]
)
def test_parse_nonsense(text: str) -> None:
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature(text, C)
    assert "does not look like a temperature" in caught.value.message
    assert "for example 37.2 °C" in caught.value.message


def test_parse_empty() -> None:
    with pytest.raises(TemperatureProblem) as caught:
        parse_temperature("   ", F)
    assert caught.value.message == (
        "Please enter the reading from the thermometer, for example 99.0 °F."
    )


def test_check_temperature() -> None:
    assert check_temperature(Temperature(38.4, C)) is None
    assert check_temperature(Temperature(float("nan"), C)) is not None
    assert check_temperature(Temperature(20.0, C)) is not None


def test_unit_labels() -> None:
    assert C.symbol == "°C"
    assert F.symbol == "°F"
    assert C.label == "Celsius (°C)"
    assert F.label == "Fahrenheit (°F)"


def test_a_reading_is_shown_as_entered_beside_the_unit_shown() -> None:
    """Break test 45b, F3: rounded into the unit shown, 38.34 °C (above 38.3 °C: a
    fever) and 101 °F (not above 101 °F) both read "38.3 °C" in Past logs."""
    celsius, fahrenheit = TemperatureUnit.CELSIUS, TemperatureUnit.FAHRENHEIT
    assert Temperature(38.34, celsius).as_entered(celsius) == "38.34 °C"
    assert Temperature(101.0, fahrenheit).as_entered(celsius) == "101.0 °F (38.3 °C)"
    assert Temperature(37.0, celsius).as_entered(fahrenheit) == "37.0 °C (98.6 °F)"
