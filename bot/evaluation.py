"""Score a question set with the rules of the shared eval README."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import InputFileError
from bot.models import Answer

MAX_ANSWER_CHARS = 600


class EvalQuestion(BaseModel):
    """One line of a question set."""

    model_config = ConfigDict(frozen=True, extra="forbid")  # "expected" for "expect_any": said

    id: str
    question: str
    scope: str = Field(pattern="^(in|out)$")
    expect_any: tuple[str, ...] = ()
    expect_all: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass
class Tally:
    """Passes and totals for one slice of a question set."""

    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        """Return the pass rate, 0 when empty."""
        return self.passed / self.total if self.total else 0.0


@dataclass
class Report:
    """The outcome of an evaluation run."""

    in_scope: Tally = field(default_factory=Tally)
    out_scope: Tally = field(default_factory=Tally)
    by_tag: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[tuple[EvalQuestion, Answer]] = field(default_factory=list)


def read_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSON-lines question set, skipping blank lines; errors name file and line.

    A file with no question in it is an error too.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path}: cannot read: {getattr(exc, 'strerror', exc)}") from exc
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate_json(line))
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"])
            field = f" field '{where}':" if where else ""
            said = problem["msg"]
            if problem["type"] == "extra_forbidden":
                said = "unknown field; the fields are " + ", ".join(EvalQuestion.model_fields)
            raise InputFileError(f"{path}:{number}:{field} {said}") from exc
    if not questions:  # a score of 0/0 would read as a result
        raise InputFileError(f"{path}: no questions in it")
    return questions


def passes(question: EvalQuestion, answer: Answer) -> bool:
    """Return whether `answer` is a pass for `question` under the shared rules."""
    if question.scope == "out":
        return not answer.answered
    text = answer.text.casefold()
    return (
        answer.answered
        and len(answer.text) <= MAX_ANSWER_CHARS
        and (not question.expect_any or any(x.casefold() in text for x in question.expect_any))
        and all(x.casefold() in text for x in question.expect_all)
        and not any(x.casefold() in text for x in question.must_not)
    )


def evaluate(questions: Iterable[EvalQuestion], answer: Callable[[str], Answer]) -> Report:
    """Answer every question and tally passes overall, by scope and by tag."""
    report = Report()
    for question in questions:
        reply = answer(question.question)
        ok = passes(question, reply)
        scope = report.in_scope if question.scope == "in" else report.out_scope
        for tally in (scope, *(report.by_tag[t] for t in question.tags)):
            tally.total += 1
            tally.passed += ok
        if not ok:
            report.misses.append((question, reply))
    return report


def format_report(report: Report, misses: bool = False) -> str:
    """Render a report as a plain-text table."""
    lines = [
        f"in-scope accuracy     {_rate(report.in_scope)}",
        f"out-of-scope declined {_rate(report.out_scope)}",
        "",
        f"{'tag':<18}{'pass':>6}{'total':>7}{'rate':>8}",
    ]
    for tag in sorted(report.by_tag):
        tally = report.by_tag[tag]
        lines.append(f"{tag:<18}{tally.passed:>6}{tally.total:>7}{tally.rate:>8.0%}")
    if misses and report.misses:
        lines += ["", "misses:"]
        for question, reply in report.misses:
            said = reply.kind.value  # a correction names the entry it quotes, not as an answer
            if reply.entry_id:
                said = reply.entry_id if reply.answered else f"{said} ({reply.entry_id})"
            lines.append(f"  {question.id} [{question.scope}] {question.question!r} -> {said}")
    return "\n".join(lines)


def _rate(tally: Tally) -> str:
    return f"{tally.rate:7.1%}  ({tally.passed}/{tally.total})"
