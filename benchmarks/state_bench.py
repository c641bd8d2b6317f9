"""Benchmark of the crawl state (crawler.state.StateStore) at scale. A script, not a test.

Inserts N synthetic articles (content hash, random 64-bit SimHash, URLs, manifest fields) into a
fresh state file in batches, then times near-duplicate lookups (half with a planted match at
distance 1-3, half random), exact hash lookups and URL lookups, and prints insert rate, lookup
time per item (mean and p99, microseconds), state file size and recall on the planted matches.

    .venv/bin/python -m benchmarks.state_bench --n 1000000
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from crawler.state import StateStore, WrittenArticle


def synthetic(seq: int, rng: random.Random) -> WrittenArticle:
    site = f"site{seq % 7}"
    url = f"https://www.{site}.example/2025/05/08/{seq}-article-slug-with-several-words/"
    content_hash = f"{rng.getrandbits(64):016x}"
    return WrittenArticle(
        seq=seq,
        file=f"{seq:03d}_{content_hash}.txt",
        hash=content_hash,
        simhash=rng.getrandbits(64),
        url=url + "?utm_source=rss",
        canonical_url=url,
        site=site,
        title="عنوان مقال تجريبي متوسط الطول عن أخبار اليوم في المغرب " + str(seq),
        date="2025-05-08",
        author="هيئة التحرير",
        language="ar",
        fetched_at="2025-05-08T10:00:00+00:00",
    )


def timed(calls: list[Callable[[], object]]) -> tuple[list[object], list[float]]:
    results, micros = [], []
    for call in calls:
        start = time.perf_counter_ns()
        results.append(call())
        micros.append((time.perf_counter_ns() - start) / 1000)
    return results, micros


def summary(micros: list[float]) -> str:
    ordered = sorted(micros)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"mean {statistics.fmean(micros):8.1f} us   p99 {p99:8.1f} us"


def flip_bits(value: int, count: int, rng: random.Random) -> int:
    for bit in rng.sample(range(64), count):
        value ^= 1 << bit
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="articles to insert")
    parser.add_argument("--lookups", type=int, default=10_000, help="lookups of each kind")
    parser.add_argument("--batch", type=int, default=10_000, help="articles per transaction")
    parser.add_argument("--distance", type=int, default=3, help="near-duplicate distance")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder for the state file, kept afterwards (default: a temporary"
                             " folder, removed)")
    args = parser.parse_args(argv)
    if args.dir is not None:
        path = args.dir / "state.sqlite"
        if path.exists():
            parser.error(f"{path} exists: the benchmark needs a fresh state file")
        args.dir.mkdir(parents=True, exist_ok=True)
        run(args, args.dir)
        return 0
    with tempfile.TemporaryDirectory(prefix="state_bench_") as tmp:
        run(args, Path(tmp))
    return 0


def run(args: argparse.Namespace, workdir: Path) -> None:
    rng = random.Random(args.seed)
    path = workdir / "state.sqlite"

    simhashes: list[int] = []
    hashes: list[str] = []
    urls: list[str] = []
    store = StateStore.open(path)
    started = time.perf_counter()
    for first in range(0, args.n, args.batch):
        with store.batch():
            for seq in range(first, min(first + args.batch, args.n)):
                article = synthetic(seq, rng)
                store.record_article(article)
                simhashes.append(article.simhash)
                hashes.append(article.hash)
                urls.append(article.canonical_url)
    insert_seconds = time.perf_counter() - started

    half = args.lookups // 2
    planted = []  # (query, expected seq, planted distance)
    for _ in range(half):
        seq = rng.randrange(args.n)
        distance = rng.randint(1, min(3, args.distance))
        planted.append((flip_bits(simhashes[seq], distance, rng), seq, distance))
    random_queries = [rng.getrandbits(64) for _ in range(args.lookups - half)]
    near_calls = [lambda q=q: store.find_near(q, args.distance) for q, _, _ in planted]
    near_calls += [lambda q=q: store.find_near(q, args.distance) for q in random_queries]
    near_results, near_micros = timed(near_calls)
    found = 0
    for (_, seq, distance), result in zip(planted, near_results[:half], strict=True):
        if result is not None and (result[0].startswith(f"{seq:03d}_") or result[1] <= distance):
            found += 1
    false_hits = sum(r is not None for r in near_results[half:])

    exact_queries = [hashes[rng.randrange(args.n)] for _ in range(half)]
    exact_queries += [f"{rng.getrandbits(64):016x}" for _ in range(args.lookups - half)]
    exact_results, exact_micros = timed([lambda h=h: store.find_hash(h) for h in exact_queries])
    exact_found = sum(r is not None for r in exact_results[:half])

    url_queries = [urls[rng.randrange(args.n)] for _ in range(half)]
    url_queries += [f"https://www.site1.example/missing/{i}/" for i in range(args.lookups - half)]
    url_results, url_micros = timed([lambda u=u: store.is_url_written(u) for u in url_queries])
    store.close()
    size = sum(p.stat().st_size for p in workdir.glob("state.sqlite*"))

    print(f"state file         {path}")
    print(f"articles           {args.n:,} in batches of {args.batch:,}")
    print(f"insert             {insert_seconds:.1f} s, {args.n / insert_seconds:,.0f} articles/s")
    print(f"state size         {size / 1e6:.1f} MB ({size / args.n:.0f} bytes/article)")
    print(f"near lookup        {summary(near_micros)}   ({args.lookups:,} lookups,"
          f" distance <= {args.distance})")
    print(f"  planted          {summary(near_micros[:half])}")
    print(f"  random           {summary(near_micros[half:])}")
    print(f"  recall planted   {found / half:.4f} ({found}/{half})")
    print(f"  random matched   {false_hits}/{len(random_queries)}")
    print(f"exact hash lookup  {summary(exact_micros)}   (found {exact_found}/{half} present)")
    print(f"url lookup         {summary(url_micros)}   (found {sum(url_results[:half])}/{half})")


if __name__ == "__main__":
    raise SystemExit(main())
