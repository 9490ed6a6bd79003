-- Each studio-year: met when every actual reaches its target (dimensions without a target are not judged),
-- and the run of consecutive missed years ending there. The run is counted over all years before filtering,
-- so a studio that missed last year is still at risk when only this year is selected.
WITH judged AS (
    SELECT
        s.*,
        coalesce(s.actual_projects >= s.target_projects OR s.target_projects IS NULL, false)
        AND coalesce(s.actual_breakthroughs >= s.target_breakthroughs OR s.target_breakthroughs IS NULL, false)
        AND coalesce(s.actual_apprentices >= s.target_apprentices OR s.target_apprentices IS NULL, false)
        AND coalesce(s.actual_exchanges >= s.target_exchanges OR s.target_exchanges IS NULL, false) AS met
    FROM studios AS s
),

-- Consecutive calendar years share year - row_number(), so each island is one unbroken run.
islands AS (
    SELECT
        *,
        year - row_number() OVER (PARTITION BY studio, met ORDER BY year) AS island
    FROM judged
),

runs AS (
    SELECT
        *,
        CASE WHEN met THEN 0
             ELSE row_number() OVER (PARTITION BY studio, met, island ORDER BY year) END AS missed_run
    FROM islands
)

SELECT
    studio, unit, year, leader, level, met, missed_run,
    CASE WHEN met THEN 'ok' WHEN missed_run >= $delist_years THEN 'delisted' ELSE 'warning' END AS verdict,
    target_projects, actual_projects, target_breakthroughs, actual_breakthroughs,
    target_apprentices, actual_apprentices, target_exchanges, actual_exchanges
FROM runs
WHERE unit IN (SELECT unit FROM unit_groups($group_keys, $group_roots))
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
ORDER BY year, studio
