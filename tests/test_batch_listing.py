"""The fact files a batch lists come in Path's own order (part by part), whatever the names hold.

A batch of 10,000 events lists its fact files on every run; the order decides which of two files with one id
wins and the order rejections are reported in, so a faster sort key must give exactly Path's order."""

from __future__ import annotations

from pathlib import Path

from writer.factbase.files import event_file_names, event_files

# Names whose plain string order differs from Path's: characters that sort before the separator ("-", ".", " ",
# "!", "+"), a folder and a file sharing a start, nesting, non-ASCII.
FOLDERS = ["a", "a-b", "a.b", "a b", "a!", "a+c", "ab", "a/b", "a/b-c", "a/b/c", "Ä", "z"]
FILES = ["x.yaml", "x-1.yaml", "x.1.yaml", "x 2.yml", "b.yaml", "éa.yaml"]


def test_listing_is_in_path_order(tmp_path):
    made = []
    for folder in FOLDERS:
        for name in FILES:
            p = tmp_path / folder / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("id: x\n", encoding="utf-8")
            made.append(p)
    (tmp_path / "a" / "sources.yaml").write_text("sources: {}\n", encoding="utf-8")  # never an event file
    listed = event_file_names([tmp_path])
    assert listed == [str(p) for p in sorted(made)]
    assert event_files([tmp_path]) == sorted(made)


def test_plain_string_order_would_differ(tmp_path):
    """The case the key exists for: 'a/x' comes before 'a-b/x' by parts, after it by characters."""
    for folder in ("a", "a-b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.yaml").write_text("id: x\n", encoding="utf-8")
    listed = event_file_names([tmp_path])
    assert [Path(p).parent.name for p in listed] == ["a", "a-b"]
    assert sorted(listed) != listed
