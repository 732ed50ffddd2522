"""Reading a file the user named, with one clear error for each way that can fail."""

from __future__ import annotations

from pathlib import Path

from briefgraph.errors import InputError


def read_input(path: str | Path, what: str, *, missing: str = "file",
               error: type[InputError] = InputError) -> bytes:
    """The bytes of ``path``; raise ``error`` when it is a directory ("... is a directory, not
    ``what``"), missing ("...: no such ``missing``") or unreadable."""
    p = Path(path)
    if p.is_dir():
        raise error(f"{p} is a directory, not {what}")
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise error(f"{p}: no such {missing}") from None
    except OSError as exc:
        raise error(f"cannot read {p}: {exc.strerror}") from None
