"""From sentences to events: triggers, the sites they happen at, their dates, and merging into candidates.

1. Per clause of a sentence: incident and deployment triggers (the language's [events] rules),
   actors and counts. A claim is tied to the sites named in its own clause; a clause without a
   site borrows the sites of the sentence's clauses that tell no event ("In Zvečan, …"). A claim
   with no site at all floats: its counts and actors join the latest event of its kind.
2. A place in a clause that reports speech ("said", "izjavio", "deklaroi") and tells no event is
   where someone spoke, not where something happened.
3. Claims of one kind whose places nest (Kosovo ⊃ North Kosovo ⊃ Zvečan) and whose dates agree
   become one candidate: the finer place and the better-founded date win.
Every step reads a bounded window (a sentence is at most MAX_SENTENCE_CHARS, merging looks at the
latest events only), so the work grows linearly with the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from geo.extract.counts import actors_in, counts_in, nations_in, tidy_actors
from geo.extract.dates import DateMention
from geo.extract.language import Language
from geo.extract.mentions import NORTH, Found
from geo.extract.records import Candidate, CandidateKind, Count, Evidence
from geo.extract.sentences import Sentence
from geo.gazetteer import Place

__all__ = ["FORCE_ACTORS", "Facts", "candidates", "claims_of_sentence"]

FORCE_ACTORS = (
    "NATO",
    "KFOR",
    "EULEX",
    "Police Forces of Kosovo",
    "Military Forces of Serbia",
    "Police Forces of Serbia",
)
_COARSE_KINDS = {"country": 3, "region": 2, "municipality": 1}
_BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}
_ATTACH_WINDOW = 4  # a sentence without a site adds to an event named at most this many sentences before
_RECENT_EVENTS = 200  # merging looks back over this many events: no real article has more
_MODAL_REACH = 90  # characters before a trigger in which a modal word makes it hypothetical
_WAITING = 2  # a claim without a place, before any event, joins the first event named this few sentences later


@dataclass(frozen=True)
class _IncidentRule:
    pattern: re.Pattern[str]
    event_type: str
    sub_type: str
    needs_day: bool = False  # an event of this kind dated only to a month is background ("last month's vote")


@dataclass(frozen=True)
class _Rules:
    incident: tuple[_IncidentRule, ...]
    deployment: tuple[tuple[re.Pattern[str], str], ...]
    weak: re.Pattern[str]
    idioms: re.Pattern[str]
    force: re.Pattern[str]
    speech: re.Pattern[str]
    clause_break: re.Pattern[str]
    relative_clause: re.Pattern[str]
    anaphora: re.Pattern[str]
    hypothetical: re.Pattern[str]
    casualty_rule: int
    riots_rule: int

    @property
    def no_rule(self) -> int:
        return len(self.incident)


@lru_cache(maxsize=16)
def _rules(language: Language) -> _Rules:
    section, places = language.section("events"), language.section("places")
    incident = tuple(
        _IncidentRule(re.compile(r["pattern"]), r["type"], r["sub_type"], bool(r.get("needs_day")))
        for r in section["incident"]
    )
    casualty = next((n for n, r in enumerate(section["incident"]) if r.get("casualty")), len(incident))
    riots = next((n for n, r in enumerate(incident) if r.event_type == "Riots"), len(incident))
    return _Rules(
        incident=incident,
        deployment=tuple((re.compile(r["pattern"]), r["kind"]) for r in section["deployment"]),
        weak=re.compile(section.get("weak", "(?!)")),
        idioms=re.compile(section.get("idioms", "(?!)")),
        force=re.compile(section["force"]),
        speech=re.compile(places.get("speech", "(?!)")),
        clause_break=re.compile(places.get("clause_break", "(?!)")),
        relative_clause=re.compile(places.get("relative_clause", "(?!)")),
        anaphora=re.compile(places.get("anaphora", "(?!)")),
        hypothetical=re.compile(section.get("hypothetical", "(?!)")),
        casualty_rule=casualty,
        riots_rule=riots,
    )


# --- per-sentence facts ------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """One sentence and what was found in it (offsets relative to the sentence)."""

    number: int
    sentence: Sentence
    mentions: tuple[Found, ...]
    dates: tuple[DateMention, ...]
    inherited: DateMention | None
    published: date
    earlier_sites: tuple[Found, ...] = ()  # the sites of the latest earlier sentence that named any


@dataclass(frozen=True)
class _Claim:
    """What one clause says happened, before it is tied to places and a date."""

    kind: CandidateKind
    subtype: str
    sub_event_type: str | None
    rule: int
    position: int  # of the trigger word in the sentence, to pick the date nearest it
    counts: tuple[Count, ...]
    anchored: bool  # False: only adds to an event named nearby
    needs_day: bool = False
    specific: bool = True


@dataclass(frozen=True)
class _Raw:
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


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """The text with each match of `pattern` replaced by as many spaces: offsets stay put."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _incident_types(text: str, rules: _Rules) -> list[tuple[_IncidentRule, int, int]]:
    """Each event type a clause names, with its most specific rule and where its first trigger is."""
    cleaned = _blank(text, rules.idioms)
    found: dict[str, tuple[_IncidentRule, int, int]] = {}
    for number, rule in enumerate(rules.incident):
        match = rule.pattern.search(cleaned)
        if match and rule.event_type not in found:
            found[rule.event_type] = (rule, match.start(), number)
    return sorted(found.values(), key=lambda item: item[2])


def _deployment_kind(text: str, rules: _Rules) -> tuple[str, int] | None:
    if not rules.force.search(text):
        return None
    for pattern, kind in rules.deployment:
        match = pattern.search(text)
        if match:
            return kind, match.start()
    return None


def _only(counts: tuple[Count, ...], keep: str | None = None, exclude: str | None = None) -> tuple[Count, ...]:
    return tuple(c for c in counts if (keep is None or c.kind == keep) and c.kind != exclude)


def _claims(text: str, offset: int, language: Language) -> list[_Claim]:
    rules = _rules(language)
    counts = tuple(counts_in(text, language))
    casualties = _only(counts, exclude="troops")
    claims = [
        _Claim(
            "incident",
            rule.event_type,
            rule.sub_type,
            number,
            offset + position,
            casualties,
            True,
            rule.needs_day,
            number != rules.casualty_rule,
        )
        for rule, position, number in _incident_types(text, rules)
        if not _hypothetical(text, position, rules)
    ]
    if not claims and (rules.weak.search(text) or casualties):
        claims.append(_Claim("incident", "", None, rules.no_rule, offset, casualties, False, specific=False))
    deployment = _deployment_kind(text, rules)
    if deployment and not _hypothetical(text, deployment[1], rules):
        kind, position = deployment
        claims.append(_Claim("deployment", kind, None, 0, offset + position, _only(counts, keep="troops"), True))
    return claims


def _hypothetical(text: str, position: int, rules: _Rules) -> bool:
    """A trigger that a modal or a request governs tells no event: "he would ask NATO to allow troops to be
    deployed", "prijetili su da će blokirati", "kërkoi që të dërgohen"."""
    return bool(rules.hypothetical.search(text[max(0, position - _MODAL_REACH) : position]))


def _clauses(text: str, rules: _Rules) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in rules.clause_break.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def claims_of_sentence(facts: Facts, language: Language) -> tuple[list[tuple[_Claim, list[Found]]], list[Found]]:
    """Each claim of the sentence with the sites it is tied to, and the mentions with their final roles."""
    rules = _rules(language)
    text = facts.sentence.text
    clauses = _clauses(text, rules)
    per_clause = [_claims(text[a:b], a, language) for a, b in clauses]
    mentions = [_speech_role(m, clauses, per_clause, text, rules) for m in facts.mentions]
    sites = [[m for m in mentions if m.role == "site" and a <= m.start < b] for a, b in clauses]
    orphans = [m for number, found in enumerate(sites) if not per_clause[number] for m in found]
    if not orphans and rules.anaphora.search(text):  # "five officers were hurt there": the place just named
        orphans = list(facts.earlier_sites[-1:])
    tied = []
    for number, claims in enumerate(per_clause):
        tied += _nearest_sites(claims, sites[number] or orphans)
    return tied, mentions


def _nearest_sites(claims: list[_Claim], sites: list[Found]) -> list[tuple[_Claim, list[Found]]]:
    """Several claims in a clause share its sites by nearness: each site goes to the claim whose trigger is
    closest; a claim left with none keeps the site closest to it. One claim takes every site."""
    if len(claims) < 2 or len(sites) < 2:
        return [(claim, sites) for claim in claims]
    given: dict[int, list[Found]] = {i: [] for i in range(len(claims))}
    for site in sites:
        given[min(range(len(claims)), key=lambda i: abs(claims[i].position - site.start))].append(site)
    for i, claim in enumerate(claims):
        if not given[i]:
            given[i] = [min(sites, key=lambda site: abs(claim.position - site.start))]
    return [(claim, given[i]) for i, claim in enumerate(claims)]


def _speech_role(
    mention: Found, clauses: list[tuple[int, int]], claims: list[list[_Claim]], text: str, rules: _Rules
) -> Found:
    if mention.role != "site" or mention.strong:
        return mention  # "… in Zupce, police said": a place word makes it the event's place, speech or not
    number = next(n for n, (a, b) in enumerate(clauses) if a <= mention.start < b or n == len(clauses) - 1)
    start, end = clauses[number]
    anchored = any(c.anchored for c in claims[number])
    if not anchored and rules.speech.search(text[start:end]):
        return replace(mention, role="actor_seat")
    return mention


def _clause_of(position: int, spans: list[tuple[int, int]]) -> int:
    return next((number for number, (start, end) in enumerate(spans) if start <= position < end), -1)


def _date_for(facts: Facts, position: int, rules: _Rules) -> DateMention:
    """The date nearest the trigger that it can see: a relative clause keeps its dates to itself ("…, where
    clashes left dozens injured on 29 May"). A sentence without dates inherits a recent one; else publication."""
    spans = [m.span() for m in rules.relative_clause.finditer(facts.sentence.text)]
    own = _clause_of(position, spans)
    here = [d for d in facts.dates if _clause_of(d.position, spans) in (own, -1)]
    if here:
        return min(here, key=lambda d: abs(d.position - position))
    if facts.dates or facts.inherited is None:
        return DateMention(facts.published, "publication", "day", 0)
    return facts.inherited.inherit()


def _coarseness(place: Place) -> int:
    return _COARSE_KINDS.get(place.kind, 0)


def _finest(found: list[Found]) -> list[Place]:
    """Distinct places; a coarse one (Kosovo) drops out when a finer one is named beside it."""
    unique = list({m.place.id: m.place for m in found}.values())
    finest = min((_coarseness(p) for p in unique), default=0)
    return [p for p in unique if _coarseness(p) == finest]


def raws_of(facts: Facts, language: Language) -> tuple[list[_Raw], list[Found]]:
    """The sentence's claims, one per site, and its mentions with their final roles."""
    rules = _rules(language)
    text = facts.sentence.text
    evidence = Evidence(text, facts.sentence.start, facts.sentence.start + len(text))
    actors, nations = actors_in(text, language), nations_in(text, language)
    tied, mentions = claims_of_sentence(facts, language)
    raws = []
    for claim, found in tied:
        when = _date_for(facts, claim.position, rules)
        if claim.needs_day and when.precision != "day":
            continue
        places = _finest(found)
        for place in places or [None]:
            day = _site_date(facts, found, place, when) if len(places) > 1 else when
            raws.append(_raw(claim, place, day, (actors, nations), evidence, facts.number))
    return raws, mentions


def _site_date(facts: Facts, found: list[Found], place: Place | None, when: DateMention) -> DateMention:
    """ "… closed on Monday, and hundreds rallied in North Mitrovica on Tuesday": when a sentence gives several
    days and several places, each place takes the day written nearest to it."""
    days = [d for d in facts.dates if d.precision == "day"]
    if place is None or len({d.value for d in days}) < 2:
        return when
    start = next(m.start for m in found if m.place.id == place.id)
    return min(days, key=lambda d: abs(d.position - start))


def _raw(
    claim: _Claim, place: Place | None, when: DateMention, who: tuple[tuple[str, ...], tuple[str, ...]],
    evidence: Evidence, sentence: int,
) -> _Raw:  # fmt: skip
    actors, nations = who
    return _Raw(
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
    )


# --- merging sentences into events -----------------------------------------------


@dataclass
class _Event:
    """Raw claims about one event; its head, date and last sentence are kept up to date as raws join."""

    raws: list[_Raw]
    coarse: list[_Raw] | None = None  # the raws of the coarse event this one was made precise from
    _head: _Raw | None = None
    _when: DateMention | None = None
    last_sentence: int = -1
    typed: set[str] = field(default_factory=set)  # the specific types of its raws that name a place

    @classmethod
    def of(cls, raws: list[_Raw], coarse: list[_Raw] | None = None) -> _Event:
        event = cls([], coarse)
        for raw in raws:
            event.add(raw)
        return event

    def add(self, raw: _Raw) -> None:
        self.raws.append(raw)
        self.last_sentence = max(self.last_sentence, raw.sentence)
        if raw.place is None:
            self._date_from_floating(raw)
            return
        if raw.specific:
            self.typed.add(raw.subtype)
        if self._head is None or _head_rank(raw) < _head_rank(self._head):
            self._head = raw
        if self._when is None or _date_rank(raw.when) < _date_rank(self._when):
            self._when = raw.when

    def _date_from_floating(self, raw: _Raw) -> None:
        """A sentence that names no place but dates the event ("… arrested on Wednesday") dates it when the
        sentences that name its place give only the publication day."""
        weak = self._when is not None and self._when.basis == "publication"
        if weak and raw.when.basis != "publication" and not raw.when.inherited:
            self._when = raw.when

    @property
    def head(self) -> _Raw:
        """The raw that gives the event its place: the finest place, then the best-founded date."""
        assert self._head is not None
        return self._head

    @property
    def when(self) -> DateMention:
        """The best-founded date of the raws that name a place."""
        assert self._when is not None
        return self._when


def _head_rank(raw: _Raw) -> tuple[int, bool, int, int]:
    assert raw.place is not None
    return (_coarseness(raw.place), *_date_rank(raw.when), raw.sentence)


def _date_rank(when: DateMention) -> tuple[bool, int]:
    """Dates found in a sentence before inherited ones; explicit before relative before publication."""
    return when.inherited, _BASIS_RANK[when.basis]


def _contains(outer: Place, inner: Place) -> bool:
    if outer.id == inner.id:
        return True
    if outer.kind == "country":
        return inner.in_area and inner.country == outer.country
    if outer.kind == "region":
        return inner.municipality in NORTH or inner.id in NORTH
    return outer.kind == "municipality" and inner.municipality == outer.id


def _dates_agree(first: DateMention, second: DateMention) -> bool:
    loose = first.inherited or second.inherited or "publication" in (first.basis, second.basis)
    return loose or first.value == second.value


def _same_kind(event: _Event, raw: _Raw) -> bool:
    head = event.raws[0]
    return head.kind == raw.kind and (raw.kind == "incident" or head.subtype == raw.subtype)


def _fits(event: _Event, raw: _Raw) -> bool:
    if not _same_kind(event, raw) or raw.place is None:
        return False
    place = event.head.place
    assert place is not None
    if not _dates_agree(event.when, raw.when) or not (_contains(place, raw.place) or _contains(raw.place, place)):
        return False
    return place.id == raw.place.id or _types_agree(event, raw)


def _types_agree(event: _Event, raw: _Raw) -> bool:
    """Claims at nested places are one event when they name the same type, or one names none beyond a
    casualty ("violence in the north injured dozens … the riot in Zvečan"); a blockade in the north and
    shots at the dam are two events."""
    return not raw.specific or not event.typed or raw.subtype in event.typed


def _attach_target(events: list[_Event], raw: _Raw) -> _Event | None:
    for event in reversed(events[-_RECENT_EVENTS:]):
        recent = raw.sentence - event.last_sentence <= _ATTACH_WINDOW
        if _same_kind(event, raw) and recent and _dates_agree(event.when, raw.when):
            return event
    return None


def _merge_target(events: list[_Event], raw: _Raw) -> _Event | None:
    return next((e for e in events[-_RECENT_EVENTS:] if _fits(e, raw)), None)


def _refine(events: list[_Event], raw: _Raw) -> bool:
    """An untyped claim at a precise place ("the incidents took place in Zubin Potok and North Mitrovica")
    makes a recent coarse event ("in two towns in northern Kosovo") precise; each further place gets a copy."""
    assert raw.place is not None
    for event in reversed(events[-_RECENT_EVENTS:]):
        if not _same_kind(event, raw) or raw.sentence - event.last_sentence > _ATTACH_WINDOW:
            continue
        place = (event.head if event.coarse is None else _Event.of(event.coarse).head).place
        if place is None or not _coarseness(place) or not _contains(place, raw.place):
            continue
        if event.coarse is None:
            event.coarse = list(event.raws)
            event.add(raw)
        else:
            events.append(_Event.of([*event.coarse, raw], event.coarse))
        return True
    return False


def _cluster(raws: list[_Raw]) -> list[_Event]:
    """Sentences in text order: a site's claim merges with a fitting event or starts one; a floating one
    attaches (or waits for the next event, when it comes first); an untyped one at a site makes a coarse
    event precise, or else floats."""
    events: list[_Event] = []
    waiting: list[_Raw] = []
    for raw in raws:
        if raw.place is not None and not raw.subtype and _refine(events, raw):
            continue
        floating = raw.place is None or not raw.subtype
        target = _attach_target(events, raw) if floating else _merge_target(events, raw)
        if target is not None:
            target.add(replace(raw, place=None) if floating else raw)
        elif floating:
            waiting = [*waiting[-_WAITING:], replace(raw, place=None)]
        else:
            event = _Event.of([raw])
            for early in (w for w in waiting if _same_kind(event, w) and raw.sentence - w.sentence <= _WAITING):
                event.add(early)
            events.append(event)
            waiting = []
    return events


def _merged_counts(raws: list[_Raw]) -> tuple[Count, ...]:
    best: dict[tuple[str, str], Count] = {}
    for count in (c for r in raws for c in r.counts):
        key = (count.kind, count.side)
        known = best.get(key)
        if known is None or (count.value, count.at_least) > (known.value, known.at_least):
            best[key] = count
    return tuple(best.values())


def _event_actors(kind: CandidateKind, raws: list[_Raw]) -> tuple[str, ...]:
    """Incidents: everyone named, KFOR standing for NATO, crowds and armed groups first; deployments: the forces."""
    actors = tidy_actors(a for r in raws for a in r.actors)
    if kind == "deployment":
        return tuple(a for a in actors if a in FORCE_ACTORS)
    kept = [a for a in actors if a != "NATO" or "KFOR" not in actors]
    return tuple(sorted(kept, key=lambda a: a in FORCE_ACTORS))  # crowds and armed groups first, as ACLED's actor1


def _type_tier(raw: _Raw, rules: _Rules) -> int:
    """A specific trigger at the site first; a bare casualty word there gives way to a specific trigger
    in a sentence without a site."""
    if raw.place is not None and raw.rule != rules.casualty_rule:
        return 0
    if raw.place is None and raw.rule <= rules.riots_rule:
        return 1
    return 2 if raw.place is not None else 3


def _candidate(event: _Event, rules: _Rules) -> Candidate:
    head, when = event.head, event.when
    assert head.place is not None
    best = min(event.raws, key=lambda r: (_type_tier(r, rules), r.rule)) if head.kind == "incident" else head
    support = [r.evidence for r in sorted(event.raws, key=lambda r: r.sentence) if r.evidence != head.evidence]
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
        evidence=head.evidence,
        support=tuple(dict.fromkeys(support)),
        nations=tuple(dict.fromkeys(n for r in event.raws for n in r.nations)),
    )


def candidates(raws: list[_Raw], language: Language) -> list[Candidate]:
    """Raw claims in text order merged into candidates, in the order their evidence appears in the text."""
    rules = _rules(language)
    found = [_candidate(event, rules) for event in _cluster(raws)]
    return sorted(found, key=lambda c: (c.evidence.start, c.kind))
