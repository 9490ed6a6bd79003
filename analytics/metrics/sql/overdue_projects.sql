-- The overdue projects of the selection as of $as_of (the board's own rule), longest overdue first (ties by project
-- number), the first $limit of them: the deck's list needs a dozen, never the whole list.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $as_of (DATE), $search ('' for all),
-- $overdue_all_years (also every start year's overdue projects), $limit.
SELECT p.project_id, p.name, p.owner_unit, p.leader, p.end_date
FROM searched_projects(
        $group_keys, $group_roots, $year_from, $year_to, $programs, $categories, $search, $as_of, $overdue_all_years
    ) AS p
WHERE board_status(p.status, p.end_date, $as_of) = 'overdue'
ORDER BY p.end_date, p.project_id
LIMIT $limit
