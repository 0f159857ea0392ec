"""Choosing a claim's date: the date nearest its trigger that it can see, else an inherited one or
publication; and, when a sentence gives several days and several places, each place's own day."""

from __future__ import annotations

from geo.extract.claim_sites import clause_of, clauses
from geo.extract.date_rules import DateMention
from geo.extract.dates import reference_spans
from geo.extract.event_rules import Rules
from geo.extract.facts import Facts
from geo.extract.language import Language
from geo.extract.roles import Found
from geo.gazetteer import Place

__all__ = ["date_for", "site_date"]

_ANTECEDENT_CHARS = 24  # a relative clause this close after a trigger describes the trigger's own event


def _visible(facts: Facts, position: int, rules: Rules, language: Language) -> list[DateMention]:
    """The dates a trigger can see: a relative clause keeps its dates to itself ("…, where clashes left dozens
    injured on 29 May"), unless it follows the trigger's noun ("the clashes that took place on Sunday")."""
    text = facts.sentence.text
    relative = [m.span() for m in rules.relative_clause.finditer(text)]
    spans = relative + reference_spans(text, language)
    own = clause_of(position, spans)
    # Only a relative clause describes the trigger's noun; a phrase referring to another event right after it
    # ("arrested a man suspected of the attack of 24 September") never tells the trigger's own day.
    described = {n for n, (start, _) in enumerate(relative) if 0 <= start - position <= _ANTECEDENT_CHARS}
    return [d for d in facts.dates if clause_of(d.position, spans) in {own, -1, *described}]


def _in_own_clause(found: list[DateMention], text: str, position: int, rules: Rules) -> list[DateMention]:
    """The dates in the trigger's own clause, when it has any: "NATO announced on 30 May the dispatch of 700
    more troops, after 30 soldiers were hurt on 29 May" dates the dispatch by its clause, not by the nearer
    day of the clause after it."""
    spans = clauses(text, rules)
    own = [d for d in found if clause_of(d.position, spans) == clause_of(position, spans)]
    return own or found


def date_for(facts: Facts, position: int, rules: Rules, language: Language) -> DateMention:
    """The date nearest the trigger that it can see; a statement's date ("police said on Monday") only when the
    sentence gives no other and no earlier day goes before it. A sentence without dates inherits a recent one;
    else publication."""
    here = _visible(facts, position, rules, language)
    events = _in_own_clause([d for d in here if not d.statement], facts.sentence.text, position, rules)
    if events:
        return min(events, key=lambda d: abs(d.position - position))
    inherited = facts.inherited
    if here:
        said = min(here, key=lambda d: abs(d.position - position))
        return inherited.inherit() if inherited and inherited.value < said.value else said
    if facts.dates or inherited is None:
        return DateMention(facts.published, "publication", "day", 0)
    return inherited.inherit()


def site_date(facts: Facts, found: list[Found], place: Place | None, when: DateMention) -> DateMention:
    """ "… closed on Monday, and hundreds rallied in North Mitrovica on Tuesday": when a sentence gives several
    days and several places, each place takes the day written nearest to it."""
    days = [d for d in facts.dates if d.precision == "day"]
    if place is None or len({d.value for d in days}) < 2:
        return when
    start = next(m.start for m in found if m.place.id == place.id)
    return min(days, key=lambda d: abs(d.position - start))
