-- One page of the filtered projects of the selection, each with its board status as of $as_of and its outcome
-- and award totals (all of them, whatever their year). Sorted, searched and paged here, so a page of 100 costs
-- about what 100 rows cost: the totals are looked up for the page's rows only.
-- $order_by: year | project_id | name | owner_unit | program | category | leader | start_date | end_date | status
-- (ties by project number); $descending; $limit (NULL for every row) and $offset.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $as_of (DATE), $search,
-- $overdue_all_years (also every start year's overdue projects), $order_by, $descending, $limit, $offset.
-- Sorted and cut to the page in one pass: DuckDB's top-n keeps only the page's rows, and fetches the other columns of
-- those rows alone (reading the keys first and joining back cost a second pass over every project when the selected
-- projects lie spread over the table, as one branch's do).
WITH page AS (
    SELECT
        p.*,
        -- the year sorts as a number below; a text key is built only for the other columns
        CASE $order_by
            WHEN 'project_id' THEN p.project_id
            WHEN 'name' THEN p.name
            WHEN 'owner_unit' THEN p.owner_unit
            WHEN 'program' THEN p.program
            WHEN 'category' THEN p.category
            WHEN 'leader' THEN p.leader
            WHEN 'start_date' THEN strftime(p.start_date, '%Y-%m-%d')
            WHEN 'end_date' THEN strftime(p.end_date, '%Y-%m-%d')
            WHEN 'status' THEN p.status
        END AS sort_key
    FROM searched_projects(
        $group_keys, $group_roots, $year_from, $year_to, $programs, $categories, $search, $as_of, $overdue_all_years
    ) AS p
    ORDER BY
        CASE WHEN $order_by = 'year' AND $descending THEN p.year END DESC NULLS LAST,
        CASE WHEN $order_by = 'year' AND NOT $descending THEN p.year END ASC NULLS LAST,
        CASE WHEN $descending THEN sort_key END DESC NULLS LAST,
        CASE WHEN NOT $descending THEN sort_key END ASC NULLS LAST,
        p.project_id
    LIMIT $limit OFFSET $offset
),

outcome_totals AS (
    SELECT
        r.project_id,
        coalesce(sum(r.savings_wan), 0) AS savings_wan,
        sum(r.patent_count) AS patent_count
    FROM project_outcome_rollup AS r
    WHERE r.project_id IN (SELECT project_id FROM page)
    GROUP BY r.project_id
),

award_totals AS (
    SELECT
        a.project_id,
        count(*) AS awards_declared,
        count(*) FILTER (WHERE a.result = '获奖') AS awards_awarded
    FROM awards AS a
    WHERE a.project_id IN (SELECT project_id FROM page)
    GROUP BY a.project_id
)

SELECT
    p.project_id, p.name, p.unit, p.branch, p.owner_unit, p.program, p.category, p.leader, p.year,
    p.start_date, p.end_date, p.status,
    board_status(p.status, p.end_date, $as_of) AS board_status,
    p.party_participants, p.participants,
    coalesce(ot.savings_wan, 0) AS savings_wan,
    coalesce(ot.patent_count, 0) AS patent_count,
    coalesce(awt.awards_declared, 0) AS awards_declared,
    coalesce(awt.awards_awarded, 0) AS awards_awarded
FROM page AS p
LEFT JOIN outcome_totals AS ot USING (project_id)
LEFT JOIN award_totals AS awt USING (project_id)
ORDER BY
    CASE WHEN $order_by = 'year' AND $descending THEN p.year END DESC NULLS LAST,
    CASE WHEN $order_by = 'year' AND NOT $descending THEN p.year END ASC NULLS LAST,
    CASE WHEN $descending THEN p.sort_key END DESC NULLS LAST,
    CASE WHEN NOT $descending THEN p.sort_key END ASC NULLS LAST,
    p.project_id
