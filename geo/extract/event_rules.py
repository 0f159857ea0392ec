"""A language's event rules, compiled once from its data file ([events], and the clause words of [places]):
incident and deployment triggers, the words that make a trigger weak, idiomatic or hypothetical, and the
words that split a sentence into clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.extract.language import Language

__all__ = ["FORCE_ACTORS", "IncidentRule", "Rules", "rules_for"]

FORCE_ACTORS = (
    "NATO",
    "KFOR",
    "EULEX",
    "Police Forces of Kosovo",
    "Military Forces of Serbia",
    "Police Forces of Serbia",
)


@dataclass(frozen=True)
class IncidentRule:
    pattern: re.Pattern[str]
    event_type: str
    sub_type: str
    needs_day: bool = False  # an event of this kind dated only to a month is background ("last month's vote")


@dataclass(frozen=True)
class Rules:
    incident: tuple[IncidentRule, ...]
    deployment: tuple[tuple[re.Pattern[str], str], ...]
    weak: re.Pattern[str]
    echo: re.Pattern[str]  # "similar scenes", "also", "edhe", "takođe": the same happened at the place named
    idioms: re.Pattern[str]
    force: re.Pattern[str]
    speech: re.Pattern[str]
    clause_break: re.Pattern[str]
    relative_clause: re.Pattern[str]
    anaphora: re.Pattern[str]
    hypothetical: re.Pattern[str]
    negation: re.Pattern[str]  # "no one was", "nisu imali nikakav", "nuk pati": what follows did not happen
    planned_before: re.Pattern[str]  # "will block", "pozvala je na", "do të": an incident that has not happened
    planned_after: re.Pattern[str]  # "… is planned for", "… je zakazan za", "… është paralajmëruar"
    future: re.Pattern[str]  # a future tense ("do të"): what a local seat announces has not happened
    target_before: re.Pattern[str]  # "attack on a", "napad na": a patrol or post named as what was attacked
    target_after: re.Pattern[str]  # "… was attacked", "… je napadnuta", "… u sulmua"
    # Contexts in which triggers of some types tell nothing of note (a gathering in church, a car crash), unless
    # the clause names the event outright ("a protest after the liturgy"): (context, outright words, types).
    harmless: tuple[tuple[re.Pattern[str], re.Pattern[str], frozenset[str]], ...]
    casualty_rule: int
    riots_rule: int

    @property
    def no_rule(self) -> int:
        return len(self.incident)


@lru_cache(maxsize=16)
def rules_for(language: Language) -> Rules:
    section, places = language.section("events"), language.section("places")
    incident = tuple(
        IncidentRule(re.compile(r["pattern"]), r["type"], r["sub_type"], bool(r.get("needs_day")))
        for r in section["incident"]
    )
    casualty = next((n for n, r in enumerate(section["incident"]) if r.get("casualty")), len(incident))
    riots = next((n for n, r in enumerate(incident) if r.event_type == "Riots"), len(incident))
    return Rules(
        incident=incident,
        deployment=tuple((re.compile(r["pattern"]), r["kind"]) for r in section["deployment"]),
        weak=re.compile(section.get("weak", "(?!)")),
        echo=re.compile(section.get("echo", "(?!)")),
        idioms=re.compile(section.get("idioms", "(?!)")),
        force=re.compile(section["force"]),
        speech=re.compile(places.get("speech", "(?!)")),
        clause_break=re.compile(places.get("clause_break", "(?!)")),
        relative_clause=re.compile(places.get("relative_clause", "(?!)")),
        anaphora=re.compile(places.get("anaphora", "(?!)")),
        hypothetical=re.compile(section.get("hypothetical", "(?!)")),
        negation=re.compile(section.get("negation", "(?!)")),
        planned_before=re.compile(section.get("planned_before", "(?!)")),
        planned_after=re.compile(section.get("planned_after", "(?!)")),
        future=re.compile(section.get("future", "(?!)")),
        target_before=re.compile(section.get("target_before", "(?!)")),
        target_after=re.compile(section.get("target_after", "(?!)")),
        harmless=tuple(
            (re.compile(h["pattern"]), re.compile(h.get("unless", "(?!)")), frozenset(h["types"]))
            for h in section.get("harmless", [])
        ),
        casualty_rule=casualty,
        riots_rule=riots,
    )
