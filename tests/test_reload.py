"""Live reload: a save is read once the folder is quiet, never half-written, and a broken
edit never stops the watcher."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving import reloading
from bot.serving.service import StoryBot

SIGNED = "where was the agreement signed?"


def _bot(folder: Path, monkeypatch: pytest.MonkeyPatch) -> StoryBot:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(folder))
    monkeypatch.setenv("STORYBOT_ENCODER", "none")  # the fastest reload: these tests time it
    monkeypatch.setenv("STORYBOT_RATE_USER_BURST", "100000")
    monkeypatch.setenv("STORYBOT_RATE_CHAT_BURST", "100000")
    config = Settings(_env_file=None)
    return StoryBot(Engine.from_settings(config), config)


def _save_in_two_writes(path: Path, text: str, cut: int, pause: float) -> threading.Thread:
    """Save `text` as a slow editor or a copy over the network would: part, pause, the rest."""

    def write() -> None:
        with path.open("w", encoding="utf-8") as file:
            file.write(text[:cut])
            file.flush()
            time.sleep(pause)
            file.write(text[cut:])

    writer = threading.Thread(target=write)
    writer.start()
    return writer


async def _until(condition, seconds: float, what: str) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < seconds, f"{what} did not happen in {seconds} s"
        await asyncio.sleep(0.02)
    return time.monotonic() - start


@pytest.mark.anyio
async def test_a_save_in_two_writes_is_never_served_half_written(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, monkeypatch)
    faq = knowledge_copy / "faq.yaml"
    whole = faq.read_text(encoding="utf-8").replace("In Beijing, where", "In Beijing (v2), where")
    cut = whole.index("  - id: signing-place")  # this prefix alone is a valid faq.yaml
    entries = len(bot.engine.knowledge.faq)
    stop = asyncio.Event()
    watcher = asyncio.create_task(bot.watch(stop))
    try:
        await asyncio.sleep(0.5)  # the watcher is up
        writer = _save_in_two_writes(faq, whole, cut, pause=0.6)
        served: set[int] = set()

        def new_version_served() -> bool:
            served.add(len(bot.engine.knowledge.faq))
            return "(v2)" in bot.answer(Query(text=SIGNED)).text

        took = await _until(new_version_served, 10, "the finished save being served")
        writer.join()
        assert served == {entries}, f"a half-written faq.yaml was served: {sorted(served)} entries"
        print(f"\nsave in two writes 0.6 s apart: whole file served {took:.2f}s after it began")
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


@pytest.mark.anyio
async def test_a_broken_edit_is_logged_and_the_next_good_edit_still_loads(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot = _bot(knowledge_copy, monkeypatch)
    faq = knowledge_copy / "faq.yaml"
    good = faq.read_text(encoding="utf-8")
    stop = asyncio.Event()
    watcher = asyncio.create_task(bot.watch(stop))
    try:
        await asyncio.sleep(0.5)
        faq.write_text(good.replace("    phrasings:\n", "    phrasings: &a [*a]\n    x:\n", 1))

        def rejected() -> bool:
            return any("reload rejected" in r.getMessage() for r in caplog.records)

        await _until(rejected, 10, "the rejection")
        faq.write_text(good.replace("In Beijing, where", "In Beijing (fixed), where"))
        await _until(lambda: "(fixed)" in bot.answer(Query(text=SIGNED)).text, 10, "the fix")
        [record] = [r for r in caplog.records if "reload rejected" in r.getMessage()]
        assert "faq.yaml:9: aliases" in record.getMessage() and not record.exc_info
        assert not watcher.done()
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


def test_a_save_landing_while_the_knowledge_is_read_is_not_served(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, monkeypatch)
    faq = knowledge_copy / "faq.yaml"
    whole = faq.read_text(encoding="utf-8")
    faq.write_text(whole.replace("In Beijing, where", "In Beijing (v2), where"))
    read = Engine.from_settings

    def read_then_a_save_lands(settings: Settings) -> Engine:
        engine = read(settings)
        faq.write_text(whole[: whole.index("  - id: signing-place")])  # the next save begins
        return engine

    monkeypatch.setattr(Engine, "from_settings", read_then_a_save_lands)
    assert not bot.reload()
    assert "(v2)" not in bot.answer(Query(text=SIGNED)).text  # what was read is stale: kept out


def test_the_engine_a_reload_replaces_is_freed_in_the_background(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = _bot(knowledge_copy, monkeypatch)
    old = weakref.ref(bot.engine)
    old_entry = weakref.ref(bot.engine.entries[0])
    assert bot.reload()
    deadline = time.monotonic() + 10
    while (old() is not None or old_entry() is not None) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert old() is None and old_entry() is None
    assert bot.answer(Query(text=SIGNED)).answered  # the new engine was left whole


# ── a folder swapped in under the configured path ────────────────────────────
def _mv(path: Path, new: Path) -> Path:
    """Deploy as `mv knowledge knowledge.old && mv knowledge.new knowledge`; return the old."""
    old = path.with_name("knowledge.old")
    path.rename(old)
    new.rename(path)
    return old


def _ln(path: Path, new: Path) -> Path:
    """Switch a symlink as `ln -sfn new current` does (a new link renamed over the old)."""
    old = path.resolve()
    link = path.with_name("current.tmp")
    link.symlink_to(new.name)
    link.replace(path)
    return old


def _mv_after_a_gap(path: Path, new: Path) -> Path:
    """Deploy with the path missing for longer than the watcher checks it."""
    old = path.with_name("knowledge.old")
    path.rename(old)
    time.sleep(0.8)
    new.rename(path)
    return old


@pytest.mark.anyio
@pytest.mark.parametrize("swap", [_mv, _ln, _mv_after_a_gap], ids=["mv", "ln -sfn", "missing"])
async def test_a_folder_swapped_in_is_served_and_watched_and_the_old_one_ignored(
    swap: Callable[[Path, Path], Path],
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # quicker checks than a deployment's, so the test is quick; the logic is the same
    monkeypatch.setattr(reloading, "QUIET_MS", 300)
    monkeypatch.setattr(reloading, "POLL_MS", 300)
    caplog.set_level(logging.INFO)
    served = knowledge_copy
    if swap is _ln:  # STORYBOT_KNOWLEDGE_DIR is a link to the version being served
        served = knowledge_copy.with_name("current")
        served.symlink_to(knowledge_copy.name)
    new = knowledge_copy.with_name("knowledge.new")
    shutil.copytree(knowledge_copy, new)
    faq = (new / "faq.yaml").read_text(encoding="utf-8")
    (new / "faq.yaml").write_text(faq.replace("In Beijing, where", "In Beijing (v2), where"))
    bot = _bot(served, monkeypatch)
    stop = asyncio.Event()
    watcher = asyncio.create_task(bot.watch(stop))

    def reloads() -> int:
        return sum("knowledge reloaded" in r.getMessage() for r in caplog.records)

    def serves(mark: str) -> Callable[[], bool]:
        return lambda: mark in bot.answer(Query(text=SIGNED)).text

    try:
        await asyncio.sleep(0.5)
        old = await asyncio.to_thread(swap, served, new)
        await _until(serves("(v2)"), 5, "the new folder being served")
        await _until(lambda: reloads() == 1, 1, "the reload's log line")  # served, then logged
        (old / "faq.yaml").write_text(faq.replace("In Beijing, where", "In Beijing (old), where"))
        await asyncio.sleep(1.5)  # the quiet time and a reload, had the old folder been watched
        assert reloads() == 1, "an edit to the folder no longer served caused a reload"
        (served / "faq.yaml").write_text(faq.replace("In Beijing, where", "In Beijing (v3), where"))
        await _until(serves("(v3)"), 5, "an edit to the new folder being served")
        assert not watcher.done()
        if swap is _mv_after_a_gap:
            missing = [r for r in caplog.records if "is missing" in r.getMessage()]
            assert len(missing) == 1, "a missing path is logged once, not at every check"
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


@pytest.mark.anyio
async def test_a_chmod_or_touch_on_the_folder_itself_reads_nothing_again(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(reloading, "QUIET_MS", 200)
    monkeypatch.setattr(reloading, "POLL_MS", 300)
    caplog.set_level(logging.INFO)
    reloads: list[float] = []
    stop = asyncio.Event()

    def reload() -> bool:
        reloads.append(time.monotonic())
        return True

    watcher = asyncio.create_task(reloading.watch_folder(knowledge_copy, reload, stop))
    try:
        await asyncio.sleep(0.5)
        knowledge_copy.chmod(0o750)  # what chmod, chown or rsync -a does to the folder
        os.utime(knowledge_copy)  # and touch
        await asyncio.sleep(1.2)  # the quiet time and a reload, had it been taken for a swap
        assert reloads == [], "the same folder with the same files was read again"
        assert "was replaced" not in caplog.text
        (knowledge_copy / "faq.yaml").touch()  # still watched: an edit is read
        await _until(lambda: len(reloads) == 1, 3, "the edit's reload")
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)


@pytest.mark.anyio
async def test_a_folder_removed_and_made_again_in_place_is_read(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reloading, "QUIET_MS", 300)
    monkeypatch.setattr(reloading, "POLL_MS", 300)
    saved = {p.name: p.read_bytes() for p in knowledge_copy.iterdir() if p.is_file()}
    bot = _bot(knowledge_copy, monkeypatch)
    stop = asyncio.Event()
    watcher = asyncio.create_task(bot.watch(stop))
    try:
        await asyncio.sleep(0.5)
        shutil.rmtree(knowledge_copy)  # rm -rf knowledge && mkdir knowledge: the inode may be
        knowledge_copy.mkdir()  # reused at once, so only the folder's own events tell
        for name, data in saved.items():
            data = data.replace(b"In Beijing, where", b"In Beijing (v2), where")
            (knowledge_copy / name).write_bytes(data)
        await _until(lambda: "(v2)" in bot.answer(Query(text=SIGNED)).text, 5, "the new folder")
        assert not watcher.done()
    finally:
        stop.set()
        await asyncio.wait_for(watcher, 5)
