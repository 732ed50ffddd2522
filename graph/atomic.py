"""Atomic file output: write to a temporary file beside the target, then rename.

A failure part-way leaves no half-written file and never damages an existing one.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from briefgraph.errors import ExportError


@contextlib.contextmanager
def open_output(target: str | os.PathLike | IO[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Yield a text handle for ``target``: a path (written atomically), ``"-"`` (stdout),
    or an already open text file (written as is)."""
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
        return
    if str(target) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with io.open(fd, "w", encoding=encoding, newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(target: str | os.PathLike | IO[str], text: str) -> None:
    """Write ``text`` to ``target`` atomically (see :func:`open_output`)."""
    with open_output(target) as fh:
        fh.write(text)
