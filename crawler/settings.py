"""Scrapy settings. The project's own settings are prefixed CRAWLER_ and read in from_crawler."""

from crawler import __version__

BOT_NAME = "news-crawler"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Politeness -------------------------------------------------------------------------------
CRAWLER_CONTACT_URL = "https://github.com/news-crawler/news-crawler"
USER_AGENT = f"news-crawler/{__version__} (+{CRAWLER_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- Output and state (pipelines) -------------------------------------------------------------
CRAWLER_OUTPUT_DIR = "output"
CRAWLER_STATE_PATH = ""  # empty: <CRAWLER_OUTPUT_DIR>/.crawler/state.sqlite
CRAWLER_NEAR_DUP_DISTANCE = 3  # max Hamming distance of 64-bit SimHashes; 0 disables
ITEM_PIPELINES = {
    "pipelines.dedupe.DedupePipeline": 300,
    "pipelines.files.FilesPipeline": 800,
}
CRAWLER_LOCK_TIMEOUT = 0  # seconds a second crawl into the same output folder waits; 0: fail
CRAWLER_SKIP_SEEN_URLS = True  # do not fetch again URLs of articles already written
DOWNLOADER_MIDDLEWARES = {
    # After OffsiteMiddleware (50), before RobotsTxtMiddleware (100): no robots.txt lookup for
    # an article that is skipped anyway.
    "crawler.seen.SeenUrlMiddleware": 60,
}

# --- Spiders and discovery --------------------------------------------------------------------
CRAWLER_SECTION_PAGES = 3  # pages read per section (1 = first page only); `-a section_pages=N`
CRAWLER_GENERIC_DEPTH = 3  # link hops from the start page (generic spider); `-a depth=N`
CRAWLER_GENERIC_MAX_PAGES = 500  # pages requested at most (generic spider); `-a max_pages=N`
CRAWLER_RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry, doubled for each next one
CRAWLER_RETRY_BACKOFF_MAX = 60.0
CRAWLER_RETRY_AFTER_MAX = 120.0  # a longer Retry-After is cut to this
CRAWLER_PROGRESS_INTERVAL = 15.0  # seconds between progress lines; 0 disables them
CRAWLER_STATS_FILE = ""  # when set, each finished spider appends its stats as a JSON line
DOWNLOADER_MIDDLEWARES = {
    **DOWNLOADER_MIDDLEWARES,
    # The contact URL goes into the User-Agent (CRAWLER_CONTACT_URL, `crawler crawl --contact`).
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.middlewares.user_agent.ContactUserAgentMiddleware": 500,
    # Responses pass these bottom-up: retries first, then block detection sees what retries
    # gave up on, then the Content-Type check.
    "crawler.middlewares.non_html.NonHtmlMiddleware": 530,
    "crawler.middlewares.blocks.BlockDetectionMiddleware": 540,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    # Loops and chains longer than REDIRECT_MAX_TIMES are logged as errors, not dropped quietly.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.redirects.ReportingRedirectMiddleware": 600,
}
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"  # the spider logs the final failure once, at ERROR
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.non_html.NonHtmlRequestFilter": 550,
}
EXTENSIONS = {
    "crawler.progress.ProgressLog": 500,
    "crawler.progress.StatsFile": 510,
}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# --- Record, replay, WARC ---------------------------------------------------------------------
CRAWLER_WARC_PATH = ""  # `crawler crawl --warc FILE`: archive every raw response (.warc[.gz])
# With CRAWLER_WARC_PATH set, this add-on registers WarcArchiveMiddleware (downloader middleware
# 950: responses as received, before decompression, redirects and retries change them) and
# WarcItemOrderPipeline (item pipeline 100, before deduplication: the order items enter the
# pipelines, which replay follows). Without it, neither is loaded.
ADDONS = {"crawler.middlewares.warc.WarcArchive": 0}

# --- Scheduling and re-polling ----------------------------------------------------------------
# Feeds, sitemaps and listing pages are asked for with If-None-Match / If-Modified-Since, using
# validators stored during the site's latest run that ended normally; a 304 is a silent no-op.
CRAWLER_CONDITIONAL_REQUESTS = True
CRAWLER_CONDITIONAL_KINDS = ["sitemap", "feed", "probe", "home", "section"]  # request.meta kinds
# Sitemap and feed entries dated before the start of the site's latest normal run are skipped
# (`discovery/unchanged`); the margin allows for late publication and clock skew.
CRAWLER_SKIP_UNCHANGED = True
CRAWLER_UNCHANGED_MARGIN = 3600.0  # seconds
DOWNLOADER_MIDDLEWARES = {
    **DOWNLOADER_MIDDLEWARES,
    # Sees responses before retries, block detection and the Content-Type check (all below 560),
    # and after redirects (600): a 304 is not a redirect, and a redirect's target gets its own
    # validators.
    "crawler.middlewares.conditional.ConditionalRequestMiddleware": 560,
}
EXTENSIONS = {
    **EXTENSIONS,
    # Before StatsFile (510), so that `runs/ended_normally` is in the stats it writes.
    "crawler.middlewares.conditional.SiteRunRecorder": 505,
}
