"""Two moments never read alike: in the hour the clocks go back, the wall time says
which of the two it is (issue 9, break test finding 10c: two logs at 02:30 CEST and
02:30 CET were both listed "Sun 25 Oct 2026, 02:30")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from journal.ui.common.local_time import say_moment, say_time, short_moment
from tests.time_zones import ZONES, in_zone


def test_the_break_tests_two_logs_read_differently():
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time in Berlin
    second = first + timedelta(hours=1)  # 02:30 again, winter time
    with in_zone("Europe/Berlin"):
        assert short_moment(first) == "Sun 25 Oct 2026, 02:30 CEST (the first time)"
        assert short_moment(second) == "Sun 25 Oct 2026, 02:30 CET (the second time)"
        assert say_moment(second) == "Sunday 25 October 2026, 02:30 CET (the second time)"
        assert short_moment(first - timedelta(hours=2)) == "Sun 25 Oct 2026, 00:30"  # plain
        assert say_time(first) == "02:30 CEST (the first time)"


@pytest.mark.parametrize("name", [*ZONES, "America/Sao_Paulo", "Europe/Dublin"])
def test_every_half_hour_of_a_year_reads_differently(name):
    """Both changes of every zone: each text belongs to one moment only, in the
    person's zone and in an entry's own zone."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(minutes=30 * step) for step in range(2 * 24 * 365)]
    with in_zone(name):
        shown = [short_moment(moment) for moment in moments]
    assert len(set(shown)) == len(moments)
    own = [say_moment(moment, zone=name) for moment in moments]
    assert len(set(own)) == len(moments)
