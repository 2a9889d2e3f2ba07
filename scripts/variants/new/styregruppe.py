"""Styregruppen for Rammeaftalen, 21 May 2024: a Teams meeting with three unsectioned items."""
from datetime import date, time

from scripts.variants.model import Body, Meeting
from scripts.variants.new.build import item, person

BODY = Body("Styregruppen for Rammeaftalen", "Styregruppen")


def meeting() -> Meeting:
    return Meeting(
        key="styr24",
        origin="new",
        body=BODY,
        date=date(2024, 5, 21),
        start=time(14, 0),
        end=time(15, 30),
        location=["Microsoft Teams"],
        room=None,
        participants=[
            person("Birgitte Hald Sørensen", "Skive Kommune", role="formand"),
            person("Jonas Overgaard", "Hedensted Kommune"),
            person("Lise-Lotte Kamp", "Region Midtjylland"),
            person("Rune Feldborg", "Syddjurs Kommune"),
            person("Camilla Weis Holm", "KKR Sekretariatet i Midtjylland", role="referent"),
            person("Henrik Stokholm", "Lemvig Kommune", "absent"),
        ],
        items=[
            item(
                "1", "Tidsplan for Rammeaftale 2025-26",
                ved=["Camilla Weis Holm"],
                ind=["Godkender tidsplanen for udarbejdelse af Rammeaftale 2025-26"],
                sag=["Rammeaftalen skal være godkendt i alle byråd og i regionsrådet senest den "
                     "15. oktober 2024. Sekretariatet har derfor lagt en tidsplan med høring i "
                     "juni og august.",
                     "Tidsplanen tager højde for sommerferien, hvor der ikke holdes møder."],
                ref=["Styregruppen godkendte tidsplanen med den ændring, at høringsperioden "
                     "forlænges med to uger."],
                outcome="approved",
                bilag=[("1", "Tidsplan for Rammeaftale 2025-26")],
            ),
            item(
                "2", "Udkast til kommissorium for arbejdsgruppen om autismeindsatser",
                ved=["Rune Feldborg", "Lise-Lotte Kamp"],
                ind=["Drøfter udkastet til kommissorium",
                     "Godkender kommissoriet med de ændringer, der aftales på mødet"],
                sag=["Arbejdsgruppen skal samle viden om, hvilke indsatser for børn og unge med "
                     "autisme der virker i skolen og i fritiden, og foreslå to fælles "
                     "udviklingsprojekter."],
                ref=["Styregruppen drøftede udkastet og godkendte kommissoriet med tilføjelse "
                     "af et afsnit om inddragelse af forældrene.",
                     "Syddjurs Kommune er tovholder for gruppen."],
                outcome="approved",
                bilag=[("2", "Udkast til kommissorium for arbejdsgruppen om autismeindsatser"),
                       ("2a", "Oversigt over eksisterende autismetilbud i regionen")],
            ),
            item("3", "Eventuelt"),
        ],
    )
