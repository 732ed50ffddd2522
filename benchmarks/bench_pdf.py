"""PDF briefs: `briefgraph ingest` of a 10-page PDF as a whole command (pages per second, kB of text per CPU second), beside the same brief as text.

The PDF is the bundled brief typeset by ``benchmarks.publish`` (footnotes at the foot of the
pages, running headers, page numbers), its body repeated to ten pages. ``kB of text`` is the
UTF-8 size of the text the PDF reader made. ``compare_libraries`` times the candidate PDF
libraries on the same file when they are installed (they are not dependencies), which is how
pypdfium2 was chosen: ``python -m benchmarks.bench_pdf --libraries``.
"""

from __future__ import annotations

import ctypes
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

KB = 1000


def make_pdf(directory: Path, pages: int = 10) -> tuple[Path, Path]:
    """The bundled brief as a PDF of about ``pages`` pages, and as text of the same body."""
    from benchmarks.publish import brief_from_text, write_pdf
    from briefgraph.pipeline import bundled_brief

    brief = brief_from_text(bundled_brief().read_text(encoding="utf-8"))
    pdf = directory / f"brief-{pages}p.pdf"
    write_pdf(brief, pdf, pad_to=pages)
    from briefgraph.loaders.document import load

    text = directory / f"brief-{pages}p.txt"
    text.write_text(load(pdf).text, encoding="utf-8")  # the text the reader made, ingested as text
    return pdf, text


def run(runs: int = 3, quick: bool = False) -> list[dict[str, Any]]:
    from benchmarks.runner import briefgraph_command, run_process
    from briefgraph.loaders.document import load

    runs = 1 if quick else runs
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefgraph-bench-pdf-") as tmp:
        work = Path(tmp)
        pdf, text = make_pdf(work, 10)
        doc = load(pdf)
        pages = max(s.page or 0 for s in doc.sentences)
        kb = len(doc.text.encode("utf-8")) / KB
        for label, path in (("10-page PDF", pdf), ("same text as .txt", text)):
            walls, cpus = [], []
            for _ in range(runs):
                r = run_process([*briefgraph_command(), "ingest", str(path), "-o", str(work / "g.json"), "-q"],
                                sample=False)
                if r.returncode:
                    raise RuntimeError(f"ingest {path.name} failed: {r.stderr.strip()[-300:]}")
                walls.append(r.seconds)
                cpus.append(r.cpu_seconds)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            t0 = time.process_time()
            for _ in range(runs):
                load(path)
            load_cpu = (time.process_time() - t0) / runs
            rows.append({"input": label, "pages": pages if path == pdf else "-", "kB text": round(kb, 1),
                         "whole command s": round(wall, 3), "CPU s": round(cpu, 3),
                         "pages per s": round(pages / wall, 1) if path == pdf else "-",
                         "kB text per CPU s": round(kb / cpu, 1),
                         "load alone ms": round(load_cpu * 1000, 1)})
    return rows


# -- the library choice ----------------------------------------------------------------------

def _pypdfium2(path: Path) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(path)
    n = 0
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        for k in range(raw.FPDFText_CountChars(tp.raw)):
            raw.FPDFText_GetUnicode(tp.raw, k)
            raw.FPDFText_GetFontSize(tp.raw, k)
            raw.FPDFText_GetCharOrigin(tp.raw, k, ctypes.byref(x), ctypes.byref(y))
            n += 1
    return n


def _pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len([(c["text"], c["size"], c["x0"], c["top"]) for c in p.chars]) for p in pdf.pages)


def _pdfminer(path: Path) -> int:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def count(o) -> int:
        if isinstance(o, LTChar):
            return 1
        return sum(count(c) for c in getattr(o, "_objs", None) or [])
    return sum(count(p) for p in extract_pages(path))


def _pypdf(path: Path) -> int:
    from pypdf import PdfReader

    runs: list[tuple] = []  # pypdf reports text runs with their matrix, not characters
    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append((text, tm, size)))
    return sum(len(r[0]) for r in runs)


CANDIDATES = {"pypdfium2": _pypdfium2, "pdfplumber": _pdfplumber, "pdfminer.six": _pdfminer, "pypdf": _pypdf}


def compare_libraries(path: Path) -> list[dict[str, Any]]:
    """Seconds to get every character (or run) with its position and size, per installed library."""
    rows = []
    for name, fn in CANDIDATES.items():
        try:
            t0 = time.perf_counter()
            n = fn(path)
            rows.append({"library": name, "seconds": round(time.perf_counter() - t0, 3), "characters": n})
        except ImportError:
            rows.append({"library": name, "seconds": "not installed", "characters": "-"})
    return rows


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    rows = run()
    for r in rows:
        print(r)
    if "--libraries" in args:
        with tempfile.TemporaryDirectory() as tmp:
            pdf, _ = make_pdf(Path(tmp), 10)
            for r in compare_libraries(pdf):
                print(r)


if __name__ == "__main__":
    main()
