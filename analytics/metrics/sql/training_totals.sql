-- Sessions (场次), attendee-times (人次) and hours per group, year (of the session's date) and training type.
-- Params: $group_keys/$group_roots, $year_from, $year_to.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
)

SELECT
    g.group_key,
    year(t.date) AS year,
    t.training_type,
    count(*) AS sessions,
    coalesce(sum(t.attendees), 0) AS attendance,
    coalesce(sum(t.hours), 0) AS hours
FROM training AS t
JOIN grp AS g ON g.unit = t.unit
WHERE ($year_from IS NULL OR year(t.date) >= $year_from)
  AND ($year_to IS NULL OR year(t.date) <= $year_to)
GROUP BY g.group_key, year(t.date), t.training_type
ORDER BY g.group_key, year, t.training_type
