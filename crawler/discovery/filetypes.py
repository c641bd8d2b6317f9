"""Non-HTML resources: known by URL extension before a request, by Content-Type after."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

NON_HTML_EXTENSIONS = frozenset({
    # documents and data
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "csv",
    "epub", "json", "txt",
    # archives and binaries
    "zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "tar", "exe", "dmg", "apk", "msi", "iso", "bin",
    "torrent", "deb", "rpm",
    # images
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "avif", "heic",
    # audio and video
    "mp3", "mp4", "m4a", "m4v", "wav", "ogg", "oga", "ogv", "webm", "mov", "avi", "mkv", "flv",
    "wmv", "3gp", "aac", "flac", "m3u8",
    # page furniture
    "css", "js", "mjs", "woff", "woff2", "ttf", "eot", "otf", "swf", "map",
})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def url_extension(url: str) -> str:
    return posixpath.splitext(unquote(urlsplit(url).path))[1].lstrip(".").lower()


def has_non_html_extension(url: str) -> bool:
    return url_extension(url) in NON_HTML_EXTENSIONS


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_html_type(content_type: str | None) -> bool:
    """HTML, XHTML, or no type at all (servers that omit it still serve pages)."""
    kind = media_type(content_type)
    return not kind or kind in HTML_TYPES
