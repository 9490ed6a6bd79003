-- The synthetic tree: one 集团, $companies companies (every fifth a 研究所), ten 党委/党总支 under each, ten
-- 党支部 under each of those. Names carry their position so the tree reads like a real one.
-- Params: $group, $companies, $batch.
WITH companies AS (
    SELECT c, printf('%s第%03d%s', $group, c + 1, CASE WHEN c % 5 = 4 THEN '研究所' ELSE '公司' END) AS name,
           CASE WHEN c % 5 = 4 THEN '研究所' ELSE '公司' END AS kind
    FROM range($companies) AS t(c)
),

committees AS (
    SELECT c.c * 10 + k AS k, c.name AS company,
           printf('%s第%02d%s', c.name, k + 1, CASE WHEN k % 4 = 3 THEN '党总支' ELSE '党委' END) AS name,
           CASE WHEN k % 4 = 3 THEN '党总支' ELSE '党委' END AS kind
    FROM companies AS c, range(10) AS t(k)
)

SELECT $group AS unit, NULL AS parent, '集团' AS kind, $batch AS batch_id
UNION ALL SELECT name, $group, kind, $batch FROM companies
UNION ALL SELECT name, company, kind, $batch FROM committees
UNION ALL
SELECT printf('%s第%02d支部', m.name, b + 1), m.name, '党支部', $batch
FROM committees AS m, range(10) AS t(b)
