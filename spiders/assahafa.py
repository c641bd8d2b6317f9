from crawler.site import Site
from crawler.spider import NewsSpider


class AssahafaSpider(NewsSpider):
    site = Site(
        name="assahafa",
        title="الصحافة",
        base_url="https://assahafa.com",
        domains=("assahafa.com", "www.assahafa.com"),
        language="ar",
        cms="wordpress",
        sitemaps=("/sitemap_index.xml", "/news-sitemap.xml"),
        feeds=("/feed/",),
        sections=(
            "/category/akhbar/",
            "/category/watani/",
            "/category/economie/",
            "/category/sport/",
        ),
        article_pattern=r"^/20\d{2}/\d{2}/[^/?#]+/(?:amp/)?(?:\?|$)",
        boilerplate_selectors=(
            # Cookie Law Info (CookieYes legacy) consent bar
            "#cookie-law-info-bar",
            "#cookie-law-info-again",
            ".cli-modal",
            # tagDiv Newspaper theme furniture
            "#td-mobile-nav",
            ".td-search-wrap-mob",
            ".td-header-wrap",
            ".td-trending-now-wrapper",
            ".td-crumb-container",
            ".td-category",
            ".td-post-sharing",
            ".td-post-comments",
            ".td-post-views",
            ".td-post-featured-image",
            ".td-post-source-tags",
            ".td-post-next-prev",
            ".author-box-wrap",
            ".td_block_related_posts",
            ".td-main-sidebar",
            ".td-footer-page",
            ".td-sub-footer-container",
            ".td-scroll-up",
            # ads: theme slots, Ad Inserter blocks, AdSense units
            ".td-a-rec",
            ".code-block",
            "ins.adsbygoogle",
            "amp-ad",
            # WordPress comment form
            "#comments",
            "#respond",
            # AMP reader template
            ".amp-wp-header",
            ".amp-wp-article-footer",
            ".amp-wp-footer",
        ),
        boilerplate_lines=(
            "نحن نستخدم ملفات تعريف الارتباط لتخصيص المحتوى والإعلانات، وذلك لتوفير ميزات الشبكات"
            " الاجتماعية وتحليل الزيارات الواردة إلينا. إضافةً إلى ذلك، فنحن نشارك المعلومات حول"
            " استخدامك لموقعنا مع شركائنا من الشبكات الاجتماعية وشركاء الإعلانات وتحليل البيانات"
            " الذين يمكنهم إضافة هذه المعلومات إلى معلومات أخرى تقدمها لهم أو معلومات أخرى يحصلون"
            " عليها من استخدامك لخدماتهم.",
            "اطّلع على التفاصيل اقرأ أكثر",
            "موافق",
            "عاجل",
            "شارك",
            "الوسوم",
            "المقال السابق",
            "المقال التالي",
            "مقالات ذات صلة",
            "المزيد من المؤلف",
            "اترك تعليقا",
            "إرسال التعليق",
            "العودة إلى الأعلى",
        ),
        interval="1h",
    )
