"""Shared benchmark helpers: Qt offscreen, percentiles, a reusable cache folder.

Kept generic: each area's benchmark module builds its own data.
"""

from __future__ import annotations

import math
import os
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (fraction 0..1) of some timings."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summarise(samples_ms: Sequence[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples_ms), 2),
        "p95_ms": round(percentile(samples_ms, 0.95), 2),
        "max_ms": round(max(samples_ms), 2),
        "n": len(samples_ms),
    }


@pytest.fixture(scope="session")
def bench_cache() -> Path:
    """A folder under the temp directory that outlives the session, for built data."""
    folder = Path(tempfile.gettempdir()) / "solace-bench-cache"
    folder.mkdir(exist_ok=True)
    return folder
