-- The store. Current facts live in the plain tables; every version an upload replaced or an undo removed
-- is kept in <table>_history, so nothing stored is ever lost. batch_id says which upload wrote a row.

CREATE SEQUENCE IF NOT EXISTS batch_id_seq START 1;

CREATE TABLE IF NOT EXISTS batches (
    batch_id      INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    uploaded_by   VARCHAR NOT NULL,
    uploaded_at   TIMESTAMP NOT NULL,
    rows_added    INTEGER NOT NULL CHECK (rows_added >= 0),
    rows_updated  INTEGER NOT NULL CHECK (rows_updated >= 0),
    undone_at     TIMESTAMP,
    undone_by     VARCHAR
);

CREATE TABLE IF NOT EXISTS units (
    unit      VARCHAR PRIMARY KEY CHECK (length(trim(unit)) > 0),
    parent    VARCHAR CHECK (parent IS NULL OR parent <> unit),
    kind      VARCHAR CHECK (kind IN ('集团', '公司', '研究所', '党委', '党总支', '党支部', '其他')),
    batch_id  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS headcount (
    unit                   VARCHAR NOT NULL,
    year                   INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    party_members          INTEGER CHECK (party_members >= 0),
    participating_members  INTEGER CHECK (participating_members >= 0),
    branches               INTEGER CHECK (branches >= 0),
    employees              INTEGER CHECK (employees >= 0),
    batch_id               INTEGER NOT NULL,
    PRIMARY KEY (unit, year)
);

CREATE TABLE IF NOT EXISTS projects (
    project_id          VARCHAR PRIMARY KEY CHECK (length(trim(project_id)) > 0),
    name                VARCHAR NOT NULL,
    unit                VARCHAR NOT NULL,
    branch              VARCHAR,
    program             VARCHAR CHECK (program IN ('党员创新工程', '双创', '书记项目', '三组联建', '创新工作室', 'QC课题')),
    category            VARCHAR CHECK (category IN ('科研生产', '安全质量', '精益管理', '党建', '其他')),
    leader              VARCHAR,
    year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    start_date          DATE,
    end_date            DATE,
    status              VARCHAR CHECK (status IN ('立项', '实施中', '已结题', '已终止')),
    party_participants  INTEGER CHECK (party_participants >= 0),
    participants        INTEGER CHECK (participants >= 0),
    batch_id            INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS outcomes (
    project_id    VARCHAR,
    unit          VARCHAR,
    outcome_type  VARCHAR NOT NULL CHECK (outcome_type IN ('节创价值', '发明专利', '实用新型专利', '外观设计专利',
                    '软件著作权', '论文', '制度', '流程', '标准', '技术图纸', '研制总结', '试验报告', 'QC成果', '其他')),
    quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    value_wan     DOUBLE CHECK (value_wan >= 0),
    year          INTEGER CHECK (year BETWEEN 1949 AND 2100),
    date          DATE,
    note          VARCHAR NOT NULL DEFAULT '',
    -- 'outcomes' for a row of an outcomes sheet, 'projects' for an outcome column of a projects sheet
    source        VARCHAR NOT NULL CHECK (source IN ('outcomes', 'projects')),
    batch_id      INTEGER NOT NULL,
    CHECK (project_id IS NOT NULL OR unit IS NOT NULL)
);

CREATE TABLE IF NOT EXISTS awards (
    project_id  VARCHAR NOT NULL,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    award       VARCHAR NOT NULL,
    level       VARCHAR CHECK (level IN ('国家级', '省部级', '集团级', '公司级')),
    result      VARCHAR NOT NULL CHECK (result IN ('申报', '获奖')),
    batch_id    INTEGER NOT NULL,
    PRIMARY KEY (project_id, year, award)
);

CREATE TABLE IF NOT EXISTS studios (
    studio                VARCHAR NOT NULL,
    year                  INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    unit                  VARCHAR NOT NULL,
    leader                VARCHAR,
    level                 VARCHAR,
    target_projects       INTEGER CHECK (target_projects >= 0),
    actual_projects       INTEGER CHECK (actual_projects >= 0),
    target_breakthroughs  INTEGER CHECK (target_breakthroughs >= 0),
    actual_breakthroughs  INTEGER CHECK (actual_breakthroughs >= 0),
    target_apprentices    INTEGER CHECK (target_apprentices >= 0),
    actual_apprentices    INTEGER CHECK (actual_apprentices >= 0),
    target_exchanges      INTEGER CHECK (target_exchanges >= 0),
    actual_exchanges      INTEGER CHECK (actual_exchanges >= 0),
    batch_id              INTEGER NOT NULL,
    PRIMARY KEY (studio, year)
);

-- Every ancestor/descendant pair of the unit tree (depth 0 = the unit itself); rebuilt by each commit and undo.
CREATE TABLE IF NOT EXISTS unit_closure (
    ancestor    VARCHAR NOT NULL,
    descendant  VARCHAR NOT NULL,
    depth       INTEGER NOT NULL CHECK (depth >= 0),
    PRIMARY KEY (ancestor, descendant)
);

-- Header mappings an analyst chose by hand, reused on the next upload.
CREATE TABLE IF NOT EXISTS header_mappings (
    sheet_kind  VARCHAR NOT NULL,
    header      VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    PRIMARY KEY (sheet_kind, header)
);

-- Replaced or undone versions: the same columns, plus the batch that replaced the row and why it left.
CREATE TABLE IF NOT EXISTS units_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM units LIMIT 0;
CREATE TABLE IF NOT EXISTS headcount_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM headcount LIMIT 0;
CREATE TABLE IF NOT EXISTS projects_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM projects LIMIT 0;
CREATE TABLE IF NOT EXISTS outcomes_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM outcomes LIMIT 0;
CREATE TABLE IF NOT EXISTS awards_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM awards LIMIT 0;
CREATE TABLE IF NOT EXISTS studios_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM studios LIMIT 0;

-- Roll-ups kept at commit and undo (rebuild_rollups.sql, in the same transaction), so a page joins the closure
-- with these instead of scanning every project, outcome and award. A fact sits where metrics count it: its owner
-- unit (a project's 党支部, else its unit), its own year (an outcome's, else its project's; an award's
-- declaration year), its project's programme and category. detailed = false rows add up every programme and
-- category of an (owner unit, year): a query with no programme or category filter reads those, a tenth as many.
CREATE TABLE IF NOT EXISTS fact_rollup (
    owner_unit                VARCHAR NOT NULL,
    year                      INTEGER NOT NULL,
    program                   VARCHAR,
    category                  VARCHAR,
    detailed                  BOOLEAN NOT NULL,
    -- the owner unit is a 党支部 (for branch coverage without a join to units)
    branch_owner              BOOLEAN NOT NULL,
    projects                  BIGINT NOT NULL,
    projects_completed        BIGINT NOT NULL,
    projects_not_stopped      BIGINT NOT NULL,
    -- NULL when no 节创价值 outcome with a value lies in the cell (so "no savings" differs from 0 万元)
    savings_wan               DOUBLE,
    invention_patents         BIGINT NOT NULL,
    utility_model_patents     BIGINT NOT NULL,
    design_patents            BIGINT NOT NULL,
    software_copyrights       BIGINT NOT NULL,
    papers                    BIGINT NOT NULL,
    regulations               BIGINT NOT NULL,
    processes                 BIGINT NOT NULL,
    standards                 BIGINT NOT NULL,
    technical_drawings        BIGINT NOT NULL,
    development_summaries     BIGINT NOT NULL,
    test_reports              BIGINT NOT NULL,
    qc_results                BIGINT NOT NULL,
    other_outcomes            BIGINT NOT NULL,
    awards_declared           BIGINT NOT NULL,
    awards_awarded            BIGINT NOT NULL,
    declared_national         BIGINT NOT NULL,
    awarded_national          BIGINT NOT NULL,
    declared_provincial       BIGINT NOT NULL,
    awarded_provincial        BIGINT NOT NULL,
    declared_group            BIGINT NOT NULL,
    awarded_group             BIGINT NOT NULL,
    declared_company          BIGINT NOT NULL,
    awarded_company           BIGINT NOT NULL,
    declared_unstated         BIGINT NOT NULL,
    awarded_unstated          BIGINT NOT NULL
);

-- Each project's outcomes per year they count in: savings (NULL without a valued 节创价值) and patents, with
-- where the project counts, for the top-projects and concentration views and the project list's totals.
CREATE TABLE IF NOT EXISTS project_outcome_rollup (
    project_id    VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    owner_unit    VARCHAR NOT NULL,
    program       VARCHAR,
    category      VARCHAR,
    savings_wan   DOUBLE,
    patent_count  BIGINT NOT NULL
);
