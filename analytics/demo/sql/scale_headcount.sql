-- Headcount per unit and year: each 党支部 draws its members; every unit above states the sum of its branches
-- plus a few members of its own (leaders, organs), as a real stated row would. Params: $seed, $batch,
-- $last_year, $years.
WITH branch_rows AS (
    SELECT
        u.unit, $last_year - $years + 1 + y AS year,
        (15 + draw(hash(u.unit, y), $seed, 'members') % 50)::INTEGER AS party_members,
        (30 + draw(hash(u.unit, y), $seed, 'share') % 60)::INTEGER AS share
    FROM units AS u, range($years) AS t(y)
    WHERE u.kind = '党支部'
),

branch_figures AS (
    SELECT unit, year, party_members, (party_members * share // 100)::INTEGER AS participating_members
    FROM branch_rows
)

SELECT
    c.ancestor AS unit,
    b.year,
    (sum(b.party_members) + CASE WHEN max(c.depth) > 0 THEN 3 ELSE 0 END)::INTEGER AS party_members,
    sum(b.participating_members)::INTEGER AS participating_members,
    count(*)::INTEGER AS branches,
    (sum(b.party_members) * 3)::INTEGER AS employees,
    $batch AS batch_id
FROM branch_figures AS b
JOIN unit_closure AS c ON c.descendant = b.unit
GROUP BY c.ancestor, b.year
