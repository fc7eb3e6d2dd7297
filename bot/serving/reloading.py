"""Live reload of the knowledge folder: only once it is quiet, and only what stayed put.

Editors and copies save a file in pieces; a prefix of `faq.yaml` cut at a line is often valid
YAML with fewer entries. So a reload waits until nothing in the folder has changed for
`QUIET_MS`, and the engine it builds is served only if the files did not change meanwhile.

A deploy may also replace the whole folder (`mv knowledge.new knowledge`, or `ln -sfn v2
current` when the configured path is a symlink). The file watcher follows the folder it was
given, not the path, so the path's identity (device and inode of what it leads to) is checked
every `POLL_MS`; when it changes, the new folder is read once it is quiet and watched from then on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # watchfiles is imported only when a bot runs
    from watchfiles import Change

log = logging.getLogger(__name__)

QUIET_MS = 1000  # a save with pauses shorter than this is read whole
SETTLE_MAX_MS = 30_000  # a folder that never stops changing is read this often at least
POLL_MS = 1000  # a folder swapped in under the path is noticed within about this long

FolderState = tuple[tuple[str, int, int], ...]
FolderIdentity = tuple[int, int]  # (device, inode) of the folder a path leads to


def folder_state(folder: Path) -> FolderState:
    """Return the name, size and modification time of every file in `folder`."""
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        return tuple((p.name, (s := p.stat()).st_size, s.st_mtime_ns) for p in files)
    except OSError:  # the folder is being replaced: compare unequal to anything real
        return (("", -1, -1),)


def folder_identity(folder: Path) -> FolderIdentity | None:
    """Return the device and inode of the folder `folder` leads to now, or None if none."""
    try:
        stat = folder.stat()  # follows symlinks: a switched link leads to another inode
    except OSError:  # mid-swap, or removed
        return None
    return (stat.st_dev, stat.st_ino)


async def watch_folder(folder: Path, reload: Callable[[], bool], stop: asyncio.Event) -> None:
    """Call `reload` (in a thread) each time `folder` has changed and then been quiet.

    When another folder takes the path's place, it is read once quiet and watched instead.
    """
    log.info("watching %s for edits (reloading after %d ms without changes)", folder, QUIET_MS)
    watched = folder_identity(folder)
    swapped = False  # the knowledge served was read from another folder than `watched`
    while not stop.is_set():
        if watched is None:
            log.warning("%s is missing; checking again every %d ms", folder, POLL_MS)
            watched, swapped = await _until_present(folder, stop), True
            continue
        try:
            await _watch_while_same(folder, watched, reload, stop, swapped)
        except FileNotFoundError:  # gone between the check and the watch starting
            await _pause(stop)
        if stop.is_set():
            return
        watched, swapped = folder_identity(folder), True
        if watched is not None:
            log.info("%s was replaced: reading the new folder and watching it instead", folder)


async def _watch_while_same(
    folder: Path,
    watched: FolderIdentity,
    reload: Callable[[], bool],
    stop: asyncio.Event,
    swapped: bool,
) -> None:
    """Reload on each quiet change until `stop`, or until `folder` is no longer `watched`.

    With `swapped`, the first quiet moment reloads even without a change: the watch is set
    up before that read, so a save that lands while it reads is seen and read again.
    """
    from watchfiles import awatch  # only a running bot needs it

    # watchfiles yields once no change has come for `step` ms (or `debounce` ms have passed),
    # and an empty set after `rust_timeout` ms without any: the moment to check the path
    batches = awatch(
        folder,
        stop_event=stop,
        debounce=SETTLE_MAX_MS,
        step=QUIET_MS,
        rust_timeout=POLL_MS,
        yield_on_timeout=True,
    )
    async with contextlib.aclosing(batches):  # leaving early stops watching the old folder now
        async for changes in batches:
            # the path leads elsewhere, or the folder itself was removed (a new one may reuse
            # its inode at once): stop, so that edits to a folder no longer served are ignored
            if folder_identity(folder) != watched or _removed_or_added(folder, changes):
                return
            if _within(folder, changes) or swapped:
                swapped = False
                await asyncio.to_thread(reload)


def _removed_or_added(folder: Path, changes: set[tuple[Change, str]]) -> bool:
    """Return whether `folder` itself was removed or created, rather than what it holds.

    A chmod, chown or touch on the folder (rsync -a does all three) is a modification of it:
    the same folder with the same files, nothing to read again.
    """
    from watchfiles import Change

    itself = folder.absolute()
    return any(
        kind is not Change.modified and Path(path).absolute() == itself for kind, path in changes
    )


def _within(folder: Path, changes: set[tuple[Change, str]]) -> bool:
    """Return whether any of `changes` is to what `folder` holds, not to the folder's own mode."""
    itself = folder.absolute()
    return any(Path(path).absolute() != itself for _, path in changes)


async def _until_present(folder: Path, stop: asyncio.Event) -> FolderIdentity | None:
    """Wait, checking every `POLL_MS`, until `folder` exists again (or `stop`)."""
    while not stop.is_set():
        await _pause(stop)
        found = folder_identity(folder)
        if found is not None:
            return found
    return None


async def _pause(stop: asyncio.Event) -> None:
    """Wait `POLL_MS`, or less if `stop` is set meanwhile."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), POLL_MS / 1000)
