"""Translation table section: checks across an upload's files and the store, batches and undo."""

TEXT: dict[str, dict[str, str]] = {
    "kind.units": {"zh": "单位", "en": "units"},
    "kind.headcount": {"zh": "党员人数", "en": "headcount"},
    "kind.projects": {"zh": "项目", "en": "projects"},
    "kind.outcomes": {"zh": "成果", "en": "outcomes"},
    "kind.awards": {"zh": "获奖", "en": "awards"},
    "kind.studios": {"zh": "创新工作室", "en": "studios"},
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
    "upload.refused": {
        "zh": "有{count}个问题，未写入任何数据。改正后重新上传，或选择只载入有效行。",
        "en": "{count} problems: nothing was written. Fix them and upload again, or choose to load only the valid rows.",
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
    "batches.none": {"zh": "还没有上传记录。", "en": "No uploads yet."},
    "batches.columns": {
        "zh": "批次,文件,内容指纹,上传人,上传时间,新增,更新,撤销时间,撤销人",
        "en": "Batch,File,Content hash,By,At,Added,Updated,Undone at,Undone by",
    },
}
