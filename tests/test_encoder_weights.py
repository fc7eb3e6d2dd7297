"""The encoder's weights are mapped from the wheel's file, not read into memory."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from bot.errors import SettingsError
from bot.matching.encoder import _WORDLLAMA_WEIGHTS, _mapped


def _weights() -> Path:
    spec = importlib.util.find_spec("wordllama")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / _WORDLLAMA_WEIGHTS


def test_the_mapped_table_is_the_one_safetensors_reads() -> None:
    safetensors = pytest.importorskip("safetensors")  # wordllama's own reader, installed with it
    mapped = _mapped(_weights(), "embedding.weight")
    with safetensors.safe_open(str(_weights()), framework="np") as weights:
        read = weights.get_tensor("embedding.weight")
    assert isinstance(mapped, np.memmap) and mapped.dtype == np.dtype("<f2")
    assert mapped.shape == read.shape and np.array_equal(mapped, read)


def _written(folder: Path, dtype: str, data: bytes, cut: int = 0, shape: tuple = (2, 2)) -> Path:
    header = json.dumps({"t": {"dtype": dtype, "shape": list(shape), "data_offsets": [0, 8]}})
    path = folder / "w.safetensors"
    whole = len(header).to_bytes(8, "little") + header.encode() + data
    path.write_bytes(whole[: len(whole) - cut])
    return path


@pytest.mark.parametrize(
    ("dtype", "cut", "shape", "name"),
    [
        ("F32", 0, (2, 2), "t"),  # another kind of number
        ("F16", 2, (2, 2), "t"),  # the file cut short
        ("F16", 0, (4,), "t"),  # not a table
        ("F16", 0, (2, 2), "embedding.weight"),  # no such tensor
    ],
)
def test_weights_of_another_kind_or_size_are_refused_by_name(
    tmp_path: Path, dtype: str, cut: int, shape: tuple, name: str
) -> None:
    path = _written(tmp_path, dtype, np.arange(4, dtype="<f2").tobytes(), cut, shape)
    with pytest.raises(SettingsError, match=r"w\.safetensors: not float16 weights"):
        _mapped(path, name)


def test_a_well_formed_table_reads_back_little_endian(tmp_path: Path) -> None:
    values = np.arange(4, dtype="<f2")
    assert np.array_equal(_mapped(_written(tmp_path, "F16", values.tobytes()), "t").ravel(), values)
    (tmp_path / "w.safetensors").write_bytes(b"\xff" * 8 + b"{}")  # a header of no sense
    with pytest.raises(SettingsError):
        _mapped(tmp_path / "w.safetensors", "t")
