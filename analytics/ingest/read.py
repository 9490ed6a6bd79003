"""File bytes -> raw sheets (rows of raw cell values, merged ranges filled), or a ReadError naming what is wrong."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from xml.etree import ElementTree

import python_calamine as pc
from charset_normalizer import from_bytes

from analytics.ingest.headers import find_header

MB = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Excel stores an encrypted .xlsx as an OLE compound file with an EncryptionInfo stream (names are UTF-16LE).
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
CSV_EXTENSIONS = {".csv", ".txt"}
# What an analyst can answer when asked a CSV's encoding -> the codec that reads it. Big5 as Excel saves it on
# Traditional-Chinese Windows is code page 950, Microsoft's superset of Big5.
CSV_ENCODINGS = {"utf-8": "utf-8-sig", "gb18030": "gb18030", "big5": "cp950"}
ENCODING_LABELS = {"utf-8": "UTF-8", "gb18030": "GB18030（GBK，简体）", "big5": "Big5（繁體）"}
DETECTOR_NAMES = {"gb18030": "gb18030", "big5": "big5"}
CHAOS_MARGIN = 0.03  # the detector's mess ratio: a reading this close to the cleanest one is just as plausible
# Below this many inflated bytes a high ratio is harmless (a tiny, very regular sheet), so it is not refused.
RATIO_FLOOR = 1 * MB
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class Limits:
    """Refuse a file before reading it when it is bigger, or would inflate bigger, than these."""

    max_bytes: int = 200 * MB
    # A 100k-row, 15-column ledger inflates to 57 MB and parses in 5 s at 300 MB resident; a workbook inflating to
    # 472 MB ran 70 s before the parse's 1.5 GB cap stopped it. 200 MB (about 350k such rows) fits under the cap.
    max_uncompressed: int = 200 * MB
    max_ratio: float = 100
    max_entries: int = 10_000


DEFAULT_LIMITS = Limits()


class ReadError(Exception):
    """The file as a whole cannot be read; key is a message key in analytics/i18n/ingest_text.py."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class RawSheet:
    """One sheet as read: rows[i] is Excel row i + 1 (CSV line i + 1); formula_cells are (row, col) 0-based."""

    name: str
    rows: list[list]
    formula_cells: set[tuple[int, int]] = field(default_factory=set)


def read_file(
    file_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None
) -> list[RawSheet]:
    """All sheets of the file as raw rows; raises ReadError for anything that is not a readable spreadsheet.
    encoding: the analyst's answer for a CSV (a key of CSV_ENCODINGS); None decides from the content."""
    if len(data) > limits.max_bytes:
        raise ReadError("file_too_big", size_mb=_mb(len(data)), limit_mb=_mb(limits.max_bytes))
    if not data or (len(data) < 4096 and not data.strip()):
        raise ReadError("file_empty")
    ext = PurePosixPath(file_name.lower()).suffix
    # Content decides, not the name: analysts rename files, and web systems export CSV named .xls.
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, limits)
    if data.startswith(OLE_MAGIC):
        return _read_ole(data)
    if ext in CSV_EXTENSIONS:
        return [_read_csv(file_name, data, encoding)]
    raise ReadError("not_spreadsheet", ext=ext or "-")


def refuse_before_reading(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise the ReadError read_file would raise for the file's size, or for a workbook's declared inflated sizes,
    from the zip's central directory alone: cheap enough to run before starting a parse at all."""
    if len(data) > limits.max_bytes:
        raise ReadError("file_too_big", size_mb=_mb(len(data)), limit_mb=_mb(limits.max_bytes))
    if not data.startswith(ZIP_MAGIC):
        return
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        return  # read_file says what is wrong with it
    _check_zip(infos, limits)


def _mb(n: int) -> str:
    return f"{n / MB:.1f}"


# ---- .xlsx -------------------------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, limits: Limits) -> list[RawSheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ReadError("file_corrupt") from exc
    _check_zip(infos, limits)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise ReadError("not_spreadsheet", ext=".zip")
    # The formula scan inflates every sheet again; calamine parses without the GIL, so the two share the cores.
    with ThreadPoolExecutor(max_workers=1) as pool:
        scan = pool.submit(_uncached_formulas, archive)
        try:
            sheets = _read_calamine(lambda: pc.CalamineWorkbook.from_filelike(io.BytesIO(data)))
        finally:
            error = scan.exception()
    if isinstance(error, ElementTree.ParseError | zipfile.BadZipFile | KeyError | EOFError | OSError):
        raise ReadError("file_corrupt") from error
    formulas = scan.result()
    for sheet in sheets:
        sheet.formula_cells = formulas.get(sheet.name, set())
    return sheets


def _check_zip(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse zip bombs from the central directory alone, before any reader inflates a byte."""
    if len(infos) > limits.max_entries:
        raise ReadError("zip_bomb", detail=f"{len(infos)} entries > {limits.max_entries}")
    inflated = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if inflated > limits.max_uncompressed:
        raise ReadError("inflated_too_big", size_mb=_mb(inflated), limit_mb=_mb(limits.max_uncompressed))
    if inflated > RATIO_FLOOR and inflated > limits.max_ratio * max(packed, 1):
        raise ReadError("zip_bomb", detail=f"1:{inflated / max(packed, 1):.0f} > 1:{limits.max_ratio:g}")


def _uncached_formulas(archive: zipfile.ZipFile) -> dict[str, set[tuple[int, int]]]:
    """Cells with a formula but no saved value, per sheet name: every reader would silently see them as empty."""
    found: dict[str, set[tuple[int, int]]] = {}
    for name, path in _sheet_paths(archive).items():
        if not _mentions_formula(archive, path):
            continue
        cells: set[tuple[int, int]] = set()
        with archive.open(path) as stream:
            for _, elem in ElementTree.iterparse(stream):
                if elem.tag != f"{NS_MAIN}c":
                    continue
                if elem.find(f"{NS_MAIN}f") is not None:
                    value = elem.find(f"{NS_MAIN}v")
                    # An empty <v/> on a t="str" cell is a cached empty string, a legitimate result.
                    if value is None or (not value.text and elem.get("t") != "str"):
                        cells.add(_cell_position(elem.get("r", "")))
                elem.clear()
        if cells:
            found[name] = cells
    return found


def _mentions_formula(archive: zipfile.ZipFile, path: str) -> bool:
    # Most sheets hold no formula at all; a byte search is far cheaper than parsing every cell. A false alarm
    # (say, "<f" inside some other markup) only costs the full parse.
    tail = b""
    with archive.open(path) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if b"<f" in window or b":f>" in window or b":f " in window:
                return True
            tail = chunk[-8:]
    return False


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part, through workbook.xml and its relationships."""
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{NS_PKG_REL}Relationship")}
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    paths = {}
    for sheet in workbook.iter(f"{NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{NS_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else os.path.normpath(f"xl/{target}")
        if path in archive.NameToInfo:
            paths[sheet.get("name", "")] = path
    return paths


def _cell_position(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not match:
        return (-1, -1)
    col = 0
    for char in match.group(1):
        col = col * 26 + ord(char) - 64
    return int(match.group(2)) - 1, col - 1


# ---- .xls and encrypted workbooks (OLE compound files) ----------------------------------------------------------


def _read_ole(data: bytes) -> list[RawSheet]:
    if ENCRYPTION_INFO in data:
        raise ReadError("file_password")
    try:
        return _read_calamine(lambda: pc.CalamineWorkbook.from_filelike(io.BytesIO(data)))
    except ReadError:
        pass
    # from_filelike reports every .xls failure as "cannot detect format"; opened by path, calamine says why.
    with tempfile.NamedTemporaryFile(suffix=".xls") as tmp:
        tmp.write(data)
        tmp.flush()
        return _read_calamine(lambda: pc.CalamineWorkbook.from_path(tmp.name))


def _read_calamine(open_workbook) -> list[RawSheet]:
    try:
        workbook = open_workbook()
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            _fill_merged(rows, sheet.merged_cell_ranges or ())
            sheets.append(RawSheet(name, rows))
        return sheets
    except pc.PasswordError as exc:
        raise ReadError("file_password") from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError) as exc:
        raise ReadError("file_corrupt") from exc


def _fill_merged(rows: list[list], ranges) -> None:
    """A merged cell's value applies to every cell of its range, in rows that hold data of their own."""
    for (r1, c1), (r2, c2) in ranges:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            # A merge running past the last filled row must not turn empty rows into records of one cell.
            if r != r1 and not any(cell not in ("", None) for cell in row):
                continue
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                row[c] = value


# ---- CSV ---------------------------------------------------------------------------------------------------------


def _read_csv(file_name: str, data: bytes, encoding: str | None = None) -> RawSheet:
    text = _decode(data, encoding)
    if "\x00" in text:
        raise ReadError("not_spreadsheet", ext=PurePosixPath(file_name.lower()).suffix)
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise ReadError("file_corrupt") from exc
    return RawSheet(PurePosixPath(file_name).name, rows)


def _decode(data: bytes, encoding: str | None = None) -> str:
    """The analyst's encoding when given; else a BOM, then UTF-8, then GB18030 or Big5 when only one of them is
    plausible. Never a guess: when both are and they read differently, the analyst is asked (csv_encoding_ambiguous)."""
    if encoding is not None:
        try:
            return data.decode(CSV_ENCODINGS[encoding])
        except UnicodeDecodeError as exc:
            raise ReadError("csv_encoding_chosen", encoding=ENCODING_LABELS[encoding]) from exc
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError("csv_encoding") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = {}
    for name in ("gb18030", "big5"):
        try:
            readings[name] = data.decode(CSV_ENCODINGS[name])
        except UnicodeDecodeError:
            continue
    if not readings:
        raise ReadError("csv_encoding")
    plausible = _plausible(data, readings)
    if len(plausible) == 1:
        return readings[plausible[0]]
    raise ReadError("csv_encoding_ambiguous", encodings=[ENCODING_LABELS[name] for name in plausible])


def _plausible(data: bytes, readings: dict[str, str]) -> list[str]:
    """The readings worth believing: those whose header row we recognise (when any is), then those the detector
    (charset-normalizer) finds no messier than the cleanest by more than CHAOS_MARGIN."""
    names = list(readings)
    if len(names) > 1:
        known = [n for n in names if find_header(_head_rows(readings[n]), "csv") is not None]
        names = known or names
    if len(names) > 1:
        chaos: dict[str, float] = {}
        for match in from_bytes(data, cp_isolation=[DETECTOR_NAMES[n] for n in names] + ["cp950"]):
            name = "big5" if match.encoding in ("big5", "cp950") else match.encoding
            if name in names:
                chaos[name] = min(chaos.get(name, 1.0), match.chaos)
        if chaos:
            best = min(chaos.values())
            names = [n for n in names if n in chaos and chaos[n] <= best + CHAOS_MARGIN]
    return names


def _head_rows(text: str) -> list[list[str]]:
    lines = text[:65536].splitlines()[:30]
    try:
        return list(csv.reader(lines))
    except csv.Error:
        return []
