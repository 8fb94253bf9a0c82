"""Article files and JSON Lines -> Article records, with validation.

Accepted inputs: files in the seed format (` date YYYY-MM-DD ` header, then
the text), directories of them (searched recursively for *.txt and *.jsonl),
and JSON Lines with `id`, `date`, `title`, `url`, `source`, `text`. Each
article's id is derived from a hash of its date and text, so the same article
gets the same id wherever it comes from.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReadError
from kg.records import Article

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
HEADER = re.compile(r"\A\s*date\s+(\S+)\s")
JSONL_FIELDS = ("id", "date", "title", "url", "source", "text")
SUFFIXES = {".txt", ".jsonl"}
NUL = b"\x00"


def article_id(date: dt.date, text: str) -> str:
    """Stable id of an article: 16 hex digits of the SHA-256 of its date and text."""
    return _sha256(date, text)[:16]


def _sha256(date: dt.date, text: str) -> str:
    return hashlib.sha256(f"{date.isoformat()}\n{text}".encode()).hexdigest()


def parse_date(value: str, where: str) -> dt.date:
    """An ISO date `YYYY-MM-DD`; a clear error for a missing or impossible one."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ReadError("E004", where, f"missing or malformed date {value!r}: expected YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ReadError("E005", where, f"impossible date {value!r} ({exc})") from exc


def make_article(date: dt.date, text: str, *, title: str = "", url: str = "", source: str = "", path: str = "") -> Article:
    """An Article with its content-hash id; the title defaults to the first line when it reads as a headline."""
    if not title:
        first = text.strip().split("\n", 1)[0].strip()
        if "\n" in text.strip() and len(first) < 200 and not first.endswith((".", '"', "\u201d")):
            title = first
    digest = _sha256(date, text)
    return Article(id=digest[:16], date=date, text=text, title=title, url=url, source=source, path=path, sha256=digest)


def _decode(path: Path, max_bytes: int) -> str:
    where = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError("E008", where, f"{size} bytes is over the limit of {max_bytes} bytes (raise it with --max-bytes)")
    raw = path.read_bytes()
    if not raw.strip():
        raise ReadError("E001", where, "file is empty: nothing to read")
    if NUL in raw:
        raise ReadError("E002", where, f"binary data: NUL byte at offset {raw.index(NUL)}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError("E003", where, f"not valid UTF-8 at byte {exc.start}: save the file as UTF-8") from exc


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article in the seed format."""
    content = _decode(path, max_bytes)
    match = HEADER.match(content)
    if not match:
        raise ReadError("E004", str(path), "missing date header: the file must start with ' date YYYY-MM-DD '")
    date = parse_date(match.group(1), str(path))
    text = content[match.end():]
    if not text.strip():
        raise ReadError("E011", str(path), "article has a date header but no text")
    return make_article(date, text, source=path.parent.name, path=str(path))


def read_jsonl_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Articles of a JSON Lines file; a bad line yields its error and the file goes on."""
    content = _decode(path, max_bytes)
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield _jsonl_article(line, where)
        except ReadError as exc:
            yield exc


def _jsonl_article(line: str, where: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError("E006", where, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise ReadError("E006", where, "a line must be a JSON object")
    missing = [f for f in JSONL_FIELDS if not isinstance(obj.get(f), str)]
    if missing:
        raise ReadError("E007", where, f"missing or non-string fields: {', '.join(missing)} (required: {', '.join(JSONL_FIELDS)})")
    if "\x00" in obj["text"]:
        raise ReadError("E002", where, "text holds a NUL character")
    if not obj["text"].strip():
        raise ReadError("E011", where, "article text is empty")
    date = parse_date(obj["date"], where)
    return make_article(date, obj["text"], title=obj["title"], url=obj["url"], source=obj["source"], path=where)


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Every article under the given files and directories, or the error that stopped it.

    Errors are yielded, not raised, so one bad file never stops a batch.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield ReadError("E010", str(path), "no such file or directory")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not files:
                yield ReadError("E009", str(path), "directory holds no *.txt or *.jsonl articles")
            for file in files:
                yield from _read_file(file, max_bytes)
        else:
            yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    try:
        if path.suffix == ".jsonl":
            yield from read_jsonl_file(path, max_bytes)
        else:
            yield read_text_file(path, max_bytes)
    except ReadError as exc:
        yield exc
