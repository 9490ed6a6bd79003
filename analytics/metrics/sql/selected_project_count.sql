-- How many projects selected_projects lists.
SELECT count(*) AS found
FROM project_facts($year_from, $year_to, $programs, $categories) AS p
WHERE p.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
