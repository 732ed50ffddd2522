"""Where output goes: special files written in place, symbolic links followed, read-only files
refused, the output checked before any work, and OS errors (permission, read-only file system,
full disk, closed or broken stdout) as one ``Error:`` line. Each case runs the real command in a
child process; special files live in a temporary folder or a private mount namespace, never in
the real /dev."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from briefgraph.pipeline import bundled_brief

ROOT = Path(__file__).resolve().parents[1]


def briefgraph(*args, **kwargs) -> subprocess.CompletedProcess:
    """The real command (``python -m briefgraph``) in a child process."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-m", "briefgraph", *map(str, args)], **kwargs)


def one_error(done: subprocess.CompletedProcess, *fragments: str, code: int = 1) -> None:
    assert done.returncode == code, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph") / "graph.json"
    done = briefgraph("ingest", bundled_brief(), "-o", out, "--quiet")
    assert done.returncode == 0, done.stderr
    return out


def test_a_fifo_is_written_in_place(graph_file, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = {}

    def read():
        with open(fifo, "rb") as fh:
            received["data"] = fh.read()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done = briefgraph("export", "json", graph_file, "-o", fifo)
    reader.join(timeout=60)
    if reader.is_alive():  # nothing opened the FIFO: release the reader before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a file renamed over it
    assert json.loads(received["data"])["format"] == "briefgraph"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file beside it


def test_a_link_to_a_fifo_is_written_through(graph_file, tmp_path):
    # like /dev/stdout, a link to whatever fd 1 is; here in a temporary folder
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out"
    link.symlink_to(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        done = briefgraph("export", "json", graph_file, "-o", link)
        data = reader.communicate(timeout=60)[0]
    finally:
        if reader.poll() is None:
            reader.kill()
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(data)["format"] == "briefgraph"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "pipe"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_written_in_place_not_replaced(graph_file, tmp_path):
    null = tmp_path / "null"  # the null device (1, 3), made in a temporary folder
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    done = briefgraph("export", "json", graph_file, "-o", null)
    assert done.returncode == 0, done.stderr
    st = os.lstat(null)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_symbolic_link_is_followed_and_its_target_replaced(graph_file, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    done = briefgraph("export", "json", graph_file, "-o", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "briefgraph"


def test_a_dangling_link_creates_its_target(graph_file, tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    done = briefgraph("export", "json", graph_file, "-o", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and json.loads((tmp_path / "made.json").read_text(encoding="utf-8"))


def test_a_read_only_file_is_refused_and_kept(graph_file, tmp_path):
    target = tmp_path / "keep.json"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o444)
    for args in (["export", "json", graph_file], ["export", "html", graph_file],
                 ["export", "cypher", graph_file], ["ingest", bundled_brief()]):
        one_error(briefgraph(*args, "-o", target), "keep.json is read-only")
        assert target.read_text(encoding="utf-8") == "precious"


def test_the_output_folder_is_checked_before_any_work(tmp_path):
    # the binary brief would fail the ingest; the missing folder is reported first, so the
    # check comes before reading a single brief (on a corpus: at once, not after an hour)
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    done = briefgraph("ingest", bundled_brief(), binary, "-o", tmp_path / "no" / "such" / "g.json")
    one_error(done, "folder", "does not exist")
    done = briefgraph("ingest", bundled_brief(), "-o", tmp_path)  # click's own check: a usage error
    assert done.returncode == 2 and "is a directory" in done.stderr and "Traceback" not in done.stderr


def test_demo_in_a_folder_that_cannot_be_made_is_one_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    one_error(briefgraph("demo", "--output-dir", blocker / "demo", "-q"), "cannot make folder", "Not a directory")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root to run the command as another user (setpriv)")
def test_a_folder_without_write_permission_is_one_error(graph_file):
    # a real EACCES: the command runs as 'nobody' in a folder owned by root
    shared = Path(tempfile.mkdtemp(prefix="briefgraph-eacces-"))
    try:
        shared.chmod(0o755)
        graph = shared / "graph.json"
        shutil.copy(graph_file, graph)
        graph.chmod(0o644)
        locked = shared / "locked"
        locked.mkdir(mode=0o755)
        cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable, "-m",
               "briefgraph", "export", "json", str(graph), "-o", str(locked / "out.json")]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "HOME": str(shared), "BRIEFGRAPH_CACHE": str(shared / "cache")})
        one_error(done, "not writable", "permission denied")
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def _in_private_mount(script: str, mount_point: Path) -> subprocess.CompletedProcess:
    """Run ``script`` (sh) in a private mount namespace: mounts made there vanish with it."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("a private mount namespace needs root and unshare")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -m is not allowed here: {probe.stderr.decode(errors='replace').strip()}")
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "MNT": str(mount_point), "PY": sys.executable})


def test_a_full_disk_is_one_error_and_the_old_file_stays(graph_file, tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    # a 16 KiB tmpfs holding a small old file: the new graph (about 100 KB) does not fit
    script = ('mount -t tmpfs -o size=16k tmpfs "$MNT" && printf old > "$MNT/out.json" && '
              f'"$PY" -m briefgraph export json {graph_file} -o "$MNT/out.json"; rc=$?; '
              'echo "rc=$rc" >&2; ls -A "$MNT" >&2; cat "$MNT/out.json" >&2')
    done = _in_private_mount(script, mnt)
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Error: cannot write") and "the disk is full" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert lines[1:] == ["rc=1", "out.json", "old"]  # no temporary file left, the old file intact


def test_stdout_on_a_full_disk_is_one_error(graph_file, tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    script = ('mount -t tmpfs -o size=16k tmpfs "$MNT" && '
              f'"$PY" -m briefgraph export json {graph_file} -o - > "$MNT/out.json"; echo "rc=$?" >&2')
    done = _in_private_mount(script, mnt)
    lines = done.stderr.splitlines()
    assert lines == ["Error: cannot write to stdout: the disk is full", "rc=1"], done.stderr


def test_a_read_only_file_system_is_one_error(graph_file, tmp_path):
    mnt = tmp_path / "ro"
    mnt.mkdir()
    script = ('mount -t tmpfs -o size=1m,ro tmpfs "$MNT" && '
              f'"$PY" -m briefgraph export json {graph_file} -o "$MNT/out.json"; echo "rc=$?" >&2')
    done = _in_private_mount(script, mnt)
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == "rc=1", done.stderr
    assert lines[0].startswith("Error: cannot write") and "read-only file system" in lines[0]


@pytest.mark.parametrize("args", [["show", "{graph}"], ["timeline", "{graph}"],
                                  ["export", "json", "{graph}", "-o", "-"]])
def test_a_closed_stdout_is_one_error(graph_file, args):
    line = " ".join(a.format(graph=graph_file) for a in args)
    done = subprocess.run(["sh", "-c", f'"$PY" -m briefgraph {line} >&-'], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PY": sys.executable})
    one_error(done, "stdout", "closed")


def test_a_reader_that_goes_away_is_one_error(tmp_path):
    # a timeline far larger than a pipe's buffer, read for a few bytes only
    nodes = [{"id": f"event:{i}", "kind": "Event", "name": f"Meeting number {i} " + "x" * 200,
              "aliases": [], "date": "2020", "event_type": "Meeting", "evidence": []} for i in range(2000)]
    graph = tmp_path / "big.json"
    graph.write_text(json.dumps({"format": "briefgraph", "schema_version": 1, "documents": [],
                                 "nodes": nodes, "edges": []}), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "briefgraph", "timeline", str(graph)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    one_error(subprocess.CompletedProcess(proc.args, proc.returncode, "", stderr), "pipe")
