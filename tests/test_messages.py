"""The parser's sentences: Danish msgids kept with their parameters, rendered in either language."""
import ast
import gettext

import pytest
from django.utils import translation

from ingest.i18n import translate
from ingest.parsing import parse_document
from ingest.parsing.contract import ParseError
from ingest.parsing.messages import Message, gettext_noop, join_and, ngettext_noop, render
from tests.paths import FIXTURES, ROOT

NO_COVER = FIXTURES / "001_40beb81e564bf595.txt"  # the date is inferred from bilag titles
OCR_SEED = FIXTURES / "000_356b5759de07d0fb.txt"  # no cover, OCR damage, lost numbers


def _english(value) -> str:
    with translation.override("en"):
        return translate(value)


def test_a_message_reads_as_danish_and_keeps_its_template_and_parameters():
    message = Message(gettext_noop("PDF-filen har %(pages)d sider; grænsen er %(limit)d."),
                      pages=13, limit=5)
    assert str(message) == "PDF-filen har 13 sider; grænsen er 5."
    assert message.to_json() == {
        "msgid": "PDF-filen har %(pages)d sider; grænsen er %(limit)d.",
        "params": {"pages": 13, "limit": 5},
    }
    assert _english(message) == "The PDF has 13 pages; the limit is 5."


def test_a_parse_error_is_the_danish_sentence_and_carries_its_message():
    with pytest.raises(ParseError) as refused:
        parse_document(b"", "tom.txt")
    assert str(refused.value) == "Filen er tom."
    assert refused.value.message == Message("Filen er tom.")
    assert _english(refused.value.message) == "The file is empty."


def test_the_count_chooses_singular_or_plural_in_both_languages():
    def repaired(count: int) -> Message:
        return Message(
            ngettext_noop(
                "Teksten ligner OCR-output; %(count)d beskadiget ord er rettet.",
                "Teksten ligner OCR-output; %(count)d beskadigede ord er rettet.",
            ),
            count=count,
        )

    assert str(repaired(1)) == "Teksten ligner OCR-output; 1 beskadiget ord er rettet."
    assert str(repaired(866)) == "Teksten ligner OCR-output; 866 beskadigede ord er rettet."
    assert _english(repaired(1)) == "The text looks like OCR output; 1 damaged word was repaired."
    assert _english(Message.from_json(repaired(866).to_json())) == (
        "The text looks like OCR output; 866 damaged words were repaired."
    )
    with pytest.raises(TypeError):
        repaired("many")


def test_nested_clauses_survive_storage_and_are_translated_with_the_sentence():
    warnings = parse_document(OCR_SEED.read_bytes(), OCR_SEED.name).warnings
    stored = [Message.from_json(warning.to_json()) for warning in warnings]
    assert stored == warnings
    assert [str(warning) for warning in stored] == [
        "Teksten ligner OCR-output; 866 beskadigede ord er rettet.",
        "Ingen forside; datoen 2026-02-27 er udledt af sidehovedet/-foden "
        "»DASSOS Referat 27.2.26« (3 gange), understøttet af "
        "»Efter mødet i DASSOS den 27. februar 2026« og »for Dassos 27.2.26«.",
        "7 punkter har intet nummer i teksten (1.1, 1.2, 1.3, 1.4, 1.8, 2.1, 3.1); numrene er "
        "udledt af deres placering.",
    ]
    assert [_english(warning.to_json()) for warning in warnings] == [
        "The text looks like OCR output; 866 damaged words were repaired.",
        "No cover page; the date 2026-02-27 was inferred from the running header/footer "
        "'DASSOS Referat 27.2.26' (3 times), supported by "
        "'Efter mødet i DASSOS den 27. februar 2026' and 'for Dassos 27.2.26'.",
        "7 items have no number in the text (1.1, 1.2, 1.3, 1.4, 1.8, 2.1, 3.1); the numbers "
        "were inferred from their position.",
    ]


def test_a_list_is_joined_with_the_languages_own_and():
    parts = join_and(["a", "b", "c"])
    assert str(parts) == "a, b og c"
    assert _english(parts) == "a, b and c"
    assert join_and(["a"]) == "a"


def test_plain_strings_stored_before_messages_were_translatable_are_shown_as_they_are():
    old = "No cover page; the date 2020-11-23 was inferred from 'oplæg til DASSOS 23.11.20'."
    assert render(old) == old
    assert _english(old) == old
    assert translate("Tjek datoen") == "Tjek datoen"


def _marked_msgids() -> set[str | tuple[str, str]]:
    """Every msgid the ingest package marks with gettext_noop or ngettext_noop."""
    found: set[str | tuple[str, str]] = set()
    for path in (ROOT / "ingest").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "gettext_noop" and len(args) == 1:
                found.add(args[0])
            elif node.func.id == "ngettext_noop" and len(args) == 2:
                found.add((args[0], args[1]))
    return found


def test_every_parser_message_has_an_english_translation_in_the_catalogue():
    marked = _marked_msgids()
    assert "PDF-filen er krypteret; fjern adgangskoden og upload den igen." in marked
    with (ROOT / "locale/en/LC_MESSAGES/django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    missing = []
    for msgid in marked:
        if isinstance(msgid, tuple):
            translated = catalogue.ngettext(msgid[0], msgid[1], 2)
            untranslated = translated == msgid[1]
        else:
            untranslated = catalogue.gettext(msgid) == msgid
        if untranslated:
            missing.append(msgid)
    assert missing == []
