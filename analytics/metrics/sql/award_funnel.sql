-- Awards of the selection per level: declared (every nomination) and awarded (won). NULL level = not stated.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
)

SELECT
    a.level,
    count(*) AS awards_declared,
    count(*) FILTER (WHERE a.result = '获奖') AS awards_awarded
FROM award_facts($year_from, $year_to, $programs, $categories) AS a
WHERE a.owner_unit IN (SELECT unit FROM scope)
GROUP BY a.level
ORDER BY a.level
