"""The order of the stages: read -> nlp -> extract -> resolve -> rdf -> store. Implements none of them.

Failure is per article: an input that cannot be read, an article that is not
English, or any exception while parsing, extracting or resolving one article
becomes a coded error for that article, and the batch goes on.
"""
from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import ExtractError, KGError, ReadError
from kg.records import Article, Extraction


@dataclass
class BuildResult:
    """What a build produced: the extractions (linked across articles), the errors of inputs that failed, and the
    identity decision (`kg.identity.Identity`: canonical nodes, what each merged and why)."""

    extractions: list[Extraction] = field(default_factory=list)
    errors: list[KGError] = field(default_factory=list)
    identity: Any = None


def identity_inputs(decisions: Any = None, gazetteers: Iterable[Any] = ()) -> tuple[list, list]:
    """A decisions file (path) or Decision list, and gazetteer files (paths) or Known lists, read once before any work."""
    from kg.identity import read_decisions, read_gazetteer

    if isinstance(decisions, str | Path):
        decisions = read_decisions(decisions)
    known = []
    for item in gazetteers or ():
        known.extend(read_gazetteer(item) if isinstance(item, str | Path) else item)
    return list(decisions or ()), known


def extract_each(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction | ExtractError]:
    """nlp, extract and resolve for each article, in order; an article that fails yields its ExtractError (E013).

    Articles are parsed in batches; when a batch fails, its articles are parsed
    one by one, so only the article at fault is lost. Long articles are parsed
    in pieces (`kg.nlp.parse`).
    """
    from kg.nlp import PIECE_CHARS, pipeline

    thresholds = _pause_collector()  # the model and the lexicons the first article loads
    try:
        nlp = pipeline()
        articles = list(articles)
        for start in range(0, len(articles), batch_size):
            chunk = articles[start:start + batch_size]
            try:  # a batch with a long article, or one that breaks, is parsed one article at a time below
                short = all(len(a.text) <= PIECE_CHARS for a in chunk)
                docs = list(nlp.pipe((a.text for a in chunk), batch_size=batch_size)) if short else None
            except Exception:
                docs = None
            for i, article in enumerate(chunk):
                item = extract_one(article, docs[i] if docs is not None else None)
                thresholds = _resume_collector(thresholds)
                yield item
    finally:
        _resume_collector(thresholds)
        if not _OWN_PROCESS:
            gc.unfreeze()  # gc.get_referrers and gc.get_objects do not see frozen objects: the caller's process as it was


_OWN_PROCESS = False  # see own_process


def own_process() -> None:
    """Say that this process exists for one build (the CLI, kg's worker processes): what the model and the lexicons
    load stays frozen out of the cyclic collector until the process ends, so neither a later full collection (identity
    across articles) nor the one at exit walks it again (about 0.5 s of CPU). Elsewhere it is unfrozen after the batch."""
    global _OWN_PROCESS
    _OWN_PROCESS = True


def _pause_collector() -> tuple[int, ...]:
    """The cyclic garbage collector's thresholds, then none (empty, untouched, when it was paused already).

    Loading the model and the lexicons makes millions of objects that all live, and each full collection walks them
    all again: about 0.7 s of CPU at start-up. A zero threshold, not gc.disable(): srsly enables the collector again
    while the model loads.
    """
    thresholds = gc.get_threshold()
    if not thresholds[0]:
        return ()
    gc.set_threshold(0)
    return thresholds


def _resume_collector(thresholds: tuple[int, ...]) -> tuple[()]:
    """The thresholds `_pause_collector` took, back (nothing when empty), after what the process holds is frozen out
    of later collections: the model and the cached lexicons live as long as the process. No collection first: it
    would walk all of it once more (0.25 s) to free the few thousand objects in cycles that loading and the first
    article left, which stay."""
    if thresholds:
        gc.freeze()
        gc.set_threshold(*thresholds)
    return ()


def extract_one(article: Article, doc=None) -> Extraction | ExtractError:
    """One article through nlp (unless its Doc is given), extract and resolve; any exception becomes E013."""
    from kg.extract import extract
    from kg.nlp import parse, pipeline
    from kg.resolve import resolve

    try:
        if doc is None:
            doc = parse(pipeline(), article.text)
        extraction, mentions = extract(article, doc)
        return resolve(extraction, mentions)
    except Exception as exc:  # whatever went wrong, it went wrong for this article only
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
        error = ExtractError("E013", article.path or article.id,
                             f"extraction failed ({type(exc).__name__}: {exc}{at}); the batch went on without it: please report it")
        error.__cause__ = exc
        error.article_id = article.id
        return error


def extract_chunk(articles: list[Article]) -> list[Extraction | ExtractError]:
    """extract_each over a chunk of articles, as a list: what a worker process or a Dask task runs."""
    return list(extract_each(articles))


def extract_parallel(articles: Iterable[Article], *, workers: int = 1, scheduler: Any = None,
                     chunk: int = 8) -> Iterator[Extraction | ExtractError]:
    """extract_each here, in `workers` processes, or on a Dask cluster (`scheduler`: an address or a Client); input order kept.

    Each worker loads the pipeline once and is sent chunks of `chunk`
    articles; the records come back in the order the articles went in, so
    the graph does not depend on how the work was spread.
    """
    articles = list(articles)
    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    if scheduler is not None:
        from kg.distributed import map_chunks

        for items in map_chunks(scheduler, extract_chunk, chunks):
            yield from items
    elif workers > 1 and len(chunks) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(min(workers, len(chunks)), initializer=_warm) as pool:
            for items in pool.imap(extract_chunk, chunks):
                yield from items
    else:
        yield from extract_each(articles)


def _warm() -> None:
    """A worker process loads the pipeline once, before its first chunk."""
    from kg.nlp import pipeline

    own_process()
    thresholds = _pause_collector()
    pipeline()
    _resume_collector(thresholds)


def extract_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """nlp, extract and resolve for each article, in order; the first article that fails raises its ExtractError."""
    for item in extract_each(articles, batch_size):
        if isinstance(item, ExtractError):
            raise item
        yield item


def build(paths: Iterable[str | Path], *, max_bytes: int | None = None, progress: Callable[[int], None] | None = None,
          total: Callable[[int], None] | None = None, allow_non_english: bool = False, workers: int = 1,
          scheduler: Any = None, decisions: Any = None, gazetteers: Iterable[Any] = ()) -> BuildResult:
    """Read every input, extract what the articles report; bad inputs and failed articles are reported, not fatal.

    `total` is told how many articles will be extracted, `progress` is told of
    each one done. An article that is not English is skipped with E012 unless
    `allow_non_english`. Extraction runs in `workers` processes or on a Dask
    `scheduler` (see `extract_parallel`); identity across articles (`kg.identity`,
    with the user's `decisions` file and `gazetteers`) runs after it, so the graph
    is the same however the work was spread. Every record is kept in memory:
    `build_stream` keeps them on disk and can resume.
    """
    from kg.identity import Index

    decisions, known = identity_inputs(decisions, gazetteers)
    result = BuildResult()
    result.errors, articles = _read_all(paths, max_bytes, allow_non_english)
    if total is not None:
        total(len(articles))
    from kg.event_identity import link_events

    for item in extract_parallel(articles.values(), workers=workers, scheduler=scheduler):
        (result.errors if isinstance(item, ExtractError) else result.extractions).append(item)
        if progress is not None:
            progress(1)
    result.identity = Index().extend(result.extractions).resolve(decisions, known)
    result.extractions = link_events(result.identity.apply_all(result.extractions))
    return result


@dataclass
class Stream:
    """A build whose records wait on disk: `errors` are known, `extractions()` reads them back one at a time, linked.

    `read` lists every article the build read and did not fail, built or `known` (their text left out), and `parsed`
    counts those this run extracted.
    """

    journal: Any
    order: list[tuple[str, int]]  # (article id, journal offset) of each built article, in input order
    identity: Any  # kg.identity.Identity, decided once every article was extracted
    errors: list[KGError] = field(default_factory=list)
    events: dict[str, tuple] | None = None  # article id -> its event merges (kg.event_identity), found on the first read
    read: list[Article] = field(default_factory=list)
    parsed: int = 0
    workers: int = 1  # processes that render the graph file (`rendered`)
    _keys: dict[str, int] = field(default_factory=dict, repr=False)

    def extractions(self) -> Iterator[Extraction]:
        """Each built article's Extraction, with identity across articles applied, in input order.

        Events are one across articles only once every article's events are
        known, linked: the first call reads the journal through once for them.
        """
        from kg.event_identity import EventIndex, apply

        if self.events is None:
            index = EventIndex()
            for _, offset in self.order:
                index.add(self._linked(offset))
            self.events = index.merges()
        for _, offset in self.order:
            yield apply(self._linked(offset), self.events)

    def rendered(self) -> Iterator[tuple[dict[str, int], tuple[str, list[str], list[str]]]]:
        """`extractions` made into what a quad file holds (`kg.rdf.render_article`), with each article's counts, in
        input order; in `workers` processes when there are enough articles, each reading its part of the journal."""
        from kg.rdf import render_article

        chunks = [[offset for _, offset in self.order[i:i + RENDER_CHUNK]] for i in range(0, len(self.order), RENDER_CHUNK)]
        if self.workers <= 1 or len(chunks) < 2:
            for extraction in self.extractions():
                yield _counts(extraction), render_article(extraction)
            return
        import multiprocessing
        import pickle
        import tempfile

        if self.events is None:
            next(self.extractions(), None)  # the events' merges are found before the first record comes
        with tempfile.NamedTemporaryFile(prefix=".kg-links-", dir=self.journal.path.parent) as fh:
            pickle.dump((self.identity, self.events), fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            tasks = [(str(self.journal.path), fh.name, chunk) for chunk in chunks]
            with multiprocessing.get_context("spawn").Pool(min(self.workers, len(chunks))) as pool:
                for items in pool.imap(_render_chunk, tasks):
                    yield from items

    def _linked(self, offset: int) -> Extraction:
        """One article's record from the journal, its entities linked across articles."""
        return self.identity.apply(self.journal.read(offset))

    def record(self, article_id: str) -> Extraction:
        """The unlinked Extraction of one built article."""
        if len(self._keys) != len(self.order):
            self._keys = dict(self.order)
        return self.journal.read(self._keys[article_id])


RENDER_CHUNK = 32  # articles a rendering process is sent at a time
_LINKS: dict[str, tuple] = {}  # in a rendering process: the links file read -> (identity, event merges)


def _render_chunk(task: tuple[str, str, list[int]]) -> list[tuple[dict[str, int], tuple[str, list[str], list[str]]]]:
    """What `Stream.rendered` runs in a worker process: these journal frames, linked, rendered."""
    import pickle

    from kg.event_identity import apply
    from kg.journal import Journal
    from kg.rdf import render_article

    journal, links, offsets = task
    if links not in _LINKS:
        with open(links, "rb") as fh:
            _LINKS.clear()
            _LINKS[links] = pickle.load(fh)
    identity, events = _LINKS[links]
    book = Journal(journal)
    done = []
    for offset in offsets:
        extraction = apply(identity.apply(book.read(offset)), events)
        done.append((_counts(extraction), render_article(extraction)))
    return done


def _counts(extraction: Extraction) -> dict[str, int]:
    return {name: len(getattr(extraction, name)) for name in ("entities", "roles", "events", "relations")}


def build_stream(paths: Iterable[str | Path], journal: str | Path, *, max_bytes: int | None = None,
                 progress: Callable[[int], None] | None = None, total: Callable[[int], None] | None = None,
                 allow_non_english: bool = False, workers: int = 1, scheduler: Any = None, decisions: Any = None,
                 gazetteers: Iterable[Any] = (), known: Container[str] = ()) -> Stream:
    """As `build`, but each article's record goes to the journal as it is done and stays there, so memory does not grow
    with the archive: what is kept is each article's place in the journal and the small profile of its entities that
    identity across articles needs (`kg.identity.Index`); identity is decided after the last article.

    Given the journal of an interrupted build, only the articles it lacks are extracted. Articles whose id is in
    `known` (a store's, see `build_store`) are read but not extracted: they are in `Stream.read`, not in its order.
    """
    from kg.identity import Index
    from kg.journal import Journal

    decisions, gazetteer = identity_inputs(decisions, gazetteers)
    errors, articles = _read_all(paths, max_bytes, allow_non_english)
    todo = {i: a for i, a in articles.items() if i not in known}
    if total is not None:
        total(len(todo))
    book = Journal(journal)
    where: dict[str, tuple[int, ExtractError | None]] = {}  # article id -> (journal offset, its error if it failed)
    profiles: dict[str, Index] = {}  # article id -> its entities' profiles (an interrupted build's are read once)

    def note(offset: int, item: Extraction | ExtractError) -> None:
        where[_id(item)] = (offset, item if isinstance(item, ExtractError) else None)
        if isinstance(item, Extraction):
            profiles[_id(item)] = Index().extend([item])

    for offset, item in book.frames():  # an interrupted build's work: read once, not redone
        if _id(item) in todo:
            note(offset, item)
    if progress is not None and where:
        progress(len(where))
    resumed = len(where)
    try:
        for item in extract_parallel([a for a in todo.values() if a.id not in where], workers=workers, scheduler=scheduler):
            note(book.append(item), item)
            if progress is not None:
                progress(1)
    finally:
        book.close()
    stream = Stream(book, [], None, errors, parsed=len(where) - resumed, workers=1 if scheduler is not None else workers)
    index = Index()
    for article_id, article in articles.items():  # in input order, so the decision does not depend on which worker finished first
        if article_id in todo:
            offset, failure = where[article_id]
            if failure is not None:
                stream.errors.append(failure)
                continue
            stream.order.append((article_id, offset))
            part = profiles[article_id]
            index.locals += part.locals
            index.acronyms += part.acronyms
            index.renames += part.renames
        stream.read.append(replace(article, text=""))
    stream.identity = index.resolve(decisions, gazetteer)
    return stream


def build_store(paths: Iterable[str | Path], store: Any, journal: str | Path, *, compact: bool = True, decisions: Any = None,
                gazetteers: Iterable[Any] | None = None, **options: Any) -> tuple[Stream, Any]:
    """A streamed build into a store that holds a corpus (`kg.corpus`): articles the store already holds are not
    parsed, new and edited ones are, and the store is brought to what one build of its whole corpus makes (edits
    replacing their old version, identity of entities and events across articles redone from the stored records) in
    one transaction. `decisions` and `gazetteers` replace the store's identity inputs when given (None: the store's
    own, those of its last build). `options` are `build_stream`'s. Returns the stream (its errors, what was read)
    and the `kg.corpus.Report`."""
    from kg import corpus

    known = corpus.catalog(store).entries.keys()
    stream = build_stream(paths, journal, known=known, **options)
    inputs = None if decisions is None and gazetteers is None else identity_inputs(decisions, gazetteers or ())
    report = corpus.update(store, stream.read, stream.record, identity=inputs, compact=compact)
    report.parsed = stream.parsed
    return stream, report


def write_stream(stream: Stream, output: str | Path, fmt: str | None, store: Any = None, *,
                 compact: bool = True) -> dict[str, int]:
    """rdf and store after a streamed build: the graph file, an article at a time for TriG and N-Quads (memory stays
    flat; Turtle and JSON-LD hold the whole graph at once), then the store if given, as `build_store` brings a build
    into it (`kg.corpus.update`, with the store's own identity inputs). Returns what was written to the file, counted."""
    from kg.graphio import format_for, save
    from kg.rdf import QuadWriter, to_dataset

    counts = dict.fromkeys(("triples", "entities", "roles", "events", "relations"), 0)

    def count(numbers: dict[str, int]) -> None:
        for name, n in numbers.items():
            counts[name] += n

    if format_for(output, fmt) not in ("trig", "nquads"):
        extractions = list(stream.extractions())
        for extraction in extractions:
            count(_counts(extraction))
        ds = to_dataset(extractions)
        save(ds, output, fmt)
        counts["triples"] = len(ds)
    else:
        writer = QuadWriter(output, fmt)
        try:
            for numbers, rendered in stream.rendered():
                count(numbers)
                writer.add_rendered(*rendered)
            writer.close()
        except BaseException:
            writer.abort()
            raise
        counts["triples"] = writer.triples
    if store is not None:
        from kg.corpus import update

        update(store, stream.read, stream.record, compact=compact)
    return counts


def _read_all(paths: Iterable[str | Path], max_bytes: int | None, allow_non_english: bool) -> tuple[list[KGError], dict[str, Article]]:
    """Every input read: the errors, and the articles to build by id (the same article twice is one)."""
    from kg.read import DEFAULT_MAX_BYTES, check_language, read_paths

    errors: list[KGError] = []
    articles: dict[str, Article] = {}
    for item in read_paths(paths, max_bytes or DEFAULT_MAX_BYTES):
        if isinstance(item, ReadError):
            errors.append(item)
        elif item.id not in articles:
            problem = None if allow_non_english else check_language(item)
            if problem is not None:
                errors.append(problem)
            else:
                articles[item.id] = item
    return errors, articles


def _id(item: Extraction | ExtractError) -> str:
    return item.article.id if isinstance(item, Extraction) else item.article_id
