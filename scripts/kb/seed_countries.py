#!/usr/bin/env python3
"""Seed kb/countries.tsv from Debian's iso-codes plus the curated table below.

Run by developers (not at build time): python3 scripts/kb/seed_countries.py > kb/countries.tsv
The curated table is the source of truth for common names, aliases, demonyms, capitals and metonyms;
iso-codes supplies the ISO 3166-1 codes and official names. Python 3 standard library only.
"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# The 193 UN member states (ISO alpha-3).
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
OBSERVERS = {"VAT", "PSE"}
DISPUTED = {"TWN", "ESH", "XKX"}

# iso3 ; common name ; aliases ; demonyms ; capital ; extra metonyms (besides the capital)
# Aliases are spellings news use for the state itself. Metonyms are places/buildings that stand for the
# state's government in news ("Washington said", "the Kremlin denied"); see docs/KB.md.
CURATED = r"""
AFG;Afghanistan;Islamic Emirate of Afghanistan;Afghan|Afghans|Afghani;Kabul;
ALB;Albania;;Albanian|Albanians;Tirana;
DZA;Algeria;;Algerian|Algerians;Algiers;
AND;Andorra;;Andorran|Andorrans;Andorra la Vella;
AGO;Angola;;Angolan|Angolans;Luanda;
ATG;Antigua and Barbuda;Antigua;Antiguan|Antiguans;Saint John's;
ARG;Argentina;Argentine Republic;Argentine|Argentinian|Argentines|Argentinians;Buenos Aires;Casa Rosada
ARM;Armenia;;Armenian|Armenians;Yerevan;
AUS;Australia;Commonwealth of Australia;Australian|Australians;Canberra;
AUT;Austria;;Austrian|Austrians;Vienna;
AZE;Azerbaijan;;Azerbaijani|Azerbaijanis|Azeri|Azeris;Baku;
BHS;Bahamas;The Bahamas;Bahamian|Bahamians;Nassau;
BHR;Bahrain;;Bahraini|Bahrainis;Manama;
BGD;Bangladesh;;Bangladeshi|Bangladeshis;Dhaka;
BRB;Barbados;;Barbadian|Barbadians;Bridgetown;
BLR;Belarus;Byelorussia;Belarusian|Belarusians;Minsk;
BEL;Belgium;;Belgian|Belgians;Brussels;
BLZ;Belize;;Belizean|Belizeans;Belmopan;
BEN;Benin;;Beninese;Porto-Novo;Cotonou
BTN;Bhutan;;Bhutanese;Thimphu;
BOL;Bolivia;Plurinational State of Bolivia;Bolivian|Bolivians;Sucre;La Paz
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina;Bosnian|Bosnians;Sarajevo;
BWA;Botswana;;Botswanan|Motswana|Batswana;Gaborone;
BRA;Brazil;;Brazilian|Brazilians;Brasilia;Planalto
BRN;Brunei;Brunei Darussalam;Bruneian|Bruneians;Bandar Seri Begawan;
BGR;Bulgaria;;Bulgarian|Bulgarians;Sofia;
BFA;Burkina Faso;Burkina;Burkinabe|Burkinabè;Ouagadougou;
BDI;Burundi;;Burundian|Burundians;Gitega;Bujumbura
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cape Verdeans;Praia;
KHM;Cambodia;;Cambodian|Cambodians;Phnom Penh;
CMR;Cameroon;;Cameroonian|Cameroonians;Yaounde;
CAN;Canada;;Canadian|Canadians;Ottawa;
CAF;Central African Republic;CAR|Centrafrique;Central African|Central Africans;Bangui;
TCD;Chad;;Chadian|Chadians;N'Djamena;
CHL;Chile;;Chilean|Chileans;Santiago;
CHN;China;People's Republic of China|PRC|Mainland China;Chinese;Beijing;Zhongnanhai
COL;Colombia;;Colombian|Colombians;Bogota;
COM;Comoros;;Comoran|Comorian|Comorians;Moroni;
COG;Republic of the Congo;Congo-Brazzaville|Congo Republic|Congo Brazzaville;;Brazzaville;
COD;Democratic Republic of the Congo;DR Congo|DRC|Congo|Congo-Kinshasa|DR of Congo|Democratic Republic of Congo|D.R. Congo;Congolese;Kinshasa;
CRI;Costa Rica;;Costa Rican|Costa Ricans;San Jose;
CIV;Ivory Coast;Côte d'Ivoire|Cote d'Ivoire|Cote dIvoire;Ivorian|Ivorians;Yamoussoukro;Abidjan
HRV;Croatia;;Croatian|Croatians|Croat|Croats;Zagreb;
CUB;Cuba;;Cuban|Cubans;Havana;
CYP;Cyprus;Republic of Cyprus;Cypriot|Cypriots;Nicosia;
CZE;Czech Republic;Czechia;Czech|Czechs;Prague;
PRK;North Korea;Democratic People's Republic of Korea|DPRK;North Korean|North Koreans;Pyongyang;
DNK;Denmark;;Danish|Dane|Danes;Copenhagen;
DJI;Djibouti;;Djiboutian|Djiboutians;Djibouti;
DMA;Dominica;Commonwealth of Dominica;;Roseau;
DOM;Dominican Republic;;Dominican|Dominicans;Santo Domingo;
ECU;Ecuador;;Ecuadorian|Ecuadorians|Ecuadorean;Quito;
EGY;Egypt;Arab Republic of Egypt;Egyptian|Egyptians;Cairo;
SLV;El Salvador;;Salvadoran|Salvadorans|Salvadorean;San Salvador;
GNQ;Equatorial Guinea;;Equatorial Guinean|Equatoguinean;Malabo;
ERI;Eritrea;;Eritrean|Eritreans;Asmara;
EST;Estonia;;Estonian|Estonians;Tallinn;
SWZ;Eswatini;Swaziland;Swazi|Swazis|Emaswati;Mbabane;
ETH;Ethiopia;;Ethiopian|Ethiopians;Addis Ababa;
FJI;Fiji;;Fijian|Fijians;Suva;
FIN;Finland;;Finnish|Finn|Finns;Helsinki;
FRA;France;French Republic;French|Frenchman|Frenchmen;Paris;Elysee|Élysée|Elysee Palace|Quai d'Orsay
GAB;Gabon;;Gabonese;Libreville;
GMB;Gambia;The Gambia;Gambian|Gambians;Banjul;
GEO;Georgia;;Georgian|Georgians;Tbilisi;
DEU;Germany;Federal Republic of Germany;German|Germans;Berlin;
GHA;Ghana;;Ghanaian|Ghanaians;Accra;
GRC;Greece;Hellenic Republic;Greek|Greeks;Athens;
GRD;Grenada;;Grenadian|Grenadians;Saint George's;
GTM;Guatemala;;Guatemalan|Guatemalans;Guatemala City;
GIN;Guinea;Guinea-Conakry;Guinean|Guineans;Conakry;
GNB;Guinea-Bissau;Guinea Bissau;Bissau-Guinean|Bissau-Guineans;Bissau;
GUY;Guyana;;Guyanese;Georgetown;
HTI;Haiti;;Haitian|Haitians;Port-au-Prince;
HND;Honduras;;Honduran|Hondurans;Tegucigalpa;
HUN;Hungary;;Hungarian|Hungarians;Budapest;
ISL;Iceland;;Icelandic|Icelander|Icelanders;Reykjavik;
IND;India;Republic of India;Indian|Indians;New Delhi;
IDN;Indonesia;;Indonesian|Indonesians;Jakarta;
IRN;Iran;Islamic Republic of Iran|Persia;Iranian|Iranians;Tehran;Teheran
IRQ;Iraq;Republic of Iraq;Iraqi|Iraqis;Baghdad;
IRL;Ireland;Republic of Ireland|Eire;Irish;Dublin;
ISR;Israel;State of Israel;Israeli|Israelis;Jerusalem;Tel Aviv
ITA;Italy;;Italian|Italians;Rome;Palazzo Chigi
JAM;Jamaica;;Jamaican|Jamaicans;Kingston;
JPN;Japan;;Japanese;Tokyo;
JOR;Jordan;Hashemite Kingdom of Jordan;Jordanian|Jordanians;Amman;
KAZ;Kazakhstan;;Kazakh|Kazakhs|Kazakhstani;Astana;
KEN;Kenya;;Kenyan|Kenyans;Nairobi;
KIR;Kiribati;;I-Kiribati;Tarawa;
KWT;Kuwait;State of Kuwait;Kuwaiti|Kuwaitis;Kuwait City;
KGZ;Kyrgyzstan;Kyrgyz Republic|Kirghizia;Kyrgyz|Kyrgyzstani;Bishkek;
LAO;Laos;Lao People's Democratic Republic|Lao PDR;Laotian|Laotians|Lao;Vientiane;
LVA;Latvia;;Latvian|Latvians;Riga;
LBN;Lebanon;Lebanese Republic;Lebanese;Beirut;
LSO;Lesotho;;Basotho|Mosotho;Maseru;
LBR;Liberia;;Liberian|Liberians;Monrovia;
LBY;Libya;;Libyan|Libyans;Tripoli;
LIE;Liechtenstein;;Liechtensteiner|Liechtensteiners;Vaduz;
LTU;Lithuania;;Lithuanian|Lithuanians;Vilnius;
LUX;Luxembourg;;Luxembourgish|Luxembourger|Luxembourgers;Luxembourg;
MDG;Madagascar;;Malagasy;Antananarivo;
MWI;Malawi;;Malawian|Malawians;Lilongwe;
MYS;Malaysia;;Malaysian|Malaysians;Kuala Lumpur;Putrajaya
MDV;Maldives;;Maldivian|Maldivians;Male;
MLI;Mali;;Malian|Malians;Bamako;
MLT;Malta;;Maltese;Valletta;
MHL;Marshall Islands;;Marshallese;Majuro;
MRT;Mauritania;;Mauritanian|Mauritanians;Nouakchott;
MUS;Mauritius;;Mauritian|Mauritians;Port Louis;
MEX;Mexico;United Mexican States;Mexican|Mexicans;Mexico City;
FSM;Micronesia;Federated States of Micronesia;Micronesian|Micronesians;Palikir;
MDA;Moldova;Republic of Moldova;Moldovan|Moldovans;Chisinau;
MCO;Monaco;;Monegasque|Monegasques;Monaco;
MNG;Mongolia;;Mongolian|Mongolians;Ulaanbaatar;Ulan Bator
MNE;Montenegro;;Montenegrin|Montenegrins;Podgorica;
MAR;Morocco;Kingdom of Morocco;Moroccan|Moroccans;Rabat;
MOZ;Mozambique;;Mozambican|Mozambicans;Maputo;
MMR;Myanmar;Burma;Myanmar|Burmese;Naypyidaw;Naypyitaw|Nay Pyi Taw
NAM;Namibia;;Namibian|Namibians;Windhoek;
NRU;Nauru;;Nauruan|Nauruans;Yaren;
NPL;Nepal;;Nepali|Nepalese;Kathmandu;
NLD;Netherlands;Holland|The Netherlands;Dutch|Dutchman;Amsterdam;The Hague
NZL;New Zealand;;New Zealander|New Zealanders|Kiwi|Kiwis;Wellington;
NIC;Nicaragua;;Nicaraguan|Nicaraguans;Managua;
NER;Niger;;Nigerien|Nigeriens;Niamey;
NGA;Nigeria;;Nigerian|Nigerians;Abuja;
MKD;North Macedonia;Macedonia|Republic of North Macedonia;North Macedonian|Macedonian|Macedonians;Skopje;
NOR;Norway;;Norwegian|Norwegians;Oslo;
OMN;Oman;Sultanate of Oman;Omani|Omanis;Muscat;
PAK;Pakistan;Islamic Republic of Pakistan;Pakistani|Pakistanis;Islamabad;Rawalpindi
PLW;Palau;;Palauan|Palauans;Ngerulmud;
PAN;Panama;;Panamanian|Panamanians;Panama City;
PNG;Papua New Guinea;PNG;Papua New Guinean|Papua New Guineans;Port Moresby;
PRY;Paraguay;;Paraguayan|Paraguayans;Asuncion;
PER;Peru;;Peruvian|Peruvians;Lima;
PHL;Philippines;The Philippines;Filipino|Filipinos|Philippine;Manila;Malacanang|Malacañang
POL;Poland;;Polish|Pole|Poles;Warsaw;
PRT;Portugal;;Portuguese;Lisbon;
QAT;Qatar;State of Qatar;Qatari|Qataris;Doha;
KOR;South Korea;Republic of Korea|ROK;South Korean|South Koreans;Seoul;
ROU;Romania;;Romanian|Romanians;Bucharest;
RUS;Russia;Russian Federation;Russian|Russians;Moscow;Kremlin
RWA;Rwanda;;Rwandan|Rwandans;Kigali;
KNA;Saint Kitts and Nevis;St Kitts and Nevis|St. Kitts and Nevis;Kittitian|Nevisian;Basseterre;
LCA;Saint Lucia;St Lucia|St. Lucia;Saint Lucian|St Lucian;Castries;
VCT;Saint Vincent and the Grenadines;St Vincent and the Grenadines|St. Vincent and the Grenadines;Vincentian|Vincentians;Kingstown;
WSM;Samoa;;Samoan|Samoans;Apia;
SMR;San Marino;;Sammarinese;San Marino;
STP;Sao Tome and Principe;São Tomé and Príncipe;Santomean|Sao Tomean;Sao Tome;
SAU;Saudi Arabia;Kingdom of Saudi Arabia|KSA;Saudi|Saudis|Saudi Arabian;Riyadh;
SEN;Senegal;;Senegalese;Dakar;
SRB;Serbia;;Serbian|Serbians|Serb|Serbs;Belgrade;
SYC;Seychelles;;Seychellois;Victoria;
SLE;Sierra Leone;;Sierra Leonean|Sierra Leoneans;Freetown;
SGP;Singapore;;Singaporean|Singaporeans;Singapore;
SVK;Slovakia;Slovak Republic;Slovak|Slovaks|Slovakian;Bratislava;
SVN;Slovenia;;Slovenian|Slovenians|Slovene|Slovenes;Ljubljana;
SLB;Solomon Islands;;Solomon Islander|Solomon Islanders;Honiara;
SOM;Somalia;Federal Republic of Somalia;Somali|Somalis;Mogadishu;
ZAF;South Africa;Republic of South Africa;South African|South Africans;Pretoria;Cape Town
SSD;South Sudan;;South Sudanese;Juba;
ESP;Spain;Kingdom of Spain;Spanish|Spaniard|Spaniards;Madrid;Moncloa
LKA;Sri Lanka;Ceylon;Sri Lankan|Sri Lankans;Sri Jayawardenepura Kotte;Colombo
SDN;Sudan;Republic of the Sudan|The Sudan;Sudanese;Khartoum;Port Sudan
SUR;Suriname;Surinam;Surinamese;Paramaribo;
SWE;Sweden;;Swedish|Swede|Swedes;Stockholm;
CHE;Switzerland;Swiss Confederation;Swiss;Bern;Berne
SYR;Syria;Syrian Arab Republic;Syrian|Syrians;Damascus;
TJK;Tajikistan;;Tajik|Tajiks|Tajikistani;Dushanbe;
TZA;Tanzania;United Republic of Tanzania;Tanzanian|Tanzanians;Dodoma;Dar es Salaam
THA;Thailand;Siam;Thai|Thais;Bangkok;
TLS;East Timor;Timor-Leste|Timor Leste;Timorese|East Timorese;Dili;
TGO;Togo;;Togolese;Lome;
TON;Tonga;;Tongan|Tongans;Nuku'alofa;
TTO;Trinidad and Tobago;Trinidad;Trinidadian|Trinidadians|Tobagonian;Port of Spain;
TUN;Tunisia;;Tunisian|Tunisians;Tunis;
TUR;Turkey;Türkiye|Turkiye|Republic of Turkey;Turkish|Turk|Turks;Ankara;
TKM;Turkmenistan;;Turkmen|Turkmens;Ashgabat;
TUV;Tuvalu;;Tuvaluan|Tuvaluans;Funafuti;
UGA;Uganda;;Ugandan|Ugandans;Kampala;
UKR;Ukraine;;Ukrainian|Ukrainians;Kyiv;Kiev
ARE;United Arab Emirates;UAE|U.A.E.|Emirates;Emirati|Emiratis;Abu Dhabi;
GBR;United Kingdom;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland;British|Briton|Britons;London;Downing Street|Whitehall
USA;United States;United States of America|US|U.S.|USA|U.S.A.|America;American|Americans|U.S.;Washington;White House|Washington, D.C.|Washington DC
URY;Uruguay;;Uruguayan|Uruguayans;Montevideo;
UZB;Uzbekistan;;Uzbek|Uzbeks|Uzbekistani;Tashkent;
VUT;Vanuatu;;Ni-Vanuatu;Port Vila;
VEN;Venezuela;Bolivarian Republic of Venezuela;Venezuelan|Venezuelans;Caracas;Miraflores
VNM;Vietnam;Viet Nam;Vietnamese;Hanoi;
YEM;Yemen;Republic of Yemen;Yemeni|Yemenis;Sanaa;Aden
ZMB;Zambia;;Zambian|Zambians;Lusaka;
ZWE;Zimbabwe;;Zimbabwean|Zimbabweans;Harare;
VAT;Holy See;Vatican|Vatican City|Holy See (Vatican City State);Vatican;Vatican City;
PSE;Palestine;State of Palestine|Palestinian territories|Occupied Palestinian Territories;Palestinian|Palestinians;East Jerusalem;Ramallah
TWN;Taiwan;Republic of China|ROC|Chinese Taipei|Formosa;Taiwanese;Taipei;
ESH;Western Sahara;Sahrawi Arab Democratic Republic|SADR;Sahrawi|Sahrawis|Saharawi;Laayoune;
XKX;Kosovo;Republic of Kosovo;Kosovar|Kosovars|Kosovan;Pristina;Prishtina
HKG;Hong Kong;Hong Kong SAR;Hong Konger|Hong Kongers;Hong Kong;
MAC;Macau;Macao|Macau SAR;Macanese;Macau;
GRL;Greenland;;Greenlander|Greenlanders|Greenlandic;Nuuk;
PRI;Puerto Rico;;Puerto Rican|Puerto Ricans;San Juan;
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas;Falkland Islander|Falkland Islanders;Stanley;
GIB;Gibraltar;;Gibraltarian|Gibraltarians;Gibraltar;
BMU;Bermuda;;Bermudian|Bermudians;Hamilton;
GUM;Guam;;Guamanian;Hagatna;
NCL;New Caledonia;;New Caledonian;Noumea;
PYF;French Polynesia;Tahiti;French Polynesian|Tahitian;Papeete;
CUW;Curaçao;Curacao;Curaçaoan;Willemstad;
ABW;Aruba;;Aruban|Arubans;Oranjestad;
CYM;Cayman Islands;Caymans;Caymanian;George Town;
REU;Réunion;Reunion;Reunionese;Saint-Denis;
MYT;Mayotte;;Mahoran;Mamoudzou;
GUF;French Guiana;;French Guianese;Cayenne;
GLP;Guadeloupe;;Guadeloupean;Basse-Terre;
MTQ;Martinique;;Martiniquais;Fort-de-France;
FRO;Faroe Islands;Faroes;Faroese;Torshavn;
ASM;American Samoa;;American Samoan;Pago Pago;
VGB;British Virgin Islands;BVI;;Road Town;
VIR;U.S. Virgin Islands;US Virgin Islands|United States Virgin Islands;;Charlotte Amalie;
ATA;Antarctica;;;;
COK;Cook Islands;;Cook Islander|Cook Islanders;Avarua;
IMN;Isle of Man;;Manx;Douglas;
JEY;Jersey;;;Saint Helier;
GGY;Guernsey;;;Saint Peter Port;
NIU;Niue;;Niuean;Alofi;
"""


def main():
    iso = {c["alpha_3"]: c for c in json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]}
    iso["XKX"] = {"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo"}  # user-assigned code used by the EU and IMF
    cur = {}
    for line in CURATED.strip().splitlines():
        f = line.split(";")
        assert len(f) == 6, line
        cur[f[0]] = f
    missing = UN_MEMBERS - set(cur)
    assert not missing, missing
    assert len(UN_MEMBERS) == 193, len(UN_MEMBERS)
    out = sys.stdout
    out.write("# schema_version: 1\n")
    out.write("# kb/countries.tsv — states and territories. Seeded by scripts/kb/seed_countries.py from Debian's\n")
    out.write("# iso-codes (ISO 3166-1, LGPL-2.1+) and a curated table; edit the script's table and re-run, or edit here.\n")
    out.write("# metonyms: names that stand for the state's government in news (capital, seat of government).\n")
    out.write("id\tiso3\tiso2\tname\taliases\tdemonyms\tcapital\tmetonyms\tstatus\tchecked\n")
    rows = []
    for a3, c in iso.items():
        if a3 in cur:
            _, name, aliases, demonyms, capital, extra = cur[a3]
        else:
            name = c.get("common_name", c["name"])
            aliases = demonyms = capital = extra = ""
        al = [x for x in aliases.split("|") if x]
        for n in (c["name"], c.get("common_name"), c.get("official_name")):
            # ISO's inverted ("Iran, Islamic Republic of") and parenthesised forms never occur in news text;
            # bare "Congo" is kept for the DRC only (news usage), not for the Republic of the Congo.
            if n and n != name and "," not in n and "(" not in n and not (a3 == "COG" and n == "Congo"):
                al.append(n)
        al = [x for x in dict.fromkeys(al) if x != name]
        if a3 in UN_MEMBERS:
            status = "un_member"
        elif a3 in OBSERVERS:
            status = "observer"
        elif a3 in DISPUTED:
            status = "disputed"
        else:
            status = "territory"
        mets = []
        if capital and capital != name and capital not in al and status != "territory":
            mets.append(capital)
        mets += [x for x in extra.split("|") if x]
        rows.append((f"country:{a3}", a3, c.get("alpha_2", ""), name, "|".join(al), demonyms, capital,
                     "|".join(dict.fromkeys(mets)), status, "iso-codes" if a3 != "XKX" else ""))
    for r in sorted(rows):
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
