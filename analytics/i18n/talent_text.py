"""Text of the people subject (issue 16): the 人才 page, its charts and takeaways, KPIs, glossary and CLI."""

from analytics.i18n.pages_text import _NO_DENOMINATOR  # the counts' wording, stated once

TEXT: dict[str, dict[str, str]] = {
    "cli.talent": {
        "zh": "人才库：{pools}；晋级{promotions}人，出库{exits}人；职称占比{titled}，党员占比{party}；"
        "荣誉称号：{honours}；培训{sessions}场、{attendance}人次、{hours}学时。",
        "en": "Talent pools: {pools}; {promotions} promoted, {exits} left the pools; titled staff {titled}, party "
        "members {party}; titles: {honours}; training: {sessions} sessions, {attendance} attendances, {hours} hours.",
    },
}

TEXT.update(
    {
        # the page
        "page.talent": {"zh": "人才", "en": "Talent"},
        "pages.what.talent": {"zh": "人才、荣誉或培训", "en": "talent, honours or training"},
        "talent.pipeline": {"zh": "人才梯队", "en": "Talent pipeline"},
        "talent.moves": {"zh": "晋级与出库", "en": "Promotions and exits"},
        "talent.mentors": {"zh": "导师带徒", "en": "Mentors"},
        "talent.shares": {"zh": "职称占比与党员占比", "en": "Titled staff and party members"},
        "talent.honours": {"zh": "荣誉称号", "en": "Honours and titles"},
        "talent.training": {"zh": "培训", "en": "Training"},
        "talent.names": {"zh": "名单", "en": "Names"},
        "talent.names_hidden": {
            "zh": "名单属于个人信息，仅对有权查看该单位的用户显示。",
            "en": "Names are personal data and are shown only to viewers allowed to see that unit.",
        },
        "talent.reference_year": {
            "zh": "梯队、职称占比和党员占比按 {year} 年；晋级、出库、荣誉和培训按所选年度累计。",
            "en": "Pools and shares are read in {year}; promotions, exits, honours and training add up over the "
            "selected years.",
        },
        "talent.move.promotion": {"zh": "晋级", "en": "Promoted"},
        "talent.move.exit": {"zh": "出库", "en": "Left the pools"},
        # column headers of the name lists
        "column.person": {"zh": "姓名", "en": "Name"},
        "column.units": {"zh": "单位", "en": "Unit"},
        "column.move": {"zh": "变动", "en": "Move"},
        "column.from_pool": {"zh": "原梯队", "en": "From"},
        "column.to_pool": {"zh": "现梯队", "en": "To"},
        "column.mentor": {"zh": "导师", "en": "Mentor"},
        "column.mentees": {"zh": "带徒人数", "en": "People brought on"},
        "column.title": {"zh": "称号", "en": "Title"},
        # vocab labels
        "pool.后备人才": {"zh": "后备人才", "en": "Reserve"},
        "pool.雏鹰": {"zh": "雏鹰", "en": "Eaglets"},
        "pool.雄鹰": {"zh": "雄鹰", "en": "Eagles"},
        "pool.金鹰": {"zh": "金鹰", "en": "Golden eagles"},
        "honour_level.国家级": {"zh": "国家级", "en": "National"},
        "honour_level.省部级": {"zh": "省部级", "en": "Provincial/ministerial"},
        "honour_level.行业": {"zh": "行业", "en": "Industry"},
        "honour_level.市级": {"zh": "市级", "en": "City"},
        "honour_level.集团级": {"zh": "集团级", "en": "Group"},
        "honour_level.公司级": {"zh": "公司级", "en": "Company"},
        "training.type_unstated": {"zh": "未注明类型", "en": "Type not stated"},
        "unit.people": {"zh": "人", "en": "people"},
        "unit.sessions": {"zh": "场", "en": "sessions"},
        # charts
        "chart.talent_pipeline": {
            "zh": "各单位人才梯队（{year}年，括号内为比上年）",
            "en": "Talent pools by unit ({year}; change on last year)",
        },
        "chart.talent_years": {"zh": "人才梯队逐年变化", "en": "Talent pools over the years"},
        "chart.talent_moves": {"zh": "晋级与出库人数", "en": "Promotions and exits"},
        "chart.talent_skipped": {"zh": "跨级晋级", "en": "Skipped a level"},
        "chart.talent_exits": {"zh": "出库", "en": "Left the pools"},
        "chart.talent_shares": {"zh": "职称占比与人才库党员占比", "en": "Titled staff and party members in the pools"},
        "chart.honours_years": {"zh": "荣誉称号逐年（按级别）", "en": "Titles over the years, by level"},
        "chart.honours_by_unit": {"zh": "各单位荣誉称号（按级别）", "en": "Titles by unit and level"},
        "chart.training_by_type": {"zh": "培训场次（按类型）", "en": "Training sessions by type"},
        "chart.training_by_unit": {"zh": "各单位培训场次", "en": "Training sessions by unit"},
        "chart.training_label": {
            "zh": "{sessions}场 · {attendance}人次 · {hours}学时",
            "en": "{sessions} sessions · {attendance} attendances · {hours} h",
        },
        # takeaways
        "takeaway.talent_pipeline": {
            "zh": "{year}年人才库共{total}人：{parts}",
            "en": "{total} people in the pools in {year}: {parts}",
        },
        "takeaway.talent_pipeline_change": {
            "zh": "{year}年人才库共{total}人（比上年{change}）：{parts}",
            "en": "{total} people in the pools in {year} ({change} on last year): {parts}",
        },
        "takeaway.talent_units": {
            "zh": "{year}年{unit}人才库人数最多，为 {people} 人",
            "en": "{unit} has the most people in the pools in {year}: {people}",
        },
        "takeaway.talent_moves": {
            "zh": "晋级{promotions}人，其中{step}最多（{count}人）；出库{exits}人",
            "en": "{promotions} promoted, most often {step} ({count}); {exits} left the pools",
        },
        "takeaway.talent_only_exits": {
            "zh": "无人晋级；出库{exits}人",
            "en": "Nobody promoted; {exits} left the pools",
        },
        "takeaway.talent_no_moves": {
            "zh": "所选年度没有晋级或出库（需要上一年的人才库台账才能比较）",
            "en": "No promotions or exits in the selected years (comparing needs last year's ledger)",
        },
        "takeaway.mentors": {
            "zh": "{mentors}位导师带徒{mentees}人，最多一位带{most}人",
            "en": "{mentors} mentors bring on {mentees} people; the most by one mentor is {most}",
        },
        "takeaway.no_mentors": {"zh": "人才库台账未填写导师", "en": "No mentor is named in the talent ledger"},
        "takeaway.honours": {
            "zh": "共获荣誉称号{total}项，最高为{level}（{count}项）",
            "en": "{total} titles in all; the highest level is {level} ({count})",
        },
        "takeaway.honours_total": {"zh": "共获荣誉称号{total}项", "en": "{total} titles in all"},
        "takeaway.training": {
            "zh": "培训{sessions}场、{attendance}人次、{hours}学时；{kind}场次最多（{count}场）",
            "en": "{sessions} sessions, {attendance} attendances, {hours} hours; most sessions: {kind} ({count})",
        },
        # metrics (KPI band, glossary, tables)
        "metric.titled_share": {"zh": "职称占比", "en": "Titled staff share"},
        "metric.party_member_share": {"zh": "人才库党员占比", "en": "Party members in the pools"},
        "metric.talent_people": {"zh": "人才库人数", "en": "People in the pools"},
        "metric.golden_eagles": {"zh": "金鹰", "en": "Golden eagles"},
        "metric.eagles": {"zh": "雄鹰", "en": "Eagles"},
        "metric.training_sessions": {"zh": "培训场次", "en": "Training sessions"},
        "metric.promotions": {"zh": "晋级人数", "en": "Promotions"},
        "metric.exits": {"zh": "出库人数", "en": "Exits"},
        "metric.honours": {"zh": "荣誉称号", "en": "Titles"},
        "metric.training_attendance": {"zh": "培训人次", "en": "Training attendances"},
        "metric.training_hours": {"zh": "培训学时", "en": "Training hours"},
    }
)

# Definitions, numerators and denominators of the people metrics: the KPI hovers and the glossary.
TEXT.update(
    {
        "metric.golden_eagles.def": {
            "zh": "人才库（三鹰计划）中「金鹰」的人数，按参考年度（所选最后一年，否则人才台账最新年度）计；一人在多个下级单位只计一次。",
            "en": "People in the 金鹰 (golden eagle) pool in the reference year (the last selected year, else the "
            "latest year of the talent ledger); a person listed in several units below counts once.",
        },
        "metric.golden_eagles.numerator": {"zh": "金鹰人数", "en": "People in the 金鹰 pool"},
        "metric.golden_eagles.denominator": _NO_DENOMINATOR,
        "metric.eagles.def": {
            "zh": "人才库中「雄鹰」的人数，按参考年度计；一人在多个下级单位只计一次。",
            "en": "People in the 雄鹰 (eagle) pool in the reference year; a person listed in several units below "
            "counts once.",
        },
        "metric.eagles.numerator": {"zh": "雄鹰人数", "en": "People in the 雄鹰 pool"},
        "metric.eagles.denominator": _NO_DENOMINATOR,
        "metric.training_sessions.def": {
            "zh": "培训台账中所选年度（按培训日期）举办的培训场次。",
            "en": "Training sessions held in the selected years (by the session's date), from the training sheet.",
        },
        "metric.training_sessions.numerator": {"zh": "培训场次", "en": "Training sessions"},
        "metric.training_sessions.denominator": _NO_DENOMINATOR,
        "metric.titled_share.def": {
            "zh": "职称人数 ÷ 职工总数，取自党员人数表，按参考年度计；上级单位有填报数时以填报数为准。任一数缺失时为未知，不按 0 计。",
            "en": "Staff with a professional or skill title ÷ staff, from the headcount sheet, in the reference "
            "year; a unit's own stated row overrides the sum below it. Unknown when either figure is missing, "
            "never 0.",
        },
        "metric.titled_share.numerator": {"zh": "职称人数", "en": "Staff holding a title (职称人数)"},
        "metric.titled_share.denominator": {"zh": "职工总数", "en": "Staff (职工总数)"},
        "metric.party_member_share.def": {
            "zh": "人才库中党员人数 ÷ 填写了「是否党员」的人才库人数，按参考年度计；无人填写时为未知。",
            "en": "Party members in the pools ÷ people in the pools whose membership is stated, in the reference "
            "year; unknown when nobody's is stated.",
        },
        "metric.party_member_share.numerator": {"zh": "人才库中的党员", "en": "Party members in the pools"},
        "metric.party_member_share.denominator": {
            "zh": "填写了是否党员的人才库人数",
            "en": "People in the pools whose membership is stated",
        },
        "metric.promotions.def": {
            "zh": "当年梯队高于上一年梯队的人数（后备人才 → 雏鹰 → 雄鹰 → 金鹰），计入晋级当年。",
            "en": "People whose pool is higher than the year before (后备人才 → 雏鹰 → 雄鹰 → 金鹰), counted in the "
            "year they rose.",
        },
        "metric.promotions.numerator": {"zh": "晋级人数", "en": "People promoted"},
        "metric.promotions.denominator": _NO_DENOMINATOR,
        "metric.exits.def": {
            "zh": "上一年在人才库、当年不在本单位（含下级）任何梯队的人数，含金鹰出库；计入出库当年，仅比较台账有记录的年度。",
            "en": "People in a pool one year and in no pool of the unit (and those below it) the next, 金鹰 出库 "
            "among them; counted in the later year, only between years the ledger reports.",
        },
        "metric.exits.numerator": {"zh": "出库人数", "en": "People who left the pools"},
        "metric.exits.denominator": _NO_DENOMINATOR,
        "metric.honours.def": {
            "zh": "所选年度获得的荣誉称号数，按级别分列；同一人同一称号只计一次，级别取最早填写的级别（获评当年级别空白时取以后年度所填）。",
            "en": "Titles given in the selected years, by level; a person counts once per title, at the first level "
            "stated for it (a blank level in the year it was given is filled by a later year's).",
        },
        "metric.honours.numerator": {"zh": "人 × 称号（去重）", "en": "Distinct person × title"},
        "metric.honours.denominator": _NO_DENOMINATOR,
        "metric.training_attendance.def": {
            "zh": "所选年度各培训场次参训人数之和（人次）。",
            "en": "The sum of attendees over the training sessions of the selected years (attendee-times).",
        },
        "metric.training_attendance.numerator": {"zh": "参训人数之和", "en": "Sum of attendees"},
        "metric.training_attendance.denominator": _NO_DENOMINATOR,
        "metric.training_hours.def": {
            "zh": "所选年度各培训场次学时之和（每场计一次，不乘人数）。",
            "en": "The sum of the hours of the training sessions of the selected years (each session once, not "
            "times its attendees).",
        },
        "metric.training_hours.numerator": {"zh": "学时之和", "en": "Sum of session hours"},
        "metric.training_hours.denominator": _NO_DENOMINATOR,
    }
)
