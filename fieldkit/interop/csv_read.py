"""Read a CSV file as a spreadsheet wrote it: any common encoding and delimiter, row by row.

Encodings: UTF-8 with or without BOM, UTF-16 (LE/BE, with a BOM, or without one when
the zero bytes make it plain), and Windows-1252 when the bytes are not UTF-8. The
delimiter is found among comma, semicolon, tab and bar. Rows are streamed: the
whole file is never held in memory as text.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fieldkit.data.entities import MAX_LONGTEXT
from fieldkit.i18n import _, format_number
from fieldkit.interop.errors import ImportFileError

MAX_BYTES = 32 * 1024 * 1024
"""Larger files are refused with advice to split them (the preview holds every row)."""
SAMPLE_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
_CHUNK = 1024 * 1024


@dataclass
class CsvSource:
    """An opened CSV file: its encoding, delimiter and header; :meth:`rows` streams the rest."""

    path: Path
    encoding: str
    delimiter: str
    header: list[str]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """``(line number, cells)`` of every non-blank row after the header.

        The line number is the file line where the row starts (1 is the header).
        """
        csv.field_size_limit(MAX_LONGTEXT + 1)
        with _open_text(self.path, self.encoding) as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            line_end = 0
            try:
                for index, cells in enumerate(reader):
                    start, line_end = line_end + 1, reader.line_num
                    if index == 0:
                        continue
                    if any(c.strip() for c in cells):
                        yield start, cells
            except csv.Error as exc:
                if "field limit" in str(exc):
                    raise ImportFileError(
                        _(
                            "Line %(line)d of %(path)s has a cell longer than %(limit)s "
                            "characters: most likely a quote there is never closed. Fix that "
                            "line, then try again."
                        )
                        % {
                            "line": line_end + 1,
                            "path": self.path.name,
                            "limit": format_number(MAX_LONGTEXT),
                        }
                    ) from None
                raise ImportFileError(
                    _(
                        "Line %(line)d of %(path)s cannot be read as CSV (%(error)s). "
                        "Check for a stray quote or an over-long cell, then try again."
                    )
                    % {"line": line_end + 1, "path": self.path.name, "error": exc}
                ) from None
            except UnicodeDecodeError:
                raise ImportFileError(
                    _(
                        "%(path)s changes its text encoding after line %(line)d. "
                        "Save it again from the spreadsheet as “CSV UTF-8” and retry."
                    )
                    % {"path": self.path.name, "line": line_end}
                ) from None


def _open_text(path: Path, encoding: str):
    errors = "replace" if encoding == "cp1252" else "strict"
    return open(path, encoding=encoding, errors=errors, newline="")  # noqa: SIM115


def check_size(path: Path) -> int:
    """The file's size; an error when it is missing, empty or too large."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(
            _("Cannot read %(path)s (%(error)s).") % {"path": path, "error": exc.strerror}
        ) from exc
    if size == 0:
        raise ImportFileError(
            _("%(path)s is empty: there is nothing to import. Choose the exported file.")
            % {"path": path.name}
        )
    if size > MAX_BYTES:
        raise ImportFileError(
            _(
                "%(path)s is %(size)d MB; FieldKit imports files of up to %(limit)d MB at a "
                "time. Split it into smaller files and import each one."
            )
            % {"path": path.name, "size": size // 2**20, "limit": MAX_BYTES // 2**20}
        )
    return size


def detect_encoding(path: Path) -> str:
    """The text encoding of ``path``; an error when it is not text."""
    check_size(path)
    with open(path, "rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        encoding = _utf16_without_bom(head)
    elif _is_utf8(path):
        encoding = "utf-8"
    else:
        encoding = "cp1252"
    if encoding == "binary" or _looks_binary(head.decode(encoding, errors="ignore")):
        raise _not_text(path)
    return encoding


def _not_text(path: Path) -> ImportFileError:
    return ImportFileError(
        _(
            "%(path)s is not a text file: FieldKit imports CSV files and vCards (.csv, .vcf). "
            "Export the contacts again as CSV or vCard."
        )
        % {"path": path.name}
    )


def _utf16_without_bom(head: bytes) -> str:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return "binary"


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(sample: str) -> bool:
    if not sample:
        return True
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n\f\v")
    return controls > max(2, len(sample) // 100)


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV ``text`` (a sample of whole lines); comma when unsure.

    Each candidate splits the first lines as the reader will (quotes respected): the one
    whose rows most often have as many cells as the header wins, then the one giving more
    columns. The cost is linear in the sample; csv.Sniffer's quote patterns backtrack
    and took minutes on some files.
    """
    best, best_score = ",", (-1, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            rows = [r for r in itertools.islice(reader, 50) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(row) == width for row in rows[1:]), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def open_csv(path: Path | str) -> CsvSource:
    """Open a CSV file: detect its encoding and delimiter and read its header."""
    path = Path(path)
    encoding = detect_encoding(path)
    try:
        with _open_text(path, encoding) as handle:
            sample = handle.read(SAMPLE_BYTES)
    except UnicodeDecodeError:  # e.g. UTF-16 cut in the middle of a character
        raise _not_text(path) from None
    if len(sample) == SAMPLE_BYTES and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    delimiter = sniff_delimiter(sample)
    # Read as rows() will (a quoted name may hold a line break), not by str.splitlines.
    try:
        first = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
    except csv.Error:
        first = []
    header = [h.strip().lstrip("\ufeff") for h in first]
    if not any(header):
        raise ImportFileError(
            _("%(path)s has no header line: the first line must name the columns.")
            % {"path": path.name}
        )
    return CsvSource(path, encoding, delimiter, header)
