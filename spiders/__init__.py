"""One module per configured site: a declarative subclass of `crawler.spider.NewsSpider`."""
