"""The words referater use for their parts: one place, so a new synonym is a one-line change.

Every list here is a hint that helps the structure-first parser; none is a gate. Labels are
matched case-insensitively at the start of a line, followed by a colon (or standing alone).
"""
from __future__ import annotations

import re

# Cover page: label → what it gives.
COVER_LABELS = {
    "when": ("Tidspunkt", "Tid", "Mødetid", "Dato", "Mødedato", "Dato og tid", "Dato og tidspunkt",
             "Klokken"),
    "where": ("Sted", "Mødested", "Adresse", "Mødeadresse", "Lokation", "Placering"),
    "room": ("Lokale", "Mødelokale", "Rum", "Mødesal"),
    "body": ("Udvalg", "Møde", "Mødeforum", "Forum", "Organ", "Styregruppe"),
}
# A meeting held online: the location is the service's name.
VIRTUAL_LOCATIONS = ("Microsoft Teams", "Teams", "Skype", "Zoom", "Virtuelt møde", "Online",
                     "Videomøde", "Virtuelt")

# Participant list labels: the status of the people listed under each.
PRESENT_LABELS = ("Deltagere", "Deltagende", "Til stede", "Tilstede", "Fremmødte", "Fremmødt",
                  "Mødedeltagere", "Medlemmer", "Deltog", "Desuden deltog", "Øvrige deltagere",
                  "Gæster", "Gæst", "Inviterede", "Herudover deltog")
ABSENT_LABELS = ("Afbud", "Afbud fra", "Fraværende", "Ikke til stede", "Forfald", "Meldt afbud")
SCRIBE_LABELS = ("Referent", "Referenter", "Sekretær", "Mødesekretær")
# The header row of a participant table ("Navn    Organisation"): no person.
PARTICIPANT_COLUMNS = ("Navn", "Organisation", "Kommune", "Rolle", "Titel", "Funktion",
                       "Deltager", "Repræsenterer", "Stilling", "Afdeling", "Myndighed")
ROLES = ("formand", "næstformand", "referent", "sekretær", "mødeleder", "ordstyrer")

# Item parts. Each key is the part the text goes to; the words are its headings.
PART_WORDS = {
    "indstilling": ("Indstilling", "Indstillinger", "Forslag til beslutning", "Indstillingen"),
    "referat": ("Referat", "Beslutning", "Beslutninger", "Referat og beslutning",
                "Referat/beslutning", "Beslutning/referat", "Referat og beslutninger",
                "Beslutning og referat", "Protokol", "Konklusion"),
    "sagsfremstilling": ("Sagsfremstilling", "Baggrund", "Sagsbeskrivelse", "Resumé",
                         "Resume", "Sagens baggrund", "Beskrivelse", "Sagsresumé"),
    "bilag": ("Bilag", "Bilagsliste"),
}
# Other named parts, kept under their own heading.
OTHER_PARTS = ("Efterskrift", "Bemærkninger", "Skriftlig orientering", "Økonomi",
               "Tidsplan", "Videre proces", "Kommunikation", "Lovgrundlag", "Opfølgning")

# The line naming who presents an item: "Ved Anna Berg", "Ansvarlig: …", "V/ …".
PRESENTER_LABELS = ("Ved", "V/", "Ansvarlig", "Sagsansvarlig", "Oplæg ved", "Oplægsholder",
                    "Oplægsholdere", "Fremlægges af", "Præsenteres af", "Fremlægger",
                    "Tovholder", "Punktansvarlig")

# Document titles: what kind of document it is.
REFERAT_WORDS = ("Referat", "Beslutningsreferat", "Mødereferat", "Protokol")
DAGSORDEN_WORDS = ("Dagsorden", "Dagsordenen", "Mødeindkaldelse", "Indkaldelse")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def label_key(label: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The key whose words include this label (case and spacing ignored)."""
    wanted = " ".join(label.split()).casefold()
    for key, words in table.items():
        if any(wanted == word.casefold() for word in words):
            return key
    return None


# Follow-ups (parse.followups): who is to do what, by when. Words, not patterns; the module
# makes each OCR-tolerant ("naeste mgde" reads as "næste møde").
FOLLOWUP_COLUMNS = {  # the header row of a Hvem / Hvornår / Hvad table
    "actor": ("Hvem", "Ansvarlig", "Ansvarlige", "Ansvar", "Aktør", "Tovholder", "Udføres af"),
    "due": ("Hvornår", "Frist", "Tidsfrist", "Deadline", "Dato", "Tidspunkt", "Senest"),
    "action": ("Hvad", "Opgave", "Opgaver", "Handling", "Aktivitet", "Opfølgning", "Beskrivelse",
               "Indsats", "Emne"),
}
# Parts of an item other than the Referat that hold follow-ups.
FOLLOWUP_PARTS = ("Opfølgning", "Videre proces", "Tidsplan", "Bemærkninger")
# A committee's decision that frames the task after it: "DASSOS besluttede, at …".
FOLLOWUP_DECISION_WORDS = (
    "besluttede", "besluttet", "beslutter", "aftalte", "aftalt", "aftaler", "godkendte",
    "godkender", "tiltrådte", "tiltræder", "enighed om", "ønsker", "ønskede",
    "anbefaler", "anbefalede", "bakkede op om", "opbakning", "tilsluttede sig", "aftalt",
    "besluttet",
)
# Verbs in the present tense that announce an actor's next step ("Sekretariatet undersøger
# sagen"); with an actor as subject they need no time phrase.
FOLLOWUP_ACTIVE_VERBS = (
    "udarbejder", "fremlægger", "fremsender", "sender", "udsender", "undersøger", "indarbejder",
    "samler", "laver", "bringer", "koordinerer", "videreformidler", "afdækker", "tilretter",
    "indkalder", "inviterer", "følger op", "vender tilbage", "melder tilbage", "sørger for",
    "arbejder videre", "tager kontakt", "kontakter", "forbereder", "planlægger", "opdaterer",
    "reviderer", "indhenter", "præciserer", "beregner", "udpeger", "nedsætter", "afklarer",
    "giver besked", "udsætter", "genoptager", "afrapporterer", "evaluerer", "kvalificerer",
)
# Present-tense verbs that are a follow-up only with a time phrase ("DASSOS drøfter … på næste
# møde"); without one they report the meeting.
FOLLOWUP_TIMED_VERBS = ("drøfter", "behandler", "orienterer", "præsenterer", "afholder",
                        "beslutter", "godkender")
# Passives that always promise something later ("Punktet genoptages").
FOLLOWUP_PASSIVES = (
    "genoptages", "forelægges", "fremlægges", "udsættes", "afklares", "nedsættes", "tilrettes",
    "tages op", "sættes på dagsordenen", "dagsordensættes", "dagsordensat", "videresendes",
)
# Passives that promise something when a decision frames them or a time phrase dates them
# ("der udarbejdes et notat til næste møde"); "skal" before them always does.
FOLLOWUP_TIMED_PASSIVES = (
    "drøftes", "behandles", "sendes", "udsendes", "fremsendes", "udarbejdes", "laves",
    "præsenteres", "orienteres", "undersøges", "indkaldes", "indarbejdes", "udvides",
    "revideres", "opdateres", "afdækkes", "kvalificeres", "beskrives", "udpeges", "findes",
    "etableres", "igangsættes", "iværksættes", "gennemføres", "vurderes", "koordineres",
    "tilføjes", "defineres", "tydeliggøres", "adresseres", "udsættes", "indhentes",
    "præciseres", "gøres klart", "beregnes", "evalueres", "formuleres", "afholdes",
)
# After "skal"/"vil": verbs that state a rule, a purpose or a possibility, never a task
# ("Aftalen skal give bedre styring", "Det skal bemærkes").
FOLLOWUP_STATIVE_VERBS = (
    "være", "have", "kunne", "gælde", "hedde", "indeholde", "rumme", "fremgå", "bygge",
    "bidrage", "ske", "dække", "modtage", "få", "bemærkes", "ses", "forstås", "betragtes",
    "opfattes", "nævnes", "understreges", "fremhæves", "håndteres", "inddrages", "tænkes",
    "indgå", "afspejle", "søge", "sikre", "fortsætte", "gerne", "inddrage", "stå", "blive",
    "tage udgangspunkt",
)
# Time phrases too vague to promise anything ("med tiden", "på sigt").
FOLLOWUP_VAGUE_TIMES = ("med tiden", "på sigt", "på længere sigt", "på et tidspunkt",
                        "i fremtiden", "fremadrettet")
# What an actor may do that is no task: taking something "til efterretning" is noting it now.
FOLLOWUP_NOTING = ("til efterretning", "til orientering")
# Whom the committee addresses in general rather than one task's actor.
FOLLOWUP_GENERAL_ADDRESSEES = ("kommunerne", "alle kommuner", "kommuner")
# The actor words a subject is recognised by (besides the body's name and people's names).
FOLLOWUP_ACTOR_WORDS = (
    "sekretariat", "sekretariatet", "fællessekretariatet", "gruppen", "grupperne", "udvalget",
    "styregruppen", "arbejdsgruppen", "takstgruppen", "netværket", "forummet", "rådet",
    "styrelsen", "regionen", "kommunerne", "kommunen", "formanden", "formandskabet",
    "tilsynet", "direktørerne", "fagpersoner", "medarbejdere", "repræsentanter", "ledere",
    "repræsentant", "vi",
)
FOLLOWUP_ACTOR_NAMES = ("DASSOS", "KKR", "KL", "KD-Net", "KD-net", "KOSU", "DKS", "PLO", "VIVE")
# Openings of a question or a condition: no promise ("Om der skal …", "Hvis kommunerne …").
FOLLOWUP_QUESTION_OPENERS = ("om", "hvorvidt", "hvordan", "hvilke")
FOLLOWUP_CONDITION_OPENERS = ("hvis", "skulle", "såfremt", "ifald", "i fald")
# Verbs by which the committee asks one party to act ("DASSOS opfordrer X til at …").
FOLLOWUP_REQUEST_VERBS = ("opfordrer", "opfordrede", "opfordret", "anmoder", "anmodede", "beder")
# Who stands for the committee in a decision's lead-in, besides the body's own name.
FOLLOWUP_COMMITTEE_WORDS = ("DASSOS", "udvalget", "styregruppen", "mødet", "direktørerne")
SEASONS = {"forår": 5, "foråret": 5, "sommer": 8, "sommeren": 8, "efterår": 11, "efteråret": 11,
           "vinter": 2, "vinteren": 2}  # the month each season ends
QUARTERS = {"første": 1, "1.": 1, "andet": 2, "anden": 2, "2.": 2, "tredje": 3, "3.": 3,
            "fjerde": 4, "4.": 4}

# Grammar words the follow-up rules walk a sentence with.
# Adverbs that may open a sentence before its subject ("Desuden skal DASSOS …").
FOLLOWUP_SUBJECT_OPENERS = (
    "desuden", "derudover", "herudover", "slutteligt", "endelig", "samtidig", "herefter",
    "derefter", "så", "dernæst", "ydermere", "afslutningsvist", "fremover", "også",
)
# Endings of adverbs and participles that open a sentence like the openers above
# ("Sideløbende nedsætter Koordinationsforum …", "Indledningsvis", "Afslutningsvist").
FOLLOWUP_ADVERB_ENDINGS = ("ende", "vis", "vist", "ligt", "ligvis")
# Words that are never the key word of an action.
FOLLOWUP_NOISE_WORDS = frozenset((
    "det", "den", "de", "der", "dette", "disse", "næste", "kommende", "hele", "samme", "alle",
    "mange", "flere", "andre", "nye", "store", "ikke", "derfor", "desuden", "også", "fortsat",
    "fremover", "gerne", "efterfølgende", "senere", "hurtigst", "muligt", "snarest", "igen",
    "endelige", "eventuelle", "eventuelt",
))
# Words that may stand between a verb and its subject or object.
FOLLOWUP_ADVERBS = frozenset((
    "derfor", "desuden", "også", "fortsat", "fremover", "slutteligt", "efterfølgende", "snarest",
    "hurtigst", "muligt", "bl.a.", "evt.", "fx", "nu", "igen", "senere", "yderligere", "først",
    "straks", "hermed", "herefter", "derefter", "samtidig", "derudover", "endvidere", "endeligt",
    "sammen", "selv", "vi", "der", "det", "man",
))
FOLLOWUP_PREPOSITIONS = frozenset((
    "på", "i", "til", "fra", "ved", "inden", "senest", "med", "efter", "før", "forud", "frem",
    "under", "hen", "over",
))
