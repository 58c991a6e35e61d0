"""Normalisation of territory names for search, shared by the loader (stored `search_name`) and the queries.

"Saint-Étienne", "ST ETIENNE" and "st-etienne" all normalise to "saint etienne": case and accents
folded, every non-alphanumeric character (hyphen, apostrophe, parenthesis…) turned into a space,
and the usual abbreviations of "saint(e)(s)" expanded, as in the COG names themselves.
"""

import re
import unicodedata
from dataclasses import dataclass

# Abbreviations met in addresses and in what people type; the COG always spells the word out.
ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "sts": "saints",
    "stes": "saintes",
}
# Ligatures NFKD does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
NON_ALNUM = re.compile(r"[^a-z0-9]+")
# An elided article is glued to its word, typed with an apostrophe, a space or nothing: "L'Isle-Adam",
# "l isle adam" and "lisle adam" all give "lisle adam" (and "Lisle-sur-Tarn" is found from "l'isle sur tarn").
APOSTROPHES = re.compile("['\u2019\u02bc`]")  # straight, typographic, modifier letter, backtick
ELIDED = {"l", "d"}

# Shapes of the official codes.
POSTCODE_RE = re.compile(r"^\d{5}$")
INSEE_RE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
SIREN_RE = re.compile(r"^\d{9}$")
DEPARTEMENT_CODE_RE = re.compile(r"^(\d{2}|2[AB]|9[78]\d)$")
PARTIAL_POSTCODE_RE = re.compile(r"^\d{3,4}$")

# The label the picker shows, "Saint-Étienne (42) — commune", typed back or submitted without JavaScript.
LABEL_SUFFIX_RE = re.compile(r"\s*[—–-]+\s*(commune|epci|département|departement|région|region)\s*$", re.IGNORECASE)
DEPARTEMENT_SUFFIX_RE = re.compile(r"^(?P<name>.*\S)\s*\(\s*(?P<code>\d{2,3}|2[ABab])\s*\)\s*$")
KIND_WORDS = {
    "commune": "commune",
    "epci": "epci",
    "département": "departement",
    "departement": "departement",
    "région": "region",
    "region": "region",
}


def normalize(text: str) -> str:
    """Fold case, accents and punctuation, expand "st"/"ste": the form stored in `search_name`."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    words = NON_ALNUM.sub(" ", APOSTROPHES.sub("", text)).split()
    glued: list[str] = []
    for word in words:
        if glued and glued[-1] in ELIDED:
            glued[-1] += word
        else:
            glued.append(word)
    return " ".join(ABBREVIATIONS.get(word, word) for word in glued)


@dataclass(frozen=True)
class ParsedQuery:
    """What a query asks for: a normalised name and/or a code, maybe narrowed by a département or a kind."""

    raw: str
    name: str = ""
    code: str = ""
    departement: str = ""
    kind: str = ""


def parse_query(query: str) -> ParsedQuery:
    """Split a typed query into a name to search and optional filters taken from a picker label.

    "Saint-Étienne (42) — commune" gives name "saint etienne", département "42", kind "commune";
    "42000", "2A004" or "200046977" give a code; "saint denis 93" narrows to the département 93.
    """
    raw = " ".join(str(query or "").split())[:200]
    compact = raw.replace(" ", "").upper()
    if SIREN_RE.match(compact) or INSEE_RE.match(compact) or PARTIAL_POSTCODE_RE.match(compact):
        return ParsedQuery(raw=raw, code=compact)
    if DEPARTEMENT_CODE_RE.match(compact):
        return ParsedQuery(raw=raw, code=compact, name=normalize(raw))
    text, kind, departement = raw, "", ""
    if match := LABEL_SUFFIX_RE.search(text):
        kind = KIND_WORDS[match.group(1).lower()]
        text = text[: match.start()]
    if match := DEPARTEMENT_SUFFIX_RE.match(text):
        departement = match.group("code").upper()
        text = match.group("name")
    name = normalize(text)
    if not departement and " " in name:
        # "saint denis 93": a trailing département code narrows homonyms (no commune name ends with digits).
        head, _, tail = name.rpartition(" ")
        if DEPARTEMENT_CODE_RE.match(tail.upper()):
            name, departement = head, tail.upper()
    return ParsedQuery(raw=raw, name=name, departement=departement, kind=kind)
