"""From sentences to claims: triggers, the sites they happen at, and their dates (merging: geo.extract.merging).

1. Per clause of a sentence: incident and deployment triggers (the language's [events] rules),
   actors and counts. A claim is tied to the sites named in its own clause; a clause without a
   site borrows the sites of the sentence's clauses that tell no event ("In Zvečan, …"), or the
   place just named when it points back ("there", "tamo", "atje"). Several claims in a clause share
   its sites by nearness. A trigger governed by a modal or a request tells no event.
2. A place in a clause that reports speech ("said", "izjavio", "deklaroi"), tells no event and has
   no place word before it is where someone spoke, not where something happened.
3. Each claim takes the date nearest its trigger that it can see; a sentence without dates inherits
   a recent one, or the day of the story's opening sentences.
Every step reads one sentence, which is at most MAX_SENTENCE_CHARS long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from geo.extract.counts import actors_in, counts_in, nations_in
from geo.extract.dates import DateMention, reference_spans
from geo.extract.language import Language
from geo.extract.records import CandidateKind, Count, Evidence
from geo.extract.roles import Found
from geo.extract.sentences import Sentence
from geo.gazetteer import Place

__all__ = ["FORCE_ACTORS", "Facts", "Raw", "Rules", "claims_of_sentence", "coarseness", "raws_of", "rules_for"]

FORCE_ACTORS = (
    "NATO",
    "KFOR",
    "EULEX",
    "Police Forces of Kosovo",
    "Military Forces of Serbia",
    "Police Forces of Serbia",
)
_COARSE_KINDS = {"country": 3, "region": 2, "municipality": 1}
_MODAL_REACH = 90  # characters before a trigger in which a modal word makes it hypothetical


@dataclass(frozen=True)
class _IncidentRule:
    pattern: re.Pattern[str]
    event_type: str
    sub_type: str
    needs_day: bool = False  # an event of this kind dated only to a month is background ("last month's vote")


@dataclass(frozen=True)
class Rules:
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
def rules_for(language: Language) -> Rules:
    section, places = language.section("events"), language.section("places")
    incident = tuple(
        _IncidentRule(re.compile(r["pattern"]), r["type"], r["sub_type"], bool(r.get("needs_day")))
        for r in section["incident"]
    )
    casualty = next((n for n, r in enumerate(section["incident"]) if r.get("casualty")), len(incident))
    riots = next((n for n, r in enumerate(incident) if r.event_type == "Riots"), len(incident))
    return Rules(
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
    near: Place | None = None  # where the story is when this sentence names no place: the site just named,
    # else the dateline's place
    count_before: Count | None = None  # the last figure of the sentence before, which this one may break down


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


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """The text with each match of `pattern` replaced by as many spaces: offsets stay put."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _incident_types(text: str, rules: Rules) -> list[tuple[_IncidentRule, int, int]]:
    """Each event type a clause names, with its most specific rule and where its first trigger is."""
    cleaned = _blank(text, rules.idioms)
    found: dict[str, tuple[_IncidentRule, int, int]] = {}
    for number, rule in enumerate(rules.incident):
        match = rule.pattern.search(cleaned)
        if match and rule.event_type not in found:
            found[rule.event_type] = (rule, match.start(), number)
    return sorted(found.values(), key=lambda item: item[2])


def _deployment_kind(text: str, rules: Rules) -> tuple[str, int] | None:
    if not rules.force.search(text):
        return None
    for pattern, kind in rules.deployment:
        match = pattern.search(text)
        if match:
            return kind, match.start()
    return None


def _only(counts: tuple[Count, ...], keep: str | None = None, exclude: str | None = None) -> tuple[Count, ...]:
    return tuple(c for c in counts if (keep is None or c.kind == keep) and c.kind != exclude)


def _claims(
    text: str, offset: int, language: Language, count_before: Count | None = None, counted: str | None = None
) -> list[_Claim]:
    rules = rules_for(language)
    types = _incident_types(text, rules)
    deployment = _deployment_kind(text, rules)
    counts = tuple(counts_in(counted or text, language, count_before))
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
        for rule, position, number in types
        if not _hypothetical(text, position, rules)
    ]
    if not claims and (rules.weak.search(text) or casualties):
        claims.append(_Claim("incident", "", None, rules.no_rule, offset, casualties, False, specific=False))
    if deployment and not _hypothetical(text, deployment[1], rules):
        kind, position = deployment
        claims.append(_Claim("deployment", kind, None, 0, offset + position, _only(counts, keep="troops"), True))
    return claims


def _hypothetical(text: str, position: int, rules: Rules) -> bool:
    """A trigger that a modal or a request governs tells no event: "he would ask NATO to allow troops to be
    deployed", "prijetili su da će blokirati", "kërkoi që të dërgohen"."""
    return bool(rules.hypothetical.search(text[max(0, position - _MODAL_REACH) : position]))


def _clauses(text: str, rules: Rules) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in rules.clause_break.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def claims_of_sentence(facts: Facts, language: Language) -> tuple[list[tuple[_Claim, list[Found]]], list[Found]]:
    """Each claim of the sentence with the sites it is tied to, and the mentions with their final roles.

    A clause with no claim lends its sites to the claims of a clause without sites ("In Zvečan, police
    arrested two men") or, when it follows a claim, to that claim as the rest of its list ("burned: two in
    North Mitrovica, in Ivo Lola Ribar street, and one in Zvečan"). A place in a phrase that refers to
    another event ("linked to the events in Banjska") is no site of the claims outside it."""
    rules = rules_for(language)
    text = facts.sentence.text
    clauses = _clauses(text, rules)
    per_clause = [_clause_claims(text, a, b, language, facts.count_before) for a, b in clauses]
    mentions = [_speech_role(m, clauses, per_clause, text, rules) for m in facts.mentions]
    references = reference_spans(text, language)
    sites = [[m for m in mentions if m.role == "site" and a <= m.start < b] for a, b in clauses]
    orphans = [m for number, found in enumerate(sites) if not per_clause[number] for m in found]
    if not orphans and rules.anaphora.search(text):  # "five officers were hurt there": the place just named
        orphans = list(facts.earlier_sites[-1:])
    tied = []
    for number, claims in enumerate(per_clause):
        own = sites[number] + _trailing(number, sites, per_clause) if sites[number] else orphans
        for claim, found in _nearest_sites(claims, own):
            tied.append((claim, [m for m in found if _same_span(m.start, claim.position, references)]))
    return tied, mentions


def _clause_claims(text: str, start: int, end: int, language: Language, count_before: Count | None) -> list[_Claim]:
    """A clause's claims; a relative clause in it ("…, where special police had been deployed since last Monday")
    tells claims of its own, with its own dates. The figures stay with the rest's claims, as when read whole."""
    part = text[start:end]
    spans = [m.span() for m in rules_for(language).relative_clause.finditer(part)]
    if not spans:
        return _claims(part, start, language, count_before)
    rest = _blank(part, rules_for(language).relative_clause)
    claims = _claims(rest, start, language, count_before, counted=part)
    for a, b in spans:
        claims += [c for c in _claims(part[a:b], start + a, language) if c.anchored]
    return claims


def _trailing(number: int, sites: list[list[Found]], claims: list[list[_Claim]]) -> list[Found]:
    """The sites of the clauses without claims that follow clause `number`, up to the next clause with one."""
    found: list[Found] = []
    for later in range(number + 1, len(sites)):
        if claims[later]:
            break
        found += sites[later]
    return found if claims[number] else []


def _same_span(site: int, trigger: int, spans: list[tuple[int, int]]) -> bool:
    return _clause_of(site, spans) in (-1, _clause_of(trigger, spans))


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
    mention: Found, clauses: list[tuple[int, int]], claims: list[list[_Claim]], text: str, rules: Rules
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


_ANTECEDENT_CHARS = 24  # a relative clause this close after a trigger describes the trigger's own event


def _visible(facts: Facts, position: int, rules: Rules, language: Language) -> list[DateMention]:
    """The dates a trigger can see: a relative clause keeps its dates to itself ("…, where clashes left dozens
    injured on 29 May"), unless it follows the trigger's noun ("the clashes that took place on Sunday")."""
    text = facts.sentence.text
    spans = [m.span() for m in rules.relative_clause.finditer(text)] + reference_spans(text, language)
    own = _clause_of(position, spans)
    described = {n for n, (start, _) in enumerate(spans) if 0 <= start - position <= _ANTECEDENT_CHARS}
    return [d for d in facts.dates if _clause_of(d.position, spans) in {own, -1, *described}]


def _date_for(facts: Facts, position: int, rules: Rules, language: Language) -> DateMention:
    """The date nearest the trigger that it can see; a statement's date ("police said on Monday") only when the
    sentence gives no other and no earlier day goes before it. A sentence without dates inherits a recent one;
    else publication."""
    here = _visible(facts, position, rules, language)
    events = [d for d in here if not d.statement]
    if events:
        return min(events, key=lambda d: abs(d.position - position))
    inherited = facts.inherited
    if here:
        said = min(here, key=lambda d: abs(d.position - position))
        return inherited.inherit() if inherited and inherited.value < said.value else said
    if facts.dates or inherited is None:
        return DateMention(facts.published, "publication", "day", 0)
    return inherited.inherit()


def coarseness(place: Place) -> int:
    return _COARSE_KINDS.get(place.kind, 0)


def _finest(found: list[Found]) -> list[Place]:
    """Distinct places; a coarse one (Kosovo) drops out when a finer one is named beside it."""
    unique = list({m.place.id: m.place for m in found}.values())
    finest = min((coarseness(p) for p in unique), default=0)
    return [p for p in unique if coarseness(p) == finest]


def raws_of(facts: Facts, language: Language) -> tuple[list[Raw], list[Found]]:
    """The sentence's claims, one per site, and its mentions with their final roles."""
    rules = rules_for(language)
    text = facts.sentence.text
    evidence = Evidence(text, facts.sentence.start, facts.sentence.start + len(text))
    actors, nations = actors_in(text, language), nations_in(text, language)
    tied, mentions = claims_of_sentence(facts, language)
    raws = []
    for claim, found in tied:
        when = _date_for(facts, claim.position, rules, language)
        if claim.needs_day and when.precision != "day":
            continue
        places = _finest(found)
        for place in places or [None]:
            day = _site_date(facts, found, place, when) if len(places) > 1 else when
            raw = _raw(claim, place, day, (actors, nations), evidence, facts.number)
            raws.append(replace(raw, near=facts.near) if place is None else raw)
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
    )
