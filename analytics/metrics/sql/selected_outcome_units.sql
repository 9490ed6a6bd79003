-- How many outcomes selected_outcomes lists for each unit that counts them, in the list's order.
SELECT o.owner_unit AS unit, count(*) AS found
FROM outcome_facts($year_from, $year_to, $programs, $categories) AS o
WHERE o.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
GROUP BY ALL
ORDER BY unit
