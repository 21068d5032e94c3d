"""The facts of ../shared/reference/lineage-facts.md that the shipped lineage data must match, transcribed.

``test_lineage_data.py`` checks ``data/lineage.json`` (and the lineage additions to
``nbs-2018.json``) against these tables and, where the reference folder is present,
checks that every Chinese string here stands verbatim in lineage-facts.md, so that
a slip in this transcription cannot hide a slip in the data.

Statuses are those of lineage-facts.md after its §0.1 ("Statuses changed"), which
overrides its tables. Section numbers in the comments are that file's.
"""

from __future__ import annotations

from typing import NamedTuple

# §0: the chain, in date order, numbered 1..11 (12 is later context, not shipped)
CHAIN = (
    "plan:sei-2010",
    "plan:sei-2012",
    "nbs-2012",
    "plan:sei-2016",
    "nbs-2018",
    "plan:sei-clusters-batch-1",
    "plan:sei-2020",
    "plan:fyp-14-proposal",
    "plan:fyp-14",
    "nbs-industrial-2023",
    "plan:future-industries-2024",
)
PLANS = (
    "plan:sei-2010",
    "plan:sei-2012",
    "plan:sei-2016",
    "plan:sei-clusters-batch-1",
    "plan:fyp-14-proposal",
    "plan:fyp-14",
    "plan:future-industries-2024",
)
CLASSIFICATIONS = ("nbs-2012", "nbs-industrial-2023")


class Document(NamedTuple):
    """The metadata of one document (§1.x); ``None`` where the fact is null, unverified or absent."""

    title_zh: str
    title_en: str | None
    document_number: str | None
    document_type: tuple[str, str]
    issuers: tuple[str, ...]
    adopted: str | None
    issued: str | None
    published: str | None
    period: tuple[int, int] | None
    year: int | None


DOCUMENTS: dict[str, Document] = {
    # §1.1; C1: issued null; §5.3: written null
    "plan:sei-2010": Document(
        "国务院关于加快培育和发展战略性新兴产业的决定",
        "Decision of the State Council on Accelerating the Cultivation and Development of Strategic Emerging Industries",
        "国发〔2010〕32号",
        ("decision", "决定"),
        ("agency:state-council",),
        "2010-09-08",
        None,
        "2010-10-18",
        None,
        None,
    ),
    # §1.2; §0.1: document_number null
    "plan:sei-2012": Document(
        "“十二五”国家战略性新兴产业发展规划",
        "12th Five Year Plan for the Development of National Strategic Emerging Industries",
        None,
        ("plan", "规划"),
        ("agency:state-council",),
        "2012-05-30",
        "2012-07-09",
        None,
        (2011, 2015),
        None,
    ),
    # §1.4; §0.1: document_number null
    "plan:sei-2016": Document(
        "“十三五”国家战略性新兴产业发展规划",
        "National 13th Five-Year Plan for the Development of Strategic Emerging Industries",
        None,
        ("plan", "规划"),
        ("agency:state-council",),
        None,
        "2016-11-29",
        "2016-12-19",
        (2016, 2020),
        None,
    ),
    # §1.10 a: number and date null; the year is that of the report that made it public (inferred)
    "plan:sei-clusters-batch-1": Document(
        "关于加快推进战略性新兴产业产业集群建设有关工作的通知",
        None,
        None,
        ("notice", "通知"),
        ("agency:ndrc",),
        None,
        None,
        None,
        None,
        2020,
    ),
    # §1.7; §0.1: adopted 2020-10-29, reported
    "plan:fyp-14-proposal": Document(
        "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
        None,
        None,
        ("proposals", "建议"),
        ("agency:cpc-central-committee",),
        "2020-10-29",
        None,
        "2020-11-03",
        None,
        None,
    ),
    # §1.7, the Outline: approved 2021-03-11, published 2021-03-12
    "plan:fyp-14": Document(
        "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
        "Outline of the People's Republic of China 14th Five-Year Plan for National Economic and Social Development "
        "and Long-Range Objectives for 2035",
        None,
        ("outline", "纲要"),
        ("agency:npc",),
        "2021-03-11",
        None,
        "2021-03-12",
        (2021, 2025),
        None,
    ),
    # §1.9; §0.1: issued null
    "plan:future-industries-2024": Document(
        "工业和信息化部等七部门关于推动未来产业创新发展的实施意见",
        None,
        "工信部联科〔2024〕12号",
        ("implementation opinions", "实施意见"),
        (
            "agency:miit",
            "agency:moe",
            "agency:most",
            "agency:mot",
            "agency:mct",
            "agency:sasac",
            "agency:cas",
        ),
        None,
        None,
        "2024-01-29",
        None,
        None,
    ),
    # §1.3: date and number unverified; year 2012 inferred
    "nbs-2012": Document(
        "战略性新兴产业分类（2012）（试行）",
        None,
        None,
        ("classification", "分类"),
        ("agency:nbs",),
        None,
        None,
        None,
        None,
        2012,
    ),
    # §1.8: date and number unverified; the year 2023 only
    "nbs-industrial-2023": Document(
        "工业战略性新兴产业分类目录（2023）",
        None,
        None,
        ("classification", "分类"),
        ("agency:nbs",),
        None,
        None,
        None,
        None,
        2023,
    ),
}

# §1.1, §1.2, §1.4, §1.7: English titles read in a source (aliases); §5.1 C5: never the "2030" wording
ENGLISH_ALIASES: dict[str, tuple[str, ...]] = {
    "plan:sei-2010": ("State Council's Decision to Accelerate the Development of Strategic Emerging Industries",),
    "plan:sei-2012": (
        "12th Five-Year Development Plan for National Strategic Emerging Industries",
        "Circular on the Planning and Development of Strategic Emerging Industries of the 12th Five-year Plan",
    ),
    "plan:sei-2016": ("13th National Five-Year Plan for the Development of Strategic Emerging Industries",),
    "plan:future-industries-2024": (
        "Implementation Opinions on Promoting Innovative Development of Future Industries",
    ),
}
# §1.9: the short title read in L48
FUTURE_INDUSTRIES_SHORT_TITLE = "关于推动未来产业创新发展的实施意见"
# §1.1: 《决定》 / the Decision (L2)
SEI_2010_SHORT_NAME = ("Decision", "决定")
# §5.2: the English document numbers, both reported
DOCUMENT_NUMBERS_EN = {"plan:sei-2010": "Guo Fa [2010] No. 32", "plan:sei-2012": "guofa [2012] No.28"}
# §0.1 and §5.2: candidates read only in English or in one uncitable source; never shipped as document_number
NUMBER_CANDIDATES_NOT_SHIPPED = ("国发〔2012〕28号", "国发〔2016〕67号")

# §1.1 (traditional as read; the simplified form is our conversion) and §1.9, split at the full-width comma
ADDRESSEES_ZH: dict[str, tuple[str, ...]] = {
    "plan:sei-2010": ("各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"),
    "plan:future-industries-2024": (
        "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、教育、科技、交通运输、文化和旅游、国有资产监督管理主管部门",
        "中国科学院院属各单位",
        "各省、自治区、直辖市通信管理局",
        "有关中央企业",
        "各有关单位",
    ),
}

# Statuses of document fields (§1.x, §5, overridden by §0.1). "unverified" fields ship empty.
FIELD_STATUS: dict[tuple[str, str], str] = {
    ("plan:sei-2010", "title.zh"): "verified",
    ("plan:sei-2010", "title.en"): "verified",
    ("plan:sei-2010", "document_number"): "verified",
    ("plan:sei-2010", "document_number_en"): "reported",
    ("plan:sei-2010", "adopted"): "verified",
    ("plan:sei-2010", "issued"): "unverified",
    ("plan:sei-2010", "published"): "verified",
    ("plan:sei-2010", "written"): "unverified",
    ("plan:sei-2010", "addressees_zh"): "inferred",
    ("plan:sei-2012", "title.zh"): "verified",
    ("plan:sei-2012", "title.en"): "verified",
    ("plan:sei-2012", "document_number"): "unverified",
    ("plan:sei-2012", "document_number_en"): "reported",
    ("plan:sei-2012", "adopted"): "verified",
    ("plan:sei-2012", "issued"): "verified",
    ("plan:sei-2012", "published"): "unverified",
    ("plan:sei-2016", "title.zh"): "verified",
    ("plan:sei-2016", "title.en"): "verified",
    ("plan:sei-2016", "document_number"): "unverified",
    ("plan:sei-2016", "issued"): "verified",
    ("plan:sei-2016", "published"): "verified",
    ("plan:sei-2016", "addressees"): "verified",
    ("plan:sei-2016", "addressees_zh"): "unverified",
    ("plan:sei-clusters-batch-1", "title.zh"): "verified",
    ("plan:sei-clusters-batch-1", "title.en"): "inferred",
    ("plan:sei-clusters-batch-1", "document_number"): "unverified",
    ("plan:sei-clusters-batch-1", "issued"): "unverified",
    ("plan:sei-clusters-batch-1", "year"): "inferred",
    ("plan:fyp-14-proposal", "title.zh"): "verified",
    ("plan:fyp-14-proposal", "title.en"): "inferred",
    ("plan:fyp-14-proposal", "adopted"): "reported",
    ("plan:fyp-14-proposal", "published"): "verified",
    ("plan:fyp-14", "title.zh"): "verified",
    ("plan:fyp-14", "title.en"): "verified",
    ("plan:fyp-14", "document_number"): "inferred",
    ("plan:fyp-14", "adopted"): "verified",
    ("plan:fyp-14", "published"): "verified",
    ("plan:future-industries-2024", "title.zh"): "verified",
    ("plan:future-industries-2024", "title.en"): "inferred",
    ("plan:future-industries-2024", "aliases.en"): "reported",
    ("plan:future-industries-2024", "document_number"): "verified",
    ("plan:future-industries-2024", "issued"): "unverified",
    ("plan:future-industries-2024", "published"): "reported",
    ("plan:future-industries-2024", "addressees_zh"): "verified",
    ("plan:future-industries-2024", "issuer_ids"): "verified",
    ("nbs-2012", "title.zh"): "inferred",
    ("nbs-2012", "year"): "inferred",
    ("nbs-2012", "adopted"): "unverified",
    ("nbs-2012", "document_number"): "unverified",
    ("nbs-industrial-2023", "title.zh"): "verified",
    ("nbs-industrial-2023", "title.en"): "inferred",
    ("nbs-industrial-2023", "issuer_ids"): "inferred",  # §0.1: was verified
    ("nbs-industrial-2023", "year"): "verified",
    ("nbs-industrial-2023", "document_number"): "unverified",
}

# §2 and §3.2: the industries of each document, in its own order: (slug, zh verbatim, en our rendering)
INDUSTRIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sei-2010": (  # §1.1, C2: the Chinese order
        ("energy-saving-environmental", "节能环保", "energy saving and environmental protection"),
        ("new-generation-it", "新一代信息技术", "new generation information technology"),
        ("biotech", "生物", "biotech"),
        ("high-end-equipment", "高端装备制造", "high-end equipment manufacturing"),
        ("new-energy", "新能源", "new energy"),
        ("new-materials", "新材料", "new materials"),
        ("new-energy-vehicles", "新能源汽车", "new energy vehicles"),
    ),
    "sei-2012": (  # §1.2, C3: Xinhua's order
        ("energy-saving-environmental", "节能环保产业", "energy saving and environmental protection industry"),
        ("new-generation-it", "新一代信息技术产业", "new generation information technology industry"),
        ("biotech", "生物产业", "biotech industry"),
        ("high-end-equipment", "高端装备制造产业", "high-end equipment manufacturing industry"),
        ("new-energy", "新能源产业", "new energy industry"),
        ("new-materials", "新材料产业", "new materials industry"),
        ("new-energy-vehicles", "新能源汽车产业", "new energy vehicle industry"),
    ),
    "sei-2016": (  # §1.4
        ("new-generation-it", "新一代信息技术", "new generation information technology"),
        ("high-end-equipment", "高端装备", "high-end equipment"),
        ("new-materials", "新材料", "new materials"),
        ("biotech", "生物", "biotech"),
        ("new-energy-vehicles", "新能源汽车", "new energy vehicles"),
        ("new-energy", "新能源", "new energy"),
        ("energy-saving-environmental", "节能环保", "energy saving and environmental protection"),
        ("digital-creative", "数字创意", "digital creative"),
    ),
    "fyp-14-proposal": (  # §1.7, the Proposals' sentence (L36)
        ("new-generation-it", "新一代信息技术", "new generation information technology"),
        ("biotech", "生物技术", "biotechnology"),
        ("new-energy", "新能源", "new energy"),
        ("new-materials", "新材料", "new materials"),
        ("high-end-equipment", "高端装备", "high-end equipment"),
        ("new-energy-vehicles", "新能源汽车", "new energy vehicles"),
        ("green-environmental", "绿色环保", "green environmental protection"),
        ("aerospace", "航空航天", "aerospace"),
        ("marine-equipment", "海洋装备", "marine equipment"),
    ),
}
INDUSTRIES["fyp-14"] = INDUSTRIES["fyp-14-proposal"]  # §1.7: the same nine, in the same order
# §0.1: the Outline's Chinese names are reported (L62, L41); the others are verified
INDUSTRY_ZH_STATUS = {
    "sei-2010": "verified",
    "sei-2012": "verified",
    "sei-2016": "verified",
    "fyp-14-proposal": "verified",
    "fyp-14": "reported",
}
INDUSTRY_ZH_SOURCES = {"fyp-14": ("L62", "L41")}
# §1.1: the role by 2020 (L2, verified): 支柱产业 I1–I4, 先导产业 I5–I7
SEI_2010_ROLES = ("pillar", "pillar", "pillar", "pillar", "leading", "leading", "leading")
SEI_2010_ROLE_PHRASES = ("支柱产业", "先导产业")
# §1.1: the English press names (L7)
SEI_2010_PRESS_NAMES = {
    "energy-saving-environmental": "environmentally-friendly and energy-efficient",
    "biotech": "bio-engineering",
    "new-energy": "alternative energy",
    "new-materials": "alternative material",
    "new-energy-vehicles": "alternative-energy vehicle",
}

# §1.4 and §3.2: the five new pillars (zh; en from L22; industries within, inferred)
PILLARS = (
    ("new-generation-it", "新一代信息技术", "information technology", ("new-generation-it",)),
    ("high-end-manufacturing", "高端制造", "high-end manufacturing", ("high-end-equipment", "new-materials")),
    ("biotech", "生物", "biology", ("biotech",)),
    ("green-low-carbon", "绿色低碳", "green and low carbon", ("new-energy-vehicles", "new-energy", "energy-saving-environmental")),
    ("digital-creative", "数字创意", "digital creation", ("digital-creative",)),
)  # fmt: skip

# §1.7 and §3.2: the Outline's six frontier fields (verified, L44)
FRONTIERS = (
    ("brain-inspired-intelligence", "类脑智能", "brain-inspired intelligence"),
    ("quantum-information", "量子信息", "quantum information"),
    ("gene-technology", "基因技术", "gene technology"),
    ("future-networks", "未来网络", "future networks"),
    ("deep-sea-aerospace", "深海空天开发", "deep-sea, aerospace and space development"),
    ("hydrogen-energy-storage", "氢能与储能", "hydrogen energy and energy storage"),
)
# §1.9 and §3.2: the six directions (verified, L47, L50)
DIRECTIONS = (
    ("future-manufacturing", "未来制造", "future manufacturing"),
    ("future-information", "未来信息", "future information"),
    ("future-materials", "未来材料", "future materials"),
    ("future-energy", "未来能源", "future energy"),
    ("future-space", "未来空间", "future space"),
    ("future-health", "未来健康", "future health"),
)


class Target(NamedTuple):
    """A quantitative target (§1.x, §1.11, §3.2)."""

    slug: str
    zh: str | None
    value: int
    unit: str
    qualifier: str
    year: int | None


TARGETS: dict[str, tuple[Target, ...]] = {
    "sei-2010": (
        Target("sei-share-2015", "增加值占国内生产总值的比重力争达到8%左右", 8, "percent of GDP", "about", 2015),
        Target("sei-share-2020", "战略性新兴产业增加值占国内生产总值的比重力争达到15%左右", 15, "percent of GDP", "about", 2020),
    ),
    "sei-2012": (  # the growth "above 20 %" is not shipped; T2's Chinese wording was not read for this plan
        Target("sei-share-2015", "目标力争至2015年其增加值占GDP比重达8%左右", 8, "percent of GDP", "about", 2015),
        Target("sei-share-2020", None, 15, "percent of GDP", "none", 2020),
    ),
    "sei-2016": (
        Target("sei-share-2020", "战略性新兴产业增加值占国内生产总值比重达到15%", 15, "percent of GDP", "reach", 2020),
        Target("pillars-10-trillion", "形成新一代信息技术、高端制造、生物、绿色低碳、数字创意等5个产值规模10万亿元级的新支柱", 5, "count", "none", 2020),
        Target("new-jobs", "平均每年带动新增就业100万人以上", 1000000, "persons a year", "exceed", None),
    ),
    "fyp-14": (  # the number verified (L41), the wording reported (L40), the year inferred
        Target("sei-share-2025", "战略性新兴产业增加值占GDP比重超过17%", 17, "percent of GDP", "exceed", 2025),
    ),
    "future-industries-2024": (
        Target("core-technologies", "突破百项前沿关键核心技术", 100, "count", "none", 2025),
        Target("landmark-products", "形成百项标志性产品", 100, "count", "none", 2025),
        Target("leading-enterprises", "打造百家领军企业", 100, "count", "none", 2025),
        Target("application-scenarios", "开拓百项典型应用场景", 100, "count", "none", 2025),
        Target("key-standards", "制定百项关键标准", 100, "count", "none", 2025),
        Target("service-institutions", "培育百家专业服务机构", 100, "count", "none", 2025),
    ),
}  # fmt: skip
# §1.9: the value 100 as English reports read it for the first three (verified, L51), inferred for the rest
FUTURE_TARGET_VALUE_STATUS = ("verified", "verified", "verified", "inferred", "inferred", "inferred")
# §1.7: the Outline's 17 % wording is reported; §5.3/§1.2: the 2012 T2 wording not read
TARGET_ZH_STATUS = {"fyp-14/target:sei-share-2025": "reported", "sei-2012/target:sei-share-2020": "unverified"}

# §1.8: the nine of the 2023 catalogue, in the communiqué's order (zh L34, L35; en NBS, L33)
NBS_INDUSTRIAL_2023 = (
    ("新一代信息技术产业", "new generation of information technology industries"),
    ("高端装备制造业", "high-end equipment manufacturing"),
    ("新材料产业", "new material industries"),
    ("生物产业", "bio-tech industries"),
    ("新能源汽车产业", "new-energy vehicle industries"),
    ("新能源产业", "new energy industries"),
    ("绿色环保产业", "green and environmental protection industries"),
    ("航空航天产业", "aviation and aerospace industries"),
    ("海洋装备产业", "marine equipment industries"),
)
# §1.3: ships with no categories until their names are read
NBS_2012_ALIAS = "2012年试行版"

# §3.3: the nine new agencies: notation, zh as read, en
AGENCIES = {
    "agency:state-council": ("SC", "国务院", "State Council"),
    "agency:nbs": ("NBS", "国家统计局", "National Bureau of Statistics"),
    "agency:npc": ("NPC", "全国人大", "National People's Congress"),
    "agency:cpc-central-committee": ("CPCCC", "中共中央", "CPC Central Committee"),
    "agency:moe": ("MOE", "教育部", "Ministry of Education"),
    "agency:mot": ("MOT", "交通运输部", "Ministry of Transport"),
    "agency:mct": ("MCT", "文化和旅游部", "Ministry of Culture and Tourism"),
    "agency:sasac": ("SASAC", "国务院国资委", "State-owned Assets Supervision and Administration Commission of the State Council"),
    "agency:cas": ("CAS", "中国科学院", "Chinese Academy of Sciences"),
}  # fmt: skip

# §3.4 and §1.x, with §0.1's statuses: every edge whose two ends are documents of the chain
RELATIONS = (
    ("plan:sei-2012", "implements", "plan:sei-2010", "verified"),
    ("nbs-2012", "based_on", "plan:sei-2010", "reported"),  # §0.1: was verified
    ("nbs-2012", "monitors", "plan:sei-2012", "reported"),  # §0.1: was verified
    ("plan:sei-2016", "succeeds", "plan:sei-2012", "inferred"),
    ("nbs-2018", "based_on", "plan:sei-2010", "verified"),
    ("nbs-2018", "monitors", "plan:sei-2016", "verified"),
    ("nbs-2018", "revises", "nbs-2012", "verified"),
    ("plan:sei-2020", "builds_on", "plan:sei-clusters-batch-1", "inferred"),
    ("plan:fyp-14", "drafted_from", "plan:fyp-14-proposal", "inferred"),  # verified for the draft only
    ("plan:future-industries-2024", "implements", "plan:fyp-14", "verified"),
    ("nbs-industrial-2023", "based_on", "plan:fyp-14-proposal", "reported"),
)
PREDICATES = ("implements", "based_on", "monitors", "revises", "succeeds", "drafted_from", "builds_on")
# §3.4: the sources of each edge, as lineage-facts cites them
RELATION_SOURCES = {
    ("plan:sei-2012", "plan:sei-2010"): ("L14",),
    ("nbs-2012", "plan:sei-2010"): ("L26",),
    ("nbs-2012", "plan:sei-2012"): ("L26",),
    ("plan:sei-2016", "plan:sei-2012"): ("L24",),
    ("nbs-2018", "plan:sei-2010"): ("L27",),
    ("nbs-2018", "plan:sei-2016"): ("L27", "L28"),
    ("nbs-2018", "nbs-2012"): ("L28",),
    ("plan:sei-2020", "plan:sei-clusters-batch-1"): ("S4", "L31"),
    ("plan:fyp-14", "plan:fyp-14-proposal"): ("L39",),
    ("plan:future-industries-2024", "plan:fyp-14"): ("L45",),
    ("nbs-industrial-2023", "plan:fyp-14-proposal"): ("L35",),
}

# §3.2 "relates to" columns, read as SKOS (subject, match, object): "broader" = the object is broader.
# Per document: slug -> (2020 industry, match, nbs-2018 field, match)
_TO_2020_AND_NBS_2018: dict[str, dict[str, tuple[str, str, int | None, str | None]]] = {
    "sei-2010": {
        "energy-saving-environmental": ("energy-saving-environmental", "exact", 7, "exact"),
        "new-generation-it": ("new-generation-it", "exact", 1, "exact"),
        "biotech": ("biotech", "exact", 4, "exact"),
        "high-end-equipment": ("high-end-equipment", "exact", 2, "exact"),
        "new-energy": ("new-energy", "exact", 6, "exact"),
        "new-materials": ("new-materials", "exact", 3, "exact"),
        "new-energy-vehicles": ("intelligent-nev", "broader", 5, "exact"),
    },
    "sei-2016": {
        "new-generation-it": ("new-generation-it", "exact", 1, "exact"),
        "high-end-equipment": ("high-end-equipment", "close", 2, "close"),
        "new-materials": ("new-materials", "exact", 3, "exact"),
        "biotech": ("biotech", "exact", 4, "exact"),
        "new-energy-vehicles": ("intelligent-nev", "broader", 5, "exact"),
        "new-energy": ("new-energy", "exact", 6, "exact"),
        "energy-saving-environmental": ("energy-saving-environmental", "exact", 7, "exact"),
        "digital-creative": ("digital-creative", "exact", 8, "exact"),
    },
    "fyp-14": {
        "new-generation-it": ("new-generation-it", "exact", 1, "exact"),
        "biotech": ("biotech", "close", 4, "close"),
        "new-energy": ("new-energy", "exact", 6, "exact"),
        "new-materials": ("new-materials", "exact", 3, "exact"),
        "high-end-equipment": ("high-end-equipment", "close", 2, "close"),
        "new-energy-vehicles": ("intelligent-nev", "broader", 5, "exact"),
        "green-environmental": ("energy-saving-environmental", "related", 7, "related"),
        "aerospace": ("high-end-equipment", "related", None, None),
        "marine-equipment": ("high-end-equipment", "related", None, None),
    },
}
_TO_2020_AND_NBS_2018["sei-2012"] = _TO_2020_AND_NBS_2018["sei-2010"]  # §3.2: "the same relations"
# §3.2: fyp-14 industries -> nbs-industrial-2023 (number, match)
_FYP_TO_NBSI = {
    "new-generation-it": (1, "exact"),
    "biotech": (4, "close"),
    "new-energy": (6, "exact"),
    "new-materials": (3, "exact"),
    "high-end-equipment": (2, "close"),
    "new-energy-vehicles": (5, "exact"),
    "green-environmental": (7, "exact"),
    "aerospace": (8, "exact"),
    "marine-equipment": (9, "exact"),
}
# §3.2 nbs-industrial-2023: 1–6 same name except 2 (narrower than nbs-2018:2); 7 related 7; 8, 9 related 2
_NBSI_TO_NBS_2018 = {
    1: (1, "exact"), 2: (2, "broader"), 3: (3, "exact"), 4: (4, "exact"), 5: (5, "exact"),
    6: (6, "exact"), 7: (7, "related"), 8: (2, "related"), 9: (2, "related"),
}  # fmt: skip


def _correspondences() -> frozenset[tuple[str, str, str]]:
    rows: set[tuple[str, str, str]] = set()
    for prefix, table in _TO_2020_AND_NBS_2018.items():
        for slug, (industry, match, field, field_match) in table.items():
            rows.add((f"{prefix}/industry:{slug}", match, f"industry:{industry}"))
            if field is not None and field_match is not None:
                rows.add((f"{prefix}/industry:{slug}", field_match, f"nbs-2018:{field}"))
    for slug, (number, match) in _FYP_TO_NBSI.items():
        rows.add((f"fyp-14/industry:{slug}", match, f"nbs-industrial-2023:{number}"))
    for slug, _, _ in INDUSTRIES["fyp-14-proposal"]:
        rows.add((f"fyp-14-proposal/industry:{slug}", "exact", f"fyp-14/industry:{slug}"))
    for number, (field, match) in _NBSI_TO_NBS_2018.items():
        rows.add((f"nbs-industrial-2023:{number}", match, f"nbs-2018:{field}"))
    return frozenset(rows)


CORRESPONDENCES = _correspondences()
MATCHES = ("exact", "close", "broader", "narrower", "related")


class Observation(NamedTuple):
    """An actual SEI share of GDP (§1.11), with §0.1's statuses."""

    year: int
    value: float
    qualifier: str
    status: str
    sources: tuple[str, ...]


OBSERVATIONS = (
    Observation(2015, 8.0, "about", "verified", ("L22",)),
    Observation(2017, 10.0, "about", "verified", ("L25",)),  # an expectation stated in July 2017
    Observation(2019, 11.5, "none", "verified", ("S2",)),
    Observation(2022, 13.0, "exceed", "reported", ("L54",)),  # §0.1: was verified
    Observation(2024, 13.0, "about", "reported", ("L59",)),  # §0.1: was verified
)
# §1.11 C4: not shipped (conflicting)
OBSERVATION_YEARS_NOT_SHIPPED = (2010,)

# §4 and §0.1: the register; L23 is left out (its location cannot be given to readers)
SOURCE_KEYS = tuple(f"L{n}" for n in range(1, 66) if n != 23)
# §4: the reliability of a few sources, mapped to primary/reputable/secondary/low
RELIABILITY = {
    "L1": "primary",
    "L2": "low",  # secondary, on a low host
    "L16": "low",  # secondary, on a low host
    "L21": "reputable",
    "L22": "primary",
    "L26": "low",
    "L33": "primary",
    "L37": "reputable",  # reputable text on a low host
    "L38": "reputable",  # reputable text on sharing hosts
    "L42": "primary",
    "L62": "low",  # secondary text on a low host
    "L63": "low",  # secondary on a low host
}

# §1.5 and the brief's nbs-2018 additions
NBS_2018_DOCUMENT_NUMBER = "国家统计局令第23号"  # §0.1: inferred (our normalisation)
NBS_2018_ORDER_AS_READ = "第23号令"
NBS_2018_MAIN_LINE = "战略性新兴产业重点产品和服务指导目录"
NBS_2018_CLAIMS = {"document_number": "inferred", "published": "reported", "issuer_ids": "verified"}
EDITION = "2026.4"
