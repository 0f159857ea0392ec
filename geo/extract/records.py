"""What extraction hands out: evidence sentences, counts, place mentions, candidates and the whole result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = [
    "Candidate",
    "CandidateKind",
    "Count",
    "DateBasis",
    "Evidence",
    "Extraction",
    "MentionRole",
    "PlaceMention",
    "PublishedFrom",
]

CandidateKind = Literal["incident", "deployment"]
DateBasis = Literal["explicit", "relative", "publication"]
MentionRole = Literal[
    "site", "out_of_area", "actor_seat", "modifier", "dateline", "origin", "name_part", "aside"
]  # aside: not where it happened: a hospital or court afterwards, a destination, a town that locates a village
PublishedFrom = Literal["given", "dateline", "publication line"]


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article and where it is: `text == article[start:end]`."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        """The evidence `as_dict` wrote."""
        return cls(str(data["text"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Count:
    """A reported figure: `kind` is injured, killed, arrested or troops; `side` who (may be empty)."""

    kind: str
    side: str
    value: int
    at_least: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"kind": self.kind, "side": self.side, "value": self.value, "at_least": self.at_least}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Count:
        """The count `as_dict` wrote."""
        return cls(str(data["kind"]), str(data["side"]), int(data["value"]), bool(data["at_least"]))


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer place named in the text, and why it is or is not an event site."""

    place_id: str
    place: str
    text: str
    start: int
    end: int
    role: MentionRole
    in_area: bool

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "place_id": self.place_id,
            "place": self.place,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "in_area": self.in_area,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlaceMention:
        """The mention `as_dict` wrote."""
        return cls(**{f: data[f] for f in ("place_id", "place", "text", "start", "end", "role", "in_area")})


@dataclass(frozen=True)
class Candidate:
    """One proposed incident or deployment, with the evidence a reviewer needs."""

    kind: CandidateKind
    date: date
    date_basis: DateBasis
    date_precision: str
    place_id: str
    place: str
    lat: float
    lon: float
    event_type: str | None
    sub_event_type: str | None
    deployment_kind: str | None
    actors: tuple[str, ...]
    counts: tuple[Count, ...]
    evidence: Evidence
    support: tuple[Evidence, ...] = ()
    nations: tuple[str, ...] = ()

    @property
    def type(self) -> str:
        """The event type of an incident, the kind of a deployment."""
        return (self.event_type if self.kind == "incident" else self.deployment_kind) or ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "place_id": self.place_id,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "type": self.type,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "deployment_kind": self.deployment_kind,
            "actors": list(self.actors),
            "nations": list(self.nations),
            "counts": [c.as_dict() for c in self.counts],
            "evidence": self.evidence.as_dict(),
            "support": [e.as_dict() for e in self.support],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        """The candidate `as_dict` wrote."""
        plain = ("kind", "date_basis", "date_precision", "place_id", "place", "lat", "lon", "event_type")
        return cls(
            **{f: data[f] for f in plain},
            date=date.fromisoformat(data["date"]),
            sub_event_type=data["sub_event_type"],
            deployment_kind=data["deployment_kind"],
            actors=tuple(data["actors"]),
            counts=tuple(Count.from_dict(c) for c in data["counts"]),
            evidence=Evidence.from_dict(data["evidence"]),
            support=tuple(Evidence.from_dict(e) for e in data["support"]),
            nations=tuple(data["nations"]),
        )


@dataclass(frozen=True)
class Extraction:
    """What an article yields: candidates in text order, and the places it names but that are not mapped.

    `published` is the date relative words were resolved against, `published_from` where it came
    from, and `language` the code of the rules that read the text (en, sr, sq).
    """

    candidates: list[Candidate]
    out_of_area: list[PlaceMention]
    mentions: list[PlaceMention] = field(default_factory=list)
    published: date | None = None
    published_from: PublishedFrom = "given"
    language: str = "en"
    notes: tuple[str, ...] = ()

    @property
    def unmapped(self) -> list[PlaceMention]:
        """In-area places named only as actor seats, datelines, birthplaces or modifiers."""
        used = {c.place_id for c in self.candidates}
        seen: dict[str, PlaceMention] = {}
        for mention in self.mentions:
            if mention.in_area and mention.place_id not in used:
                seen.setdefault(mention.place_id, mention)
        return list(seen.values())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "notes": list(self.notes),
            "candidates": [c.as_dict() for c in self.candidates],
            "out_of_area": [m.as_dict() for m in self.out_of_area],
            "unmapped": [m.as_dict() for m in self.unmapped],
            "mentions": [m.as_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """The extraction `as_dict` wrote (how a worker process hands its result back)."""
        return cls(
            candidates=[Candidate.from_dict(c) for c in data["candidates"]],
            out_of_area=[PlaceMention.from_dict(m) for m in data["out_of_area"]],
            mentions=[PlaceMention.from_dict(m) for m in data["mentions"]],
            published=date.fromisoformat(data["published"]) if data["published"] else None,
            published_from=data["published_from"],
            language=data["language"],
            notes=tuple(data["notes"]),
        )
