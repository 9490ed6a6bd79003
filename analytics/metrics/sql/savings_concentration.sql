-- Per group: its savings (万元, unit-level outcomes included), the savings of its top $top_n projects,
-- and their share. A group without savings has no row.
-- Params: $group_keys/$group_roots, $year_from, $year_to, $programs, $categories, $top_n.
WITH grp AS (
    SELECT * FROM unit_groups($group_keys, $group_roots)
),

savings AS (
    SELECT g.group_key, o.project_id, o.value_wan
    FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
    JOIN grp AS g ON g.unit = o.owner_unit
    WHERE o.outcome_type = '节创价值' AND o.fact_year IS NOT NULL AND o.value_wan IS NOT NULL
),

by_project AS (
    SELECT group_key, project_id, sum(value_wan) AS savings_wan
    FROM savings
    WHERE project_id IS NOT NULL
    GROUP BY group_key, project_id
),

ranked AS (
    SELECT *, row_number() OVER (PARTITION BY group_key ORDER BY savings_wan DESC, project_id) AS position
    FROM by_project
),

top_projects AS (
    SELECT group_key, sum(savings_wan) AS top_savings_wan, count(*) AS top_projects
    FROM ranked
    WHERE position <= $top_n
    GROUP BY group_key
),

project_counts AS (
    SELECT group_key, count(*) AS projects_with_savings
    FROM by_project
    GROUP BY group_key
),

totals AS (
    SELECT group_key, sum(value_wan) AS savings_wan
    FROM savings
    GROUP BY group_key
)

SELECT
    t.group_key AS unit,
    t.savings_wan,
    coalesce(tp.top_savings_wan, 0) AS top_savings_wan,
    coalesce(pc.projects_with_savings, 0) AS projects_with_savings,
    coalesce(tp.top_savings_wan, 0) / nullif(t.savings_wan, 0) AS top_share
FROM totals AS t
LEFT JOIN top_projects AS tp USING (group_key)
LEFT JOIN project_counts AS pc USING (group_key)
ORDER BY unit
