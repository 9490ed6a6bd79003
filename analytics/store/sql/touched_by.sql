-- The roll-up keys a batch's rows can have changed: (what, unit), what being 'owner' (an owner unit whose roll-up
-- rows to refill), 'cover' (a unit whose headcount cover to refill: every unit below a changed headcount row, as the
-- cover depends on the rows above a unit) or 'units' (a changed unit row: its kind or place in the tree, which the
-- caller answers with a full rebuild). The rows counted are the batch's current rows and the versions it replaced
-- (history, replaced_by = the batch): after a commit these are what came and what left; before an undo, what will
-- leave and what will come back. An outcome or award counts where its project does now (and if the batch moved
-- that project, where it did before, through the project's replaced version).
WITH project_owner AS (
    SELECT project_id, coalesce(branch, unit) AS owner_unit FROM projects
),

changed_projects AS (
    SELECT branch, unit FROM projects WHERE batch_id = $batch
    UNION ALL
    SELECT branch, unit FROM projects_history WHERE replaced_by = $batch AND reason = 'updated'
),

changed_outcomes AS (
    SELECT project_id, unit FROM outcomes WHERE batch_id = $batch
    UNION ALL
    SELECT project_id, unit FROM outcomes_history WHERE replaced_by = $batch AND reason = 'updated'
),

changed_awards AS (
    SELECT project_id FROM awards WHERE batch_id = $batch
    UNION ALL
    SELECT project_id FROM awards_history WHERE replaced_by = $batch AND reason = 'updated'
),

changed_headcount AS (
    SELECT unit FROM headcount WHERE batch_id = $batch
    UNION ALL
    SELECT unit FROM headcount_history WHERE replaced_by = $batch AND reason = 'updated'
)

SELECT 'owner' AS what, coalesce(branch, unit) AS unit FROM changed_projects
UNION
SELECT 'owner', coalesce(p.owner_unit, o.unit) FROM changed_outcomes AS o LEFT JOIN project_owner AS p USING (project_id)
UNION
SELECT 'owner', p.owner_unit FROM changed_awards AS a JOIN project_owner AS p USING (project_id)
UNION
SELECT 'cover', c.descendant FROM changed_headcount AS h JOIN unit_closure AS c ON c.ancestor = h.unit
UNION
SELECT 'units', unit FROM units WHERE batch_id = $batch
UNION
SELECT 'units', unit FROM units_history WHERE replaced_by = $batch AND reason = 'updated'
