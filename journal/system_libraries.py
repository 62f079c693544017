"""Before Qt opens a window on Linux (X11): are the system libraries its xcb platform
plugin needs installed? If not, say exactly which Debian/Ubuntu packages are missing
and the one command that installs them, instead of Qt's own abort (which names only
the first library it trips on, and sometimes the wrong one).

The list is what ``ldd`` reports for PySide6's ``plugins/platforms/libqxcb.so`` and
``lib/libQt6XcbQpa.so.6`` (PySide6 6.11), less what every Debian system has (libc,
libstdc++, zlib...), with the package that ships each library on Debian 12 and
Ubuntu 22.04/24.04 (``dpkg -S``). No Qt import here: this runs before Qt loads.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# soname -> the Debian/Ubuntu package that provides it
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The packages whose library cannot be loaded, in the order of `XCB_LIBRARIES`."""
    return [package for soname, package in XCB_LIBRARIES.items() if not loadable(soname)]


def install_advice(packages: list[str]) -> str:
    """What to tell the person: the missing packages and one command for all of them."""
    return (
        "Solace cannot open its window yet: Qt needs these system packages, which are "
        f"not installed: {', '.join(packages)}.\n"
        "On Debian or Ubuntu, install them all with:\n\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
    )


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will open the window through X11 (xcb) here."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


NO_DISPLAY = (
    "Solace cannot open its window: there is no display to open it on (DISPLAY is not "
    "set). Start Solace from a desktop session; over ssh, connect with X forwarding "
    "(ssh -X).\n"
)


def unreachable_display(display: str) -> str:
    """What to say when the X display ``display`` (DISPLAY) does not answer."""
    return (
        f"Solace cannot open its window: the display “{display}” (DISPLAY) does not "
        "answer. Check that the desktop session it names is running and that you may use "
        "it; over ssh, connect with X forwarding (ssh -X).\n"
    )


def display_answers(display: str) -> bool:
    """Whether the X server of ``display`` accepts a connection (through libxcb, as Qt
    will; the connection is closed at once). True when libxcb cannot be loaded: then
    the missing libraries are what to say."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)


def check(environ: Mapping[str, str] = os.environ) -> str | None:
    """What to print when the window cannot open here, or None.

    First whether there is a display at all (DISPLAY unset: Qt's own message then
    blamed a missing libxcb-cursor0 that was installed), then the libraries Qt's
    xcb plugin needs (`install_advice`), then whether the display answers.
    """
    if not uses_xcb(environ):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return NO_DISPLAY
    missing = missing_packages()
    if missing:
        return install_advice(missing)
    return None if display_answers(display) else unreachable_display(display)


if __name__ == "__main__":  # `python -m journal.system_libraries`, as `make run` does first
    advice = check()
    if advice:
        sys.stderr.write(advice)
        sys.exit(1)
