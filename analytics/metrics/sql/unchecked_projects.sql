-- Projects open at the end of the quarter (立项/实施中 now, or closed since: an end date after the quarter's end),
-- started by then, in the selection, with no check in that quarter.
SELECT p.project_id, p.name, p.owner_unit AS unit, p.leader, p.status
FROM project_facts(NULL, $quarter_year, $programs, $categories) AS p
WHERE p.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
  AND (list_contains($open_statuses::VARCHAR[], p.status) OR p.end_date > $quarter_end)
  AND (p.start_date IS NULL OR p.start_date <= $quarter_end)
  AND NOT EXISTS (
      SELECT 1 FROM checks AS c
      WHERE c.project_id = p.project_id AND c.year = $quarter_year AND c.quarter = $quarter
  )
ORDER BY p.project_id
