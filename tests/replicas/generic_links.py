"""A small French-language news site with NO sitemap and NO feed: only links lead to articles.

What the generic spider must cope with:
- articles recognised in different ways: og:type=article on a dated path, JSON-LD NewsArticle on a
  long slug, a bare `_a1234.html` URL with no declaration at all, og:type alone on a short URL;
- section pages with pagination (`/page/2/`) and an archive that puts one article four link hops
  from the home page (beyond the default depth of 3);
- pages that are not articles and must not become items although some carry long text: about,
  contact, a tag page listing teasers, an author page, a legal page;
- a PDF and an image linked from articles (skipped by extension).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from tests.replicas.base import ARTICLE, Page, Replica

HTML = "text/html; charset=UTF-8"
SITE = "Le Courrier de l'Atlas"


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    date: str
    section: str
    paragraphs: tuple[str, ...]
    og_article: bool = False
    json_ld: bool = False


STORIES = (
    Story(
        "/2025/05/08/le-gouvernement-adopte-le-projet-de-loi-de-finances-rectificative/",
        "Le gouvernement adopte le projet de loi de finances rectificative",
        "2025-05-08", "politique",
        (
            "Réuni jeudi à Rabat, le conseil de gouvernement a adopté le projet de loi de finances "
            "rectificative qui revoit à la hausse les crédits alloués à l'investissement public et "
            "aux programmes de soutien aux ménages touchés par la hausse des prix.",
            "Selon le porte-parole du gouvernement, le texte prévoit une enveloppe supplémentaire "
            "de douze milliards de dirhams, financée en partie par des recettes fiscales plus "
            "importantes que prévu et par la cession de participations de l'État.",
            "L'opposition a dénoncé un collectif budgétaire présenté trop tard dans l'année et "
            "réclamé un débat approfondi en commission avant le vote en séance plénière, prévu "
            "avant la fin de la session parlementaire de printemps.",
        ),
        og_article=True,
    ),
    Story(
        "/economie/la-banque-centrale-maintient-son-taux-directeur-a-trois-pour-cent",
        "La banque centrale maintient son taux directeur à 3 %",
        "2025-05-06", "economie",
        (
            "À l'issue de sa réunion trimestrielle, le conseil de la banque centrale a décidé de "
            "maintenir son taux directeur inchangé, estimant que les pressions inflationnistes "
            "restent contenues malgré la volatilité des cours de l'énergie.",
            "L'institut d'émission table désormais sur une croissance de 3,2 % cette année, "
            "portée par le rebond de la production agricole après deux campagnes marquées par "
            "la sécheresse et par la bonne tenue des exportations industrielles.",
            "Les économistes interrogés s'attendent à une baisse des taux au second semestre si "
            "l'inflation sous-jacente poursuit son reflux, mais jugent prudente la position "
            "adoptée face aux incertitudes qui pèsent sur la demande extérieure.",
        ),
        json_ld=True,
    ),
    Story(
        "/politique/elections-communales-partielles_a1234.html",
        "Élections communales partielles : taux de participation en hausse",
        "2025-05-05", "politique",
        (
            "Les élections communales partielles organisées dimanche dans onze circonscriptions "
            "ont enregistré un taux de participation de 41 %, en nette progression par rapport au "
            "précédent scrutin partiel organisé dans les mêmes communes.",
            "Le ministère de l'Intérieur a salué le déroulement serein des opérations de vote, "
            "tandis que plusieurs observateurs de la société civile ont relevé des retards dans "
            "l'ouverture de certains bureaux en milieu rural.",
            "Les résultats définitifs seront proclamés mardi par les commissions de recensement, "
            "après l'examen des éventuels recours déposés par les candidats malheureux.",
        ),
    ),
    Story(
        "/breve/port-tanger",
        "Trafic record au port de Tanger Med au premier trimestre",
        "2025-05-04", "economie",
        (
            "Le complexe portuaire de Tanger Med a traité plus de deux millions de conteneurs "
            "au premier trimestre, un record porté par la réorganisation des lignes maritimes "
            "entre l'Asie et l'Europe et par la croissance du transbordement.",
            "L'autorité portuaire attribue cette performance à la mise en service de nouveaux "
            "portiques automatisés et à l'allongement des quais du terminal à conteneurs, qui "
            "permettent désormais d'accueillir les plus grands navires en service.",
            "Les opérateurs logistiques de la zone franche voisine profitent de cette dynamique "
            "et annoncent plusieurs projets d'entrepôts destinés à la distribution régionale.",
        ),
        og_article=True,
    ),
    Story(
        "/2025/05/02/la-saison-touristique-demarre-sous-de-bons-auspices-a-marrakech/",
        "La saison touristique démarre sous de bons auspices à Marrakech",
        "2025-05-02", "societe",
        (
            "Les hôteliers de Marrakech affichent des taux de réservation supérieurs à ceux de "
            "l'an dernier pour les mois de mai et juin, grâce au retour de la clientèle "
            "européenne et à l'ouverture de nouvelles liaisons aériennes à bas coût.",
            "Le conseil régional du tourisme mise sur les congrès et les événements sportifs "
            "pour lisser la fréquentation sur l'année et réduire la dépendance de la ville aux "
            "seules vacances scolaires européennes.",
            "Les professionnels alertent toutefois sur la pénurie de main-d'œuvre qualifiée dans "
            "l'hôtellerie et la restauration, qui pourrait peser sur la qualité du service.",
        ),
        og_article=True, json_ld=True,
    ),
    # Four hops from the home page: home -> /archives/ -> /archives/2024/ -> page 2 -> article.
    Story(
        "/2024/11/20/inauguration-du-nouveau-musee-regional-de-fes-apres-trois-ans-de-travaux/",
        "Inauguration du nouveau musée régional de Fès après trois ans de travaux",
        "2024-11-20", "societe",
        (
            "Après trois années de travaux, le musée régional de Fès a rouvert ses portes dans "
            "un ancien palais restauré de la médina, avec un parcours consacré à l'artisanat du "
            "cuir, de la céramique et de la broderie.",
            "Les conservateurs ont numérisé plus de quatre mille pièces, dont une partie est "
            "présentée pour la première fois au public, accompagnée de dispositifs interactifs "
            "pensés pour les visiteurs scolaires.",
            "La direction prévoit des expositions temporaires en partenariat avec des musées "
            "étrangers et un programme de résidences pour les jeunes artisans de la région.",
        ),
        og_article=True,
    ),
)
DEEP = STORIES[-1]
SECTIONS = {"politique": "Politique", "economie": "Économie", "societe": "Société"}
ABOUT_TEXT = (
    "Le Courrier de l'Atlas est un journal indépendant fondé par un collectif de journalistes "
    "attachés à une information vérifiée, pluraliste et accessible au plus grand nombre. Notre "
    "rédaction couvre l'actualité politique, économique et sociale du pays et de la région.",
    "Nous publions chaque jour des enquêtes, des reportages et des analyses, et nous nous "
    "engageons à corriger rapidement toute erreur signalée par nos lecteurs. Notre charte "
    "éditoriale est publique et notre financement repose sur les abonnements.",
    "Le journal emploie vingt-deux journalistes permanents et travaille avec un réseau de "
    "correspondants dans les principales villes. Il est membre du conseil national de la presse "
    "et adhère aux principes de déontologie de la profession.",
)


def layout(origin: str, title: str, main: str, *, og_type: str = "website",
           head: str = "") -> bytes:
    nav = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in SECTIONS.items())
    html = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(SITE)}</title>
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="{escape(SITE)}">
{head}</head>
<body>
<header><a class="logo" href="/">{escape(SITE)}</a>
<nav><ul>{nav}<li><a href="/archives/">Archives</a></li></ul></nav></header>
<main>{main}</main>
<footer><ul>
<li><a href="/a-propos/">À propos</a></li><li><a href="/contact/">Contact</a></li>
<li><a href="/mentions-legales/">Mentions légales</a></li>
<li><a href="{origin}/tag/maroc/">#Maroc</a></li>
</ul><p>© 2025 {escape(SITE)}</p></footer>
</body></html>"""
    return html.encode("utf-8")


def teaser(story: Story) -> str:
    return (f'<article class="teaser"><h2><a href="{story.path}">{escape(story.title)}</a></h2>'
            f"<p>{escape(story.paragraphs[0][:120])}…</p></article>")


def listing(origin: str, title: str, stories: list[Story], next_path: str | None = None) -> bytes:
    more = f'<nav class="pagination"><a class="next" href="{next_path}">Suivant »</a></nav>' \
        if next_path else ""
    main = f"<h1>{escape(title)}</h1>{''.join(teaser(s) for s in stories)}{more}"
    return layout(origin, title, main)


def article_page(origin: str, story: Story) -> bytes:
    head = ""
    if story.json_ld:
        data = {"@context": "https://schema.org", "@type": "NewsArticle",
                "headline": story.title, "datePublished": f"{story.date}T09:00:00+01:00",
                "author": {"@type": "Person", "name": "La rédaction"},
                "mainEntityOfPage": origin + story.path}
        head += f'<script type="application/ld+json">{json.dumps(data)}</script>\n'
    head += f'<link rel="canonical" href="{origin}{story.path}">\n'
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    main = (f'<article><h1>{escape(story.title)}</h1>'
            f'<p class="meta"><a href="/auteur/la-redaction/">La rédaction</a> '
            f'<time datetime="{story.date}">{story.date}</time></p>{body}'
            f'<p><a href="/docs/rapport-annuel-2024.pdf">Télécharger le rapport (PDF)</a> '
            f'<a href="/images/une.jpg">Photo</a></p></article>'
            f'<aside><h3>À lire aussi</h3><a href="{STORIES[0].path}">{STORIES[0].title}</a>'
            f"</aside>")
    return layout(origin, story.title, main,
                  og_type="article" if story.og_article else "website", head=head)


def text_page(origin: str, title: str, paragraphs: tuple[str, ...]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return layout(origin, title, f"<h1>{escape(title)}</h1>{body}")


def build(origin: str) -> Replica:
    o = origin.rstrip("/")
    replica = Replica(name="generic_links", origin=o)

    def add(path: str, body: bytes, kind: str, content_type: str = HTML) -> None:
        replica.add(Page(path=path, body=body, kind=kind, content_type=content_type))

    recent = list(STORIES[:-1])
    add("/robots.txt", b"User-agent: *\nDisallow: /admin/\n", "robots", "text/plain")
    add("/", listing(o, "À la une", recent[:3]), "home")
    for slug, name in SECTIONS.items():
        stories = [s for s in recent if s.section == slug]
        add(f"/{slug}/", listing(o, name, stories[:1], f"/{slug}/page/2/"), "section")
        add(f"/{slug}/page/2/", listing(o, f"{name} – page 2", stories[1:]), "section")
    add("/archives/", listing(o, "Archives", [], "/archives/2024/"), "section")
    add("/archives/2024/", listing(o, "Archives 2024", [], "/archives/2024/page/2/"), "section")
    add("/archives/2024/page/2/", listing(o, "Archives 2024 – page 2", [DEEP]), "section")
    for story in STORIES:
        add(story.path, article_page(o, story), ARTICLE)
    add("/a-propos/", text_page(o, "À propos du Courrier de l'Atlas", ABOUT_TEXT), "other")
    add("/contact/", text_page(o, "Contact", ("Écrivez-nous : redaction@example.org",)), "other")
    add("/mentions-legales/", text_page(o, "Mentions légales", ABOUT_TEXT[::-1]), "other")
    add("/tag/maroc/", listing(o, "Maroc", recent), "tag")
    add("/auteur/la-redaction/", listing(o, "La rédaction", recent[:2]), "author")
    add("/docs/rapport-annuel-2024.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "other",
        "application/pdf")
    add("/images/une.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64, "other", "image/jpeg")
    return replica
