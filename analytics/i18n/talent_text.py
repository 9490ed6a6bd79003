"""Text of the people subject (issue 16): the 人才 page, its charts and takeaways, KPIs, glossary and CLI."""

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
        "unit.people": {"zh": "人", "en": ""},
        "unit.sessions": {"zh": "场", "en": ""},
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
