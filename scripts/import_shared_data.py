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
- contacten.json, crisis.json en tafels.json bevatten feiten uit de gedeelde JSON-bestanden,
  maar de redactie werkt ze daarna bij (status na controle, de zes onbekende regiotafels).
  Het script schrijft ze alleen als ze nog niet bestaan, of met --alles. Met --alles gaan
  handmatige wijzigingen verloren: bekijk daarna `git diff`.
- stappen.json en vragen.json zijn handgeschreven; het script raakt ze nooit aan.

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

CHECKED = "2026-11-22"  # datum waarop de referentiedata uit de bronnen is samengesteld
NIET_LIVE = (
    "De gegevens zijn op " + CHECKED + " uit openbare bronnen samengesteld ('checked'). "
    "Ze zijn toen niet op de live websites gecontroleerd."
)
ALLEEN_VERIFIED = (
    "Toon bezoekers alleen gegevens met status 'verified' (hoge zekerheid). Gegevens met status "
    "'unverified' eerst door de redactie laten bevestigen."
)

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
# gemeenten.json

PROVINCIE_AFKORTING = {"NH": "Noord-Holland", "L": "Limburg", "O": "Overijssel", "Z": "Zeeland",
                       "ZH": "Zuid-Holland"}
# Namen die inwoners gebruiken, waar die afwijken van de CBS-spelling.
NAAM_VOOR_INWONERS = {"GM0518": "Den Haag"}
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
        records.append(OrderedDict([
            ("code", r["gm_code"]),
            ("naam", naam),
            ("naam_cbs", r["gemeentenaam"]),
            ("slug", slugify(naam)),
            ("provincie", r["provincie"]),
            ("zoeknamen", zoeknamen),
        ]))
    slugs = [g["slug"] for g in records]
    check(all(slugs) and len(set(slugs)) == len(slugs), "slugs van gemeenten niet uniek")
    records.sort(key=lambda g: (g["slug"], g["code"]))
    return OrderedDict([
        ("$schema", "./schemas/gemeenten.schema.json"),
        ("bron", OrderedDict([
            ("source", "CBS"),
            ("licentie", "CC BY 4.0"),
            ("vermelding", "Bron: CBS"),
            ("bestanden", ["gemeenten-2025.csv"]),
            ("checked", CHECKED),
            ("toelichting",
             "De 342 gemeenten zoals die gelden in 2023–2025 (een lijst voor 2026 was er niet). "
             "'naam_cbs' is de CBS-spelling, bedoeld om te koppelen; 'naam' is wat inwoners "
             "zeggen en wat de site toont. Gegenereerd door scripts/import_shared_data.py: niet "
             "met de hand aanpassen. " + NIET_LIVE),
        ])),
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
        ("zekerheid", "hoog"),
        ("toelichting", "De 25 veiligheidsregio's."),
        ("aantal", 25),
    ])),
    ("ggd", OrderedDict([
        ("kolom", "ggd_regio"),
        ("naam", "GGD-regio's"),
        ("enkelvoud", "GGD-regio"),
        ("source", "Afgeleid per gemeente uit adresaandelen over PC4-gebieden (CBS); via "
                   "gemeenten-2025.csv"),
        ("zekerheid", "middel-hoog"),
        ("toelichting",
         "De 25 GGD-regio's. Afgeleid: elke gemeente ligt voor minstens 95 % in één GGD-regio."),
        ("aantal", 25),
    ])),
    ("zorgkantoor", OrderedDict([
        ("kolom", "zorgkantoorregio_afgeleid"),
        ("naam", "Zorgkantoorregio's"),
        ("enkelvoud", "Zorgkantoorregio"),
        ("source", "Lijst van zorgkantoorregio's uit 2019 (32 regio's), op basis van "
                   "adresaandelen omgezet naar de gemeenten van 2025; via gemeenten-2025.csv"),
        ("zekerheid", "laag-middel"),
        ("toelichting",
         "Afgeleid uit een lijst van 2019 met 32 regio's; nu zijn er 31 zorgkantoorregio's. "
         "Deze indeling is onzeker en mag niet als officieel of gezaghebbend worden getoond."),
        ("aantal", 32),
    ])),
])


def bouw_regios(shared):
    rows = shared.gemeenten
    doc = OrderedDict([
        ("$schema", "./schemas/regios.schema.json"),
        ("bron", OrderedDict([
            ("source", "CBS (gemeenten); de regio-indelingen: zie 'source' per soort"),
            ("licentie", None),
            ("vermelding", "Bron: CBS"),
            ("bestanden", ["gemeenten-2025.csv"]),
            ("checked", CHECKED),
            ("toelichting",
             "Drie soorten regio's. Elke gemeente hoort bij precies één regio per soort. "
             "Gemeentegegevens: CBS (CC BY 4.0); de licentie van de regio-indelingen is niet "
             "vastgesteld. Gegenereerd door scripts/import_shared_data.py: niet met de hand "
             "aanpassen. " + NIET_LIVE),
        ])),
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
        doc[soort_id] = OrderedDict([
            ("id", soort_id),
            ("naam", soort["naam"]),
            ("enkelvoud", soort["enkelvoud"]),
            ("source", soort["source"]),
            ("checked", CHECKED),
            ("zekerheid", soort["zekerheid"]),
            ("toelichting", soort["toelichting"]),
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
        ("bron", OrderedDict([
            ("source", "CBS, 'Buurt, wijk en gemeente 2024 voor postcode-huisnummer' "
                       "(peildatum 1 augustus 2024)"),
            ("licentie", "CC BY 4.0"),
            ("vermelding", "Bron: CBS"),
            ("bestanden", ["pc4-gemeente-2024.csv"]),
            ("checked", CHECKED),
            ("toelichting",
             "Viercijferige postcode → gemeentecode(s). Ligt een postcode in twee gemeenten "
             "(20 postcodes), dan staan beide erin: eerst de gemeente met de meeste adressen. "
             "Toon dan beide. Gegenereerd door scripts/import_shared_data.py: niet met de hand "
             "aanpassen. " + NIET_LIVE),
        ])),
        ("postcodes", postcodes),
    ])


# --------------------------------------------------------------------------------------------
# contacten.json

DAG_EN_NACHT = "24 uur per dag, 7 dagen per week"


def kanaal(shared, soort, waarde, source, status, label=None, uren=None, kosten=None):
    shared.staat_in_bron(waarde)
    shared.staat_in_bron(source)
    k = OrderedDict([("soort", soort), ("waarde", waarde)])
    if label is not None:
        k["label"] = label
    k["uren"] = uren
    k["kosten"] = kosten
    k["source"] = source
    k["checked"] = CHECKED
    k["status"] = status
    return k


def organisatie(shared, bron_contact, id_, naam, doel, toelichting, kanalen, source, status,
                redactie_noot):
    bronnen = urls(bron_contact["source_urls"])
    check(source in bronnen, "source van %s staat niet in de bronnen" % id_)
    for k in kanalen:
        check(k["source"] in bronnen, "source van een kanaal van %s staat niet in de bronnen" % id_)
    return OrderedDict([
        ("id", id_),
        ("naam", naam),
        ("doel", doel),
        ("toelichting", toelichting),
        ("kanalen", kanalen),
        ("source", source),
        ("bronnen", bronnen),
        ("checked", CHECKED),
        ("status", status),
        ("redactie_noot", redactie_noot),
    ])


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

    gpinfo = "https://www.gpinfo.nl/in-case-of-emergency"
    honk = "https://honk.nu/huisartsenpost/patientinformatie"
    spoedpost = "https://spoedzorgnu.nl/patienteninformatie/hoe-werkt-de-spoedpost/"
    site113 = "https://www.113.nl/schoolopdracht"
    nu113 = ("https://www.nu.nl/binnenland/6062813/hulplijn-113-nu-ook-rechtstreeks-bereikbaar-"
             "voor-zelfmoordpreventie.html?redirect=1")
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
            "Bel 112 als er direct gevaar is. Bijvoorbeeld als iemands leven in gevaar is. "
            "Je krijgt dan de ambulance, de politie of de brandweer.",
            None,
            [
                kanaal(shared, "telefoon", "112", gpinfo, "verified", uren=DAG_EN_NACHT),
                kanaal(shared, "telefoon", "0800-8112", honk, "unverified",
                       label="Voor doven en slechthorenden met een teksttelefoon"),
            ],
            gpinfo, "verified",
            "112: hoge zekerheid. 0800-8112 (teksttelefoon) komt uit één regionale bron "
            "(huisartsenpost HONK): middel, dus 'unverified'."),
        organisatie(
            shared, c113, "113", "113 Zelfmoordpreventie",
            "Denk je aan zelfdoding? Praat erover met 113 Zelfmoordpreventie. Bellen of chatten "
            "kan dag en nacht. Je hoeft je naam niet te zeggen.",
            None,
            [
                kanaal(shared, "telefoon", "0800-0113", site113, "verified",
                       uren=DAG_EN_NACHT, kosten="Altijd gratis"),
                kanaal(shared, "telefoon", "113", nu113, "verified", uren=DAG_EN_NACHT),
                kanaal(shared, "chat", "https://www.113.nl", site113, "verified",
                       label="Chat op 113.nl", uren=DAG_EN_NACHT),
            ],
            site113, "verified",
            "Toon '0800-0113 is altijd gratis' en bied 113 ernaast aan. Dat 113 zelf sinds oktober "
            "2025 ook gratis is, staat in één nieuwsbericht (middel-hoog); daarom is 'kosten' van "
            "113 leeg gelaten. 113 is rechtstreeks bereikbaar sinds juli 2020; 0900-0113 is het "
            "oude nummer."),
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
            spoedpost, "verified",
            "Bewust geen kanalen: er bestaat geen landelijk nummer. Verzin er geen."),
        organisatie(
            shared, cluis, "luisterlijn", "De Luisterlijn",
            "Wil je je verhaal kwijt? Bij De Luisterlijn luistert iemand naar je. Anoniem, dag en "
            "nacht. Het is geen hulpverlening.",
            "De Luisterlijn heette vroeger Sensoor.",
            [
                kanaal(shared, "telefoon", "088 0767 000", nrc, "verified", uren=DAG_EN_NACHT),
            ],
            rd, "verified",
            "Nummer bevestigd (NRC 2021 en een blog). Of bellen gratis is, is niet vastgesteld: "
            "'kosten' is leeg. Chat en e-mail bestaan volgens de bron, maar adressen zijn niet "
            "bekend."),
        organisatie(
            shared, cmind, "mind-korrelatie", "MIND Korrelatie",
            "Anoniem hulp, advies en informatie bij psychische en sociale problemen. Je praat met "
            "psychologen en maatschappelijk werkers.",
            None,
            [
                kanaal(shared, "telefoon", "0900-1450", mind_blog, "unverified"),
                kanaal(shared, "whatsapp", "06 13 86 38 03", mind_blog, "unverified"),
            ],
            mind_wiki, "unverified",
            "Middel: het nummer staat alleen in één blog (die het ten onrechte een Belgisch nummer "
            "noemt). Openingstijden en kosten (0900-nummer) zijn niet vastgesteld. Niet tonen "
            "voordat de redactie het heeft bevestigd."),
        organisatie(
            shared, cloket, "juiste-loket", "Het Juiste Loket",
            "Weet je niet bij welke instantie je moet zijn voor zorg of ondersteuning? Het Juiste "
            "Loket geeft gratis informatie en onafhankelijk advies.",
            "In opdracht van het ministerie van VWS, uitgevoerd door Per Saldo en Ieder(in).",
            [
                kanaal(shared, "telefoon", "030 789 78 78", loket_bericht, "unverified",
                       uren="Werkdagen van 10.00 tot 17.00 uur", kosten="Gratis"),
                kanaal(shared, "email", "meldpunt@juisteloket.nl", loket_bericht, "unverified",
                       kosten="Gratis"),
            ],
            regelhulp_loket, "unverified",
            "Middel-hoog: telefoon en e-mail komen uit een bericht van juni 2021; regelhulp.nl "
            "bevestigt de dienst, maar het contactblok is niet gezien. Eerst bevestigen."),
        organisatie(
            shared, cvws, "vws-complexe-zorgvragen", "Unit Complexe Zorgvragen (ministerie van VWS)",
            "Loop je vast tussen gemeente, zorgverzekeraar en zorgkantoor? Het ministerie van VWS "
            "behandelt complexe zorgvragen van mensen die nergens verder komen.",
            None,
            [
                kanaal(shared, "email", "zorgvragen@minvws.nl", kamerbrief, "unverified"),
            ],
            kamerbrief, "verified",
            "Dat VWS een aanpak voor complexe zorgvragen heeft, is bevestigd (Kamerbrieven "
            "februari 2020); daarom is de organisatie 'verified'. Het adres zorgvragen@minvws.nl "
            "staat in de Kamerbrief van 21 februari 2020 (Kamerstuk 25 424); lage zekerheid of het "
            "nog in gebruik is, dus het kanaal is 'unverified'. Geen telefoonnummer bekend."),
    ]
    return OrderedDict([
        ("$schema", "./schemas/contacten.schema.json"),
        ("bron", OrderedDict([
            ("source", "Gedeelde referentiedata: contacten-landelijk.json en README.md"),
            ("licentie", None),
            ("bestanden", ["contacten-landelijk.json", "README.md"]),
            ("checked", CHECKED),
            ("toelichting",
             "Landelijke contacten. Elk kanaal en elke organisatie heeft een bron ('source'), een "
             "datum ('checked') en een status. " + NIET_LIVE + " " + ALLEEN_VERIFIED),
        ])),
        ("contacten", contacten),
    ])


# --------------------------------------------------------------------------------------------
# crisis.json

def feit(shared, tekst, source, status, bronnen=None, redactie_noot=None, extra=None):
    if source.startswith("http"):
        shared.staat_in_bron(source)
    bronnen = bronnen if bronnen is not None else ([source] if source.startswith("http") else [])
    for b in bronnen:
        shared.staat_in_bron(b)
    f = OrderedDict()
    for k, v in (extra or []):
        f[k] = v
    f["tekst"] = tekst
    f["source"] = source
    f["bronnen"] = bronnen
    f["checked"] = CHECKED
    f["status"] = status
    f["redactie_noot"] = redactie_noot
    return f


def bouw_crisis(shared):
    kern = shared.crisis["kernfeiten"]
    toegang = shared.crisis["toegang_voor_burgers"]
    aanbieders = shared.crisis["regio_aanbieder_gevonden"]
    check("29 regio's" in kern[0]["feit"] and "60 locaties" in kern[0]["feit"], "kernfeit 29/60?")
    check("28 crisisregio's" in kern[1]["feit"], "kernfeit 28?")
    check("BR/REG-23138" in kern[2]["feit"], "kernfeit bekostiging?")

    def route(id_, titel, wanneer, wat, contact, via, bron_item, source, status, noot=None):
        bronnen = urls(bron_item["source_url"])
        check(source in bronnen, "source van route %s" % id_)
        for b in bronnen:
            shared.staat_in_bron(b)
        return OrderedDict([
            ("id", id_), ("titel", titel), ("wanneer", wanneer), ("wat", wat),
            ("contact", contact), ("via", via), ("source", source), ("bronnen", bronnen),
            ("checked", CHECKED), ("status", status), ("redactie_noot", noot),
        ])

    wijzijnmind = "https://wijzijnmind.nl/naar-de-huisarts/de-rol-van-de-huisarts-in-crisissituaties"
    regelhulp = "https://www.regelhulp.nl/bladeren/_/artikel/crisisdienst-en-crisisopvang/"
    vzinfo_aanbod = "https://www.vzinfo.nl/acute-zorg/aanbod/crisisdienst-ggz"
    vzinfo_regio = "https://www.vzinfo.nl/acute-zorg/regionaal/crisisdienst-ggz"
    c113 = shared.contact("113")

    toegang_lijst = [
        route("112", "Direct gevaar",
              "Er is direct gevaar voor jou of voor iemand anders.",
              "Bel 112. Wacht niet.",
              "112", [], toegang[1], wijzijnmind, "verified"),
        route("113", "Gedachten aan zelfdoding",
              "Je denkt aan zelfdoding.",
              "Bel of chat met 113 Zelfmoordpreventie. Dat kan dag en nacht, en anoniem.",
              "113", [], {"source_url": urls(c113["source_urls"])},
              "https://www.113.nl/schoolopdracht", "verified"),
        route("huisarts", "Dringend, maar niet levensbedreigend",
              "Je hebt snel hulp nodig, maar er is geen direct levensgevaar.",
              "Bel je huisarts. 's Avonds, 's nachts, in het weekend en op feestdagen bel je de "
              "huisartsenpost. Er is geen landelijk nummer: het nummer staat op de website of het "
              "antwoordapparaat van je huisarts. De huisarts schakelt zo nodig de crisisdienst in.",
              "huisarts", [], toegang[0], regelhulp, "verified"),
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
              vzinfo_aanbod, "verified",
              "Route via huisarts/huisartsenpost: hoge zekerheid. Dat crisisnummers alleen voor "
              "verwijzers zijn, is hoog voor het voorbeeld Noord- en Midden-Limburg (geheim "
              "nummer sinds 2 april 2024) en middel als algemene regel: vandaar 'meestal'. "
              "Nooit een crisisnummer aan bezoekers tonen."),
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
        vzinfo_regio, "verified", bronnen=urls(kern[0]["source_url"]),
        redactie_noot="Bron: de Nederlandse ggz via vzinfo.nl, peildatum 11 juli 2023.",
        extra=list(locaties.items()))
    acute["afwijkende_bron"] = feit(
        shared,
        "Zilveren Kruis Zorgkantoor spreekt van 28 crisisregio's, met per regio één budgethouder "
        "voor de eerste drie dagen acute psychiatrische hulp.",
        kern[1]["source_url"], "unverified",
        redactie_noot="Middel; mogelijk verouderd. vzinfo.nl / de Nederlandse ggz (2023) noemt 29.",
        extra=[("aantal_regios", 28)])

    doc = OrderedDict([
        ("$schema", "./schemas/crisis.schema.json"),
        ("bron", OrderedDict([
            ("source", "Gedeelde referentiedata: crisisdiensten-ggz.json en README.md"),
            ("licentie", None),
            ("bestanden", ["crisisdiensten-ggz.json", "contacten-landelijk.json", "README.md"]),
            ("checked", CHECKED),
            ("toelichting",
             "Hoe je acute hulp bereikt. Telefoonnummers staan niet hier maar in contacten.json: "
             "'contact' verwijst naar een id daar. " + NIET_LIVE + " " + ALLEEN_VERIFIED),
        ])),
        ("toegang", toegang_lijst),
        ("vervolg_na_crisis", feit(
            shared,
            "Na een beoordeling door de crisisdienst is vervolgbehandeling gegarandeerd, voor ten "
            "hoogste drie dagen. Bijvoorbeeld over een weekend. Crisisdiensten maken met hun "
            "partners een regionaal beddenplan.",
            "Kamerbrieven over de ggz, 2020–2021 (samengevat in de README van de gedeelde "
            "referentiedata, 'What the seeds say')",
            "unverified",
            redactie_noot="Geen URL en geen zekerheid vermeld in de referentiedata. Zoek de "
                          "Kamerbrief op en vul 'source' aan voordat je dit toont.")),
        ("acute_ggz_regios", acute),
        ("bekostiging", feit(
            shared,
            "De acute psychiatrische hulp wordt betaald via de NZa-beleidsregel "
            "'budgetbekostiging acute psychiatrische hulpverlening' (BR/REG-23138). Per regio is "
            "er één aanbieder met een budget (budgethouder), voor de eerste drie dagen. Eén "
            "zorgverzekeraar koopt namens alle verzekeraars in.",
            urls(kern[2]["source_url"])[0], "verified", bronnen=urls(kern[2]["source_url"]),
            redactie_noot="Het is geen 'beschikbaarheidbijdrage acute ggz'; die term bestaat in "
                          "de bronnen niet.")),
    ])

    def aanbieder(item, id_, regio, doelgroep, aanbieder_naam, basis):
        check(item["aanbieder"] == aanbieder_naam, "aanbieder gewijzigd: " + aanbieder_naam)
        check(item["regio"].startswith(regio), "regio gewijzigd: " + regio)
        src = shared.staat_in_bron(item["source_url"])
        return OrderedDict([
            ("id", id_), ("regio", regio), ("doelgroep", doelgroep),
            ("aanbieder", aanbieder_naam), ("basis", basis),
            ("source", src), ("checked", CHECKED), ("status", "unverified"),
            ("redactie_noot", "Zekerheid: " + item["confidence"] + "."),
        ])

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
        "Een volledige lijst van de 29 acute-ggz-regio's met de verantwoordelijke aanbieder per "
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
    ggzcentraal = shared.staat_in_bron(src["algemeen"]["source_url"])
    breburg = shared.staat_in_bron(nbz["source_url"])
    email = shared.staat_in_bron(nbz["aanmelden"]["email"])
    kamerstuk = "Kamerstuk 25 424, nr. 525 (13 maart 2020), plan hoogcomplexe ggz"

    aanmelden_algemeen = (
        "Aanmelden doet een verwijzer, bijvoorbeeld je huisarts of behandelaar. Die meldt je vraag "
        "aan zonder je naam (geanonimiseerd). Dat kan pas als de lokale route en de zorgbemiddeling "
        "van je zorgverzekeraar geen passende plek opleverden.")

    tafels = [
        OrderedDict([
            ("id", "midden-nederland"),
            ("naam", "Regiotafel Midden-Nederland"),
            ("gebied", "De verzorgingsgebieden van GGz Centraal en Altrecht."),
            ("gebied_provincies", []),
            ("trekkers", list(mn["trekkers"])),
            ("coordinatie", None),
            ("aanmelden", OrderedDict([
                ("tekst", "Het aanmeldadres van deze tafel is niet bekend. Vraag je verwijzer "
                          "(bijvoorbeeld je huisarts of behandelaar) om dat uit te zoeken."),
                ("kanalen", []),
            ])),
            ("source", ggzcentraal),
            ("checked", CHECKED),
            ("status", "unverified"),
            ("redactie_noot",
             "Middel: het gebied staat in de bron alleen in termen van aanbieders, niet van "
             "gemeenten of provincies; daarom is 'gebied_provincies' leeg. Contactadres niet "
             "gevonden. Naam in de bron: 'Regiotafel Midden Nederland'."),
        ]),
        OrderedDict([
            ("id", "noord-brabant-en-zeeland"),
            ("naam", "Regiotafel hoogcomplexe ggz Noord-Brabant en Zeeland"),
            ("gebied", "Noord-Brabant en Zeeland, met zes specialistische ggz-aanbieders."),
            ("gebied_provincies", ["Noord-Brabant", "Zeeland"]),
            ("trekkers", []),
            ("coordinatie", "GGz Breburg (regionale meldpuntfunctie en coördinatie, in opdracht "
                            "van VWS)"),
            ("aanmelden", OrderedDict([
                ("tekst", aanmelden_algemeen),
                ("kanalen", [OrderedDict([
                    ("soort", "email"),
                    ("waarde", email),
                    ("label", "Aanmeldpunt voor verwijzers"),
                    ("uren", None),
                    ("kosten", None),
                    ("source", breburg),
                    ("checked", CHECKED),
                    ("status", "verified"),
                ])]),
            ])),
            ("source", breburg),
            ("checked", CHECKED),
            ("status", "verified"),
            ("redactie_noot",
             "Hoog: tekst van de aanbieder zelf (GGz Breburg). Het e-mailadres is niet live "
             "gecontroleerd. Het adres is voor verwijzers, niet voor inwoners."),
        ]),
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
            ("checked", None),
        ]))

    return OrderedDict([
        ("$schema", "./schemas/tafels.schema.json"),
        ("bron", OrderedDict([
            ("source", "Gedeelde referentiedata: tafels-hoogcomplexe-ggz.json en README.md"),
            ("licentie", None),
            ("bestanden", ["tafels-hoogcomplexe-ggz.json", "README.md"]),
            ("checked", CHECKED),
            ("toelichting",
             "De acht regiotafels hoogcomplexe ggz. Twee zijn bekend; de andere zes niet "
             "('status': 'onbekend'). Vul nooit namen of gebieden in zonder bron. " + NIET_LIVE
             + " " + ALLEEN_VERIFIED),
        ])),
        ("algemeen", OrderedDict([
            ("aantal_tafels", 8),
            ("startdatum", "2020-04-01"),
            ("kamerstuk", "Kamerstuk 25 424, nr. 525"),
            ("aanmelden", aanmelden_algemeen),
            ("feiten", [
                feit(shared,
                     "Er zijn acht regiotafels voor hoogcomplexe ggz. Ze zoeken passende zorg voor "
                     "mensen die tussen wal en schip raken. Samen dekken ze heel Nederland.",
                     ggzcentraal, "verified",
                     redactie_noot="Aantal 8: hoge zekerheid. Datum van het artikel onbekend "
                                   "(circa 2020–2021). SiRM begeleidde de opstart in opdracht van "
                                   "Zorgverzekeraars Nederland en de Nederlandse ggz.",
                     extra=[("id", "aantal")]),
                feit(shared,
                     "De regiotafels zijn op 1 april 2020 gestart, volgens het plan hoogcomplexe "
                     "ggz (Kamerstuk 25 424, nr. 525, 13 maart 2020). Eind 2020 werkten alle acht "
                     "tafels.",
                     kamerstuk, "unverified",
                     redactie_noot="Uit de README van de referentiedata, zonder URL en zonder "
                                   "zekerheid. Of alle acht tafels in 2026 nog bestaan, is niet "
                                   "bevestigd.",
                     extra=[("id", "start")]),
                feit(shared, aanmelden_algemeen, breburg, "verified",
                     redactie_noot="Zo beschreven door GGz Breburg voor de tafel Noord-Brabant en "
                                   "Zeeland (hoge zekerheid).",
                     extra=[("id", "aanmelden")]),
            ]),
            ("let_op", [
                "Het woord 'regiotafel' wordt ook gebruikt voor de regionale tafels van het "
                "Integraal Zorgakkoord (IZA). Dat zijn andere tafels. Verwar ze niet met de "
                "regiotafels hoogcomplexe ggz.",
                "Of alle acht tafels in 2026 nog bestaan, is niet bevestigd.",
                "Van zes van de acht tafels zijn de naam, het gebied en het contact niet bekend. "
                "Er is ook geen landelijk overzicht of landelijk e-mailadres gevonden.",
            ]),
        ])),
        ("tafels", tafels),
    ])


# --------------------------------------------------------------------------------------------

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
        ])
        feiten = OrderedDict([
            ("contacten", bouw_contacten(shared)),
            ("crisis", bouw_crisis(shared)),
            ("tafels", bouw_tafels(shared)),
        ])
    except (ImportFout, OSError, KeyError, ValueError) as e:
        print("import_shared_data: fout: %s" % e, file=sys.stderr)
        return 2

    te_schrijven = OrderedDict(altijd)
    for naam, doc in feiten.items():
        pad = os.path.join(OUT_DIR, naam + ".json")
        if args.alles or not os.path.exists(pad):
            te_schrijven[naam] = doc
        elif not args.controleer:
            print("overgeslagen: content/data/%s.json (redactiebestand; gebruik --alles om het "
                  "opnieuw uit de referentiedata te maken)" % naam)

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
