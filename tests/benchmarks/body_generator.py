"""A deterministic year of body logs: 6 logs a day, 4 pad changes a day.

Bleeding tapers over the first weeks and a period-like week comes every 30 days
or so; a few chills and one fever keep the warning-sign rules busy.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit

START = datetime(2024, 1, 1, 7, 0, tzinfo=UTC)
DAYS = 365
LOGS_PER_DAY = 6
PADS_PER_DAY = 4


def year_of_logs(seed: int = 5) -> tuple[list[BodyLog], list[PadChange], RecoveryDetails, datetime]:
    rng = random.Random(seed)
    logs: list[BodyLog] = []
    pads: list[PadChange] = []
    for day in range(DAYS):
        base = START + timedelta(days=day)
        if day < 21:
            level = max(0, 4 - day // 5)
        elif day % 30 < 5:
            level = rng.choice((1, 2, 3))
        else:
            level = 0
        for n in range(LOGS_PER_DAY):
            at = base + timedelta(hours=2 * n + rng.random())
            reading = None
            if n % 3 == 0:
                reading = Temperature(round(rng.uniform(36.4, 37.6), 1), TemperatureUnit.CELSIUS)
            logs.append(
                BodyLog(
                    id=f"log-{day:03d}-{n}",
                    logged_at=at,
                    bleeding=BleedingLevel(max(0, min(5, level + rng.choice((-1, 0, 0, 1))))),
                    cramping=rng.randint(0, 6 if day < 21 else 3),
                    pain_relief="ibuprofen" if n == 0 and day < 14 else "",
                    pain_relief_at=at - timedelta(minutes=30) if n == 0 and day < 14 else None,
                    temperature=reading,
                    chills=day in (3, 120) and n == 2,
                    note="slept a little" if n == 5 else "",
                )
            )
        if level:
            for n in range(PADS_PER_DAY):
                pads.append(
                    PadChange(
                        f"pad-{day:03d}-{n}",
                        base + timedelta(hours=3 * n, minutes=rng.randint(0, 50)),
                        rng.choice((PadKind.REGULAR, PadKind.THICK)),
                        rng.choice((Soaking.PARTLY, Soaking.PARTLY, Soaking.FULLY)),
                    )
                )
    recovery = RecoveryDetails(loss_date=date(2023, 12, 31), bleeding_stopped_on=date(2024, 1, 25))
    now = START + timedelta(days=DAYS)
    return logs, pads, recovery, now
