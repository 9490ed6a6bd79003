-- The one place filters are applied. Every metric query reads facts through these macros, so a filter
-- (and, later, a viewer's unit scope) flows through here and nowhere else.
-- units: VARCHAR[] of group roots; group_keys: VARCHAR[] parallel to it naming the group each root belongs to.
-- A group's roots bring their whole subtree, except in the 本级 group, whose roots bring only themselves.

CREATE OR REPLACE MACRO unit_groups(group_keys, group_roots) AS TABLE
    SELECT DISTINCT g.group_key, c.descendant AS unit
    FROM (SELECT unnest(group_keys::VARCHAR[]) AS group_key, unnest(group_roots::VARCHAR[]) AS root) AS g
    JOIN unit_closure AS c ON c.ancestor = g.root
    -- The 本级 group (key '__own__', analytics.store.tree.OWN_GROUP) holds its roots' own facts only, not the
    -- units below them: the part of a total that no listed child accounts for.
    WHERE g.group_key <> '__own__' OR c.depth = 0;

-- A project belongs to its 党支部 when one is named, else to its unit.
CREATE OR REPLACE MACRO project_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT p.*, coalesce(p.branch, p.unit) AS owner_unit
    FROM projects AS p
    WHERE (year_from IS NULL OR p.year >= year_from)
      AND (year_to IS NULL OR p.year <= year_to)
      AND (len(programs::VARCHAR[]) = 0 OR list_contains(programs::VARCHAR[], p.program))
      AND (len(categories::VARCHAR[]) = 0 OR list_contains(categories::VARCHAR[], p.category));

-- An outcome counts in its own year, else its project's; a unit-level outcome has no programme or category,
-- so a programme or category filter leaves it out.
CREATE OR REPLACE MACRO outcome_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT o.*,
           coalesce(o.year, p.year) AS fact_year,
           coalesce(p.branch, p.unit, o.unit) AS owner_unit,
           p.program, p.category
    FROM outcomes AS o
    LEFT JOIN projects AS p ON p.project_id = o.project_id
    WHERE (year_from IS NULL OR coalesce(o.year, p.year) >= year_from)
      AND (year_to IS NULL OR coalesce(o.year, p.year) <= year_to)
      AND (len(programs::VARCHAR[]) = 0 OR list_contains(programs::VARCHAR[], p.program))
      AND (len(categories::VARCHAR[]) = 0 OR list_contains(categories::VARCHAR[], p.category));

-- An award counts in the year it was declared.
CREATE OR REPLACE MACRO award_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT a.*, coalesce(p.branch, p.unit) AS owner_unit, p.program, p.category
    FROM awards AS a
    JOIN projects AS p ON p.project_id = a.project_id
    WHERE (year_from IS NULL OR a.year >= year_from)
      AND (year_to IS NULL OR a.year <= year_to)
      AND (len(programs::VARCHAR[]) = 0 OR list_contains(programs::VARCHAR[], p.program))
      AND (len(categories::VARCHAR[]) = 0 OR list_contains(categories::VARCHAR[], p.category));

-- ---- issue 17: running the programme ------------------------------------------------------------------------
-- A progress check of a selected project counts in its own year; quarter_index makes Q4 → Q1 consecutive.
CREATE OR REPLACE MACRO check_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT c.*, c.year * 4 + c.quarter - 1 AS quarter_index,
           p.name, p.leader, p.status, coalesce(p.branch, p.unit) AS owner_unit, p.program, p.category
    FROM checks AS c
    JOIN projects AS p ON p.project_id = c.project_id
    WHERE (year_from IS NULL OR c.year >= year_from)
      AND (year_to IS NULL OR c.year <= year_to)
      AND (len(programs::VARCHAR[]) = 0 OR list_contains(programs::VARCHAR[], p.program))
      AND (len(categories::VARCHAR[]) = 0 OR list_contains(categories::VARCHAR[], p.category));

-- A roll-up row (one cell: its year, programme, category) within the chosen years, programmes and categories: the
-- one statement of the filter every roll-up macro below applies.
CREATE OR REPLACE MACRO in_selection(year, program, category, year_from, year_to, programs, categories) AS
    (year_from IS NULL OR year >= year_from)
    AND (year_to IS NULL OR year <= year_to)
    AND (len(programs::VARCHAR[]) = 0 OR list_contains(programs::VARCHAR[], program))
    AND (len(categories::VARCHAR[]) = 0 OR list_contains(categories::VARCHAR[], category));

-- The same filters over fact_rollup, from the coarsest grain that holds what is asked: split_program and
-- split_category ask for rows per programme or category even without a filter on it (a chart split by them).
CREATE OR REPLACE MACRO rollup_facts(year_from, year_to, programs, categories, split_program, split_category) AS TABLE
    SELECT r.*
    FROM fact_rollup AS r
    WHERE r.by_program = (split_program OR len(programs::VARCHAR[]) > 0)
      AND r.by_category = (split_category OR len(categories::VARCHAR[]) > 0)
      AND in_selection(r.year, r.program, r.category, year_from, year_to, programs, categories);

-- The same filters over project_outcome_rollup (each project's outcomes per year they count in).
CREATE OR REPLACE MACRO project_outcome_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT r.*
    FROM project_outcome_rollup AS r
    WHERE in_selection(r.year, r.program, r.category, year_from, year_to, programs, categories);

-- The same filters over project_savings_rollup, keeping only the rows that can be among a selection's top n
-- projects by savings (see schema.sql): every multi-year project's rows (rank 0) and each cell's first n; the cell
-- is (owner unit, year) without a programme or category filter, else (owner unit, year, programme, category).
CREATE OR REPLACE MACRO project_savings_facts(year_from, year_to, programs, categories, top_n) AS TABLE
    SELECT r.*
    FROM project_savings_rollup AS r
    WHERE (CASE WHEN len(programs::VARCHAR[]) = 0 AND len(categories::VARCHAR[]) = 0
                THEN r.unit_rank ELSE r.detail_rank END) <= top_n
      AND in_selection(r.year, r.program, r.category, year_from, year_to, programs, categories);

-- The same filters over open_project_rollup: the open projects with an end date, per cell and end date.
CREATE OR REPLACE MACRO open_project_facts(year_from, year_to, programs, categories) AS TABLE
    SELECT r.*
    FROM open_project_rollup AS r
    WHERE in_selection(r.year, r.program, r.category, year_from, year_to, programs, categories);

-- A project's place on the status board as of a date: overdue = past its end date, neither completed nor stopped.
CREATE OR REPLACE MACRO board_status(status, end_date, as_of) AS
    CASE
        WHEN status = '已结题' THEN 'completed'
        WHEN status = '已终止' THEN 'stopped'
        WHEN end_date < as_of THEN 'overdue'
        ELSE 'in_progress'
    END;

-- The projects of a selection whose number, name, leader, unit or branch contains search ('' for all), case
-- ignored, where metrics count them; overdue_all_years adds the projects of other start years that are overdue as
-- of as_of (a project still open past its end date is overdue whatever year is selected).
CREATE OR REPLACE MACRO searched_projects(
    group_keys, group_roots, year_from, year_to, programs, categories, search, as_of, overdue_all_years
) AS TABLE
    SELECT p.*
    FROM project_facts(NULL, NULL, programs, categories) AS p
    WHERE p.owner_unit IN (SELECT unit FROM unit_groups(group_keys, group_roots))
      AND (
          ((year_from IS NULL OR p.year >= year_from) AND (year_to IS NULL OR p.year <= year_to))
          OR (overdue_all_years AND board_status(p.status, p.end_date, as_of) = 'overdue')
      )
      -- CASE, not OR: an empty search must not build and lower-case a string for every project
      AND CASE
          WHEN search = '' THEN true
          ELSE contains(lower(concat_ws(' ', p.project_id, p.name, p.leader, p.unit, p.branch)), lower(search))
      END;

-- The headcount rows a group's figures are summed from, per year: a stated row overrides everything below it, so
-- keep the rows with no stated row above them in the group. For a group of whole subtrees, a unit's stated
-- ancestors within the group are those no higher than the group's highest root above the unit, so a row is kept when
-- the deepest stated row above it (headcount_cover, kept at commit) lies higher than that root. The 本级 group holds
-- its roots only (not what lies between them), so there the rows above are looked up among the group's own rows.
-- (Asking "is there a stated row above me" as a join per group, DuckDB once planned a cross product: 50 s; dropping
-- every row below a stated one per group cost 30-40 ms a call at 5,551 units.)
CREATE OR REPLACE MACRO headcount_frontier(group_keys, group_roots, year_from, year_to) AS TABLE
    WITH roots AS (
        SELECT g.group_key, g.root, max(d.depth) AS root_depth
        FROM (SELECT unnest(group_keys::VARCHAR[]) AS group_key, unnest(group_roots::VARCHAR[]) AS root) AS g
        JOIN unit_closure AS d ON d.descendant = g.root
        GROUP BY g.group_key, g.root
    ),
    members AS (
        SELECT r.group_key, c.descendant AS unit, min(r.root_depth) AS top_depth
        FROM roots AS r
        JOIN unit_closure AS c ON c.ancestor = r.root
        WHERE r.group_key <> '__own__'
        GROUP BY r.group_key, c.descendant
    ),
    subtree_rows AS (
        SELECT m.group_key, h.*
        FROM members AS m
        JOIN headcount AS h ON h.unit = m.unit
        JOIN headcount_cover AS v ON v.unit = h.unit AND v.year = h.year
        WHERE (year_from IS NULL OR h.year >= year_from)
          AND (year_to IS NULL OR h.year <= year_to)
          AND (v.covered_depth IS NULL OR v.covered_depth < m.top_depth)
    ),
    own_rows AS (
        SELECT r.group_key, h.*
        FROM roots AS r
        JOIN headcount AS h ON h.unit = r.root
        WHERE r.group_key = '__own__'
          AND (year_from IS NULL OR h.year >= year_from)
          AND (year_to IS NULL OR h.year <= year_to)
    ),
    own_covered AS (
        SELECT DISTINCT above.group_key, c.descendant AS unit, above.year
        FROM own_rows AS above
        JOIN unit_closure AS c ON c.ancestor = above.unit AND c.depth > 0
    )
    SELECT * FROM subtree_rows
    UNION ALL BY NAME
    SELECT h.*
    FROM (SELECT DISTINCT * FROM own_rows) AS h
    ANTI JOIN own_covered AS c ON c.group_key = h.group_key AND c.unit = h.unit AND c.year = h.year;
