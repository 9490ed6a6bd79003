"""Translation table section: checks across an upload's files and the store, batches and undo."""

TEXT: dict[str, dict[str, str]] = {
    "kind.units": {"zh": "单位", "en": "units"},
    "kind.headcount": {"zh": "党员人数", "en": "headcount"},
    "kind.projects": {"zh": "项目", "en": "projects"},
    "kind.outcomes": {"zh": "成果", "en": "outcomes"},
    "kind.awards": {"zh": "获奖", "en": "awards"},
    "kind.studios": {"zh": "创新工作室", "en": "studios"},
    "kind.talent": {"zh": "人才", "en": "talent"},
    "kind.honours": {"zh": "荣誉", "en": "honours"},
    "kind.training": {"zh": "培训", "en": "training"},
    "upload.sheet_line": {
        "zh": "{file} › {sheet}（{kind}）：读取{read}行，拒绝{rejected}行",
        "en": "{file} › {sheet} ({kind}): {read} rows read, {rejected} rejected",
    },
    "upload.table_line": {
        "zh": "{kind}：新增{added}条，更新{updated}条，未变{unchanged}条",
        "en": "{kind}: {added} to add, {updated} to update, {unchanged} unchanged",
    },
    "upload.new_units": {
        "zh": "新单位（树中尚无，将放在顶层，除非指定上级）：{units}",
        "en": "New units (not yet in the tree; placed at the top level unless a parent is chosen): {units}",
    },
    "upload.unknown_header": {
        "zh": "{file}：未识别的列「{header}」，请手动对应或忽略",
        "en": "{file}: unrecognised column '{header}': map it by hand or ignore it",
    },
    "upload.unknown_headers_many": {
        "zh": "{file}：有{count}个未识别的列（如 {first} …），请检查表头是否在前 30 行内、是否选对了文件",
        "en": "{file}: {count} unrecognised columns (such as {first} …); check that the header row is within the "
        "first 30 rows and that this is the right file",
    },
    "upload.already_loaded": {
        "zh": "{file} 的内容已在批次 {batches} 中载入过，再次载入前请确认",
        "en": "{file} has the same content as batch {batches}, already loaded: make sure before loading it again",
    },
    "upload.again_needed": {
        "zh": "未载入：内容与已载入的批次相同。确需再次载入请加 --again。",
        "en": "Not loaded: the same content was loaded before. Add --again to load it anyway.",
    },
    "upload.nothing_new": {
        "zh": "没有新增或更新的记录，未建立批次。",
        "en": "Nothing to add or update; no batch was made.",
    },
    "upload.duplicate_across": {
        "zh": "与 {other} 重复（同一次上传中同一记录出现两次）",
        "en": "duplicates {other} (the same record twice in one upload)",
    },
    "upload.unknown_project": {
        "zh": "项目编号在本次上传和已有数据中都不存在",
        "en": "no project with this number, neither in this upload nor in the store",
    },
    "upload.unit_own_parent": {
        "zh": "单位的上级单位不能是它自己",
        "en": "a unit cannot be its own parent",
    },
    "upload.unit_cycle": {
        "zh": "上级单位形成循环（{cycle}），单位树中不能有环",
        "en": "the parent units go round in a circle ({cycle}); the unit tree cannot have a cycle",
    },
    "upload.branch_elsewhere": {
        "zh": "党支部「{value}」在单位树中属于「{parent}」，不在本行单位「{unit}」之下：同一支部不能挂在两个上级下",
        "en": "party branch '{value}' sits under '{parent}' in the unit tree, not under this row's unit '{unit}': "
        "one branch cannot have two parents",
    },
    "upload.tree_blocked": {
        "zh": "单位树有错误（见上），整次上传都不能载入，也不能只载入有效行。",
        "en": "The unit tree has errors (see above): nothing in this upload can be loaded, not even the valid rows.",
    },
    "upload.refused": {
        "zh": "有{count}个问题，未写入任何数据。改正后重新上传，或选择只载入有效行。",
        "en": "{count} problems: nothing was written. Fix them and upload again, or choose to load only the valid rows.",
        "en_one": "{count} problem: nothing was written. Fix it and upload again, or choose to load only the valid rows.",
    },
    "upload.loaded": {
        "zh": "已载入为批次 #{batch}：新增{added}条，更新{updated}条。",
        "en": "Loaded as batch #{batch}: {added} added, {updated} updated.",
    },
    "upload.unreadable": {
        "zh": "文件无法读取，未写入任何数据。",
        "en": "A file could not be read; nothing was written.",
    },
    "undo_unknown_batch": {"zh": "没有批次 #{batch}。", "en": "There is no batch #{batch}."},
    "undo_already_undone": {"zh": "批次 #{batch} 已撤销。", "en": "Batch #{batch} was already undone."},
    "undo_later_batches": {
        "zh": "批次 #{batch} 的部分记录已被后来的批次 {later} 更新：请先撤销这些批次。",
        "en": "Later batches {later} updated records of batch #{batch}: undo them first.",
    },
    "undo_orphans": {
        "zh": "撤销批次 #{batch} 会使其他批次的数据失去所属单位或项目（{refs}）：请先撤销那些批次。",
        "en": "Undoing batch #{batch} would leave other batches' facts without their unit or project ({refs}): "
        "undo those first.",
    },
    "undo.done": {
        "zh": "已撤销批次 #{batch}，数据已恢复到该批次之前。",
        "en": "Batch #{batch} undone: the data is as it was before it.",
    },
    "integrity_orphans": {
        "zh": "数据引用了不存在的单位或项目（{refs}），未写入。",
        "en": "Facts refer to units or projects that do not exist ({refs}); nothing was written.",
    },
    "upload.intro": {
        "zh": "上传现有台账（.xlsx、.xls、.csv，中文表头均可）。写入前先预览：新增、更新、拒绝各多少行，问题逐条列出。",
        "en": "Upload the ledgers you keep (.xlsx, .xls, .csv; Chinese headers welcome). Nothing is written before "
        "the dry run shows what will be added, updated and rejected.",
    },
    "upload.template": {"zh": "下载上传模板", "en": "Download the upload template"},
    "upload.template_file": {"zh": "创新成效台账模板.xlsx", "en": "innovation-ledger-template.xlsx"},
    "upload.files": {"zh": "选择文件（可多选）", "en": "Choose files (several allowed)"},
    "upload.too_big": {
        "zh": "文件过大，未读取：{files}（上限 {limit} MB）。",
        "en": "Too large, not read: {files} (limit {limit} MB).",
    },
    "upload.parsing": {"zh": "正在读取和校验…", "en": "Reading and checking…"},
    "upload.unknown_headers": {"zh": "未识别的列", "en": "Unrecognised columns"},
    "upload.map_header": {"zh": "{file} › {sheet}：「{header}」对应", "en": "{file} › {sheet}: '{header}' is"},
    "upload.csv_encoding": {"zh": "CSV 编码", "en": "CSV encoding"},
    "upload.csv_encoding_auto": {"zh": "自动判断", "en": "Decide from the content"},
    "upload.map_undecided": {"zh": "请选择对应的列或忽略", "en": "Choose a column or ignore"},
    "upload.ignore_all": {
        "zh": "忽略全部{count}个未识别的列（仅本次）并重新读取",
        "en": "Ignore all {count} unrecognised columns (this upload only) and read again",
    },
    "upload.commit_failed": {
        "zh": "载入失败，未写入任何数据。请稍后重试；若仍失败，请联系维护人员（详情已记入服务器日志）。",
        "en": "Loading failed; nothing was written. Try again later; if it fails again, contact the maintainers "
        "(the details are in the server log).",
    },
    "upload.ignore_column": {"zh": "（忽略此列）", "en": "(ignore this column)"},
    "upload.remember_mappings": {"zh": "记住这些对应，下次自动使用", "en": "Remember these for next time"},
    "upload.apply_mappings": {"zh": "按所选对应重新读取", "en": "Read again with these mappings"},
    "upload.new_units_title": {"zh": "新单位", "en": "New units"},
    "upload.new_unit_parent": {"zh": "「{unit}」的上级单位", "en": "Parent of '{unit}'"},
    "upload.top_level": {"zh": "（顶层）", "en": "(top level)"},
    "upload.dry_run": {"zh": "预览（尚未写入）", "en": "Dry run (nothing written yet)"},
    "upload.col.file": {"zh": "文件", "en": "File"},
    "upload.col.sheet": {"zh": "工作表", "en": "Sheet"},
    "upload.col.kind": {"zh": "类型", "en": "Kind"},
    "upload.col.rows_read": {"zh": "读取行数", "en": "Rows read"},
    "upload.col.rows_added": {"zh": "将新增", "en": "To add"},
    "upload.col.rows_updated": {"zh": "将更新", "en": "To update"},
    "upload.col.rows_unchanged": {"zh": "未变", "en": "Unchanged"},
    "upload.col.rows_rejected": {"zh": "拒绝", "en": "Rejected"},
    "upload.col.row": {"zh": "行号", "en": "Row"},
    "upload.col.column": {"zh": "列", "en": "Column"},
    "upload.col.value": {"zh": "值", "en": "Value"},
    "upload.col.reason": {"zh": "原因", "en": "Reason"},
    "upload.problems_found": {
        "zh": "发现{count}个问题。默认不写入任何数据；可下载标注了问题单元格的错误清单。",
        "en": "{count} problems found. By default nothing is written; download the error workbook with the bad "
        "cells marked.",
        "en_one": "{count} problem found. By default nothing is written; download the error workbook with the bad "
        "cell marked.",
    },
    "upload.error_workbook": {"zh": "下载错误清单：{file}", "en": "Download the error workbook: {file}"},
    "upload.preview": {"zh": "{kind}：有效行预览（共{rows}行）", "en": "{kind}: valid rows ({rows})"},
    "upload.valid_only": {
        "zh": "只载入有效行（被拒绝的行不写入）",
        "en": "Load only the valid rows (rejected rows are skipped)",
    },
    "upload.load_again": {"zh": "我确认要再次载入相同内容", "en": "Yes, load the same content again"},
    "upload.commit": {"zh": "确认载入", "en": "Load"},
    "batches.choose": {"zh": "选择要撤销的批次", "en": "Batch to undo"},
    "batches.confirm": {
        "zh": "确认撤销批次 #{batch}：数据恢复到该批次之前（撤下的记录仍保留在历史中）",
        "en": "Undo batch #{batch}: the data returns to how it was before it (removed rows stay in history)",
    },
    "batches.undo": {"zh": "撤销", "en": "Undo"},
    "batches.none": {"zh": "还没有上传记录。", "en": "No uploads yet."},
    "batches.columns": {
        "zh": "批次,文件,内容指纹,上传人,上传时间,新增,更新,撤销时间,撤销人",
        "en": "Batch,File,Content hash,By,At,Added,Updated,Undone at,Undone by",
    },
}
