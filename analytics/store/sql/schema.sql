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

-- One row per file of a batch: re-uploading one file of an earlier multi-file upload is recognised by its own hash.
CREATE TABLE IF NOT EXISTS batch_files (
    batch_id      INTEGER NOT NULL,
    file_name     VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL
);
-- Stores made before batch_files kept one comma-joined hash per batch: split once, on the first connect.
INSERT INTO batch_files
    SELECT b.batch_id, b.file_name, unnest(string_split(b.content_hash, ','))
    FROM batches AS b
    WHERE NOT EXISTS (SELECT 1 FROM batch_files AS f WHERE f.batch_id = b.batch_id);

CREATE TABLE IF NOT EXISTS units (
    unit      VARCHAR PRIMARY KEY CHECK (length(trim(unit)) > 0) CHECK (length(unit) <= 100),
    parent    VARCHAR CHECK (parent IS NULL OR parent <> unit) CHECK (length(parent) <= 100),
    kind      VARCHAR CHECK (kind IN ('集团', '公司', '研究所', '党委', '党总支', '党支部', '其他')),
    batch_id  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS headcount (
    unit                   VARCHAR NOT NULL CHECK (length(unit) <= 100),
    year                   INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    party_members          INTEGER CHECK (party_members >= 0),
    participating_members  INTEGER CHECK (participating_members >= 0),
    branches               INTEGER CHECK (branches >= 0),
    employees              INTEGER CHECK (employees >= 0),
    titled_employees       INTEGER CHECK (titled_employees >= 0),
    batch_id               INTEGER NOT NULL,
    PRIMARY KEY (unit, year)
);
-- issue 16: 职称人数 added to stores made before it (DuckDB cannot add a CHECK; the parser keeps it >= 0).
-- History inserts name their columns, so the column's place in an older store does not matter.
ALTER TABLE headcount ADD COLUMN IF NOT EXISTS titled_employees INTEGER;

CREATE TABLE IF NOT EXISTS projects (
    project_id          VARCHAR PRIMARY KEY CHECK (length(trim(project_id)) > 0) CHECK (length(project_id) <= 100),
    name                VARCHAR NOT NULL CHECK (length(name) <= 100),
    unit                VARCHAR NOT NULL CHECK (length(unit) <= 100),
    branch              VARCHAR CHECK (length(branch) <= 100),
    program             VARCHAR CHECK (program IN ('党员创新工程', '双创', '书记项目', '三组联建', '创新工作室', 'QC课题')),
    category            VARCHAR CHECK (category IN ('科研生产', '安全质量', '精益管理', '党建', '其他')),
    leader              VARCHAR CHECK (length(leader) <= 100),
    year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    start_date          DATE,
    end_date            DATE,
    status              VARCHAR CHECK (status IN ('立项', '实施中', '已结题', '已终止')),
    party_participants  INTEGER CHECK (party_participants >= 0),
    participants        INTEGER CHECK (participants >= 0),
    batch_id            INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS outcomes (
    project_id    VARCHAR CHECK (length(project_id) <= 100),
    unit          VARCHAR CHECK (length(unit) <= 100),
    outcome_type  VARCHAR NOT NULL CHECK (outcome_type IN ('节创价值', '发明专利', '实用新型专利', '外观设计专利',
                    '软件著作权', '论文', '制度', '流程', '标准', '技术图纸', '研制总结', '试验报告', 'QC成果', '其他')),
    quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    value_wan     DOUBLE CHECK (value_wan >= 0),
    year          INTEGER CHECK (year BETWEEN 1949 AND 2100),
    date          DATE,
    note          VARCHAR NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    -- 'outcomes' for a row of an outcomes sheet, 'projects' for an outcome column of a projects sheet
    source        VARCHAR NOT NULL CHECK (source IN ('outcomes', 'projects')),
    batch_id      INTEGER NOT NULL,
    CHECK (project_id IS NOT NULL OR unit IS NOT NULL)
);

CREATE TABLE IF NOT EXISTS awards (
    project_id  VARCHAR NOT NULL CHECK (length(project_id) <= 100),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    award       VARCHAR NOT NULL CHECK (length(award) <= 2000),
    level       VARCHAR CHECK (level IN ('国家级', '省部级', '集团级', '公司级')),
    result      VARCHAR NOT NULL CHECK (result IN ('申报', '获奖')),
    batch_id    INTEGER NOT NULL,
    PRIMARY KEY (project_id, year, award)
);

CREATE TABLE IF NOT EXISTS studios (
    studio                VARCHAR NOT NULL CHECK (length(studio) <= 100),
    year                  INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    unit                  VARCHAR NOT NULL CHECK (length(unit) <= 100),
    leader                VARCHAR CHECK (length(leader) <= 100),
    level                 VARCHAR CHECK (length(level) <= 2000),
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

-- People (issue 16). person_key is the 工号 when given, else the 姓名: one person within a unit.
CREATE TABLE IF NOT EXISTS talent (
    employee_id         VARCHAR CHECK (length(employee_id) <= 100),
    person              VARCHAR NOT NULL CHECK (length(trim(person)) > 0) CHECK (length(person) <= 100),
    unit                VARCHAR NOT NULL CHECK (length(unit) <= 100),
    year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    pool                VARCHAR CHECK (pool IN ('后备人才', '雏鹰', '雄鹰', '金鹰')),
    mentor              VARCHAR CHECK (length(mentor) <= 100),
    professional_title  VARCHAR CHECK (length(professional_title) <= 2000),
    party_member        VARCHAR CHECK (party_member IN ('是', '否')),
    person_key          VARCHAR NOT NULL,
    batch_id            INTEGER NOT NULL,
    PRIMARY KEY (unit, person_key, year)
);

CREATE TABLE IF NOT EXISTS honours (
    person       VARCHAR NOT NULL CHECK (length(trim(person)) > 0) CHECK (length(person) <= 100),
    employee_id  VARCHAR CHECK (length(employee_id) <= 100),
    unit         VARCHAR NOT NULL CHECK (length(unit) <= 100),
    year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    title        VARCHAR NOT NULL CHECK (length(title) <= 2000),
    level        VARCHAR CHECK (level IN ('国家级', '省部级', '行业', '市级', '集团级', '公司级')),
    person_key   VARCHAR NOT NULL,
    batch_id     INTEGER NOT NULL,
    PRIMARY KEY (unit, person_key, year, title)
);

CREATE TABLE IF NOT EXISTS training (
    session        VARCHAR NOT NULL CHECK (length(trim(session)) > 0) CHECK (length(session) <= 2000),
    training_type  VARCHAR CHECK (length(training_type) <= 2000),
    unit           VARCHAR NOT NULL CHECK (length(unit) <= 100),
    date           DATE NOT NULL,
    attendees      INTEGER CHECK (attendees >= 0),
    hours          DOUBLE CHECK (hours >= 0),
    batch_id       INTEGER NOT NULL,
    PRIMARY KEY (session, unit, date)
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
ALTER TABLE headcount_history ADD COLUMN IF NOT EXISTS titled_employees INTEGER;
CREATE TABLE IF NOT EXISTS talent_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM talent LIMIT 0;
CREATE TABLE IF NOT EXISTS honours_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM honours LIMIT 0;
CREATE TABLE IF NOT EXISTS training_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM training LIMIT 0;

-- ---- issue 17: running the programme ------------------------------------------------------------------------
-- Quarterly progress checks (项目进展检查表): one row per project and quarter.
CREATE TABLE IF NOT EXISTS checks (
    project_id  VARCHAR NOT NULL CHECK (length(project_id) <= 100),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    progress    VARCHAR CHECK (progress IN ('正常', '滞后', '停滞', '已完成')),
    check_date  DATE,
    issue       VARCHAR CHECK (length(issue) <= 2000),
    action      VARCHAR CHECK (length(action) <= 2000),
    batch_id    INTEGER NOT NULL,
    PRIMARY KEY (project_id, year, quarter)
);

-- The four lists of a 书记项目 (目标/问题/整改/成果); an 整改 item may answer a 问题 item by its item_no.
CREATE TABLE IF NOT EXISTS secretary_lists (
    project_id  VARCHAR NOT NULL CHECK (length(project_id) <= 100),
    list        VARCHAR NOT NULL CHECK (list IN ('目标', '问题', '整改', '成果')),
    item_no     INTEGER NOT NULL CHECK (item_no >= 0),
    item        VARCHAR NOT NULL CHECK (length(item) <= 2000),
    owner       VARCHAR CHECK (length(owner) <= 100),
    due_date    DATE,
    done_date   DATE,
    answers     INTEGER CHECK (answers >= 0),
    batch_id    INTEGER NOT NULL,
    PRIMARY KEY (project_id, list, item_no)
);

-- Ideas handed in (我为企业献一策 and other schemes).
CREATE TABLE IF NOT EXISTS suggestions (
    suggestion_id  VARCHAR PRIMARY KEY CHECK (length(trim(suggestion_id)) > 0) CHECK (length(suggestion_id) <= 100),
    unit           VARCHAR NOT NULL CHECK (length(unit) <= 100),
    proposer       VARCHAR CHECK (length(proposer) <= 100),
    date           DATE,
    content        VARCHAR CHECK (length(content) <= 2000),
    status         VARCHAR CHECK (status IN ('已受理', '已采纳', '未采纳', '已办结')),
    done_date      DATE,
    value_wan      DOUBLE CHECK (value_wan >= 0),
    batch_id       INTEGER NOT NULL
);

-- Points given or taken away by hand (项目积分制), for a project or a unit. Its 事由 is adjustment_reason:
-- every history table has a column named reason (why a row left the current table).
CREATE TABLE IF NOT EXISTS point_adjustments (
    project_id  VARCHAR CHECK (length(project_id) <= 100),
    unit        VARCHAR CHECK (length(unit) <= 100),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    date        DATE,
    points      DOUBLE NOT NULL,
    adjustment_reason  VARCHAR CHECK (length(adjustment_reason) <= 2000),
    batch_id    INTEGER NOT NULL,
    CHECK (project_id IS NOT NULL OR unit IS NOT NULL)
);

CREATE TABLE IF NOT EXISTS checks_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM checks LIMIT 0;
CREATE TABLE IF NOT EXISTS secretary_lists_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM secretary_lists LIMIT 0;
CREATE TABLE IF NOT EXISTS suggestions_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM suggestions LIMIT 0;
CREATE TABLE IF NOT EXISTS point_adjustments_history AS
    SELECT *, NULL::INTEGER AS replaced_by, NULL::VARCHAR AS reason FROM point_adjustments LIMIT 0;

-- The points rule table (积分规则): what each fact earns. Edited by an admin; every version is kept in
-- point_rules_history with who changed it and when. Seeded with DATA_SPEC's default table on first use.
CREATE TABLE IF NOT EXISTS point_rules (
    rule        VARCHAR PRIMARY KEY,
    points      DOUBLE NOT NULL,
    changed_by  VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS point_rules_history (
    rule        VARCHAR NOT NULL,
    old_points  DOUBLE,
    new_points  DOUBLE NOT NULL,
    changed_by  VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);

-- Who may do what (analytics/store/accounts.py). A local account has an argon2 hash; a single-sign-on user may
-- have only an e-mail. Five failed sign-ins in a row set locked_until. session_version changes with the password
-- or the role, which ends every session signed before.
CREATE TABLE IF NOT EXISTS users (
    name             VARCHAR PRIMARY KEY CHECK (length(trim(name)) > 0),
    password_hash    VARCHAR,
    email            VARCHAR,
    role             VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    disabled         BOOLEAN NOT NULL DEFAULT false,
    failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     TIMESTAMP,
    session_version  INTEGER NOT NULL DEFAULT 1,
    created_at       TIMESTAMP NOT NULL
);

-- A user's unit scope: the subtrees below these units; none means the whole group.
CREATE TABLE IF NOT EXISTS user_units (
    name  VARCHAR NOT NULL,
    unit  VARCHAR NOT NULL,
    PRIMARY KEY (name, unit)
);

-- A user's HTTP API token (analytics/store/accounts.py issue_token): only its SHA-256 is kept, one per account.
CREATE TABLE IF NOT EXISTS api_tokens (
    name        VARCHAR PRIMARY KEY,
    token_hash  VARCHAR NOT NULL UNIQUE,
    issued_by   VARCHAR NOT NULL,
    issued_at   TIMESTAMP NOT NULL
);

-- Who did what, when, from where (analytics/store/audit.py). Only ever appended to.
CREATE SEQUENCE IF NOT EXISTS audit_id_seq START 1;
CREATE TABLE IF NOT EXISTS audit_log (
    audit_id   INTEGER PRIMARY KEY,
    happened_at  TIMESTAMP NOT NULL,
    actor      VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,
    target     VARCHAR NOT NULL DEFAULT '',
    outcome    VARCHAR NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    detail     VARCHAR NOT NULL DEFAULT '',
    file_hash  VARCHAR
);

-- Server settings kept with the data (the session-signing secret).
CREATE TABLE IF NOT EXISTS settings (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);

-- Roll-ups kept at commit and undo (rebuild_rollups.sql, in the same transaction), so a page joins the closure
-- with these instead of scanning every project, outcome and award. A fact sits where metrics count it: its owner
-- unit (a project's 党支部, else its unit), its own year (an outcome's, else its project's; an award's
-- declaration year), its project's programme and category. Each fact is in four grains, flagged by by_program and
-- by_category: by (owner unit, year) (neither; a query with no programme or category filter reads those, a
-- twentieth as many as the finest), by (owner unit, year, programme), by (owner unit, year, category) (a third as
-- many each; a programme or a category filter, or a split by one of them, reads those) and by all four (both).
CREATE TABLE IF NOT EXISTS fact_rollup (
    owner_unit                VARCHAR NOT NULL,
    year                      INTEGER NOT NULL,
    program                   VARCHAR,
    category                  VARCHAR,
    by_program                BOOLEAN NOT NULL,
    by_category               BOOLEAN NOT NULL,
    -- the owner unit is a 党支部 (for branch coverage without a join to units)
    branch_owner              BOOLEAN NOT NULL,
    projects                  BIGINT NOT NULL,
    projects_completed        BIGINT NOT NULL,
    projects_not_stopped      BIGINT NOT NULL,
    -- NULL when no 节创价值 outcome with a value lies in the cell (so "no savings" differs from 0 万元)
    savings_wan               DOUBLE,
    -- projects whose savings all lie in this row's year (project_savings_rollup.unit_rank > 0): additive over
    -- years, so with the multi-year projects counted apart it gives "projects with savings" without a scan
    single_year_savers        BIGINT NOT NULL,
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

-- Each project's valued savings per year they count in, ranked so the top projects of any selection are found
-- among a few rows per unit. A project whose savings lie in one year has, in any year range, either that
-- year's amount or nothing; so the top n of a selection are among the top n of each (owner unit, year) cell
-- (unit_rank) or, with a programme or category filter, of each (owner unit, year, programme, category) cell
-- (detail_rank). A project with savings in several years is always read (rank 0) and summed per project.
-- Ranks: largest savings first, ties by project id (the order the top-projects list uses).
CREATE TABLE IF NOT EXISTS project_savings_rollup (
    project_id    VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    owner_unit    VARCHAR NOT NULL,
    program       VARCHAR,
    category      VARCHAR,
    savings_wan   DOUBLE NOT NULL,
    unit_rank     BIGINT NOT NULL,
    detail_rank   BIGINT NOT NULL
);

-- The open projects (neither 已结题 nor 已终止) with an end date, counted per cell and end date: a selection's overdue
-- projects as of any date are those ending before it, found among these rows instead of every project.
CREATE TABLE IF NOT EXISTS open_project_rollup (
    owner_unit    VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    program       VARCHAR,
    category      VARCHAR,
    end_date      DATE NOT NULL,
    projects      BIGINT NOT NULL
);

-- Every year any fact lies in (a project's, an outcome's, a headcount, an award, a check, an adjustment, a
-- suggestion's): the years a filter offers and the date the data speaks for, without scanning the facts.
CREATE TABLE IF NOT EXISTS fact_years (
    year          INTEGER NOT NULL
);

-- Per headcount row: how deep (from the top of the tree) the deepest unit above it with a headcount row of the same
-- year lies; NULL when none. headcount_frontier keeps a row when that unit is outside the group (see macros.sql).
CREATE TABLE IF NOT EXISTS headcount_cover (
    unit           VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    covered_depth  INTEGER
);
