-- 职称人数 and 职工总数 per group and year from the headcount sheet. A stated row overrides the units below it;
-- a missing figure anywhere on that frontier makes the group's figure unknown (NULL), never a partial sum.
-- Params: $group_keys/$group_roots, $year_from, $year_to.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

in_range AS (
    SELECT g.group_key, h.*
    FROM grp AS g
    JOIN headcount AS h ON h.unit = g.unit
    WHERE ($year_from IS NULL OR h.year >= $year_from)
      AND ($year_to IS NULL OR h.year <= $year_to)
),

frontier AS (
    SELECT h.*
    FROM in_range AS h
    WHERE NOT EXISTS (
        SELECT 1
        FROM unit_closure AS c
        JOIN in_range AS above
            ON above.unit = c.ancestor AND above.year = h.year AND above.group_key = h.group_key
        WHERE c.descendant = h.unit AND c.depth > 0
    )
)

SELECT
    group_key,
    year,
    CASE WHEN bool_and(titled_employees IS NOT NULL) THEN sum(titled_employees) END AS titled_employees,
    CASE WHEN bool_and(employees IS NOT NULL) THEN sum(employees) END AS employees
FROM frontier
GROUP BY group_key, year
ORDER BY group_key, year
