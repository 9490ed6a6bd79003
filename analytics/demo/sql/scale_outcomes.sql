-- Two to four outcomes per project (three on average): the first a 节创价值 with a value in 万元, the others
-- drawn from the counted types (patents more often than the rest); one in five counted in the year after its
-- project's. Plus a few unit-level patents per company and year (no project). Params: $seed, $batch,
-- $last_year, $years, $counted_types.
WITH drawn AS (
    SELECT
        p.project_id, p.year, k,
        (draw(hash(p.project_id), $seed, 'outcomes') % 3 + 2)::INTEGER AS outcomes_here,
        (draw(hash(p.project_id, k), $seed, 'type') % (len($counted_types::VARCHAR[]) + 6))::BIGINT AS type_roll,
        (draw(hash(p.project_id, k), $seed, 'value') % 10000)::INTEGER AS value_roll,
        draw(hash(p.project_id, k), $seed, 'later') % 5 = 0 AS later
    FROM projects AS p, range(4) AS t(k)
)

SELECT
    project_id,
    NULL AS unit,
    CASE
        WHEN k = 0 THEN '节创价值'
        -- the first three counted types are the patents: six extra draws land on them, two each
        WHEN type_roll >= len($counted_types::VARCHAR[])
            THEN list_extract($counted_types::VARCHAR[], (type_roll - len($counted_types::VARCHAR[])) // 2 + 1)
        ELSE list_extract($counted_types::VARCHAR[], type_roll + 1)
    END AS outcome_type,
    CASE WHEN k = 0 THEN 1 ELSE 1 + value_roll % 2 END::INTEGER AS quantity,
    CASE WHEN k = 0 THEN round(0.5 + value_roll / 100.0, 2) END AS value_wan,
    CASE WHEN later AND year < $last_year THEN year + 1 END AS year,
    NULL::DATE AS date,
    '' AS note,
    'outcomes' AS source,
    $batch AS batch_id
FROM drawn
WHERE k < outcomes_here

UNION ALL

SELECT NULL, u.unit, '发明专利', (1 + draw(hash(u.unit, y), $seed, 'unit') % 5)::INTEGER, NULL,
       $last_year - $years + 1 + y, NULL, '', 'outcomes', $batch
FROM units AS u, range($years) AS t(y)
WHERE u.kind IN ('公司', '研究所')
