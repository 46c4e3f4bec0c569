"""`heartwork analyze --format jsonl` against hostile input, through the real command in a subprocess.

Properties: one output line per input line, in order; a bad line gives an error object for that line (with how
to fix it) and processing continues; the exit code is non-zero when any line failed; never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HEARTWORK = Path(sys.executable).with_name("heartwork")
# Each example runs the real command in a subprocess: few examples, no deadline; tmp_path is shared by them.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _strict_json(line: str) -> dict[str, object]:
    def no_constants(name: str) -> object:
        raise ValueError(f"non-standard JSON constant {name} in output")

    obj = json.loads(line, parse_constant=no_constants)
    assert isinstance(obj, dict)
    return obj


def run_jsonl(data: bytes, tmp_path: Path, timeout: float = 300) -> tuple[int, list[dict[str, object]], str]:
    env = {**os.environ, "HEARTWORK_HOME": str(tmp_path)}
    proc = subprocess.run(
        [str(HEARTWORK), "analyze", "--format", "jsonl"],
        input=data,
        capture_output=True,
        env=env,
        timeout=timeout,
    )
    stdout = proc.stdout.decode("utf-8")  # the output itself must always be valid UTF-8
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "Traceback" not in stdout, stderr
    # JSON lines are separated by "\n" only (str.splitlines would also split on U+2028 etc. inside strings)
    rows = [_strict_json(x) for x in stdout.split("\n") if x]
    return proc.returncode, rows, stderr


def test_jsonl_hostile_lines_each_get_an_answer(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "You never listen to me!"}).encode(),
        b"\xff\xfe not utf-8 \xc3\x28",
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"id": 7, "text": 42}).encode(),
        json.dumps({"id": {"nested": 1}, "text": "hi"}).encode(),
        json.dumps({"id": "ctx", "text": "hi", "context": ["x"]}).encode(),
        json.dumps({"id": "blank", "text": "   "}).encode(),
        b"",
        json.dumps({"id": "nul", "text": "ok\x00then\x07bell\x1b[31mred"}).encode(),
        json.dumps({"id": "rtl", "text": "\u202eI want to die\u202c"}).encode(),
        json.dumps({"id": "big", "text": "you always " * 50_000}).encode(),
        b'{"id": "nan", "text": "NaN id", "score": NaN}',
        json.dumps({"id": "ok2", "text": "He checks my phone."}).encode(),
    ]
    code, rows, _ = run_jsonl(b"\n".join(lines) + b"\n", tmp_path)
    assert code != 0
    assert len(rows) == len(lines)
    by_line = dict(enumerate(rows, 1))
    for n in (2, 3, 4, 5, 6, 7, 8, 9):
        assert "error" in by_line[n], (n, by_line[n])
        assert isinstance(by_line[n]["error"], str) and by_line[n]["error"]
    assert by_line[1]["id"] == "ok1" and "error" not in by_line[1]
    assert by_line[10]["id"] == "nul" and "error" not in by_line[10]
    assert by_line[11]["safety"]["risk"] is True  # type: ignore[index]
    assert by_line[12]["id"] == "big" and "error" not in by_line[12]
    assert by_line[14]["id"] == "ok2" and by_line[14]["safety"]["risk"] is True  # type: ignore[index]
    for row in rows:
        if "error" in row:
            continue
        text = row["text"]
        assert isinstance(text, str)
        for f in row["patterns"]:  # type: ignore[attr-defined]
            assert text[f["start"] : f["end"]] == f["evidence"]


def test_jsonl_all_good_lines_exit_zero_in_order(tmp_path: Path) -> None:
    msgs = [f"message {i}: you always forget" for i in range(600)]  # more than one internal batch
    data = "\n".join(json.dumps({"id": i, "text": m}) for i, m in enumerate(msgs)).encode() + b"\n"
    code, rows, _ = run_jsonl(data, tmp_path)
    assert code == 0
    assert [r["id"] for r in rows] == list(range(600))


@pytest.mark.slow
@FUZZ
@given(
    st.lists(
        st.binary(max_size=200).filter(lambda b: b"\n" not in b and b"\r" not in b), min_size=1, max_size=15
    )
)
def test_jsonl_random_bytes_never_crash(tmp_path: Path, chunks: list[bytes]) -> None:
    code, rows, _ = run_jsonl(b"\n".join(chunks) + b"\n", tmp_path, timeout=120)
    assert len(rows) == len(chunks)
    failed = any("error" in r for r in rows)
    assert (code != 0) == failed
    assert code in (0, 1)


@pytest.mark.slow
@FUZZ
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "context", "speaker", "extra"]),
            st.one_of(
                st.text(max_size=40),
                st.integers(),
                st.none(),
                st.booleans(),
                st.lists(st.integers(), max_size=2),
            ),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_jsonl_random_objects_never_crash(tmp_path: Path, objs: list[dict[str, object]]) -> None:
    data = b"\n".join(json.dumps(o).encode() for o in objs) + b"\n"
    code, rows, _ = run_jsonl(data, tmp_path, timeout=120)
    assert len(rows) == len(objs)
    for o, r in zip(objs, rows, strict=True):
        good = isinstance(o.get("text"), str) and bool(str(o.get("text")).strip())
        good = good and (o.get("context") is None or isinstance(o.get("context"), str))
        good = good and (o.get("speaker") is None or isinstance(o.get("speaker"), str))
        good = good and (o.get("id") is None or isinstance(o.get("id"), str | int | float))
        assert ("error" in r) != good, (o, r)
