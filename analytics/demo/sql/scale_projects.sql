-- $n synthetic projects over $years years ending in $last_year, spread by hash over the 党支部 (one in twenty
-- belongs to a 党委 directly and names no branch). Every choice is draw(hash(i), $seed, salt), so a seed gives the
-- same store on every run. Params: $n, $seed, $batch, $last_year, $years, $programs, $categories.
WITH branches AS (
    SELECT row_number() OVER (ORDER BY b.unit) - 1 AS b, b.unit AS branch, m.unit AS committee, m.parent AS company
    FROM units AS b
    JOIN units AS m ON m.unit = b.parent
    WHERE b.kind = '党支部'
),

drawn AS (
    SELECT
        i,
        (draw(hash(i), $seed, 'branch') % (SELECT count(*) FROM branches))::BIGINT AS b,
        $last_year - $years + 1 + (draw(hash(i), $seed, 'year') % $years)::INTEGER AS year,
        (draw(hash(i), $seed, 'program') % len($programs::VARCHAR[]) + 1)::BIGINT AS program_at,
        (draw(hash(i), $seed, 'category') % len($categories::VARCHAR[]) + 1)::BIGINT AS category_at,
        (draw(hash(i), $seed, 'status') % 100)::INTEGER AS status_roll,
        (draw(hash(i), $seed, 'date') % 336)::INTEGER AS day_of_year,
        (draw(hash(i), $seed, 'length') % 540)::INTEGER AS length_days,
        (draw(hash(i), $seed, 'people') % 15)::INTEGER AS people,
        draw(hash(i), $seed, 'own') % 20 = 0 AS no_branch
    FROM range($n) AS t(i)
)

SELECT
    printf('S%08d', d.i + 1) AS project_id,
    printf('%s%s改进项目%d', list_extract($categories::VARCHAR[], d.category_at),
           list_extract($programs::VARCHAR[], d.program_at), d.i + 1) AS name,
    CASE WHEN d.no_branch THEN br.committee ELSE br.company END AS unit,
    CASE WHEN d.no_branch THEN NULL ELSE br.branch END AS branch,
    list_extract($programs::VARCHAR[], d.program_at) AS program,
    list_extract($categories::VARCHAR[], d.category_at) AS category,
    printf('负责人%05d', draw(hash(d.i), $seed, 'leader') % 50000) AS leader,
    d.year,
    make_date(d.year, 1, 1) + d.day_of_year::INTEGER AS start_date,
    make_date(d.year, 1, 1) + (d.day_of_year + 120 + d.length_days)::INTEGER AS end_date,
    CASE
        WHEN d.status_roll < 5 THEN '已终止'
        WHEN d.year <= $last_year - 2 OR d.status_roll < 45 THEN '已结题'
        WHEN d.status_roll < 60 THEN '立项'
        ELSE '实施中'
    END AS status,
    (2 + d.people // 2)::INTEGER AS party_participants,
    (3 + d.people)::INTEGER AS participants,
    $batch AS batch_id
FROM drawn AS d
JOIN branches AS br ON br.b = d.b
