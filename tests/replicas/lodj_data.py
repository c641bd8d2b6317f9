"""Content of the L'ODJ (lodj.ma) replica: rubriques, authors and articles, as plain records.

The first Arabic article is the seed article (tests seed 002): its title, body and byline are copied
from the seed. The others are original texts written for the replica.

Body blocks: ("p", text) paragraph, ("b", text) bold sub-heading line (Wmaker style, followed by a
single <br />), ("h3", text) intertitre, ("ul", (item, ...)) list, ("quote", text) blockquote.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rubrique:
    key: str
    name: str
    id: int
    lang: str
    parent: str | None
    per_page: int
    description: str


@dataclass(frozen=True)
class Author:
    key: str
    name: str  # as printed in the author box (Latin letters, as the seed shows)
    slug: str
    bio: str  # the box text, before the "more about this author" link
    lang: str


@dataclass(frozen=True)
class Article:
    id: int
    rubrique: str
    title: str
    date: str  # YYYY-MM-DD, Morocco time (+01:00)
    time: str  # HH:MM
    author: str
    lang: str
    tags: tuple[str, ...]
    blocks: tuple[tuple, ...]
    modified_after: int  # minutes between publication and last edit
    fixture: str | None = None


RUBRIQUES: tuple[Rubrique, ...] = (
    Rubrique("akhbar", "آخر الأخبار", 127, "ar", None, 4,
             "آخر الأخبار الوطنية والدولية بالعربية على L'ODJ"),
    Rubrique("siyasa", "سياسة", 128, "ar", "akhbar", 2,
             "الشأن السياسي المغربي: الحكومة والبرلمان والأحزاب والعلاقات الخارجية"),
    Rubrique("iqtisad", "اقتصاد", 129, "ar", "akhbar", 10,
             "المال والأعمال والاستثمار والسياحة"),
    Rubrique("riyada", "رياضة", 131, "ar", "akhbar", 10,
             "كرة القدم وباقي الرياضات الوطنية"),
    Rubrique("thaqafa", "ثقافة وفنون", 132, "ar", "akhbar", 10,
             "الكتاب والمسرح والسينما والموسيقى"),
    Rubrique("eco", "Eco Business", 8, "fr", None, 10,
             "L'actualité économique, financière et des entreprises au Maroc"),
)

AUTHORS: tuple[Author, ...] = (
    Author("sara", "Sara Elboufi", "Sara-Elboufi",
           'سارة البوفي كاتبة وصحفية بالمؤسسة الإعلامية الرسالة مقدمة البرنامج الإخباري'
           ' "صدى الصحف" لجريدة', "ar"),
    Author("hicham", "Hicham Idrissi", "Hicham-Idrissi",
           "هشام الإدريسي صحفي بالقسم العربي لـ L'ODJ، يهتم بالشأن السياسي والسياسات العمومية",
           "ar"),
    Author("nadia", "Nadia Benali", "Nadia-Benali",
           "نادية بنعلي صحفية متخصصة في الشؤون الاجتماعية والنقابية", "ar"),
    Author("karim", "Karim Bennani", "Karim-Bennani",
           "كريم بناني صحفي اقتصادي يتابع قضايا الاستثمار والسياحة والمالية العمومية", "ar"),
    Author("rachid", "Rachid El Alami", "Rachid-El-Alami",
           "رشيد العلمي صحفي رياضي يغطي أخبار كرة القدم الوطنية والقارية", "ar"),
    Author("salma", "Salma Chraibi", "Salma-Chraibi",
           "سلمى الشرايبي صحفية مهتمة بالشأن الثقافي والأدبي وبقضايا النشر والقراءة", "ar"),
    Author("yassine", "Yassine Alaoui", "Yassine-Alaoui",
           "Journaliste économique à L'ODJ Média, il suit la logistique, les ports et l'industrie.",
           "fr"),
    Author("leila", "Leila Amrani", "Leila-Amrani",
           "Journaliste à L'ODJ Média, elle couvre l'agriculture, l'eau et l'environnement.",
           "fr"),
)

# Newest first is not required here: the builder sorts.
ARTICLES: tuple[Article, ...] = (
    # The seed article (tests seed 002), copied exactly.
    Article(
        id=131412,
        rubrique="siyasa",
        title="الشراكة الأمنية بين المغرب وفرنسا: نموذج للتعاون الدولي الناجح",
        date="2025-04-16",
        time="10:05",
        author="sara",
        lang="ar",
        tags=("المغرب", "فرنسا", "الأمن", "حموشي"),
        modified_after=47,
        fixture="article-chouraka-amniya",
        blocks=(
            ("p", "في ظل التحديات الأمنية العابرة للحدود التي يشهدها العالم اليوم، تبرز الشراكة الأمنية بين المملكة المغربية والجمهورية الفرنسية كنموذج رائد في التعاون الدولي. هذه العلاقة المتينة لم تكن لتتحقق لولا الالتزام الثابت والاحترافية العالية التي يكرسها السيد عبد اللطيف حموشي، المدير العام للأمن الوطني ومراقبة التراب الوطني في المغرب."),  # noqa: E501
            ("b", "شراكة استراتيجية موثوقة"),
            ("p", "يعد المغرب اليوم شريكًا موثوقًا واستراتيجيًا في المنظومة الأوروبية لمكافحة الإرهاب والجريمة المنظمة والهجرة غير النظامية. هذا الدور البارز يعزى إلى الجهود الميدانية والمقاربات المبتكرة التي تبناها السيد حموشي، والتي أرست ثقة متبادلة قائمة على نتائج ملموسة. لقد أثبتت الاستخبارات المغربية مرارًا قدرتها على توفير معلومات دقيقة للأمن الفرنسي، كما حدث خلال أحداث باتاكلان في 2015."),  # noqa: E501
            ("b", "التعاون في أوقات التوتر"),
            ("p", "حتى في ظل التوترات السياسية، حافظت الرباط على منطق المسؤولية المؤسساتية، واستمرت الأجهزة الأمنية المغربية في أداء دورها بكفاءة. تجسد فلسفة السيد حموشي في فصل الأمن عن التجاذبات السياسية، مما يجعل حماية الأرواح أولوية تتجاوز الحسابات الظرفية."),  # noqa: E501
            ("b", "تبادل الخبرات والتدريب المشترك"),
            ("p", "جانب آخر مهم في هذا التعاون يتمثل في الدورات التكوينية المشتركة وتبادل الخبرات. يتم تكوين عناصر مغربية في مؤسسات أمنية فرنسية، بينما يتولى خبراء مغاربة تأطير تدريبات على مهام التدخل السريع وتأمين الفضاءات الحساسة. هذا التعاون يتجاوز الطابع الاستخباراتي ليشمل بناء قدرات بشرية ولوجستيكية مشتركة."),  # noqa: E501
            ("b", "رؤية استراتيجية للمستقبل"),
            ("p", "التعاون بين المغرب وفرنسا يجسد رؤية استراتيجية تشمل توحيد المفاهيم الأمنية على قاعدة الصرامة القانونية واحترام الحقوق والحريات. إن الاستمرارية والنجاعة التي تعرفها هذه الشراكة تمثل اعترافًا بدور المدرسة المغربية في بناء أمن استباقي ومرن."),  # noqa: E501
            ("b", "التطلع إلى المستقبل"),
            ("p", "مع التحديات المتزايدة مثل الأمن السيبراني والذكاء الاصطناعي، يصبح من الضروري توسيع هذا التعاون ليشمل مجالات جديدة. إن الاستثمار في هذه الشراكة يمثل استثمارًا في مستقبل آمن ومستقر، ليس فقط للبلدين، بل للعالم بأسره."),  # noqa: E501
            ("p", "في الختام، يمثل السيد عبد اللطيف حموشي رمزًا للأمن الإقليمي والدولي، حيث يعمل في صمت ليصنع الفارق في لحظات الحقيقة، مقدّمًا للمغرب صورة الدولة القوية والمتزنة التي تقف دائمًا في صف الشرعية الدولية والسلم العالمي."),  # noqa: E501
        ),
    ),
    # Plain paragraphs, politics.
    Article(
        id=131598,
        rubrique="siyasa",
        title="الحوار الاجتماعي: الحكومة والنقابات تتفقان على مواصلة المشاورات حول الملفات العالقة",
        date="2025-04-18",
        time="17:20",
        author="nadia",
        lang="ar",
        tags=("الحوار الاجتماعي", "النقابات"),
        modified_after=95,
        blocks=(
            ("p", "اختتمت الحكومة والمركزيات النقابية الأكثر تمثيلية، مساء الخميس بالرباط، جولة جديدة من الحوار الاجتماعي، اتفق خلالها الطرفان على مواصلة المشاورات بشأن عدد من الملفات العالقة، في مقدمتها إصلاح أنظمة التقاعد وتحسين الدخل."),  # noqa: E501
            ("p", "وأوضحت مصادر نقابية أن الاجتماع، الذي ترأسه رئيس الحكومة بحضور عدد من الوزراء وممثلي الاتحاد العام لمقاولات المغرب، خصص لتقييم مدى تنفيذ الالتزامات السابقة، خاصة ما يتعلق بالزيادة العامة في الأجور والرفع من الحد الأدنى للأجر."),  # noqa: E501
            ("p", "وطالبت النقابات بتسريع إخراج النصوص التنظيمية المرتبطة بالقوانين الاجتماعية، وبفتح نقاش جدي حول القدرة الشرائية للأجراء في ظل ارتفاع أسعار عدد من المواد الأساسية."),  # noqa: E501
            ("p", "في المقابل، أكدت الحكومة التزامها بمنهجية الحوار والتشاور، مشيرة إلى أن إصلاح منظومة التقاعد سيتم وفق مقاربة تدريجية تراعي التوازنات المالية للصناديق وحقوق المنخرطين."),  # noqa: E501
            ("p", "ومن المرتقب أن تعقد لجان تقنية مشتركة اجتماعات خلال الأسابيع المقبلة لتدقيق المقترحات المطروحة، قبل رفع خلاصاتها إلى اللجنة العليا للحوار الاجتماعي."),  # noqa: E501
            ("p", "ويأتي هذا اللقاء أياما قليلة قبل احتفالات فاتح ماي، التي تحرص النقابات على جعلها مناسبة لعرض مطالبها وتقييم حصيلة الحوار مع الحكومة."),  # noqa: E501
        ),
    ),
    # French, economy (not a fixture).
    Article(
        id=131706,
        rubrique="eco",
        title="Tanger Med : le trafic de conteneurs poursuit sa progression au premier trimestre",
        date="2025-04-19",
        time="09:30",
        author="yassine",
        lang="fr",
        tags=("Tanger Med", "Logistique"),
        modified_after=130,
        blocks=(
            ("p", "Le complexe portuaire Tanger Med confirme sa place de premier hub à conteneurs de la Méditerranée. Selon les indicateurs publiés par l'autorité portuaire, le volume manutentionné au premier trimestre est en nette hausse par rapport à la même période de l'an dernier."),  # noqa: E501
            ("p", "Cette performance s'explique d'abord par le transbordement, qui profite de la réorganisation des lignes maritimes entre l'Asie, l'Europe et l'Afrique de l'Ouest. Les grands armateurs ont renforcé leurs escales dans le détroit, à la recherche de capacités et de délais d'attente réduits."),  # noqa: E501
            ("p", "Le trafic de camions TIR et de véhicules neufs progresse également, porté par les usines automobiles de la région Tanger-Tétouan-Al Hoceïma et par la montée en puissance des zones d'activités adossées au port."),  # noqa: E501
            ("p", "Pour les opérateurs logistiques, l'enjeu est désormais de fluidifier les flux à terre : connexions ferroviaires, plateformes de stockage et digitalisation des procédures douanières."),  # noqa: E501
            ("p", "L'autorité portuaire mise sur la poursuite des investissements dans les terminaux pour accompagner cette croissance jusqu'à la fin de l'année."),  # noqa: E501
        ),
    ),
    # With a list, economy.
    Article(
        id=132011,
        rubrique="iqtisad",
        title="السياحة المغربية تواصل نموها خلال الربع الأول من 2025",
        date="2025-04-22",
        time="16:40",
        author="karim",
        lang="ar",
        tags=("المغرب", "السياحة"),
        modified_after=62,
        fixture="article-siyaha",
        blocks=(
            ("p", "سجل القطاع السياحي بالمغرب أداء لافتا خلال الأشهر الثلاثة الأولى من السنة الجارية، إذ استقبلت المملكة قرابة أربعة ملايين سائح، وفق معطيات أولية صادرة عن وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني."),  # noqa: E501
            ("p", "وأبرزت المعطيات ذاتها أن هذا الأداء يعكس استمرار الدينامية التي عرفها القطاع منذ تجاوز تداعيات الجائحة، مدعوما بتنوع العرض السياحي وتحسن الربط الجوي مع الأسواق الرئيسية."),  # noqa: E501
            ("p", "وتتمثل أبرز مؤشرات هذه الحصيلة في ما يلي:"),
            ("ul", (
                "ارتفاع عدد الوافدين بنسبة تفوق 20 في المائة مقارنة مع الفترة نفسها من السنة الماضية؛",  # noqa: E501
                "تحسن ليالي المبيت في مؤسسات الإيواء المصنفة، خاصة بمراكش وأكادير وطنجة؛",
                "نمو عائدات الأسفار بالعملة الصعبة؛",
                "توسيع شبكة الربط الجوي بخطوط جديدة نحو أوروبا وإفريقيا.",
            )),
            ("p", "ويعزو مهنيو القطاع هذا التطور إلى الحملات الترويجية التي أطلقها المكتب الوطني المغربي للسياحة في عدد من الأسواق، إلى جانب الإقبال المتزايد لمغاربة العالم على زيارة بلدهم خارج فترة الصيف."),  # noqa: E501
            ("p", "غير أن الفاعلين يدعون إلى مواكبة هذا النمو بتأهيل الموارد البشرية وتحسين جودة الخدمات، خاصة في ظل الاستعداد لاحتضان تظاهرات قارية ودولية كبرى خلال السنوات المقبلة."),  # noqa: E501
            ("p", "وتراهن خارطة الطريق الخاصة بالقطاع على استقطاب 26 مليون سائح في أفق سنة 2030، وهو هدف يتطلب، بحسب الخبراء، رفع الطاقة الإيوائية وتنويع الوجهات لتشمل مناطق لا تزال بعيدة عن التدفقات السياحية."),  # noqa: E501
        ),
    ),
    # French, agriculture (not a fixture).
    Article(
        id=132208,
        rubrique="eco",
        title="Céréales : les pluies de printemps redonnent espoir aux agriculteurs",
        date="2025-04-24",
        time="11:00",
        author="leila",
        lang="fr",
        tags=("Agriculture", "Céréales"),
        modified_after=210,
        blocks=(
            ("p", "Après plusieurs saisons marquées par la sécheresse, les précipitations enregistrées en mars et en avril ont changé la donne dans de nombreuses régions céréalières du Royaume."),  # noqa: E501
            ("p", "Dans la Chaouia, le Saïs et le Gharb, les agriculteurs constatent une nette amélioration de l'état des cultures, même si les semis tardifs restent fragiles."),  # noqa: E501
            ("p", "Les retenues des barrages se sont également redressées, ce qui devrait soulager l'irrigation des cultures de printemps et l'approvisionnement en eau potable de plusieurs villes."),  # noqa: E501
            ("p", "Les professionnels restent toutefois prudents : la récolte dépendra des températures des prochaines semaines et de la disponibilité des intrants."),  # noqa: E501
            ("p", "Le ministère de l'Agriculture doit publier dans les prochains jours une première estimation de la production, très attendue par les meuniers comme par les importateurs."),  # noqa: E501
        ),
    ),
    # Short one (about 120 words), sport.
    Article(
        id=132317,
        rubrique="riyada",
        title="إطلاق برنامج وطني لتكوين مؤطري كرة القدم في ملاعب القرب",
        date="2025-04-25",
        time="18:10",
        author="rachid",
        lang="ar",
        tags=("كرة القدم",),
        modified_after=25,
        blocks=(
            ("p", "أعلنت الجامعة الملكية المغربية لكرة القدم، الجمعة، عن إطلاق برنامج وطني لتكوين المؤطرين الرياضيين العاملين في ملاعب القرب بمختلف جهات المملكة."),  # noqa: E501
            ("p", "ويهدف البرنامج، الذي يمتد على مدى سنتين، إلى تمكين المشاركين من شهادات معتمدة في التدريب، وتعزيز اكتشاف المواهب الشابة في الأحياء والمناطق البعيدة."),  # noqa: E501
            ("p", "وسيستفيد من الدفعة الأولى حوالي خمسمائة مؤطر، يخضعون لدورات نظرية وتطبيقية بمراكز التكوين الجهوية، بإشراف أطر تقنية وطنية."),  # noqa: E501
            ("p", "ويأتي هذا المشروع في إطار استراتيجية تطوير كرة القدم القاعدية، استعدادا للاستحقاقات القارية والدولية التي ستحتضنها المملكة، وسعيا إلى توسيع قاعدة الممارسين في صفوف الفتيان والفتيات على حد سواء."),  # noqa: E501
            ("p", "وأكدت الجامعة أن باب الترشيح سيفتح خلال شهر ماي المقبل عبر منصة رقمية مخصصة لذلك، على أن تنطلق الدورات الأولى مع بداية الموسم الرياضي المقبل."),  # noqa: E501
        ),
    ),
    # With a blockquote, culture.
    Article(
        id=132641,
        rubrique="thaqafa",
        title="إسدال الستار على الدورة الثلاثين للمعرض الدولي للنشر والكتاب بالرباط",
        date="2025-04-28",
        time="12:30",
        author="salma",
        lang="ar",
        tags=("المغرب", "الكتاب", "الرباط"),
        modified_after=80,
        fixture="article-maarad-kitab",
        blocks=(
            ("p", "أسدل الستار، مساء الأحد بالرباط، على فعاليات الدورة الثلاثين للمعرض الدولي للنشر والكتاب، التي امتدت على مدى أحد عشر يوما، وعرفت إقبالا جماهيريا واسعا من مختلف الفئات العمرية."),  # noqa: E501
            ("p", "وشهدت هذه الدورة مشاركة مئات العارضين من المغرب وخارجه، إلى جانب برنامج ثقافي غني تضمن ندوات فكرية وقراءات شعرية وحفلات توقيع لإصدارات جديدة في مجالات الرواية والفكر والتاريخ."),  # noqa: E501
            ("p", "وعبر عدد من الناشرين عن ارتياحهم لحجم المبيعات، خاصة في أجنحة كتب الأطفال والناشئة، التي استقطبت الأسر وتلاميذ المؤسسات التعليمية. وقال أحد الناشرين المشاركين:"),  # noqa: E501
            ("quote", "«لمسنا هذه السنة اهتماما متزايدا بالكتاب الورقي لدى الشباب، وهو مؤشر مطمئن يكذب الصورة النمطية عن عزوف الجيل الجديد عن القراءة»."),  # noqa: E501
            ("p", "من جهتهم، دعا عدد من الكتاب إلى تعزيز حضور الكتاب المغربي في المكتبات العمومية والمدارس، وتوسيع شبكة التوزيع لتشمل المدن الصغرى والمناطق القروية، حتى لا يظل المعرض الموعد الوحيد للقاء القارئ بالكتاب."),  # noqa: E501
            ("p", "كما خصص المعرض فضاءات للنقاش حول تحولات النشر في العصر الرقمي، ومستقبل الكتاب الإلكتروني والكتاب المسموع، وحقوق المؤلف في ظل انتشار المنصات الرقمية."),  # noqa: E501
            ("p", "ويعد المعرض الدولي للنشر والكتاب من أبرز التظاهرات الثقافية في المغرب والعالم العربي، إذ يشكل مناسبة سنوية لتبادل التجارب بين الفاعلين في صناعة الكتاب والاحتفاء بالإبداع بمختلف لغاته."),  # noqa: E501
        ),
    ),
    # With <h3> intertitres, politics; the "في نفس الركن" teaser the seed shows.
    Article(
        id=132853,
        rubrique="siyasa",
        title="المغرب ورش مفتوح",
        date="2025-04-30",
        time="14:52",
        author="hicham",
        lang="ar",
        tags=("المغرب", "تنمية", "كأس العالم 2030"),
        modified_after=38,
        fixture="article-warch-maftouh",
        blocks=(
            ("p", "لم يعد خافيا على أي متتبع للشأن الوطني أن المغرب تحول خلال السنوات الأخيرة إلى ورش مفتوح على أكثر من واجهة، من البنيات التحتية الكبرى إلى الإصلاحات الاجتماعية، مرورا بالتحول الطاقي وتدبير الموارد المائية. غير أن تعدد الأوراش وتزامنها يطرح أسئلة حقيقية حول القدرة على التنفيذ، وحول انعكاس هذه المشاريع على الحياة اليومية للمواطن."),  # noqa: E501
            ("h3", "بنيات تحتية في سباق مع الزمن"),
            ("p", "يستعد المغرب لاحتضان كأس أمم إفريقيا في نهاية السنة الجارية، ثم كأس العالم 2030 بشراكة مع إسبانيا والبرتغال. وقد فرض هذا الاستحقاق وتيرة غير مسبوقة على مشاريع الملاعب والطرق السيارة وتوسعة المطارات وخط القطار فائق السرعة، الذي يرتقب أن يربط القنيطرة بمراكش."),  # noqa: E501
            ("p", "ويرى عدد من الخبراء أن هذه المشاريع، وإن كانت مرتبطة بمواعيد رياضية، تشكل فرصة لتدارك الخصاص المسجل في عدد من الجهات، شريطة ألا يقتصر أثرها على المدن الكبرى وحدها."),  # noqa: E501
            ("h3", "الدولة الاجتماعية: الرهان الأصعب"),
            ("p", "بالموازاة مع ذلك، يواصل المغرب تنزيل ورش تعميم الحماية الاجتماعية، الذي شمل التغطية الصحية الإجبارية والدعم الاجتماعي المباشر للأسر. ويبقى التحدي الأكبر هو ضمان استدامة التمويل وتحسين جودة الخدمات في المستشفيات العمومية، حتى لا يظل الحق في العلاج مجرد بطاقة في جيب المواطن."),  # noqa: E501
            ("h3", "الماء والطاقة في صلب الأولويات"),
            ("p", "أما على مستوى الموارد المائية، فقد دفعت سنوات الجفاف المتتالية السلطات إلى تسريع برامج تحلية مياه البحر وربط الأحواض المائية، وهي مشاريع تتطلب استثمارات ضخمة لكنها باتت ضرورة لا تقبل التأجيل. وفي السياق ذاته، يواصل المغرب الرهان على الطاقات المتجددة والهيدروجين الأخضر لتعزيز سيادته الطاقية."),  # noqa: E501
            ("h3", "سؤال الحكامة"),
            ("p", "إن نجاح هذه الأوراش لا يقاس بعدد المشاريع المعلنة، بل بقدرة المؤسسات على تتبعها وتقييمها وربط المسؤولية بالمحاسبة. فالمواطن ينتظر أن يلمس أثر هذه الاستثمارات في فرص الشغل وفي جودة التعليم والصحة والنقل."),  # noqa: E501
            ("p", "المغرب اليوم ورش مفتوح بكل ما تحمله الكلمة من معنى، والرهان الحقيقي هو أن تتحول هذه الدينامية إلى تنمية يشعر بها الجميع، في المدن كما في القرى والجبال."),  # noqa: E501
        ),
    ),
)
