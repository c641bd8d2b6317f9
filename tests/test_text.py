import re

from crawler.text import content_hash, hamming, normalize_for_hash, simhash
from tests.replicas.common import SYNDICATED, SYNDICATED_EDITED


def test_hash_shape():
    assert re.fullmatch(r"[0-9a-f]{16}", content_hash("نص"))


def test_normalisation_ignores_tatweel_diacritics_and_spacing():
    plain = "المغرب يتبوأ مكانة عالمية"
    decorated = "المغـــرب  يَتَبَوَّأُ\nمكانةً عالميةٰ"
    assert normalize_for_hash(decorated) == normalize_for_hash(plain)
    assert content_hash(decorated) == content_hash(plain)


def test_every_arabic_word_counts():
    # trafilatura's fingerprint drops words before "،"; ours must not.
    assert content_hash("قال الوزير، إن") != content_hash("قال الوزير، أن")


def test_nfkc_folds_presentation_forms():
    assert content_hash("ﻻ") == content_hash("لا")


def test_simhash_near_and_far():
    original = simhash("\n\n".join(SYNDICATED.paragraphs))
    edited = simhash("\n\n".join(SYNDICATED_EDITED.paragraphs))
    other = simhash("مباراة كرة القدم انتهت بفوز الفريق المحلي بهدفين دون رد في الدوري " * 5)
    assert 0 < hamming(original, edited) <= 3
    assert hamming(original, other) > 10
    assert simhash("") == 0 and original < 2**64
