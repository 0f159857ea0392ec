"""Events as the rows a reviewer is shown: type, date, place, counts, actors and the sentences that tell them.

Each event of geo.extract.merging becomes one candidate: the type its most specific claim at the site gives,
the figures the article gives first, everyone named, the sentence that tells the type; two events of one kind,
type, place and day become one candidate.
"""

from __future__ import annotations

from dataclasses import replace

from geo.extract.counts import tidy_actors
from geo.extract.events import FORCE_ACTORS, Raw, Rules, rules_for
from geo.extract.language import Language
from geo.extract.merging import KIN, Event, Located, cluster
from geo.extract.records import Candidate, CandidateKind, Count

__all__ = ["candidates"]


def _merged_counts(raws: list[Raw]) -> tuple[Count, ...]:
    """One figure per kind and side: the first the article gives (later ones are updates or totals of a wider
    operation), raised only by an "at least" of the same figure."""
    first: dict[tuple[str, str], Count] = {}
    for count in (c for r in sorted(raws, key=lambda r: r.sentence) for c in r.counts):
        first.setdefault((count.kind, count.side), count)
    return tuple(first.values())


def _event_actors(kind: CandidateKind, raws: list[Raw]) -> tuple[str, ...]:
    """Incidents: everyone named, KFOR standing for NATO, crowds and armed groups first; deployments: the forces."""
    actors = tidy_actors(a for r in raws for a in r.actors)
    if kind == "deployment":
        return tuple(a for a in actors if a in FORCE_ACTORS)
    kept = [a for a in actors if a != "NATO" or "KFOR" not in actors]
    return tuple(sorted(kept, key=lambda a: a in FORCE_ACTORS))  # crowds and armed groups first, as ACLED's actor1


def _type_tier(raw: Raw, rules: Rules) -> int:
    """A specific trigger at the site first; a bare casualty word there gives way to a specific trigger
    in a sentence without a site."""
    if raw.place is not None and raw.rule != rules.casualty_rule:
        return 0
    if raw.place is None and raw.rule <= rules.riots_rule:
        return 1
    return 2 if raw.place is not None else 3


def _turned_violent(raw: Raw, protest: Raw) -> bool:
    """ "Serbs gathered at the town hall. The crowd clashed with the police": a riot claim with no site, told after
    the gathering it adds to, makes it a riot (ACLED codes a protest that turned violent as one)."""
    riot = raw.subtype != "Protests" and KIN.get(raw.subtype) == "Protests"
    return riot and raw.specific and raw.place is None and raw.sentence > protest.sentence


def _candidate(event: Event, rules: Rules) -> Candidate:
    head, when = event.head, event.when
    assert head.place is not None
    best = min(event.raws, key=lambda r: (_type_tier(r, rules), r.rule)) if head.kind == "incident" else head
    riot = next((r for r in event.raws if _turned_violent(r, best)), None)
    best = riot if riot is not None and best.subtype == "Protests" else best
    # The sentence shown is the one that tells the event's type at its site, when another than the first does
    # ("police entered the town hall in Zvečan … clashes broke out in Zvečan": a riot shown by the clash).
    shown = best.evidence if best.place is not None and best.subtype != head.subtype else head.evidence
    support = [r.evidence for r in sorted(event.raws, key=lambda r: r.sentence) if r.evidence != shown]
    return Candidate(
        kind=head.kind,
        date=when.value,
        date_basis=when.basis,
        date_precision=when.precision,
        place_id=head.place.id,
        place=head.place.name_en,
        lat=head.place.lat,
        lon=head.place.lon,
        event_type=best.subtype if head.kind == "incident" else None,
        sub_event_type=best.sub_event_type if head.kind == "incident" else None,
        deployment_kind=head.subtype if head.kind == "deployment" else None,
        actors=_event_actors(head.kind, event.raws),
        counts=_merged_counts(event.raws),
        evidence=shown,
        support=tuple(dict.fromkeys(support)),
        nations=tuple(dict.fromkeys(n for r in event.raws for n in r.nations)),
    )


def candidates(raws: list[Raw], language: Language, located: Located = frozenset()) -> list[Candidate]:
    """Raw claims in text order merged into candidates, in the order their evidence appears in the text.

    `located` holds (town, place) pairs the article itself gave ("the village of Banjska, Leposavić"): a claim
    at the town and one at the place in it are one event when they agree, told at the place."""
    rules = rules_for(language)
    found = _distinct([_candidate(event, rules) for event in cluster(raws, located)])
    return sorted(found, key=lambda c: (c.evidence.start, c.kind))


def _distinct(found: list[Candidate]) -> list[Candidate]:
    """One candidate per kind, type, place and day: the same event told again far from its first account
    ("…, they opened fire, police said" four sentences on) adds its sentence to it, not a second row."""
    first: dict[tuple[object, ...], Candidate] = {}
    for candidate in found:
        key = (candidate.kind, candidate.event_type, candidate.deployment_kind, candidate.place_id, candidate.date)
        if key not in first:
            first[key] = candidate
            continue
        kept = first[key]
        support = tuple(dict.fromkeys([*kept.support, candidate.evidence, *candidate.support]))
        counts = kept.counts + tuple(
            c for c in candidate.counts if (c.kind, c.side) not in {(k.kind, k.side) for k in kept.counts}
        )
        actors = tuple(dict.fromkeys([*kept.actors, *candidate.actors]))
        nations = tuple(dict.fromkeys([*kept.nations, *candidate.nations]))
        first[key] = replace(kept, support=support, counts=counts, actors=actors, nations=nations)
    return list(first.values())
