"""A preference chosen in the real Settings dialog is followed at once by every open view:
the temperature unit (body-log form, past logs, chart), the theme, the text size, the
idle lock and the emergency number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from journal.domain.body.emergency import NOT_DIGITS, NOTHING_TYPED, TOO_FEW_DIGITS, TWO_NUMBERS
from journal.domain.body.log import BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.settings import ALL_SETTINGS, EMERGENCY_NUMBER, TEMPERATURE_UNIT, Settings
from journal.ui.body.area import CHARTS_TAB
from journal.ui.body.past_logs import COLUMNS
from journal.ui.common.emergency import emergency_number
from journal.ui.shell.settings_dialog import ANOTHER_NUMBER, SettingsDialog

PAST_LOGS_COLUMN_TEMPERATURE = COLUMNS.index("Temperature")  # by name: the columns were reordered


def _body(window):  # type: ignore[no-untyped-def]
    body = next(a for a in window.areas if a.area_id == "body")
    window.show_area(body)
    return body


def _open_settings(qtbot, window) -> SettingsDialog:  # type: ignore[no-untyped-def]
    """Through the Settings menu item, as a person would."""
    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible()
    )
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.activateWindow()  # the window manager's part; the offscreen platform has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _choose(qtbot, box: QComboBox, data: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item with the keyboard (focus, then arrow keys) until its data is ``data``."""
    box.setFocus()
    target = box.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up
    while box.currentIndex() != target:
        qtbot.keyClick(box, key)


def _save(qtbot, dialog: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.finished):  # from a drop-down too (Enter opens its list)
        control = Qt.KeyboardModifier.ControlModifier
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, control)


def _set_spin(qtbot, box: QSpinBox, value: int) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value))


def test_fahrenheit_chosen_in_settings_changes_the_open_form_and_past_logs_at_once(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = _body(window)
    body.form.temperature.setFocus()
    qtbot.keyClicks(body.form.temperature, "37.2")
    qtbot.mouseClick(body.form.save_button, Qt.MouseButton.LeftButton)
    assert body.past.model.index(0, PAST_LOGS_COLUMN_TEMPERATURE).data() == "37.2 °C"
    assert body.form.unit.currentData() is TemperatureUnit.CELSIUS

    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.unit, "F")
    _save(qtbot, dialog)

    assert body.form.unit.currentData() is TemperatureUnit.FAHRENHEIT
    # As entered, then in the unit chosen (break test 45b, F3)
    assert body.past.model.index(0, PAST_LOGS_COLUMN_TEMPERATURE).data() == "37.2 °C (99.0 °F)"
    body.tabs.setCurrentIndex(CHARTS_TAB)
    titles = [axis.titleText() for axis in body.chart.chart().axes()]
    assert "Temperature (°F)" in titles


def test_a_temperature_already_typed_keeps_its_unit_when_the_preference_changes(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = _body(window)
    qtbot.keyClicks(body.form.temperature, "38.1")
    window.settings.set(TEMPERATURE_UNIT, "F")
    assert body.form.unit.currentData() is TemperatureUnit.CELSIUS
    assert body.form.temperature.text() == "38.1"


def test_theme_and_text_size_follow_at_once_and_go_back(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.theme, "dark")
    _set_spin(qtbot, dialog.font_scale, 150)
    _save(qtbot, dialog)
    assert app.palette().window().color().lightness() < 80
    normal = app.font().pointSizeF() / 1.5

    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.theme, "light")
    _set_spin(qtbot, dialog.font_scale, 100)
    _save(qtbot, dialog)
    assert app.palette().window().color().lightness() > 180
    assert abs(app.font().pointSizeF() - normal) < 0.01


def test_idle_minutes_follow_at_once(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    assert window.idle.active
    dialog = _open_settings(qtbot, window)
    _set_spin(qtbot, dialog.idle, 0)
    _save(qtbot, dialog)
    assert not window.idle.active
    dialog = _open_settings(qtbot, window)
    _set_spin(qtbot, dialog.idle, 7)
    _save(qtbot, dialog)
    assert window.idle.active
    assert window.idle.interval_ms == 7 * 60_000


def _with_a_fever_card(window):  # type: ignore[no-untyped-def]
    """The Body log, shown, with a fever logged 5 minutes ago: a warning card naming the
    emergency number."""
    body = _body(window)
    body.save_log(
        BodyLog(
            id="fever",
            logged_at=datetime.now(UTC) - timedelta(minutes=5),
            temperature=Temperature(38.6, TemperatureUnit.CELSIUS),
        )
    )
    return body


def test_the_emergency_number_shown_in_the_banner_follows_at_once(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = _with_a_fever_card(window)
    assert body.banner.cards
    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.emergency, "112")
    _save(qtbot, dialog)
    shown = [card.emergency.text() for card in body.banner.cards if hasattr(card, "emergency")]
    assert shown and all("112" in text for text in shown)


def test_each_preference_is_declared_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    keys = [setting.key for setting in ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    settings = Settings(tmp_path)
    seen = []
    settings.changed.connect(seen.append)
    for setting in ALL_SETTINGS:
        settings.set(setting, settings.get(setting))  # the same value: nothing to follow
    assert seen == []


def test_a_number_of_ones_own_is_typed_kept_and_named(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Break test 49, F8: Settings offered only 911, 112 and 999, so someone in Australia
    (000) or New Zealand (111) could not have their number named. "Another number…"
    shows a field; what is typed there is named in the warning cards at once, and
    Settings opens on it again."""
    window = unlocked_window
    body = _with_a_fever_card(window)
    dialog = _open_settings(qtbot, window)
    assert dialog.own_number.isHidden()
    _choose(qtbot, dialog.emergency, ANOTHER_NUMBER)
    assert dialog.own_number.isVisible()
    qtbot.keyClick(dialog.emergency, Qt.Key.Key_Tab)
    assert dialog.own_number.hasFocus()
    qtbot.keyClicks(dialog.own_number, "000")
    _save(qtbot, dialog)
    shown = [card.emergency.text() for card in body.banner.cards if hasattr(card, "emergency")]
    assert shown and all(", 000." in text for text in shown)

    dialog = _open_settings(qtbot, window)
    assert dialog.emergency.currentData() == ANOTHER_NUMBER
    assert dialog.own_number.isVisible() and dialog.own_number.text() == "000"
    # Re-test 50, N6: passing over the other choices with the arrow keys emptied it.
    _choose(qtbot, dialog.emergency, "999")
    _choose(qtbot, dialog.emergency, ANOTHER_NUMBER)
    assert dialog.own_number.text() == "000" and not dialog.unsaved()
    dialog.reject()


def test_a_number_of_ones_own_that_is_no_number_is_refused_under_its_field(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    """What is no number to call is refused at Save, saying what is wrong, under the
    field, the focus on it; the dialog stays open and the number named stays as it was
    (break test 50, F9: every refusal gave the same words). Another choice empties the
    field, so that Escape has nothing unseen to ask about (F13)."""
    window = unlocked_window
    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.emergency, ANOTHER_NUMBER)
    assert (
        dialog.own_number_label.isVisible() and dialog.own_number_label.buddy() is dialog.own_number
    )
    for typed, problem in (("", NOTHING_TYPED), ("call 000", NOT_DIGITS), ("1", TOO_FEW_DIGITS)):
        dialog.own_number.setFocus()
        dialog.own_number.selectAll()
        qtbot.keyClick(dialog.own_number, Qt.Key.Key_Delete)
        qtbot.keyClicks(dialog.own_number, typed)
        qtbot.keyClick(dialog.own_number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.isVisible()
        assert dialog.own_number.hasFocus()
        qtbot.waitUntil(dialog.own_number_note.isVisible)
        assert dialog.own_number_note.text() == problem
    assert window.settings.get(EMERGENCY_NUMBER) == ""
    _choose(qtbot, dialog.emergency, "")  # "Based on where I am": the field and its words go
    assert dialog.own_number.isHidden() and dialog.own_number_note.isHidden()
    assert dialog.own_number.text() == "" and not dialog.unsaved()
    _save(qtbot, dialog)
    assert window.settings.get(EMERGENCY_NUMBER) == ""


def test_a_number_pasted_is_kept_as_it_shows(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Break test 50: a number copied with a direction mark after it looked like "000"
    and was refused (F7); a long paste was cut to fit with no word (F9); two numbers on
    two lines were kept as one (its re-test, N3); a number's spaces broke across lines
    in a note (F11)."""
    window = unlocked_window
    dialog = _open_settings(qtbot, window)
    _choose(qtbot, dialog.emergency, ANOTHER_NUMBER)
    field = dialog.own_number

    def paste(text: str) -> None:
        field.setFocus()
        field.selectAll()
        QApplication.clipboard().setText(text)
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    paste("9" * 50)
    qtbot.waitUntil(lambda: field.text() == "")  # refused whole, and said
    qtbot.waitUntil(dialog.own_number_note.isVisible)
    paste("000 call")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.own_number_note.text() == NOT_DIGITS and dialog.isVisible()
    # Re-test 50, N3: two numbers on two lines were kept as one, "000 111".
    paste("000\n111")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.own_number_note.text() == TWO_NUMBERS and dialog.isVisible()
    paste("+61 2 9999 9999\u200e")
    _save(qtbot, dialog)
    assert window.settings.get(EMERGENCY_NUMBER) == "+61 2 9999 9999"
    assert emergency_number(window.settings) == "+61\u00a02\u00a09999\u00a09999"


def test_a_stored_number_that_is_no_number_names_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A settings file changed by hand is never shown in a safety note as it is."""
    settings = Settings(tmp_path)
    settings.set(EMERGENCY_NUMBER, "call me \u202e000")
    assert "call" not in emergency_number(settings)
    settings.set(EMERGENCY_NUMBER, " 000 ")
    assert emergency_number(settings) == "000"
