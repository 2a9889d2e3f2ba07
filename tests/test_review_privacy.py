"""Personal data the review finds follows the text: where it stands after each save, publishing
with it asks first, and an original holding it is never served to the public."""
import re
from collections import deque

import pytest
from django.test import Client

from ingest.privacy import Place, review_findings
from minutes.models import SourceDocument
from tests.upload_support import SEED_2022, SEED_2024, referat_file, review_form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("upload_settings")]

SENTENCE = "Borgeren (CPR 010203-1234, hans.hansen@gmail.com) klagede over ventetiden."


@pytest.fixture
def source(staff, django_capture_on_commit_callbacks):
    text = SEED_2024.read_text(encoding="utf-8").replace(
        "DASSOS drøftede graden af fælleskommunal koordinering",
        f"{SENTENCE}\n\nDASSOS drøftede graden af fælleskommunal koordinering",
        1,
    )
    upload(staff, django_capture_on_commit_callbacks, referat_file(name="cpr.txt", text=text))
    return SourceDocument.objects.get()


def _warnings(page: str) -> str:
    return page.split('id="warnings-heading"')[1].split("</section>")[0]


def _remove_sentence(staff, source):
    context = staff.get(f"/sekretariat/{source.pk}/").context
    item = next(f for f in context["formset"].forms if f.instance.number == "1.2")
    prefix = item.prefix
    referat = item.initial["referat"].replace(SENTENCE, "").strip()
    return review_form_data(context, **{f"{prefix}-referat": referat})


def test_a_finding_links_to_the_field_that_holds_it(staff, source):
    page = staff.get(f"/sekretariat/{source.pk}/").content.decode()
    warnings = _warnings(page)
    assert warnings.count('data-finding="open"') == 2
    assert "CPR-nummer 010203-xxxx" in warnings and "hans.hansen@gmail.com" in warnings
    assert "står i den læste tekst" in warnings
    field_id = re.search(r'href="#(id_items-\d+-referat)">Pkt\. 1\.2: Referat', warnings)[1]
    assert f'id="{field_id}"' in page
    line = source.text.splitlines().index(SENTENCE) + 1
    assert f'href="#linje-{line}"' in warnings and f'id="linje-{line}"' in page


def test_removing_the_sentence_moves_the_finding_to_the_original_only(staff, source):
    response = staff.post(f"/sekretariat/{source.pk}/", _remove_sentence(staff, source))
    assert response.status_code == 302
    warnings = _warnings(staff.get(f"/sekretariat/{source.pk}/").content.decode())
    assert 'data-finding="open"' not in warnings
    assert warnings.count('data-finding="original"') == 2
    assert "fjernet fra den læste tekst" in warnings


def test_publishing_with_open_findings_asks_and_names_them(staff, source):
    data = review_form_data(staff.get(f"/sekretariat/{source.pk}/").context, action="publish")
    response = staff.post(f"/sekretariat/{source.pk}/", data, follow=True)
    source.meeting.refresh_from_db()
    assert not source.meeting.is_published
    page = response.content.decode()
    assert "Ikke offentliggjort: teksten indeholder stadig" in page
    assert "CPR-nummer 010203-xxxx (Pkt. 1.2: Referat)" in page
    assert "Offentliggør alligevel med de 2 personoplysninger i teksten" in page

    staff.post(f"/sekretariat/{source.pk}/", {**data, "confirm_personal_data": "yes"})
    source.meeting.refresh_from_db()
    assert source.meeting.is_published


def test_the_separate_publish_address_asks_too(staff, source):
    staff.post(f"/sekretariat/{source.pk}/offentliggoer/", {"action": "publish"})
    source.meeting.refresh_from_db()
    assert not source.meeting.is_published


def test_a_published_meeting_withholds_an_original_with_personal_data(staff, source):
    data = {**_remove_sentence(staff, source), "action": "publish"}
    staff.post(f"/sekretariat/{source.pk}/", data)
    source.meeting.refresh_from_db()
    assert source.meeting.is_published  # nothing left in the parsed text: no question asked
    anonymous = Client()
    page = anonymous.get(source.meeting.get_absolute_url()).content.decode()
    assert "Den oprindelige fil er ikke offentlig" in page
    assert f"/kilder/{source.pk}/" not in page
    assert SENTENCE not in page
    assert anonymous.get(f"/kilder/{source.pk}/").status_code == 404
    assert anonymous.get(f"/kilder/{source.pk}/download/").status_code == 404


def _crawl(client: Client, start: str, limit: int = 400) -> dict[str, bytes]:
    """Every page reachable from `start` by following the site's own links, anonymously."""
    seen: dict[str, bytes] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen[url] = body if response.status_code == 200 else b""
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in re.findall(r'href="(/[^"#?]*)', body.decode("utf-8", "replace")):
            if link not in seen and not link.startswith(("/static/", "/admin/", "/konto/")):
                queue.append(link)
    return seen


def test_no_original_with_an_open_finding_is_reachable_anonymously(
    staff, source, django_capture_on_commit_callbacks
):
    upload(staff, django_capture_on_commit_callbacks, referat_file(SEED_2022))
    clean = SourceDocument.objects.exclude(pk=source.pk).get()
    staff.post(f"/sekretariat/{clean.pk}/offentliggoer/", {"action": "publish"})
    staff.post(f"/sekretariat/{source.pk}/", {
        **review_form_data(staff.get(f"/sekretariat/{source.pk}/").context),
        "action": "publish", "confirm_personal_data": "yes",
    })
    source.meeting.refresh_from_db()
    assert source.meeting.is_published
    crawled = _crawl(Client(), "/")
    assert source.meeting.get_absolute_url() in crawled  # the crawl reached the meeting
    served = {url for url, body in crawled.items() if url.startswith("/kilder/") and body}
    assert f"/kilder/{clean.pk}/" in served  # the crawl does reach the originals it may
    assert not any(url.startswith(f"/kilder/{source.pk}/") for url in served)
    # Nor by guessing its addresses, in the pages or the open-data API.
    anonymous = Client()
    for url in (f"/kilder/{source.pk}/", f"/kilder/{source.pk}/download/",
                f"/oparl/v1/file/source-{source.pk}/"):
        assert anonymous.get(url).status_code == 404, url
    meeting_json = anonymous.get(f"/oparl/v1/meeting/{source.meeting.pk}/").json()
    assert "resultsProtocol" not in meeting_json


def test_findings_typed_into_a_field_count_as_open():
    places = [Place("Pkt. 1: Referat", "id_items-0-referat", "Skriv til a@gmail.com")]
    [finding] = review_findings("ingen personoplysninger her", places)
    assert finding.open and finding.line is None and finding.excerpt == "a@gmail.com"


def _pdf_upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from scripts.make_test_pdfs import render_seed

    pdf = render_seed(text, SEED_2024.name).pdf
    return SimpleUploadedFile(name, pdf, content_type="application/pdf"), pdf


def test_a_redacted_copy_is_public_in_the_originals_place(staff, source):
    staff.post(f"/sekretariat/{source.pk}/", {
        **review_form_data(staff.get(f"/sekretariat/{source.pk}/").context),
        "action": "publish", "confirm_personal_data": "yes",
    })
    seed = SEED_2024.read_text(encoding="utf-8")
    still, _ = _pdf_upload("kopi.pdf", source.text)
    response = staff.post(f"/sekretariat/{source.pk}/anonymiseret/", {"redacted": still},
                          follow=True)
    assert "Kopien indeholder stadig 010203-xxxx, hans.hansen@gmail.com" in (
        response.content.decode()
    )
    assert Client().get(f"/kilder/{source.pk}/").status_code == 404

    clean, pdf = _pdf_upload("kopi.pdf", seed)
    staff.post(f"/sekretariat/{source.pk}/anonymiseret/", {"redacted": clean})
    anonymous = Client()
    response = anonymous.get(f"/kilder/{source.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    page = anonymous.get(SourceDocument.objects.get(pk=source.pk).meeting.get_absolute_url())
    assert "anonymiseret kopi" in page.content.decode()
    file_json = anonymous.get(f"/oparl/v1/file/source-{source.pk}/").json()
    assert "text" not in file_json  # the original's text stays private

    staff.post(f"/sekretariat/{source.pk}/anonymiseret/", {"action": "remove"})
    assert anonymous.get(f"/kilder/{source.pk}/").status_code == 404
