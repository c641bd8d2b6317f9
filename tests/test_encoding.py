import codecs

import pytest

from crawler.encoding import codec_name, decode_html

ARABIC = "يبرز عبد اللطيف الحموشي المدير العام للأمن الوطني كأحد الشخصيات الأكثر تأثيرا"


def page(charset_meta: str | None = None, text: str = ARABIC) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    paragraphs = f"<p>{text}</p>" * 20
    return f"<html><head>{meta}<title>t</title></head><body>{paragraphs}</body></html>"


def test_declared_windows_1256():
    body = page("windows-1256").encode("cp1256")
    decoded = decode_html(body, "text/html; charset=windows-1256")
    assert ARABIC in decoded.text and decoded.encoding == "cp1256" and decoded.source == "header"


def test_undeclared_windows_1256_is_detected():
    decoded = decode_html(page().encode("cp1256"), "text/html")
    assert ARABIC in decoded.text and decoded.encoding == "cp1256" and decoded.source == "detected"


def test_lying_utf8_header_falls_back_to_meta():
    decoded = decode_html(page("windows-1256").encode("cp1256"), "text/html; charset=UTF-8")
    assert ARABIC in decoded.text
    assert (decoded.source, decoded.overridden) == ("meta", "utf-8")


def test_lying_utf8_header_without_meta_is_detected():
    decoded = decode_html(page().encode("cp1256"), "text/html; charset=utf-8")
    assert ARABIC in decoded.text and decoded.source == "detected"


def test_lying_single_byte_header_on_utf8_bytes():
    decoded = decode_html(page().encode("utf-8"), "text/html; charset=windows-1256")
    assert ARABIC in decoded.text and decoded.encoding == "utf-8"


def test_latin1_header_on_cp1256_bytes_is_mojibake_and_rejected():
    decoded = decode_html(page("windows-1256").encode("cp1256"), "text/html; charset=iso-8859-1")
    assert ARABIC in decoded.text


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"),
                                             (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_bom_wins_over_header(bom, codec):
    decoded = decode_html(bom + page().encode(codec), "text/html; charset=windows-1256")
    assert ARABIC in decoded.text and decoded.source == "bom"


def test_unknown_labels_and_binary_never_raise():
    assert codec_name("x-no-such-charset") is None
    decoded = decode_html(bytes(range(256)) * 50, "text/html; charset=x-no-such-charset")
    assert "\ufffd" not in decoded.text
    assert decode_html(b"").text == ""
