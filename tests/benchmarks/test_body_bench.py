"""The body log with a year of logs at 6 a day.

Targets: the warning-sign rules over the year at most 20 ms, the timeline page
opening (load, rules, banner, timeline) at most 100 ms, the chart at most 50 ms.
"""

from __future__ import annotations

from datetime import UTC

import pytest

from journal.domain.body.warning_signs import evaluate
from journal.settings import Settings
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.ui.body.area import BodyArea
from journal.ui.common.area import AppContext

try:
    from body_generator import year_of_logs
except ImportError:  # the benchmarks folder became a package
    from tests.benchmarks.body_generator import year_of_logs

YEAR = year_of_logs()


@pytest.fixture
def year_area(qtbot, journal: OpenJournal, settings: Settings) -> BodyArea:  # type: ignore[no-untyped-def]
    logs, pads, recovery, _now = YEAR
    BodyRepository(journal.db).save_logs(logs)
    for pad in pads:
        BodyRepository(journal.db).save_pad_change(pad)
    BodyRepository(journal.db).save_recovery(recovery)
    area = BodyArea()
    qtbot.addWidget(area)
    area.resize(1000, 700)
    area.show()
    area.open_journal(AppContext(journal, settings, lambda _url: None))
    return area


def test_rules_over_a_year(benchmark) -> None:  # type: ignore[no-untyped-def]
    logs, pads, recovery, now = YEAR
    raised = benchmark(evaluate, logs, pads, recovery, now, tz=UTC)
    assert len(logs) == 365 * 6
    assert raised  # the year does hold a few signs
    assert benchmark.stats.stats.median < 0.020


def test_timeline_page_open_with_a_year(benchmark, year_area: BodyArea) -> None:  # type: ignore[no-untyped-def]
    benchmark(year_area.refresh)
    assert len(year_area.logs) == 365 * 6
    assert "Days with bleeding noted so far" in year_area.timeline.bleeding.text()
    assert benchmark.stats.stats.median < 0.100


def test_chart_with_a_year(benchmark, year_area: BodyArea) -> None:  # type: ignore[no-untyped-def]
    year_area.chart_range.setCurrentIndex(year_area.chart_range.count() - 1)  # everything
    benchmark(year_area.update_chart)
    assert year_area.chart.chart().series()[0].count() == 365
    assert benchmark.stats.stats.median < 0.050
