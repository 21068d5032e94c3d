"""The facts of ../shared/reference/plan-facts.md that the shipped data must match, transcribed.

``test_data.py`` checks the data against these tables and, where the reference
folder is present, checks that every Chinese string here stands verbatim in
plan-facts.md, so a slip in this transcription cannot hide a slip in the data.
"""

from __future__ import annotations

TITLE_ZH = "关于扩大战略性新兴产业投资\u3000培育壮大新增长点增长极的指导意见"
TITLE_EN = (
    "Guiding Opinions on Expanding Investment in Strategic Emerging Industries "
    "and Cultivating Strengthened New Growth Points and Growth Poles"
)
TITLE_EN_ALIAS = (
    "Guiding Opinions on Expanding Investment in Strategic Emerging Industries "
    "to Foster and Strengthen New Growth Points and Growth Poles"
)
DOCUMENT_NUMBER = "发改高技〔2020〕1409号"
# §10 C10: S5 reads the long form (verified); the short form is an inferred alias
DOCUMENT_NUMBER_EN = "National Development and Reform Commission High-Tech [2020] No. 1409"
DOCUMENT_NUMBER_EN_SHORT = "NDRC High-Tech [2020] No. 1409"
ISSUED = "2020-09-11"
PUBLISHED = "2020-09-23"
ISSUERS = ("agency:ndrc", "agency:most", "agency:miit", "agency:mof")
ISSUERS_ZH = ("国家发展改革委", "科技部", "工业和信息化部", "财政部")
# §10 C8: the other five agencies of item 9's responsibility clause, as S4 reads them (verified S4)
NON_ISSUERS_ZH = {
    "agency:mohrss": "人力资源社会保障部",
    "agency:mnr": "自然资源部",
    "agency:mofcom": "商务部",
    "agency:pboc": "人民银行",
    "agency:cnipa": "知识产权局",
}
# §10 C11: conventional Chinese short (or full) names, shipped as inferred aliases
AGENCY_ALIASES_ZH = {
    "agency:ndrc": ("国家发改委", "发改委"),
    "agency:most": (),
    "agency:miit": ("工信部",),
    "agency:mof": (),
    "agency:mohrss": (),
    "agency:mnr": (),
    "agency:mofcom": (),
    "agency:pboc": ("中国人民银行", "央行"),
    "agency:cnipa": ("国家知识产权局",),
}
# §10 C9: conventional English abbreviations not read in a registered source (NDRC is not among them)
INFERRED_ABBREVIATIONS = ("MOST", "MIIT", "MOF", "MOHRSS", "MNR", "MOFCOM", "PBOC", "CNIPA")
# §11 C21: the abbreviation NDRC, read in S7 and S8 (verified)
NDRC_NOTATION_SOURCES = ("S7", "S8")

# §10 C1: the seed's entry in the source register
SEED_TITLE = "What does China's new Strategic Emerging Industries plan include?"
SEED_BLOG = "Industry Blogs"
SEED_PUBLISHED = "2020-11-24"
# §11 C16: "Industry Blogs" is the page's category label; the seed names no publisher, only a kind of venue
SEED_VENUE = "industry blog"

PRIORITIES = (
    ("稳就业", "employment"),
    ("稳金融", "financial operations"),
    ("稳外贸", "foreign trade"),
    ("稳外资", "foreign investment"),
    ("稳投资", "domestic investment"),
    ("稳预期", "expectations"),
)
GUARANTEES = (
    ("保居民就业", "employment (job security)"),
    ("保基本民生", "basic living needs"),
    ("保市场主体", "operations of market entities"),
    ("保粮食能源安全", "food and energy security"),
    ("保产业链供应链稳定", "stable industrial and supply chains"),
    ("保基层运转", "normal functioning of primary-level governments"),
)
OBJECTIVES_SEED = (
    "to implement these “six priorities”",
    "to normalize epidemic prevention and control",
    "to implement the “six guarantees” tasks",
    "to expand policy deployment for investment in SEIs",
    "to cultivate strengthened new growth poles",
    "to make SEIs better play their role as engine for growth",
    "to accelerate the construction of a modernized system",
    "to promote high-quality economic development",
)
# notation -> (part, seed English heading, Chinese heading or None where unverified)
REQUIREMENTS = {
    "R1": ("二", "Focus on key industrial areas", "聚焦重点产业投资领域"),
    "R2": ("三", "Create clusters of development bastions", "打造产业集聚发展新高地"),
    "R3": ("四", "Strengthen the ability to safeguard key factors of production", "增强资金保障能力"),
    "R4": ("五", "Optimize the investment services environment", None),
}
REQUIREMENT_ACTIONS = {"R1": range(1, 9), "R2": range(9, 14), "R3": range(14, 17), "R4": range(17, 21)}
# number -> (seed English heading, Chinese heading or None where unverified)
ACTIONS = {
    1: ("Accelerate the new generation information technology industry, and increase its quality and efficiency",
        "加快新一代信息技术产业提质增效"),
    2: ("Accelerate the pace of innovation and development for the biotech industry", "加快生物产业创新发展步伐"),
    3: ("Accelerate the high-end equipment manufacturing industry to make up for shortcomings", "加快高端装备制造产业补短板"),
    4: ("Accelerate the new materials industry in strengthening areas of weakness", "加快新材料产业强弱项"),
    5: ("Accelerate the leapfrog development of the new energy industry", "加快新能源产业跨越式发展"),
    6: ("Accelerate the establishment of basic support capacity for the intelligent and new energy vehicle industry",
        "加快智能及新能源汽车产业基础支撑能力建设"),
    7: ("Accelerate pilot demonstrations in the energy-saving and environmental protection industry", "加快节能环保产业试点示范"),
    8: ("Accelerate integrated development of the digital creative industry", "加快数字创意产业融合发展"),
    9: ("Further promote national strategic emerging industry cluster development projects", "深入推进国家战略性新兴产业集群发展工程"),
    10: ("Strengthen the leading force of industry clusters in innovation", "增强产业集群创新引领力"),
    11: ("Promote in-depth integration of industries and cities", None),
    12: ("Focus on building industry cluster application scenarios", None),
    13: ("Improve the Public Service Capabilities of Industry Clusters", None),
    14: ("Strengthen the guidance of government funds", None),
    15: ("Improve the standard of financial services", None),
    16: ("Promote investment by market actors", None),
    17: ("Deepen the reforms for “delegating authority, streamlining management, and improving service”", None),
    18: ("Accelerate the marketized deployment of key factors of production", None),
    19: ("Perfect inclusive and cautious supervision", None),
    20: ("Build a desirable investment atmosphere", None),
}  # fmt: skip
# number -> the Chinese keyword terms the reference lists for that action
ACTION_KEYWORDS_ZH = {
    1: ("5G基站", "关键芯片", "基础材料", "高端元器件", "新型显示器件", "关键软件", "工业互联网", "人工智能", "物联网", "车联网",
        "大数据", "云计算", "区块链", "新型城市基础设施", "智慧广电", "媒体融合", "5G广播", "智慧水利", "智慧港口", "智慧物流",
        "中小企业数字化赋能专项行动", "上云用数赋智", "数字乡村"),
    2: ("创新疫苗", "体外诊断与检测试剂", "抗体药物", "生物安全"),
    4: ("光刻胶", "高纯靶材", "高温合金", "高性能纤维材料", "高强高导耐热材料", "耐腐蚀材料", "大尺寸硅片", "电子封装材料"),
    6: ("充（换）电站", "智能网联汽车"),
    9: ("产业集群梯次发展体系", "战略性新兴产业基地", "战略性新兴产业集群", "战略性新兴产业生态", "世界级先进制造业集群"),
    10: ("产业集群创新能力提升工程", "科技创新中心", "综合性国家科学中心", "产业创新中心", "工程研究中心"),
}  # fmt: skip
# notation -> (value, Chinese term)
TARGETS = {
    "T1": (10, "具有全球影响力的战略性新兴产业基地"),
    "T2": (100, "具备国际竞争力的战略性新兴产业集群"),
    "T3": (1000, "各具特色的战略性新兴产业生态"),
}
ACTION_9_AGENCIES = (
    "agency:ndrc", "agency:most", "agency:miit", "agency:mof", "agency:mohrss",
    "agency:mnr", "agency:mofcom", "agency:pboc", "agency:cnipa",
)  # fmt: skip
NBS_2018 = (
    "新一代信息技术产业",
    "高端装备制造产业",
    "新材料产业",
    "生物产业",
    "新能源汽车产业",
    "新能源产业",
    "节能环保产业",
    "数字创意产业",
    "相关服务业",
)
# industry number -> (NBS 2018 code, match); §10 C3: inferred by name, 'exact' where the names coincide
INDUSTRY_NBS = {1: (1, "exact"), 2: (4, "exact"), 3: (2, "exact"), 4: (3, "exact"), 5: (6, "exact"),
                6: (5, "partial"), 7: (7, "exact"), 8: (8, "exact")}  # fmt: skip
SOURCES = (
    "S1", "S2", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14b",
    "S16", "S17", "S18", "S19", "S22", "S23", "S25", "S29", "S30",
)  # fmt: skip

# objective number -> the Chinese term it implements (六稳 / 六保, verified S17)
OBJECTIVE_KEYWORDS_ZH = {1: ("六稳",), 3: ("六保",)}
# §10 C6, §11 C15: objective number -> its English keywords, each with the sources of its wording
# ("six stabilities" is S5's term alone, the seed saying "six priorities"; "six guarantees" is S5's and
# the seed's; the second of each is Xinhua's, S18)
OBJECTIVE_KEYWORDS_EN = {
    1: (("six stabilities", ("S5",)), ("stability on six fronts", ("S18",))),
    3: (("six guarantees", ("S5", "seed")), ("security in six areas", ("S18",))),
}
# §11 C15: the seed's word for 六稳
SEED_SIX_STABILITIES = "six priorities"

# §10 C5: guarantee 1's alias, Xinhua's wording (verified S18)
GUARANTEE_1_ALIAS = "job security"
# §11 C17: the seed's words behind guarantee 1's English title "employment (job security)"
GUARANTEE_1_SEED_WORDS = "security in employment"

# §10 C12: the centres S4 names for action 10 (not research centres in general)
ACTION_10_CENTRES = ("industrial innovation centres", "engineering research centres")

# §10 C14: what S25 reports NBS Order No. 23 brings into the digital creative field (reported S25)
NBS_8_KEYWORDS_EN = ("animation", "games", "digital content services")

# Addition: each industry's name in its action's verified heading, without 产业 (inferred aliases)
INDUSTRY_SHORT_ZH = {
    1: "新一代信息技术",
    2: "生物",
    3: "高端装备制造",
    4: "新材料",
    5: "新能源",
    6: "智能及新能源汽车",
    7: "节能环保",
    8: "数字创意",
}

# §11 C20: the plan's own keywords, our indexing terms (inferred)
PLAN_KEYWORDS_EN = ("strategic emerging industries", "SEI", "investment", "growth poles")
PLAN_KEYWORDS_ZH = ("战略性新兴产业",)

# §11 C28: English renderings of the nine NBS 2018 fields, in code order (inferred)
NBS_2018_EN = (
    "new generation information technology industry",
    "high-end equipment manufacturing industry",
    "new materials industry",
    "biotech industry",
    "new energy vehicle industry",
    "new energy industry",
    "energy saving and environmental protection industry",
    "digital creative industry",
    "related services",
)

# §11 C25: the OpenCC table names its generator by its path in the source repository
T2S_GENERATOR = "tools/make_t2s.py"

# §11 C15-C28: the claims of the second audit, one row per (correction, record, claim field):
# (tag, record id, field, status, sources, words the claim's note must hold)
_INDUSTRIES = (
    "new-generation-it", "biotech", "high-end-equipment", "new-materials", "new-energy", "intelligent-nev",
    "energy-saving-environmental", "digital-creative",
)  # fmt: skip
CLAIMS = (
    ("C15", "objective:six-stabilities", "keywords.en[0]", "verified", ("S5",), "“six priorities”"),
    ("C17", "guarantee:jobs", "title.en", "seed", ("seed", "S18"), "security in employment"),
    *(("C18", f"industry:{slug}", "summary", "inferred", ("S1", "S22", "S23"), "two names")
      for slug in _INDUSTRIES),
    *(("C18", f"nbs-2018:{code}", "summary", "inferred", ("S1", "S22", "S23"), "two names") for code in range(1, 8)),
    ("C18", "nbs-2018:8", "summary", "reported", ("S22", "S23", "S25"), "two names (inferred)"),
    *(("C19", f"industry:{slug}", "aliases.en", "seed", ("seed",), f"seed's heading of item ({n})")
      for n, slug in enumerate(_INDUSTRIES, 1)),
    ("C20", "plan:sei-2020", "keywords", "inferred", (), "indexing terms"),
    ("C21", "agency:ndrc", "notation", "verified", NDRC_NOTATION_SOURCES, "S7 and S8"),
    ("C22", "requirement:key-industries", "part", "inferred", (), "only part 三"),
    ("C22", "requirement:clusters", "part", "verified", ("S4",), "as S4 reads it"),
    ("C22", "requirement:factor-support", "part", "inferred", (), "only part 三"),
    ("C22", "requirement:investment-environment", "part", "inferred", (), "only part 三"),
    ("C23", "plan:sei-2020", "summary", "seed", ("S1", "S4", "S5", "seed"), "environment part rests only on the seed"),
    ("C24", "action:financial-services", "keywords", "reported", ("S7", "S11"), "inferred from their content"),
    *(("C28", f"nbs-2018:{code}", "title.en", "inferred", ("S22", "S23"), "our English rendering")
      for code in range(1, 10)),
)  # fmt: skip
