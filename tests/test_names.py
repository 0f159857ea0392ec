import pytest
from rapidfuzz import fuzz

from geo.names import (
    albanian_forms,
    canonical_directions,
    canonical_qualifiers,
    fold,
    is_generic,
    kind_hint,
    phonetic,
    skeleton,
    strip_qualifiers,
    strip_wrappers,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Zvečan", "zvecan"),
        ("Zveçan", "zvecan"),
        ("ZVECAN", "zvecan"),
        ("Звечан", "zvecan"),
        ("Лепосавић", "leposavic"),
        ("Зубин Поток", "zubin potok"),
        ("Zubin-Potok", "zubin potok"),
        ("  Mitrovicë   e Veriut ", "mitrovice e veriut"),
        ("Ђаковица", "dakovica"),
        ("", ""),
    ],
)
def test_fold_gives_one_key_for_every_script_and_diacritic(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("albanian", "serbian"),
    [("leposaviq", "leposavic"), ("shipol", "sipol"), ("zhabare", "zabare"), ("mitrovice", "mitrovica")],
)
def test_phonetic_key_joins_albanian_and_serbian_spellings(albanian: str, serbian: str) -> None:
    assert phonetic(albanian) == phonetic(serbian)


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("zvecan", ["zvecani", "zvecanit"]),
        ("prishtine", ["prishtina", "prishtines"]),
        ("mitrovica", ["mitrovices"]),
        ("zubin potok", ["zubin potoku", "zubin potokut"]),
    ],
)
def test_albanian_definite_and_genitive_forms(key: str, forms: list[str]) -> None:
    assert albanian_forms(key) == forms


@pytest.mark.parametrize(
    ("key", "bare"),
    [
        ("komuna e zvecanit", "zvecanit"),
        ("opstina zvecan", "zvecan"),
        ("municipality of zubin potok", "zubin potok"),
        ("zvecan municipality", "zvecan"),
        ("north mitrovica", "north mitrovica"),
    ],
)
def test_strip_wrappers(key: str, bare: str) -> None:
    assert strip_wrappers(key) == bare


@pytest.mark.parametrize(
    ("key", "canonical"),
    [
        ("mitrovice e veriut", "north mitrovice"),
        ("severna mitrovica", "north mitrovica"),
        ("mitrovica veriore", "north mitrovica"),
        ("juzna mitrovica", "south mitrovica"),
        ("zvecan", "zvecan"),
    ],
)
def test_direction_words_in_any_language_become_english(key: str, canonical: str) -> None:
    assert canonical_directions(key) == canonical


@pytest.mark.parametrize(
    ("key", "canonical"),
    [
        ("donje varage", "lower varage"),
        ("varage e poshtme", "lower varage"),
        ("varage e poshteme", "lower varage"),
        ("gornje varage", "upper varage"),
        ("varage e eperme", "upper varage"),
        ("veliko rudare", "great rudare"),
        ("rudar i madh", "great rudar"),
        ("malo rudare", "little rudare"),
        ("rudar i vogel", "little rudar"),
        ("novo selo", "new selo"),
        ("zvecan", "zvecan"),
    ],
)
def test_qualifiers_in_any_language_become_one_english_word(key: str, canonical: str) -> None:
    assert canonical_qualifiers(key) == canonical


@pytest.mark.parametrize(
    ("key", "bare"),
    [
        ("veliko rudare", "rudare"),
        ("rudar i vogel", "rudar"),
        ("kosovska mitrovica", "mitrovica"),
        ("zvecan", "zvecan"),
    ],
)
def test_strip_qualifiers(key: str, bare: str) -> None:
    assert strip_qualifiers(key) == bare


@pytest.mark.parametrize(
    ("key", "hint", "bare"),
    [
        ("jarinje crossing", "crossing", "jarinje"),
        ("jarinje border crossing", "crossing", "jarinje"),
        ("granicni prelaz jarinje", "crossing", "jarinje"),
        ("administrativni prelaz brnjak", "crossing", "brnjak"),
        ("pika kufitare jarinje", "crossing", "jarinje"),
        ("vendkalimi kufitar merdari", "crossing", "merdari"),
        ("village of jarinje", "settlement", "jarinje"),
        ("selo jarinje", "settlement", "jarinje"),
        ("fshati jarinje", "settlement", "jarinje"),
        ("jarinje", None, "jarinje"),
        ("crossing", None, "crossing"),
    ],
)
def test_kind_hints_say_crossing_or_settlement(key: str, hint: str | None, bare: str) -> None:
    assert kind_hint(key) == (hint, bare)


@pytest.mark.parametrize(
    ("key", "generic"),
    [
        ("police post", True),
        ("stanica", True),
        ("most", True),
        ("ura", True),
        ("qyteti", True),
        ("selo", True),
        ("kalaja", True),
        ("zvecan", False),
        ("novo selo", False),
        ("banjska reka", False),
        ("", False),
    ],
)
def test_names_of_feature_words_only_are_generic(key: str, generic: bool) -> None:
    assert is_generic(key) is generic


@pytest.mark.parametrize(
    ("one", "other"), [("serboc", "srbovac"), ("bajske", "banjska"), ("leposaviq", "leposavic"), ("zhabar", "zabare")]
)
def test_skeletons_of_one_name_in_two_orthographies_are_alike(one: str, other: str) -> None:
    assert fuzz.ratio(skeleton(one), skeleton(other)) >= 80


@pytest.mark.parametrize(("one", "other"), [("kastriot", "obiliq"), ("fortesa", "vrbovac"), ("besiana", "podujevo")])
def test_skeletons_of_two_names_differ(one: str, other: str) -> None:
    assert fuzz.ratio(skeleton(one), skeleton(other)) < 50


@pytest.mark.parametrize(
    "name", ["Zvečan", "Zveçan", "Звечан", "Ђаковица", "Mitrovicë e Veriut", "ASCII only", "Ä-Ö Ü"]
)
def test_fold_is_idempotent(name: str) -> None:
    assert fold(fold(name)) == fold(name)
