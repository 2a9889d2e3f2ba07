"""DASSOS, 19 June 2025 in Randers: ten items, guests, an item that is its own section."""
from datetime import date, time

from scripts.variants.model import DASSOS, Meeting
from scripts.variants.new.build import item, person

B, OR, K = "Beslutningspunkter", "Orienteringspunkter", "Punkter til kommende møder"
T = "Temadrøftelse om borgere med dobbeltdiagnoser"
SEKR = "Fælleskommunalt social- og sundhedssekretariat"


def meeting() -> Meeting:
    return Meeting(
        key="dassos25",
        origin="new",
        body=DASSOS,
        date=date(2025, 6, 19),
        start=time(9, 0),
        end=time(12, 0),
        location=["Randers Rådhus", "Laksetorvet 1", "8900 Randers"],
        room="Byrådssalen",
        participants=[
            person("Rikke Alstrup Vind", "Randers Kommune", role="formand"),
            person("Torben Lykke", "Odder Kommune"),
            person("Susanne Ebbesen", "Region Midtjylland"),
            person("Michael Kragelund", "Skive Kommune"),
            person("Pernille Dam Kristensen", "Syddjurs Kommune"),
            person("Lars Bundgaard Hviid", "Struer Kommune", note="supl. for Dorthe Brandt"),
            person("Mette Frost", "Hedensted Kommune"),
            person("Carsten Aabo", "Silkeborg Kommune"),
            person("Janni Vestergaard Sand", "Favrskov Kommune"),
            person("Kim Ravn", "Aarhus Kommune"),
            person("Birthe Tholstrup", "KKR Sekretariatet i Midtjylland"),
            person("Freja Nørgaard", SEKR, role="referent"),
            person("Dorthe Brandt", "Struer Kommune", "absent"),
            person("Allan Stenholt", "Herning Kommune", "absent"),
            person("Inger Mose", "Samsø Kommune", "absent"),
            person("Josefine Krag", "Socialstyrelsen", note="deltog under pkt. 4", guest=True),
            person("Ulrik Bach", "Bostedet Skovbrynet", note="deltog under pkt. 4", guest=True),
        ],
        items=[
            item("1.1", "Godkendelse af Styringsaftale 2025-26", section=B,
                 ved=["Rikke Alstrup Vind"],
                 ind=["Godkender udkastet til Styringsaftale 2025-26",
                      "Sender styringsaftalen videre til KKR Midtjylland"],
                 sag=["Styringsaftalen er revideret af takstgruppen. De væsentligste ændringer "
                      "gælder varsling af takststigninger og reglerne for tomme pladser.",
                      "Ændringerne er drøftet i forretningsudvalget den 12. maj 2025."],
                 ref=["DASSOS godkendte udkastet til Styringsaftale 2025-26 og sender det "
                      "videre til KKR Midtjylland."],
                 outcome="approved",
                 bilag=[("1", "Udkast til Styringsaftale 2025-26"),
                        ("2", "Oversigt over ændringer i styringsaftalen")]),
            item("1.2", "Lukning af 8 pladser på Bostedet Kastaniehuset i Skive", section=B,
                 ved=["Michael Kragelund"], note="direktør i Skive Kommune",
                 ind=["Godkender lukningen af otte pladser pr. 1. januar 2026"],
                 sag=["Skive Kommune ønsker at lukke otte af Kastaniehusets 20 pladser. "
                      "Fire af pladserne bruges i dag af borgere fra andre kommuner, som vil "
                      "få tilbudt plads i nærområdet."],
                 ref=["DASSOS godkendte lukningen under forudsætning af, at de fire borgere "
                      "fra andre kommuner får tilbudt en tilsvarende plads."],
                 outcome="approved",
                 bilag=[("3", "Ansøgning fra Skive Kommune om lukning af pladser")]),
            item("1.3", "Fordeling af puljemidler til udslusningsboliger", section=B,
                 ved=["Susanne Ebbesen", "Kim Ravn"],
                 ind=["Beslutter fordelingen af puljemidlerne mellem kommunerne"],
                 sag=["Socialstyrelsen har tildelt Midtjylland 14,2 mio. kr. til "
                      "udslusningsboliger. Sekretariatet foreslår, at midlerne fordeles efter "
                      "antallet af borgere på herberger."],
                 ref=["DASSOS besluttede at fordele midlerne efter sekretariatets model med et "
                      "grundbeløb på 200.000 kr. til hver kommune."],
                 outcome="decided"),
            item("1.4", "Forslag om fælles uddannelse af plejefamilier", section=B,
                 ved=["Janni Vestergaard Sand"],
                 ind=["Tager stilling til forslaget om fælles uddannelse"],
                 sag=["Favrskov Kommune foreslår, at kommunerne i fællesskab køber et "
                      "grundkursus for nye plejefamilier."],
                 ref=["DASSOS afviste forslaget, da de fleste kommuner allerede har egne "
                      "forløb. Favrskov Kommune inviteres til at dele sit materiale."],
                 outcome="rejected"),
            item("2.1", "Status på Ungementorordningen 2025", section=OR, ved=["Torben Lykke"],
                 ind=["Tager status til efterretning"],
                 sag=["Ordningen har i 2025 haft 64 unge tilknyttet, heraf 11 nye."],
                 ref=["DASSOS tog status til efterretning."], outcome="noted",
                 bilag=[("4", "Årsstatus for Ungementorordningen")]),
            item("2.2", "Orientering fra KKR Midtjylland", section=OR, ved=["Birthe Tholstrup"],
                 ind=["Tager orienteringen til efterretning"],
                 ref=["DASSOS tog orienteringen til efterretning."], outcome="noted"),
            item("2.3", "Nye regler for socialtilsynets økonomiske tilsyn", section=OR,
                 ved=["Freja Nørgaard"], ind=["Tager orienteringen til efterretning"],
                 sag=["Fra 1. juli 2025 skal tilbuddene indsende kvartalsregnskaber til "
                      "socialtilsynet."],
                 ref=["DASSOS tog orienteringen til efterretning."], outcome="noted",
                 other=[("Efterskrift", ["Socialtilsyn Midt har efter mødet oplyst, at "
                                         "fristen er udskudt til 1. oktober 2025."])]),
            item("3.1", "Punkter til næste møde i DASSOS", section=K, ved=["Rikke Alstrup Vind"],
                 ind=["Drøfter punkter til næste møde"],
                 ref=["DASSOS tog oversigten til efterretning og ønsker et punkt om "
                      "rekruttering."],
                 outcome="noted"),
            item("3.2", "Eventuelt", section=K, ref=["Intet."]),
            item("4", T, section=T, ved=["Josefine Krag", "Ulrik Bach"],
                 ind=["Drøfter, hvordan kommunerne kan styrke indsatsen for borgere med "
                      "dobbeltdiagnoser"],
                 sag=["Borgere med både psykisk lidelse og misbrug falder ofte mellem "
                      "psykiatrien og kommunernes tilbud. Socialstyrelsen og Bostedet "
                      "Skovbrynet indleder drøftelsen."],
                 ref=["DASSOS drøftede de faglige anbefalinger og var enige om at tage "
                      "temaet op i arbejdet med Rammeaftale 2027-28."],
                 outcome="discussed",
                 bilag=[("5", "Oplæg fra Socialstyrelsen om dobbeltdiagnoser")]),
        ],
    )
