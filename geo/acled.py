"""ACLED exports turned into our incident rows.

ACLED's event taxonomy is ours (geo.schema.EVENT_TYPES), so event types pass
through; what changes is the shape of a row. Each ACLED event becomes one
incident that keeps ACLED's id and cites the event's own sources inline.

How ACLED's codes become ours (ACLED Codebook):

- ``time_precision`` 1 (the source gives the day) -> ``day``; 2 (a week or a
  weekend; ACLED codes a day in it) -> ``week``; 3 (only the month; ACLED
  codes a day in it) -> ``month``. The date is kept as ACLED coded it.
- ``geo_precision`` 1: the source names a town and ACLED uses the town's
  coordinates -> ``settlement``. It is not ``point``: our ``point`` means the
  event's own spot, and ACLED never codes finer than a town.
  2: the event was near a town or in a small part of a region, coded to a
  nearby town -> ``municipality`` (the point stands for an area around it).
  3: only a larger region is named, coded to its capital or centre ->
  ``region``.

Rows that cannot be read are returned as geo.records.Problem with the
ACLED file's row number and column, never dropped silently; the converted
rows keep that row number (``_row``), so later checks name it too.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from geo.files import SUFFIXES, atomic_write, check_output
from geo.records import Context, Problem, RowList, parse_rows, read_input, read_rows
from geo.records.cells import spreadsheet_safe
from geo.schema import EVENT_TYPES, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS

__all__ = ["ACLED_COLUMNS", "OUTPUT_COLUMNS", "Imported", "acled_rows", "import_acled", "incidents_csv", "is_acled"]

# The columns an ACLED export must have for us to read it.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
OUTPUT_COLUMNS = (*INCIDENT_COLUMNS, *INLINE_SOURCE_COLUMNS)

DATE_PRECISION = {"1": "day", "2": "week", "3": "month"}
LOCATION_PRECISION = {"1": "settlement", "2": "municipality", "3": "region"}
# "29 May 2023" (older exports), "2023-05-29" (newer), "29-May-2023" and
# "29-05-2023" (the codebook's dd-mm-yyyy). Slashed dates are refused: a
# spreadsheet may have swapped day and month.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%d-%m-%Y")

# ACLED's spelling and capitalisation varies between codebook editions.
_TYPES = {t.casefold(): t for t in EVENT_TYPES}
_SUB_TYPES = {s.casefold(): s for subs in EVENT_TYPES.values() for s in subs}
_SUB_TYPES["excessive force against protestors"] = "Excessive force against protesters"


def is_acled(columns: Iterable[str]) -> bool:
    """True when a header has the columns of an ACLED export (in any letter case)."""
    return set(ACLED_COLUMNS) <= {c.strip().lower() for c in columns}


def acled_rows(name: str, content: bytes) -> tuple[RowList, list[Problem]]:
    """An ACLED export (CSV or Parquet) as incident rows for geo.records.parse_rows, and what could not be read."""
    records, problems = read_rows(name, content)
    if not records.readable:
        return RowList.unreadable(), problems
    missing = sorted(set(ACLED_COLUMNS) - {c.strip().lower() for c in records.columns})
    if missing:
        rows = RowList.unreadable()
        return rows, [*problems, Problem(name, 1, "-", f"not an ACLED export: missing {', '.join(missing)}")]
    rows = []
    for record in records:
        row = _convert({k.strip().lower(): v.strip() for k, v in record.items()}, name, problems)
        if row is not None:
            rows.append(row)
    return RowList(rows, OUTPUT_COLUMNS, total=records.total), problems


_Fail = Callable[[str, str], None]


def _convert(acled: dict[str, str], name: str, problems: list[Problem]) -> dict[str, str] | None:
    line = int(acled["_row"])
    before = len(problems)

    def fail(column: str, message: str) -> None:
        problems.append(Problem(name, line, column, message))

    event_id = acled.get("event_id_cnty", "")
    if not event_id:
        fail("event_id_cnty", "missing event id")
    when = _date(acled.get("event_date", ""), fail)
    lat = _coordinate(acled.get("latitude", ""), "latitude", 90, fail)
    lon = _coordinate(acled.get("longitude", ""), "longitude", 180, fail)
    date_precision = _code(acled.get("time_precision", ""), "time_precision", DATE_PRECISION, fail)
    location_precision = _code(acled.get("geo_precision", ""), "geo_precision", LOCATION_PRECISION, fail)
    killed = acled.get("fatalities", "")
    if killed and not killed.isdigit():
        fail("fatalities", f"bad fatalities {killed!r} (a whole number)")
    if len(problems) > before:
        return None
    return {
        "_row": str(line),
        "id": event_id,
        "date": when,
        "date_precision": date_precision,
        "event_type": _TYPES.get(acled.get("event_type", "").casefold(), acled.get("event_type", "")),
        "sub_event_type": _SUB_TYPES.get(acled.get("sub_event_type", "").casefold(), acled.get("sub_event_type", "")),
        "actor1": acled.get("actor1", ""),
        "actor2": acled.get("actor2", ""),
        "lat": lat,
        "lon": lon,
        "location_precision": location_precision,
        "killed": killed,
        "summary": acled.get("notes", ""),
        "source_publisher": acled.get("source", ""),
        "source_title": f"ACLED event {event_id}",
        "source_date": when,
        "source_url": "",
    }


def _date(text: str, fail: _Fail) -> str:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    fail("event_date", f"bad date {text!r} (expected e.g. 2023-05-29 or 29 May 2023)")
    return ""


def _coordinate(text: str, column: str, limit: float, fail: _Fail) -> str:
    try:
        value = float(text)
    except ValueError:
        fail(column, f"not a number: {text!r}")
        return ""
    if not math.isfinite(value) or abs(value) > limit:
        fail(column, f"{text} is outside the world (-{limit:g} … {limit:g})")
        return ""
    return text


def _code(code: str, column: str, meanings: dict[str, str], fail: _Fail) -> str:
    if code not in meanings:
        fail(column, f"unknown code {code!r}; expected one of: {', '.join(meanings)}")
        return ""
    return meanings[code]


def incidents_csv(rows: Sequence[dict[str, str]]) -> str:
    """Our incidents CSV of converted rows, each cell spreadsheet-safe (the loader reads it back unchanged)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    writer.writerows([spreadsheet_safe(row.get(c, "")) for c in OUTPUT_COLUMNS] for row in rows)
    return buffer.getvalue()


@dataclass(frozen=True)
class Imported:
    """What import_acled did: incidents written, rows refused, every problem, whether the export could be read."""

    written: int
    refused: int
    problems: list[Problem]
    readable: bool = True


def import_acled(
    path: Path, out: Path, context: Context, protected: Iterable[Path] = (), force: bool = False
) -> Imported:
    """Convert an ACLED export (CSV or Parquet) to our incidents CSV at `out`: the rows that pass every check.

    Every problem is returned, both in reading ACLED's cells and in checking the
    converted rows. `out` is written through a temporary file and one rename,
    never over the export itself (or a `protected` file), nor without `force`
    over an existing file that is not a .csv, and not at all when the export
    cannot be read or no row passes. Raises geo.files.OutputError,
    or geo.records.InputError for an export that is no readable file.
    """
    check_output(out, [path, *protected], SUFFIXES["csv"], force)  # before the work, not after it
    rows, problems = acled_rows(str(path), read_input(path))
    _, checked = parse_rows(rows, str(path), "incident", context)
    bad_rows = {str(p.row) for p in checked}
    kept = [row for row in rows if row["_row"] not in bad_rows]
    if rows.readable and kept:
        atomic_write(out, incidents_csv(kept), [path, *protected], SUFFIXES["csv"], force)
    return Imported(len(kept), rows.total - len(kept), problems + checked, rows.readable)
