"""Page furniture that must never reach an output file: the tails of ../shared/seeds/."""

# Found anywhere in the output text.
PHRASES = (
    # 000 النية بريس
    "على Google News", "أضف تعليقك", "عدد الأحرف المتبقية", "من شروط النشر",
    "مقالات ذات صلة",
    # 001 NaBae 24
    "رابط مختصر", "اترك تعليق", "يجب ان تسجل الدخول لكي تتمكن من إضافة التعليقات",
    "الاخبار العاجلة", "آخر تحديث",
    # 002 L'ODJ
    "إعرف المزيد حول هذا الكاتب", "في نفس الركن", "Bannière", "تحميل مجلة لويكاند",
    "Buy cheap website traffic",
    # 003 الأخبار
    "لن يتم نشر عنوان بريدك الإلكتروني", "الحقول الإلزامية", "زر الذهاب إلى الأعلى",
    "Content is protected",
    # 004 الصحافة
    "نحن نستخدم ملفات تعريف الارتباط", "اطّلع على التفاصيل", "ملفات تعريف الارتباط",
    # inline prompts plugins add inside the content
    "اقرأ أيضا", "اقرأ أيضاً",
)

# Furniture only when it is a whole line.
LINES = ("آخر الأخبار", "تعليقات", "0", "موافق", "< >", "الأخبار", "الصحافة", "De // NaBae 24")
