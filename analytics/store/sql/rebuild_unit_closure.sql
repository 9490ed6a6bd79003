-- Ancestor/descendant pairs of the unit tree. A cycle in parent links stops at depth 64 instead of looping.
INSERT INTO unit_closure
WITH RECURSIVE walk(ancestor, descendant, depth) AS (
    SELECT unit, unit, 0 FROM units
    UNION ALL
    SELECT u.parent, w.descendant, w.depth + 1
    FROM walk AS w
    JOIN units AS u ON u.unit = w.ancestor
    WHERE u.parent IS NOT NULL AND w.depth < 64
)
SELECT ancestor, descendant, min(depth) AS depth
FROM walk
GROUP BY ancestor, descendant
