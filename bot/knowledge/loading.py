"""Load and validate a knowledge folder into one immutable `Knowledge` value."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from bot.errors import KnowledgeError
from bot.knowledge.duplicates import duplicates
from bot.knowledge.folding import comparable
from bot.knowledge.ids import id_clashes, written_ids
from bot.knowledge.pieces import Pieces, remember, reread
from bot.knowledge.problems import describe
from bot.knowledge.schema import Entity, FactsFile, FaqEntry, FaqFile, SynonymsFile
from bot.knowledge.yamlfile import Loc, LocatedYaml, item_label, not_utf8, read_yaml
from bot.matching.text import tokenize

FAQ_FILE = "faq.yaml"
FACTS_FILE = "facts.yaml"
SYNONYMS_FILE = "synonyms.yaml"
STORY_FILE = "story.txt"
KNOWLEDGE_PACKAGE_DIR = "knowledge"

_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(frozen=True)
class Knowledge:
    """Everything the engine knows about one story, validated."""

    title: str
    story: str
    faq: tuple[FaqEntry, ...]
    entities: tuple[Entity, ...]
    synonyms: tuple[tuple[str, ...], ...]
    folder: Path
    lines: dict[str, int]  # entry id -> line of the entry in faq.yaml, for messages
    drafts: tuple[FaqEntry, ...] = ()  # entries marked `draft: true`: checked, not served
    warnings: tuple[str, ...] = ()  # what is allowed but worth fixing, for `storybot validate`
    # a question written in two entries: served (one of them answers it), refused by validate
    duplicated: tuple[str, ...] = ()
    # faq.yaml's entries by the digest of their text, for the next reload (`pieces`)
    pieces: Pieces = field(default_factory=Pieces, compare=False, repr=False)


def default_folder() -> Path:
    """Return the knowledge that ships with the package: the repo's `knowledge/` folder."""
    checkout = Path(__file__).resolve().parents[2] / KNOWLEDGE_PACKAGE_DIR  # bot/knowledge/…
    if (checkout / STORY_FILE).is_file():  # run from a checkout, or installed in editable mode
        return checkout
    # installed from a wheel: the folder was packed as bot.default_knowledge, a package of
    # data files only (a namespace package, so its folder is found, not imported)
    spec = importlib.util.find_spec("bot.default_knowledge")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    return Path(folders[0]) if folders else checkout


def load_knowledge(folder: Path, previous: Knowledge | None = None) -> Knowledge:
    """Read and check every file in `folder`; raise `KnowledgeError` listing all problems.

    Given the knowledge a reload replaces (`previous`), the FAQ entries written exactly as
    before are taken from it instead of being parsed and validated again.
    """
    if not folder.is_dir():  # one line, not one "cannot read" per file
        found = "is a file, not a folder" if folder.exists() else "no such folder"
        raise KnowledgeError([f"{folder}: {found}"])
    if previous is not None and previous.pieces.entries:
        try:
            again = _load(folder, previous.pieces)
        except KnowledgeError:
            pass  # read it all again: the whole read's messages name the exact lines
        else:
            if not (again.duplicated or again.warnings):  # which name entries' lines only
                return again
    return _load(folder, None)


def _load(folder: Path, pieces: Pieces | None) -> Knowledge:
    problems: list[str] = []
    story = _read_story(folder / STORY_FILE, problems)
    faq = _parse_faq(folder / FAQ_FILE, problems, pieces)
    facts = _parse(folder / FACTS_FILE, FactsFile, problems)
    synonyms_path = folder / SYNONYMS_FILE
    synonyms = _parse(synonyms_path, SynonymsFile, problems) if synonyms_path.exists() else None
    if faq and facts and story is not None:
        located, parsed, _ = faq
        problems += _cross_check((located, parsed), facts, comparable(story))
    # a question in two entries fails validate, twice in one entry is a warning; neither
    # stops a folder being served: a hand-written FAQ that did is better served than refused
    twice, repeated = duplicates(faq[0], faq[1].entries, FAQ_FILE) if faq else ([], [])
    if faq and all(e.draft for e in faq[1].entries):
        problems.append(f"{FAQ_FILE}:1: every entry is a draft: there is nothing to answer with")
    if synonyms:
        problems += _check_synonyms(*synonyms)
    if problems or faq is None or facts is None or story is None:
        raise KnowledgeError(problems)
    located, parsed, read = faq
    return Knowledge(
        title=facts[1].title,
        story=story,
        faq=tuple(e for e in parsed.entries if not e.draft),
        entities=facts[1].entities,
        synonyms=synonyms[1].groups if synonyms else (),
        folder=folder,
        lines={e.id: located.line(("entries", i)) for i, e in enumerate(parsed.entries)},
        drafts=tuple(e for e in parsed.entries if e.draft),
        warnings=tuple(repeated),
        duplicated=tuple(twice),
        pieces=read,
    )


def _parse_faq(
    path: Path, problems: list[str], before: Pieces | None
) -> tuple[LocatedYaml, FaqFile, Pieces] | None:
    """Parse `faq.yaml`: piece by piece from `before` when it can, else the whole file."""
    if before is not None:
        try:
            # decoded as `read_yaml` does: `read_text` would turn "\r\n" into "\n", and no
            # piece of a file saved with Windows line ends would match the last read
            again = reread(path.read_bytes().decode("utf-8"), before)
        except (OSError, UnicodeDecodeError):
            again = None
        parsed = _validated(FaqFile, {"entries": again.entries}, []) if again else None
        if again and parsed:
            lines: dict[Loc, int] = {("entries", i): n for i, n in enumerate(again.lines)}
            return LocatedYaml(path, None, lines), parsed, again.pieces
    whole = _parse(path, FaqFile, problems)
    if whole is None:
        return None
    located, parsed = whole
    starts = [located.line(("entries", i)) for i in range(len(parsed.entries))]
    return located, parsed, remember(located.text, parsed.entries, starts)


def _check_synonyms(located: LocatedYaml, synonyms: SynonymsFile) -> list[str]:
    problems: list[str] = []
    owner: dict[str, int] = {}
    for i, group in enumerate(synonyms.groups):
        for j, term in enumerate(group):
            if not tokenize(term):  # the analyzer reads words: "--" would name nothing
                problems.append(
                    f"{SYNONYMS_FILE}:{located.line(('groups', i, j))}: group #{i + 1}: "
                    f"'{term}' has no word in it"
                )
                continue
            first = owner.setdefault(comparable(term), i)
            if first != i:
                problems.append(
                    f"{SYNONYMS_FILE}:{located.line(('groups', i, j))}: group #{i + 1}: "
                    f"'{term}' is already in group #{first + 1} ('{synonyms.groups[first][0]}')"
                )
    return problems


_LISTED: dict[type[BaseModel], str] = {FaqFile: "entries", FactsFile: "entities"}
_CHUNK = 500  # list items validated per call: a call holds the GIL until it is done


def _read_story(path: Path, problems: list[str]) -> str | None:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        problems.append(f"{path.name}:1: cannot read story: {exc.strerror or exc}")
        return None
    except UnicodeDecodeError as exc:
        problems.append(not_utf8(path, raw, exc))
        return None
    if not text.strip():
        problems.append(f"{path.name}:1: the story is empty")
        return None
    return text


def _parse(
    path: Path, model: type[_Model], problems: list[str]
) -> tuple[LocatedYaml, _Model] | None:
    try:
        located = read_yaml(path)
    except KnowledgeError as exc:
        problems += exc.problems
        return None
    errors: list[ErrorDetails] = []
    parsed = _validated(model, located.data, errors)
    problems += [describe(located, error) for error in errors]
    listed = _LISTED.get(model)  # ids are checked after validation; with errors, said now
    if errors and listed:
        problems += id_clashes(located, listed, written_ids(located.data, listed), {})
    return (located, parsed) if parsed is not None and not errors else None


def _validated(model: type[_Model], data: Any, errors: list[ErrorDetails]) -> _Model | None:
    """Validate `data` as `model`, long lists a chunk at a time; collect the errors.

    One validation call holds the GIL for its whole run, so a 100,000-entry file validated in
    one call would stall every answer of a running bot for most of a second.
    """
    long = {
        key: value
        for key, value in (data.items() if isinstance(data, dict) else ())
        if isinstance(value, list) and len(value) > _CHUNK and key in model.model_fields
    }
    whole: dict[str, tuple[Any, ...]] = {}
    for key, values in long.items():
        adapter: TypeAdapter[Any] = TypeAdapter(model.model_fields[key].annotation)
        parts: list[Any] = []
        for start in range(0, len(values), _CHUNK):
            try:
                parts += adapter.validate_python(values[start : start + _CHUNK])
            except ValidationError as exc:
                for error in exc.errors():
                    loc = error["loc"]
                    shifted = (key, start + int(loc[0]), *loc[1:]) if loc else (key,)
                    errors.append({**error, "loc": shifted})
        whole[key] = tuple(parts)
    try:  # the whole, its long lists as the models just made: list and model rules hold
        parsed = model.model_validate({**data, **whole} if whole else data)
    except ValidationError as exc:
        errors += [e for e in exc.errors() if not (len(e["loc"]) > 1 and e["loc"][0] in long)]
        return None
    return None if errors else parsed


def _cross_check(
    faq: tuple[LocatedYaml, FaqFile], facts: tuple[LocatedYaml, FactsFile], story: str
) -> list[str]:
    seen_ids: dict[str, str] = {}  # id -> where it was first given, "facts.yaml:6"
    # the fact store first: a FAQ entry given an entity's id is said at its faq.yaml line,
    # where the maintainer just wrote it, not at the entity nobody touched
    facts_yaml = facts[0]
    clashes = id_clashes(facts_yaml, "entities", [e.id for e in facts[1].entities], seen_ids)
    problems = id_clashes(faq[0], "entries", [e.id for e in faq[1].entries], seen_ids)
    problems += _check_sources(faq[0], "entries", faq[1].entries, story)
    problems += clashes + _check_sources(facts_yaml, "entities", facts[1].entities, story)
    seen_alias: dict[str, str] = {}
    for i, entity in enumerate(facts[1].entities):
        for j, alias in enumerate(entity.names):
            line = facts_yaml.line(
                ("entities", i, "aliases", j - 1) if j else ("entities", i, "name")
            )
            owner = seen_alias.setdefault(comparable(alias), entity.id)
            if not tokenize(alias):  # a name with no word in it cannot be asked about
                problems.append(
                    f"{FACTS_FILE}:{line}: item '{entity.id}': '{alias}' has no word in it"
                )
            elif owner != entity.id:
                problems.append(
                    f"{FACTS_FILE}:{line}: item '{entity.id}': aliases: "
                    f"'{alias}' already names '{owner}'"
                )
    return problems


def _check_sources(
    located: LocatedYaml, key: str, items: Sequence[FaqEntry | Entity], story: str
) -> list[str]:
    """Check every source is a passage of the story."""
    name, label = located.path.name, item_label(key)
    return [
        f"{name}:{located.line((key, i, 'source'))}: {label} '{item.id}': "
        f"source: not found verbatim in {STORY_FILE}"
        for i, item in enumerate(items)
        if item.source and comparable(item.source) not in story  # a draft's may be empty
    ]
