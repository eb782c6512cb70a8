"""User text made safe for one line of a terminal screen. Shown as plain text, never markup."""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x85"}


def one_line(text: str) -> str:
    """Line breaks shown as ↵, control characters (ANSI escapes from pasted logs) as their control
    pictures (␛), so a terminal never acts on them."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch in _LINE_BREAKS:
            out.append(" ↵ ")
        elif ch == "\t":
            out.append(" ")
        elif not ch.isprintable() and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            code = ord(ch)
            out.append(chr(0x2400 + code) if code < 0x20 else "␡" if code == 0x7F else f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def shortened(text: str, size: int = 60) -> str:
    """At most `size` characters, a cut text ending in …"""
    return text if len(text) <= size else text[: size - 1] + "…"


def multi_line(text: str) -> str:
    """For a text area: line breaks and tabs kept, other control characters shown as pictures (␛)."""
    if all(ch.isprintable() or ch in "\n\t" for ch in text):
        return text
    return "\n".join(one_line(line).replace(" ↵ ", "\n") for line in text.split("\n"))
