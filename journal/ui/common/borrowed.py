"""Qt objects looked up without PySide taking them into the asker's keeping.

PySide's bindings are generated with Shiboken's *return-value heuristic*: a method
that hands back a pointer to a wrapped object, with no ownership rule of its own in
the bindings, makes the returned object's Python wrapper a child of the wrapper it
was called on (``Shiboken::Object::setParent(self, result)``). For a getter of
something the asker owns (``scroll.widget()``, ``tabs.tabBar()``) that is harmless.
For one that hands back something it does not own, the answer is moved away from its
real keeper and tied to the asker's wrapper:

- ``QWidget.nextInFocusChain()`` / ``previousInFocusChain()``: the next widget of
  the window, whatever it is (the main window itself, after the tool bar's button);
- ``QLabel.buddy()``: the field a label names;
- ``QWidget.screen()``: the screen a window is on, which the application owns.

When the asker's wrapper goes (a wrapper Python made a moment before for a widget Qt
made: a line edit's clear button, a form's label, a scroll bar), Shiboken marks every
wrapper under it as deleted, recursively: a walk along the focus chain once hung the
main window under a tool button's wrapper, and every menu of the menu bar was marked
deleted while it lived ("RuntimeError: Internal C++ object already deleted"; body8,
issue 10's 0b).

A screen is the worst case: its wrapper, tied to a dialog's, was once handed back to
Python's keeping as the wrappers were taken apart, and the cyclic collector then
deleted the screen itself while the app ran; the next window made read the freed
screen and the process ended with a segmentation fault (CI of stop 38, in
test_dialog_focus: about one run in ten under load). `screen_of` asks the
application, whose answers are never tied to anything.

The functions here ask Qt itself, through its exported C++ functions, and look the
answer's wrapper up without re-parenting anything; where those functions cannot be
reached (a Qt built with another C++ ABI), they fall back to the binding, as before.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache

import shiboken6
from PySide6 import QtWidgets
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["buddy_of", "has_buddy", "next_in_focus_chain", "previous_in_focus_chain", "screen_of"]

_Getter = Callable[[int], int | None]

#: Qt's exported functions, by their Itanium C++ ABI names (Linux, and macOS' clang).
_SYMBOLS = {
    "next": "_ZNK7QWidget16nextInFocusChainEv",
    "previous": "_ZNK7QWidget20previousInFocusChainEv",
    "buddy": "_ZNK6QLabel5buddyEv",
}
_LIBRARIES = ("libQt6Widgets.so.6", "QtWidgets")


@cache
def _getter(name: str) -> _Getter | None:
    """Qt's ``const`` member function ``name`` of `_SYMBOLS` as a function of the
    object's address to the answer's address (None for a null pointer); None when
    Qt's library or the function cannot be found here."""
    for library in _LIBRARIES:
        try:
            function = getattr(ctypes.CDLL(library), _SYMBOLS[name])
        except (OSError, AttributeError):
            continue
        function.restype = ctypes.c_void_p
        function.argtypes = [ctypes.c_void_p]
        return function  # type: ignore[no-any-return]
    return None


def _address(obj: QObject) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


def _wrapper(address: int) -> QWidget | None:
    """The Python wrapper of the widget at ``address``: the one Python already has
    (nothing about it changes), or a new one of its own class (the nearest class of
    its Qt class that PySide knows), parented to nothing."""
    found = shiboken6.wrapInstance(address, QObject)
    if type(found) is not QObject:  # an existing wrapper, already of its class
        return found if isinstance(found, QWidget) else None
    names = []
    meta = found.metaObject()
    while meta is not None:
        names.append(meta.className())
        meta = meta.superClass()
    del meta
    shiboken6.invalidate(found)  # let go of the untyped wrapper just made
    del found
    for name in names:
        cls = getattr(QtWidgets, name, None)
        if isinstance(cls, type) and issubclass(cls, QWidget):
            typed = shiboken6.wrapInstance(address, cls)
            return typed if isinstance(typed, QWidget) else None
    return None


def _ask(name: str, obj: QObject, binding: Callable[[], QWidget | None]) -> QWidget | None:
    getter = _getter(name)
    if getter is None:
        return binding()
    answer = getter(_address(obj))
    return None if not answer else _wrapper(answer)


def next_in_focus_chain(widget: QWidget) -> QWidget | None:
    """``widget.nextInFocusChain()``, leaving every wrapper where it was."""
    return _ask("next", widget, widget.nextInFocusChain)


def previous_in_focus_chain(widget: QWidget) -> QWidget | None:
    """``widget.previousInFocusChain()``, leaving every wrapper where it was."""
    return _ask("previous", widget, widget.previousInFocusChain)


def buddy_of(label: QLabel) -> QWidget | None:
    """``label.buddy()``: the field ``label`` names, or None; leaving every wrapper
    where it was."""
    return _ask("buddy", label, label.buddy)


def has_buddy(label: QLabel) -> bool:
    """Whether ``label`` names a field (``label.buddy()`` is not None), without
    touching the field's wrapper."""
    getter = _getter("buddy")
    if getter is None:
        return label.buddy() is not None
    return bool(getter(_address(label)))


def screen_of(widget: QWidget) -> QScreen:
    """The screen under the middle of ``widget`` (for a window: the screen it is on),
    else the primary screen. Asked of `QGuiApplication`, whose static functions tie
    the answer's wrapper to nothing, never of the widget (see the module's docstring)."""
    middle = widget.mapToGlobal(widget.rect().center())
    return QGuiApplication.screenAt(middle) or QGuiApplication.primaryScreen()
