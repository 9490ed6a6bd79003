-- Facts whose unit or project is missing from the store: (table, reference), at most 20.
-- $batch NULL checks every row; a batch id checks only the rows that batch wrote.
WITH known_units AS (
    SELECT unit FROM units
),
known_projects AS (
    SELECT project_id FROM projects
),
missing AS (
    SELECT 'projects' AS fact_table, unit AS reference, batch_id FROM projects
        WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'projects', branch, batch_id FROM projects
        WHERE branch IS NOT NULL AND branch NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'headcount', unit, batch_id FROM headcount WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'studios', unit, batch_id FROM studios WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'outcomes', coalesce(project_id, unit), batch_id FROM outcomes
        WHERE (project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM known_projects))
           OR (project_id IS NULL AND unit NOT IN (SELECT unit FROM known_units))
    UNION ALL
    SELECT 'talent', unit, batch_id FROM talent WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'honours', unit, batch_id FROM honours WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'training', unit, batch_id FROM training WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'awards', project_id, batch_id FROM awards WHERE project_id NOT IN (SELECT project_id FROM known_projects)
    -- issue 17: running the programme
    UNION ALL
    SELECT 'checks', project_id, batch_id FROM checks WHERE project_id NOT IN (SELECT project_id FROM known_projects)
    UNION ALL
    SELECT 'secretary_lists', project_id, batch_id FROM secretary_lists
        WHERE project_id NOT IN (SELECT project_id FROM known_projects)
    UNION ALL
    SELECT 'suggestions', unit, batch_id FROM suggestions WHERE unit NOT IN (SELECT unit FROM known_units)
    UNION ALL
    SELECT 'point_adjustments', coalesce(project_id, unit), batch_id FROM point_adjustments
        WHERE (project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM known_projects))
           OR (project_id IS NULL AND unit NOT IN (SELECT unit FROM known_units))
)
SELECT fact_table, reference
FROM missing
WHERE $batch IS NULL OR batch_id = $batch
LIMIT 20
