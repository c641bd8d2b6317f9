from crawler.site import Site
from crawler.spider import NewsSpider


class Nabae24Spider(NewsSpider):
    site = Site(
        name="nabae24",
        title="NaBae 24",
        base_url="https://nabae24.com",
        domains=("nabae24.com", "www.nabae24.com"),
        language="ar",
        cms="wordpress",
        sitemaps=("/sitemap_index.xml", "/news-sitemap.xml"),
        feeds=("/feed/",),
        sections=("/category/akhbar/", "/category/national/", "/category/economie/",
                  "/category/sport/"),
        article_pattern=r"^/20\d{2}/\d{2}/\d{2}/[^/?#]+/(?:amp/)?(?:\?|$)",
        boilerplate_selectors=(
            # theme header, navigation, breadcrumbs, sidebar, footer
            "#masthead",
            "#breadcrumbs",
            "#secondary",
            "#colophon",
            "#back-to-top",
            # the "الاخبار العاجلة" ticker bar
            ".breaking-news",
            # post header furniture: category links, "آخر تحديث : منذ ..." and the image caption
            ".entry-cats",
            ".last-updated",
            ".post-thumbnail",
            # inside the post: share bars, tags, "اقرأ أيضا", short-link box, comment form
            ".share-buttons",
            ".post-tags",
            ".read-also",
            ".short-link",
            "#comments",
            "#respond",
            ".related-posts",
            # ads: theme slots and AdSense units
            ".ad",
            "ins.adsbygoogle",
            "amp-ad",
            # AMP reader template
            ".amp-wp-header",
            ".amp-wp-posted-on",
            ".amp-wp-article-footer",
            ".amp-wp-footer",
        ),
        boilerplate_lines=(
            "رابط مختصر",
            "اترك تعليق",
            "اترك تعليق إلغاء الرد",
            "يجب ان تسجل الدخول لكي تتمكن من إضافة التعليقات",
            "الاخبار العاجلة",
            "مقالات ذات صلة",
            "الوسوم:",
            "الأكثر قراءة",
            "آخر الأخبار",
            "تابعونا على فيسبوك",
            "إعلان",
        ),
        interval="1h",
    )
