"""File output that never damages what is already on disk.

A regular file is written to a temporary file beside it, then renamed over it: a failure
part-way leaves no half-written file and the old one intact. Anything else is written as it is:
``"-"`` is stdout, a special file (``/dev/null``, a FIFO, a terminal) is opened and written
directly (renaming over a device node would replace the device with a file), a symbolic link is
followed (its target is replaced, the link stays a link). A read-only file is refused, not
silently replaced. :func:`check_output` runs the same checks without writing, so a command can
refuse an unusable output before hours of work rather than after.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from briefgraph.errors import OutputError


def _is_stream(target: object) -> bool:
    return hasattr(target, "write")


def _resolve(target: str | os.PathLike) -> Path:
    """The file that writing ``target`` really changes: a symbolic link's final target."""
    path = Path(target)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _is_special(target: str | os.PathLike) -> bool:
    """True if ``target`` (links followed) exists and is neither a regular file nor a folder:
    a device, a FIFO, a socket, a terminal. ``/dev/stdout`` is one, whatever fd 1 is."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _stdout() -> IO[str]:
    out = sys.stdout
    if out is None or getattr(out, "closed", False):
        raise OutputError("cannot write to stdout: it is closed", hint="give a file with -o FILE")
    return out


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def check_output(target: str | os.PathLike | IO[str]) -> None:
    """Raise OutputError if ``target`` cannot be written; write nothing.

    Checks what can be known before the work: a missing folder, a directory given as the
    file, a read-only file, a folder the user may not write in, a closed stdout.

    Examples
    --------
    >>> check_output("-")
    >>> check_output("/no/such/folder/graph.json")
    Traceback (most recent call last):
    ...
    briefgraph.errors.OutputError: cannot write /no/such/folder/graph.json: folder /no/such/folder does not exist
    """
    if _is_stream(target):
        return
    if str(target) == "-":
        _stdout()
        return
    given = Path(target)
    if _is_special(given):
        if not os.access(given, os.W_OK):
            raise OutputError(f"cannot write {given}: permission denied")
        return  # a device or FIFO is written in place: its folder does not matter
    path = _resolve(given)
    if path.is_dir():
        raise OutputError(f"{given} is a directory; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {given}: folder {parent} does not exist")
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {given}: {_describe(exc)}") from None
    if st is not None and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise OutputError(f"{given} is read-only; it is not replaced",
                          hint=f"make it writable (chmod u+w {given}) or choose another file")
    if not os.access(parent, os.W_OK | os.X_OK):
        read_only = False
        with contextlib.suppress(OSError):
            read_only = bool(os.statvfs(parent).f_flag & os.ST_RDONLY)
        reason = "it is on a read-only file system" if read_only else "permission denied"
        raise OutputError(f"cannot write {given}: folder {parent} is not writable ({reason})")


@contextlib.contextmanager
def open_output(target: str | os.PathLike | IO[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Yield a text handle for ``target``: a path (a regular file is written atomically, a
    special file directly, a symbolic link's target replaced), ``"-"`` (stdout), or an already
    open text file (written as is). Raise OutputError, with the reason on one line, when the
    target cannot be written (see :func:`check_output`) or the write fails (a full disk)."""
    if _is_stream(target):
        yield target  # type: ignore[misc]
        return
    check_output(target)
    if str(target) == "-":
        out = _stdout()
        try:
            yield out
            out.flush()
        except BrokenPipeError:
            raise  # the reader went away: the command line says so
        except OSError as exc:
            raise OutputError(f"cannot write to stdout: {_describe(exc)}") from None
        return
    given = Path(target)
    if _is_special(given):
        try:
            with open(given, "w", encoding=encoding, newline="\n") as fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"cannot write {given}: {_describe(exc)}") from None
        return
    path = _resolve(given)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write {given}: {_describe(exc)}") from None
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
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise OutputError(f"cannot write {given}: {_describe(exc)}; nothing was changed") from None
        raise


def write_text(target: str | os.PathLike | IO[str], text: str) -> None:
    """Write ``text`` to ``target`` atomically (see :func:`open_output`)."""
    with open_output(target) as fh:
        fh.write(text)
