-- 职称人数 and 职工总数 per group and year from the headcount sheet. A stated row overrides the units below it;
-- a missing figure anywhere on that frontier makes the group's figure unknown (NULL), never a partial sum.
-- Params: $group_keys/$group_roots, $year_from, $year_to.
WITH frontier AS (
    SELECT * FROM headcount_frontier($group_keys, $group_roots, $year_from, $year_to)
)

SELECT
    group_key,
    year,
    CASE WHEN bool_and(titled_employees IS NOT NULL) THEN sum(titled_employees) END AS titled_employees,
    CASE WHEN bool_and(employees IS NOT NULL) THEN sum(employees) END AS employees
FROM frontier
GROUP BY group_key, year
ORDER BY group_key, year
