-- Every unit in depth-first order with its depth, for the tree-shaped unit filter.
WITH RECURSIVE walk AS (
    SELECT unit, parent, kind, 0 AS depth, [unit] AS path
    FROM units
    WHERE parent IS NULL OR parent NOT IN (SELECT unit FROM units)
    UNION ALL
    SELECT u.unit, u.parent, u.kind, w.depth + 1, list_append(w.path, u.unit)
    FROM units AS u
    JOIN walk AS w ON u.parent = w.unit
    WHERE w.depth < 64
)

SELECT unit, parent, kind, depth
FROM walk
ORDER BY path
