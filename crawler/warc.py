"""WARC files: raw responses archived as the server sent them, and read back for replay.

Writing (`ArchiveWriter`, used by `crawler.middlewares.warc`): each response becomes a group of
records: `response` (status line, headers and body exactly as received: Content-Encoding
included, transfer coding removed by the HTTP client), `request` (as sent, with
WARC-Concurrent-To) and a `metadata` record with what the crawl asked the page for (site,
request kind, a sitemap or feed date). Each item entering the item pipelines adds a `metadata`
item marker. A group is serialised in memory and appended with one write and a flush, so spiders
of one process writing into one file never interleave records, and a crash leaves every earlier
group complete. `.gz` names get one gzip member per record (the WARC convention that keeps
records seekable); other names are written plain.

Reading (`scan`, `read_payload`): a first pass indexes the file without keeping bodies, checks
each record's length and digests, attaches crawl context and item markers to their responses and
puts the responses in replay order; a second pass seeks to one record at a time. A file that
stops being readable (truncated, corrupt) keeps the records before the damage.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any, Self
from urllib.parse import urlsplit

import brotli
from backports import zstd
from scrapy.utils.gz import gunzip
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParserException
from warcio.warcwriter import WARCWriter

WARC_VERSION = "1.1"
WARC_SUFFIXES = (".warc", ".warc.gz")
# Fields of the crawl-context metadata record that follows each response.
SITE, KIND, PUBLISHED = "crawler-site", "crawler-kind", "crawler-published"
# Field of an item marker: the item's content hash.
ITEM = "crawler-item"
# Errors warcio raises on damaged input (some of them from deep inside its parsers).
READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, ValueError,
               zlib.error, IndexError, KeyError, AttributeError, TypeError)
# Errors of the decompressors on a body that is not what its Content-Encoding says.
DECODE_ERRORS = (zlib.error, OSError, EOFError, ValueError, brotli.error, zstd.ZstdError)

HeaderList = list[tuple[str, str]]


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_fields(fields: Mapping[str, str | None]) -> bytes:
    """`application/warc-fields`: one `name: value` line per field that has a value."""
    return b"".join(f"{name}: {value}\r\n".encode() for name, value in fields.items() if value)


def parse_fields(data: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in data.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip().lower()] = value.strip()
    return fields


# --- writing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request and the response it got, as the downloader saw them."""

    url: str
    method: str
    request_headers: HeaderList
    request_body: bytes
    status: int
    response_headers: HeaderList
    body: bytes
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None
    truncated: bool = False  # the download was stopped on purpose (non-HTML)
    context: Mapping[str, str | None] = field(default_factory=dict)


class ArchiveWriter:
    """Appends record groups to one WARC file; `ArchiveWriter.open(path)`, then `close()`."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path = path
        self.gzip = path.name.lower().endswith(".gz")
        self._fh: IO[bytes] | None = fh

    @classmethod
    def open(cls, path: Path) -> Self:
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, open(path, "ab"))  # held until close

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None

    def _append(self, records: Iterable[ArcWarcRecord], writer: WARCWriter,
                buffer: BytesIO) -> int:
        if self._fh is None:
            raise ValueError(f"WARC file {self.path} is closed")
        for record in records:
            writer.write_record(record)
        data = buffer.getvalue()
        self._fh.write(data)
        self._fh.flush()
        return len(data)

    def _writer(self) -> tuple[WARCWriter, BytesIO]:
        buffer = BytesIO()
        return WARCWriter(buffer, gzip=self.gzip, warc_version=WARC_VERSION), buffer

    def write_warcinfo(self, info: Mapping[str, str | None]) -> int:
        writer, buffer = self._writer()
        fields = {k: v for k, v in info.items() if v}
        return self._append([writer.create_warcinfo_record(self.path.name, fields)], writer,
                            buffer)

    def write_exchange(self, exchange: Exchange) -> tuple[str, int]:
        """Response, request and crawl-context records; returns (response record id, bytes)."""
        writer, buffer = self._writer()
        status_line = f"{exchange.status} {_reason(exchange.status)}".rstrip()
        warc_headers = {"WARC-IP-Address": exchange.ip_address} if exchange.ip_address else {}
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = "unspecified"
        response = writer.create_warc_record(
            exchange.url, "response", payload=BytesIO(exchange.body), length=len(exchange.body),
            http_headers=StatusAndHeaders(status_line, exchange.response_headers,
                                          protocol=exchange.protocol),
            warc_headers_dict=warc_headers,
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        date = response.rec_headers.get_header("WARC-Date")
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = [("Host", parts.netloc), *exchange.request_headers]
        request = writer.create_warc_record(
            exchange.url, "request", payload=BytesIO(exchange.request_body),
            length=len(exchange.request_body),
            http_headers=StatusAndHeaders(f"{exchange.method} {target} {exchange.protocol}",
                                          request_headers, is_http_request=True),
            warc_headers_dict={"WARC-Concurrent-To": response_id, "WARC-Date": date},
        )
        records = [response, request]
        context = warc_fields(exchange.context)
        if context:
            records.append(writer.create_warc_record(
                exchange.url, "metadata", payload=BytesIO(context), length=len(context),
                warc_content_type="application/warc-fields",
                warc_headers_dict={"WARC-Concurrent-To": response_id, "WARC-Date": date},
            ))
        return response_id, self._append(records, writer, buffer)

    def write_item_marker(self, url: str, content_hash: str) -> int:
        """The item of the response for `url` entered the item pipelines now (in this order)."""
        writer, buffer = self._writer()
        payload = warc_fields({ITEM: content_hash})
        record = writer.create_warc_record(
            url, "metadata", payload=BytesIO(payload), length=len(payload),
            warc_content_type="application/warc-fields",
        )
        return self._append([record], writer, buffer)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArchivedResponse:
    """A response record, indexed: where it is, what it says, what the crawl did with it."""

    offset: int
    record_id: str
    url: str
    date: str  # WARC-Date
    status: int
    headers: tuple[tuple[str, str], ...]
    context: Mapping[str, str] = field(default_factory=dict)  # SITE, KIND, PUBLISHED
    item_hash: str | None = None  # set when the crawl passed an item from it to its pipelines
    problem: str = ""  # why the body is unusable: truncated, digest-mismatch, incomplete-download

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def fetched_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.date)
        except ValueError:
            return None


@dataclass
class ArchiveScan:
    responses: list[ArchivedResponse] = field(default_factory=list)  # in replay order
    records: int = 0  # every record read
    unmatched_markers: int = 0  # item markers with no response before them
    error: str = ""  # the file became unreadable here (records before it are kept)


def scan(path: Path) -> ArchiveScan:
    """Index a WARC file and put its responses in the order the crawl's pipelines saw them.

    A response with an item marker is placed where its marker is (the moment its item entered
    the pipelines), every other response where it was received. The marker names the item's URL:
    it belongs to the latest successful response for that URL before it.
    """
    result = ArchiveScan()
    found: list[ArchivedResponse] = []
    position: list[int] = []  # replay position of found[i]
    by_id: dict[str, int] = {}
    latest_ok: dict[str, int] = {}
    marked: set[int] = set()
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, check_digests=True)
            for record in records:
                if record.format != "warc":  # warcio reads any text as ARC when all else fails
                    raise ArchiveLoadFailed(f"no WARC record at byte {records.offset}")
                result.records += 1
                kind = record.rec_type
                if kind == "metadata":
                    fields = parse_fields(record.content_stream().read())
                    records.read_to_end()
                    _attach(fields, record, result, found, position, by_id, latest_ok, marked)
                    continue
                if kind != "response":
                    continue
                response = _index_response(record, records)
                by_id[response.record_id] = len(found)
                if 200 <= response.status < 300 and not response.problem:
                    latest_ok[response.url] = len(found)
                position.append(result.records)
                found.append(response)
            if records.offset < path.stat().st_size:
                # warcio stops quietly at a gzip member cut short.
                result.error = f"unreadable data from byte {records.offset} on"
    except READ_ERRORS as exc:
        result.error = f"{type(exc).__name__}: {str(exc).strip()[:200]}"
    order = sorted(range(len(found)), key=position.__getitem__)
    result.responses = [found[i] for i in order]
    return result


def _index_response(record: ArcWarcRecord, records: ArchiveIterator) -> ArchivedResponse:
    http = record.http_headers
    status_code = http.get_statuscode() if http else ""
    records.read_to_end()
    problem = ""
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside the record
        problem = "truncated"
    elif record.digest_checker is not None and record.digest_checker.passed is False:
        problem = "digest-mismatch"
    elif record.rec_headers.get_header("WARC-Truncated"):  # the crawl stopped it on purpose
        problem = "incomplete-download"
    return ArchivedResponse(
        offset=records.get_record_offset(),
        record_id=record.rec_headers.get_header("WARC-Record-ID") or "",
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        date=record.rec_headers.get_header("WARC-Date") or "",
        status=int(status_code) if status_code.isdigit() else 0,
        headers=tuple(http.headers) if http else (),
        problem=problem,
    )


def _attach(fields: dict[str, str], record: ArcWarcRecord, result: ArchiveScan,
            found: list[ArchivedResponse], position: list[int], by_id: dict[str, int],
            latest_ok: dict[str, int], marked: set[int]) -> None:
    """Crawl context goes to its response; an item marker moves its response to here."""
    concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
    if concurrent in by_id:
        index = by_id[concurrent]
        context = {k: v for k, v in fields.items() if k in (SITE, KIND, PUBLISHED)}
        found[index] = replace(found[index], context={**found[index].context, **context})
    if ITEM in fields:
        index = latest_ok.get(record.rec_headers.get_header("WARC-Target-URI") or "", -1)
        if index < 0 or index in marked:
            result.unmatched_markers += 1
            return
        marked.add(index)
        position[index] = result.records
        found[index] = replace(found[index], item_hash=fields[ITEM])


def read_payload(fh: IO[bytes], offset: int) -> bytes:
    """The HTTP body of the response record at `offset`: transfer coding removed, content
    coding kept (see `decode_content`)."""
    fh.seek(offset)
    record = next(iter(ArchiveIterator(fh)))
    raw = record.raw_stream.read()
    http = record.http_headers
    if http and "chunked" in (http.get_header("transfer-encoding") or "").lower():
        # Archives written by other tools may keep the chunked framing.
        raw = ChunkedDataReader(BytesIO(raw)).read()
    return raw


def iter_payloads(path: Path, responses: Iterable[ArchivedResponse]
                  ) -> Iterator[tuple[ArchivedResponse, bytes | Exception]]:
    """Each response with its body, or the error that kept it from being read."""
    with path.open("rb") as fh:
        for response in responses:
            try:
                yield response, read_payload(fh, response.offset)
            except READ_ERRORS as exc:
                yield response, exc


class UnsupportedEncoding(ValueError):
    """A Content-Encoding this crawler does not decode."""


def decode_content(body: bytes, content_encoding: str | None) -> bytes:
    """Undo the Content-Encoding as Scrapy's HttpCompressionMiddleware does in a crawl.

    Decoded here rather than with warcio's `content_stream()`, which handles one coding only,
    knows no zstd and hands back the raw bytes when decompression fails: the crawl decoded
    gzip, deflate, br and zstd, stacked codings in reverse order, and failed loudly.
    """
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip"):
            body = gunzip(body)
        elif coding == "deflate":
            body = _inflate(body)
        elif coding == "br":
            body = brotli.decompress(body)
        elif coding == "zstd":
            body = zstd.decompress(body)
        else:
            raise UnsupportedEncoding(coding)
    return body


def _inflate(body: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(body)
    except zlib.error:  # raw deflate, as some servers send it
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body)


def header_items(headers: Any) -> HeaderList:
    """Scrapy `Headers` as (name, value) pairs, one per value, in their order."""
    pairs: HeaderList = []
    for name, values in headers.items():
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        for value in values:
            pairs.append((key, value.decode("latin-1") if isinstance(value, bytes) else value))
    return pairs
