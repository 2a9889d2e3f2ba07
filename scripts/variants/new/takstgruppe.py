"""Takstgruppen, 16 January 2025: a virtual meeting with a single item."""
from datetime import date, time

from scripts.variants.model import Body, Meeting
from scripts.variants.new.build import item, person

BODY = Body("Takstgruppen", "Takstgruppen")


def meeting() -> Meeting:
    return Meeting(
        key="takst25",
        origin="new",
        body=BODY,
        date=date(2025, 1, 16),
        start=time(13, 0),
        end=time(14, 0),
        location=["Virtuelt møde"],
        room=None,
        participants=[
            person("Bjørn Kastbjerg", "Viborg Kommune", role="formand"),
            person("Gitte Lund Andersen", "Aarhus Kommune"),
            person("Ole Fruergaard", "Region Midtjylland"),
            person("Maiken Dahl", "Horsens Kommune", note="ny rep"),
            person("Thomas Hvidtfeldt", "Herning Kommune", "absent"),
        ],
        items=[
            item(
                "1", "Takster for 2026 og fremskrivning af lønudviklingen",
                ved=["Bjørn Kastbjerg"],
                ind=["Godkender, at taksterne for 2026 fremskrives med KL's pris- og lønskøn",
                     "Drøfter håndteringen af tillægstakster for borgere med særlige behov"],
                sag=["Styringsaftalen fastsætter, at taksterne højst må stige med pris- og "
                     "lønfremskrivningen. KL's skøn for 2026 er 3,1 procent.",
                     "Flere kommuner har spurgt, om tillægstakster skal fremskrives på samme "
                     "måde som grundtaksterne."],
                ref=["Takstgruppen godkendte, at taksterne for 2026 fremskrives med 3,1 procent.",
                     "Tillægstaksterne fremskrives på samme måde; sekretariatet beskriver "
                     "praksis i et kort notat til DASSOS."],
                outcome="approved",
                bilag=[("1", "KL's pris- og lønskøn for 2026")],
            ),
        ],
    )
