"""Live reload of the knowledge folder: only once it is quiet, and only what stayed put.

Editors and copies save a file in pieces; a prefix of `faq.yaml` cut at a line is often valid
YAML with fewer entries. So a reload waits until nothing in the folder has changed for
`QUIET_MS`, and the engine it builds is served only if the files did not change meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

QUIET_MS = 1000  # a save with pauses shorter than this is read whole
SETTLE_MAX_MS = 30_000  # a folder that never stops changing is read this often at least

FolderState = tuple[tuple[str, int, int], ...]


def folder_state(folder: Path) -> FolderState:
    """Return the name, size and modification time of every file in `folder`."""
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        return tuple((p.name, (s := p.stat()).st_size, s.st_mtime_ns) for p in files)
    except OSError:  # the folder is being replaced: compare unequal to anything real
        return (("", -1, -1),)


async def watch_folder(folder: Path, reload: Callable[[], bool], stop: asyncio.Event) -> None:
    """Call `reload` (in a thread) each time `folder` has changed and then been quiet."""
    from watchfiles import awatch  # only a running bot needs it

    log.info("watching %s for edits (reloading after %d ms without changes)", folder, QUIET_MS)
    # watchfiles yields once no change has come for `step` ms (or `debounce` ms have passed)
    async for _ in awatch(folder, stop_event=stop, debounce=SETTLE_MAX_MS, step=QUIET_MS):
        await asyncio.to_thread(reload)
