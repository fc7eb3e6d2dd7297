"""The `storybot` command line."""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.config import Settings, env_file_problem, problems
from bot.errors import InputFileError, KnowledgeError, SettingsError
from bot.matching.engine import Engine
from bot.matching.explain import explain
from bot.models import Answer, Query
from bot.serving import maintain_cli
from bot.serving.frontends import command, command_names
from bot.serving.logs import configure_logging
from bot.serving.settings_cli import misspelt, show

if TYPE_CHECKING:  # the gaps log is imported only by the commands that use it
    from bot.gaps.store import SqliteGapStore

log = logging.getLogger(__name__)

NOTHING_TO_RUN = (
    "No front end is configured, so there is nothing to run (the log above says why each was\n"
    "skipped). Set a token, such as STORYBOT_TELEGRAM_TOKEN or STORYBOT_DISCORD_TOKEN (in the\n"
    "environment or .env); see 'Running on Telegram and Discord' in the README. To try the\n"
    "bot without a token, run: storybot chat"
)


CORE = frozenset({"chat", "ask", "validate", "eval", "run", "gaps", "config", "--version"})

# Each command imports what only it needs: `storybot ask` starts in well under a second.


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `storybot` command and return its exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a terminal set to ASCII gets "?", not a traceback
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    # the help describes the front ends' commands, which means importing them: only then
    helping = not words or words[0] in {"-h", "--help"}
    # a core command needs no front end's metadata: `storybot ask` stays quick to start
    parser = _parser(plugins=helping or words[0] not in CORE, described=helping)
    args, unknown = parser.parse_known_args(words)
    if unknown:  # said as parse_args says it, with a usage line naming every command
        _parser().error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command is None:  # `storybot` alone: say what it can do
        parser.print_help()
        return 0
    settings = _settings()
    if settings is None:
        return 2
    if getattr(args, "knowledge", None) is not None:  # one run on another story's folder
        settings = settings.model_copy(update={"knowledge_dir": args.knowledge})
    configure_logging(settings.log_level, settings.secrets())
    for warning in misspelt():  # one line each, not fatal: the rest of the settings are good
        log.warning("%s", warning)
    try:
        status: int = args.handler(args, settings)
    except KnowledgeError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 1
    except (SettingsError, InputFileError) as exc:
        print(f"storybot {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `storybot ask --json - | head` is fine
        return 0
    except KeyboardInterrupt:  # Ctrl-C (`storybot ask -` reading a terminal, say): no traceback
        return 130  # 128 + SIGINT, as a shell reports it, so a script sees it was cut short
    return status


def _settings() -> Settings | None:
    """Return the settings, or None once each thing wrong with them is said in one line."""
    unreadable = env_file_problem()  # read by every settings class: check it once, first
    if unreadable:
        print(unreadable, file=sys.stderr)
        return None
    try:
        return Settings()
    except ValidationError as exc:
        print(problems(exc), file=sys.stderr)
        return None


def _parser(plugins: bool = True, described: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storybot", description="Answers questions about one news story."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command")
    chat = commands.add_parser("chat", help="talk to the bot in the terminal (no token needed)")
    chat.set_defaults(handler=_chat)
    _knowledge_option(chat)
    ask = commands.add_parser("ask", help="answer one question, or one per line with '-'")
    ask.add_argument(
        "question", nargs="+", help="the question (quotes optional), or - to read one per line"
    )
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument(
        "--explain", action="store_true", help="show the candidates, their evidence and why"
    )
    ask.add_argument(
        "--log-gaps", action="store_true", help="log it to `storybot gaps` if unanswered"
    )
    ask.set_defaults(handler=_ask)
    _knowledge_option(ask)
    validate = commands.add_parser("validate", help="check a knowledge folder")
    folder = validate.add_mutually_exclusive_group()  # as every command takes it, or bare
    folder.add_argument("folder", nargs="?", type=Path, help="the same as --knowledge DIR")
    _knowledge_option(folder, "the knowledge folder to check")
    validate.set_defaults(handler=maintain_cli.validate)
    ev = commands.add_parser(
        "eval",
        help="score a question set (JSON lines)",
        description="Score a question set: one JSON object a line, with id, question, scope "
        "(in or out), and for in-scope ones expect_any, expect_all, must_not (strings the "
        "answer must hold one of, all of, none of); tags optional.",
    )
    ev.add_argument("file", type=Path)
    ev.add_argument("--misses", action="store_true", help="list every question that failed")
    ev.set_defaults(handler=maintain_cli.evaluate)
    _knowledge_option(ev)
    run = commands.add_parser("run", help="start every front end whose settings are complete")
    run.set_defaults(handler=_run)
    gaps = commands.add_parser("gaps", help="the questions it could not answer, most asked first")
    doing = gaps.add_mutually_exclusive_group()  # "--forget --yaml" must not ignore one
    doing.add_argument("--yaml", action="store_true", help="print draft FAQ entries for them")
    doing.add_argument("--add", action="store_true", help="append those drafts to faq.yaml")
    doing.add_argument("--forget", action="store_true", help="erase every logged question")
    gaps.add_argument("--limit", type=int, default=20, help="how many groups (default 20)")
    gaps.set_defaults(handler=_gaps)
    _knowledge_option(gaps, "the knowledge folder to match against and --add to")
    config = commands.add_parser("config", help="print the effective settings, secrets masked")
    config.set_defaults(handler=_config)
    for name in command_names() if plugins else ():  # `storybot invite`, from front ends
        about = _first_line(command(name).__doc__) if described else "a front end's command"
        commands.add_parser(name, help=about).set_defaults(handler=_frontend_command)
    return parser


def _knowledge_option(
    command: argparse.ArgumentParser | argparse._MutuallyExclusiveGroup,
    what: str = "the knowledge folder to answer from",
) -> None:
    command.add_argument(
        "--knowledge", type=Path, metavar="DIR", help=f"{what} (default: STORYBOT_KNOWLEDGE_DIR)"
    )


def _frontend_command(args: argparse.Namespace, settings: Settings) -> int:
    status: int = command(args.command)()
    return status


def _first_line(doc: str | None) -> str:
    line = (doc or "").strip().splitlines()[0] if doc and doc.strip() else ""
    return line.split(": ", 1)[-1].rstrip(".")


def _engine(settings: Settings) -> Engine:
    return Engine.from_settings(settings)


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.serving.frontends import terminal
    from bot.serving.service import StoryBot

    _quiet(settings)  # log lines would interleave with the chat
    run = terminal()
    bot = StoryBot(_engine(settings), settings, _gap_store(settings))
    try:
        status: int = run(bot)
    finally:
        bot.close()  # the gaps still queued are written before the chat ends
    return status


def _quiet(settings: Settings) -> None:
    """Show only warnings while a command prints answers, unless debugging was asked for."""
    if settings.log_level.upper() != "DEBUG":
        logging.getLogger().setLevel(logging.WARNING)


def _gap_store(settings: Settings) -> SqliteGapStore | None:
    """Open the gaps log, or go on without it (a read-only disk must not stop the bot)."""
    from bot.gaps.writer import open_gaps

    return open_gaps(settings.gaps_path, settings.gaps_max_rows)


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    args.question = " ".join(args.question)  # `storybot ask who signed the deal` works too
    for option in ("explain", "log_gaps"):  # one JSON object a line is the whole contract
        if getattr(args, option) and args.question == "-":
            name = "--" + option.replace("_", "-")
            print(f"storybot ask: {name} takes one question, not '-'", file=sys.stderr)
            return 2
    engine = _engine(settings)
    if args.log_gaps:
        from bot.serving.service import StoryBot  # through the service, which logs what it declines

        _quiet(settings)  # the service's log line is not the answer

        bot = StoryBot(engine, settings, _gap_store(settings))
        _print_answer(args.question, bot.answer(Query(text=args.question)), args.json)
        bot.close()
        return 0
    if args.question != "-":
        decision = engine.decide(Query(text=args.question))
        _print_answer(args.question, decision.answer, args.json)
        if args.explain:  # with --json, stdout stays one JSON object
            shown = explain(decision, engine=engine)
            print(f"\n{shown}", file=sys.stderr if args.json else sys.stdout)
        return 0
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    for line in stdin:
        question = line.rstrip("\r\n")
        _print_answer(question, engine.answer(Query(text=question)), as_json=True)
        sys.stdout.flush()
    return 0


def _print_answer(question: str, answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(_as_record(question, answer), ensure_ascii=False))
        return
    print(answer.text)
    if answer.source:
        print(f'\nSource: "{answer.source}"')
    for suggestion in answer.suggestions:
        print(f"  - {suggestion.question}")


def _as_record(question: str, answer: Answer) -> dict[str, object]:
    return {
        "question": question,
        "answered": answer.answered,
        "answer": answer.text,
        "confidence": answer.confidence,
        "source": answer.source,
        "entry_id": answer.entry_id,
        "suggestions": [s.question for s in answer.suggestions],
    }


def _run(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bot.serving.frontends import installed
    from bot.serving.runner import configured, serve_all
    from bot.serving.service import StoryBot

    chosen = configured(installed())
    if not chosen:
        print(NOTHING_TO_RUN, file=sys.stderr)
        return 2
    log.info("storybot: starting %s", ", ".join(r.frontend.name for r in chosen))
    engine = _engine(settings)  # read before the loop starts: handlers never block on it
    bot = StoryBot(engine, settings, _gap_store(settings))  # no store: the log is off
    return asyncio.run(serve_all(bot, chosen))


def _gaps(args: argparse.Namespace, settings: Settings) -> int:
    from bot.gaps.commands import gaps

    return gaps(args, settings, _engine)


def _config(args: argparse.Namespace, settings: Settings) -> int:
    return show(settings)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storybot")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"
