"""Load and validate incidents and deployments: kept as the old name of geo.records."""

from __future__ import annotations

from geo.records import (
    EARLIEST_DATE,
    Context,
    DataError,
    Problem,
    Source,
    detect_layer,
    parse_rows,
    read_rows,
    read_sources,
    to_frame,
)

__all__ = [
    "EARLIEST_DATE",
    "Context",
    "DataError",
    "Problem",
    "Source",
    "detect_layer",
    "parse_rows",
    "read_rows",
    "read_sources",
    "to_frame",
]
