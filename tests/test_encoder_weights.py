"""The encoder's weights are mapped from the wheel's file, not read into memory."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from safetensors import safe_open  # wordllama's own reader, installed with it

from bot.errors import SettingsError
from bot.matching.encoder import _mapped


def _weights() -> Path:
    spec = importlib.util.find_spec("wordllama")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "weights/l2_supercat_256.safetensors"


def test_the_mapped_table_is_the_one_safetensors_reads() -> None:
    mapped = _mapped(_weights(), "embedding.weight")
    with safe_open(str(_weights()), framework="np") as weights:
        read = weights.get_tensor("embedding.weight")
    assert isinstance(mapped, np.memmap) and mapped.dtype == np.float16
    assert mapped.shape == read.shape and np.array_equal(mapped, read)


def _written(folder: Path, dtype: str, data: bytes) -> Path:
    header = json.dumps({"t": {"dtype": dtype, "shape": [2, 2], "data_offsets": [0, len(data)]}})
    path = folder / "w.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header.encode() + data)
    return path


def test_weights_of_another_kind_or_size_are_refused(tmp_path: Path) -> None:
    values = np.arange(4, dtype=np.float16)
    assert np.array_equal(_mapped(_written(tmp_path, "F16", values.tobytes()), "t").ravel(), values)
    with pytest.raises(SettingsError, match="not float16"):
        _mapped(_written(tmp_path, "F32", np.zeros(4, np.float32).tobytes()), "t")
    with pytest.raises(SettingsError, match="bytes"):
        _mapped(_written(tmp_path, "F16", values.tobytes()[:6]), "t")
