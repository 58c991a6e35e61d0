"""The awareness content as data: glossary, literacy modules, charter commitments and the debate kit.

Each file is read once per process and checked on load: a malformed entry stops the loading with a message naming
the file and the entry (tests/awareness load every file, so a broken edit fails the suite before it ships).
"""

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common import datafiles

CONTENT_DIR = Path(__file__).parent
SLUG_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
NBSP = "\u00a0"


def french(text: str) -> str:
    """French typography: a non-breaking space before « : ; ! ? » and inside guillemets (authors type plain spaces)."""
    for mark in (":", ";", "!", "?", "»"):
        text = text.replace(f" {mark}", f"{NBSP}{mark}")
    return text.replace("« ", f"«{NBSP}")


class ContentError(ValueError):
    """A content file does not have the expected shape."""


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    see_also: tuple[str, ...]

    @property
    def letter(self) -> str:
        """The index letter: the first letter without its accent (« Équité » is filed under E)."""
        return unicodedata.normalize("NFD", self.term[0]).encode("ascii", "ignore").decode().upper() or "#"

    @property
    def forms(self) -> tuple[str, ...]:
        """Every wording recognised in a text: the term without its bracketed acronym, then its aliases."""
        return (self.term.split(" (")[0], *self.aliases)


@dataclass(frozen=True)
class Question:
    number: int
    question: str
    choices: tuple[str, ...]
    answer: int
    explanation: str

    @property
    def right_choice(self) -> str:
        """The right choice, to quote in a sentence (without its final full stop)."""
        return self.choices[self.answer].rstrip(".")


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    minutes: int
    summary: str
    body: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Commitment:
    key: str
    title: str
    text: str


def _read(name: str):
    return datafiles.load(CONTENT_DIR / name)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ContentError(message)


def _check_slug(slug, where: str) -> None:
    _require(isinstance(slug, str) and slug and set(slug) <= SLUG_CHARACTERS, f"{where} : slug invalide {slug!r}")


@cache
def glossary() -> tuple[Term, ...]:
    """The glossary sorted alphabetically (accents ignored); every `see_also` points to an existing term."""
    terms = []
    for index, entry in enumerate(_read("glossaire.yaml")):
        where = f"glossaire.yaml, terme n° {index + 1}"
        _require(isinstance(entry, dict), f"{where} : entrée attendue")
        _require(set(entry) == {"slug", "term", "aliases", "definition", "see_also"}, f"{where} : champs {set(entry)}")
        _check_slug(entry["slug"], where)
        _require(bool(str(entry["term"]).strip()) and bool(str(entry["definition"]).strip()), f"{where} : vide")
        terms.append(
            Term(
                slug=entry["slug"],
                term=french(str(entry["term"]).strip()),
                aliases=tuple(str(alias) for alias in entry["aliases"] or ()),
                definition=french(str(entry["definition"]).strip()),
                see_also=tuple(entry["see_also"] or ()),
            )
        )
    slugs = [term.slug for term in terms]
    _require(len(slugs) == len(set(slugs)), "glossaire.yaml : slug en double")
    for term in terms:
        unknown = set(term.see_also) - set(slugs)
        _require(not unknown, f"glossaire.yaml, {term.slug} : « voir aussi » inconnu {sorted(unknown)}")
    return tuple(sorted(terms, key=lambda term: _sort_key(term.term)))


def _sort_key(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().casefold()


@cache
def glossary_by_slug() -> dict[str, Term]:
    return {term.slug: term for term in glossary()}


@cache
def modules() -> tuple[Module, ...]:
    """The literacy modules, in reading order."""
    result = []
    for index, entry in enumerate(_read("modules.yaml")):
        where = f"modules.yaml, module n° {index + 1}"
        _require(isinstance(entry, dict), f"{where} : entrée attendue")
        _check_slug(entry.get("slug"), where)
        _require(isinstance(entry.get("minutes"), int) and 1 <= entry["minutes"] <= 15, f"{where} : durée")
        questions = []
        for number, raw in enumerate(entry.get("questions") or [], start=1):
            choices = tuple(french(str(choice)) for choice in raw.get("choices") or ())
            answer = raw.get("answer")
            _require(len(choices) >= 2, f"{where}, question {number} : au moins deux choix")
            _require(isinstance(answer, int) and 0 <= answer < len(choices), f"{where}, question {number} : réponse")
            _require(bool(str(raw.get("explanation", "")).strip()), f"{where}, question {number} : explication")
            questions.append(
                Question(
                    number=number,
                    question=french(str(raw["question"]).strip()),
                    choices=choices,
                    answer=answer,
                    explanation=french(str(raw["explanation"]).strip()),
                )
            )
        _require(len(questions) >= 2, f"{where} : au moins deux questions d’autoévaluation")
        result.append(
            Module(
                slug=entry["slug"],
                title=french(str(entry["title"]).strip()),
                minutes=entry["minutes"],
                summary=french(str(entry["summary"]).strip()),
                body=french(str(entry["body"])),
                questions=tuple(questions),
            )
        )
    _require(len({module.slug for module in result}) == len(result), "modules.yaml : slug en double")
    return tuple(result)


@cache
def modules_by_slug() -> dict[str, Module]:
    return {module.slug: module for module in modules()}


@cache
def charter_content() -> tuple[str, tuple[Commitment, ...]]:
    """The charter's preamble and the commitments a collectivité chooses from."""
    data = _read("charte.yaml")
    _require(bool(str(data.get("preamble", "")).strip()), "charte.yaml : préambule vide")
    commitments = []
    for index, entry in enumerate(data.get("commitments") or []):
        where = f"charte.yaml, engagement n° {index + 1}"
        _check_slug(entry.get("key"), where)
        _require(bool(entry.get("title")) and bool(entry.get("text")), f"{where} : titre et texte requis")
        commitments.append(
            Commitment(key=entry["key"], title=french(entry["title"].strip()), text=french(entry["text"].strip()))
        )
    _require(len({c.key for c in commitments}) == len(commitments), "charte.yaml : clé en double")
    return french(str(data["preamble"]).strip()), tuple(commitments)


@cache
def debate_kit() -> str:
    return french((CONTENT_DIR / "debat_public.md").read_text(encoding="utf-8"))
