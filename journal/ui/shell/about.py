"""Help > About Solace: the version, the libraries Solace is built on with their
licences, and the note that Solace is not medical advice."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from journal import __version__
from journal.ui.common.accessibility import describes
from journal.ui.common.fit import dialog_layout
from journal.ui.common.widgets import label

NOT_ADVICE = (
    "Solace offers general information, not medical advice. Your own doctor's "
    "instructions come first. If you are worried about your health, contact your doctor, "
    "or your emergency number when it is urgent."
)
PRIVATE = "Everything stays on this computer: no account, no network, no telemetry."


@dataclass(frozen=True)
class Library:
    """One library Solace ships with: its name, the distribution that carries its
    version, and its licence (SPDX), as the project publishes it."""

    name: str
    distribution: str
    licence: str


# The licences as each project states them (its package metadata, or for sqlcipher3,
# whose metadata names none, its LICENSE file). Qt's is LGPL-3.0 as used here.
# Every library Solace runs with: those pyproject.toml names and those they need in
# turn (tests/ui/shell/test_menus.py checks it against the installed metadata; zxcvbn,
# PyYAML, regex and the ones below them had been left out: break test 10 of session
# 12, finding 2).
LIBRARIES = (
    Library("Qt", "", "LGPL-3.0-only"),
    Library("PySide6", "PySide6-Essentials", "LGPL-3.0-only"),
    Library("PySide6 Addons", "PySide6-Addons", "LGPL-3.0-only"),
    Library("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    Library("SQLAlchemy", "SQLAlchemy", "MIT"),
    Library("Alembic", "alembic", "MIT"),
    Library("Mako", "Mako", "MIT"),
    Library("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    Library("typing_extensions", "typing_extensions", "PSF-2.0"),
    Library("sqlcipher3 (SQLCipher, SQLite)", "sqlcipher3", "Zlib; BSD-3-Clause; public domain"),
    Library("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Library("cffi", "cffi", "MIT-0"),
    Library("pycparser", "pycparser", "BSD-3-Clause"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("tzlocal", "tzlocal", "MIT"),
    Library("zxcvbn", "zxcvbn", "MIT"),
    Library("PyYAML", "PyYAML", "MIT"),
    Library("regex", "regex", "Apache-2.0 AND CNRI-Python"),
    Library("PyStemmer (Snowball)", "PyStemmer", "MIT AND BSD-3-Clause"),
)


def library_version(library: Library) -> str:
    """The installed version, or "" where a bundle kept no package metadata."""
    if library.name == "Qt":
        return qVersion()
    if library.name == "PySide6":
        return str(pyside_version)
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return ""


class RowsTable(QTableWidget):
    """A table as tall as all its rows, whose words wrap in their columns (at 200 %
    text the licence table was a box of one and a half rows with its last column cut
    to "LGI", scrolling inside a scrolling dialog: break test 10 of session 7, 6).
    It is part of its dialog's page, which scrolls."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())

    def _height(self) -> int:
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        return self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())


class AboutDialog(QDialog):
    """About Solace: the version, the libraries it is built on with their licences, and
    the note that Solace is not medical advice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Solace")
        layout, footer = dialog_layout(self, width_chars=80)
        layout.addWidget(label("Solace", "heading"))
        self.version = label(f"Version {__version__}")
        self.version.setAccessibleName(f"Version {__version__}")
        layout.addWidget(self.version)
        what = label(
            "A private journal and body log for recovery after a miscarriage, alone or as a couple."
        )
        layout.addWidget(what)
        layout.addWidget(describes(label(PRIVATE), self, before=what.text()))
        self.not_advice = label(NOT_ADVICE, "notice")
        layout.addWidget(self.not_advice)
        layout.addWidget(label("Built with these libraries, under their own licences:", "subtle"))
        self.libraries = RowsTable(len(LIBRARIES), 3)
        self.libraries.setAccessibleName("Libraries and their licences")
        self.libraries.setHorizontalHeaderLabels(["Library", "Version", "Licence"])
        # Each row's header, hidden on screen, is still read on the bus: the library's
        # name, never Qt's row number (break test 15 of session 29, N8).
        self.libraries.setVerticalHeaderLabels([library.name for library in LIBRARIES])
        self.libraries.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.libraries.setTabKeyNavigation(False)  # Tab goes on to Close, arrows move
        for row, library in enumerate(LIBRARIES):
            for column, text in enumerate(
                (library.name, library_version(library) or "not recorded", library.licence)
            ):
                self.libraries.setItem(row, column, QTableWidgetItem(text))
        columns = self.libraries.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.libraries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        footer.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Open at the top, on the name, with the focus on Close: Qt gave the focus to
        the table, which was scrolled into view with the name above the fold at 200 %
        text (break test 10 of session 7, finding 6)."""
        super().showEvent(event)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        body = self.findChild(QScrollArea)
        if body is not None:
            body.verticalScrollBar().setValue(0)
