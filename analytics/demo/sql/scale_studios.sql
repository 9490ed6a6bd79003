-- $studios studios, each reporting every year at a 党支部 drawn by hash; actuals land between one under and two
-- over target, so some years are missed (风险提示) and some runs of two (摘牌). Params: $studios, $seed,
-- $batch, $last_year, $years.
WITH branches AS (
    SELECT row_number() OVER (ORDER BY unit) - 1 AS b, unit FROM units WHERE kind = '党支部'
),

studio_years AS (
    SELECT s, $last_year - $years + 1 + y AS year,
           (draw(hash(s), $seed, 'unit') % (SELECT count(*) FROM branches))::BIGINT AS b
    FROM range($studios) AS t(s), range($years) AS u(y)
),

drawn AS (
    SELECT sy.*, br.unit,
           (2 + draw(hash(s, year), $seed, 'tp') % 4)::INTEGER AS tp,
           (1 + draw(hash(s, year), $seed, 'tb') % 3)::INTEGER AS tb,
           (1 + draw(hash(s, year), $seed, 'ta') % 3)::INTEGER AS ta,
           (4 + draw(hash(s, year), $seed, 'te') % 6)::INTEGER AS te,
           draw(hash(s, year), $seed, 'miss') % 8 = 0 AS missed
    FROM studio_years AS sy
    JOIN branches AS br USING (b)
)

SELECT
    printf('创新工作室%04d', s + 1) AS studio, year, unit,
    printf('领衔人%04d', s + 1) AS leader,
    CASE WHEN s % 10 = 0 THEN '省部级' WHEN s % 3 = 0 THEN '集团级' ELSE '公司级' END AS level,
    tp AS target_projects,
    CASE WHEN missed THEN tp - 1 ELSE tp + draw(hash(s, year), $seed, 'ap') % 3 END::INTEGER AS actual_projects,
    tb AS target_breakthroughs, tb + draw(hash(s, year), $seed, 'ab') % 2 AS actual_breakthroughs,
    ta AS target_apprentices, ta + draw(hash(s, year), $seed, 'aa') % 2 AS actual_apprentices,
    te AS target_exchanges, te + draw(hash(s, year), $seed, 'ae') % 3 AS actual_exchanges,
    $batch AS batch_id
FROM drawn
