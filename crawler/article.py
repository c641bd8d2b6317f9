"""The extracted article and the text of its output file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from crawler.text import content_hash


@dataclass(frozen=True, slots=True)
class Article:
    url: str
    title: str
    body: tuple[str, ...]
    site: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, the publication date
    author: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)

    @property
    def content_hash(self) -> str:
        """16-hex hash of the body: the same article under another template hashes the same."""
        return content_hash(self.body_text)

    def byline(self) -> str:
        return " — ".join(part for part in (self.date, self.author) if part)

    def to_text(self) -> str:
        """Title, blank line, byline (when known), blank line, paragraphs; one final newline."""
        blocks = [self.title]
        byline = self.byline()
        if byline:
            blocks.append(byline)
        blocks.extend(self.body)
        return "\n\n".join(blocks) + "\n"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["body"] = list(self.body)
        data.pop("extra")
        data["hash"] = self.content_hash
        return data
