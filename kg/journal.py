"""A build's journal: every article's extraction record appended as it is done, so a killed build can resume.

The journal is a file of pickled frames, one per finished article (its
Extraction, or the ExtractError that replaced it), each frame written whole
and handed to the operating system before the next (a killed process loses
none), and synced to the disk at least once a second and on close (a machine
that loses power loses at most that second's articles, which resuming
redoes: a sync per article cost 3 ms each, more than some articles' whole
extraction). A frame cut short is ignored on reading, so resuming never
reads half an article: it redoes it. Records only: no spaCy, no rdflib.
"""
from __future__ import annotations

import os
import pickle
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_HEADER = struct.Struct(">Q")
SYNC_SECONDS = 1.0  # the longest a handed-over frame waits for its sync to the disk


class Journal:
    """Append-only record of finished articles at `path` (created on first write)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fh = None
        self._synced = 0.0  # time.monotonic() of the last sync

    def __iter__(self) -> Iterator[Any]:
        """Every whole frame written so far, in order; a torn last frame is left out."""
        for _, item in self.frames():
            yield item

    def frames(self) -> Iterator[tuple[int, Any]]:
        """(offset, item) of every whole frame, in order."""
        for offset, _, body in self._whole():
            yield offset, pickle.loads(body)

    def _whole(self) -> Iterator[tuple[int, int, bytes]]:
        """(start, end, pickled body) of every whole frame; reading stops at a frame cut short."""
        if not self.path.is_file():
            return
        with open(self.path, "rb") as fh:
            while len(head := fh.read(_HEADER.size)) == _HEADER.size:
                offset = fh.tell() - _HEADER.size
                (size,) = _HEADER.unpack(head)
                body = fh.read(size)
                if len(body) < size:
                    return
                yield offset, fh.tell(), body

    def read(self, offset: int) -> Any:
        """The item of the frame at `offset` (from `frames` or `append`)."""
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            (size,) = _HEADER.unpack(fh.read(_HEADER.size))
            return pickle.loads(fh.read(size))

    def done(self) -> set[str]:
        """Ids of the articles the journal holds."""
        return {_article_id(item) for item in self}

    def append(self, item: Any) -> int:
        """Write one finished item, hand it to the operating system and sync the file if the last sync is a second old;
        returns its frame's offset."""
        if self._fh is None:
            self._truncate_torn_tail()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "ab")
        offset = self._fh.tell()
        body = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._fh.write(_HEADER.pack(len(body)) + body)
        self._fh.flush()
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            os.fsync(self._fh.fileno())
            self._synced = time.monotonic()
        return offset

    def _truncate_torn_tail(self) -> None:
        """Cut a frame a kill left half-written, so new frames follow the last whole one."""
        if not self.path.is_file():
            return
        good = max((end for _, end, _ in self._whole()), default=0)  # the end of the last whole frame
        if good != self.path.stat().st_size:
            with open(self.path, "r+b") as fh:
                fh.truncate(good)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None


def _article_id(item: Any) -> str:
    article = getattr(item, "article", None)
    return article.id if article is not None else item.article_id
