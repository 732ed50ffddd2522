"""The document model: header, stitching across page breaks, footnotes and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgraph.errors import InputError
from briefgraph.loaders.document import load, parse

FIXTURES = Path(__file__).parent / "fixtures"


def test_header_of_bundled_brief(brief_doc):
    assert brief_doc.title == "Enhancing Cooperation: Pakistan-Azerbaijan Multi-Sectoral Partnership"
    assert brief_doc.author == "Syed Basim Raza"
    assert brief_doc.editor == "Dr. Talat Shabbir"
    assert brief_doc.publisher == "ISSI"
    assert brief_doc.date.value == "2024-08-15"


def test_sentence_broken_by_footnote_block_is_stitched(brief_doc):
    hits = [s for s in brief_doc.sentences if "Joint Commission at Ministerial Level" in s.text]
    assert len(hits) == 1
    s = hits[0]
    assert "was signed, to provide an institutional mechanism" in s.text
    assert s.footnotes == (4,)
    # the sentence spans the footnote block in the original file
    assert "Ministry of Foreign Affairs" in brief_doc.text[s.start:s.end]
    assert brief_doc.text[s.start:].startswith("Similarly, in 1995")


def test_every_sentence_maps_back_to_the_original(brief_doc):
    for s in brief_doc.sentences:
        for i, ch in enumerate(s.text):
            orig = brief_doc.text[s.original(i)]
            assert orig == ch or (ch == " " and orig.isspace()), (s.index, i, ch, orig)


def test_footnotes_numbers_ibid_and_escapes(brief_doc):
    assert sorted(brief_doc.footnotes) == list(range(1, 16))
    assert brief_doc.footnotes[4].ibid_of == 3
    assert brief_doc.footnotes[6].text.startswith('"GDP (Current US$)')  # \$ undone
    assert all("\\$" not in s.text for s in brief_doc.sentences)


def test_markdown_fixture_with_plain_numbered_footnotes():
    doc = load(FIXTURES / "page_breaks.md")
    assert doc.title == "A Small Test Brief"
    assert doc.author == "Jane Q. Writer" and doc.editor == "Dr. John Editor"
    assert doc.date.value == "2023-03-03"
    stitched = [s for s in doc.sentences if "which was signed, to provide a framework" in s.text]
    assert len(stitched) == 1 and stitched[0].footnotes == (1,)
    assert doc.footnotes[2].ibid_of == 1
    assert any("$5 billion" in s.text for s in doc.sentences)


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02binary\x00", "binary file"),
    ("caf\u00e9 brief".encode("latin-1"), "not UTF-8"),
])
def test_bad_input_is_refused_clearly(tmp_path, content, message):
    p = tmp_path / "brief.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load(p)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load(tmp_path)


def test_utf16_with_bom_is_decoded(tmp_path):
    p = tmp_path / "brief.txt"
    p.write_bytes("Title\n\nPakistan and Azerbaijan met in Baku on 3 July 2024 to talk about trade and more trade. "
                  "It went well for both of the two sides in the end.".encode("utf-16"))
    assert load(p).sentences


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_any_text_parses_and_offsets_point_back(text):
    doc = parse(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start] == s.text[0]
        assert text[s.end - 1] == s.text[-1]
