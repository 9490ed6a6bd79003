-- One row per group, person and title (a person counts once per title), in the first selected year it was
-- given, with the first level stated for it (arg_min skips a blank 级别: a later row's fills it). Params: $group_keys/$group_roots, $year_from, $year_to.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

rows AS (
    SELECT
        g.group_key,
        h.*,
        CASE WHEN h.employee_id IS NOT NULL THEN 'id:' || h.employee_id
             ELSE 'name:' || h.unit || '/' || h.person END AS who
    FROM honours AS h
    JOIN grp AS g ON g.unit = h.unit
    WHERE ($year_from IS NULL OR h.year >= $year_from)
      AND ($year_to IS NULL OR h.year <= $year_to)
)

SELECT
    group_key,
    who,
    title,
    min(year) AS year,
    arg_min(level, year) AS level,
    arg_min(person, year) AS person,
    arg_min(unit, year) AS unit
FROM rows
GROUP BY group_key, who, title
ORDER BY group_key, year, title, who
