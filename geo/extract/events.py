"""From sentences to claims: triggers, the sites they happen at, and their dates (merging: geo.extract.merging).

1. Per clause of a sentence: incident and deployment triggers, actors and counts (geo.extract.claims,
   with the language's rules from geo.extract.event_rules).
2. Each claim is tied to the sites of its clause, and places of speaking become seats
   (geo.extract.claim_sites).
3. Each claim takes the date nearest its trigger that it can see; a sentence without dates inherits
   a recent one, or the day of the story's opening sentences (geo.extract.event_dates).
Here the three come together: one raw claim per site. Every step reads one sentence, which is at
most MAX_SENTENCE_CHARS long.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.extract.claim_sites import claims_of_sentence, coarseness
from geo.extract.claims import Claim
from geo.extract.counts import actors_in, nations_in
from geo.extract.date_rules import DateMention
from geo.extract.event_dates import date_for, site_date
from geo.extract.event_rules import FORCE_ACTORS, Rules, rules_for
from geo.extract.facts import Facts
from geo.extract.language import Language
from geo.extract.records import CandidateKind, Count, Evidence
from geo.extract.roles import CONTEXT_CHARS, Found, in_north, place_rules
from geo.gazetteer import Place

__all__ = ["FORCE_ACTORS", "Facts", "Raw", "Rules", "claims_of_sentence", "coarseness", "raws_of", "rules_for"]


@dataclass(frozen=True)
class Raw:
    """One clause's claim about one event (place None: it names no site)."""

    kind: CandidateKind
    subtype: str  # event type for incidents, deployment kind for deployments
    sub_event_type: str | None
    rule: int  # which trigger rule fired: lower is more specific
    place: Place | None
    when: DateMention
    actors: tuple[str, ...]
    counts: tuple[Count, ...]
    nations: tuple[str, ...]
    evidence: Evidence
    sentence: int
    specific: bool = True  # False for a bare casualty word or an untyped "incident"
    near: Place | None = None  # for a claim that names no site: the place the story is at (just named, or datelined)
    echo: bool = False  # the clause says it happened again or elsewhere too ("also", "similar scenes")

    @property
    def repeat(self) -> bool:
        """Told as a repeat on a day of its own ("attacks were also reported last week"): another event than one
        of another day, never a later account of it."""
        return self.echo and self.when.basis in ("explicit", "relative") and not self.when.inherited


def _finest(found: list[Found]) -> list[Place]:
    """Distinct places; a coarse one (Kosovo) drops out when a finer one is named beside it."""
    unique = list({m.place.id: m.place for m in found}.values())
    finest = min((coarseness(p) for p in unique), default=0)
    return [p for p in unique if coarseness(p) == finest]


_LOCAL_SEATS = frozenset({"town", "municipality"})


def _local_seat(mentions: list[Found], text: str, language: Language) -> Place | None:
    """ "Opština Zvečan saopštila je da su maskirani muškarci provalili u dom kulture", "The Zvecan municipality
    said masked men broke into the town's cultural centre": a northern town or municipality that speaks, in a
    story that has named no place yet, tells of what happened in it; not of what it says will happen ("da će
    sledeće nedelje održati protest")."""
    if rules_for(language).future.search(text):
        return None
    return next(
        (m.place for m in mentions if m.role == "actor_seat" and m.place.kind in _LOCAL_SEATS and in_north(m.place)),
        None,
    )


def _elsewhere(text: str, mentions: list[Found], language: Language) -> bool:
    """ "In Belgrade, thousands rallied on Wednesday", "U Beogradu se okupilo …": a sentence that puts what it tells
    in a place outside the map's area ("in", "u", "në" before it) tells nothing of where the story was."""
    rules = place_rules(language)
    return any(
        m.role == "out_of_area" and rules.locative_before.search(text[max(0, m.start - CONTEXT_CHARS) : m.start])
        for m in mentions
    )


def raws_of(facts: Facts, language: Language) -> tuple[list[Raw], list[Found]]:
    """The sentence's claims, one per site, and its mentions with their final roles."""
    rules = rules_for(language)
    text = facts.sentence.text
    evidence = Evidence(text, facts.sentence.start, facts.sentence.start + len(text))
    actors, nations = actors_in(text, language), nations_in(text, language)
    tied, mentions = claims_of_sentence(facts, language)
    near = None if _elsewhere(text, mentions, language) else facts.near or _local_seat(mentions, text, language)
    raws = []
    for claim, found in tied:
        when = date_for(facts, claim.position, rules, language)
        if claim.needs_day and when.precision != "day":
            continue
        if claim.kind == "incident" and when.value > facts.published:
            continue  # a deadline or a plan ("plates must change within 60 days from August 1"), not what happened
        places = _finest(found)
        for place in places or [None]:
            day = site_date(facts, found, place, when) if len(places) > 1 else when
            raw = _raw(claim, place, day, (actors, nations), evidence, facts.number)
            raws.append(replace(raw, near=near) if place is None else raw)
    return raws, mentions


def _raw(
    claim: Claim, place: Place | None, when: DateMention, who: tuple[tuple[str, ...], tuple[str, ...]],
    evidence: Evidence, sentence: int,
) -> Raw:  # fmt: skip
    actors, nations = who
    return Raw(
        kind=claim.kind,
        subtype=claim.subtype,
        sub_event_type=claim.sub_event_type,
        rule=claim.rule,
        place=place,
        when=when,
        actors=actors,
        counts=claim.counts,
        nations=nations,
        evidence=evidence,
        sentence=sentence,
        specific=claim.specific,
        echo=claim.echo,
    )
