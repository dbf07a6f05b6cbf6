"""A small sample of leaflet content in every shipped language: one fact card, one law and
one campaign with two targets. Used to preview templates, by the benchmarks and the tests.

The figures are the ILO's 2017 global estimates; the law is the Palermo Protocol.
"""

from __future__ import annotations

from typing import Any

FACT = {
    "en": (
        "Forced labour",
        "24.9 million people were in forced labour in 2017, 4.8 million of "
        "them in forced sexual exploitation.",
    ),
    "es": (
        "Trabajo forzoso",
        "24,9 millones de personas estaban en situación de trabajo forzoso "
        "en 2017; 4,8 millones en explotación sexual forzada.",
    ),
    "fr": (
        "Travail forcé",
        "24,9 millions de personnes étaient soumises au travail forcé en "
        "2017, dont 4,8 millions à l'exploitation sexuelle forcée.",
    ),
    "pt_BR": (
        "Trabalho forçado",
        "24,9 milhões de pessoas estavam em trabalho forçado em 2017, "
        "4,8 milhões delas em exploração sexual forçada.",
    ),
    "ar": (
        "العمل القسري",
        "كان 24.9 مليون شخص في العمل القسري عام 2017، منهم 4.8 مليون في "
        "الاستغلال الجنسي القسري، وفقاً لمنظمة ILO.",
    ),
    "hi": (
        "बंधुआ मज़दूरी",
        "2017 में 2.49 करोड़ लोग जबरन श्रम में थे, जिनमें से 48 लाख "
        "जबरन यौन शोषण में थे। स्त्रियाँ और बच्चे सबसे अधिक प्रभावित हैं।",
    ),
    "sw": (
        "Kazi ya kulazimishwa",
        "Watu milioni 24.9 walikuwa katika kazi ya kulazimishwa "
        "mwaka 2017, milioni 4.8 kati yao katika unyonyaji wa kingono.",
    ),
    "ru": (
        "Принудительный труд",
        "В 2017 году 24,9 миллиона человек находились в "
        "принудительном труде, из них 4,8 миллиона — в сексуальной эксплуатации.",
    ),
}

LAW = {
    "en": (
        "Palermo Protocol",
        "Defines trafficking in persons and obliges states to make it a "
        "crime and to protect its victims.",
        [
            "Trafficking is the recruitment of persons by force or deception for exploitation.",
            "The consent of a victim is irrelevant once such means are used.",
            "States shall protect the privacy and safety of victims.",
        ],
    ),
    "es": (
        "Protocolo de Palermo",
        "Define la trata de personas y obliga a los Estados a "
        "tipificarla como delito y a proteger a sus víctimas.",
        [
            "La trata es la captación de personas mediante la fuerza o el engaño con fines de "
            "explotación.",
            "El consentimiento de la víctima no se tendrá en cuenta si se usan esos medios.",
            "Los Estados protegerán la privacidad y la seguridad de las víctimas.",
        ],
    ),
    "fr": (
        "Protocole de Palerme",
        "Définit la traite des personnes et oblige les États à "
        "l'ériger en infraction et à protéger ses victimes.",
        [
            "La traite est le recrutement de personnes par la force ou la tromperie aux fins "
            "d'exploitation.",
            "Le consentement de la victime est indifférent lorsque ces moyens sont employés.",
            "Les États protègent la vie privée et la sécurité des victimes.",
        ],
    ),
    "pt_BR": (
        "Protocolo de Palermo",
        "Define o tráfico de pessoas e obriga os Estados a "
        "criminalizá-lo e a proteger suas vítimas.",
        [
            "Tráfico é o recrutamento de pessoas por força ou engano para fins de exploração.",
            "O consentimento da vítima é irrelevante quando esses meios são usados.",
            "Os Estados protegerão a privacidade e a segurança das vítimas.",
        ],
    ),
    "ar": (
        "بروتوكول باليرمو",
        "يعرّف الاتجار بالأشخاص ويلزم الدول بتجريمه وحماية ضحاياه.",
        [
            "الاتجار هو تجنيد أشخاص بالقوة أو الخداع لغرض الاستغلال.",
            "لا يُعتد بموافقة الضحية متى استُخدمت هذه الوسائل.",
            "تحمي الدول خصوصية الضحايا وسلامتهم.",
        ],
    ),
    "hi": (
        "पालेर्मो प्रोटोकॉल",
        "मानव तस्करी की परिभाषा देता है और राज्यों को इसे अपराध "
        "बनाने तथा पीड़ितों की रक्षा करने के लिए बाध्य करता है।",
        [
            "तस्करी का अर्थ है शोषण के लिए बल या धोखे से व्यक्तियों की भर्ती।",
            "ऐसे साधनों का प्रयोग होने पर पीड़ित की सहमति का कोई महत्व नहीं है।",
            "राज्य पीड़ितों की निजता और सुरक्षा की रक्षा करेंगे।",
        ],
    ),
    "sw": (
        "Itifaki ya Palermo",
        "Inafafanua usafirishaji haramu wa binadamu na kuzitaka nchi "
        "kuufanya kuwa kosa la jinai na kuwalinda waathirika.",
        [
            "Usafirishaji haramu ni kuwaajiri watu kwa nguvu au udanganyifu ili kuwanyonya.",
            "Ridhaa ya mwathirika haina maana njia hizo zikitumika.",
            "Nchi zitalinda faragha na usalama wa waathirika.",
        ],
    ),
    "ru": (
        "Палермский протокол",
        "Определяет торговлю людьми и обязывает государства "
        "признать её преступлением и защищать пострадавших.",
        [
            "Торговля людьми — это вербовка людей силой или обманом с целью эксплуатации.",
            "Согласие жертвы не принимается во внимание, если использованы такие средства.",
            "Государства защищают частную жизнь и безопасность пострадавших.",
        ],
    ),
}

CAMPAIGN = {
    "title": "Fund the shelters",
    "summary": "Survivors of trafficking in our district have nowhere safe to stay. The "
    "shelter budget has not changed in five years.",
    "asks": ["Vote for the shelter budget this session.", "Meet survivors and our staff."],
    "lang": "en",
}
TARGETS = [
    {
        "name": "Asha Rao",
        "kind": "official",
        "title": "Deputy Secretary",
        "organization": "Ministry of Women and Child Development",
        "country": "IN",
    },
    {
        "name": "Carlos Méndez",
        "kind": "official",
        "title": "Senator",
        "organization": "Senate Committee on Human Rights",
        "country": "MX",
    },
]


def load_samples(profile, languages: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Add the sample content to ``profile`` in one transaction; returns the new ids
    (``fact``, ``law``: the English versions; ``campaign``)."""
    languages = languages or tuple(FACT)
    ids: dict[str, Any] = {}
    with profile.store.write():
        fact_group = law_group = None
        for lang in languages:
            title, body = FACT[lang]
            row = profile.materials.add(
                {
                    "kind": "fact_card",
                    "title": title,
                    "body": body,
                    "figure": "24900000",
                    "source": "ILO",
                    "year": 2017,
                    "lang": lang,
                    "group_id": fact_group,
                }
            )
            fact_group = fact_group or row
            if fact_group == row:
                profile.materials.update(row, {"group_id": row})
            ids.setdefault("fact", row)
            title, summary, provisions = LAW[lang]
            row = profile.laws.add(
                {
                    "title": title,
                    "jurisdiction": "intl",
                    "kind": "treaty",
                    "status": "in_force",
                    "adopted_date": "2000-11-15",
                    "effective_date": "2003-12-25",
                    "summary": summary,
                    "key_provisions": provisions,
                    "citation": "2237 UNTS 319",
                    "last_reviewed": "2024-03-01",
                    "lang": lang,
                    "group_id": law_group,
                }
            )
            law_group = law_group or row
            if law_group == row:
                profile.laws.update(row, {"group_id": row})
            ids.setdefault("law", row)
        ids["campaign"] = profile.campaigns.add(CAMPAIGN)
        for target in TARGETS:
            profile.add_target(ids["campaign"], profile.contacts.add(target), "decision maker")
    return ids
