from crawler.site import Site
from crawler.spider import NewsSpider


class AlakhbarSpider(NewsSpider):
    site = Site(
        name="alakhbar",
        title="الأخبار",
        base_url="https://www.alakhbar.press.ma",
        domains=("www.alakhbar.press.ma", "alakhbar.press.ma"),
        language="ar",
        cms="wordpress",
        sitemaps=("/sitemap_index.xml", "/news-sitemap.xml"),
        feeds=("/feed/",),
        sections=(
            "/category/national/",
            "/category/national/societe/",
            "/category/economie/",
            "/category/sport/",
        ),
        # Permalinks /<post_id>.html; the AMP plugin (reader mode) adds /<post_id>.html/amp/.
        article_pattern=r"^/\d{4,}\.html(?:/amp/?)?(?:\?|$)",
        boilerplate_selectors=(
            # Jannah header: top bar with the "عاجل" ticker, logo (hidden site name), menus
            "#top-nav",
            ".breaking",
            "#logo",
            "#main-nav",
            "#breadcrumb",
            # post header furniture: category label, byline/date/views/reading time, caption
            ".post-cat-wrap",
            ".post-meta",
            ".single-caption-text",
            # inside and after the post: tags, share bars, related posts, comment form
            ".post-bottom-meta",
            ".share-buttons",
            ".post-components",
            "#related-posts",
            "#comments",
            "#respond",
            # ads (Jannah stream items, AdSense units, AMP ads)
            ".stream-item",
            "ins.adsbygoogle",
            "amp-ad",
            # sidebar, footer, back-to-top, mobile menu, WP Content Copy Protection notice
            ".sidebar",
            "#footer",
            "#go-to-top",
            ".side-aside",
            "#wpcp-error-message",
            # AMP reader template
            ".amp-wp-header",
            ".amp-wp-meta",
            ".amp-wp-article-footer",
            ".amp-wp-footer",
            "#amp-mobile-version-switcher",
        ),
        boilerplate_lines=(
            "الأخبار",
            "عاجل",
            "مقالات ذات صلة",
            "اترك تعليقاً",
            "اترك تعليقاً إلغاء الرد",
            "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
            "لن يتم نشر عنوان بريدك الإلكتروني.",
            "الحقول الإلزامية مشار إليها بـ *",
            "زر الذهاب إلى الأعلى",
            "error: Content is protected !!",
            "الوسوم",
            "شارك",
            "الأكثر قراءة",
            "آخر الأخبار",
            "العودة إلى الأعلى",
        ),
        interval="1h",
    )
