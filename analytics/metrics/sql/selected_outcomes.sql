-- The selected outcomes, each in the year metrics count it (its own, else its project's), listed by the unit that
-- counts them (the project's 党支部, else its unit), year, project and type.
-- $through: only the rows of the units up to this one in that order (NULL for every unit), so the first rows of a
-- long list are sorted without sorting all of it; $limit: the first rows only (NULL for every row).
WITH listed AS (
    SELECT o.project_id, o.unit AS outcome_unit, o.owner_unit, o.outcome_type, o.quantity, o.value_wan,
           o.fact_year AS year, o.date, o.note
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    WHERE o.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
      AND ($through IS NULL OR o.owner_unit <= $through)
    ORDER BY o.owner_unit, year, o.project_id, o.outcome_type
    LIMIT $limit
)

-- The project's name and unit are looked up for the listed rows only.
SELECT l.project_id, p.name AS project_name, coalesce(p.unit, l.outcome_unit) AS unit, l.outcome_type, l.quantity,
       l.value_wan, l.year, l.date, l.note
FROM listed AS l
LEFT JOIN projects AS p ON p.project_id = l.project_id
ORDER BY l.owner_unit, l.year, l.project_id, l.outcome_type
