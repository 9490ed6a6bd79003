-- Every list item of the selected projects, with whether it is done and overdue at the cut-off date and, for a
-- 问题 item, whether a completed 整改 item answers it.
WITH items AS (
    SELECT l.*, l.done_date IS NOT NULL AND l.done_date <= $cutoff AS done
    FROM secretary_lists AS l
)
SELECT
    i.project_id, p.name, p.owner_unit AS unit, i.list, i.item_no, i.item, i.owner, i.due_date, i.done_date,
    i.answers, i.done,
    i.due_date < $cutoff AND NOT i.done AS overdue,
    CASE WHEN i.list = $problem THEN EXISTS (
        SELECT 1 FROM items AS f
        WHERE f.project_id = i.project_id AND f.list = $fix AND f.done AND f.answers = i.item_no
    ) END AS answered
FROM project_facts($year_from, $year_to, $programs, $categories) AS p
JOIN items AS i ON i.project_id = p.project_id
WHERE p.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
ORDER BY i.project_id, list_position($lists::VARCHAR[], i.list), i.item_no
