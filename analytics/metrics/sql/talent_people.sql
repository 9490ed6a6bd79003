-- One row per group, year and person in the talent ledger, over every year (moves need the year before).
-- A person is their 工号 when given, else their 姓名 within the unit; someone listed in two units of a group
-- counts once there, in the highest pool they hold. Params: $group_keys/$group_roots.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

rows AS (
    SELECT
        g.group_key,
        t.*,
        CASE WHEN t.employee_id IS NOT NULL THEN 'id:' || t.employee_id
             ELSE 'name:' || t.unit || '/' || t.person END AS who,
        list_position(['后备人才', '雏鹰', '雄鹰', '金鹰'], t.pool) AS pool_rank
    FROM talent AS t
    JOIN grp AS g ON g.unit = t.unit
)

SELECT
    group_key,
    year,
    who,
    min(person) AS person,
    string_agg(DISTINCT unit, '、' ORDER BY unit) AS units,
    max(pool_rank) AS pool_rank,
    min(mentor) AS mentor,
    -- 是 anywhere says a party member; 否 only when nothing says 是; unknown when no row says either
    CASE WHEN bool_or(party_member = '是') THEN true
         WHEN bool_or(party_member = '否') THEN false END AS party_member
FROM rows
GROUP BY group_key, year, who
ORDER BY group_key, year, who
