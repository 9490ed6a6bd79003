-- The filtered projects of the selection, each with its board status as of $as_of and its outcome totals
-- (all its outcomes, whatever their year). Overdue: past its end date and neither completed nor stopped.
-- $search ('' for all) keeps projects whose number, name, leader, unit or branch contains it, ignoring case.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $as_of (DATE), $search.
WITH scope AS (
    SELECT DISTINCT unit FROM unit_groups($group_keys, $group_roots)
),

projects_in_scope AS (
    SELECT p.*
    FROM project_facts($year_from, $year_to, $programs, $categories) AS p
    WHERE p.owner_unit IN (SELECT unit FROM scope)
      AND (
          $search = ''
          OR contains(lower(concat_ws(' ', p.project_id, p.name, p.leader, p.unit, p.branch)), lower($search))
      )
),

outcome_totals AS (
    SELECT
        o.project_id,
        coalesce(sum(o.value_wan) FILTER (WHERE o.outcome_type = '节创价值'), 0) AS savings_wan,
        coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type IN ('发明专利', '实用新型专利', '外观设计专利')), 0)
            AS patent_count
    FROM outcome_facts(NULL, NULL, [], []) AS o
    WHERE o.project_id IN (SELECT project_id FROM projects_in_scope)
    GROUP BY o.project_id
),

award_totals AS (
    SELECT
        a.project_id,
        count(*) AS awards_declared,
        count(*) FILTER (WHERE a.result = '获奖') AS awards_awarded
    FROM award_facts(NULL, NULL, [], []) AS a
    WHERE a.project_id IN (SELECT project_id FROM projects_in_scope)
    GROUP BY a.project_id
)

SELECT
    p.project_id, p.name, p.unit, p.branch, p.owner_unit, p.program, p.category, p.leader, p.year,
    p.start_date, p.end_date, p.status,
    CASE
        WHEN p.status = '已结题' THEN 'completed'
        WHEN p.status = '已终止' THEN 'stopped'
        WHEN p.end_date < $as_of THEN 'overdue'
        ELSE 'in_progress'
    END AS board_status,
    p.party_participants, p.participants,
    coalesce(ot.savings_wan, 0) AS savings_wan,
    coalesce(ot.patent_count, 0) AS patent_count,
    coalesce(awt.awards_declared, 0) AS awards_declared,
    coalesce(awt.awards_awarded, 0) AS awards_awarded
FROM projects_in_scope AS p
LEFT JOIN outcome_totals AS ot USING (project_id)
LEFT JOIN award_totals AS awt USING (project_id)
ORDER BY p.year DESC, p.project_id
