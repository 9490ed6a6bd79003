-- How many outcomes selected_outcomes lists (its name join is on the projects' key: it adds no rows).
SELECT count(*) AS found
FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
WHERE o.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
