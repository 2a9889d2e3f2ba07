"""The secretariat reads why a file failed, the parser's warnings and the job's state in its own
language: Danish by default, English by the browser's Accept-Language or the language switch."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from minutes.models import SourceDocument
from scripts.make_hostile_files import encrypted_pdf
from tests.paths import FIXTURES
from tests.upload_support import DATABASE_TASKS, referat_file, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]

ENCRYPTED_DA = "PDF-filen er krypteret; fjern adgangskoden og upload den igen."
ENCRYPTED_EN = "The PDF is encrypted; remove the password and upload it again."
NO_COVER = FIXTURES / "001_40beb81e564bf595.txt"  # the date is inferred from two bilag titles
NO_COVER_DA = "Ingen forside; datoen 2020-11-23 er udledt af »oplæg til DASSOS 23.11.20« (2 gange)."
NO_COVER_EN = (
    "No cover page; the date 2020-11-23 was inferred from 'oplæg til DASSOS 23.11.20' (2 times)."
)


@pytest.fixture
def encrypted(staff, django_capture_on_commit_callbacks) -> SourceDocument:
    """A password-protected PDF uploaded and read (it fails)."""
    pdf = SimpleUploadedFile("referat.pdf", encrypted_pdf(), content_type="application/pdf")
    upload(staff, django_capture_on_commit_callbacks, pdf)
    return SourceDocument.objects.get()


def _review(client, source, **headers) -> str:
    response = client.get(f"/sekretariat/{source.pk}/", **headers)
    assert response.status_code == 200
    return response.content.decode()


def _rows(client, **headers) -> str:
    return client.get("/sekretariat/raekker/", **headers).content.decode()


def test_a_danish_page_says_in_danish_why_the_encrypted_pdf_failed(staff, encrypted):
    assert encrypted.status == SourceDocument.Status.FAILED
    review = _review(staff, encrypted)
    assert f"Filen kunne ikke læses:</strong> {ENCRYPTED_DA}" in review
    assert ENCRYPTED_DA in _rows(staff)
    assert ENCRYPTED_EN not in review + _rows(staff)
    # What is stored: the Danish sentence, and the message each page translates.
    assert encrypted.error == ENCRYPTED_DA
    assert encrypted.error_message == {"msgid": ENCRYPTED_DA, "params": {}}


def test_an_english_browser_reads_the_same_failure_in_english(staff, encrypted):
    review = _review(staff, encrypted, HTTP_ACCEPT_LANGUAGE="en")
    assert ENCRYPTED_EN in review
    assert ENCRYPTED_EN in _rows(staff, HTTP_ACCEPT_LANGUAGE="en")
    assert ENCRYPTED_DA not in review + _rows(staff, HTTP_ACCEPT_LANGUAGE="en")


def test_the_language_switch_turns_the_failure_english_and_back(staff, encrypted):
    staff.post("/i18n/setlang/", {"language": "en", "next": "/sekretariat/"})
    assert ENCRYPTED_EN in _review(staff, encrypted)
    staff.post("/i18n/setlang/", {"language": "da", "next": "/sekretariat/"})
    assert ENCRYPTED_DA in _review(staff, encrypted)


def test_a_failure_with_parameters_is_translated_with_them(staff):
    source = SourceDocument.objects.create(
        file="sources/aa/stor.txt", original_filename="stor.txt", sha256="a" * 64, size=1,
        status=SourceDocument.Status.FAILED, error="Filen fylder 3 MB; grænsen er 1 MB.",
        error_message={
            "msgid": "Filen fylder %(mb).0f MB; grænsen er %(limit).0f MB.",
            "params": {"mb": 3.2, "limit": 1.0},
        },
    )
    assert "Filen fylder 3 MB; grænsen er 1 MB." in _review(staff, source)
    assert "The file is 3 MB; the limit is 1 MB." in _review(
        staff, source, HTTP_ACCEPT_LANGUAGE="en"
    )


def test_the_parsers_warnings_follow_the_readers_language(
    staff, django_capture_on_commit_callbacks
):
    upload(staff, django_capture_on_commit_callbacks, referat_file(NO_COVER))
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.READY
    danish = _review(staff, source)
    english = _review(staff, source, HTTP_ACCEPT_LANGUAGE="en")
    assert f"<li>{escape(NO_COVER_DA)}</li>" in danish
    assert f"<li>{escape(NO_COVER_EN)}</li>" in english
    assert escape(NO_COVER_EN) not in danish and escape(NO_COVER_DA) not in english


def test_rows_stored_before_messages_were_translatable_still_show(staff):
    """Older rows hold finished sentences (English ones, too): shown as they are, in any
    language, beside new warnings that are translated."""
    source = SourceDocument.objects.create(
        file="sources/bb/gammel.pdf", original_filename="gammel.pdf", sha256="b" * 64, size=3,
        status=SourceDocument.Status.FAILED, error="The PDF is damaged and cannot be opened.",
        warnings=[
            "Tjek datoen",
            {"msgid": "Side %(page)d har intet tekstlag; dens indhold mangler.",
             "params": {"page": 2}},
        ],
    )
    for language, translated in (
        ("da", "Side 2 har intet tekstlag; dens indhold mangler."),
        ("en", "Page 2 has no text layer; its content is missing."),
    ):
        review = _review(staff, source, HTTP_ACCEPT_LANGUAGE=language)
        assert "The PDF is damaged and cannot be opened." in review
        assert "<li>Tjek datoen</li>" in review
        assert f"<li>{translated}</li>" in review
        assert "The PDF is damaged and cannot be opened." in _rows(
            staff, HTTP_ACCEPT_LANGUAGE=language
        )


def test_the_background_jobs_state_is_named_in_the_readers_language(
    staff, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS  # the job waits in the queue: no worker runs in this test
    upload(staff, django_capture_on_commit_callbacks, referat_file())
    source = SourceDocument.objects.get()
    danish = _review(staff, source)
    english = _review(staff, source, HTTP_ACCEPT_LANGUAGE="en")
    assert "<dt>Job</dt><dd>i kø</dd>" in danish
    assert "<dd>queued</dd>" in english
    assert "Ready" not in danish


def test_kept_hand_corrections_are_worded_in_the_readers_language(staff):
    """The loader records machine words (field names, "kept"/"missing"/"moved"); the page
    turns each kind of conflict into a sentence."""
    source = SourceDocument.objects.create(
        file="sources/cc/ny.txt", original_filename="ny.txt", sha256="c" * 64, size=3,
        status=SourceDocument.Status.READY,
        conflicts=[
            {"where": "DASSOS 01.03.2024 pkt. 1.1", "field": "title", "kept": "Rettet titel",
             "parsed": "Lånepuljen 2025/26"},
            {"where": "DASSOS 01.03.2024", "field": "1.9 Eventuelt", "kept": "kept",
             "parsed": "missing"},
            {"where": "DASSOS 01.03.2024", "field": "meeting", "kept": "kept", "parsed": "moved"},
            {"where": "DASSOS 01.03.2024", "field": "items", "kept": "", "parsed": "3.2 Nyt"},
        ],
    )
    danish = _review(staff, source)
    assert (
        "DASSOS 01.03.2024 pkt. 1.1: rettelsen af titel er bevaret; "
        "filen siger »Lånepuljen 2025/26«." in danish
    )
    assert (
        "DASSOS 01.03.2024: 1.9 Eventuelt er rettet i hånden og bevares, selv om filen ikke "
        "længere har den." in danish
    )
    assert (
        "DASSOS 01.03.2024: mødet er rettet i hånden og bevares; filen læses nu som et andet "
        "møde." in danish
    )
    assert (
        "DASSOS 01.03.2024: dagsordenspunkter er rettet i hånden; filen har også »3.2 Nyt«, "
        "som ikke er tilføjet." in danish
    )
    assert "missing" not in danish and "moved" not in danish
    english = _review(staff, source, HTTP_ACCEPT_LANGUAGE="en")
    assert (
        "DASSOS 01.03.2024 pkt. 1.1: the correction of title has been kept; "
        "the file says “Lånepuljen 2025/26”." in english
    )
    assert (
        "DASSOS 01.03.2024: 1.9 Eventuelt was corrected by hand and is kept, although the file "
        "no longer has it." in english
    )
    assert (
        "DASSOS 01.03.2024: the meeting was corrected by hand and is kept; the file now reads "
        "as another meeting." in english
    )
    assert (
        "DASSOS 01.03.2024: agenda items were curated by hand; the file also has “3.2 Nyt”, "
        "which was not added." in english
    )
