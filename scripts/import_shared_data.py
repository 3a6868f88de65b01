#!/usr/bin/env python3
"""Importeert de gedeelde referentiedata (../shared/data) naar content/data/.

Gebruik (vanuit de hoofdmap van de repository):

    python3 scripts/import_shared_data.py              # gemeenten, regios, postcodes
    python3 scripts/import_shared_data.py --alles      # ook contacten, crisis en tafels
    python3 scripts/import_shared_data.py --controleer # schrijft niets; exit 1 bij verschil
    python3 scripts/import_shared_data.py --bron PAD   # andere map met referentiedata

Wat het script doet:
- gemeenten.json, regios.json en postcodes.json komen helemaal uit de CBS-bestanden en worden
  altijd opnieuw geschreven. Pas ze niet met de hand aan.
- gemeente-websites.json (de website van elke gemeente) komt uit gemeente-websites.csv en wordt
  ook altijd opnieuw geschreven. Alleen een record dat een redacteur heeft gecontroleerd
  ('gecontroleerd' met 'datum' en 'door') neemt het script ongewijzigd over uit het bestaande
  bestand.
- gemeente-lokaal.json (lokale contacten per gemeente) maakt het script één keer, met alleen de
  gemeentecodes, als het nog niet bestaat. Daarna is het van de redactie: het script
  overschrijft het nooit, ook niet met --alles.
- contacten.json, crisis.json en tafels.json bevatten feiten uit de gedeelde JSON-bestanden,
  maar de redactie werkt ze daarna bij ('gecontroleerd' na controle bij de eigen bron van de
  organisatie, onbekende regiotafels invullen).
  Het script schrijft ze alleen als ze nog niet bestaan, of met --alles. Met --alles gaan
  handmatige wijzigingen verloren: bekijk daarna `git diff`.
- stappen.json en vragen.json zijn handgeschreven; het script raakt ze nooit aan.

Elk gegeven krijgt de herkomstvelden uit het herkomstmodel: source, source_titel, source_datum,
(bronnen,) opgenomen, zekerheid (hoog/middel/laag) en gecontroleerd (altijd null: alleen een
redacteur zet dat, na controle bij de eigen, actuele bron van de organisatie).

Deterministisch: twee keer draaien geeft byte voor byte dezelfde bestanden. Alleen de
standaardbibliotheek van Python 3 wordt gebruikt.
"""

import argparse
import csv
import json
import os
import re
import sys
from collections import OrderedDict

# Datum waarop de referentiedata uit openbare bronnen is samengesteld en in deze bestanden is
# opgenomen ('opgenomen' per gegeven). Niets is op die datum op de live websites gecontroleerd.
OPGENOMEN = "2026-11-22"
# Datum waarop de bestanden voor het laatst zijn gewijzigd ('opgenomen' in het bron-object
# bovenaan elk bestand). Pas aan als je het script zo verandert dat de uitvoer verandert.
BESTAND_GEWIJZIGD = "2026-12-04"
ZEKERHEDEN = ("hoog", "middel", "laag")
NIET_LIVE = (
    "De gegevens zijn op " + OPGENOMEN + " uit openbare bronnen samengesteld ('opgenomen'). Bij "
    "het opnemen is niets op de live websites gecontroleerd: daarom is 'gecontroleerd' dan null."
)
TONEN = (
    "De site toont een gegeven alleen als 'zekerheid' 'hoog' is (de eigen bron van de "
    "organisatie, of minstens twee onafhankelijke bronnen die het eens zijn) of als een "
    "redacteur het bij de eigen, actuele bron van de organisatie heeft gecontroleerd "
    "('gecontroleerd' met 'datum' en 'door')."
)
# Bronnen zonder webadres.
KAMERSTUK_525 = "Kamerstuk 25 424, nr. 525 (13 maart 2020), plan hoogcomplexe ggz"
KAMERBRIEVEN_SAMENVATTING = ("Kamerbrieven over de ggz, 2020–2021 (samengevat in de README van de "
                             "gedeelde referentiedata, 'What the seeds say')")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO), "shared", "data")
OUT_DIR = os.path.join(REPO, "content", "data")

EXPECTED_GEMEENTEN = 342
EXPECTED_POSTCODES = 4072
EXPECTED_POSTCODES_TWEE = 20


class ImportFout(Exception):
    pass


def check(condition, message):
    if not condition:
        raise ImportFout(message)


# --------------------------------------------------------------------------------------------
# Slugs: dezelfde regels als slugify() in generator/src/util/slug.cc.

_FOLD = (
    # U+00C0
    "a a a a a a ae c e e e e i i i i "
    # U+00D0
    "d n o o o o o - o u u u u y th ss "
    # U+00E0
    "a a a a a a ae c e e e e i i i i "
    # U+00F0
    "d n o o o o o - o u u u u y th y "
    # U+0100
    "a a a a a a c c c c c c c c d d "
    # U+0110
    "d d e e e e e e e e e e g g g g "
    # U+0120
    "g g g g h h h h i i i i i i i i "
    # U+0130
    "i i ij ij j j k k k l l l l l l l "
    # U+0140
    "l l l n n n n n n n n n o o o o "
    # U+0150
    "o o oe oe r r r r r r s s s s s s "
    # U+0160
    "s s t t t t t t u u u u u u u u "
    # U+0170
    "u u u u w w y y y z z z z z z s"
).split()
assert len(_FOLD) == 0x180 - 0xC0
_APOSTROPHES = {"'", "\u2019", "\u2018", "`"}


def slugify(text):
    out = []
    pending_hyphen = False
    for ch in text:
        cp = ord(ch)
        piece = None
        if cp < 0x80 and ch.isalnum():
            piece = ch.lower()
        elif 0xC0 <= cp <= 0x17F and _FOLD[cp - 0xC0] != "-":
            piece = _FOLD[cp - 0xC0]
        elif ch in _APOSTROPHES:
            continue
        else:
            pending_hyphen = True
            continue
        if pending_hyphen and out:
            out.append("-")
        pending_hyphen = False
        out.append(piece)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Uitvoer: UTF-8, 2 spaties inspringen, ensure_ascii=False, vaste volgorde van sleutels,
# korte lijsten met alleen eenvoudige waarden op één regel, afsluitende regelovergang.

def _scalar(value):
    return json.dumps(value, ensure_ascii=False)


def to_json(value, level=0):
    pad = "  " * level
    inner = "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [inner + _scalar(k) + ": " + to_json(v, level + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value):
            inline = "[" + ", ".join(_scalar(v) for v in value) + "]"
            if len(inline) <= 80:
                return inline
        return "[\n" + ",\n".join(inner + to_json(v, level + 1) for v in value) + "\n" + pad + "]"
    return _scalar(value)


def render(doc):
    return to_json(doc) + "\n"


# --------------------------------------------------------------------------------------------
# Lezen

def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Shared:
    def __init__(self, folder):
        self.folder = folder
        self.gemeenten = read_csv(os.path.join(folder, "gemeenten-2025.csv"))
        self.pc4 = read_csv(os.path.join(folder, "pc4-gemeente-2024.csv"))
        self.websites = read_csv(os.path.join(folder, "gemeente-websites.csv"))
        self.contacten = read_json(os.path.join(folder, "contacten-landelijk.json"))
        self.crisis = read_json(os.path.join(folder, "crisisdiensten-ggz.json"))
        self.tafels = read_json(os.path.join(folder, "tafels-hoogcomplexe-ggz.json"))
        names = ["README.md", "contacten-landelijk.json", "crisisdiensten-ggz.json",
                 "tafels-hoogcomplexe-ggz.json"]
        self.alle_tekst = "\n".join(read_text(os.path.join(folder, n)) for n in names)

    def staat_in_bron(self, value):
        """Elk nummer, adres en elke URL die we overnemen moet letterlijk in de bron staan."""
        check(value in self.alle_tekst, "niet gevonden in de gedeelde referentiedata: " + value)
        return value

    def contact(self, naam_begint_met):
        hits = [c for c in self.contacten["contacts"] if c["naam"].startswith(naam_begint_met)]
        check(len(hits) == 1, "contact niet (eenduidig) gevonden: " + naam_begint_met)
        return hits[0]


def urls(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)



# --------------------------------------------------------------------------------------------
# Herkomst (provenance) van elk gegeven dat een lezer kan gebruiken.
#
# Per bron: een korte, eerlijke titel (site + onderwerp van de pagina) en de eigen datum van de
# bron, alleen als de referentiedata of het webadres die noemt; anders None.

BRONNEN = {
    "https://www.gpinfo.nl/in-case-of-emergency":
        ("gpinfo.nl: In case of emergency (huisarts en spoed, voor expats)", None),
    "https://spoedzorgnu.nl/patienteninformatie/hoe-werkt-de-spoedpost/":
        ("SpoedzorgNU: Hoe werkt de spoedpost?", None),
    "https://honk.nu/huisartsenpost/patientinformatie":
        ("HONK huisartsenpost: patiëntinformatie", None),
    "https://www.113.nl/schoolopdracht":
        ("113 Zelfmoordpreventie (113.nl): informatie voor een schoolopdracht", None),
    ("https://www.nu.nl/binnenland/6062813/hulplijn-113-nu-ook-rechtstreeks-bereikbaar-voor-"
     "zelfmoordpreventie.html?redirect=1"):
        ("NU.nl: hulplijn van 113 Zelfmoordpreventie nu ook rechtstreeks bereikbaar", "2020"),
    ("https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-"
     "zelfdodingsgedachten/pj8neqt"):
        ("upday: bellen naar 113 Zelfmoordpreventie nu gratis", "2025"),
    "https://www.nrc.nl/nieuws/2021/07/27/coronablog-27-juli-a4052478":
        ("NRC: coronablog van 27 juli 2021", "2021-07-27"),
    "https://www.rd.nl/vandaag/binnenland/sensoor-heet-voortaan-de-luisterlijn-1.1534009":
        ("Reformatorisch Dagblad: Sensoor heet voortaan De Luisterlijn", None),
    "https://mentaalkabaal.wixsite.com/blog/post/5-telefoonnummers-voor-mentale-rust":
        ("Mentaal Kabaal (blog): telefoonnummers voor mentale rust", None),
    "https://nl.wikipedia.org/wiki/Korrelatie":
        ("Wikipedia: Korrelatie", None),
    "https://www.me-cvsvereniging.nl/nieuws/het-juiste-loket":
        ("ME/cvs Vereniging: nieuwsbericht over Het Juiste Loket", "2021-06"),
    "https://www.regelhulp.nl/juiste-loket":
        ("Regelhulp (ministerie van VWS): Het Juiste Loket", None),
    "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2020D06664&id=2020Z03149":
        ("Tweede Kamer: Kamerbrief van VWS over complexe zorgvragen", "2020-02"),
    "https://wijzijnmind.nl/naar-de-huisarts/de-rol-van-de-huisarts-in-crisissituaties":
        ("MIND (wijzijnmind.nl): De rol van de huisarts in crisissituaties", None),
    "https://www.regelhulp.nl/bladeren/_/artikel/crisisdienst-en-crisisopvang/":
        ("Regelhulp (ministerie van VWS): Crisisdienst en crisisopvang", None),
    "https://www.vzinfo.nl/acute-zorg/aanbod/crisisdienst-ggz":
        ("vzinfo.nl (RIVM): Crisisdienst ggz, aanbod", None),
    "https://www.vzinfo.nl/acute-zorg/regionaal/crisisdienst-ggz":
        ("vzinfo.nl (RIVM): Crisisdienst ggz, regionaal", "2023-07-11"),
    "https://www.zilverenkruis.nl/zorgkantoor/zorgaanbieders/uw-zorgverlening/crisiszorg-regelen/ggz":
        ("Zilveren Kruis Zorgkantoor: crisiszorg regelen in de ggz", None),
    "https://puc.overheid.nl/nza/doc/PUC_713468_22/":
        ("NZa: beleidsregel budgetbekostiging acute psychiatrische hulpverlening (BR/REG-23138)",
         None),
    "https://www.skipr.nl/nieuws/ggnet-heeft-nieuw-regioplan-acute-ggz/":
        ("Skipr: GGNet heeft nieuw regioplan acute ggz", "2020"),
    ("https://www.vvgi.nl/actueel/nieuws/e%C3%A9n-rechtstreeks-nummer-voor-verwijzers-voor-"
     "crisisdienst-18plus-in-noord-en-midden-limburg/"):
        ("Vincent van Gogh: één rechtstreeks nummer voor verwijzers voor de crisisdienst 18+ in "
         "Noord- en Midden-Limburg", "2024"),
    "https://www.ggzcentraal.nl/regiotafels-samen-zoeken-naar-passende-zorg/":
        ("GGz Centraal: Regiotafels, samen zoeken naar passende zorg", None),
    "https://www.ggzbreburg.nl/verwijzers/regiotafel-hoogcomplexe-ggz/":
        ("GGz Breburg: Regiotafel hoogcomplexe ggz (voor verwijzers)", None),
    KAMERSTUK_525:
        ("Kamerbrief plan hoogcomplexe ggz (VWS), Kamerstuk 25 424, nr. 525", "2020-03-13"),
    KAMERBRIEVEN_SAMENVATTING:
        ("Kamerbrieven over de ggz (VWS), samengevat in de gedeelde referentiedata", None),
}


def herkomst(source, zekerheid, bronnen=None):
    """De herkomstvelden van één record, in vaste volgorde."""
    check(source in BRONNEN, "geen titel en datum bekend voor bron: " + source)
    check(zekerheid in ZEKERHEDEN, "onbekende zekerheid: " + zekerheid)
    titel, datum = BRONNEN[source]
    items = [("source", source), ("source_titel", titel), ("source_datum", datum)]
    if bronnen is not None:
        items.append(("bronnen", bronnen))
    items += [("opgenomen", OPGENOMEN), ("zekerheid", zekerheid), ("gecontroleerd", None)]
    return items


def bestand_bron(source, titel, datum, licentie, vermelding, bestanden, toelichting):
    """Het bron-object bovenaan een gegevensbestand."""
    return OrderedDict([
        ("source", source),
        ("source_titel", titel),
        ("source_datum", datum),
        ("licentie", licentie),
        ("vermelding", vermelding),
        ("bestanden", bestanden),
        ("opgenomen", BESTAND_GEWIJZIGD),
        ("toelichting", toelichting),
    ])


# --------------------------------------------------------------------------------------------
# contacten.json

DAG_EN_NACHT = "24 uur per dag, 7 dagen per week"


def kanaal(shared, id_, soort, waarde, source, zekerheid, label=None, uren=None, kosten=None,
           bronnen=None):
    shared.staat_in_bron(waarde)
    shared.staat_in_bron(source)
    for b in bronnen or []:
        shared.staat_in_bron(b)
    k = OrderedDict([("id", id_), ("soort", soort), ("waarde", waarde)])
    if label is not None:
        k["label"] = label
    k["uren"] = uren
    k["kosten"] = kosten
    for key, value in herkomst(source, zekerheid, bronnen):
        k[key] = value
    return k


def organisatie(shared, bron_contact, id_, naam, doel, toelichting, kanalen, source, zekerheid,
                redactie_noot):
    bronnen = urls(bron_contact["source_urls"])
    check(source in bronnen, "source van %s staat niet in de bronnen" % id_)
    for k in kanalen:
        check(k["source"] in bronnen, "source van een kanaal van %s staat niet in de bronnen" % id_)
    o = OrderedDict([
        ("id", id_),
        ("naam", naam),
        ("doel", doel),
        ("toelichting", toelichting),
        ("kanalen", kanalen),
    ])
    for key, value in herkomst(source, zekerheid, bronnen):
        o[key] = value
    o["redactie_noot"] = redactie_noot
    return o


def bouw_contacten(shared):
    c112 = shared.contact("112")
    c113 = shared.contact("113")
    chuis = shared.contact("Huisarts")
    cluis = shared.contact("De Luisterlijn")
    cmind = shared.contact("MIND Korrelatie")
    cloket = shared.contact("Het Juiste Loket")
    cvws = shared.contact("Unit Complexe Zorgvragen")

    check(c112["telefoon"] == "112", "112 gewijzigd in de bron")
    check(set(c113["telefoon"]) == {"113", "0800-0113"}, "113 gewijzigd in de bron")
    check(chuis["telefoon"] is None, "huisarts heeft nu een nummer in de bron?")
    check(cluis["telefoon"] == "088 0767 000", "Luisterlijn gewijzigd in de bron")
    check(cmind["telefoon"] == "0900-1450", "MIND Korrelatie gewijzigd in de bron")
    check(cloket["telefoon"] == "030 789 78 78", "Juiste Loket gewijzigd in de bron")
    check(cvws["telefoon"] is None, "VWS heeft nu een nummer in de bron?")
    # De zekerheid hieronder volgt de 'confidence' van de referentiedata. Wijzigt die, dan moet
    # iemand de keuzes opnieuw bekijken.
    check(c112["confidence"].startswith("high (112); medium (0800-8112"), "zekerheid 112 gewijzigd")
    check(c113["confidence"] == "high", "zekerheid 113 gewijzigd")
    check(chuis["confidence"] == "high", "zekerheid huisarts gewijzigd")
    check(cluis["confidence"].startswith("high (nummer in NRC 2021 en blog)"),
          "zekerheid Luisterlijn gewijzigd")
    check(cmind["confidence"].startswith("medium"), "zekerheid MIND Korrelatie gewijzigd")
    check(cloket["confidence"].startswith("medium"), "zekerheid Juiste Loket gewijzigd")
    check(cvws["confidence"].startswith("low"), "zekerheid VWS gewijzigd")

    gpinfo = "https://www.gpinfo.nl/in-case-of-emergency"
    honk = "https://honk.nu/huisartsenpost/patientinformatie"
    spoedpost = "https://spoedzorgnu.nl/patienteninformatie/hoe-werkt-de-spoedpost/"
    site113 = "https://www.113.nl/schoolopdracht"
    nu113 = ("https://www.nu.nl/binnenland/6062813/hulplijn-113-nu-ook-rechtstreeks-bereikbaar-"
             "voor-zelfmoordpreventie.html?redirect=1")
    upday113 = ("https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-"
                "zelfdodingsgedachten/pj8neqt")
    nrc = "https://www.nrc.nl/nieuws/2021/07/27/coronablog-27-juli-a4052478"
    rd = "https://www.rd.nl/vandaag/binnenland/sensoor-heet-voortaan-de-luisterlijn-1.1534009"
    mind_blog = "https://mentaalkabaal.wixsite.com/blog/post/5-telefoonnummers-voor-mentale-rust"
    mind_wiki = "https://nl.wikipedia.org/wiki/Korrelatie"
    loket_bericht = "https://www.me-cvsvereniging.nl/nieuws/het-juiste-loket"
    regelhulp_loket = "https://www.regelhulp.nl/juiste-loket"
    kamerbrief = ("https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?"
                  "did=2020D06664&id=2020Z03149")

    contacten = [
        organisatie(
            shared, c112, "112", "112",
            "Bel het alarmnummer als er direct gevaar is. Bijvoorbeeld als iemands leven in "
            "gevaar is. Je krijgt dan de ambulance, de politie of de brandweer.",
            None,
            [
                kanaal(shared, "tel-112", "telefoon", "112", gpinfo, "hoog", uren=DAG_EN_NACHT),
                kanaal(shared, "tel-112-teksttelefoon", "telefoon", "0800-8112", honk, "middel",
                       label="Voor doven en slechthorenden met een teksttelefoon"),
            ],
            gpinfo, "hoog",
            "Organisatie en tel-112: hoog, drie onafhankelijke bronnen (gpinfo.nl, SpoedzorgNU, "
            "HONK) noemen het alarmnummer. tel-112-teksttelefoon komt uit één regionale bron "
            "(huisartsenpost HONK): middel, dus niet tonen tot een redacteur het heeft "
            "gecontroleerd."),
        organisatie(
            shared, c113, "113", "113 Zelfmoordpreventie",
            "Denk je aan zelfdoding? Praat erover met 113 Zelfmoordpreventie. Bellen of chatten "
            "kan dag en nacht. Je hoeft je naam niet te zeggen.",
            None,
            [
                kanaal(shared, "tel-0800-0113", "telefoon", "0800-0113", site113, "hoog",
                       uren=DAG_EN_NACHT, kosten="Altijd gratis"),
                kanaal(shared, "tel-113", "telefoon", "113", nu113, "hoog", uren=DAG_EN_NACHT,
                       bronnen=[nu113, upday113]),
                kanaal(shared, "chat-113", "chat", "https://www.113.nl", site113, "hoog",
                       label="Chat op 113.nl", uren=DAG_EN_NACHT),
            ],
            site113, "hoog",
            "Hoog: eigen site van 113 Zelfmoordpreventie. tel-113: hoog, twee onafhankelijke "
            "nieuwsberichten (NU.nl 2020, upday 2025). Toon 'tel-0800-0113 is altijd gratis' en "
            "bied tel-113 ernaast aan. Dat tel-113 sinds oktober 2025 ook gratis is, staat in één "
            "nieuwsbericht (middel-hoog); daarom is 'kosten' van tel-113 leeg gelaten. Het korte "
            "nummer werkt sinds juli 2020; het oude 0900-nummer is vervallen. De datum van het "
            "NU.nl-bericht (2020) is afgeleid uit de referentiedata ('sinds juli 2020')."),
        organisatie(
            shared, chuis, "huisarts", "Huisarts en huisartsenpost",
            "Heb je snel hulp nodig, maar is het niet levensbedreigend? Bel dan je huisarts. "
            "'s Avonds, 's nachts, in het weekend en op feestdagen bel je de huisartsenpost. "
            "Zij kunnen zo nodig de crisisdienst inschakelen.",
            "Er is geen landelijk nummer voor de huisarts of de huisartsenpost. Op werkdagen van "
            "8.00 tot 17.00 uur bel je je eigen huisartsenpraktijk. Daarbuiten bel je de "
            "huisartsenpost in je regio. Het nummer staat op de website of op het antwoordapparaat "
            "van je eigen huisarts. Bel altijd eerst, voordat je naar de huisartsenpost gaat.",
            [],
            spoedpost, "hoog",
            "Hoog: drie onafhankelijke bronnen (SpoedzorgNU, gpinfo.nl, HONK) zeggen hetzelfde. "
            "Bewust geen kanalen: er bestaat geen landelijk nummer. Verzin er geen."),
        organisatie(
            shared, cluis, "luisterlijn", "De Luisterlijn",
            "Wil je je verhaal kwijt? Bij De Luisterlijn luistert iemand naar je. Anoniem, dag en "
            "nacht. Het is geen hulpverlening.",
            "De Luisterlijn heette vroeger Sensoor.",
            [
                kanaal(shared, "tel-luisterlijn", "telefoon", "088 0767 000", nrc, "hoog",
                       uren=DAG_EN_NACHT),
            ],
            rd, "hoog",
            "Organisatie: hoog, twee onafhankelijke bronnen (Reformatorisch Dagblad en Samen "
            "tegen eenzaamheid) over de nieuwe naam. tel-luisterlijn: hoog volgens de "
            "referentiedata, het nummer staat in NRC (2021) en in een blog; welke bron de blog is, "
            "zegt de referentiedata niet. Een redacteur bevestigt het liefst op de eigen site van "
            "De Luisterlijn. Of bellen gratis is, is niet vastgesteld: 'kosten' is leeg. Chat en "
            "e-mail bestaan volgens de bron, maar adressen zijn niet bekend."),
        organisatie(
            shared, cmind, "mind-korrelatie", "MIND Korrelatie",
            "Anoniem hulp, advies en informatie bij psychische en sociale problemen. Je praat met "
            "psychologen en maatschappelijk werkers.",
            None,
            [
                kanaal(shared, "tel-mind-korrelatie", "telefoon", "0900-1450", mind_blog,
                       "middel"),
                kanaal(shared, "whatsapp-mind-korrelatie", "whatsapp", "06 13 86 38 03",
                       mind_blog, "middel"),
            ],
            mind_wiki, "middel",
            "Middel: de nummers staan alleen in één blog (die het nummer ten onrechte Belgisch "
            "noemt). Openingstijden en kosten (0900-nummer) zijn niet vastgesteld. Niet tonen "
            "voordat een redacteur het op de eigen site van MIND Korrelatie heeft gecontroleerd."),
        organisatie(
            shared, cloket, "juiste-loket", "Het Juiste Loket",
            "Weet je niet bij welke instantie je moet zijn voor zorg of ondersteuning? Het Juiste "
            "Loket geeft gratis informatie en onafhankelijk advies.",
            "In opdracht van het ministerie van VWS, uitgevoerd door Per Saldo en Ieder(in).",
            [
                kanaal(shared, "tel-juiste-loket", "telefoon", "030 789 78 78", loket_bericht,
                       "middel", uren="Werkdagen van 10.00 tot 17.00 uur", kosten="Gratis"),
                kanaal(shared, "mail-juiste-loket", "email", "meldpunt@juisteloket.nl",
                       loket_bericht, "middel", kosten="Gratis"),
            ],
            regelhulp_loket, "middel",
            "Middel (middel-hoog volgens de referentiedata): telefoon en e-mail komen uit één "
            "bericht van juni 2021; regelhulp.nl bevestigt de dienst, maar het contactblok is niet "
            "gezien. Eerst controleren op de eigen site van Het Juiste Loket."),
        organisatie(
            shared, cvws, "vws-complexe-zorgvragen", "Unit Complexe Zorgvragen (ministerie van VWS)",
            "Loop je vast tussen gemeente, zorgverzekeraar en zorgkantoor? Het ministerie van VWS "
            "behandelt complexe zorgvragen van mensen die nergens verder komen.",
            None,
            [
                kanaal(shared, "mail-vws", "email", "zorgvragen@minvws.nl", kamerbrief, "laag"),
            ],
            kamerbrief, "hoog",
            "Organisatie: hoog, de aanpak complexe zorgvragen staat in de eigen Kamerbrieven van "
            "VWS (februari 2020). De referentiedata noemt twee brieven (17 en 21 februari 2020); "
            "welke van de twee dit webadres is, is niet vastgesteld: daarom alleen '2020-02'. "
            "mail-vws staat in de Kamerbrief van 21 februari 2020 (Kamerstuk 25 424); laag: of "
            "het adres nog in gebruik is, is niet bekend. Geen telefoonnummer bekend."),
    ]
    return OrderedDict([
        ("$schema", "./schemas/contacten.schema.json"),
        ("bron", bestand_bron(
            "Gedeelde referentiedata: contacten-landelijk.json en README.md",
            "Gedeelde referentiedata van GGZ Wegwijzer: landelijke contacten", OPGENOMEN,
            None, None, ["contacten-landelijk.json", "README.md"],
            "Landelijke contacten. Elke organisatie en elk kanaal heeft een eigen herkomst: "
            "'source', 'source_titel', 'source_datum', 'opgenomen', 'zekerheid' en "
            "'gecontroleerd'. Kanalen hebben een vaste 'id' (bijvoorbeeld 'tel-113'), zodat "
            "teksten ernaar kunnen verwijzen. " + NIET_LIVE + " " + TONEN)),
        ("contacten", contacten),
    ])


# --------------------------------------------------------------------------------------------
# crisis.json

def feit(shared, tekst, source, zekerheid, bronnen=None, redactie_noot=None, extra=None):
    if source.startswith("http"):
        shared.staat_in_bron(source)
    bronnen = bronnen if bronnen is not None else ([source] if source.startswith("http") else [])
    for b in bronnen:
        shared.staat_in_bron(b)
    f = OrderedDict()
    for k, v in (extra or []):
        f[k] = v
    f["tekst"] = tekst
    for k, v in herkomst(source, zekerheid, bronnen):
        f[k] = v
    f["redactie_noot"] = redactie_noot
    return f


def bouw_crisis(shared):
    kern = shared.crisis["kernfeiten"]
    toegang = shared.crisis["toegang_voor_burgers"]
    aanbieders = shared.crisis["regio_aanbieder_gevonden"]
    check("29 regio's" in kern[0]["feit"] and "60 locaties" in kern[0]["feit"], "kernfeit 29/60?")
    check("28 crisisregio's" in kern[1]["feit"], "kernfeit 28?")
    check("BR/REG-23138" in kern[2]["feit"], "kernfeit bekostiging?")
    check("peildatum 11 juli 2023" in kern[0]["feit"], "peildatum kernfeit 29/60 gewijzigd")
    check([t["confidence"] for t in toegang[:3]] == ["hoog", "hoog", "hoog"],
          "zekerheid van de toegang gewijzigd")
    check(kern[0]["confidence"] == "hoog" and kern[2]["confidence"] == "hoog"
          and kern[1]["confidence"].startswith("middel"), "zekerheid van de kernfeiten gewijzigd")

    def route(id_, titel, wanneer, wat, contact, via, bron_item, source, zekerheid, noot=None):
        bronnen = urls(bron_item["source_url"])
        check(source in bronnen, "source van route %s" % id_)
        for b in bronnen:
            shared.staat_in_bron(b)
        r = OrderedDict([
            ("id", id_), ("titel", titel), ("wanneer", wanneer), ("wat", wat),
            ("contact", contact), ("via", via),
        ])
        for k, v in herkomst(source, zekerheid, bronnen):
            r[k] = v
        r["redactie_noot"] = noot
        return r

    wijzijnmind = "https://wijzijnmind.nl/naar-de-huisarts/de-rol-van-de-huisarts-in-crisissituaties"
    regelhulp = "https://www.regelhulp.nl/bladeren/_/artikel/crisisdienst-en-crisisopvang/"
    vzinfo_aanbod = "https://www.vzinfo.nl/acute-zorg/aanbod/crisisdienst-ggz"
    vzinfo_regio = "https://www.vzinfo.nl/acute-zorg/regionaal/crisisdienst-ggz"
    c113 = shared.contact("113")

    toegang_lijst = [
        route("112", "Direct gevaar",
              "Er is direct gevaar voor jou of voor iemand anders.",
              "Bel het alarmnummer. Wacht niet.",
              "112", [], toegang[1], wijzijnmind, "hoog",
              "Hoog: twee onafhankelijke bronnen (MIND en de werkafspraken huisartsen en "
              "specialisten) zeggen hetzelfde."),
        route("113", "Gedachten aan zelfdoding",
              "Je denkt aan zelfdoding.",
              "Bel of chat met 113 Zelfmoordpreventie. Dat kan dag en nacht, en anoniem.",
              "113", [], {"source_url": urls(c113["source_urls"])},
              "https://www.113.nl/schoolopdracht", "hoog",
              "Hoog: eigen site van 113 Zelfmoordpreventie."),
        route("huisarts", "Dringend, maar niet levensbedreigend",
              "Je hebt snel hulp nodig, maar er is geen direct levensgevaar.",
              "Bel je huisarts. 's Avonds, 's nachts, in het weekend en op feestdagen bel je de "
              "huisartsenpost. Er is geen landelijk nummer: het nummer staat op de website of het "
              "antwoordapparaat van je huisarts. De huisarts schakelt zo nodig de crisisdienst in.",
              "huisarts", [], toegang[0], regelhulp, "hoog",
              "Hoog: drie onafhankelijke bronnen (Regelhulp, Informatie langdurige zorg, MIND) "
              "zeggen hetzelfde."),
        route("crisisdienst", "De crisisdienst ggz",
              "Je bent in een psychische crisis en hebt direct hulp van de ggz nodig.",
              "Je kunt de crisisdienst meestal niet zelf bellen: de crisisnummers zijn voor "
              "verwijzers. De huisarts, de huisartsenpost, de spoedeisende hulp (SEH) of de politie "
              "schakelt de crisisdienst in. Voor hen is de crisisdienst dag en nacht bereikbaar. "
              "Ben je al in behandeling? Dan loopt de route vaak via je eigen behandelaar of "
              "instelling.",
              None,
              ["huisarts", "huisartsenpost", "spoedeisende hulp (SEH)", "politie"],
              {"source_url": urls(toegang[2]["source_url"]) + urls(toegang[3]["source_url"])
               + urls(toegang[0]["source_url"])},
              vzinfo_aanbod, "hoog",
              "Hoog: de route via huisarts, huisartsenpost, SEH of politie staat in meerdere "
              "onafhankelijke bronnen (vzinfo.nl, GGZ Delfland, Regelhulp, MIND). Dat "
              "crisisnummers alleen voor verwijzers zijn, is hoog voor het voorbeeld Noord- en "
              "Midden-Limburg (sinds 2 april 2024 een geheim nummer) en middel als algemene regel: "
              "vandaar 'meestal'. Nooit een crisisnummer aan bezoekers tonen."),
    ]
    # Dubbele URL's uit de samengevoegde lijst halen, volgorde behouden.
    cd = toegang_lijst[3]
    cd["bronnen"] = list(OrderedDict.fromkeys(cd["bronnen"]))

    locaties = OrderedDict([
        ("aantal_regios", 29),
        ("aantal_locaties", 60),
        ("locaties_24_uur", 41),
        ("locaties_alleen_overdag", 13),
        ("locaties_alleen_avond_nacht_weekend", 6),
        ("peildatum", "2023-07-11"),
    ])
    acute = feit(
        shared,
        "De crisisdiensten ggz werken in 29 regio's voor acute ggz. In elke regio is één "
        "ggz-aanbieder verantwoordelijk, samen met partners in de regio. In 2023 waren er 60 "
        "locaties: 41 dag en nacht open, 13 alleen overdag en 6 alleen 's avonds, 's nachts en in "
        "het weekend.",
        vzinfo_regio, "middel", bronnen=urls(kern[0]["source_url"]),
        redactie_noot="Middel, al noemt de referentiedata het 'hoog': beide bronnen zijn pagina's "
                      "van vzinfo.nl (RIVM), die de cijfers van de Nederlandse ggz overneemt "
                      "(peildatum 11 juli 2023). Dat is niet de eigen bron van de organisatie en "
                      "geen twee onafhankelijke bronnen; Zilveren Kruis noemt bovendien 28 regio's. "
                      "Controleer bij de Nederlandse ggz zelf.",
        extra=list(locaties.items()))
    acute["afwijkende_bron"] = feit(
        shared,
        "Zilveren Kruis Zorgkantoor spreekt van 28 crisisregio's, met per regio één budgethouder "
        "voor de eerste drie dagen acute psychiatrische hulp.",
        kern[1]["source_url"], "middel",
        redactie_noot="Middel; mogelijk verouderd. vzinfo.nl / de Nederlandse ggz (2023) noemt 29.",
        extra=[("aantal_regios", 28)])

    doc = OrderedDict([
        ("$schema", "./schemas/crisis.schema.json"),
        ("bron", bestand_bron(
            "Gedeelde referentiedata: crisisdiensten-ggz.json en README.md",
            "Gedeelde referentiedata van GGZ Wegwijzer: acute ggz en crisisdiensten", OPGENOMEN,
            None, None, ["crisisdiensten-ggz.json", "contacten-landelijk.json", "README.md"],
            "Hoe je acute hulp bereikt. Telefoonnummers staan niet hier maar in contacten.json: "
            "'contact' verwijst naar een id daar. " + NIET_LIVE + " " + TONEN)),
        ("toegang", toegang_lijst),
        ("vervolg_na_crisis", feit(
            shared,
            "Na een beoordeling door de crisisdienst is vervolgbehandeling gegarandeerd, voor ten "
            "hoogste drie dagen. Bijvoorbeeld over een weekend. Crisisdiensten maken met hun "
            "partners een regionaal beddenplan.",
            KAMERBRIEVEN_SAMENVATTING,
            "middel",
            redactie_noot="Middel: alleen een samenvatting van Kamerbrieven in de referentiedata, "
                          "zonder webadres, zonder zekerheid en zonder Kamerstuknummer. Zoek de "
                          "Kamerbrief op en zet die in 'source' voordat je dit toont.")),
        ("acute_ggz_regios", acute),
        ("bekostiging", feit(
            shared,
            "De acute psychiatrische hulp wordt betaald via de NZa-beleidsregel "
            "'budgetbekostiging acute psychiatrische hulpverlening' (BR/REG-23138). Per regio is "
            "er één aanbieder met een budget (budgethouder), voor de eerste drie dagen. Eén "
            "zorgverzekeraar koopt namens alle verzekeraars in.",
            urls(kern[2]["source_url"])[0], "hoog", bronnen=urls(kern[2]["source_url"]),
            redactie_noot="Hoog: de beleidsregel zelf, gepubliceerd door de NZa, en Skipr zegt "
                          "hetzelfde. Het is geen 'beschikbaarheidbijdrage acute ggz'; die term "
                          "bestaat in de bronnen niet. 'source_datum' is leeg: het nummer "
                          "BR/REG-23138 wijst op 2023, maar de datum staat niet in de "
                          "referentiedata.")),
    ])

    def aanbieder(item, id_, regio, doelgroep, aanbieder_naam, basis):
        check(item["aanbieder"] == aanbieder_naam, "aanbieder gewijzigd: " + aanbieder_naam)
        check(item["regio"].startswith(regio), "regio gewijzigd: " + regio)
        check(item["confidence"].startswith("middel"), "zekerheid gewijzigd: " + aanbieder_naam)
        src = shared.staat_in_bron(item["source_url"])
        a = OrderedDict([
            ("id", id_), ("regio", regio), ("doelgroep", doelgroep),
            ("aanbieder", aanbieder_naam), ("basis", basis),
        ])
        for k, v in herkomst(src, "middel"):
            a[k] = v
        a["redactie_noot"] = "Zekerheid volgens de referentiedata: " + item["confidence"] + "."
        return a

    doc["regionale_aanbieders"] = [
        aanbieder(aanbieders[0], "noord-en-oost-gelderland-en-liemers",
                  "Noord- en Oost-Gelderland en Liemers", None, "GGNet",
                  "GGNet stelde het regioplan acute ggz op en maakt de financieringsafspraken met "
                  "Menzis (de representerende zorgverzekeraar)."),
        aanbieder(aanbieders[1], "noord-limburg-18", "Noord-Limburg", "18+", "Vincent van Gogh",
                  "Zet een ggz-triagist in voor crisisvragen van verwijzers."),
        aanbieder(aanbieders[2], "midden-limburg-18", "Midden-Limburg", "18+", "MET ggz",
                  "Zet een ggz-triagist in voor crisisvragen van verwijzers, vanaf 2 april 2024."),
    ]
    doc["niet_bekend"] = [
        "Een volledige lijst van de acute-ggz-regio's met de verantwoordelijke aanbieder per "
        "regio. Bronnen om die live te controleren: vzinfo.nl (kaart 'crisisdienst ggz – "
        "regionaal'), de Nederlandse ggz (regio-overzicht acute ggz), het overzicht 'Uitvoerders "
        "GGZ-crisiszorg' van CZ zorgkantoor, het regio-overzicht van de VNG en de "
        "budgetbeschikkingen van de NZa.",
    ]
    return doc


# --------------------------------------------------------------------------------------------
# tafels.json

def bouw_tafels(shared):
    src = shared.tafels
    check(src["algemeen"]["aantal_tafels"] == 8, "aantal tafels gewijzigd")
    check(len(src["tafels"]) == 2, "aantal bekende tafels gewijzigd: werk het script bij")
    mn, nbz = src["tafels"]
    check(mn["naam"] == "Regiotafel Midden Nederland", "Midden-Nederland gewijzigd")
    check(nbz["naam"].endswith("Noord-Brabant en Zeeland"), "Noord-Brabant/Zeeland gewijzigd")
    check(mn["confidence"].startswith("medium"), "zekerheid Midden-Nederland gewijzigd")
    check(nbz["confidence"].startswith("high (tekst van de aanbieder zelf"),
          "zekerheid Noord-Brabant/Zeeland gewijzigd")
    check(src["algemeen"]["confidence"].startswith("high (aantal 8)"), "zekerheid aantal gewijzigd")
    ggzcentraal = shared.staat_in_bron(src["algemeen"]["source_url"])
    breburg = shared.staat_in_bron(nbz["source_url"])
    email = shared.staat_in_bron(nbz["aanmelden"]["email"])

    # Geen aantallen in vrije tekst: die volgen uit de gegevens ('aantal_tafels' en de lijst).
    aanmelden_algemeen = (
        "Een verwijzer, bijvoorbeeld je huisarts of behandelaar, meldt je vraag aan. Dat gebeurt "
        "zonder je naam (geanonimiseerd). Het kan pas als de lokale route en de zorgbemiddeling "
        "van je zorgverzekeraar geen passende plek opleverden.")

    def tafel(id_, naam, gebied, provincies, trekkers, coordinatie, aanmelden_tekst, kanalen,
              source, zekerheid, noot):
        t = OrderedDict([
            ("id", id_),
            ("naam", naam),
            ("gebied", gebied),
            ("gebied_provincies", provincies),
            ("trekkers", trekkers),
            ("coordinatie", coordinatie),
            ("aanmelden", OrderedDict([("tekst", aanmelden_tekst), ("kanalen", kanalen)])),
        ])
        for k, v in herkomst(source, zekerheid):
            t[k] = v
        t["redactie_noot"] = noot
        return t

    tafels = [
        tafel("midden-nederland", "Regiotafel Midden-Nederland",
              "De verzorgingsgebieden van GGz Centraal en Altrecht.", [], list(mn["trekkers"]),
              None,
              "Het aanmeldadres van deze tafel is niet bekend. Vraag je verwijzer (bijvoorbeeld je "
              "huisarts of behandelaar) om dat uit te zoeken.",
              [], ggzcentraal, "middel",
              "Middel: het gebied staat in de bron alleen in termen van aanbieders, niet van "
              "gemeenten of provincies; daarom is 'gebied_provincies' leeg. Contactadres niet "
              "gevonden. Naam in de bron: 'Regiotafel Midden Nederland'."),
        tafel("noord-brabant-en-zeeland", "Regiotafel hoogcomplexe ggz Noord-Brabant en Zeeland",
              "De provincies Noord-Brabant en Zeeland.", ["Noord-Brabant", "Zeeland"], [],
              "GGz Breburg (regionale meldpuntfunctie en coördinatie, in opdracht van VWS)",
              aanmelden_algemeen,
              [kanaal(shared, "mail-regiotafel-noord-brabant-zeeland", "email", email, breburg,
                      "hoog", label="Aanmeldpunt voor verwijzers")],
              breburg, "hoog",
              "Hoog: tekst van de aanbieder zelf (GGz Breburg), die de tafel coördineert. Volgens "
              "de bron werken er zes specialistische ggz-aanbieders samen (niet in de tekst gezet: "
              "geen aantallen in vrije tekst). Het e-mailadres is niet live gecontroleerd. Het "
              "adres is voor verwijzers, niet voor inwoners."),
    ]
    for n in range(3, 9):
        tafels.append(OrderedDict([
            ("id", "onbekend-%d" % n),
            ("status", "onbekend"),
            ("naam", None),
            ("gebied", None),
            ("gebied_provincies", []),
            ("aanmelden", None),
            ("source", None),
            ("source_titel", None),
            ("source_datum", None),
            ("opgenomen", None),
            ("gecontroleerd", None),
        ]))
    check(len(tafels) == src["algemeen"]["aantal_tafels"], "aantal tafels klopt niet")

    return OrderedDict([
        ("$schema", "./schemas/tafels.schema.json"),
        ("bron", bestand_bron(
            "Gedeelde referentiedata: tafels-hoogcomplexe-ggz.json en README.md",
            "Gedeelde referentiedata van GGZ Wegwijzer: regiotafels hoogcomplexe ggz", OPGENOMEN,
            None, None, ["tafels-hoogcomplexe-ggz.json", "README.md"],
            "De regiotafels hoogcomplexe ggz. Tafels die we niet kennen hebben 'status': "
            "'onbekend'. Vul nooit namen of gebieden in zonder bron. Zet geen aantallen in vrije "
            "tekst: de site telt zelf ('aantal_tafels' en de lijst 'tafels'). " + NIET_LIVE + " "
            + TONEN)),
        ("algemeen", OrderedDict([
            ("aantal_tafels", 8),
            ("startdatum", "2020-04-01"),
            ("kamerstuk", "Kamerstuk 25 424, nr. 525"),
            ("feiten", [
                feit(shared,
                     "Er zijn regiotafels voor hoogcomplexe ggz. Ze zoeken passende zorg voor "
                     "mensen die tussen wal en schip raken. Samen dekken ze heel Nederland.",
                     ggzcentraal, "hoog",
                     redactie_noot="Hoog: GGz Centraal trekt zelf een regiotafel (eigen bron). "
                                   "Het aantal (8) staat in 'aantal_tafels', niet in de tekst. "
                                   "Datum van het artikel onbekend (circa 2020–2021). SiRM "
                                   "begeleidde de opstart in opdracht van Zorgverzekeraars "
                                   "Nederland en de Nederlandse ggz.",
                     extra=[("id", "aantal")]),
                feit(shared,
                     "De regiotafels zijn op 1 april 2020 gestart, volgens het plan hoogcomplexe "
                     "ggz van het ministerie van VWS. Eind 2020 werkten alle tafels.",
                     KAMERSTUK_525, "middel",
                     redactie_noot="Middel: uit de README van de referentiedata, zonder webadres "
                                   "en zonder zekerheid; de Kamerbrief zelf is niet gezien. Na "
                                   "controle in de Kamerbrief mag dit 'hoog'. Of alle tafels in "
                                   "2026 nog bestaan, is niet bevestigd.",
                     extra=[("id", "start")]),
                feit(shared, aanmelden_algemeen, breburg, "hoog",
                     redactie_noot="Hoog: zo beschreven door GGz Breburg, die de tafel "
                                   "Noord-Brabant en Zeeland coördineert (eigen bron).",
                     extra=[("id", "aanmelden")]),
            ]),
            ("let_op", [
                "Het woord 'regiotafel' wordt ook gebruikt voor de regionale tafels van het "
                "Integraal Zorgakkoord (IZA). Dat zijn andere tafels. Verwar ze niet met de "
                "regiotafels hoogcomplexe ggz.",
                "Of alle tafels in 2026 nog bestaan, is niet bevestigd.",
                "Er is geen landelijk overzicht of landelijk e-mailadres van de regiotafels "
                "gevonden.",
            ]),
        ])),
        ("tafels", tafels),
    ])


# --------------------------------------------------------------------------------------------
# gemeente-websites.json

# De korte namen van de bronnen in gemeente-websites.csv, met een leesbare beschrijving (voor
# 'source' en 'bronnen'), een korte titel ('source_titel') en de eigen datum van de bron, alleen
# als de README van de referentiedata die noemt ('ca. 2023' wordt '2023'; de verkiezing van
# november 2023 telt als 2023); anders None.
WEBSITE_BRONNEN = OrderedDict([
    ("woo-adreslijst", (
        "Openbare adreslijst van overheidsorganisaties voor Woo-verzoeken (ca. 2023)",
        "Openbare adreslijst van overheidsorganisaties voor Woo-verzoeken", "2023")),
    ("municipalities-py", (
        "Openbare lijst van gemeenten met hun website (31 gemeenten)",
        "Openbare lijst van gemeenten met hun website", None)),
    ("tk2023-scripts", (
        "Verzamelscripts voor de uitslagen van de Tweede Kamerverkiezing van november 2023, van "
        "de eigen websites van de gemeenten",
        "Verzamelscripts voor de uitslagen van de Tweede Kamerverkiezing (websites van de "
        "gemeenten)", "2023")),
    ("dbpedia-2019", (
        "DBpedia: websites van de Overijsselse gemeenten (2019)",
        "DBpedia: websites van de Overijsselse gemeenten", "2019")),
    ("afvalinfo-2020", (
        "Lijst van afvalkalenderpagina's van gemeenten (2020)",
        "Lijst van afvalkalenderpagina's van gemeenten", "2020")),
    ("opengemeenten-lijst", (
        "Lijsten van gemeentesites op het platform OpenGemeenten",
        "Gemeentesites op het platform OpenGemeenten", None)),
    ("websecmap-2019", (
        "Domeinnamen van de nieuwe gemeenten uit de herindelingen van 2019 en 2021",
        "Domeinnamen van de nieuwe gemeenten uit de herindelingen", None)),
    ("almanak-correcties", (
        "Correcties met de hand op de websites in de landelijke overheidsalmanak (ca. 2020)",
        "Correcties op de websites van gemeenten in de landelijke overheidsalmanak", "2020")),
    ("wikipedia-kopie", (
        "Wikipedia: gearchiveerde kopie van de infobox van de gemeente",
        "Wikipedia (gearchiveerde kopie): infobox van de gemeente", None)),
    ("pagina-archief", (
        "Gearchiveerde kopieën van pagina's van de gemeente zelf",
        "Gearchiveerde pagina's van de gemeente zelf", None)),
    ("code-vermelding", (
        "Andere openbare code en documenten met echte pagina's op dit adres (nieuws, vacatures, "
        "raadsagenda's, eigen software van de gemeente)",
        "Openbare code en documenten met pagina's op dit adres", None)),
])
EXPECTED_WEBSITES = OrderedDict([("hoog", 318), ("middel", 23), ("laag", 1)])
# 'middel' volgens de referentiedata: alleen de Woo-adreslijst noemt het adres, en het past
# duidelijk bij de naam van de gemeente.
WEBSITES_MIDDEL = (
    "Bodegraven-Reeuwijk", "Bronckhorst", "Halderberge", "Hardinxveld-Giessendam", "Harlingen",
    "Heeze-Leende", "Helmond", "Heumen", "Hillegom", "Hilvarenbeek", "Hilversum", "Kapelle",
    "Losser", "Nuenen, Gerwen en Nederwetten", "Oosterhout", "Opmeer", "Terneuzen", "Tiel",
    "Voorst", "Waddinxveen", "Wijchen", "Zandvoort", "Zwijndrecht",
)
WEBSITE_CONTROLE = ("Controleer het adres in het Register van Overheidsorganisaties "
                    "(organisaties.overheid.nl) en leg dat vast in 'gecontroleerd'.")
# 'laag' volgens de referentiedata: de bronnen zijn het oneens.
WEBSITES_LAAG = OrderedDict([
    ("Leiden", (
        "https://gemeente.leiden.nl/",
        "Laag: de bronnen zijn het oneens. gemeente.leiden.nl staat in de verkiezingsdocumenten "
        "van 2023 en in andere openbare code; www.leiden.nl staat in de Woo-adreslijst (die naar "
        "www.leiden.nl/gemeente wijst) en in de korte lijst. Beide zijn domeinen van Leiden zelf. "
        "Kies in het Register van Overheidsorganisaties (organisaties.overheid.nl) welk adres de "
        "home page is, pas zo nodig 'waarde' en de bron aan en leg de controle vast in "
        "'gecontroleerd'.")),
])
# Gemeenten waar één bron een ander adres noemt (waarschijnlijk een oud adres of een alias).
# Toch 'hoog' volgens de regel van de referentiedata, maar eerst controleren.
WEBSITES_AFWIJKEND = OrderedDict([
    ("Berkelland", ("https://www.gemeenteberkelland.nl/",
                    "de korte lijst noemt berkelland.nl")),
    ("De Ronde Venen", ("https://gemeente.derondevenen.nl/",
                        "de Woo-adreslijst noemt www.derondevenen.nl")),
    ("Emmen", ("https://gemeente.emmen.nl/", "de Woo-adreslijst noemt www.emmen.nl")),
    ("Haarlemmermeer", ("https://haarlemmermeergemeente.nl/",
                        "de korte lijst noemt www.haarlemmermeer.nl")),
    ("Hendrik-Ido-Ambacht", ("https://www.h-i-ambacht.nl/",
                             "de Woo-adreslijst noemt www.hendrik-ido-ambacht.nl")),
    ("Hoeksche Waard", ("https://www.gemeentehw.nl/", "een lijst uit 2019 noemt hoekschewaard.nl")),
    ("Land van Cuijk", ("https://www.gemeentelandvancuijk.nl/",
                        "de Woo-adreslijst heeft de tikfout gemeenteandvancuijk.nl")),
    ("Leidschendam-Voorburg", ("https://www.lv.nl/",
                               "de Woo-adreslijst noemt www.leidschendam-voorburg.nl")),
    ("Maastricht", ("https://www.gemeentemaastricht.nl/", "de korte lijst noemt www.maastricht.nl")),
    ("Noordenveld", ("https://www.noordenveld.nl/",
                     "de Woo-adreslijst noemt www.gemeentenoordenveld.nl")),
])
_WEBSITE = re.compile(r"^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+/$")


def website_redactie_noot(naam, website, zekerheid, bronnen):
    if zekerheid == "laag":
        check(naam in WEBSITES_LAAG and WEBSITES_LAAG[naam][0] == website,
              "'laag' bij een onverwachte gemeente of een ander adres: " + naam)
        return WEBSITES_LAAG[naam][1]
    if zekerheid == "middel":
        check(naam in WEBSITES_MIDDEL, "'middel' bij een onverwachte gemeente: " + naam)
        check(bronnen == ["woo-adreslijst"], "'middel' maar andere bronnen bij " + naam)
        noot = ("Middel: alleen de Woo-adreslijst (ca. 2023) noemt dit adres; het past wel "
                "duidelijk bij de naam van de gemeente. Er is geen tweede, onafhankelijke bron. ")
        if naam == "Nuenen, Gerwen en Nederwetten":
            noot += "Het adres gebruikt alleen 'nuenen', niet de volledige naam van de gemeente. "
        return noot + "Niet tonen tot een redacteur het heeft gecontroleerd. " + WEBSITE_CONTROLE
    check(naam not in WEBSITES_MIDDEL and naam not in WEBSITES_LAAG,
          "zekerheid gewijzigd in de referentiedata voor " + naam)
    check(len(bronnen) >= 2, "'hoog' met minder dan twee bronnen bij " + naam)
    if naam in WEBSITES_AFWIJKEND:
        verwacht, anders = WEBSITES_AFWIJKEND[naam]
        check(website == verwacht, "ander adres in de referentiedata voor " + naam)
        return ("Hoog: minstens twee onafhankelijke bronnen noemen dit adres, maar één bron noemt "
                "een ander adres: " + anders + " (waarschijnlijk een oud adres of een alias). "
                "Controleer eerst welk adres nu de home page van de gemeente is. " +
                WEBSITE_CONTROLE)
    return None


def vorige_records(naam, lijst):
    """De records van een bestaand bestand, per id (leeg als het bestand nog niet bestaat)."""
    pad = os.path.join(OUT_DIR, naam + ".json")
    if not os.path.exists(pad):
        return {}
    doc = read_json(pad)
    records = doc.get(lijst, []) if isinstance(doc, dict) else []
    return {r["id"]: r for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}


def is_gecontroleerd(record):
    g = record.get("gecontroleerd")
    return (isinstance(g, dict) and isinstance(g.get("datum"), str)
            and re.match(r"^\d{4}-\d{2}-\d{2}$", g["datum"]) is not None
            and isinstance(g.get("door"), str) and g["door"].strip() != "")


def bouw_gemeente_websites(shared):
    rows = shared.websites
    check(len(rows) == EXPECTED_GEMEENTEN,
          "verwacht %d websites, gevonden %d" % (EXPECTED_GEMEENTEN, len(rows)))
    check([r["gm_code"] for r in rows] == [r["gm_code"] for r in shared.gemeenten],
          "gemeente-websites.csv heeft niet dezelfde gemeenten (in dezelfde volgorde) als "
          "gemeenten-2025.csv")
    # Een redacteur die een adres bij de eigen bron heeft gecontroleerd, zet 'gecontroleerd'
    # (en past zo nodig 'waarde' en de bron aan). Zo'n record nemen we ongewijzigd over uit het
    # bestaande bestand; de rest komt opnieuw uit de referentiedata.
    vorig = vorige_records("gemeente-websites", "websites")
    records = []
    for r, g in zip(rows, shared.gemeenten):
        code, naam = r["gm_code"], r["gemeentenaam"]
        check(naam == g["gemeentenaam"], "andere naam in gemeente-websites.csv voor " + code)
        website = r["website"].strip()
        # De README zegt dat geen regel leeg is; een lege regel zou geen record krijgen.
        check(website, "lege website voor %s (%s): werk het script bij" % (naam, code))
        check(_WEBSITE.match(website) is not None, "geen home page (https://host/): " + website)
        zekerheid = r["confidence"]
        check(zekerheid in ZEKERHEDEN, "onbekende zekerheid %r bij %s" % (zekerheid, naam))
        bronnen = r["sources"].split(";")
        check(all(b in WEBSITE_BRONNEN for b in bronnen),
              "onbekende bron bij %s: %s" % (naam, r["sources"]))
        check(len(set(bronnen)) == len(bronnen), "dubbele bron bij " + naam)
        beschrijving, titel, datum = WEBSITE_BRONNEN[bronnen[0]]
        id_ = "website-" + code.lower()
        if id_ in vorig and is_gecontroleerd(vorig[id_]):
            oud = vorig[id_]
            check(oud.get("gemeente") == code and oud.get("soort") == "website",
                  "gecontroleerd record %s hoort niet bij %s" % (id_, code))
            records.append(oud)
            continue
        records.append(OrderedDict([
            ("id", id_),
            ("gemeente", code),
            ("soort", "website"),
            ("waarde", website),
            ("source", beschrijving),
            ("source_titel", titel),
            ("source_datum", datum),
            ("bronnen", [WEBSITE_BRONNEN[b][0] for b in bronnen]),
            ("opgenomen", OPGENOMEN),
            ("zekerheid", zekerheid),
            ("gecontroleerd", None),
            ("redactie_noot", website_redactie_noot(naam, website, zekerheid, bronnen)),
        ]))
    per_zekerheid = OrderedDict((z, 0) for z in ZEKERHEDEN)
    for r in rows:
        per_zekerheid[r["confidence"]] += 1
    check(per_zekerheid == EXPECTED_WEBSITES,
          "andere aantallen per zekerheid in gemeente-websites.csv: %s" % dict(per_zekerheid))
    check(len(records) == EXPECTED_GEMEENTEN, "niet 342 websites")
    check(len({x["id"] for x in records}) == len(records), "ids van websites niet uniek")
    return OrderedDict([
        ("$schema", "./schemas/gemeente-websites.schema.json"),
        ("bron", bestand_bron(
            "Gedeelde referentiedata: gemeente-websites.csv en README.md (twee openbare "
            "compilaties, aangevuld met ander openbaar materiaal)",
            "Gedeelde referentiedata van GGZ Wegwijzer: websites van de gemeenten", None,
            None, None, ["gemeente-websites.csv", "README.md"],
            "De website (home page) van elke gemeente, één per gemeente. Geen van deze adressen "
            "is op een recente datum geopend; gemeenten verhuizen hun site (een aantal deed dat "
            "sinds 2019). 'zekerheid' volgt de referentiedata: 'hoog' als minstens twee "
            "onafhankelijke bronnen hetzelfde adres noemen (en hoogstens één bron een ander "
            "adres), 'middel' als alleen de Woo-adreslijst het adres noemt en het duidelijk bij "
            "de naam van de gemeente past, 'laag' als de bronnen het oneens zijn. 'bronnen' "
            "noemt alle bronnen die hetzelfde adres geven; 'source' is de eerste daarvan. De "
            "site toont een adres alleen als link 'website van de gemeente', nooit als "
            "contact voor zorg of crisis. Controleer een adres in het Register van "
            "Overheidsorganisaties (organisaties.overheid.nl), eerst de adressen met 'middel' "
            "en 'laag'. Gegenereerd door scripts/import_shared_data.py: pas niets met de hand "
            "aan behalve na zo'n controle ('gecontroleerd', en zo nodig 'waarde' en de bron); "
            "het script neemt een gecontroleerd record ongewijzigd over. " + NIET_LIVE + " " +
            TONEN)),
        ("websites", records),
    ])


# --------------------------------------------------------------------------------------------
# gemeente-lokaal.json

LOKAAL_VELDEN = ("clientondersteuning", "wmo_loket", "jeugdhulp", "ggd", "bemoeizorg", "time_out")


def bouw_gemeente_lokaal(shared):
    records = []
    for g in shared.gemeenten:
        r = OrderedDict([("gemeente", g["gm_code"])])
        for veld in LOKAAL_VELDEN:
            r[veld] = None
        r["redactie_noot"] = "Nog niet ingevuld."
        records.append(r)
    check(len(records) == EXPECTED_GEMEENTEN, "niet 342 gemeenten in gemeente-lokaal")
    return OrderedDict([
        ("$schema", "./schemas/gemeente-lokaal.schema.json"),
        ("bron", bestand_bron(
            "Redactie van GGZ Wegwijzer; per kanaal een eigen bron",
            "Lokale contacten per gemeente, ingevuld door de redactie", None,
            None, None, ["gemeenten-2025.csv"],
            "Lokale contacten per gemeente: onafhankelijke cliëntondersteuning, het Wmo-loket, "
            "jeugdhulp, de GGD, bemoeizorg en een time-outvoorziening. Het importscript heeft "
            "dit bestand één keer gemaakt met alleen de gemeentecodes; het script overschrijft "
            "het nooit. De redactie vult het in: vervang 'null' door één kanaal, net als een "
            "kanaal in contacten.json (met 'id', 'soort', 'waarde', 'uren', 'kosten' en de "
            "herkomst van dat kanaal). Verzin niets: laat een veld 'null' zolang er geen "
            "betrouwbare bron is. Zet geen crisisnummers voor verwijzers in dit bestand. " +
            TONEN)),
        ("gemeenten", records),
    ])


# --------------------------------------------------------------------------------------------
# Controles over alle gegenereerde bestanden

_VRIJE_TEKST_UITGEZONDERD = {"$schema", "id", "waarde", "source", "source_titel", "bronnen",
                             "naam", "redactie_noot", "kamerstuk", "bestanden",
                             "contact"}
_TELEFOON = re.compile(r"(?<![\w/.-])(?:0\d(?:[ -]?\d){6,9}|11[23])(?![\w@])")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}")
_TOEGESTAAN = ("113 Zelfmoordpreventie", "113.nl")


def controleer_vrije_tekst(value, pad=""):
    """Geen telefoonnummers of e-mailadressen in vrije tekst: de kaart toont de kanalen."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in _VRIJE_TEKST_UITGEZONDERD:
                controleer_vrije_tekst(v, pad + "/" + k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            controleer_vrije_tekst(v, pad + "/" + str(i))
    elif isinstance(value, str):
        tekst = value
        for t in _TOEGESTAAN:
            tekst = tekst.replace(t, "")
        check(not _TELEFOON.search(tekst) and not _EMAIL.search(tekst),
              "telefoonnummer of e-mailadres in vrije tekst bij %s: %s" % (pad, value))


def feit_ids(value, ids):
    """Ids van alle objecten met 'id' en 'waarde' (feiten die teksten kunnen gebruiken)."""
    if isinstance(value, dict):
        if "id" in value and "waarde" in value:
            ids.append(value["id"])
        for v in value.values():
            feit_ids(v, ids)
    elif isinstance(value, list):
        for v in value:
            feit_ids(v, ids)
    return ids


# --------------------------------------------------------------------------------------------
# gemeenten.json

PROVINCIE_AFKORTING = {"NH": "Noord-Holland", "L": "Limburg", "O": "Overijssel", "Z": "Zeeland",
                       "ZH": "Zuid-Holland"}
# Namen die inwoners gebruiken, waar die afwijken van de CBS-spelling.
NAAM_VOOR_INWONERS = {"GM0518": "Den Haag"}
# Officiële naam, alleen waar de CBS-naam echt de officiële naam is en afwijkt van de getoonde
# naam. CBS-onderscheiders zoals "Bergen (L.)" zijn geen officiële namen.
OFFICIELE_NAAM_IS_CBS = {"GM0518"}  # 's-Gravenhage
# Extra zoeknamen (bekende roepnamen).
EXTRA_ZOEKNAMEN = {"GM0796": ["Den Bosch"]}
_ONDERSCHEIDER = re.compile(r"^(.*) \(([A-Z]+)\.\)$")


def gemeente_namen(code, naam_cbs, provincie):
    """Geeft (naam, zoeknamen) terug."""
    zoeknamen = [naam_cbs]
    naam = naam_cbs
    m = _ONDERSCHEIDER.match(naam_cbs)
    if m:
        basis, afkorting = m.groups()
        check(PROVINCIE_AFKORTING.get(afkorting) == provincie,
              "onbekende of onjuiste provincie-afkorting in " + naam_cbs)
        naam = basis + " (" + provincie + ")"
        zoeknamen.append(basis)
    naam = NAAM_VOOR_INWONERS.get(code, naam)
    zoeknamen += EXTRA_ZOEKNAMEN.get(code, [])
    rest = []
    for z in zoeknamen:
        if z != naam and z not in rest:
            rest.append(z)
    return naam, rest


def bouw_gemeenten(shared):
    rows = shared.gemeenten
    check(len(rows) == EXPECTED_GEMEENTEN,
          "verwacht %d gemeenten, gevonden %d" % (EXPECTED_GEMEENTEN, len(rows)))
    codes = [r["gm_code"] for r in rows]
    check(len(set(codes)) == len(codes), "dubbele gemeentecode")
    records = []
    for r in rows:
        check(re.match(r"^GM[0-9]{4}$", r["gm_code"]) is not None, "foute code " + r["gm_code"])
        naam, zoeknamen = gemeente_namen(r["gm_code"], r["gemeentenaam"], r["provincie"])
        g = OrderedDict([
            ("code", r["gm_code"]),
            ("naam", naam),
        ])
        if r["gm_code"] in OFFICIELE_NAAM_IS_CBS:
            check(_ONDERSCHEIDER.match(r["gemeentenaam"]) is None and r["gemeentenaam"] != naam,
                  "officiële naam klopt niet voor " + r["gm_code"])
            g["officiele_naam"] = r["gemeentenaam"]
        g["naam_cbs"] = r["gemeentenaam"]
        g["slug"] = slugify(naam)
        g["provincie"] = r["provincie"]
        g["zoeknamen"] = zoeknamen
        records.append(g)
    slugs = [g["slug"] for g in records]
    check(all(slugs) and len(set(slugs)) == len(slugs), "slugs van gemeenten niet uniek")
    records.sort(key=lambda g: (g["slug"], g["code"]))
    return OrderedDict([
        ("$schema", "./schemas/gemeenten.schema.json"),
        ("bron", bestand_bron(
            "CBS", "CBS: gemeenten en hun provincie (indeling 2023–2025)", "2025",
            "CC BY 4.0", "Bron: CBS", ["gemeenten-2025.csv"],
            "De 342 gemeenten zoals die gelden in 2023–2025 (een lijst voor 2026 was er niet). "
            "'naam_cbs' is de CBS-spelling, bedoeld om te koppelen; 'naam' is wat inwoners "
            "zeggen en wat de site toont; 'officiele_naam' staat er alleen als de officiële naam "
            "afwijkt van 'naam' (Den Haag: 's-Gravenhage). CBS-onderscheiders zoals 'Bergen (L.)' "
            "zijn geen officiële namen. Gegenereerd door scripts/import_shared_data.py: niet met "
            "de hand aanpassen. " + NIET_LIVE)),
        ("gemeenten", records),
    ])


# --------------------------------------------------------------------------------------------
# regios.json

SOORTEN = OrderedDict([
    ("veiligheidsregio", OrderedDict([
        ("kolom", "veiligheidsregio"),
        ("naam", "Veiligheidsregio's"),
        ("enkelvoud", "Veiligheidsregio"),
        ("source", "Landelijk dashboard COVID-19, regiotabellen (2023); via gemeenten-2025.csv"),
        ("source_titel", "Landelijk dashboard COVID-19 (Rijksoverheid): regiotabellen met de "
                         "veiligheidsregio's"),
        ("source_datum", "2023"),
        ("zekerheid", "hoog"),
        ("toelichting", "De 25 veiligheidsregio's."),
        ("redactie_noot", "Hoog volgens de referentiedata: de indeling komt uit de regiotabellen "
                          "van het landelijke dashboard van de Rijksoverheid (2023)."),
        ("aantal", 25),
    ])),
    ("ggd", OrderedDict([
        ("kolom", "ggd_regio"),
        ("naam", "GGD-regio's"),
        ("enkelvoud", "GGD-regio"),
        ("source", "Afgeleid per gemeente uit adresaandelen over PC4-gebieden (CBS); via "
                   "gemeenten-2025.csv"),
        ("source_titel", "Afgeleid uit CBS-adresaandelen per postcodegebied (PC4)"),
        ("source_datum", "2024"),
        ("zekerheid", "middel"),
        ("toelichting",
         "De 25 GGD-regio's. Afgeleid: elke gemeente ligt voor minstens 95 % in één GGD-regio."),
        ("redactie_noot", "Middel: de referentiedata noemt dit 'middel-hoog'. Het is afgeleid, "
                          "niet de eigen indeling van GGD GHOR Nederland; dat blijft onder de "
                          "lat voor 'hoog'. Controleer bij GGD GHOR Nederland voordat je het "
                          "toont."),
        ("aantal", 25),
    ])),
    ("zorgkantoor", OrderedDict([
        ("kolom", "zorgkantoorregio_afgeleid"),
        ("naam", "Zorgkantoorregio's"),
        ("enkelvoud", "Zorgkantoorregio"),
        ("source", "Lijst van zorgkantoorregio's uit 2019 (32 regio's), op basis van "
                   "adresaandelen omgezet naar de gemeenten van 2025; via gemeenten-2025.csv"),
        ("source_titel", "Lijst van zorgkantoorregio's uit 2019, omgezet naar de gemeenten van "
                         "2025"),
        ("source_datum", "2019"),
        ("zekerheid", "laag"),
        ("toelichting",
         "Afgeleid uit een lijst van 2019 met 32 regio's; nu zijn er 31 zorgkantoorregio's. "
         "Deze indeling is onzeker en mag niet als officieel of gezaghebbend worden getoond."),
        ("redactie_noot", "Laag: de referentiedata noemt dit 'laag-middel'. Verouderde lijst "
                          "(2019, 32 regio's; nu 31). Nooit als officieel tonen."),
        ("aantal", 32),
    ])),
])


def bouw_regios(shared):
    rows = shared.gemeenten
    doc = OrderedDict([
        ("$schema", "./schemas/regios.schema.json"),
        ("bron", bestand_bron(
            "CBS (gemeenten); de regio-indelingen: zie 'source' per soort",
            "Gemeenten (CBS) met drie regio-indelingen uit de gedeelde referentiedata", None,
            None, "Bron: CBS", ["gemeenten-2025.csv"],
            "Drie soorten regio's. Elke gemeente hoort bij precies één regio per soort. Elke "
            "soort heeft een eigen herkomst en zekerheid. Gemeentegegevens en postcodes: CBS "
            "(CC BY 4.0); de licentie van de regio-indelingen is niet vastgesteld, daarom is "
            "'licentie' null. Gegenereerd door scripts/import_shared_data.py: niet met de hand "
            "aanpassen. " + NIET_LIVE)),
        ("soorten", list(SOORTEN.keys())),
    ])
    for soort_id, soort in SOORTEN.items():
        groepen = OrderedDict()
        vr_codes = {}
        for r in rows:
            naam = r[soort["kolom"]].strip()
            check(naam, "lege regio voor %s bij %s" % (soort_id, r["gm_code"]))
            groepen.setdefault(naam, []).append(r["gm_code"])
            if soort_id == "veiligheidsregio":
                code = r["veiligheidsregio_code"]
                check(vr_codes.setdefault(naam, code) == code, "VR-code wisselt voor " + naam)
        check(len(groepen) == soort["aantal"],
              "verwacht %d regio's voor %s, gevonden %d" % (soort["aantal"], soort_id, len(groepen)))
        regios = []
        for naam, codes in groepen.items():
            regio = OrderedDict([("id", slugify(naam))])
            if soort_id == "veiligheidsregio":
                regio["code"] = vr_codes[naam]
            regio["naam"] = naam
            regio["gemeenten"] = sorted(codes)
            regios.append(regio)
        if soort_id == "veiligheidsregio":
            regios.sort(key=lambda x: x["code"])
        else:
            regios.sort(key=lambda x: x["id"])
        ids = [x["id"] for x in regios]
        check(len(set(ids)) == len(ids), "regio-ids niet uniek voor " + soort_id)
        check(soort["zekerheid"] in ZEKERHEDEN, "onbekende zekerheid voor " + soort_id)
        doc[soort_id] = OrderedDict([
            ("id", soort_id),
            ("naam", soort["naam"]),
            ("enkelvoud", soort["enkelvoud"]),
            ("source", soort["source"]),
            ("source_titel", soort["source_titel"]),
            ("source_datum", soort["source_datum"]),
            ("opgenomen", OPGENOMEN),
            ("zekerheid", soort["zekerheid"]),
            ("gecontroleerd", None),
            ("toelichting", soort["toelichting"]),
            ("redactie_noot", soort["redactie_noot"]),
            ("regios", regios),
        ])
    return doc


# --------------------------------------------------------------------------------------------
# postcodes.json

def bouw_postcodes(shared, gemeente_codes):
    per_pc = {}
    for r in shared.pc4:
        pc = r["pc4"]
        check(re.match(r"^[1-9][0-9]{3}$", pc) is not None, "foute postcode " + pc)
        check(r["gm_code"] in gemeente_codes, "onbekende gemeente %s bij %s" % (r["gm_code"], pc))
        check(r["hoofdgemeente"] in ("0", "1"), "foute hoofdgemeente bij " + pc)
        per_pc.setdefault(pc, []).append(r)
    check(len(per_pc) == EXPECTED_POSTCODES,
          "verwacht %d postcodes, gevonden %d" % (EXPECTED_POSTCODES, len(per_pc)))
    postcodes = OrderedDict()
    twee = 0
    for pc in sorted(per_pc):
        rs = per_pc[pc]
        check(sum(1 for r in rs if r["hoofdgemeente"] == "1") == 1,
              "postcode %s heeft niet precies één hoofdgemeente" % pc)
        check(len({r["gm_code"] for r in rs}) == len(rs), "dubbele regel bij " + pc)
        rs = sorted(rs, key=lambda r: (r["hoofdgemeente"] != "1", -float(r["aandeel"]), r["gm_code"]))
        postcodes[pc] = [r["gm_code"] for r in rs]
        if len(rs) > 1:
            twee += 1
    check(twee == EXPECTED_POSTCODES_TWEE,
          "verwacht %d postcodes in twee gemeenten, gevonden %d" % (EXPECTED_POSTCODES_TWEE, twee))
    return OrderedDict([
        ("$schema", "./schemas/postcodes.schema.json"),
        ("bron", bestand_bron(
            "CBS, 'Buurt, wijk en gemeente 2024 voor postcode-huisnummer' "
            "(peildatum 1 augustus 2024)",
            "CBS: Buurt, wijk en gemeente 2024 voor postcode-huisnummer", "2024-08-01",
            "CC BY 4.0", "Bron: CBS", ["pc4-gemeente-2024.csv"],
            "Viercijferige postcode → gemeentecode(s). Ligt een postcode in twee gemeenten "
            "(20 postcodes), dan staan beide erin: eerst de gemeente met de meeste adressen. "
            "Toon dan beide. Gegenereerd door scripts/import_shared_data.py: niet met de hand "
            "aanpassen. " + NIET_LIVE)),
        ("postcodes", postcodes),
    ])


# --------------------------------------------------------------------------------------------

def controleer_unieke_feit_ids(gemaakt):
    """Ids van feiten ('id' en 'waarde') moeten uniek zijn over ALLE gegevensbestanden: de
    bestanden die dit script (opnieuw) schrijft en zoals ze nu op schijf staan alle andere
    bestanden in content/data (feiten.json, en de redactiebestanden die het script overslaat)."""
    ids = []
    for doc in gemaakt.values():
        feit_ids(doc, ids)
    if os.path.isdir(OUT_DIR):
        for naam in sorted(os.listdir(OUT_DIR)):
            if naam.endswith(".json") and naam[:-len(".json")] not in gemaakt:
                feit_ids(read_json(os.path.join(OUT_DIR, naam)), ids)
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    check(not dubbel, "feit-ids niet uniek over de gegevensbestanden: " + ", ".join(dubbel))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bron", default=DEFAULT_SHARED,
                        help="map met de gedeelde referentiedata (standaard: ../shared/data)")
    parser.add_argument("--alles", action="store_true",
                        help="schrijf ook contacten, crisis en tafels opnieuw (overschrijft "
                             "wijzigingen van de redactie)")
    parser.add_argument("--controleer", action="store_true",
                        help="schrijf niets; meld welke bestanden anders zouden worden (exit 1)")
    args = parser.parse_args(argv)

    try:
        shared = Shared(args.bron)
        gemeenten = bouw_gemeenten(shared)
        codes = {g["code"] for g in gemeenten["gemeenten"]}
        altijd = OrderedDict([
            ("gemeenten", gemeenten),
            ("regios", bouw_regios(shared)),
            ("postcodes", bouw_postcodes(shared, codes)),
            ("gemeente-websites", bouw_gemeente_websites(shared)),
        ])
        feiten = OrderedDict([
            ("contacten", bouw_contacten(shared)),
            ("crisis", bouw_crisis(shared)),
            ("tafels", bouw_tafels(shared)),
        ])
        # Alleen als het bestand nog niet bestaat, ook niet met --alles: er staat niets in dat
        # uit de referentiedata komt, alleen werk van de redactie.
        nieuw = OrderedDict([
            ("gemeente-lokaal", bouw_gemeente_lokaal(shared)),
        ])
        for doc in list(altijd.values()) + list(feiten.values()) + list(nieuw.values()):
            controleer_vrije_tekst(doc)

        te_schrijven = OrderedDict(altijd)
        overgeslagen = []
        for naam, doc in list(feiten.items()) + list(nieuw.items()):
            pad = os.path.join(OUT_DIR, naam + ".json")
            if not os.path.exists(pad) or (args.alles and naam in feiten):
                te_schrijven[naam] = doc
            else:
                overgeslagen.append(naam)
        controleer_unieke_feit_ids(te_schrijven)
    except (ImportFout, OSError, KeyError, ValueError) as e:
        print("import_shared_data: fout: %s" % e, file=sys.stderr)
        return 2

    if not args.controleer:
        for naam in overgeslagen:
            if naam in feiten:
                print("overgeslagen: content/data/%s.json (redactiebestand; gebruik --alles om "
                      "het opnieuw uit de referentiedata te maken)" % naam)
            else:
                print("overgeslagen: content/data/%s.json (redactiebestand; het script "
                      "overschrijft het nooit)" % naam)

    verschillen = 0
    for naam, doc in te_schrijven.items():
        pad = os.path.join(OUT_DIR, naam + ".json")
        tekst = render(doc)
        oud = None
        if os.path.exists(pad):
            with open(pad, encoding="utf-8") as f:
                oud = f.read()
        if oud == tekst:
            print("ongewijzigd: content/data/%s.json" % naam)
            continue
        verschillen += 1
        if args.controleer:
            print("zou veranderen: content/data/%s.json" % naam)
            continue
        os.makedirs(OUT_DIR, exist_ok=True)
        with open(pad, "w", encoding="utf-8", newline="\n") as f:
            f.write(tekst)
        print("geschreven: content/data/%s.json" % naam)
    return 1 if (args.controleer and verschillen) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
