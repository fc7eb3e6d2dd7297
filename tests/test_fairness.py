"""In a group every asker gets a turn: busy moments wait, loud accounts get their share only."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.matching.engine import Engine
from bot.models import AnswerKind, ChatKind, Query
from bot.serving.fairness import Gate
from bot.serving.ratelimit import Limit, Verdict
from bot.serving.service import StoryBot

pytestmark = pytest.mark.anyio
SIGNED = "where was the agreement signed?"


class VirtualTime:
    """A clock and a sleep whose time moves only when every task is asleep: minutes in ms."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def run(self, jobs: list[Awaitable[object]]) -> None:
        tasks = [asyncio.ensure_future(job) for job in jobs]
        while not all(t.done() for t in tasks):
            for _ in range(10):  # let every task that can run reach its next sleep
                await asyncio.sleep(0)
            if self._sleepers:
                when, _, future = heapq.heappop(self._sleepers)
                self.now = max(self.now, when)
                future.set_result(None)
        for task in tasks:
            task.result()


def _gate(time: VirtualTime, settings: Settings | None = None) -> Gate:
    settings = settings or Settings(_env_file=None)
    return Gate(
        user=Limit(settings.rate_user_burst, settings.rate_user_per_minute),
        chat=Limit(settings.rate_chat_burst, settings.rate_chat_per_minute),
        clock=time.clock,
        sleep=time.sleep,
    )


def _asker(
    time: VirtualTime, gate: Gate, at: float, user: str, log: list[tuple[str, Verdict, float]]
) -> Callable[[], Awaitable[None]]:
    async def ask() -> None:
        await time.sleep(at)
        verdict = await gate.wait("telegram", "-100group", user)
        log.append((user, verdict, time.now - at))

    return ask


async def test_thirty_people_asking_once_within_ten_seconds_are_all_answered() -> None:
    """Before: 23 answered, 2 told to wait, 5 met silence."""
    time, log = VirtualTime(), []
    gate = _gate(time)
    await time.run([_asker(time, gate, n / 3, f"person{n}", log)() for n in range(30)])
    verdicts = Counter(v for _, v, _ in log)
    waits = [w for _, v, w in log]
    print(f"\n30 in 10 s: {dict(verdicts)}, longest wait {max(waits):.0f}s")
    assert verdicts == {Verdict.ALLOW: 30}
    assert max(waits) <= 60


async def test_four_loud_accounts_cannot_starve_the_other_members() -> None:
    """Before: with four accounts asking at their own limit, others got 1 answer in 30."""
    time, log = VirtualTime(), []
    gate = _gate(time)
    loud = [  # each keeps asking, every second for 10 minutes: always at its own limit
        _asker(time, gate, float(k), f"loud{n}", log)() for n in range(4) for k in range(600)
    ]
    members = [_asker(time, gate, 5.0 + 20.0 * k, f"member{k}", log)() for k in range(30)]
    await time.run(loud + members)
    answered = [w for user, v, w in log if user.startswith("member") and v is Verdict.ALLOW]
    loud_answered = sum(1 for user, v, _ in log if user.startswith("loud") and v is Verdict.ALLOW)
    print(f"\nmembers answered {len(answered)}/30 (longest wait {max(answered):.0f}s),", end=" ")
    print(f"loud accounts answered {loud_answered} of {len(loud)} questions in 10 minutes")
    assert len(answered) == 30 and max(answered) <= 10
    assert loud_answered <= 20 + 20 * 10  # the group's pace holds: nothing past Telegram's


async def test_a_question_that_waited_is_counted_in_its_askers_share() -> None:
    time, log = VirtualTime(), []
    gate = _gate(time)
    # the bucket is empty and two wait: the one answered least in the last minute goes first
    jobs = [_asker(time, gate, 0.0, f"early{n}", log)() for n in range(19)]
    jobs += [_asker(time, gate, 0.0, "regular", log)(), _asker(time, gate, 1.0, "regular", log)()]
    jobs += [_asker(time, gate, 2.0, "newcomer", log)()]
    await time.run(jobs)
    order = [user for user, v, _ in log if v is Verdict.ALLOW]
    assert order.index("newcomer") < len(order) - 1 and order[-1] == "regular"


def _bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine, **env: str) -> StoryBot:
    monkeypatch.setenv("STORYBOT_DATA_DIR", str(tmp_path))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return StoryBot(engine, Settings(_env_file=None))


async def test_a_busy_group_waits_its_turn_instead_of_being_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine
) -> None:
    """The burst at real speed: a group paced at 10 answers a second, 12 people at once."""
    bot = _bot(
        tmp_path,
        monkeypatch,
        engine,
        STORYBOT_RATE_CHAT_BURST="4",
        STORYBOT_RATE_CHAT_PER_MINUTE="600",
    )
    asked = [
        Query(
            text=SIGNED, platform="telegram", chat_id="-1", user_id=str(n), chat_kind=ChatKind.GROUP
        )
        for n in range(12)
    ]
    answers = await asyncio.gather(*(bot.ask(q) for q in asked))
    assert Counter(a.kind for a in answers) == {AnswerKind.ANSWER: 12}


def test_the_terminal_chat_has_no_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine
) -> None:
    bot = _bot(tmp_path, monkeypatch, engine)
    answers = [bot.answer(Query(text=SIGNED)) for _ in range(40)]
    assert Counter(a.kind for a in answers) == {AnswerKind.ANSWER: 40}


def _anonymous_admin_message(group: int) -> object:
    from datetime import UTC, datetime

    from telegram import Chat, Message, User

    chat = Chat(id=group, type="supergroup", title="Moon fans")
    # Telegram sends every anonymous admin as this one bot user, in every group
    anonymous = User(id=1087968824, first_name="Group", is_bot=True, username="GroupAnonymousBot")
    return Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=chat,
        from_user=anonymous,
        sender_chat=chat,
        text="@storybot where was the agreement signed?",
    )


def test_an_anonymous_admin_is_counted_per_group_and_answered() -> None:
    from adapters.telegram_adapter import addressed_text, to_query

    first, second = _anonymous_admin_message(-1001), _anonymous_admin_message(-1002)
    users = {to_query(m, "q").user_id for m in (first, second)}  # type: ignore[arg-type]
    assert len(users) == 2 and "1087968824" not in " ".join(users)
    assert addressed_text(first, bot_id=42, bot_username="storybot") is not None  # type: ignore[arg-type]


def test_a_chat_remembers_only_recent_askers() -> None:
    from bot.serving.fairness import FairPace

    pace = FairPace(Limit(20, 20))
    for n in range(5_000):  # one new person every 4 s for five and a half hours
        pace.admit("telegram:-1", f"person{n}", now=4.0 * n)
    assert len(pace._chats["telegram:-1"].served) <= 300
