"""Same-case suggestions on the seed archive, measured against hand labels.

Labelling rules (written before the rule set was tuned, applied to the five seeds' titles):
- Two items of different meetings are the same case when they concern the same named thing and
  the later continues the earlier: the same care home or botilbud (Kollegiet), the same scheme
  (Ungementorordningen), the same Rammeaftale period (2023-24; 2025-26 = 2025-2026), the same
  named forum the committee reports from or holds a dialogue with (Ankestyrelsens Dialogforum,
  KL's Koordinationsforum when the forum itself is the subject), the same yearly dialogue
  meeting with the same authority (Dialogmøde med Socialtilsynet).
- Not the same case: a different Rammeaftale period, a different target group (children vs
  adults with erhvervet hjerneskade), an item that only mentions a forum as the sender of a
  question, and every standing item (Eventuelt, Punkter til næste møde, Mødeplan, Møder 2026).
"""
import json
from datetime import date
from itertools import combinations

from minutes.cases import evidence, is_generic, suggestions
from minutes.crossref import Catalogue, CatalogueItem
from tests.paths import ROOT

# (meeting date, item number) pairs that are one case.
SAME_CASE = {
    frozenset({("2024-03-01", "1.4"), ("2026-02-27", "1.8")}),  # botilbuddet Kollegiet
    frozenset({("2020-11-23", "2.2"), ("2021-11-25", "1.5")}),  # Ungementorordningen
    frozenset({("2020-11-23", "2.2"), ("2024-03-01", "2.3")}),
    frozenset({("2021-11-25", "1.5"), ("2024-03-01", "2.3")}),
    frozenset({("2021-11-25", "1.2"), ("2022-09-15", "1.2")}),  # Rammeaftale 2023-24
    frozenset({("2024-03-01", "1.1"), ("2026-02-27", "2.1")}),  # Rammeaftale 2025-26
    frozenset({("2021-11-25", "4"), ("2026-02-27", "2.3")}),  # Ankestyrelsens Dialogforum
    frozenset({("2020-11-23", "2.4"), ("2022-09-15", "2.2")}),  # KLs Koordinationsforum
    frozenset({("2020-11-23", "1.3"), ("2026-02-27", "1.3")}),  # dialogmøde Socialtilsynet
}


def seed_catalogue() -> Catalogue:
    items = []
    for path in sorted((ROOT / "tests" / "expectations").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        day = date.fromisoformat(data["meeting"]["date"])
        for item in data["items"]:
            items.append(CatalogueItem(
                pk=len(items) + 1, meeting_date=day, number=item["number"],
                title=item["title"], url=f"/moeder/{day}/dassos/punkt/{item['number']}/",
            ))
    return Catalogue(items)


def shown_pairs(catalogue: Catalogue) -> set[frozenset]:
    shown = set()
    for item in catalogue.items:
        for suggestion in suggestions(item, catalogue):
            other = suggestion.item
            shown.add(frozenset({(str(item.meeting_date), item.number),
                                 (str(other.meeting_date), other.number)}))
    return shown


def test_the_links_shown_as_the_same_case_are_right_and_find_most_true_ones():
    shown = shown_pairs(seed_catalogue())
    right = shown & SAME_CASE
    precision = len(right) / len(shown)
    recall = len(right) / len(SAME_CASE)
    print(f"precision {precision:.2f} ({len(right)}/{len(shown)}), "
          f"recall {recall:.2f} ({len(right)}/{len(SAME_CASE)})")
    assert precision >= 0.9, sorted(map(sorted, shown - SAME_CASE))
    assert recall >= 0.7, sorted(map(sorted, SAME_CASE - shown))


def test_broad_words_are_no_evidence_and_standing_items_are_never_cases():
    assert evidence(
        "Fælleskommunal koordinering af ansøgninger til lånepuljen 2025/26",
        "Opsamling fra KLs Koordinationsforum",
    ) is None
    assert evidence(
        "Drøftelse af faglige udviklingsområder i Rammeaftale 2027-28",
        "Drøftelse af faglige udviklingsområder i Rammeaftale 2025-26",
    ) is None
    for title in ("Eventuelt", "Punkter til næste møde i DASSOS", "Møder 2026",
                  "Mødeplan for DASSOS 2022", "Godkendelse af dagsorden"):
        assert is_generic(title)
    catalogue = seed_catalogue()
    eventuelt = next(i for i in catalogue.items if i.title == "Eventuelt")
    assert suggestions(eventuelt, catalogue) == []


def test_each_suggestion_says_why_in_a_few_words():
    catalogue = seed_catalogue()
    kollegiet = next(i for i in catalogue.items if "Kollegiet" in i.title)
    [found] = suggestions(kollegiet, catalogue)
    assert found.evidence == "samme sted: Kollegiet" and found.confidence >= 0.9


def test_pairs_are_symmetric():
    catalogue = seed_catalogue()
    for a, b in combinations(catalogue.items[:30], 2):
        assert (evidence(a.title, b.title) is None) == (evidence(b.title, a.title) is None)
