"""A replaced engine is freed in the background, piece by piece, and only once it is unused."""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, field

import pytest

from bot.knowledge import retiring
from bot.knowledge.retiring import retire


@dataclass
class Node:
    name: str
    children: list[Node] = field(default_factory=list)
    index: dict[str, Node] = field(default_factory=dict)


def tree(width: int = 50, depth: int = 3) -> Node:
    root = Node("root")
    level = [root]
    for d in range(depth):
        nxt = []
        for parent in level:
            for i in range(width if d == 0 else 3):
                child = Node(f"{parent.name}/{i}")
                parent.children.append(child)
                parent.index[child.name] = child
                nxt.append(child)
        level = nxt
    return root


def test_everything_is_freed_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int]] = []  # (thread, parts): another test's engine may be retiring
    real = retiring._emptied

    def spy(item: object) -> list[object]:
        parts = real(item)
        seen.append((threading.get_ident(), len(parts)))
        return parts

    monkeypatch.setattr(retiring, "_emptied", spy)
    old = tree()
    leaf = weakref.ref(old.children[-1].children[-1].children[-1])
    old.children += [Node(str(n)) for n in range(5_000)]  # a list longer than one slice
    proxy_holder = Node("with a proxy")
    old.children.append(proxy_holder)
    proxy_holder.index["gone"] = weakref.proxy(Node("dies at once"))  # type: ignore[assignment]
    thread = retire(old)
    del old, proxy_holder
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert leaf() is None
    taken = [parts for ident, parts in seen if ident == thread.ident]
    assert sum(1 for n in taken if n) > 150  # the nodes were taken apart, not freed whole
    assert max(taken) <= retiring._CHUNK + 1  # no container was emptied in one go


def test_what_the_new_engine_shares_is_left_whole() -> None:
    shared = tree(width=5)
    old = Node("old", children=[shared], index={"shared": shared})
    thread = retire(old)
    del old
    thread.join(timeout=10)
    assert len(shared.children) == 5
    assert all(len(c.children) == 3 and len(c.index) == 3 for c in shared.children)


def test_an_answer_still_running_on_the_old_engine_finishes_on_it_whole() -> None:
    old = tree(width=5)
    in_use = old  # an answer that took the engine before the swap
    thread = retire(old)
    del old
    time.sleep(0.2)
    assert thread.is_alive()  # waiting for the answer to let go
    assert len(in_use.children) == 5 and in_use.children[0].index
    first = weakref.ref(in_use.children[0])
    del in_use
    thread.join(timeout=10)
    assert first() is None
