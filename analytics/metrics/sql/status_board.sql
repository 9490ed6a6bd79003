-- The filtered projects of the selection counted per board status as of $as_of (the list's own rule, from the
-- board_status macro), among those matching $search ('' for all).
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $as_of (DATE), $search,
-- $overdue_all_years (also every start year's overdue projects).
SELECT board_status(p.status, p.end_date, $as_of) AS board_status, count(*) AS projects
FROM searched_projects(
        $group_keys, $group_roots, $year_from, $year_to, $programs, $categories, $search, $as_of, $overdue_all_years
    ) AS p
GROUP BY ALL
