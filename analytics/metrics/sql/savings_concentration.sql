-- Per group: its savings (万元, unit-level outcomes included), the savings of its top $top_n projects,
-- and their share. A group without savings has no row.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $top_n.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

by_project AS NOT MATERIALIZED (
    SELECT g.group_key, r.project_id, sum(r.savings_wan) AS savings_wan
    FROM project_outcome_facts($year_from, $year_to, $programs, $categories) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
    GROUP BY g.group_key, r.project_id
),

-- max(x, n) keeps each group's n largest without ranking every project; ties by id cannot change the sum.
top_projects AS (
    SELECT group_key, list_sum(max(savings_wan, $top_n)) AS top_savings_wan, count(*) AS projects_with_savings
    FROM by_project
    GROUP BY group_key
),

totals AS (
    SELECT g.group_key, sum(r.savings_wan) AS savings_wan
    FROM rollup_facts($year_from, $year_to, $programs, $categories, false) AS r
    JOIN grp AS g ON g.unit = r.owner_unit
    WHERE r.savings_wan IS NOT NULL
    GROUP BY g.group_key
)

SELECT
    t.group_key AS unit,
    t.savings_wan,
    coalesce(tp.top_savings_wan, 0) AS top_savings_wan,
    coalesce(tp.projects_with_savings, 0) AS projects_with_savings,
    coalesce(tp.top_savings_wan, 0) / nullif(t.savings_wan, 0) AS top_share
FROM totals AS t
LEFT JOIN top_projects AS tp USING (group_key)
ORDER BY unit
