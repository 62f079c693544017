"""Shared test set-up: Qt runs offscreen, and nothing touches the real user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
