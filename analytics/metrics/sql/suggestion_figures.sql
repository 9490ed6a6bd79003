-- Suggestions per group (and per month of 日期 when $by_month): collected, adopted (已采纳 + 已办结), done (已办结),
-- the median days from 日期 to 办结日期 of those done, and the value (万元) of the adopted ones. A suggestion
-- counts in the year of its 日期; one without a 日期 only when no year is chosen.
SELECT
    g.group_key AS unit,
    CASE WHEN $by_month THEN strftime(s.date, '%Y-%m') END AS month,
    count(*) AS collected,
    count(*) FILTER (WHERE list_contains($adopted::VARCHAR[], s.status)) AS adopted,
    count(*) FILTER (WHERE s.status = $done) AS done,
    median(date_diff('day', s.date, s.done_date)) FILTER (WHERE s.status = $done) AS median_days_to_done,
    coalesce(sum(s.value_wan) FILTER (WHERE list_contains($adopted::VARCHAR[], s.status)), 0) AS value_wan
FROM suggestions AS s
JOIN unit_groups($group_keys, $group_roots) AS g ON g.unit = s.unit
WHERE ($year_from IS NULL OR year(s.date) >= $year_from)
  AND ($year_to IS NULL OR year(s.date) <= $year_to)
GROUP BY ALL
ORDER BY 1, 2
