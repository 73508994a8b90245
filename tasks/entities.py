"""Entities: spaCy mentions resolved to canonical actors, one name per actor across the corpus.

Within an article a surname resolves to the full name introduced earlier and titles are
stripped; across the corpus an alias table (per topic preset) maps variants to canonical actors,
and unknown names cluster by a normalised form (Korean romanisation variants folded), so
"Kim Jong-il", "Kim Jong Il" and "Kim Jongil" share one `actor_id`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml
from spacy.attrs import DEP, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from tasks.nlp import (
    CAPS_ROLE,
    DASHES,
    DATELINE_LEAD,
    FEMALE_TITLES,
    FIRST_NAMES,
    MALE_TITLES,
    NICKNAMES,
    PERSON_TITLES,
    PLATFORMS,
    TURN_ROLES,
    TURN_STAMP,
    crosses_quote,
    doc_text,
    given_name_tail,
    name_case_word,
    name_syllable,
    token_at,
    verb_forms,
)

# Labels that name actors and the things they act on (products, laws); numbers, dates and money
# are left to other tables.
ACTOR_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})
ALIASES_DIR = Path(__file__).resolve().parents[1] / "config" / "aliases"

_TITLES = re.compile(
    r"^(?:(?:U\.S\.|US|North Korean|South Korean|Chinese|Japanese|Russian|former|then|acting|deputy|vice|chief)\s+)*"
    rf"(?:Justice|{PERSON_TITLES})\.?\s+",
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’|`s)$")
# a name ends in no preposition, article or conjunction ("Bank of America" holds it inside): a
# lower-case one there is a word NER ran the name on into ("Juan Manriquez of [Oakland]")
NOT_NAME_END_POS = frozenset(["ADP", "DET", "CCONJ", "SCONJ"])
_NON_NAME = re.compile(r"[^\w\s'-]")
_KOREAN_SURNAMES = frozenset(
    [
        "kim",
        "lee",
        "yi",
        "ri",
        "park",
        "pak",
        "choi",
        "choe",
        "jung",
        "jeong",
        "chung",
        "kang",
        "cho",
        "jo",
        "yoon",
        "yun",
        "jang",
        "chang",
        "lim",
        "im",
        "han",
        "oh",
        "seo",
        "suh",
        "shin",
        "sin",
        "kwon",
        "hwang",
        "ahn",
        "an",
        "song",
        "yoo",
        "yu",
        "ryu",
        "hong",
        "jeon",
        "chun",
        "jun",
        "ko",
        "koh",
        "moon",
        "mun",
        "yang",
        "son",
        "bae",
        "baek",
        "paek",
        "heo",
        "hur",
        "nam",
        "roh",
        "noh",
        "no",
        "ban",
        "hyun",
        "wi",
        "kye",
        "kwak",
        "sung",
    ]
)
# Japanese family names: Japanese outlets (Kyodo, NHK, the Foreign Ministry's English pages since
# 2019) write "Machimura Nobutaka" where the wire writes "Nobutaka Machimura"; the common names
# and those of officials in the talks' news (given_name_first)
_JAPANESE_SURNAMES = frozenset(
    [
        "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura",
        "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue",
        "kimura", "hayashi", "shimizu", "yamazaki", "mori", "ikeda", "hashimoto", "yamashita",
        "ishikawa", "nakajima", "maeda", "fujita", "ogawa", "goto", "okada", "hasegawa",
        "murakami", "kondo", "ishii", "saito", "sakamoto", "endo", "aoki", "fujii", "nishimura",
        "fukuda", "ota", "miura", "fujiwara", "okamoto", "matsuda", "nakagawa", "nakano",
        "harada", "ono", "tamura", "takeuchi", "kaneko", "wada", "nakayama", "ishida", "ueda",
        "morita", "hara", "shibata", "sakai", "kudo", "yokoyama", "miyazaki", "miyamoto",
        "uchida", "takagi", "ando", "taniguchi", "ohno", "maruyama", "imai", "takada",
        "fujimoto", "takeda", "murata", "ueno", "sugiyama", "masuda", "sugawara", "hirano",
        "otsuka", "chiba", "kubo", "matsui", "iwasaki", "sakurai", "kinoshita", "noguchi",
        "matsuo", "nomura", "kikuchi", "sano", "onishi", "sugimoto", "arai", "abe", "aso",
        "koizumi", "machimura", "sasae", "komura", "koumura", "nakasone", "hatoyama", "noda",
        "maehara", "kishida", "suga", "motegi", "kono", "kan", "yachi", "saiki", "akiba",
        "ihara", "funakoshi", "kanasugi", "shiozaki", "yabunaka", "fujisaki", "obuchi", "ozawa",
        "ishiba", "ishihara", "kawaguchi", "hosoda", "amari", "yosano", "tanigaki", "kamikawa",
        "nishimiya",
    ]
)  # fmt: skip
# one syllable of Hepburn romanisation after another (a doubled consonant, "Hattori", or a
# syllabic n between), and a Japanese given name's ending that English first names lack
_HEPBURN_WORD = re.compile(
    r"(?:(?:([kstpgdbhmrz])(?=\1))?(?:sh|ch|ts|[kgsztdnhbpmrwfj]y?|y)?[aeiou]|n)+"
)
_JAPANESE_GIVEN_END = re.compile(r"(?:zo|ji|shi|ro|ichi|hiko|hiro|taka|nori|yuki|suke|hei|ko)$")


def given_name_first(name: str) -> str:
    """A Japanese name written family name first ("Machimura Nobutaka", "Sasae Kenichiro") in
    the order English-language copy gives it, given name first; any other name as it is."""
    words = name.split()
    if len(words) != 2:
        return name
    family, given = words[0].lower(), words[1].lower()
    if (
        family in _JAPANESE_SURNAMES
        and given not in _JAPANESE_SURNAMES
        and len(given) >= 4
        and _HEPBURN_WORD.fullmatch(given) is not None
        and (given not in FIRST_NAMES or _JAPANESE_GIVEN_END.search(given) is not None)
    ):
        return f"{words[1]} {words[0]}"
    return name


_HYPHENATED_GIVEN = re.compile(r"\b([A-Z][a-z]{1,5}-[a-z]{2,5})\s+\Z")
# A time zone after a clock time ("2009/12/22 11:05 KST", Yonhap's stamp on every story; "10 a.m.
# EST"), which NER tags ORG: no actor
_TIME_ZONE = re.compile(r"^(?:[A-Z]{1,3}[SD]?T|GMT|UTC)$")
_CLOCK_BEFORE = re.compile(r"(?:\d[:.]\d\d|\d\s*[ap]\.?m\.?)\s*$", re.IGNORECASE)
# The portfolio in a title ("Secretary of State Hillary Clinton", "the secretary of defense"),
# which NER tags ORG on its own: an office held, no actor. A country stays ("the Prime Minister
# of Singapore"), and so does a body ("Secretary of the Air Force").
_PORTFOLIO_OF = re.compile(r"\b(?:secretary|secretaries|minister|ministers)\s+of\s+$", re.I)
_PORTFOLIOS = frozenset(
    [
        "state", "defense", "defence", "treasury", "commerce", "energy", "labor", "labour",
        "interior", "justice", "education", "agriculture", "transportation", "transport",
        "health", "finance", "trade", "unification", "homeland security", "foreign affairs",
        "home affairs", "veterans affairs",
    ]
)  # fmt: skip
_KOREANS = re.compile(r"^(?:the\s+)?(?:North|South)\s+Koreans?$", re.IGNORECASE)


class AliasError(ValueError):
    """The alias table cannot be used; the message names the key and the fix."""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'")


# a leading "the", in any case: "the Foreign Ministry", "The foreign ministry"
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # pure, and called for every mention of every article
def name_key(name: str, label: str = "PERSON") -> str:
    """Normalised form of a name: case, accents, periods, middle initials, Korean spellings folded."""
    text = _fold(name).strip()
    text = _POSSESSIVE.sub("", text)
    if label != "PERSON":
        text = _THE.sub("", text)
        return re.sub(r"\s+", " ", _NON_NAME.sub("", text.replace(".", ""))).strip().lower()
    text = given_name_first(_TITLES.sub("", text).strip())
    tokens = [t for t in re.split(r"\s+", text.replace(".", ". ")) if t]
    initials = [t for t in tokens if re.fullmatch(r"[A-Za-z]\.?", t)]
    if len(initials) < len(tokens):  # middle initials fold away; a name of initials stays
        tokens = [t for t in tokens if t not in initials]
    tokens = [t.rstrip(".") for t in tokens]
    tokens = [_NON_NAME.sub("", t).lower() for t in tokens]
    tokens = [t for t in tokens if t]
    if len(tokens) >= 2:
        first_korean = tokens[0] in _KOREAN_SURNAMES
        last_korean = tokens[-1] in _KOREAN_SURNAMES
        # "Jong-il Kim" (given name first) -> "kim jong-il"
        if last_korean and not first_korean and "-" in tokens[0]:
            tokens = [tokens[-1], *tokens[:-1]]
            first_korean = True
        if first_korean and len(tokens) <= 3 and all(len(t) <= 8 for t in tokens[1:]):
            # Korean given names: "Jong-il", "Jong Il", "Jongil" are one name
            return f"{tokens[0]} {''.join(tokens[1:]).replace('-', '')}"
    return " ".join(tokens)


def actor_id_for(canonical: str, label: str) -> str:
    """Stable id of a canonical actor: hash of its type and normalised name."""
    kind = "PERSON" if label == "PERSON" else "GROUP" if label == "NORP" else "PLACE_ORG"
    return hashlib.sha256(f"{kind}:{name_key(canonical, label)}".encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One entity mention with its canonical actor."""

    text: str
    label: str
    start_char: int
    end_char: int
    sentence: int
    canonical: str
    actor_id: str


@dataclass(frozen=True, slots=True)
class _Actor:
    canonical: str
    label: str
    capital: str | None
    country: str | None = None  # a state's own media: whose bodies they quote (see _country_body)


@dataclass(slots=True)
class AliasTable:
    """Name variants -> canonical actors (by normalised key), plus options."""

    by_key: dict[str, _Actor] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(
        default_factory=dict
    )  # canonical -> variants, for the ruler
    capitals: dict[str, _Actor] = field(default_factory=dict)
    capital_as_government: bool = False
    state_media: bool = False  # whether an actor has a `country` (_quoting_media_country)
    # the day each agreement of the preset's story was made, by its month and day: the year a
    # date naming one ("the September 19 joint statement") is in (tasks.dates)
    agreements: dict[tuple[int, int], date] = field(default_factory=dict)

    def lookup(self, text: str, label: str) -> _Actor | None:
        """The known actor a surface form names, if any."""
        kinds = ("PERSON", "GPE") if label == "PERSON" else ("GPE", "PERSON")
        for kind in kinds:
            key = name_key(text, kind)
            actor = self.by_key.get(key) if key else None
            if actor is not None:
                return actor
        return None


_ACTOR_KEYS = {"canonical", "type", "aliases", "capital", "country"}


def load_aliases(path: str | Path | None) -> AliasTable:
    """Load an alias table YAML (a path, or a name in config/aliases/); None gives an empty table."""
    table = AliasTable()
    if path is None:
        return table
    p = Path(path)
    if not p.is_file() and (ALIASES_DIR / p.name).is_file():
        p = ALIASES_DIR / p.name
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise AliasError(
            f"alias table {p}: {err.strerror}; fix nlp.aliases in the config"
        ) from None
    unknown = set(data) - {"options", "actors", "agreements"}
    if unknown:
        raise AliasError(f"alias table {p}: unknown key(s) {sorted(unknown)}")
    for n, made in enumerate(data.get("agreements") or []):
        if not isinstance(made, date):
            raise AliasError(
                f"alias table {p}: agreements[{n}] must be a date (YYYY-MM-DD), not {made!r}"
            )
        table.agreements[(made.month, made.day)] = made
    options = data.get("options") or {}
    if set(options) - {"capital_as_government"}:
        raise AliasError(
            f"alias table {p}: unknown option(s) {sorted(set(options) - {'capital_as_government'})}"
        )
    table.capital_as_government = bool(options.get("capital_as_government", False))
    for n, entry in enumerate(data.get("actors") or []):
        if not isinstance(entry, dict) or set(entry) - _ACTOR_KEYS or "canonical" not in entry:
            raise AliasError(
                f"alias table {p}: actors[{n}] needs `canonical` and only {sorted(_ACTOR_KEYS)}"
            )
        actor = _Actor(
            str(entry["canonical"]),
            str(entry.get("type", "PERSON")),
            entry.get("capital"),
            entry.get("country"),
        )
        variants = [actor.canonical, *[str(a) for a in entry.get("aliases") or []]]
        table.surfaces[actor.canonical] = variants
        for variant in variants:
            for kind in (actor.label, "PERSON" if actor.label != "PERSON" else "GPE"):
                key = name_key(variant, kind)
                if kind == "PERSON" and key in _KOREAN_SURNAMES:
                    # "Chairman Kim" keys as "kim" once the title folds away, and a bare Kim
                    # is any of the talks' many Kims, not Kim Jong-il
                    continue
                if (
                    kind == "PERSON"
                    and actor.label != "PERSON"
                    and key.replace(" ", "") != name_key(variant, actor.label).replace(" ", "")
                ):
                    # a place's initial folds away as a middle initial would: "N. Korea" would
                    # key as "korea", and a bare "Korea" be North Korea (the place's own key
                    # still finds the place NER calls a person)
                    continue
                if key:  # a variant of punctuation only has no key
                    table.by_key.setdefault(key, actor)
        if actor.capital:
            table.capitals[actor.capital.lower()] = actor
        table.state_media = table.state_media or actor.country is not None
    return table


def add_actor_ruler(nlp: Language, aliases: AliasTable) -> None:
    """Add an EntityRuler for the known actors before the statistical NER (once per pipeline)."""
    if not aliases.surfaces or "actor_ruler" in nlp.pipe_names:
        return
    patterns: list[dict[str, Any]] = []
    for canonical, variants in aliases.surfaces.items():
        actor = aliases.by_key[name_key(canonical, aliases_label(aliases, canonical))]
        for variant in variants:
            # "the North" would swallow "the North Koreans"; such aliases are resolved in code
            if variant.lower().startswith("the ") or len(variant) < 2:
                continue
            patterns.append({"label": actor.label, "pattern": variant})
    ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", before="ner")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]


def aliases_label(aliases: AliasTable, canonical: str) -> str:
    """The type of a canonical actor of the table."""
    for actor in aliases.by_key.values():
        if actor.canonical == canonical:
            return actor.label
    return "PERSON"


def canonical_actor(name: str, label: str, aliases: AliasTable) -> tuple[str, str]:
    """(canonical name, actor_id) of a name found outside NER (e.g. a quote's speaker)."""
    known = aliases.lookup(name, label)
    if known is not None:
        return known.canonical, actor_id_for(known.canonical, known.label)
    clean = _POSSESSIVE.sub("", _TITLES.sub("", name.strip())).strip()
    if label == "PERSON":
        clean = given_name_first(clean)
    return clean, actor_id_for(clean, label)


def speaker_actors(mentions: Iterable[EntityMention]) -> dict[str, tuple[str, str]]:
    """Name key of a surface form (name_key as for an organisation) -> (canonical, actor_id) of an
    article's non-person mentions, so that a speaker the entities stage saw as an organisation
    or a place ("The State Department said") joins the same actor (see speaker_actor)."""
    found: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.label != "PERSON":
            for surface in (m.text, m.canonical):
                key = name_key(surface, "ORG")
                earlier = found.get(key)
                # a name the stage left as written in one place and took for another actor in
                # another is that actor when it speaks: "in Tokyo" is the city, "Tokyo says"
                # the government (the table's capital), and a city does not speak
                if earlier is None or (
                    name_key(earlier[0], "ORG") == key and name_key(m.canonical, "ORG") != key
                ):
                    found[key] = (m.canonical, m.actor_id)
    return found


# a determiner, words in lower case that describe, and a name: "The impoverished North"
_DESCRIBED_NAME = re.compile(
    r"^(the|The)\s+(?:[a-z][\w-]*\s+)+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)$"
)


def speaker_actor(
    name: str, known: dict[str, tuple[str, str]], aliases: AliasTable
) -> tuple[str, str]:
    """(canonical name, actor_id) of a quote's speaker: the article's actor of that name when
    the entities stage found one that is no person, else a person's (canonical_actor)."""
    found = known.get(name_key(name, "ORG"))
    if found is not None:
        return found
    described = _DESCRIBED_NAME.match(name)
    if described is not None and aliases.lookup(name, "ORG") is None:
        # "The impoverished North": the table's "the North", described
        bare = f"{described.group(1)} {described.group(2)}"
        known_bare = aliases.lookup(bare, "ORG")
        if known_bare is not None and known_bare.label != "PERSON":
            return known_bare.canonical, actor_id_for(known_bare.canonical, known_bare.label)
    body_of = _BODY_OF.match(name)
    if (
        body_of is not None
        and generic_body(body_of.group(1))
        and _is_country(body_of.group(2), aliases)
    ):
        # "the Foreign Ministry of the DPRK": the body its country's possessive names
        return speaker_actor(f"{body_of.group(2)}'s {body_of.group(1)}", known, aliases)
    owner = _OWNED_NAME.match(name)
    if owner is not None and generic_body(owner.group(1)) and aliases.lookup(name, "ORG") is None:
        # "DPRK's Foreign Ministry": the body of the country the table names so
        country = aliases.lookup(_POSSESSIVE.sub("", name[: owner.start(1)].rstrip()), "GPE")
        written = _THE.sub("", name[: owner.start(1)].rstrip())
        if country is not None and _POSSESSIVE.sub("", written) != country.canonical:
            return speaker_actor(f"{country.canonical}'s {owner.group(1)}", known, aliases)
    if owner is not None and aliases.lookup(name, "PERSON") is None:
        # "Russia's Gazprom", "the Washington Post's Ishaan Tharoor": the actor after its
        # owner's possessive, which the article names; not a name every state has, which its
        # owner makes one ("Nevada's Democratic party", a government body: known above)
        owned = owner.group(1)
        found = known.get(name_key(owned, "ORG"))
        if found is not None and not generic_body(owned) and "party" not in owned.lower().split():
            return found
        # "The North's Korean Central News Agency": the name after its owner's possessive
        actor = aliases.lookup(owner.group(1), "ORG")
        if actor is not None and actor.label != "PERSON":
            return actor.canonical, actor_id_for(actor.canonical, actor.label)
    return canonical_actor(name, "PERSON", aliases)


def dataset_speaker(
    speaker: str | None,
    speaker_text: str | None,
    speaker_type: str,
    known: dict[str, tuple[str, str]],
    aliases: AliasTable,
) -> tuple[str, str] | None:
    """(canonical name, actor_id) a quote row stores as its speaker: its resolved speaker's actor
    (speaker_actor), else the actor the alias table lists its description under, as written
    ("the six parties", in lower case, which NER leaves untagged); None for a description the
    table does not know ("the ministry"), which stays unresolved."""
    if speaker:
        return speaker_actor(speaker, known, aliases)
    if speaker_type != "description" or not speaker_text:
        return None
    actor = aliases.lookup(speaker_text, "ORG")
    if actor is None or actor.label == "PERSON":
        return None  # a person's alias is a name, which the quotes stage resolves itself
    return actor.canonical, actor_id_for(actor.canonical, actor.label)


def dataset_speakers(
    quotes: Sequence[Any],
    known: dict[str, tuple[str, str]],
    aliases: AliasTable,
    text: str,
) -> list[tuple[str, str] | None]:
    """dataset_speaker of each of an article's quote rows; besides, a body the story names by
    its kind alone is, in a story filed from a capital, that country's (wire copy's convention:
    "SEOUL (Yonhap) -- ..., according to the foreign ministry" is South Korea's, "the
    government" South Korea), where the alias table lists such a body, and "the ministry" after
    it that ministry. A story with no dateline leaves them unresolved."""
    stored = [
        dataset_speaker(q.speaker, q.speaker_text, q.speaker_type, known, aliases) for q in quotes
    ]
    home = _dateline_country(text, aliases)
    if home is None or home.capital is None:
        return stored
    ministry: _Actor | None = None  # the last one resolved, for "the ministry" after it
    for i in sorted(range(len(quotes)), key=lambda i: quotes[i].start_char):
        q = quotes[i]
        if stored[i] is not None or q.speaker_type != "description" or not q.speaker_text:
            continue
        kind = _THE.sub("", q.speaker_text.strip())
        actor: _Actor | None = None
        if kind.lower() == "government":
            actor = home
        elif kind.lower() == "ministry":
            actor = ministry
        elif generic_body(kind):
            # as the table names that body of the country: "Seoul's Foreign Ministry"
            actor = aliases.lookup(f"{home.capital}'s {kind}", "ORG")
            if actor is not None and "ministry" in kind.lower().split():
                ministry = actor
        if actor is not None:
            stored[i] = (actor.canonical, actor_id_for(actor.canonical, actor.label))
    return stored


# a name after its owner's possessive: "The North's Korean Central News Agency"
_OWNED_NAME = re.compile(r"^.+?(?:'s|’s)\s+([A-Z].*)$")
# a body and its country after it: "the Foreign Ministry of the DPRK", "the Ministry of Foreign
# Affairs of China" (the last "of"), the body of two words or more ("Bank of America" is a name)
_BODY_OF = re.compile(
    r"^(?:[Tt]he\s+)?(?![Tt]he\s)(\S+\s.*)\s+of\s+(?:the\s+)?([A-Z][^\s]*(?:\s+[A-Z]\S*)*)$"
)


# the verbs a title-case headline puts right after its subject ("Obama Says ...", "Ben Carson
# Defends ...", "Seoul Weighs a Bolder Offer"), in the forms a headline uses: NER runs the name
# on into them. Only -s and -ing forms: a bare one may end a name ("Stevie Wonder", "Executive
# Order", "Sandy Hook Promise")
HEADLINE_VERB_FORMS = frozenset(
    form
    for form in verb_forms(
        "say tell ask seek want weigh urge call vow warn defend refuse respond release slam see"
        " tweet deny back blast rip hit praise attack accuse reject push plan admit claim insist"
        " suggest mock demand meet visit return agree offer propose threaten pledge"
        # what else a headline's subject does ("Trump Makes Campaign Announcement", "Clinton
        # Wades In", "Billy Bush Joins ..."): names seldom end in these -s or -ing forms
        " make take give get win lose lead join sign endorse announce reveal unveil launch"
        " drop wade hold raise"
    )
    if form.endswith(("s", "ing"))
)


_TITLE_LINE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}")  # words of four letters or more
_TITLE_SHARE = 0.7
# the cheap test first, on the span's text: most names hold no such word
_HEADLINE_VERB_TITLED = re.compile(
    r"\s(?:" + "|".join(sorted(w.title() for w in HEADLINE_VERB_FORMS)) + r")\b"
)


def _headline_verb_at(span: Span) -> int | None:
    """Where a name NER ran on into a title-case headline's verb stops ("Obama [Says]")."""
    if _HEADLINE_VERB_TITLED.search(doc_text(span.doc), span.start_char, span.end_char) is None:
        return None
    for k in range(1, len(span)):
        token = span[k]
        if token.lower_ in HEADLINE_VERB_FORMS and token.is_title and span[k - 1].is_title:
            text = doc_text(span.doc)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            words = _TITLE_LINE_WORD.findall(
                text[line_start : len(text) if line_end < 0 else line_end]
            )
            capitals = sum(w[0].isupper() for w in words)
            # a title line: seven in ten of its longer words capitalised, as every headline of
            # the PolNeAR cases ("Ben Carson Defends Himself Again ..."); a sentence's names
            # seldom reach half
            return k if len(words) >= 3 and capitals >= _TITLE_SHARE * len(words) else None
    return None


# words in lower-case Latin letters only ("gaunt", "election matchup"; not a name in a script
# with no capitals)
_LOWER_WORDS = re.compile(r"[a-z][a-z\s.'’-]*")
# a PERSON span that names no one: lower-case words, a stance ("pro-Clinton", "anti-Obama"), a
# link
_NO_PERSON = re.compile(rf"^{_LOWER_WORDS.pattern}$|^(?:pro|anti|non)-|://|^www\.")
_MARKUP_OR_HANDLE = re.compile(r'="|^@|://')
# no one's name: an honorific alone ("MR." of a transcript's "MR. CROWLEY:", tagged a place),
# or the label of a transcript's turn before its colon ("QUESTION:", "MODERATOR:")
_HONORIFIC_ALONE = re.compile(r"(?i:mr|mrs|ms|messrs|dr)\.?")
_TURN_LABEL = re.compile(r"(?i:question|questioner|answer|reporter|moderator|audience)")
# a transcript's turn labelled with a name in capitals, its title or role before the colon
# ("AMB. HILL:", "RENEE MONTAGNE, host:", "Ambassador STEPHEN BOSWORTH (Special ...):")
_NAME_TURN = re.compile(
    rf"^[ \t]*{TURN_STAMP}(?P<title>(?:{PERSON_TITLES})\.?\s+|(?i:{PERSON_TITLES})\.\s+)?"
    rf"(?P<name>(?:Ma?c)?[A-Z][A-Z'’-]+(?:\s+(?:Ma?c)?[A-Z][A-Z.'’-]*){{0,3}})"
    rf"(?P<role>\s*\([^()\n]{{1,80}}\)|,\s*(?i:{TURN_ROLES})|[ \t]+reporting|{CAPS_ROLE})?"
    # (NPR sets "STEVE INSKEEP, host:" and "LOUISA LIM reporting:" on a line of their own)
    r"[ \t]*:(?:[ \t]|$)",
    re.MULTILINE,
)
# a transcript's stage directions in brackets, which NER tags people ("(Laughter.)")
_STAGE_DIRECTIONS = frozenset(
    ["Laughter", "Applause", "Crosstalk", "Inaudible", "Cheers", "Boos", "Pause", "Silence"]
)
# the marks a wire story ends or breaks with and a press release's heading, which NER tags
# (the mark as NER's text -> the text around it that makes it one)
_WIRE_MARKS = {
    "END": "(END)",
    "MORE": "(MORE)",
    "Immediate Release": "For Immediate Release",
    "IMMEDIATE RELEASE": "FOR IMMEDIATE RELEASE",
}
_TITLE_ALONE = re.compile(rf"(?i:{PERSON_TITLES})\.?")
# ... or that opens with an interview's "Q." or "A." at a line's start ("Q. Will the North ...")
_TURN_LETTER = re.compile(r"[QA]\.\s")
# what ends a person's name inside NER's span: a photo credit's slash ("Carlos Barria /
# Reuters"), a label's colon ("Luciana Lopez: Saying"), a spaced dash
_PERSON_BREAKS = frozenset(["/", ":", "|"])
_SPACED_BREAKS = frozenset(["-", "--", "\u2013", "\u2014"])  # not a hyphen: "Kang Min-ji"
_BREAK_CHARS = re.compile("[/:|\u2013\u2014]|\\s-")  # the cheap test first, on the text


def transcript_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each transcript turn whose label names a person: a name in
    capitals with a title before it or a role after it, or one that opens with a first name
    ("AMB. HILL:", "RENEE MONTAGNE, host:", "MARTIN HOLLOWAY:"), not an outlet asking ("USA
    TODAY:"), and a surname alone once a label gave the full name ("MONTAGNE:"). A full name is
    given in title case ("Renee Montagne"), one word as written."""
    turns = list(_NAME_TURN.finditer(text)) if ":" in text else []
    names = []
    for turn in turns:
        name = turn.group("name")
        if turn.group("title") or turn.group("role") or name.split()[0].lower() in FIRST_NAMES:
            if len(name.split()) > 1:
                name = _MC.sub(
                    lambda m: "Mc" + m.group(1).upper(),
                    " ".join(name_case_word(word) for word in name.split()),
                )
            names.append((turn.start("name"), turn.end("name"), name))
    surnames = {name.split()[-1].upper() for _lo, _hi, name in names if " " in name}
    if surnames:
        named = {lo for lo, _hi, _name in names}
        names += [
            (turn.start("name"), turn.end("name"), turn.group("name"))
            for turn in turns
            if turn.group("name") in surnames and turn.start("name") not in named
        ]
        names.sort()
    return names


_LEADING_THE = re.compile(r"^[Tt]he\s+(?=[A-Z])")
_NAMED_BARE = frozenset(["GPE", "LOC", "FAC", "EVENT", "LAW"])  # canonical names without "the"
_CLOCK_LEAD = re.compile(r"\d{1,2}[:.]\d\d\b")  # a span that opens with a clock time
_MC = re.compile(r"\bMc([a-z])")  # "Mccain" of "MCCAIN".title() -> "McCain"


def _person_span(span: Span) -> Span:
    """A PERSON span without what NER ran on into around the name: an article before it ("a
    Donald Trump presidency"), a photo credit or label after it, a headline's verb ("Obama
    Says"), a quotation mark or dash closing it ("Donald Trump '")."""
    cut = _headline_verb_at(span)
    if cut is not None:
        span = span[:cut]
    if _BREAK_CHARS.search(doc_text(span.doc), span.start_char, span.end_char) is not None:
        cut = next(
            (
                k
                for k in range(1, len(span))
                if span[k].text in _PERSON_BREAKS
                or (span[k].text in _SPACED_BREAKS and span[k - 1].whitespace_)
            ),
            None,
        )
        if cut is not None:
            span = span[:cut]
    return _unwrapped(span)


def _unwrapped(span: Span) -> Span:
    """A name without a quotation mark, dash or slash NER took in after it ("Donald Trump '",
    "New Hampshire -", "Wall Street Journal/") or an indefinite article before it ("a Mitt
    Romney", "a Republican Party")."""
    while len(span) > 1 and (span[-1].is_punct and span[-1].text != "."):
        span = span[:-1]
    if len(span) > 1 and span[0].lower_ in ("a", "an") and span[1].is_title:
        span = span[1:]
    return span


def _trim(span: Span) -> tuple[int, int, str]:
    if span.label_ == "PERSON":
        span = _person_span(span)
    else:
        cut = _headline_verb_at(span) if span.label_ == "ORG" else None
        span = _unwrapped(span[:cut] if cut is not None else span)
    while len(span) > 1 and (
        (span[-1].is_lower and span[-1].pos_ in NOT_NAME_END_POS) or span[-1].is_space
    ):
        # NER ran on past the name: "Juan Manriquez of [Oakland]", or into the blank line
        # after a headline ("... Offer to the North\n\n")
        span = span[:-1]
    start, end = span.start_char, span.end_char
    text = span.text
    match = _POSSESSIVE.search(text)
    if match and match.start() > 0:
        # "the United Kingdom 's" in tokenized copy: the space before the possessive goes too
        text = text[: match.start()].rstrip()
        end = start + len(text)
    opening = text.find(" (")
    if opening > 0 and ")" not in text[opening:]:
        # NER ran on into the acronym after the name: "The International Crisis Group (ICG"
        end = start + opening
        text = text[:opening]
    if text.lower().startswith("the ") and span.label_ in ("GPE", "ORG", "LOC", "NORP", "FAC"):
        pass  # "the State Department" keeps its article in the text; name_key drops it
    title = _TITLES.match(text) if span.label_ == "PERSON" else None
    if title and title.end() < len(text):
        start += title.end()
        text = text[title.end() :]
    return start, end, text


_INTRODUCED_KEY = "newscorpus.introduced_names"  # doc.user_data cache
_PROPN = POS_IDS["PROPN"]  # token.pos of a proper noun (token.pos_ names it)


def _is_subject(span: Span) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in span)


def introduced_names(doc: Doc) -> list[tuple[int, str]]:
    """(offset, full name) of the people an article names in full, in order of appearance.

    PERSON entities of two or more words, plus proper-noun chains the NER missed when they are
    the subject, appositive or object of a clause ("Jae-won Halloran, who teaches ...").
    Computed once per Doc (entities and quotes both ask).
    """
    cached = doc.user_data.get(_INTRODUCED_KEY)
    if cached is None:
        cached = doc.user_data[_INTRODUCED_KEY] = _introduced_names(doc)
    return list(cached)


_LOWER_ARTICLE = re.compile(r"^the(?=\s+[A-Z])")


def capital_article(name: str) -> str:
    """A name with the article before its capitalised words capitalised ("the Washington Post"
    -> "The Washington Post"), so a name reads the same inside a sentence and at its start."""
    return _LOWER_ARTICLE.sub("The", name)


# a product named in the "i" + capital style ("iPhone", "iPod nano", "iTunes"), not a company
# that took the style ("iRobot Corp.")
_I_PRODUCT = re.compile(r"\bi[A-Z][a-z]+\b(?!\s+(?:Inc|Corp|Ltd|LLC|Co)\b)")
# a weekday after a verb of saying is no part of the name after it ("said Monday Chuck Jordan");
# full names only, not tasks.dates.WEEKDAYS, whose "Sun" and "Sat" are surnames too ("Sun Yat-sen")
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of the dateline that opens its paragraph ("WASHINGTON
    (AP) — ..."): where the story was filed, never a government speaking."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = DATELINE_LEAD.match(text, line_start)
    return lead is not None and end <= lead.end()


def _after_dateline(token: Token) -> bool:
    """Whether the entity a token is in is a dateline NER ran on into the name after it
    ("CLEVELAND - Donald Trump painted ...", "ROME - Bernie Sanders ..." tagged as one ORG): the
    name is still a person's, and the article's first mention of them."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    first = doc[start]
    return (
        start < token.i
        and first.is_upper
        and len(first.text) > 1
        and any(t.text in DASHES for t in doc[start : token.i])
    )


# titles that give the name after them its gender ("Grandpa Tobin Vale"): part of the name
_GENDERED_TITLES = FEMALE_TITLES | MALE_TITLES


# the labels the small model puts on a person's full name now and then ("Carly Fiorina" ORG 30
# times in PolNeAR, "Marco Rubio" FAC, "Ivanka Trump" PRODUCT); not DATE ("Chad Day") or LAW
_MISREAD_PERSON_LABELS = frozenset(["ORG", "PRODUCT", "FAC", "GPE", "LOC", "WORK_OF_ART"])
# last words of the bodies, places and works a given name starts ("Christopher Newport
# University", "Walter Energy", "Whitney Museum", "Sean Hannity Show")
_NOT_A_PERSONS_WORD = frozenset(
    [
        "university",
        "college",
        "school",
        "academy",
        "institute",
        "foundation",
        "fund",
        "museum",
        "gallery",
        "library",
        "center",
        "centre",
        "hall",
        "house",
        "church",
        "ministries",
        "ministry",
        "corporation",
        "corp",
        "inc",
        "co",
        "company",
        "group",
        "partners",
        "associates",
        "bank",
        "energy",
        "motors",
        "airlines",
        "media",
        "news",
        "times",
        "post",
        "journal",
        "network",
        "show",
        "video",
        "hour",
        "radio",
        "tv",
        "press",
        "county",
        "city",
        "town",
        "state",
        "street",
        "avenue",
        "road",
        "park",
        "square",
        "bridge",
        "island",
        "river",
        "lake",
        "mountain",
        "award",
        "prize",
        "act",
        "law",
    ]
)
# "Al Qaeda", "Al Jazeera", "El Nuevo Herald": an Arabic or Spanish article, not "Al" Gore
_ARTICLE_NAMES = frozenset(["al", "el"])


def misread_person(ent: Span) -> bool:
    """Whether an entity the NER labelled a body, a place or a work is a person's full name: two
    or three title-case proper nouns led by a given name ("Carly Fiorina" tagged ORG), none of
    them a word of a body's or place's name."""
    return (
        ent.label_ in _MISREAD_PERSON_LABELS
        and 2 <= len(ent) <= 3
        and ent[0].lower_ in FIRST_NAMES
        and ent[0].lower_ not in _ARTICLE_NAMES
        and all(t.is_title and t.pos_ == "PROPN" for t in ent)
        and not any(t.lower_ in _NOT_A_PERSONS_WORD for t in ent)
    )


# the last words of titles and offices, which a chain of capitalised words the NER missed may
# be ("Assistant Secretary", "Pacific Affairs", "State Sponsor"): no person's name ends so
_OFFICE_LAST_WORDS = frozenset(
    ["secretary", "minister", "affairs", "ambassador", "president", "director", "spokesman",
     "spokeswoman", "spokesperson", "envoy", "chairman", "commissioner", "sponsor",
     "department", "ministry", "office", "agency", "committee", "council", "secretary-general"]
)  # fmt: skip


# a Korean family name and a hyphenated romanised given name ("Han Seung-ho", "Kim Kye-gwan"):
# a person's name, where NER may read the family name as a people ("Han": NORP) or a place
_KOREAN_FULL_NAME = re.compile(r"\b([A-Z][a-z]{1,4})[ \t]+([A-Z][a-z]{1,5}-[a-z]{2,5})\b")


# the words that name a ship before its name ("the aircraft carrier George Washington", "USS
# Ronald Reagan"): a vessel, not the person it is named after
_SHIP_BEFORE = re.compile(
    r"\b(?:USS|HMS|ROKS|carrier|destroyer|frigate|cruiser|corvette|submarine|warship|ship|"
    r"vessel)[ \t]+(?:the[ \t]+)?\Z",
    re.IGNORECASE,
)


def ship_named(ent: Span) -> bool:
    """Whether a name NER took for a person's names a ship ("the aircraft carrier George
    Washington", "USS Ronald Reagan")."""
    return _ship_before(doc_text(ent.doc), ent.start_char)


def _ship_before(text: str, start: int) -> bool:
    """Whether a ship's word stands right before the name at `start` (_SHIP_BEFORE)."""
    return _SHIP_BEFORE.search(text, max(0, start - 24), start) is not None


def _introduced_names(doc: Doc) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for korean in _KOREAN_FULL_NAME.finditer(doc_text(doc)):
        if korean.group(1).lower() in _KOREAN_SURNAMES:
            found.append((korean.start(), korean.group()))
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or misread_person(ent)) and not ship_named(ent):
            text = _POSSESSIVE.sub("", _TITLES.sub("", _person_span(ent).text)).strip()
            words = text.split()
            while len(words) > 1 and words[-1][:1].islower():
                words.pop()  # NER ran on into the next word: "Kate made Meghan cry"
            if len(words) >= 2:
                found.append((ent.start_char, text[: text.rfind(words[-1]) + len(words[-1])]))
    # the cheap test first, on the parse's arrays: a Token and its pos_ and dep_ strings cost
    # ~0.5 us a word (a third of the stage), and few words are proper-noun subjects or objects
    pos_dep = doc.to_array([POS, DEP]).tolist()
    deps = {dep for _pos, dep in pos_dep}
    wanted = {
        dep
        for dep in deps
        if doc.vocab.strings[dep] in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "conj")
    }
    for i, (pos, dep) in enumerate(pos_dep):
        if pos != _PROPN or dep not in wanted:
            continue
        token = doc[i]
        chain = [token]
        while (
            chain[0].i > 0
            and doc[chain[0].i - 1].dep_ == "compound"
            and doc[chain[0].i - 1].pos_ == "PROPN"
            and doc[chain[0].i - 1].head == token
        ):
            chain.insert(0, doc[chain[0].i - 1])
        while len(chain) > 1 and (
            chain[0].ent_type_ in ("DATE", "TIME") or chain[0].lower_ in _WEEKDAYS
        ):
            chain.pop(0)  # "said Monday Chuck Jordan", parsed as one proper-noun chain
        given = _HYPHENATED_GIVEN.search(doc_text(doc), max(0, chain[0].idx - 16), chain[0].idx)
        if given is not None and len(chain) == 1:
            # "Jae-won Halloran": the tokenizer splits the given name and NER may call it a place
            found.append((given.start(1), f"{given.group(1)} {token.text}"))
            continue
        if (
            len(chain) < 2
            or len(chain) > 4
            or any(
                t.ent_type_
                in ("ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
                and not _after_dateline(t)
                for t in chain
            )
        ):
            continue
        if not all(t.text[:1].isupper() for t in chain):
            continue
        if chain[-1].lower_ in _OFFICE_LAST_WORDS:
            continue  # a title or an office, capitalised: "Assistant Secretary of State ..."
        if _ship_before(doc_text(doc), chain[0].idx):
            continue  # a ship: "the aircraft carrier George Washington"
        if (
            len(chain) > 2
            and chain[0].is_sent_start
            and chain[0].ent_iob_ == "O"
            and chain[0].lower_ not in FIRST_NAMES
            and chain[0].lower_ not in _GENDERED_TITLES  # "Grandpa Tobin Vale": a he
            and chain[1].ent_iob_ == "B"
            and all(t.ent_type_ == "PERSON" for t in chain[1:])
        ):
            chain.pop(0)  # a role capitalised to open the sentence: "Analyst Denny Roy said"
        last = token
        if given_name_tail(doc, token.i + 1):
            # "Foreign Minister Song Min-soon urged calm": the parser ends the subject at the
            # hyphen of the given name ("Min" | "-" | "soon"), which is still the name's
            last = doc[token.i + 2]
        name = doc_text(doc)[chain[0].idx : last.idx + len(last)]
        name = _TITLES.sub("", name).strip()
        if len(name.split()) >= 2:
            found.append((chain[0].idx, name))
    found.sort()
    return found


def _family_name(full: str) -> str:
    """The lower-case family name of a full name: its last word, or its first in a Korean name
    written family name first ("Kim Kye Gwan", "Lee Myung-bak"; not "Sung Kim", whose last word
    is a family name too, nor "Lee Hamilton", whose given name is no romanised syllable)."""
    words = full.split()
    if (
        2 <= len(words) <= 3
        and words[0].lower() in _KOREAN_SURNAMES
        and words[-1].lower() not in _KOREAN_SURNAMES
        and all(name_syllable(part) for word in words[1:] for part in word.split("-"))
    ):
        return words[0].lower()
    if given_name_first(full) != full:
        return words[0].lower()  # "Machimura Nobutaka": a Japanese name, family name first
    return full.replace("-", " ").split()[-1].lower()


def surname_index(doc: Doc, aliases: AliasTable | None = None) -> dict[str, str]:
    """Name part -> full name for an article: surnames, and family names of Korean names."""
    people: dict[str, str] = {}
    fulls = []
    for _offset, name in introduced_names(doc):
        full = name
        known = aliases.lookup(full, "PERSON") if aliases is not None else None
        if known is not None and known.label == "PERSON":
            full = known.canonical
        fulls.append(full)
        key = _family_name(full)
        earlier = people.get(key)
        # the first full name stands for the surname, unless a later one that starts with a
        # first name is its tail: a headline's capitalised words run on into a name ("Black
        # Lawmakers Rip Donald Trump", "Celebrities Julianne Moore") that the article then
        # writes as "Donald Trump"; not "Debbie Wasserman Schultz" -> "Wasserman Schultz"
        if earlier is None or (
            earlier.endswith(" " + full)
            and full.split()[0].lower() in FIRST_NAMES
            and earlier.split()[0].lower() not in FIRST_NAMES
        ):
            people[key] = full
    for _lo, _hi, labelled in transcript_names(doc_text(doc)):
        # a transcript's or a script's label in capitals gives a full name NER does not see
        # ("(ON CAMERA) WI SUNG-LAC, SOUTH KOREAN NEGOTIATOR:"): "Wi" in the text is him
        if " " in labelled:
            people.setdefault(_family_name(labelled), labelled)
    for full in fulls:
        # East Asian names put the family name first ("Kang" -> "Kang Sok-ju", "Liang" ->
        # "Liang Wenbo"); a first word that is nobody's surname here may stand for the person
        parts = full.split()
        # ... never an abbreviation ("U.N. Charter", "AP Poll")
        if len(parts) == 2 and parts[0].isalpha() and not parts[0].isupper():
            people.setdefault(parts[0].lower(), full)
    for full in fulls:
        # "Chris" for the one Christopher the article named (a short form is never a surname)
        first = full.split()[0].lower()
        for short in _SHORT_FORMS.get(first, ()):
            people.setdefault(short, full)
    return people


_SHORT_FORMS: dict[str, list[str]] = {}  # a first name -> the short forms of it (NICKNAMES)
for _short, _formal in NICKNAMES.items():
    _SHORT_FORMS.setdefault(_formal, []).append(_short)


_ROLES_KEY = (
    "newscorpus.introduced_roles"  # doc.user_data: offset -> role words (_introduced_roles)
)
_FAMILY_KEY = "newscorpus.introduced_by_family"  # doc.user_data cache


def _introduced_by_family(doc: Doc) -> dict[str, list[tuple[int, str]]]:
    """introduced_names by family name, grouped once per Doc: each mention of a bare family
    name asks, and reading every name for each of them cost time that grows with their
    product (3 s for 2,000 "Mr. Kim"s; 0.2 s now)."""
    index = doc.user_data.get(_FAMILY_KEY)
    if index is None:
        index = doc.user_data[_FAMILY_KEY] = {}
        for at, name in introduced_names(doc):
            index.setdefault(_family_name(name), []).append((at, name))
    return cast(dict[str, list[tuple[int, str]]], index)


def shared_family_name_at(
    doc: Doc, key: str, offset: int, aliases: AliasTable | None = None
) -> str | None:
    """The person a bare Korean family name at `offset` stands for when the article names more
    than one person of that family ("leader Kim Jong Il ... negotiator Kim Kye-gwan ... Kim
    said"): the last one named before it, as a reporter writes "Kim" for the Kim just
    introduced. None when the family name is no Korean one or names one person here."""
    if key not in _KOREAN_SURNAMES:
        return None
    named = []
    roles: dict[str, set[str]] = {}
    text = doc_text(doc)
    for at, name in _introduced_by_family(doc).get(key, ()):
        known = aliases.lookup(name, "PERSON") if aliases is not None else None
        canonical = known.canonical if known is not None and known.label == "PERSON" else name
        if canonical.isupper():
            canonical = canonical.title()  # a transcript's label: "LOUISA LIM" is "Louisa Lim"
        named.append((at, canonical))
        roles.setdefault(canonical, set()).update(_introduced_roles(doc, at, name))
    if len({name for _at, name in named}) < 2:
        return None
    before = [name for at, name in named if at < offset]
    # "Mr. Kim, the vice minister, said": the Kim the article gave that role, not the last Kim
    # named ("Kim Kye-gwan, the vice foreign minister, ... Kim Yong-nam, the head of parliament")
    described = _role_words_around(text, offset, offset + len(key), before_name=False)
    fits = {name for name in before if described and described <= roles.get(name, set())}
    if len(fits) == 1:
        return fits.pop()
    # "... Lee told Hu, according to the spokesman", "Lee was quoted as saying by his
    # spokesman": the spokesman who relays the words is not the Lee who spoke them
    sentence_end = _SENTENCE_END_AFTER.search(text, offset)
    relayed_by = set(
        _SPOKES.findall(text, offset, sentence_end.start() if sentence_end else len(text))
    )
    if relayed_by:
        others = [name for name in before if not roles.get(name, set()) & relayed_by]
        if others and len(others) < len(before):
            return others[-1]
    if not _in_quote(text, offset):
        # the writer's "Kim" is the Kim the writer last named, not one named in someone's
        # quoted words ("... tells you Kim Jong-il trusts him," said Paik. ... Kim laughed.)
        own = [(at, name) for at, name in named if at < offset and not _in_quote(text, at)]
        if own and _subject_at(doc, offset):
            # "Kim said" after "Kim Tae-hyun, a professor, told ... the succession of Kim
            # Jong-un": the Kim the writer last made a subject, not one named in passing
            subjects = [name for at, name in own if _subject_at(doc, at)]
            if subjects:
                return subjects[-1]
        if own:
            return own[-1][1]
    return before[-1] if before else None


def korean_family_name(word: str) -> bool:
    """Whether a word is a Korean family name ("Kim", "Pak", "Wi")."""
    return word.lower() in _KOREAN_SURNAMES


def _subject_at(doc: Doc, offset: int) -> bool:
    """Whether the name that starts at `offset` is a clause's subject, or set off after one."""
    token = token_at(doc, offset)
    while token is not None and token.dep_ in ("compound", "flat", "punct") and token.head != token:
        token = token.head  # to the name's last word ("Kim" | "Tae" | "-" | "hyun")
    if token is not None and token.dep_ == "appos":
        token = token.head
    return token is not None and token.dep_ in ("nsubj", "nsubjpass")


def _in_quote(text: str, offset: int) -> bool:
    """Whether an offset lies inside double quote marks opened in its paragraph."""
    return crosses_quote(text, text.rfind("\n", 0, offset) + 1, offset)


_SENTENCE_END_AFTER = re.compile(r"[.!?][\"”’']?(?:\s|$)")
_SPOKES = re.compile(r"\b(spokesman|spokeswoman|spokesperson)\b")


# the appositive after a name up to its closing comma ("Kim Kye-gwan, the vice foreign
# minister, ..."), and the lower-case words of a role before it ("negotiator Kim Kye-gwan")
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\n\"“”]{2,60}?)\s*(?:[,.;:]|$)", re.M)
_ROLE_BEFORE = re.compile(r"((?:[a-z][a-z-]*\s+){1,4})$")
_NOT_ROLE_WORDS = frozenset(["the", "a", "an", "of", "and", "in", "for", "to", "its", "his", "her"])


def _introduced_roles(doc: Doc, at: int, name: str) -> set[str]:
    """_role_words_around a name introduced at `at`, read once per Doc: each bare family name
    asks for the roles of every name of its family."""
    cache = doc.user_data.setdefault(_ROLES_KEY, {})
    if at not in cache:
        # a list, as the rest of user_data, which a DocBin may carry
        cache[at] = sorted(_role_words_around(doc_text(doc), at, at + len(name)))
    return set(cast(list[str], cache[at]))


def _role_words_around(text: str, start: int, end: int, before_name: bool = True) -> set[str]:
    """Lower-case role words of a name at [start, end): its appositive's, and those of a role
    in lower case right before it."""
    words: list[str] = []
    after = _APPOSITIVE_AFTER.match(text, end)
    if after is not None:
        words += after.group(1).lower().split()
    if before_name:
        lead = _ROLE_BEFORE.search(text, max(0, start - 60), start)
        if lead is not None:
            words += lead.group(1).split()
    return {w.strip("'’") for w in words if w.isalpha() and w not in _NOT_ROLE_WORDS}


def _bare_family_names(doc: Doc, people: dict[str, str]) -> list[Span]:
    """The family names of people the article named that NER left out ("Stephen Bosworth met
    ... Bosworth told reporters"), each a PERSON span of one proper noun standing alone."""
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    proper = (doc.to_array(POS) == _PROPN).tolist()
    found = []
    for i, is_proper in enumerate(proper):
        # one word standing alone: not part of a longer name NER did not read ("Central Park")
        if (
            not is_proper
            or i in covered
            or (i > 0 and proper[i - 1])
            or (i + 1 < len(proper) and proper[i + 1])
        ):
            continue
        token = doc[i]
        if token.lower_ in people and token.text[:1].isupper():
            found.append(Span(doc, i, i + 1, label="PERSON"))
    return found


def extract_entities(doc: Doc, aliases: AliasTable) -> list[EntityMention]:
    """Actor mentions of one article with canonical names and actor ids, in text order."""
    if not doc.has_annotation("ENT_IOB"):
        return []
    sentence_of = {}
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            sentence_of[sent.start] = n
    sent_starts = sorted(sentence_of)

    def sentence_index(token_i: int) -> int:
        lo, hi = 0, len(sent_starts) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if sent_starts[mid] <= token_i:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        return best

    spans = [e for e in doc.ents if e.label_ in ACTOR_LABELS or e.label_ == "WORK_OF_ART"]
    # a government body's generic name -> its country's actor, as the article last gave it
    # ("China's Foreign Ministry ... the Foreign Ministry"), see _country_body
    bodies: dict[str, str] = {}
    filed_in = _dateline_country(doc_text(doc), aliases)
    people = surname_index(doc, aliases)
    if people:
        spans = sorted([*spans, *_bare_family_names(doc, people)], key=lambda e: e.start)
    spans = [part for span in spans for part in _owner_apart(span, aliases)]
    mentions: list[EntityMention] = []
    # the names of a transcript's turns: people, whatever NER made of them ("AMB", "HILL"),
    # and people where NER saw nothing ("MR. CROWLEY:")
    turns = transcript_names(doc_text(doc))
    full_turn_names = {name.split()[-1].lower(): name for _lo, _hi, name in turns if " " in name}
    if turns:
        unseen = [
            doc.char_span(lo, hi, label="PERSON")
            for lo, hi, _name in turns
            if not any(e.start_char < hi and lo < e.end_char for e in spans)
        ]
        spans = sorted([*spans, *(u for u in unseen if u is not None)], key=lambda e: e.start)
    for span in spans:
        start, end, text = _trim(span)
        if start >= end or not any(ch.isalnum() for ch in text):
            continue  # emoji and punctuation the NER sometimes tags
        if _CLOCK_LEAD.match(text):
            continue  # "11:00 Beijing" of "11:00 Beijing time": a time, not a body
        if span.label_ == "PERSON" and _NO_PERSON.search(text):
            continue  # "a moron", "lone wolf", "pro-Clinton", a link: words NER took for a name
        if (
            _HONORIFIC_ALONE.fullmatch(text)
            or (_TURN_LABEL.fullmatch(text) and doc_text(doc).startswith(":", end))
            or (_TURN_LETTER.match(text) and doc_text(doc)[start - 1 : start] in ("", "\n"))
        ):
            continue
        if _MARKUP_OR_HANDLE.search(text) or (
            span.label_ in ("GPE", "LOC")
            and _LOWER_WORDS.fullmatch(text)
            and aliases.lookup(text, span.label_) is None
        ):
            # an attribute left from markup ('datetime="2016'), a social handle, or a place in
            # no capital letter that the table does not know ("us", "weekends")
            continue
        if _TIME_ZONE.match(text) and _CLOCK_BEFORE.search(
            doc_text(doc), max(0, start - 12), start
        ):
            continue
        if text in _STAGE_DIRECTIONS and doc_text(doc)[start - 1 : start] == "(":
            continue  # "(Laughter.)", "(Applause)"
        if text in _WIRE_MARKS and _WIRE_MARKS[text] in doc_text(doc)[max(0, start - 4) : end + 1]:
            continue  # a wire's "(END)" or "(MORE)", a release's "For Immediate Release"
        if text.lower() in _PORTFOLIOS and _PORTFOLIO_OF.search(
            doc_text(doc), max(0, start - 24), start
        ):
            continue
        label = "PERSON" if misread_person(span) else span.label_
        if label == "PERSON" and ship_named(span):
            label = "PRODUCT"  # "the aircraft carrier George Washington": a ship
        # the name of a transcript's turn this mention is, if any ("HILL" of "AMB. HILL:")
        turn = next((n for lo, hi, n in turns if lo <= start and end <= hi), None)
        if turn is not None:
            label = "PERSON"
        elif (
            turns
            and _TITLE_ALONE.fullmatch(text)
            and any(start < lo <= end + 2 for lo, _hi, _n in turns)
        ):
            continue  # the title of a turn's name ("AMB" of "AMB. HILL:")
        if label == "PERSON" and text.lower() in PLATFORMS:
            label = "ORG"  # "Clinton took to Twitter": a company NER often takes for a person
        if (
            label == "ORG"
            and text.lower() in aliases.capitals
            and end < span.end_char
            and _headline_verb_at(span) is not None
        ):
            label = "GPE"  # "Seoul [Weighs] a Bolder Offer": the city, not an organisation
        if (
            label == "PERSON"
            and doc_text(doc)[start - 1 : start] == "("
            and doc_text(doc)[end : end + 1] == ")"
            and _in_dateline(doc_text(doc), start, end)
        ):
            label = "ORG"  # the agency a dateline names: "SEOUL, Dec. 14 (Korea Herald) --"
        if label in ("ORG", "NORP", "PERSON", "GPE") and _I_PRODUCT.search(text):
            label = "PRODUCT"  # "iPod", "the iTunes Music Store": the small model calls them ORGs
        if label == "WORK_OF_ART":
            if not _KOREANS.match(text):
                continue
            label = "NORP"
        if label == "NORP" and _KOREANS.match(text):
            canonical = "North Koreans" if "north" in text.lower() else "South Koreans"
            mentions.append(
                EntityMention(
                    text,
                    label,
                    start,
                    end,
                    sentence_index(span.start),
                    canonical,
                    actor_id_for(canonical, label),
                )
            )
            continue
        single = text.split()[-1].lower() if len(text.split()) == 1 else None
        if (
            single is not None
            and single in people
            and (
                label in ("PERSON", "ORG", "LOC", "GPE", "FAC")
                # a product only for the surname, not in capitals, of a full name ("ATOLL"
                # after "Midway Atoll", "Twitter" after "Wilayat Twitter" are no one)
                or (
                    label == "PRODUCT"
                    and not text.isupper()
                    and single not in PLATFORMS
                    and people[single].split()[-1].lower() == single
                )
            )
        ):
            # "Bosworth" tagged ORG/LOC after the article named Stephen Bosworth, "Shiozaki" a
            # product after it named Yasuhisa Shiozaki
            label = "PERSON"
            canonical = shared_family_name_at(doc, single, start, aliases) or people[single]
        elif label == "PERSON":
            canonical = text
            if text.isupper() and turn is not None:
                canonical = turn  # a transcript's label: "AMB. HILL" is HILL, as written
            known = aliases.lookup(text, label)
            if known is not None:
                # the table's kind, too: "JoongAng Ilbo", a paper NER took for a person
                canonical, label = known.canonical, known.label
        else:
            with_the = doc_text(doc)[max(0, start - 4) : start].lower() == "the "
            known = aliases.lookup(("the " if with_the else "") + text, label) or aliases.lookup(
                text, label
            )
            if text.lower() in aliases.capitals and _in_dateline(doc_text(doc), start, end):
                # "WASHINGTON (AP) — ...": where the story was filed, never a government speaking,
                # even where the table lists the capital as a name of its country
                known = None
            elif (
                text.lower() in aliases.capitals
                and aliases.capital_as_government
                and _is_subject(span)
            ):
                known = aliases.capitals[text.lower()]
            owned = (
                _country_body(span, text, known, aliases, bodies, filed_in)
                if label == "ORG"
                else None
            )
            if owned is not None:
                canonical = owned
            elif known is not None and (known.label != "PERSON" or label == "PERSON"):
                canonical, label = known.canonical, known.label
            elif text in ("North", "South") and with_the:
                continue  # "the North" with no alias table: too vague to count as an actor
            else:
                # one name per actor: "The Washington Post" opening a sentence and "the
                # Washington Post" inside one (name_key, and so the actor_id, ignores it already);
                # a place, an event or a law goes without it ("the Korean Peninsula" and
                # "Korean Peninsula" are one "Korean Peninsula")
                canonical = (
                    _LEADING_THE.sub("", text) if label in _NAMED_BARE else capital_article(text)
                )
                if (
                    label in ("GPE", "LOC")
                    and text.isupper()
                    and _in_dateline(doc_text(doc), start, end)
                ):
                    canonical = text.title()  # a dateline's "SEOUL" is the city "Seoul"
        if label == "PERSON" and full_turn_names and canonical.isupper():
            # "RENEE MONTAGNE, host:" then "MONTAGNE:", "Bush" after "President GEORGE W. BUSH:"
            canonical = full_turn_names.get(canonical.split()[-1].lower(), canonical)
        if label == "PERSON":
            known = aliases.lookup(canonical, "PERSON")
            if known is not None and known.label == "PERSON":
                canonical = known.canonical
            else:
                canonical = given_name_first(canonical)
        mentions.append(
            EntityMention(
                text=doc_text(doc)[start:end],
                label=label,
                start_char=start,
                end_char=end,
                sentence=sentence_index(span.start),
                canonical=canonical,
                actor_id=actor_id_for(canonical, label),
            )
        )
    return _one_name_per_person(_with_defined_acronyms(mentions, doc_text(doc)))


def _one_name_per_person(mentions: list[EntityMention]) -> list[EntityMention]:
    """A person's mentions without a middle name under the full name the article gives them
    with one: "Charles Pritchard" is "Charles L. Pritchard" (name_key folds middle initials,
    so they were one actor with two names); not where it gives two ("George W. Bush" and
    "George H.W. Bush", whom name_key folds together too: "George Bush" stays as it is)."""
    middled: dict[str, set[str]] = {}  # actor id -> its canonical names with a middle name
    for mention in mentions:
        if mention.label == "PERSON" and _middle(mention.canonical):
            middled.setdefault(mention.actor_id, set()).add(mention.canonical)
    out = []
    for mention in mentions:
        fuller = middled.get(mention.actor_id, set()) if mention.label == "PERSON" else set()
        if len(fuller) == 1 and not _middle(mention.canonical):
            mention = replace(mention, canonical=next(iter(fuller)))
        out.append(mention)
    return out


def _middle(name: str) -> str:
    """The middle names or initials of a full name, without periods ("H.W." -> "HW")."""
    return "".join(name.split()[1:-1]).replace(".", "")


# the words of a government body's name that every country's government has ("Foreign
# Ministry", "Defense Ministry", "Ministry of Foreign Affairs", "National Assembly"), and the
# words that end such a name; a name of these words alone is no one body until a country owns it
_BODY_WORDS_TEXT = (
    "foreign defense defence unification finance trade commerce interior justice health "
    "education energy industry agriculture security home state affairs public strategy "
    "planning economy economic national central presidential joint prime minister's "
    "ministers of and for the coast air ministry department office council agency cabinet "
    "parliament embassy army navy force military police government bank assembly commission "
    "committee guard service services intelligence chiefs staff "
)
_BODY_HEADS_TEXT = (
    "ministry department office council agency cabinet parliament embassy army navy force "
    "military police government bank assembly commission committee guard service chiefs "
)
_BODY_NAME_WORDS = frozenset(_BODY_WORDS_TEXT.split())
_BODY_NAME_HEADS = frozenset(_BODY_HEADS_TEXT.split())


def generic_body(name: str) -> bool:
    """Whether an organisation's name is one every country's government has ("Foreign
    Ministry", "the Defense Ministry", "National Assembly")."""
    words = _POSSESSIVE.sub("", name).lower().split()
    return (
        bool(words)
        and all(w in _BODY_NAME_WORDS for w in words)
        and any(w in _BODY_NAME_HEADS for w in words)
    )


def _dateline_country(text: str, aliases: AliasTable) -> _Actor | None:
    """The country whose capital the story was filed from, by the alias table ("TOKYO, Dec. 11
    (Kyodo) --" -> Japan), from a dateline in the first lines; None without one."""
    for line in text.split("\n", _DATELINE_LINES)[:_DATELINE_LINES]:
        lead = DATELINE_LEAD.match(line)
        if lead is not None:
            city = _DATELINE_CITY.match(lead.group())
            return aliases.capitals.get(city.group().lower()) if city is not None else None
    return None


# a dateline opens the story under its headline and byline, each line maybe followed by a
# blank one (as the clean stage sets paragraphs apart): "Title / / By X / / SEOUL (Yonhap) --"
_DATELINE_LINES = 6
_DATELINE_CITY = re.compile(r"[A-Za-z][A-Za-z.'’-]*(?: [A-Za-z][A-Za-z.'’-]*)*")


def _country_body(
    span: Span,
    text: str,
    known: _Actor | None,
    aliases: AliasTable,
    bodies: dict[str, str],
    filed_in: _Actor | None = None,
) -> str | None:
    """The canonical name of a government body's generic name: with the country whose
    possessive comes before it or opens the name ("China's Foreign Ministry", "South Korea's
    Defense Ministry"; the alias table's name where it lists one), or that follows it ("the
    Foreign Ministry of the DPRK", "the Ministry of Foreign Affairs of China"), or as the article
    last gave it a country ("The Foreign Ministry" after "Japan's Foreign Ministry"), or else as
    the table names that body of the country the story was filed in (`filed_in`: "the Foreign
    Ministry" under "TOKYO, Dec. 11 (Kyodo) --"); None for a name that is no such body, or that
    no country owns and the table does not know (`known`). Every
    country has a foreign ministry: one actor for all of them would mix what Beijing and Tokyo
    said."""
    doc = span.doc
    start = span.start
    owned = _OWNED_NAME.match(text)
    if owned is not None and generic_body(owned.group(1)):
        # NER (or the table's ruler) took the owner in: "China's Foreign Ministry"
        owner_text = _POSSESSIVE.sub("", text[: owned.start(1)].rstrip())
        country_text, body = re.sub(r"^the\s+", "", owner_text), owned.group(1)
    elif (
        (body_of := _BODY_OF.match(text)) is not None
        and generic_body(body_of.group(1))
        and _is_country(body_of.group(2), aliases)
    ):
        # ... or its country after it: "the Ministry of Foreign Affairs of China"
        country_text, body = body_of.group(2), body_of.group(1)
    elif not generic_body(text):
        return None
    elif start >= 2 and doc[start - 1].lower_ in ("'s", "’s") and doc[start - 2].ent_type_ == "GPE":
        country_text, body = _country_span(doc[start - 2]).text, text
    elif (country := _country_after(span, text)) is not None:
        country_text, body = country, _THE.sub("", text)
    else:
        if known is not None:
            return None
        # a factbox's section under a country's name ("CHINA\nThe Foreign Ministry said ..."):
        # that country's body, whatever body of that name an earlier section gave; so too a
        # body a state's own media quote ("KCNA quoted a Foreign Ministry spokesman"), wherever
        # the story was filed
        home_country = _heading_country(doc_text(doc), span.start_char, aliases) or (
            _quoting_media_country(span, aliases)
        )
        earlier = bodies.get(name_key(text, "ORG")) if home_country is None else None
        home_country = home_country or filed_in
        if earlier is not None or home_country is None:
            return earlier
        # (only a body the table lists: a Washington story's "Foreign Ministry" is some other
        # country's, the United States having none)
        generic = _THE.sub("", text)
        home = aliases.lookup(f"{home_country.canonical}'s {generic}", "ORG")
        return home.canonical if home is not None and home.label == "ORG" else None
    key = name_key(body, "ORG")
    owner = aliases.lookup(country_text, "GPE")
    table = (
        known
        or aliases.lookup(f"{country_text}'s {body}", "ORG")
        # "DPRK's Foreign Ministry": the table's name of the country its own way
        or (owner and aliases.lookup(f"{owner.canonical}'s {body}", "ORG"))
    )
    if table is not None and table.label == "ORG":
        bodies[key] = table.canonical
    else:
        owner_name = owner.canonical if owner is not None else capital_article(country_text)
        bodies[key] = f"{owner_name}'s {body}"
    return bodies[key]


def _quoting_media_country(span: Span, aliases: AliasTable) -> _Actor | None:
    """The country whose state media the table names in the span's sentence (its `country`):
    "the Korean Central News Agency quoted a Foreign Ministry spokesman" is the North's."""
    if not aliases.state_media:
        return None  # the cheap test first: Span.sent and its entities cost ~0.5 ms a body
    for ent in span.sent.ents:
        if ent.label_ != "ORG" or ent.start == span.start:
            continue
        media = aliases.lookup(ent.text, "ORG")
        if media is not None and media.country is not None:
            return _country(media.country, aliases)
    return None


def _heading_country(text: str, at: int, aliases: AliasTable) -> _Actor | None:
    """The country a section heading names over the paragraph at `at`: the line right before it,
    a country's name alone in capitals ("CHINA", "SOUTH KOREA" in a factbox of reactions)."""
    line_end = text.rfind("\n", 0, at)
    if line_end < 0:
        return None
    heading = text[text.rfind("\n", 0, line_end) + 1 : line_end].strip()
    if not heading or not heading.isupper() or len(heading.split()) > 3:
        return None
    return _country(heading.title(), aliases)


def _country(text: str, aliases: AliasTable) -> _Actor | None:
    """The country the alias table knows `text` as ("the DPRK"); None for "Staff" of "the
    Joint Chiefs of Staff" or "Revenue Services" of "the state Department of Revenue Services"."""
    known = aliases.lookup(text, "GPE")
    return known if known is not None and known.label == "GPE" else None


def _is_country(text: str, aliases: AliasTable) -> bool:
    """Whether the alias table knows `text` as a country (_country)."""
    return _country(text, aliases) is not None


def _country_after(span: Span, text: str) -> str | None:
    """The country named after a body's name: "the Foreign Ministry of the DPRK" (NER may take
    "of the" in: the name `text` is what _trim left of the span)."""
    doc = span.doc
    at = next((t.i for t in span if t.idx >= span.start_char + len(text)), span.end)
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    at += 1
    if at < len(doc) and doc[at].lower_ == "the":
        at += 1
    if at >= len(doc) or doc[at].ent_type_ != "GPE" or doc[at].ent_iob_ != "B":
        return None
    end = at + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "GPE":
        end += 1
    return doc[at:end].text


_OWNED_LABELS = frozenset(["ORG", "PERSON", "FAC", "PRODUCT", "EVENT"])


def _describing(token: Token) -> bool:
    """A word in lower case before a name that is no part of it: an adjective or participle
    ("official", "embattled"), a determiner or possessive other than the article a name may
    keep ("this White House", "her State Department", "another Great Depression")."""
    return (
        token.is_lower
        and bool(token.whitespace_)  # not "pro" of "pro-Clinton", "un" of "un-American"
    ) and (
        token.pos_ == "ADJ"
        or token.tag_ == "VBN"
        or (token.pos_ in ("DET", "PRON") and token.lower_ not in ("the", "a", "an"))
    )


def _owner_apart(span: Span, aliases: AliasTable) -> list[Span]:
    """An entity NER ran on over its owner's possessive ("North Korea's official Korean Central
    News Agency", "the Washington Post's Ishaan Tharoor") as the owned name alone, after the
    owner and the words describing it, and the owner as a mention of its own where the alias
    table knows it; without an owner, the name after the adjectives describing it. Only where
    the table knows the owner or words in lower case describe the owned ("official"): a
    possessive is part of many names ("McDonald's Corp.", "Moody's Investors Service"). A
    government body every country has keeps its owner, who makes it one ("China's Foreign
    Ministry", see _country_body)."""
    if span.label_ not in _OWNED_LABELS or len(span) < 2:
        return [span]
    doc = span.doc
    if _describing(span[0]) and not span[-1].is_lower:
        # "its official Korean Central News Agency": the words before the name describe it
        # (not "al" of "al Qaeda", "bin" of "bin Laden": parts of the name)
        first = span.start
        while _describing(doc[first]):
            first += 1
        return [Span(doc, first, span.end, label=span.label_)]
    mark = next((t.i for t in span[1:-1] if t.tag_ == "POS"), None)
    if mark is None:
        return [span]
    first = mark + 1
    while first < span.end and doc[first].is_lower:
        first += 1  # "official", "state-run": what the owner's name is, not the name
    if first >= span.end or not doc[first].text[:1].isupper():
        return [span]
    owned = Span(doc, first, span.end, label=span.label_)
    if generic_body(owned.text):
        return [span]
    owner = doc[span.start : mark]
    if owner[0].lower_ == "the":
        owner = owner[1:]
    known = aliases.lookup(owner.text, "GPE") if len(owner) else None
    if known is None:
        return [owned] if first > mark + 1 else [span]
    return [Span(doc, owner.start, owner.end, label=known.label), owned]


def _country_span(token: Token) -> Span:
    """The GPE entity a token is part of."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "GPE" and doc[start].ent_iob_ != "B":
        start -= 1
    return doc[start : token.i + 1]


# an acronym the article defines in parentheses right after a name: "(ICG)", "(D.P.R.K.)"
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z.&]{1,11})\)")
_ACRONYM_LABELS = frozenset(["ORG", "GPE", "NORP", "LOC", "FAC"])
_NAME_WORDS = re.compile(r"[\s-]+")  # the words of a name, whose initials an acronym takes


def _with_defined_acronyms(mentions: list[EntityMention], text: str) -> list[EntityMention]:
    """Mentions of an acronym the article defines after a name ("the International Crisis
    Group (ICG) ... the ICG said") given that name's actor: one actor, not two."""
    defined: dict[str, EntityMention] = {}
    for mention in mentions:
        acronym = _DEFINED_ACRONYM.match(text, mention.end_char)
        if mention.label not in _ACRONYM_LABELS or acronym is None:
            continue
        letters = acronym.group(1).replace(".", "")
        words = _NAME_WORDS.split(mention.text)
        if "".join(w[0] for w in words if w[:1].isupper() and w != "The") == letters:
            defined[letters] = mention
    if not defined:
        return mentions
    out = []
    for mention in mentions:
        name = defined.get(mention.text.replace(".", ""))
        if name is not None and mention.label in _ACRONYM_LABELS and name is not mention:
            mention = replace(
                mention, label=name.label, canonical=name.canonical, actor_id=name.actor_id
            )
        out.append(mention)
    return out


@dataclass(slots=True)
class Actor:
    """A row of the corpus-wide `actors` table."""

    actor_id: str
    canonical: str
    type: str
    aliases: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    mention_count: int


def merge_actors(
    existing: Iterable[Actor], mentions: Iterable[tuple[EntityMention, datetime | None]]
) -> list[Actor]:
    """Update the actors table with new mentions (dated by their article's publication)."""
    actors = {a.actor_id: Actor(**{k: getattr(a, k) for k in Actor.__slots__}) for a in existing}
    for mention, when in mentions:
        actor = actors.get(mention.actor_id)
        if actor is None:
            actor = actors[mention.actor_id] = Actor(
                mention.actor_id, mention.canonical, mention.label, [], when, when, 0
            )
        actor.mention_count += 1
        if mention.text not in actor.aliases:
            actor.aliases = sorted({*actor.aliases, mention.text})
        if when is not None:
            actor.first_seen = when if actor.first_seen is None else min(actor.first_seen, when)
            actor.last_seen = when if actor.last_seen is None else max(actor.last_seen, when)
    return sorted(actors.values(), key=lambda a: (-a.mention_count, a.canonical))
