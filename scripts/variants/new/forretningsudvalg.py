"""DASSOS' Forretningsudvalg, 12 September 2025: six items, a guest, a substitute, a referent."""
from datetime import date, time

from scripts.variants.model import Body, Meeting
from scripts.variants.new.build import item, person

BODY = Body("DASSOS' Forretningsudvalg", "Forretningsudvalget")
B, OR = "Beslutningspunkter", "Orienteringspunkter"


def meeting() -> Meeting:
    return Meeting(
        key="fu25",
        origin="new",
        body=BODY,
        date=date(2025, 9, 12),
        start=time(9, 30),
        end=time(11, 30),
        location=["Silkeborg Rådhus", "Søvej 1", "8600 Silkeborg"],
        room="Mødelokale 2.14",
        participants=[
            person("Hanne Krogsgaard", "Viborg Kommune", role="formand"),
            person("Peter Damgaard Lund", "Aarhus Kommune"),
            person("Sidsel Mørch Rasmussen", "Region Midtjylland",
                   note="supl. for Hanne Vestergaard"),
            person("Kristian Bjerre", "Herning Kommune"),
            person("Ane-Marie Thygesen", "Norddjurs Kommune"),
            person("Morten Skov Iversen", "Fælleskommunalt social- og sundhedssekretariat",
                   role="referent"),
            person("Hanne Vestergaard", "Region Midtjylland", "absent"),
            person("Claus Brøndum Nielsen", "Randers Kommune", "absent"),
            person("Mikkel Dalsgaard", "Socialtilsyn Midt", note="deltog under pkt. 2.1",
                   guest=True),
        ],
        items=[
            item(
                "1.1", "Godkendelse af dagsorden og referat fra mødet den 13. juni 2025",
                section=B, ved=["Hanne Krogsgaard"],
                ind=["Godkender dagsordenen", "Godkender referatet fra mødet den 13. juni 2025"],
                sag=["Referatet fra mødet den 13. juni 2025 blev udsendt den 20. juni. Der er "
                     "ikke kommet bemærkninger til referatet."],
                ref=["Forretningsudvalget godkendte dagsordenen og referatet uden bemærkninger."],
                outcome="approved",
            ),
            item(
                "1.2", "Forslag til takstprincipper for særlige pladser på Bostedet Egely",
                section=B, ved=["Peter Damgaard Lund"], note="centerchef i Aarhus Kommune",
                ind=["Godkender forslaget til takstprincipper for de særlige pladser",
                     "Anbefaler, at principperne forelægges DASSOS den 2. oktober 2025"],
                sag=["Bostedet Egely har siden foråret haft seks særlige pladser til borgere med "
                     "svære spiseforstyrrelser. Pladserne er i dag takstsat som almindelige "
                     "pladser, hvilket ikke afspejler det ekstra personale om natten.",
                     "Forslaget bygger på tre principper:",
                     "• En fast grundtakst pr. døgn",
                     "• Et tillæg for fast vågen nattevagt",
                     "• Et opsigelsesvarsel på tre måneder"],
                ref=["Forretningsudvalget godkendte forslaget med en justering af "
                     "opsigelsesvarslet, som ændres fra tre til to måneder.",
                     "Aarhus Kommune sender det justerede forslag til sekretariatet inden den "
                     "19. september."],
                outcome="approved",
                bilag=[("1", "Notat om takstprincipper for særlige pladser"),
                       ("2", "Beregning af takster 2026 for Bostedet Egely")],
            ),
            item(
                "1.3",
                "Udpegning af repræsentanter til arbejdsgruppen om unge i overgangen til "
                "voksenlivet",
                section=B, ved=["Hanne Krogsgaard"],
                ind=["Udpeger to repræsentanter til arbejdsgruppen"],
                sag=["KKR Midtjylland har bedt om to kommunale repræsentanter til en ny "
                     "arbejdsgruppe, der skal se på overgangen fra børne- og ungeområdet til "
                     "voksenområdet. Gruppen mødes fire gange i efteråret 2025."],
                ref=["Forretningsudvalget besluttede at udpege Kristian Bjerre og Ane-Marie "
                     "Thygesen til arbejdsgruppen."],
                outcome="decided",
            ),
            item(
                "2.1", "Socialtilsyn Midts halvårsstatus for 2025",
                section=OR, ved=["Mikkel Dalsgaard"], note="tilsynschef, Socialtilsyn Midt",
                ind=["Tager halvårsstatus til efterretning"],
                sag=["Socialtilsyn Midt har i første halvår 2025 gennemført 212 tilsynsbesøg, "
                     "heraf 31 uanmeldte. Antallet af skærpede tilsyn er steget fra fire til ni "
                     "sammenlignet med samme periode sidste år."],
                ref=["Forretningsudvalget tog halvårsstatus til efterretning og bad om, at "
                     "udviklingen i antallet af skærpede tilsyn følges tæt."],
                outcome="noted",
                bilag=[("3", "Halvårsstatus 2025 fra Socialtilsyn Midt")],
            ),
            item(
                "2.2", "Status på kapacitetsanalysen for voksenområdet",
                section=OR, ved=["Sidsel Mørch Rasmussen"],
                ind=["Drøfter de foreløbige resultater af analysen"],
                sag=["Analysen kortlægger belægning og ventelister på 48 botilbud i regionen. "
                     "De endelige resultater forelægges DASSOS i december."],
                ref=["Forretningsudvalget drøftede de foreløbige resultater og pegede på, at "
                     "analysen også bør belyse ventetiderne for unge under 25 år."],
                outcome="discussed",
            ),
            item("3", "Eventuelt", section="Eventuelt", ref=["Intet."]),
        ],
    )
