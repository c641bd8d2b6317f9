"""News crawler: per-site Scrapy spiders, pure article extraction, deduplicating file pipelines."""

__version__ = "0.1.0"
