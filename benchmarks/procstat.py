"""A process's resident memory from /proc, with no imports from the project: the benchmark
runner samples its children with it, and a measuring child run as a script reads its own."""

from __future__ import annotations


def status_mb(pid: int | str = "self") -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB: its resident memory now and at its peak so far
    (0.0 where /proc cannot tell)."""
    rss = hwm = 0.0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss, hwm
