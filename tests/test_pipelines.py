"""Dedupe and files pipelines and the seen-URL middleware, built by a real Scrapy crawler."""

import json
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.exceptions import DropItem, IgnoreRequest, NotConfigured
from scrapy.pipelines import ItemPipelineManager
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.article import Article
from crawler.items import article_item
from crawler.seen import SeenUrlMiddleware
from crawler.state import StateStore, default_state_path
from crawler.text import content_hash, hamming, simhash
from pipelines.dedupe import (
    DedupePipeline,
    DuplicateArticle,
    NearDuplicateArticle,
    UrlAlreadyWritten,
)
from pipelines.files import FilesPipeline
from pipelines.manifest import MANIFEST_FIELDS, MANIFEST_NAME, file_name
from tests.replicas.common import SYNDICATED, SYNDICATED_EDITED

# A different story (sport), for the "far apart" side of the SimHash checks.
UNRELATED = (
    "فاز فريق الرجاء الرياضي مساء أمس السبت على ضيفه المغرب الفاسي بهدفين دون رد، في المباراة التي"
    " جمعت بينهما بملعب محمد الخامس بالدار البيضاء، برسم الجولة العشرين من البطولة"
    " الوطنية الاحترافية.",
    "وسجل هدفي اللقاء اللاعب يسري بوزوق في الدقيقة الخامسة والثلاثين، قبل أن يضيف زميله هدفا ثانيا"
    " من ضربة جزاء في الدقائق الأخيرة من الشوط الثاني، ليرتقي الفريق الأخضر إلى المركز الثالث.",
    "وعبر مدرب الفريق في الندوة الصحفية عقب المباراة عن رضاه عن أداء لاعبيه، مؤكدا أن الفريق سيواصل"
    " العمل من أجل المنافسة على لقب البطولة وبلوغ الأدوار المتقدمة في كأس العرش.",
)


def item(url: str, body: tuple[str, ...], *, site: str = "alpha", title: str = "عنوان",
         canonical: str | None = None) -> dict[str, Any]:
    return article_item(Article(url=url, title=title, body=body, site=site, date="2025-03-12",
                                author="و.م.ع", language="ar", canonical_url=canonical))


def story_item(story, url: str, site: str = "alpha") -> dict[str, Any]:
    return item(url, story.paragraphs, site=site, title=story.title)


def numbered(i: int) -> tuple[str, ...]:
    """A short body of its own: far from every other numbered body."""
    words = [f"كلمة{(i * 7919 + k * 104729) % 100003}" for k in range(40)]
    return (" ".join(words[:20]), " ".join(words[20:]))


class Run:
    """Both pipelines of one crawl, chained as Scrapy's ItemPipelineManager chains them."""

    def __init__(self, tmp_path: Path, **settings: Any) -> None:
        self.out = tmp_path / "out"
        self.crawler = get_crawler(settings_dict={"CRAWLER_OUTPUT_DIR": str(self.out), **settings})
        self.dedupe = DedupePipeline.from_crawler(self.crawler)
        self.files = FilesPipeline.from_crawler(self.crawler)

    def __enter__(self) -> "Run":
        self.dedupe.open_spider()
        self.files.open_spider()
        return self

    def __exit__(self, *exc: object) -> None:
        self.files.close_spider()
        self.dedupe.close_spider()

    def process(self, it: dict[str, Any]) -> dict[str, Any]:
        return self.files.process_item(self.dedupe.process_item(it))

    def stat(self, key: str) -> Any:
        return self.crawler.stats.get_value(key)


def manifest(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / MANIFEST_NAME).read_text("utf-8").splitlines()]


def written(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.suffix == ".txt")


def test_components_load_in_scrapy_managers_without_warnings(tmp_path: Path) -> None:
    # filterwarnings=error: a deprecated signature (spider argument) would fail here
    crawler = get_crawler(settings_dict={
        "CRAWLER_OUTPUT_DIR": str(tmp_path),
        "ITEM_PIPELINES": project_settings.ITEM_PIPELINES,
        "DOWNLOADER_MIDDLEWARES": {"crawler.seen.SeenUrlMiddleware": 60},
    })
    pipelines = ItemPipelineManager.from_crawler(crawler)
    assert [type(p) for p in pipelines.middlewares] == [DedupePipeline, FilesPipeline]
    middlewares = DownloaderMiddlewareManager.from_crawler(crawler)
    assert any(isinstance(m, SeenUrlMiddleware) for m in middlewares.middlewares)


def test_writes_file_manifest_and_state(tmp_path: Path) -> None:
    it = story_item(SYNDICATED, "https://alpha.example/2025/03/12/story/?utm_source=fb")
    with Run(tmp_path) as run:
        assert run.process(it) is it
        assert run.stat("files/written") == 1
        assert run.stat("files/bytes") == len(it["text"].encode("utf-8"))
    name = f"000_{it['hash']}.txt"
    assert written(run.out) == [name]
    assert (run.out / name).read_bytes() == it["text"].encode("utf-8")
    assert {p.name for p in run.out.iterdir()} == {name, MANIFEST_NAME, ".crawler"}
    (line,) = manifest(run.out)
    assert tuple(line) == MANIFEST_FIELDS
    assert line["file"] == name
    assert line["url"] == it["url"]
    assert line["canonical_url"] == "https://alpha.example/2025/03/12/story/"
    assert line["site"] == "alpha"
    assert line["title"] == SYNDICATED.title
    assert (line["date"], line["author"], line["language"]) == ("2025-03-12", "و.م.ع", "ar")
    assert line["hash"] == it["hash"] == content_hash("\n\n".join(SYNDICATED.paragraphs))
    assert len(line["simhash"]) == 16
    assert int(line["simhash"], 16) == simhash("\n\n".join(SYNDICATED.paragraphs))
    assert line["fetched_at"] == it["fetched_at"]
    raw = (run.out / MANIFEST_NAME).read_bytes().decode("utf-8")
    assert SYNDICATED.title in raw  # ensure_ascii=False
    with StateStore.open(default_state_path(run.out)) as store:
        assert store.find_hash(it["hash"]).file == name
        assert store.is_url_written("https://alpha.example/2025/03/12/story/")


def test_file_names_are_sequenced_and_padded(tmp_path: Path) -> None:
    with Run(tmp_path) as run:
        items = [item(f"https://alpha.example/n/{i}", numbered(i)) for i in range(12)]
        for it in items:
            run.process(it)
    assert written(run.out) == sorted(f"{i:03d}_{it['hash']}.txt" for i, it in enumerate(items))
    assert [line["file"] for line in manifest(run.out)] == [
        f"{i:03d}_{it['hash']}.txt" for i, it in enumerate(items)
    ]
    assert file_name(999, "0" * 16) == "999_0000000000000000.txt"
    assert file_name(1000, "0" * 16) == "1000_0000000000000000.txt"
    with pytest.raises(ValueError):
        file_name(1, "not-a-hash")


def test_exact_duplicate_across_sites(tmp_path: Path) -> None:
    first = story_item(SYNDICATED, "https://alpha.example/a/1", site="alpha")
    copy = story_item(SYNDICATED, "https://beta.example/b/9", site="beta")
    assert first["hash"] == copy["hash"]
    with Run(tmp_path) as run:
        run.process(first)
        with pytest.raises(DuplicateArticle) as caught:
            run.process(copy)
        assert isinstance(caught.value, DropItem)
        assert caught.value.log_level == "DEBUG"
        assert f"000_{first['hash']}.txt" in str(caught.value)
        assert "alpha" in str(caught.value)
        assert run.stat("dedupe/exact_duplicate") == 1
        assert run.stat("files/written") == 1
    assert len(written(run.out)) == 1
    assert len(manifest(run.out)) == 1


def test_simhash_distances_of_the_replica_stories() -> None:
    original = simhash("\n\n".join(SYNDICATED.paragraphs))
    edited = simhash("\n\n".join(SYNDICATED_EDITED.paragraphs))
    unrelated = simhash("\n\n".join(UNRELATED))
    assert hamming(original, edited) <= 3
    assert hamming(original, unrelated) > 10
    assert hamming(edited, unrelated) > 10


def test_near_duplicate_with_one_sentence_edit(tmp_path: Path) -> None:
    first = story_item(SYNDICATED, "https://alpha.example/a/1", site="alpha")
    edited = story_item(SYNDICATED_EDITED, "https://beta.example/b/2", site="beta")
    assert first["hash"] != edited["hash"]
    distance = hamming(simhash("\n\n".join(first["body"])), simhash("\n\n".join(edited["body"])))
    with Run(tmp_path) as run:
        run.process(first)
        with pytest.raises(NearDuplicateArticle) as caught:
            run.process(edited)
        assert caught.value.log_level == "INFO"
        assert str(caught.value) == (
            f"near duplicate of 000_{first['hash']}.txt (distance {distance})"
        )
        assert run.stat("dedupe/near_duplicate") == 1
        run.process(item("https://gamma.example/sport/1", UNRELATED, site="gamma"))
        assert run.stat("files/written") == 2


def test_near_duplicate_check_disabled_by_zero(tmp_path: Path) -> None:
    with Run(tmp_path, CRAWLER_NEAR_DUP_DISTANCE=0) as run:
        run.process(story_item(SYNDICATED, "https://alpha.example/a/1"))
        run.process(story_item(SYNDICATED_EDITED, "https://beta.example/b/2", site="beta"))
        assert run.stat("dedupe/near_duplicate") is None
        # exact duplicates are still dropped
        with pytest.raises(DuplicateArticle):
            run.process(story_item(SYNDICATED, "https://gamma.example/c/3", site="gamma"))
    assert len(written(run.out)) == 2


def test_url_already_written(tmp_path: Path) -> None:
    first = item("https://alpha.example/news/1/", numbered(1),
                 canonical="https://alpha.example/2025/story-1/")
    with Run(tmp_path) as run:
        run.process(first)
        # the same page again, with other text: fetched URL variant (AMP + tracking)
        with pytest.raises(UrlAlreadyWritten) as caught:
            run.process(item("https://amp.alpha.example/news/1/amp/?utm_source=tw", numbered(2)))
        assert caught.value.log_level == "DEBUG"
        assert str(caught.value) == (
            f"https://alpha.example/news/1/ already written as 000_{first['hash']}.txt"
        )
        # another URL declaring the written canonical URL
        with pytest.raises(UrlAlreadyWritten):
            run.process(item("https://alpha.example/?p=77", numbered(3),
                             canonical="https://alpha.example/2025/story-1/#comments"))
        assert run.stat("dedupe/url_seen") == 2
        assert run.stat("files/written") == 1


def test_state_carries_over_to_the_next_run(tmp_path: Path) -> None:
    with Run(tmp_path) as run:
        run.process(story_item(SYNDICATED, "https://alpha.example/a/1"))
    with Run(tmp_path) as run:
        with pytest.raises(DuplicateArticle):
            run.process(story_item(SYNDICATED, "https://beta.example/b/1", site="beta"))
        with pytest.raises(NearDuplicateArticle):
            run.process(story_item(SYNDICATED_EDITED, "https://beta.example/b/2", site="beta"))
        with pytest.raises(UrlAlreadyWritten):
            run.process(item("https://alpha.example/a/1", UNRELATED))
        run.process(item("https://beta.example/b/3", UNRELATED, site="beta"))
    assert [line["file"][:3] for line in manifest(run.out)] == ["000", "001"]


def test_custom_state_path(tmp_path: Path) -> None:
    state = tmp_path / "elsewhere" / "state.sqlite"
    with Run(tmp_path, CRAWLER_STATE_PATH=str(state)) as run:
        run.process(item("https://alpha.example/a/1", numbered(1)))
    assert state.exists()
    assert not default_state_path(run.out).exists()
    assert (run.out / ".crawler" / "lock").exists()


def test_files_pipeline_guards_hash_on_its_own(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"CRAWLER_OUTPUT_DIR": str(tmp_path / "out")})
    files = FilesPipeline.from_crawler(crawler)
    files.open_spider()
    try:
        files.process_item(item("https://alpha.example/a/1", numbered(1)))
        with pytest.raises(DuplicateArticle):
            files.process_item(item("https://beta.example/b/1", numbered(1)))
        bad = item("https://alpha.example/a/2", numbered(2))
        bad["hash"] = "../../etc/passwd"
        with pytest.raises(ValueError, match="16 lowercase hex"):
            files.process_item(bad)
    finally:
        files.close_spider()
    assert len(written(tmp_path / "out")) == 1


# --- seen-URL middleware ----------------------------------------------------------------------


def seen_middleware(tmp_path: Path, **settings: Any) -> SeenUrlMiddleware:
    crawler = get_crawler(settings_dict={"CRAWLER_OUTPUT_DIR": str(tmp_path / "out"), **settings})
    return SeenUrlMiddleware.from_crawler(crawler)


def test_seen_middleware_skips_written_articles_only(tmp_path: Path) -> None:
    with Run(tmp_path) as run:
        run.process(item("https://alpha.example/2025/05/08/story/", numbered(1),
                         canonical="https://alpha.example/?p=12"))
    mw = seen_middleware(tmp_path)
    mw.spider_opened()
    try:
        for url in ("https://alpha.example/2025/05/08/story/",
                    "https://ALPHA.example/2025/05/08/story/amp/?utm_source=fb#c",
                    "https://alpha.example/?p=12"):
            with pytest.raises(IgnoreRequest, match="already written"):
                mw.process_request(Request(url))
        for url in ("https://alpha.example/robots.txt", "https://alpha.example/sitemap.xml",
                    "https://alpha.example/feed/", "https://alpha.example/category/news/",
                    "https://alpha.example/", "https://alpha.example/2025/05/08/other/"):
            assert mw.process_request(Request(url)) is None
        assert mw.crawler.stats.get_value("seen/skipped") == 3
    finally:
        mw.spider_closed()


def test_seen_middleware_sees_articles_written_in_the_same_run(tmp_path: Path) -> None:
    mw = seen_middleware(tmp_path)
    mw.spider_opened()
    try:
        with Run(tmp_path) as run:
            assert mw.process_request(Request("https://alpha.example/a/1")) is None
            run.process(item("https://alpha.example/a/1", numbered(1)))
            with pytest.raises(IgnoreRequest):
                mw.process_request(Request("https://alpha.example/a/1"))
    finally:
        mw.spider_closed()


def test_seen_middleware_disabled(tmp_path: Path) -> None:
    with pytest.raises(NotConfigured):
        seen_middleware(tmp_path, CRAWLER_SKIP_SEEN_URLS=False)


def test_project_settings_register_components() -> None:
    assert project_settings.DOWNLOADER_MIDDLEWARES["crawler.seen.SeenUrlMiddleware"] < 100
    assert list(project_settings.ITEM_PIPELINES) == [
        "pipelines.dedupe.DedupePipeline", "pipelines.files.FilesPipeline"
    ]
    assert project_settings.CRAWLER_NEAR_DUP_DISTANCE == 3
    assert project_settings.CRAWLER_LOCK_TIMEOUT == 0
    assert project_settings.CRAWLER_SKIP_SEEN_URLS is True
