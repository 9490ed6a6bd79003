"""read_fast: plain .xlsx sheets as RawSheets equal to read_file's, body loaded typed by fastexcel; None when unsure.

The header row is found in the sheet XML's first rows (streamed, shared strings resolved only as far as needed), then
one fastexcel load reads the rows below it as Arrow columns: no Python object per cell until a row is asked for.
Anything this path does not handle exactly like calamine (merged cells, error or ISO-date cells, columns mixing
types, times of day, escaped characters, no header) makes it answer None, and the caller reads with read_file.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from xml.etree import ElementTree

import fastexcel
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest import coerce, read
from analytics.ingest.headers import HEADER_SCAN_ROWS, HeaderMatch

NS = read.NS_MAIN
# fastexcel warns (through logging, so on the command line's stderr) for every column it finds empty; such a column
# is expected here and reads as empty cells, as calamine reads it.
logging.getLogger("fastexcel").setLevel(logging.ERROR)
# A numeric, boolean or formula value in the first rows: only its not being text matters to header detection.
NOT_TEXT = object()
# Markup this path leaves to calamine: merged ranges are filled there, error and ISO-date cells read differently.
_REFUSED_MARKUP = (b"mergeCell", b't="e"', b"t='e'", b't="d"', b"t='d'")
# A formula element, with or without a namespace prefix (as read._mentions_formula looks for it).
_FORMULA_MARKUP = (b"<f", b":f>", b":f ")
# Every mark of both kinds as one RE2 alternation of literals: one pass over a chunk in Arrow's C++ cost a quarter of
# the eight substring searches, and nearly every chunk holds none; a chunk it matches is then searched mark by mark.
_ANY_MARKUP = "|".join(rf"\Q{mark.decode()}\E" for mark in (*_REFUSED_MARKUP, *_FORMULA_MARKUP))
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_UNNAMED = "__UNNAMED__"

HeaderFinder = Callable[[list[list], str], HeaderMatch | None]
# Words of a 合计 row (parse._TOTAL). Beside the numbers of a 序号 column such a row makes a column of mixed types,
# which the fast read refuses only after a whole load: seeing one in the shared strings skips that wasted load.
_TOTAL_WORDS = tuple(word.encode() for word in ("合计", "总计", "小计", "共计", "total", "sum"))


class LazyRows(Sequence):
    """A sheet's rows (as calamine's to_python gives them) built only when asked: the rows above the body as read,
    the body from per-column codes into distinct values. Compares as the plain list of lists."""

    def __init__(self, head: list[list], columns: list[tuple[np.ndarray, np.ndarray]], height: int) -> None:
        self.head = head
        self.encoded = columns  # per sheet column: (code per body row, distinct values)
        self.width = len(columns)
        self.body_start = len(head)
        self.body_rows = height

    def distinct(self, column: int) -> coerce.Distinct:
        if column >= self.width:
            return coerce.Distinct.of(np.full(self.body_rows, -1, dtype=np.intp), np.empty(0, dtype=object))
        return coerce.Distinct.of(*self.encoded[column])

    def cell(self, column: int, position: int) -> object:
        """The body cell at `position` (0 = first row below the header)."""
        codes, values = self.encoded[column]
        return values[codes[position]]

    def __len__(self) -> int:
        return self.body_start + self.body_rows

    def _body(self, start: int, stop: int) -> list[list]:
        columns = [values[codes[start:stop]] for codes, values in self.encoded]
        return [list(row) for row in zip(*columns, strict=True)]

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return self.materialize()[index]
            head = [list(row) for row in self.head[start:stop]]
            body_from, body_to = max(start - self.body_start, 0), max(stop - self.body_start, 0)
            return head + (self._body(body_from, body_to) if body_to > body_from else [])
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < self.body_start:
            return list(self.head[index])
        return self._body(index - self.body_start, index - self.body_start + 1)[0]

    def materialize(self) -> list[list]:
        return [list(row) for row in self.head] + self._body(0, self.body_rows)

    def __iter__(self):
        return iter(self.materialize())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyRows | list):
            return self.materialize() == list(other)
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        # As codes and distinct values, not as rows: the parse child hands its result to the server by pickle,
        # and a 100k-row sheet as lists took longer to pickle and unpickle than to read.
        return (LazyRows, (self.head, self.encoded, self.body_rows))


def read_fast(data: bytes, limits: read.Limits, find_header_row: HeaderFinder) -> list[read.RawSheet] | None:
    """Every sheet of the .xlsx, or None when any sheet needs the calamine path (or anything goes wrong)."""
    try:
        return _read(data, limits, find_header_row)
    except read.ReadError:
        return None  # read_file raises the same error with its own message
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, EOFError, OSError, ValueError, IndexError):
        return None
    except fastexcel.FastExcelError:  # a column mixing types, a part fastexcel cannot read
        return None


def _read(data: bytes, limits: read.Limits, find_header_row: HeaderFinder) -> list[read.RawSheet] | None:
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    read._check_zip(infos, limits)
    if "xl/workbook.xml" not in archive.NameToInfo:
        return None
    paths = read._sheet_paths(archive)
    # fastexcel opens the workbook (its shared strings, mostly) while the shared strings are searched for 合计 words
    # and the header rows are found; the markup scans, which inflate every sheet, then run beside fastexcel's load,
    # which releases the GIL. On two cores these cost little wall time. A refused sheet wastes one fastexcel load.
    pool = ThreadPoolExecutor(max_workers=2)
    unwanted = threading.Event()  # set when this path gives up early, so that calamine need not wait for the scans
    try:
        opening = pool.submit(fastexcel.read_excel, data)
        totals = pool.submit(_mentions_total, archive)
        scans = pool.submit(lambda: [_scan(archive, path, unwanted) for path in paths.values()])
        heads = _find_heads(archive, paths, find_header_row)
        if heads is None:
            return None
        if totals.result() and any(match is not None and match.row_number_columns for _, match in heads.values()):
            return None
        reader = opening.result()
        if list(reader.sheet_names) != list(paths):
            return None
        sheets = _load_all(reader, heads)
        scanned = scans.result()
    finally:
        unwanted.set()
        pool.shutdown(wait=True, cancel_futures=True)
    if sheets is None or any(refused for refused, _ in scanned):
        return None
    if any(formula for _, formula in scanned):
        formulas = read._uncached_formulas(archive)
        for sheet in sheets:
            sheet.formula_cells = formulas.get(sheet.name, set())
    return sheets


def _find_heads(
    archive: zipfile.ZipFile, paths: dict[str, str], find_header_row: HeaderFinder
) -> dict[str, tuple[list[list], HeaderMatch | None]] | None:
    """Each sheet's first rows and header, from a few KB of XML each; None when a sheet needs calamine."""
    heads = {}
    for name, path in paths.items():
        head, first_row, complete = _head_rows(archive, path)
        if head is None or (first_row is None and not complete):
            return None  # unreadable, or nothing in the first rows but something further down: calamine decides
        match = None if first_row is None else find_header_row(head, name)
        if first_row is not None and match is None:
            return None
        heads[name] = (head, match)
    return heads


def _mentions_total(archive: zipfile.ZipFile) -> bool:
    """Whether any shared string might be a 合计 label (case-folded byte search: a false alarm only costs speed)."""
    if "xl/sharedStrings.xml" not in archive.NameToInfo:
        return False
    text = archive.read("xl/sharedStrings.xml").lower()
    return any(word in text for word in _TOTAL_WORDS)


def _load_all(reader, heads: dict[str, tuple[list[list], HeaderMatch | None]]) -> list[read.RawSheet] | None:
    sheets = []
    for name, (head, match) in heads.items():
        if match is None:
            sheets.append(read.RawSheet(name, []))  # an empty sheet
            continue
        rows = _load(reader, name, head, match.row)
        if rows is None:
            return None
        sheets.append(read.RawSheet(name, rows))
    return sheets


def _scan(archive: zipfile.ZipFile, path: str, stop: threading.Event | None = None) -> tuple[bool, bool]:
    """(markup this path refuses, any formula) from the inflated bytes, without parsing them; stops early when
    `stop` is set (the answer is then not wanted)."""
    refused = formula = False
    tail = b""
    with archive.open(path) as stream:
        while (stop is None or not stop.is_set()) and (chunk := stream.read(1 << 20)):
            window = tail + chunk
            tail = chunk[-16:]
            if not pc.match_substring_regex(pa.array([window], pa.binary()), _ANY_MARKUP)[0].as_py():
                continue
            if any(mark in window for mark in _REFUSED_MARKUP):
                refused = True
                break
            formula = formula or any(mark in window for mark in _FORMULA_MARKUP)
    return refused, formula


def _position(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.fullmatch(ref)
    if not match:
        return None
    col = 0
    for char in match.group(1):
        col = col * 26 + ord(char) - 64
    return int(match.group(2)) - 1, col - 1


def _head_rows(archive: zipfile.ZipFile, path: str) -> tuple[list[list] | None, int | None, bool]:
    """The first HEADER_SCAN_ROWS rows (text, "" or NOT_TEXT), the first row holding a value, whether that was all."""
    cells: dict[tuple[int, int], object] = {}
    shared: dict[tuple[int, int], int] = {}
    complete = True
    with archive.open(path) as stream:
        for _, elem in ElementTree.iterparse(stream):
            if elem.tag == f"{NS}row":
                row = int(elem.get("r", "0")) - 1
                if row < 0:
                    return None, None, False
                if row >= HEADER_SCAN_ROWS - 1:
                    complete = False
                    break
                elem.clear()
            elif elem.tag == f"{NS}c":
                position = _position(elem.get("r", ""))
                if position is None:
                    return None, None, False
                if position[0] >= HEADER_SCAN_ROWS:
                    complete = False
                    break
                kind = elem.get("t", "n")
                value = elem.find(f"{NS}v")
                if kind == "inlineStr":
                    box = elem.find(f"{NS}is")
                    text = _string_item(box) if box is not None else None
                    if text is not None:
                        cells[position] = text
                elif value is None or value.text is None:
                    continue  # no value: calamine reads it as empty
                elif kind == "s":
                    shared[position] = int(value.text)
                elif kind == "str":
                    cells[position] = value.text
                else:
                    cells[position] = NOT_TEXT
    if shared:
        strings = _shared_strings(archive, max(shared.values()))
        if strings is None:
            return None, None, False
        cells.update({position: strings[index] for position, index in shared.items()})
    if any(isinstance(v, str) and "_x" in v for v in cells.values()):
        return None, None, False  # _x000D_ escapes: left to calamine's own unescaping
    filled = [position for position, value in cells.items() if value != ""]
    if not filled:
        return [], None, complete
    width = max(col for _, col in cells) + 1
    head = [[""] * width for _ in range(max(row for row, _ in cells) + 1)]
    for (row, col), value in cells.items():
        head[row][col] = value
    return head, min(row for row, _ in filled), complete


def _string_item(item: ElementTree.Element) -> str | None:
    """The text of a shared or inline string: its <t>, or its rich-text runs joined; phonetic hints left out."""
    direct = item.find(f"{NS}t")
    if direct is not None:
        return direct.text or ""
    runs = item.findall(f"{NS}r")
    if not runs:
        return None
    return "".join((run.findtext(f"{NS}t") or "") for run in runs)


def _shared_strings(archive: zipfile.ZipFile, last: int) -> list[str] | None:
    """Shared strings up to index `last`: the part can hold every string of a 100k-row sheet, so stop early."""
    path = "xl/sharedStrings.xml"
    if path not in archive.NameToInfo:
        return None
    strings: list[str] = []
    with archive.open(path) as stream:
        for _, elem in ElementTree.iterparse(stream):
            if elem.tag != f"{NS}si":
                continue
            text = _string_item(elem)
            if text is None:
                return None
            strings.append(text)
            elem.clear()
            if len(strings) > last:
                return strings
    return None


def _load(reader, name: str, head: list[list], header: int) -> LazyRows | None:
    """The sheet as rows from the header down, or None when fastexcel's reading differs from calamine's."""
    above = head[: header + 1]
    if any(cell is NOT_TEXT for row in above for cell in row):
        return None  # rows above the body are kept as read; only text is known exactly from the XML
    # header_row counts sheet rows from the top (row 1 = 0), as our rows do; the labels are checked below anyway.
    # Eager: the columns are built while the XML is read, with no cell range kept in between.
    batch = reader.load_sheet(name, header_row=header, dtype_coercion="strict", schema_sample_rows=None, eager=True)
    names = batch.schema.names
    labels = head[header]
    # fastexcel starts the table at the first column holding anything from the header down and names unlabelled
    # columns __UNNAMED__<n>: the first labelled column places the table, and every label is then checked.
    first_named = next((p for p, label in enumerate(names) if not label.startswith(_UNNAMED)), None)
    first_label = next((c for c, label in enumerate(labels) if label != ""), None)
    if first_named is None or first_label is None or first_label < first_named:
        return None
    start = first_label - first_named
    positions = range(start, start + len(names))
    seen: set[str] = set()
    for position, label in zip(positions, names, strict=True):
        text = labels[position] if position < len(labels) else ""
        if text == "":
            if not label.startswith(_UNNAMED):
                return None
        elif label != text and not (text in seen and re.fullmatch(re.escape(text) + r"_\d+", label)):
            return None
        seen.add(text)
    if any(value != "" for value in labels[positions[-1] + 1 :]) or any(labels[:start]):
        return None
    width = positions[-1] + 1
    if max(len(row) for row in above) > width:
        return None  # a cell calamine's range leaves out (an empty string, say): unsure which rows it spans
    height = batch.num_rows
    empty = (np.zeros(height, dtype=np.intp), np.array([""], dtype=object))
    columns = [empty] * width
    for position, column in zip(positions, batch.columns, strict=True):
        encoded = _encode(column)  # None for a type calamine reads differently (int, date, duration, …)
        if encoded is None:
            return None
        columns[position] = encoded
    rows = [row + [""] * (width - len(row)) for row in above]
    return LazyRows(rows, columns, height)


def _encode(column: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """One Arrow column as a code per cell into its values, as calamine's Python values: str, float, bool, date,
    and "" where the cell is empty. Python objects are made once per distinct value, or once per cell for a column
    of codes or names, whose values hardly repeat (coerce.Distinct keeps such a column the same way)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    kind = column.type
    if pa.types.is_null(kind):
        return np.zeros(len(column), dtype=np.intp), np.array([""], dtype=object)
    plain = pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_floating(kind)
    if plain and coerce.mostly_distinct(len(column), lambda: pc.count_distinct(column[: coerce.SAMPLE]).as_py()):
        # Hashing 100k distinct names only to find that they are distinct costs more than it saves.
        values = np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)
        values[column.is_null().to_numpy(zero_copy_only=False)] = ""
        return np.arange(len(column), dtype=np.intp), values
    encoded = pc.dictionary_encode(column, null_encoding="encode")
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    dictionary = encoded.dictionary
    missing = dictionary.is_null().to_numpy(zero_copy_only=False)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        values = dictionary.to_numpy(zero_copy_only=False)
    elif pa.types.is_floating(kind) or pa.types.is_boolean(kind):
        values = dictionary.to_numpy(zero_copy_only=False).astype(object)
    elif pa.types.is_timestamp(kind) and kind.tz is None:
        values = _dates(dictionary.cast(pa.timestamp("ms")).to_numpy(zero_copy_only=False), missing)
        if values is None:
            return None
    else:
        return None
    values = np.asarray(values, dtype=object)
    values[missing] = ""
    return codes, values


def _dates(stamps: np.ndarray, missing: np.ndarray) -> np.ndarray | None:
    """datetime.date per whole-day timestamp (as calamine gives them); None when any holds a time of day or falls
    before 1901 (calamine's own reading of those is left to it)."""
    present = stamps[~missing]
    days = present.astype("datetime64[D]")
    if (present != days).any() or (days < np.datetime64("1901-01-01")).any():
        return None
    values = np.empty(len(stamps), dtype=object)
    values[~missing] = days.astype(object)  # datetime64[D] → datetime.date
    return values
