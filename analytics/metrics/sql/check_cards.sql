-- Every check in the selection with its card: 'yellow' when the check shows 滞后/停滞, 'red' when it ends a run
-- of $red_quarters or more consecutive quarterly checks behind (Q4 → next Q1 is consecutive). The run is counted
-- over every stored check, so a project behind last quarter is still red when only this year is selected.
WITH judged AS (
    SELECT c.project_id, c.year * 4 + c.quarter - 1 AS quarter_index,
           coalesce(list_contains($behind::VARCHAR[], c.progress), false) AS behind
    FROM checks AS c
),
islands AS (
    SELECT *, quarter_index - row_number() OVER (PARTITION BY project_id, behind ORDER BY quarter_index) AS island
    FROM judged
),
runs AS (
    SELECT project_id, quarter_index, behind,
           CASE WHEN behind THEN row_number() OVER (PARTITION BY project_id, behind, island ORDER BY quarter_index)
                ELSE 0 END AS behind_run
    FROM islands
)
SELECT
    f.project_id, f.name, f.owner_unit AS unit, f.leader, f.status, f.year, f.quarter, f.progress, f.check_date,
    f.issue, f.action, r.behind, r.behind_run,
    CASE WHEN r.behind AND r.behind_run >= $red_quarters THEN 'red'
         WHEN r.behind THEN 'yellow' END AS card
FROM check_facts($year_from, $year_to, $programs, $categories) AS f
JOIN runs AS r ON r.project_id = f.project_id AND r.quarter_index = f.quarter_index
WHERE f.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
ORDER BY f.year, f.quarter, f.project_id
