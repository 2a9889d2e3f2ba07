"""Netværket af Socialchefer i Midtjylland, 30 November 2023: fifteen items in four sections."""
from datetime import date, time

from scripts.variants.model import Body, Meeting
from scripts.variants.new.build import item, person

BODY = Body("Netværket af Socialchefer i Midtjylland", "Netværket")
G, D, OR, A = "Godkendelser", "Drøftelser", "Orienteringer", "Afslutning"
SEKR = "Fælleskommunalt social- og sundhedssekretariat"


def meeting() -> Meeting:
    return Meeting(
        key="netv23",
        origin="new",
        body=BODY,
        date=date(2023, 11, 30),
        start=time(10, 0),
        end=time(15, 0),
        location=["Scandic Aarhus City", "Østergade 10", "8000 Aarhus C"],
        room="Lokale Marselis",
        participants=[
            person("Tove Kjærgaard", "Favrskov Kommune", role="formand"),
            person("Anders Bech Mortensen", "Horsens Kommune"),
            person("Helle Sønderby", "Silkeborg Kommune"),
            person("Jakob Vinther", "Ringkøbing-Skjern Kommune"),
            person("Maja Lykkegaard", "Odder Kommune"),
            person("Søren Holst Pedersen", "Holstebro Kommune", note="deltog under pkt. 2.1-2.3"),
            person("Nanna Bro Christiansen", "Samsø Kommune"),
            person("Ib Toft", "Ikast-Brande Kommune"),
            person("Karina Møllgaard", "Skanderborg Kommune", note="ny rep"),
            person("Lene Fogh", SEKR, role="referent"),
            person("Per Kragh", "Randers Kommune", "absent"),
            person("Dorte Kiel Andersen", "Lemvig Kommune", "absent"),
            person("Mads Riis", "Viborg Kommune", "absent"),
        ],
        items=[
            item("1.1", "Godkendelse af dagsorden", section=G, ved=["Tove Kjærgaard"],
                 ind=["Godkender dagsordenen"],
                 ref=["Netværket godkendte dagsordenen."], outcome="approved"),
            item("1.2", "Godkendelse af referat fra mødet den 28. september 2023", section=G,
                 ved=["Tove Kjærgaard"], ind=["Godkender referatet"],
                 ref=["Netværket godkendte referatet med en rettelse i punkt 2.3."],
                 outcome="approved"),
            item("1.3", "Fælles retningslinjer for brug af vikarer på botilbud", section=G,
                 ved=["Helle Sønderby"],
                 ind=["Godkender de fælles retningslinjer",
                      "Beslutter, at retningslinjerne evalueres efter et år"],
                 sag=["Flere botilbud bruger i stigende grad vikarer om natten og i weekender. "
                      "Silkeborg Kommune har på vegne af netværket udarbejdet fælles "
                      "retningslinjer for oplæring og brug af faste vikarer."],
                 ref=["Netværket godkendte retningslinjerne og besluttede, at de evalueres i "
                      "december 2024."],
                 outcome="approved",
                 bilag=[("1", "Fælles retningslinjer for brug af vikarer")]),
            item("1.4", "Afslag på ansøgning om ekstra pladser i Bofællesskabet Solsikken",
                 section=G, ved=["Jakob Vinther"],
                 ind=["Tager stilling til ansøgningen om fire ekstra pladser"],
                 sag=["Ringkøbing-Skjern Kommune har søgt om at udvide Bofællesskabet Solsikken "
                      "med fire pladser. Belægningen har de seneste to år ligget under 80 "
                      "procent."],
                 ref=["Netværket afviste ansøgningen med henvisning til den lave belægning. "
                      "Sagen kan tages op igen, når belægningen er over 90 procent."],
                 outcome="rejected"),
            item("2.1", "Rekruttering af pædagoger og social- og sundhedsassistenter", section=D,
                 ved=["Anders Bech Mortensen", "Søren Holst Pedersen"],
                 ind=["Drøfter fælles initiativer til rekruttering"],
                 sag=["Alle kommuner melder om ubesatte stillinger på døgnområdet. Horsens og "
                      "Holstebro kommuner har prøvet lønnet praktik med gode erfaringer."],
                 ref=["Netværket drøftede erfaringerne med lønnet praktik.",
                      "• Flere kommuner vil afprøve modellen i 2024",
                      "• Sekretariatet samler erfaringerne til næste møde"],
                 outcome="discussed"),
            item("2.2", "Herberget Lyngbo og presset på overnatningspladser", section=D,
                 ved=["Ib Toft"], note="socialchef i Ikast-Brande Kommune",
                 ind=["Drøfter behovet for overnatningspladser i vinterperioden"],
                 sag=["Herberget Lyngbo har i november måttet afvise 23 borgere på grund af "
                      "pladsmangel. Ikast-Brande Kommune foreslår en fælles vinterberedskabsplan."],
                 ref=["Netværket drøftede forslaget og var enige om, at en fælles plan skal "
                      "forelægges DASSOS i februar."],
                 outcome="discussed",
                 bilag=[("2", "Belægning på Herberget Lyngbo 2022-23")]),
            item("2.3", "Samarbejde med psykiatrien om udskrivning til botilbud", section=D,
                 ved=["Søren Holst Pedersen"],
                 ind=["Drøfter udfordringer ved udskrivning fra psykiatrien"],
                 ref=["Netværket drøftede sagen og bad sekretariatet om at invitere "
                      "psykiatrien til næste møde."],
                 outcome="discussed"),
            item("2.4", "Budgetopfølgning for det specialiserede socialområde", section=D,
                 ved=["Maja Lykkegaard"],
                 ind=["Drøfter budgetsituationen for 2024"],
                 sag=["Otte kommuner forventer merforbrug på voksenområdet i 2023. Det samlede "
                      "merforbrug skønnes til 140 mio. kr."],
                 ref=["Netværket drøftede budgetsituationen. Der var enighed om at dele "
                      "erfaringer med visitationspraksis på et temamøde."],
                 outcome="discussed"),
            item("2.5", "Fælles kompetenceforløb om magtanvendelse", section=D,
                 ved=["Karina Møllgaard"],
                 ind=["Beslutter, om der skal udbydes et fælles kompetenceforløb"],
                 ref=["Netværket besluttede at udbyde et fælles forløb i foråret 2024 med "
                      "Skanderborg Kommune som tovholder."],
                 outcome="decided"),
            item("3.1", "Nyt fra KL's Socialudvalg", section=OR, ved=["Tove Kjærgaard"],
                 ind=["Tager orienteringen til efterretning"],
                 ref=["Netværket tog orienteringen til efterretning."], outcome="noted"),
            item("3.2", "Status på botilbuddet Skovbrynet", section=OR,
                 ved=["Nanna Bro Christiansen"],
                 ind=["Tager status til efterretning"],
                 sag=["Skovbrynet åbnede i august 2023 med tolv pladser. Ti pladser er besat."],
                 ref=["Netværket tog status til efterretning."], outcome="noted",
                 bilag=[("3", "Status for Skovbrynet november 2023")]),
            item("3.3", "Evaluering af temadagen om borgere med dobbeltdiagnoser", section=OR,
                 ved=["Lene Fogh"], ind=["Tager evalueringen til efterretning"],
                 ref=["Netværket tog evalueringen til efterretning og ønsker en ny temadag i "
                      "2024."],
                 outcome="noted"),
            item("3.4", "Orientering fra Socialtilsyn Midt", section=OR, ved=["Lene Fogh"],
                 ind=["Tager orienteringen til efterretning"],
                 ref=["Netværket tog orienteringen til efterretning."], outcome="noted"),
            item("4.1", "Mødeplan for 2024", section=A, ved=["Lene Fogh"],
                 ind=["Godkender mødeplanen for 2024"],
                 sag=["Der foreslås fire møder: 7. marts, 13. juni, 26. september og 5. "
                      "december 2024."],
                 ref=["Netværket godkendte mødeplanen."], outcome="approved",
                 other=[("Efterskrift", ["Mødet den 13. juni er efter mødet flyttet til den "
                                         "20. juni 2024."])]),
            item("4.2", "Eventuelt", section=A, ref=["Intet."]),
        ],
    )
