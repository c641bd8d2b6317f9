from crawler.site import Site
from crawler.spider import NewsSpider


class AnniyapressSpider(NewsSpider):
    site = Site(
        name="anniyapress",
        title="النية بريس",
        base_url="https://www.anniyapress.com",
        domains=("anniyapress.com", "www.anniyapress.com"),
        language="ar",
        cms="custom",
        sitemaps=("/sitemap.xml",),
        feeds=("/rss",),
        sections=("/category/politique", "/category/societe", "/category/economie"),
        article_pattern=r"/news/\d+\.html",
        body_selector="div.news-text",
        boilerplate_selectors=(
            ".top-bar",
            "nav.main-menu",
            ".breaking-news",
            ".breadcrumb",
            ".share-buttons",
            ".ad",
            "ins.adsbygoogle",
            ".google-news-follow",
            ".news-tags",
            ".read-also",
            "#comments",
            ".comments-area",
            ".related-news",
            "aside.sidebar",
            ".site-footer",
            "#back-to-top",
        ),
        boilerplate_lines=(
            "تابعوا آخر الأخبار من النية بريس على Google News",
            "أضف تعليقك",
            "1000 / 1000 (عدد الأحرف المتبقية)",
            "من شروط النشر : عدم الإساءة للكاتب أو للأشخاص أو للمقدسات أو مهاجمة الأديان أو "
            "الذات الإلهية، والابتعاد عن التحريض العنصري والشتائم.",
            "تعليقات",
            "مقالات ذات صلة",
            "آخر الأخبار",
            "الأكثر قراءة",
        ),
        interval="1h",
    )
