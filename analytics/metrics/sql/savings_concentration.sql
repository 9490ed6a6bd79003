-- Per group: its savings (万元, unit-level outcomes included), the savings of its top $top_n projects,
-- and their share. A group without savings has no row.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $top_n.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

-- Only the rows that can be among a group's top $top_n (project_savings_facts). A project with savings in one
-- year has one row (no grouping needed); one with several years is summed over them.
candidates AS (
    SELECT g.group_key, r.project_id, r.savings_wan, r.unit_rank = 0 AS several_years
    FROM project_savings_facts($year_from, $year_to, $programs, $categories, $top_n) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
),

by_project AS (
    SELECT group_key, savings_wan, false AS several_years FROM candidates WHERE NOT several_years
    UNION ALL
    SELECT group_key, sum(savings_wan), true FROM candidates WHERE several_years GROUP BY group_key, project_id
),

-- max(x, n) keeps each group's n largest without ranking every project; ties by id cannot change the sum.
-- The multi-year projects (rank 0) are all read, so they are counted here; the single-year ones in fact_rollup.
top_projects AS (
    SELECT group_key, list_sum(max(savings_wan, $top_n)) AS top_savings_wan,
           count(*) FILTER (WHERE several_years) AS multi_year_savers
    FROM by_project
    GROUP BY group_key
),

totals AS (
    SELECT g.group_key, sum(r.savings_wan) AS savings_wan, sum(r.single_year_savers) AS single_year_savers
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
    GROUP BY g.group_key
)

SELECT
    t.group_key AS unit,
    t.savings_wan,
    coalesce(tp.top_savings_wan, 0) AS top_savings_wan,
    t.single_year_savers + coalesce(tp.multi_year_savers, 0) AS projects_with_savings,
    coalesce(tp.top_savings_wan, 0) / nullif(t.savings_wan, 0) AS top_share
FROM totals AS t
LEFT JOIN top_projects AS tp USING (group_key)
ORDER BY unit
