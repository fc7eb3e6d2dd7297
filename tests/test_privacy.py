"""The gaps log keeps no one's identity, stays private on disk, and stays small and quick."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from bot import cli
from bot.config import Settings
from bot.gaps.report import canonical_key, group_gaps
from bot.gaps.store import Gap, SqliteGapStore
from bot.gaps.writer import open_gaps
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving.service import StoryBot

DATA = Path(__file__).parent / "data"
GRAVITY = "what is the gravity like on the moon?"
IDENTIFYING = [
    "@alice_khan",
    "<@123456789012345678>",
    "+92 300 1234567",
    "0300-1234567",
    "alice.khan@example.com",
    "https://t.me/alice_khan",
    "t.me/alice_khan",
    "tg://user?id=987654321",
    "www.example.org/profile",
    "5551234567",
]


def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str) -> Settings:
    monkeypatch.setenv("STORYBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("STORYBOT_ENCODER", "none")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)


def _stored_bytes(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))


def test_mentions_ids_phones_emails_and_links_are_scrubbed_before_storing(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path, monkeypatch)
    bot = StoryBot(engine, settings, SqliteGapStore(settings.gaps_path))
    for n, who in enumerate(IDENTIFYING):
        bot.answer(Query(text=f"{who} {GRAVITY}", platform="telegram", chat_id="1", user_id=str(n)))
    assert bot.gaps is not None
    stored = bot.gaps.all()
    assert len(stored) == len(IDENTIFYING)
    assert all("gravity like on the moon" in g.question for g in stored)
    raw = _stored_bytes(settings.gaps_path)
    for who in IDENTIFYING:
        assert who.encode() not in raw, who
    for digits in ("123456789012345678", "1234567", "987654321", "5551234567", "alice"):
        assert digits.encode() not in raw, digits


@pytest.mark.parametrize(
    "question",
    ["when will the base be ready, 2028-2030?", "did 17 countries join?", "is it 384400 km away?"],
)
def test_scrubbing_keeps_years_counts_and_distances(question: str, tmp_path: Path) -> None:
    store = SqliteGapStore(tmp_path / "g.sqlite3")
    store.add(Gap(time.time(), "discord", "k", question, None, 0.1))
    assert [g.question for g in store.all()] == [question]


def test_the_chat_hash_cannot_be_recomputed_from_the_database(tmp_path: Path) -> None:
    db = tmp_path / "data" / "gaps.sqlite3"
    store = SqliteGapStore(db)
    chat = store.chat_key("telegram", "31337")  # a private chat's id is its user's id
    store.add(Gap(time.time(), "telegram", chat, GRAVITY, None, 0.1))
    with sqlite3.connect(db) as conn:
        rows = [*conn.execute("SELECT * FROM meta"), *conn.execute("SELECT * FROM gaps")]
    values = [str(v) for row in rows for v in row]
    # whatever the database holds, none of it is the key that makes the hash
    for value in values:
        guess = hmac.new(value.encode(), b"telegram:31337", hashlib.sha256).hexdigest()[:16]
        assert guess != chat
    key = db.with_name("gaps.sqlite3.key")
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert SqliteGapStore(db).chat_key("telegram", "31337") == chat  # stable across restarts


def test_an_old_databases_salt_is_erased(tmp_path: Path) -> None:
    db = tmp_path / "gaps.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('salt', 'f00dfeedf00dfeed')")
    SqliteGapStore(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT * FROM meta").fetchall() == []


def test_a_database_from_before_keys_were_stored_is_read_and_extended(
    engine: Engine, tmp_path: Path
) -> None:
    db = tmp_path / "gaps.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE gaps (id INTEGER PRIMARY KEY, asked_at REAL NOT NULL, platform TEXT "
            "NOT NULL, chat TEXT NOT NULL, question TEXT NOT NULL, best_entry TEXT, "
            "best_score REAL NOT NULL)"
        )
        conn.execute("INSERT INTO gaps VALUES (1, 1.0, 'discord', 'k', ?, NULL, 0.1)", (GRAVITY,))
    store = SqliteGapStore(db)
    store.add(Gap(2.0, "discord", "k", GRAVITY, None, 0.1, canonical_key(GRAVITY, engine)))
    assert [g.key for g in store.all()] == ["", canonical_key(GRAVITY, engine)]
    assert [g.count for g in group_gaps(store.all(), engine)] == [2]


def test_the_data_folder_and_database_files_are_private(tmp_path: Path) -> None:
    db = tmp_path / "data" / "gaps.sqlite3"
    store = SqliteGapStore(db)
    store.add(Gap(time.time(), "discord", "k", GRAVITY, None, 0.1))
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    files = [db, db.with_name("gaps.sqlite3-wal"), db.with_name("gaps.sqlite3-shm")]
    assert all(f.exists() for f in files)
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}


def test_an_open_folder_and_database_from_before_are_tightened(tmp_path: Path) -> None:
    db = tmp_path / "data" / "gaps.sqlite3"
    SqliteGapStore(db).close()
    db.parent.chmod(0o755)
    db.chmod(0o644)
    SqliteGapStore(db)
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_gaps_path_naming_a_folder_or_a_document_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "home"
    folder.mkdir(mode=0o755)
    document = tmp_path / "notes.txt"
    document.write_text("my notes")
    document.chmod(0o644)
    for path in (folder, document):
        assert open_gaps(path) is None
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(document.stat().st_mode) == 0o644
    assert document.read_text() == "my notes"
    assert not list(tmp_path.glob("*.key"))  # no key made beside someone else's files


def test_past_the_row_cap_the_oldest_questions_are_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path, monkeypatch, STORYBOT_GAPS_MAX_ROWS="5")
    assert settings.gaps_max_rows == 5
    store = SqliteGapStore(settings.gaps_path, settings.gaps_max_rows)
    for n in range(12):
        store.add(Gap(time.time(), "discord", "k", f"question {n}", None, 0.1))
    assert [g.question for g in store.all()] == [f"question {n}" for n in range(7, 12)]


def test_erased_questions_do_not_survive_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    def connect_without_secure_delete(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA secure_delete=OFF")  # as on SQLite builds that default to off
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect_without_secure_delete)
    db = tmp_path / "gaps.sqlite3"
    store = SqliteGapStore(db)
    secret = "where does zainab-the-whistleblower live?"
    store.add(Gap(time.time(), "discord", "k", secret, None, 0.1))
    store.add(Gap(time.time(), "discord", "k", GRAVITY, None, 0.1))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the text is in the database file now
    conn.close()
    assert store.forget() == 2
    store.close()
    assert b"zainab-the-whistleblower" not in _stored_bytes(db)


def test_gaps_prints_control_codes_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = _settings(tmp_path, monkeypatch)
    store = SqliteGapStore(settings.gaps_path)
    hostile = "\x1b]0;pwned\x07\x1b[2J what is \u202egravity\x9b on the moon?"
    store.add(Gap(time.time(), "discord", "k", hostile, None, 0.1))
    assert cli.main(["gaps"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out
    assert r"\x1b]0;pwned\x07" in out and r"\u202egravity" in out


def _real_questions() -> list[str]:
    return [
        json.loads(line)["question"]
        for path in sorted(DATA.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_grouping_50000_logged_questions_takes_under_two_seconds(engine: Engine) -> None:
    """31.9 s for 8,000 questions before: each one was scored against every group."""
    base = _real_questions()
    words = sorted({w for q in base[::40] for w in q.lower().split() if w.isalpha()})[:24]
    # about 25,000 distinct wordings: each real question as asked, and with one more word
    asked = [f"{q} {w}".strip() for w, q in itertools.product(["", *words], base)]
    keys = {q: canonical_key(q, engine) for q in asked}  # the service stores these when logging
    rows = itertools.islice(itertools.cycle(asked), 50_000)
    gaps = [
        Gap(float(n), "telegram", "k", q, "signing-place", 0.1, keys[q]) for n, q in enumerate(rows)
    ]
    start = time.perf_counter()
    groups = group_gaps(gaps, engine)
    elapsed = time.perf_counter() - start
    print(f"\ngrouped 50,000 questions ({len(asked)} wordings) in {elapsed:.2f}s")
    assert elapsed < 2.0
    assert sum(g.count for g in groups) == 50_000
    assert len(groups) < len(asked) / 5  # one more word rarely makes another question


def test_rows_logged_before_keys_were_stored_are_still_grouped(engine: Engine) -> None:
    gaps = [
        Gap(1.0, "discord", "k", "what is the gravity like on the moon?", None, 0.1),
        Gap(2.0, "discord", "k", "what is the gravity on the moon", None, 0.1),
        Gap(3.0, "discord", "k", "who won the cricket match?", None, 0.1),
    ]
    assert [g.count for g in group_gaps(gaps, engine)] == [2, 1]
