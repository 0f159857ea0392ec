"""The record schema: ACLED's event taxonomy and the fixed vocabularies of our data."""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "COUNT_KINDS",
    "DATE_PRECISIONS",
    "DEPLOYMENT_COLUMNS",
    "DEPLOYMENT_KINDS",
    "EVENT_TYPES",
    "INCIDENT_COLUMNS",
    "LOCATION_PRECISIONS",
    "REVISION_COLUMNS",
    "SOURCE_COLUMNS",
    "Layer",
]

Layer = Literal["incident", "deployment"]

# ACLED's event types and sub-event types (ACLED Codebook), so that ACLED
# exports fit our data without a mapping table.
EVENT_TYPES: Final[dict[str, tuple[str, ...]]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

DEPLOYMENT_KINDS: Final = ("guard_post", "reinforcement", "base", "alert", "patrol")
DATE_PRECISIONS: Final = ("day", "week", "month", "year")
# How well a point stands for where something happened, finest first.
LOCATION_PRECISIONS: Final = ("point", "site", "estimated", "settlement", "municipality", "region", "country")
COUNT_KINDS: Final = ("injured", "killed", "arrested")

INCIDENT_COLUMNS: Final = (
    "id",
    "date",
    "end_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "place_id",
    "lat",
    "lon",
    "location_precision",
    "municipality",
    "injured",
    "killed",
    "arrested",
    "counts_detail",
    "summary",
    "source_ids",
    # `;`-separated ids of records that are other events or other facets of one event (not duplicates).
    "related",
)
DEPLOYMENT_COLUMNS: Final = (
    "id",
    "force",
    "unit",
    "nations",
    "strength",
    "kind",
    "place_id",
    "lat",
    "lon",
    "location_precision",
    "municipality",
    "start_date",
    "end_date",
    "summary",
    "source_ids",
    # The larger deployment this one is a contingent of, so that totals count its soldiers once.
    "part_of",
    "related",
)
SOURCE_COLUMNS: Final = ("id", "publisher", "title", "date", "url", "note")
# Every figure reported for a record, with its source and date (data/revisions.csv).
REVISION_COLUMNS: Final = ("record_id", "field", "value", "source_id", "reported_on", "note")
# A user's file may cite its source inline instead of through data/sources.csv.
INLINE_SOURCE_COLUMNS: Final = ("source_publisher", "source_title", "source_date", "source_url")
