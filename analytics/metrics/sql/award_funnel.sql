-- Awards of the selection per level: declared (every nomination) and awarded (won). NULL level = not stated.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

totals AS (
    SELECT
        sum(declared_national) AS dn, sum(awarded_national) AS an,
        sum(declared_provincial) AS dp, sum(awarded_provincial) AS ap,
        sum(declared_group) AS dg, sum(awarded_group) AS ag,
        sum(declared_company) AS dc, sum(awarded_company) AS ac,
        sum(declared_unstated) AS du, sum(awarded_unstated) AS au
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, false) AS r
    WHERE r.owner_unit IN (SELECT unit FROM scope)
),

levels AS (
    SELECT '国家级' AS level, dn AS awards_declared, an AS awards_awarded FROM totals
    UNION ALL SELECT '省部级', dp, ap FROM totals
    UNION ALL SELECT '集团级', dg, ag FROM totals
    UNION ALL SELECT '公司级', dc, ac FROM totals
    UNION ALL SELECT NULL, du, au FROM totals
)

SELECT level, awards_declared, awards_awarded
FROM levels
WHERE awards_declared > 0
ORDER BY level
