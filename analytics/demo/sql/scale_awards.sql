-- One project in ten is put forward for an award in its year; about half of those win.
-- Params: $seed, $batch, $levels.
WITH nominated AS (
    SELECT project_id, year,
           list_extract($levels::VARCHAR[], (draw(hash(project_id), $seed, 'level') % len($levels::VARCHAR[]) + 1)::BIGINT)
               AS level
    FROM projects
    WHERE draw(hash(project_id), $seed, 'award') % 10 = 0
)

SELECT
    project_id,
    year,
    printf('%s创新成果奖', level) AS award,
    level,
    CASE WHEN draw(hash(project_id), $seed, 'won') % 2 = 0 THEN '获奖' ELSE '申报' END AS result,
    $batch AS batch_id
FROM nominated
