"""Text from bytes whose charset label lies, is missing or is nonsense ("y", "yes").

Real mail is written by old mailers in cyber cafés and by programs that never label what they
send; the reader must get text, and the archive a note of what was repaired.
"""

from __future__ import annotations

import charset_normalizer

WESTERN = "cp1252"
# Labels that mean "some 8-bit Western charset, or nobody knows": UTF-8 is tried first.
LOOSE_LABELS = frozenset({"", "us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1",
                           "windows-1252", "cp1252", "unknown-8bit", "x-unknown", "8bit"})
# A label's superset, as browsers read it (WHATWG Encoding): mail is written by the same programs.
SUPERSETS = {
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-1": "cp1252", "latin1": "cp1252",
    "latin-1": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "cp932",
    "tis-620": "cp874", "iso-8859-11": "cp874",
}


def decode_bytes(data: bytes, label: str | None) -> tuple[str, str]:
    """Decode `data` said to be in charset `label`; return the text and a note if it lied.

    ASCII needs no label. UTF-8 is tried before any loose Western label, because valid UTF-8
    is almost never anything else; then the label's superset, then the label itself. A label
    that is unknown ("y", "yes") or wrong is repaired: UTF-8, then charset-normalizer's guess,
    then Latin-1, which always succeeds.
    """
    if data.isascii() and b"\x1b" not in data:
        return data.decode("ascii"), ""
    charset = (label or "").strip().strip("\"'").split("*")[0].lower()
    if not charset and data.isascii():
        charset = "iso-2022-jp"  # the one 7-bit charset with escapes that mail uses unlabelled
    codecs = ["utf-8"] if charset in LOOSE_LABELS else []
    if charset:
        codecs += [SUPERSETS.get(charset, charset), charset]
    for codec in dict.fromkeys(codecs):
        try:
            text = data.decode(codec)
        except (LookupError, ValueError):  # ValueError: UnicodeError, or a NUL in the label
            continue
        if codec == "utf-8" and charset not in ("", "utf-8"):
            return text, f"labelled {charset} but is utf-8"
        return text, ""
    codec, text = guess(data)
    problem = f"wrong charset {charset!r}" if charset else "no charset"
    return text, f"{problem}; read as {codec}"


def guess(data: bytes) -> tuple[str, str]:
    """UTF-8 if it is, else charset-normalizer's best guess, else Latin-1.

    On a short text several charsets read equally well (French read as Baltic cp775 is as
    plausible to it as cp1252); among those ties we take Windows-1252, what browsers assume
    for Western text and what our English, French and Swahili writers' old mailers send.
    """
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return "latin-1", data.decode("latin-1")
    western = (match for match in matches
               if match.chaos <= best.chaos and WESTERN in match.could_be_from_charset)
    chosen = next(western, best)
    return chosen.encoding, str(chosen)


def without_nul(text: str, defects: list[str]) -> str:
    """NUL is not text (and PostgreSQL refuses it in text columns)."""
    if "\x00" not in text:
        return text
    defects.append("NUL characters removed from the text")
    return text.replace("\x00", "")
