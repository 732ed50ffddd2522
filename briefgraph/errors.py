"""The exceptions briefgraph raises. The CLI turns each into one ``Error: ...`` line."""

from __future__ import annotations


class BriefgraphError(Exception):
    """Base class: every error the library raises on purpose.

    ``hint`` is an optional sentence telling the user how to fix it.
    """

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint

    def __reduce__(self):  # keep the hint when an error crosses a process boundary (--jobs)
        return (type(self), (str(self), self.hint))


class InputError(BriefgraphError):
    """Raised when an input file is missing, empty, binary, a directory or badly encoded,
    or when a graph file is not valid briefgraph JSON."""


class CorrectionsError(InputError):
    """Raised when a corrections file is malformed (the message names the file and line), before
    any work starts."""


class SchemaError(BriefgraphError):
    """Raised when a graph uses a node kind, edge type or property the schema does not allow,
    or when the schema file itself is malformed."""


class StoreError(BriefgraphError):
    """Raised when a store (Neo4j) cannot be reached, refuses the credentials, or fails mid-write."""


class QueryError(BriefgraphError):
    """Raised when a Cypher query is unknown, malformed, lacks a parameter, or cannot run on
    the chosen backend."""


class ExportError(BriefgraphError):
    """Raised when an export cannot be produced (e.g. an unknown format or an empty graph)."""



class BriefgraphWarning(UserWarning):
    """Issued (``warnings.warn``) for input that is read but looks wrong, such as a PDF of
    hundreds of pages; the CLI shows it as one ``Warning: ...`` line."""


class OutputError(ExportError):
    """Raised when an output cannot be written: a missing folder, a directory given as a file,
    a read-only file or folder, a full disk, a closed stdout. (An ExportError: the export was
    not produced.)"""


class Interrupted(BriefgraphError):
    """Raised when a signal (SIGINT, SIGTERM) stops a long operation part-way, after the
    operation has tidied up; the message says what was done before it stopped. ``signum`` is
    the signal, so the CLI can exit with the conventional 128 + signum."""

    def __init__(self, message: str, hint: str | None = None, signum: int = 2):
        super().__init__(message, hint)
        self.signum = signum

    def __reduce__(self):
        return (type(self), (str(self), self.hint, self.signum))


class Terminated(KeyboardInterrupt):
    """Raised by the command line's SIGTERM handler, so that a termination unwinds (workers
    stopped, temporary files removed) exactly as Ctrl-C does. ``signum`` is the signal."""

    def __init__(self, signum: int = 15):
        super().__init__(signum)
        self.signum = signum
