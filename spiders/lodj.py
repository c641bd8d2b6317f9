from crawler.site import Site
from crawler.spider import NewsSpider


class LodjSpider(NewsSpider):
    site = Site(
        name="lodj",
        title="L'ODJ Média",
        base_url="https://www.lodj.ma",
        domains=("www.lodj.ma", "lodj.ma"),
        language="ar",
        cms="Wmaker",
        sitemaps=("/sitemap.xml",),
        feeds=("/xml/syndication.rss",),
        sections=(
            # /آخر-الأخبار_r127.html (Arabic news), /سياسة_r128.html, /Eco-Business_r8.html
            "/%D8%A2%D8%AE%D8%B1-%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1_r127.html",
            "/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9_r128.html",
            "/Eco-Business_r8.html",
        ),
        article_pattern=r"_a\d+\.html",
        body_selector="#article div.texte",
        boilerplate_selectors=(
            "#top",
            "#menu",
            "#col_right",
            "#footer",
            "div#titre_rubrique",
            ".social_bookmarks",
            ".bloc_auteur",
            ".date_article",
            ".same_rubrique",
            ".banniere",
            ".download_mag",
            ".spacer",
            ".ad",
            "ins.adsbygoogle",
        ),
        boilerplate_lines=(
            "آخر الأخبار",
            "إعرف المزيد حول هذا الكاتب",
            "في نفس الركن",
            "< >",
            "Bannière Réseaux Sociaux",
            "Bannière Lodj DJ",
            "تحميل مجلة لويكاند",
            "Buy cheap website traffic",
            "Dans la même rubrique",
            "En savoir plus sur cet auteur",
        ),
        interval="1h",
    )
