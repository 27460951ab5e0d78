# Writes samples/fusion/fusion.jsonl: made-up but realistic reports of overlapping events in the
# styles of different outlets. Expected clusters: tests/Sitrep.Tests/data/fusion/expected_clusters.json.
import json, os
D = []
def doc(id, outlet, url, published, title, text):
    D.append(dict(id=id, title=title, text=text, url=url, outlet=outlet, published=published))

# A: ISIS ambush on an army convoy near al-Sukhnah (Homs), Tuesday 2019-03-12
sana_a = ("Seven soldiers were killed on Tuesday when ISIS terrorists attacked an army convoy near the town of al-Sukhnah in the eastern countryside of Homs, a military source told SANA. "
          "The source said army units clashed with the attackers and killed a number of them, while the rest fled into the desert. "
          "Army units continue to comb the Badia area to secure the road between Palmyra and Deir ez-Zor.")
doc("fus-a1-sana", "SANA", "https://sana.sy/en/?p=161201", "2019-03-13", "Seven soldiers martyred in terrorist attack near al-Sukhnah", sana_a)
doc("fus-a2-vt", "Veterans Today", "https://www.veteranstoday.com/2019/03/13/syria-seven-soldiers-martyred-near-al-sukhnah/", "2019-03-13",
    "Syria: Seven soldiers martyred in ISIS attack near al-Sukhnah",
    sana_a.replace("a military source told SANA", "a military source said") + " The attack comes as US-backed forces besiege the last ISIS pocket east of the Euphrates.")
doc("fus-a3-syriatimes", "Syria Times", "http://syriatimes.sy/index.php/news/local/41001", "2019-03-13", "Seven soldiers martyred in terrorist attack near al-Sukhnah", sana_a)
doc("fus-a4-sohr", "SOHR", "https://www.syriahr.com/en/?p=117420", "2019-03-12", "ISIS ambush kills 11 regime soldiers in Homs desert",
    "Islamic State fighters killed 11 members of the regime forces on Tuesday in an ambush on a military convoy near al-Sukhnah in the eastern desert of Homs, the Syrian Observatory for Human Rights has documented. "
    "The Observatory said the convoy was travelling on the road towards Deir ez-Zor when the cell opened fire with machine guns and rocket-propelled grenades. "
    "Several other soldiers were wounded and the death toll is expected to rise because some of them are in critical condition.")
doc("fus-a5-amaq", "Amaq", "", "2019-03-12", "Islamic State fighters ambush Syrian army convoy",
    "Islamic State fighters ambushed a convoy of the Syrian army near al-Sukhnah in Homs on Tuesday, killing 25 soldiers and destroying three vehicles, Amaq News Agency said. "
    "The fighters seized weapons and ammunition before withdrawing safely, the agency said.")
reuters_a = ("Islamic State militants killed 11 Syrian soldiers in an ambush near the desert town of al-Sukhnah in Homs province on Tuesday, a war monitor said. "
             "The Syrian Observatory for Human Rights said the militants attacked a convoy heading east. "
             "Syrian state media said seven soldiers were killed. "
             "Islamic State lost its last territory in the area in 2017 but its cells still stage hit-and-run attacks in the desert.")
doc("fus-a6-reuters", "Reuters", "https://www.reuters.com/article/us-mideast-crisis-syria-attack-idUSKBN1QT2AB", "2019-03-13", "Islamic State kills 11 Syrian soldiers in desert ambush: monitor", reuters_a)
doc("fus-a7-jordantimes", "The Jordan Times", "https://www.jordantimes.com/news/region/islamic-state-kills-11-syrian-soldiers-desert-ambush-monitor", "2019-03-13",
    "IS kills 11 Syrian soldiers in desert ambush: monitor", "BEIRUT (Reuters) - " + reuters_a)

# B: a different attack the same day, near Arak, about 40 km south-west of al-Sukhnah
doc("fus-b1-sohr", "SOHR", "https://www.syriahr.com/en/?p=117425", "2019-03-12", "Three soldiers killed in attack on checkpoint near Arak",
    "Three members of the regime forces were killed on Tuesday when Islamic State fighters attacked a checkpoint near the village of Arak east of Palmyra, the Syrian Observatory for Human Rights said. "
    "The attack came hours after a separate ambush on a convoy further east.")
doc("fus-b2-afp", "AFP", "https://www.afp.com/en/news/syria-arak-checkpoint-attack", "2019-03-13", "Jihadists kill three Syrian soldiers near Palmyra",
    "Islamic State group fighters killed three Syrian soldiers in an attack on an army checkpoint near the village of Arak on Tuesday, the Syrian Observatory for Human Rights told AFP. "
    "The Britain-based monitor said the attackers fled towards the desert after the assault.")

# C: air strike on a market in Maarat al-Numan (Idlib), Monday 2019-06-17
doc("fus-c1-snhr", "SNHR", "https://sn4hr.org/blog/2019/06/18/maarat-market-massacre/", "2019-06-18", "Russian forces kill 12 civilians in Maarat al-Numan market",
    "Russian warplanes killed 12 civilians, including three children, when they struck the popular market in the city of Maarat al-Numan in the southern suburbs of Idlib on June 17, 2019, the Syrian Network for Human Rights said. "
    "The network documented the destruction of several shops and a bakery in the attack.")
doc("fus-c2-sohr", "SOHR", "https://www.syriahr.com/en/?p=131140", "2019-06-17", "14 civilians killed in Russian airstrikes on Maarat al-Numan",
    "Russian warplanes carried out airstrikes on the market of Maarat al-Numan in the southern countryside of Idlib on Monday, killing 14 civilians, among them four children, the Syrian Observatory for Human Rights said. "
    "Dozens of people were wounded and rescuers were still searching the rubble.")
doc("fus-c3-anadolu", "Anadolu Agency", "https://www.aa.com.tr/en/middle-east/airstrikes-kill-13-civilians-in-syria-s-idlib/1507111", "2019-06-17", "Airstrikes kill 13 civilians in Syria's Idlib",
    "At least 13 civilians were killed on Monday when Russian warplanes struck a market in Maarat al-Numan in Idlib, according to local civil defence sources. "
    "Anadolu Agency correspondent reported that the airstrikes targeted the town centre during the morning rush. "
    "Idlib is located inside a de-escalation zone agreed by Turkey and Russia.")
afp_c = ("Russian air strikes killed 12 civilians at a market in the rebel-held town of Maarat al-Numan in northwest Syria on Monday, the Syrian Observatory for Human Rights said. "
         "An AFP correspondent at the scene saw rescuers pulling bodies from the rubble of burning shops. "
         "Russia has denied targeting civilians in the Idlib region.")
doc("fus-c4-afp", "AFP", "https://www.afp.com/en/news/russian-strikes-kill-12-civilians-idlib-market", "2019-06-17", "Russian strikes kill 12 civilians at Syria market: monitor", afp_c)
doc("fus-c5-france24", "France 24", "https://www.france24.com/en/20190617-russian-strikes-kill-12-civilians-syria-market", "2019-06-17", "Russian strikes kill 12 civilians at Syria market: monitor",
    afp_c.replace("northwest Syria", "north-western Syria") + " (AFP)")
doc("fus-c6-sana", "SANA", "https://sana.sy/en/?p=168012", "2019-06-17", "Army warplanes strike terrorist positions in Maarat al-Numan",
    "Syrian Arab Army warplanes struck positions of Jabhat al-Nusra terrorists in Maarat al-Numan in the southern countryside of Idlib on Monday, killing a number of terrorists, a military source told SANA. "
    "The source denied reports that civilians were hurt in the strikes.")

# D: the same day, shelling on Jisr al-Shughur, about 37 km west
doc("fus-d1-sohr", "SOHR", "https://www.syriahr.com/en/?p=131152", "2019-06-17", "Regime shelling kills three civilians in Jisr al-Shughur",
    "Three civilians were killed on Monday when regime forces shelled the town of Jisr al-Shughur in the western countryside of Idlib with artillery, the Syrian Observatory for Human Rights said.")
doc("fus-d2-snhr", "SNHR", "https://sn4hr.org/blog/2019/06/18/jisr-shelling/", "2019-06-18", "Syrian regime artillery kills three civilians in Jisr al-Shughur",
    "Syrian regime forces shelled residential neighbourhoods of Jisr al-Shughur city in Idlib with artillery on June 17, 2019, killing three civilians, among them a woman, the Syrian Network for Human Rights said.")

# E: Turkish drone strike near Qamishli (Hasakah), Thursday 2019-08-15
anha_e = ("Two members of the Internal Security Forces were killed on Thursday when a Turkish drone struck their car near the city of Qamishli, Hawar News Agency reported. "
          "The drone targeted the vehicle on the road between Qamishli and Amuda in the afternoon. "
          "The attack is the latest in a series of Turkish drone strikes in north and east Syria.")
doc("fus-e1-anha", "ANHA", "https://hawarnews.com/en/haber/turkish-drone-kills-two-near-qamishli-h11520.html", "2019-08-15", "Turkish drone kills two security members near Qamishli", anha_e)
doc("fus-e2-kurdistan24", "Kurdistan24", "https://www.kurdistan24.net/en/news/turkish-drone-strike-kills-two-near-qamishli", "2019-08-16", "Turkish drone strike kills two near Qamishli",
    anha_e.replace("Hawar News Agency reported", "local media reported") + " Turkey regards Kurdish forces in Syria as terrorists.")
doc("fus-e3-anadolu", "Anadolu Agency", "https://www.aa.com.tr/en/middle-east/turkish-forces-neutralize-2-terrorists-in-northern-syria/1556120", "2019-08-15", "Turkish forces neutralize 2 terrorists in northern Syria",
    "A Turkish armed drone struck a vehicle of PKK terrorists near Qamishli in northern Syria on Thursday, killing two terrorists, the National Defence Ministry said.")
doc("fus-e4-sohr", "SOHR", "https://www.syriahr.com/en/?p=136402", "2019-08-15", "Turkish drone kills two members of Asayish near Qamishli",
    "A Turkish drone strike killed two members of the Asayish on Thursday near Qamishli in the countryside of Hasakah, the Syrian Observatory for Human Rights said. "
    "The Observatory said the drone hit a car on the road towards Amuda.")

# F: roadside bomb on an Iraqi army patrol near Tarmiyah (Baghdad), Sunday 2020-03-08
doc("fus-f1-ina", "INA", "https://www.ina.iq/eng/10311-roadside-bomb-tarmiyah.html", "2020-03-08", "Two soldiers killed in IED explosion in Tarmiyah",
    "Two soldiers were killed and three others wounded on Sunday when an improvised explosive device exploded on an army patrol in Tarmiyah district north of Baghdad, the Security Media Cell said in a statement. "
    "Security forces launched a search operation in the orchards of the area.")
doc("fus-f2-reuters", "Reuters", "https://www.reuters.com/article/us-iraq-security-idUSKBN20V0AB", "2020-03-08", "Roadside bomb kills two Iraqi soldiers north of Baghdad",
    "A roadside bomb killed two Iraqi soldiers and wounded three on Sunday in Tarmiyah, north of Baghdad, the Iraqi military said. "
    "No group immediately claimed responsibility, but Islamic State militants remain active in the orchards around Tarmiyah.")
doc("fus-f3-amaq", "Amaq", "", "2020-03-09", "Islamic State fighters blow up Iraqi army vehicle in Tarmiyah",
    "Islamic State fighters detonated an explosive device on a vehicle of the Iraqi army in Tarmiyah north of Baghdad on Sunday, killing six soldiers, Amaq News Agency said.")

# G: SDF and ISIS clash in Hajin (Deir ez-Zor), Friday 2018-12-07
doc("fus-g1-anha", "ANHA", "https://hawarnews.com/en/haber/sdf-kill-isis-mercenaries-in-hajin-h5120.html", "2018-12-07", "SDF kill 17 ISIS mercenaries in Hajin",
    "Fighters of the Syrian Democratic Forces clashed with ISIS mercenaries in the town of Hajin in the eastern countryside of Deir ez-Zor on Friday, killing 17 of them, the SDF media centre said.")
doc("fus-g2-sohr", "SOHR", "https://www.syriahr.com/en/?p=108810", "2018-12-07", "Violent clashes between SDF and ISIS in Hajin",
    "Violent clashes broke out on Friday between the Syrian Democratic Forces and the Islamic State organization in Hajin in the eastern countryside of Deir ez-Zor, the Syrian Observatory for Human Rights said. "
    "The Observatory documented the death of nine ISIS members and four SDF fighters in the fighting.")
doc("fus-g3-reuters", "Reuters", "https://www.reuters.com/article/us-mideast-crisis-syria-hajin-idUSKBN1O61AB", "2018-12-08", "U.S.-backed forces battle Islamic State in Hajin",
    "U.S.-backed Syrian Democratic Forces fought Islamic State militants in the town of Hajin near the Iraqi border on Friday, a war monitor said, with at least 13 fighters killed on both sides.")

# H: single-source reports
doc("fus-h1-amaq", "Amaq", "", "2019-04-02", "Islamic State fighters kill mukhtar in Mayadin",
    "Islamic State fighters killed a mukhtar working for the Syrian regime in the city of Mayadin in the eastern countryside of Deir ez-Zor on Monday, Amaq News Agency said.")
doc("fus-h2-sana", "SANA", "https://sana.sy/en/?p=170101", "2019-07-03", "Army destroys vehicles of terrorists in Khan Shaykhun",
    "Army units destroyed two vehicles loaded with weapons belonging to Jabhat al-Nusra terrorists near the town of Khan Shaykhun in the southern countryside of Idlib on Wednesday, a military source told SANA.")
doc("fus-h3-tass", "TASS", "https://tass.com/defense/1090001", "2019-10-20", "Militants shell Aleppo residential area",
    "Militants shelled a residential neighbourhood in the city of Aleppo on Sunday, killing two civilians, the head of the Russian Centre for Reconciliation said.")

# I: Israeli strike near Damascus airport, Monday 2019-01-21
doc("fus-i1-sana", "SANA", "https://sana.sy/en/?p=157001", "2019-01-21", "Air defences intercept Israeli missiles near Damascus International Airport",
    "Syrian air defences intercepted Israeli missiles fired at the area of Damascus International Airport on Monday, a military source told SANA, adding that four soldiers were killed.")
doc("fus-i2-reuters", "Reuters", "https://www.reuters.com/article/us-syria-israel-idUSKCN1PF0AB", "2019-01-21", "Israel strikes Iranian targets near Damascus airport",
    "Israeli warplanes struck Iranian targets near Damascus International Airport on Monday, killing 11 fighters including Syrian soldiers, the Syrian Observatory for Human Rights said. "
    "The Israeli military said it targeted weapons stores of the Quds Force.")

os.makedirs("samples/fusion", exist_ok=True)
with open("samples/fusion/fusion.jsonl", "w", encoding="utf-8") as f:
    for d in D: f.write(json.dumps(d, ensure_ascii=False) + "\n")
print(len(D), "documents")
