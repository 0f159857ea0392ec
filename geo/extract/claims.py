"""What a clause says happened: its incident and deployment triggers, with their counts.

A trigger governed by a modal or a request tells no event; an idiom ("a war of words") is no trigger;
a clause with no trigger but a weak word, a casualty figure or an echo ("similar scenes", "also") makes a
claim that only adds to an event named nearby, or repeats it at a site of its own. A relative clause
tells claims of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.counts import counts_in
from geo.extract.date_rules import date_rules
from geo.extract.event_rules import IncidentRule, Rules, rules_for
from geo.extract.language import Language
from geo.extract.records import CandidateKind, Count

__all__ = ["Claim", "clause_claims"]

_MODAL_REACH = 90  # characters before a trigger in which a modal word makes it hypothetical
_NEGATION_REACH = 40  # characters before a trigger searched for a negation (the pattern allows two words between)


@dataclass(frozen=True)
class Claim:
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
    echo: bool = False  # the clause says it happened again or elsewhere too ("also last week", "edhe")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """The text with each match of `pattern` replaced by as many spaces: offsets stay put."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _incident_types(
    text: str, rules: Rules, silenced: frozenset[str], reference: re.Pattern[str]
) -> list[tuple[IncidentRule, int, int]]:
    """Each event type a clause tells, with its most specific rule and where its first live trigger is: one
    that no modal, negation or plan governs, and no speaker's noun ("protesters said they will block the
    road" tells no blockade). An arrest's reference to another event ("arrested on suspicion of attacking
    police during the 2023 protests", "nën dyshimet për përfshirje në sulmin") names the offence, not what
    happened: when an arrest is told outside it, its triggers type nothing. Without an arrest the reference
    may be where the clause tells its event ("a truck suspected of smuggling rammed police cars")."""
    cleaned = _blank(text, rules.idioms)
    outside = _types_in(_blank(cleaned, reference), text, rules, silenced)
    if any(rule.sub_type == _ARREST for rule, _, _ in outside):
        return outside
    return _types_in(cleaned, text, rules, silenced)


_ARREST = "Arrests"  # the sub-type of the arrest rules in every language's data


def _types_in(cleaned: str, text: str, rules: Rules, silenced: frozenset[str]) -> list[tuple[IncidentRule, int, int]]:
    found: dict[str, tuple[IncidentRule, int, int]] = {}
    for number, rule in enumerate(rules.incident):
        if rule.event_type in silenced or rule.event_type in found:
            continue
        match = next((m for m in rule.pattern.finditer(cleaned) if _live(text, m, rules)), None)
        if match:
            found[rule.event_type] = (rule, match.start(), number)
    return sorted(found.values(), key=lambda item: item[2])


_SPEAKER_WORDS = 3  # words between a noun and its speech verb ("protesters in Zvečan have warned")


def _live(text: str, match: re.Match[str], rules: Rules) -> bool:
    """A trigger that tells something happened: not governed by a modal, a negation or a plan, and not a
    speaker's noun (a noun a few words before its speech verb, in the same clause, in the active)."""
    position = match.start()
    if _hypothetical(text, position, rules) or _negated(text, position, rules) or _planned(text, position, rules):
        return False
    after = text[match.end() : match.end() + _TARGET_CHARS]
    speech = rules.speech.search(after)
    if speech is None:
        return True
    between = after[: speech.start()]
    # "protesters in Zvečan have warned" names speakers; "arrested on Sunday, police said" and "the attack in
    # Zvečan was condemned" tell events.
    passive = bool(_PASSIVE.search(between))
    return len(between.split()) > _SPEAKER_WORDS or bool(_CLAUSE_MARK.search(between)) or passive


_CLAUSE_MARK = re.compile(r"[,;:()\"“”«»–—]")
# A passive's auxiliary right before the speech verb: its subject is what was spoken of ("was condemned", "u
# dënua"). Serbian "je/su" also make the active past ("su upozorili"), so they are not listed.
_PASSIVE = re.compile(r"(?i:\b(?:was|were|is|are|been|u|është|janë|ishte|ishin)\s*$)")


_TARGET_CHARS = 60  # how far from a deployment word the words that make it an attack's target may stand


def _targeted(text: str, match: re.Match[str], rules: Rules) -> bool:
    """A patrol or a post that is what was attacked ("an attack on a KFOR patrol", "napad na patrolu",
    "sulm ndaj patrullës", "the patrol was ambushed") is the object of an incident, not a report of a
    deployment."""
    before = text[max(0, match.start() - _TARGET_CHARS) : match.start()]
    after = text[match.end() : match.end() + _TARGET_CHARS]
    return bool(rules.target_before.search(before) or rules.target_after.match(after))


def _against_forces(text: str, rules: Rules) -> bool:
    """The clause names a security force as what was attacked ("two police officers were attacked", "napali su
    policijsko vozilo", "është sulmuar patrulla policore"); a force that only speaks of an attack ("police said
    two men were attacked") is none."""
    for force in rules.force.finditer(text):
        before = text[max(0, force.start() - _TARGET_CHARS) : force.start()]
        after = re.sub(r"^-\w+", "", text[force.end() : force.end() + _TARGET_CHARS])  # "KFOR-it", "Kfor-a"
        told = rules.target_after.match(after)
        if rules.target_before.search(before) or (told and not rules.speech.search(told.group())):
            return True
    return False


def _typed_claim(rule: IncidentRule, number: int, text: str, rules: Rules) -> tuple[str, str, int]:
    """A claim's type, sub-type and rule. An attack on the police, KFOR or a patrol is no violence against
    civilians: told without a weapon, it is taken as mob violence (as the record codes stones, bottles and
    blows against the police), and ranked as a bare casualty word is, so that a weapon named for the same event
    in a sentence nearby (a shooting: a battle; a grenade) gives the type."""
    attack = rule.event_type == "Violence against civilians" and rule.sub_type == "Attack"
    if attack and number != rules.casualty_rule and _against_forces(text, rules):
        return "Riots", "Mob violence", rules.casualty_rule
    return rule.event_type, rule.sub_type, number


def _silenced(text: str, rules: Rules) -> frozenset[str]:
    """The event types a sentence's harmless context rules out, whichever clause it stands in ("…, në një
    aksident"): people who gathered in church or to celebrate held no protest (unless it says they protested);
    a pedestrian struck by a car in a traffic accident was not attacked."""
    harmless = (
        types for context, outright, types in rules.harmless if context.search(text) and not outright.search(text)
    )
    return frozenset().union(*harmless)


def _deployment_kind(text: str, rules: Rules) -> tuple[str, int] | None:
    """The clause's deployment kind and where its word is. A patrol in a clause that tells an attack on the
    forces ("Policia dhe KFOR-i janë sulmuar … teksa ishin duke patrulluar", "gjatë patrullimit … u sulmua") is
    what was attacked, however far its word stands from the attack's."""
    if not rules.force.search(text):
        return None
    attacked = _against_forces(text, rules)
    for pattern, kind in rules.deployment:
        if kind == "patrol" and attacked:
            continue
        match = next((m for m in pattern.finditer(text) if not _targeted(text, m, rules)), None)
        if match:
            return kind, match.start()
    return None


def _only(counts: tuple[Count, ...], keep: str | None = None, exclude: str | None = None) -> tuple[Count, ...]:
    return tuple(c for c in counts if (keep is None or c.kind == keep) and c.kind != exclude)


def _claims(
    text: str,
    offset: int,
    language: Language,
    silenced: frozenset[str],
    count_before: Count | None = None,
    counted: str | None = None,
) -> list[Claim]:
    rules = rules_for(language)
    types = _incident_types(text, rules, silenced, date_rules(language).reference)
    deployment = _deployment_kind(text, rules)
    counts = tuple(counts_in(counted or text, language, count_before))
    casualties = _only(counts, exclude="troops")
    echoed = _echoes(text, rules)
    claims = [
        Claim(
            "incident",
            *typed,
            offset + position,
            casualties,
            True,
            rule.needs_day,
            number != rules.casualty_rule,
            echo=echoed,
        )
        for rule, position, number in types
        for typed in [_typed_claim(rule, number, text, rules)]
    ]
    echo = deployment is None and echoed  # "the troops also secured …" tells its own event
    if not claims and not silenced and (rules.weak.search(text) or casualties or echo):
        claims.append(
            Claim("incident", "", None, rules.no_rule, offset, casualties, False, specific=False, echo=echoed)
        )
    if deployment and not _hypothetical(text, deployment[1], rules) and not _negated(text, deployment[1], rules):
        kind, position = deployment
        claims.append(Claim("deployment", kind, None, 0, offset + position, _only(counts, keep="troops"), True))
    return claims


def _echoes(text: str, rules: Rules) -> bool:
    """A clause with no trigger that says the same happened elsewhere ("Similar scenes were reported in
    Leposavić", "i u Zubinom Potoku", "edhe në Zveçan"): an untyped claim, which takes its type from the event
    just told (geo.extract.merging). Said of speech ("residents there also said") it tells no event."""
    return bool(rules.echo.search(text)) and not rules.speech.search(text)


def _negated(text: str, position: int, rules: Rules) -> bool:
    """A trigger right after a negation tells no event: "no one was injured", "nisu imali nikakav oružani
    obračun", "nuk pati përleshje"."""
    return bool(rules.negation.search(text[max(0, position - _NEGATION_REACH) : position]))


def _planned(text: str, position: int, rules: Rules) -> bool:
    """An incident announced, called for or planned has not happened yet: "they will block the road", "pozvala
    je građane na protest", "protesta është paralajmëruar për të enjten". Deployments are not asked: an
    announced one ("NATO is sending 700 troops") is what the map records."""
    before = text[max(0, position - _MODAL_REACH) : position]
    return bool(rules.planned_before.search(before) or rules.planned_after.match(text[position:]))


def _hypothetical(text: str, position: int, rules: Rules) -> bool:
    """A trigger that a modal or a request governs tells no event: "he would ask NATO to allow troops to be
    deployed", "prijetili su da će blokirati", "kërkoi që të dërgohen"."""
    return bool(rules.hypothetical.search(text[max(0, position - _MODAL_REACH) : position]))


def clause_claims(text: str, start: int, end: int, language: Language, count_before: Count | None) -> list[Claim]:
    """A clause's claims; a relative clause in it ("…, where special police had been deployed since last Monday")
    tells claims of its own, with its own dates. The figures stay with the rest's claims, as when read whole."""
    part, silenced = text[start:end], _silenced(text, rules_for(language))
    spans = [m.span() for m in rules_for(language).relative_clause.finditer(part)]
    if not spans:
        return _claims(part, start, language, silenced, count_before)
    rest = _blank(part, rules_for(language).relative_clause)
    claims = _claims(rest, start, language, silenced, count_before, counted=part)
    for a, b in spans:
        claims += [c for c in _claims(part[a:b], start + a, language, silenced) if c.anchored]
    return claims
