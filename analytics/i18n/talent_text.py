"""Text of the people subject (issue 16): the 人才 page, its charts and takeaways, KPIs, glossary and CLI."""

TEXT: dict[str, dict[str, str]] = {
    "cli.talent": {
        "zh": "人才库：{pools}；晋级{promotions}人，出库{exits}人；职称占比{titled}，党员占比{party}；"
        "荣誉称号：{honours}；培训{sessions}场、{attendance}人次、{hours}学时。",
        "en": "Talent pools: {pools}; {promotions} promoted, {exits} left the pools; titled staff {titled}, party "
        "members {party}; titles: {honours}; training: {sessions} sessions, {attendance} attendances, {hours} hours.",
    },
}
