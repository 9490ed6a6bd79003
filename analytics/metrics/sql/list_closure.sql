-- Each selected project with 书记项目 lists, at the cut-off date: 问题 items and those answered by a completed
-- 整改 item (对应问题 = the problem's 序号), 目标 items and those completed, and the items past their 完成时限
-- without a 完成日期 by the cut-off.
WITH items AS (
    SELECT l.*, l.done_date IS NOT NULL AND l.done_date <= $cutoff AS done
    FROM secretary_lists AS l
),
answered AS (
    SELECT DISTINCT project_id, answers AS item_no
    FROM items
    WHERE list = $fix AND done AND answers IS NOT NULL
)
SELECT
    g.group_key, p.project_id, p.name, p.owner_unit AS unit, p.leader, p.year, p.status,
    count(*) FILTER (WHERE i.list = $problem) AS problems,
    count(*) FILTER (WHERE i.list = $problem AND a.item_no IS NOT NULL) AS problems_closed,
    count(*) FILTER (WHERE i.list = $goal) AS goals,
    count(*) FILTER (WHERE i.list = $goal AND i.done) AS goals_done,
    count(*) FILTER (WHERE i.due_date < $cutoff AND NOT i.done) AS overdue_items,
    count(*) AS items
FROM project_facts($year_from, $year_to, $programs, $categories) AS p
JOIN items AS i ON i.project_id = p.project_id
JOIN unit_groups($group_keys, $group_roots) AS g ON g.unit = p.owner_unit
LEFT JOIN answered AS a ON a.project_id = i.project_id AND a.item_no = i.item_no AND i.list = $problem
GROUP BY ALL
ORDER BY g.group_key, p.project_id
