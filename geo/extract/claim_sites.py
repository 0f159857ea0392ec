"""Tying a sentence's claims to the sites they happen at.

A claim is tied to the sites named in its own clause; a clause without a site borrows the sites of
the sentence's clauses that tell no event ("In Zvečan, …"), or the place just named when it points
back ("there", "tamo", "atje"). Several claims in a clause share its sites by nearness. A place in a
clause that reports speech ("said", "izjavio", "deklaroi"), tells no event and has no place word
before it is where someone spoke, not where something happened.
"""

from __future__ import annotations

from dataclasses import replace

from geo.extract.claims import Claim, clause_claims
from geo.extract.dates import reference_spans
from geo.extract.event_rules import Rules, rules_for
from geo.extract.facts import Facts
from geo.extract.language import Language
from geo.extract.roles import Found, lies_in
from geo.gazetteer import Place

__all__ = ["claims_of_sentence", "clause_of", "clauses", "coarseness"]

_COARSE_KINDS = {"country": 3, "region": 2, "municipality": 1}


def clauses(text: str, rules: Rules) -> list[tuple[int, int]]:
    """The spans of a sentence between its clause breaks ("; ", ", while", ", pasi", ", dok")."""
    spans, start = [], 0
    for match in rules.clause_break.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def claims_of_sentence(facts: Facts, language: Language) -> tuple[list[tuple[Claim, list[Found]]], list[Found]]:
    """Each claim of the sentence with the sites it is tied to, and the mentions with their final roles.

    A clause with no claim lends its sites to the claims of a clause without sites ("In Zvečan, police
    arrested two men") or, when it follows a claim, to that claim as the rest of its list ("burned: two in
    North Mitrovica, in Ivo Lola Ribar street, and one in Zvečan"). A place in a phrase that refers to
    another event ("linked to the events in Banjska") is no site of the claims outside it."""
    rules = rules_for(language)
    text = facts.sentence.text
    spans = clauses(text, rules)
    per_clause = [clause_claims(text, a, b, language, facts.count_before) for a, b in spans]
    mentions = [_speech_role(m, spans, per_clause, text, rules) for m in facts.mentions]
    references = reference_spans(text, language)
    sites = [[m for m in mentions if m.role == "site" and a <= m.start < b] for a, b in spans]
    orphans = [m for number, found in enumerate(sites) if not per_clause[number] for m in found]
    if not orphans and rules.anaphora.search(text):  # "five officers were hurt there": the place just named
        orphans = list(facts.earlier_sites[-1:])
    tied = []
    for number, claims in enumerate(per_clause):
        own = sites[number] + _trailing(number, sites, per_clause) if sites[number] else orphans
        if own and _points_back(text, spans[number], own, rules):
            own = own + list(facts.earlier_sites[-1:])
        elif own and all(coarseness(m.place) for m in own):
            own = own + _titled(own, facts.title_sites)
        for claim, found in _nearest_sites(claims, own):
            tied.append((claim, [m for m in found if _same_span(m.start, claim.position, references)]))
    return tied, mentions


def _points_back(text: str, clause: tuple[int, int], own: list[Found], rules: Rules) -> bool:
    """ "Three cars went up in flames there overnight, … across the four northern municipalities": a clause that
    points back ("there", "atje", "tamo") and names only coarse places (the north, a municipality) tells of
    the site just named, more precisely."""
    start, end = clause
    return all(coarseness(m.place) for m in own) and bool(rules.anaphora.search(text[start:end]))


def _titled(coarse: list[Found], title: tuple[Found, ...]) -> list[Found]:
    """ "Explosion in Zupče" over "A device went off in northern Kosovo on Tuesday": the story's opening names
    only a coarse place, and the title a precise one inside it, which the event is at."""
    return [m for m in title if not coarseness(m.place) and any(lies_in(m.place, c.place) for c in coarse)]


def coarseness(place: Place) -> int:
    """How coarse a place is: 0 for a town or a site, up to 3 for the country."""
    return _COARSE_KINDS.get(place.kind, 0)


def _trailing(number: int, sites: list[list[Found]], claims: list[list[Claim]]) -> list[Found]:
    """The sites of the clauses without claims that follow clause `number`, up to the next clause with one."""
    found: list[Found] = []
    for later in range(number + 1, len(sites)):
        if claims[later]:
            break
        found += sites[later]
    return found if claims[number] else []


def clause_of(position: int, spans: list[tuple[int, int]]) -> int:
    """The number of the span holding `position`, or -1 when none does."""
    return next((number for number, (start, end) in enumerate(spans) if start <= position < end), -1)


def _same_span(site: int, trigger: int, spans: list[tuple[int, int]]) -> bool:
    """A site outside the phrases that refer to other events is a site of the claims outside them; a claim inside
    one ("arrested over the attack of 24 September") has only the sites named within it: the arrest's town is not
    where the old attack was."""
    return clause_of(site, spans) == clause_of(trigger, spans)


def _nearest_sites(claims: list[Claim], sites: list[Found]) -> list[tuple[Claim, list[Found]]]:
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
    mention: Found, clauses: list[tuple[int, int]], claims: list[list[Claim]], text: str, rules: Rules
) -> Found:
    if mention.role != "site" or mention.strong:
        return mention  # "… in Zupce, police said": a place word makes it the event's place, speech or not
    number = next(n for n, (a, b) in enumerate(clauses) if a <= mention.start < b or n == len(clauses) - 1)
    start, end = clauses[number]
    anchored = any(c.anchored for c in claims[number])
    if not anchored and rules.speech.search(text[start:end]):
        return replace(mention, role="actor_seat")
    return mention
