-- Checks and on-track checks (正常/已完成) per group, year and quarter.
SELECT g.group_key AS unit, f.year, f.quarter,
       count(*) AS checks,
       count(*) FILTER (WHERE list_contains($on_track::VARCHAR[], f.progress)) AS on_track
FROM check_facts($year_from, $year_to, $programs, $categories) AS f
JOIN unit_groups($group_keys, $group_roots) AS g ON g.unit = f.owner_unit
GROUP BY ALL
ORDER BY f.year, f.quarter, g.group_key
