-- The units a batch's current rows concern: a row's own unit, else its project's; a unit row counts by its parent
-- too (a new unit placed under a scoped one). NULLs (a project no longer stored) stay, so they count as outside.
WITH project_units AS (
    SELECT project_id, unit FROM projects
)
SELECT DISTINCT unit FROM (
    SELECT coalesce(parent, unit) AS unit FROM units WHERE batch_id = $batch
    UNION ALL SELECT unit FROM headcount WHERE batch_id = $batch
    UNION ALL SELECT unit FROM projects WHERE batch_id = $batch
    UNION ALL SELECT unit FROM studios WHERE batch_id = $batch
    UNION ALL
    SELECT coalesce(o.unit, p.unit) FROM outcomes AS o LEFT JOIN project_units AS p USING (project_id)
        WHERE o.batch_id = $batch
    UNION ALL
    SELECT p.unit FROM awards AS a LEFT JOIN project_units AS p USING (project_id) WHERE a.batch_id = $batch
)
