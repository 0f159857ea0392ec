import pytest

from geo.names import albanian_forms, canonical_directions, fold, phonetic, strip_wrappers


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
