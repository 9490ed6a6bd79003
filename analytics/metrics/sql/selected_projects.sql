-- The selected projects as stored, where metrics count them (their 党支部, else their unit).
-- $limit: the first rows only (NULL for every row).
SELECT p.project_id, p.name, p.unit, p.branch, p.program, p.category, p.leader, p.year,
       p.start_date, p.end_date, p.status, p.party_participants, p.participants
FROM project_facts($year_from, $year_to, $programs, $categories) AS p
WHERE p.owner_unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
ORDER BY p.unit, p.year, p.project_id
LIMIT $limit
