"""Translation table section: upload, validation and batch messages."""

TEXT: dict[str, dict[str, str]] = {
    # Where a problem is: Problem.message puts one of these before the reason.
    "loc_file": {"zh": "文件「{sheet}」：", "en": "file {sheet}: "},
    "loc_sheet": {"zh": "工作表「{sheet}」：", "en": "sheet {sheet}: "},
    "loc_column": {"zh": "工作表「{sheet}」「{column}」列：", "en": "sheet {sheet}, column {column}: "},
    "loc_row": {"zh": "工作表「{sheet}」第{row}行：", "en": "sheet {sheet}, row {row}: "},
    "loc_cell": {
        "zh": "工作表「{sheet}」第{row}行「{column}」列：",
        "en": "sheet {sheet}, row {row}, column {column}: ",
    },
    "loc_in_row": {"zh": "「{column}」列：", "en": "column {column}: "},
    # The whole file.
    "file_empty": {"zh": "文件是空的", "en": "the file is empty"},
    "file_too_big": {
        "zh": "文件太大（{size_mb} MB），上限为 {limit_mb} MB",
        "en": "the file is too big ({size_mb} MB); the limit is {limit_mb} MB",
    },
    "not_spreadsheet": {
        "zh": "不是电子表格（{ext}）：请上传 .xlsx、.xls 或 .csv 文件",
        "en": "not a spreadsheet ({ext}): upload an .xlsx, .xls or .csv file",
    },
    "file_corrupt": {
        "zh": "文件已损坏或不完整，无法读取：请在 Excel 中打开、另存为 .xlsx 后重新上传",
        "en": "the file is damaged or incomplete and cannot be read: open it in Excel, save it as .xlsx and upload again",
    },
    "file_password": {
        "zh": "工作簿设置了打开密码：请在 Excel 中取消密码后重新上传",
        "en": "the workbook is password-protected: remove the password in Excel and upload again",
    },
    "zip_bomb": {
        "zh": "文件解压后过大或压缩比异常（{detail}），已拒绝读取",
        "en": "the file would inflate to an unsafe size or ratio ({detail}) and was refused",
    },
    "inflated_too_big": {
        "zh": "文件解压后有 {size_mb} MB，超过可读取的 {limit_mb} MB，已拒绝读取：请拆分成较小的文件后上传",
        "en": "the file inflates to {size_mb} MB, more than the {limit_mb} MB that can be read, and was refused: "
        "split it into smaller files and upload again",
    },
    "csv_encoding": {
        "zh": "无法识别 CSV 文件的编码（支持 UTF-8、GBK/GB18030 和 Big5）：请在 Excel 中另存为「CSV UTF-8」后重新上传",
        "en": "cannot decode the CSV file (UTF-8, GBK/GB18030 and Big5 are supported): save it as 'CSV UTF-8' and "
        "upload again",
    },
    "csv_encoding_ambiguous": {
        "zh": "无法确定 CSV 文件的编码：按 {encodings} 读出的内容不同，且都说得通。请指明文件的编码"
        "（上传页选择「CSV 编码」，命令行加 --encoding gb18030 或 --encoding big5）",
        "en": "cannot tell the CSV file's encoding: read as {encodings} it gives different text, and each makes sense. "
        "Say which it is (the upload page's 'CSV encoding', or --encoding gb18030 / --encoding big5 on the command "
        "line)",
    },
    "csv_encoding_chosen": {
        "zh": "按所选编码 {encoding} 无法读取此 CSV 文件：请选择其他编码",
        "en": "the CSV file cannot be read as {encoding}, the encoding chosen: choose another",
    },
    "workbook_empty": {"zh": "文件中没有任何数据", "en": "the file holds no data"},
    "parse_timeout": {
        "zh": "读取文件超过 {seconds} 秒仍未完成，已停止：请拆分成较小的文件后上传",
        "en": "reading the file took longer than {seconds} s and was stopped: split it into smaller files",
    },
    "parse_out_of_memory": {
        "zh": "读取文件所需内存超过 {memory_mb} MB，已停止：请拆分成较小的文件后上传",
        "en": "reading the file needed more than {memory_mb} MB of memory and was stopped: split it into smaller files",
    },
    "parse_crashed": {
        "zh": "读取文件时出错，已停止（{detail}）",
        "en": "reading the file failed ({detail})",
    },
    # A whole sheet.
    "no_header": {
        "zh": "前 {rows} 行中找不到可识别的表头（例如 项目编号、项目名称、单位）：请检查表头，或手动指定各列",
        "en": "no recognisable header row in the first {rows} rows (such as 项目编号, 项目名称, 单位): "
        "check the headers or map the columns by hand",
    },
    "missing_column": {
        "zh": "缺少必填列，本表未读取（{kind}表需要：{required}）",
        "en": "required column missing, sheet not read ({kind} sheets need: {required})",
    },
    "duplicate_column": {
        "zh": "与「{first}」列是同一列（{target}），本列已忽略",
        "en": "same column as {first} ({target}); this one is ignored",
    },
    "missing_year_columns": {
        "zh": "缺少「年度」或「立项日期」列（至少需要一个），本表未读取",
        "en": "needs a 年度 (year) or 立项日期 (start date) column; sheet not read",
    },
    "missing_owner_columns": {
        "zh": "缺少「项目编号」或「单位」列（至少需要一个），本表未读取",
        "en": "needs a 项目编号 (project id) or 单位 (unit) column; sheet not read",
    },
    # One cell or row.
    "required_empty": {"zh": "必填，不能为空", "en": "is required but empty"},
    "not_number": {"zh": "'{value}' 不是数字", "en": "'{value}' is not a number"},
    "not_integer": {"zh": "'{value}' 不是整数", "en": "'{value}' is not a whole number"},
    "negative": {"zh": "'{value}' 是负数，应不小于 0", "en": "'{value}' is negative; it must be 0 or more"},
    "bad_date": {
        "zh": "'{value}' 不是可识别的日期（可写作 2023-05-01、2023/5/1、2023年5月1日 或 2023.5）",
        "en": "'{value}' is not a date (write 2023-05-01, 2023/5/1, 2023年5月1日 or 2023.5)",
    },
    "bad_year": {
        "zh": "'{value}' 不是年份（可写作 2023 或 2023年）",
        "en": "'{value}' is not a year (write 2023 or 2023年)",
    },
    "year_out_of_range": {
        "zh": "'{value}' 不在允许的年份范围内（{low}–{high}）",
        "en": "'{value}' is outside the allowed years ({low}–{high})",
    },
    "too_long": {
        "zh": "'{value}' 过长：最多 {max} 个字符",
        "en": "'{value}' is too long: at most {max} characters",
    },
    "not_choice": {
        "zh": "'{value}' 不是允许的值，可选：{allowed}",
        "en": "'{value}' is not an allowed value; choose one of: {allowed}",
    },
    "duplicate_key": {
        "zh": "'{value}' 与第{first_row}行重复",
        "en": "'{value}' duplicates row {first_row}",
    },
    "formula_no_value": {
        "zh": "公式没有保存计算结果：请在 Excel 中打开并保存后重新上传",
        "en": "formula saved without its value: open and save the file in Excel, then upload again",
    },
    "year_or_start_missing": {
        "zh": "「年度」和「立项日期」至少填一个",
        "en": "fill in 年度 (year) or 立项日期 (start date)",
    },
    "outcome_owner_missing": {
        "zh": "「项目编号」和「单位」至少填一个",
        "en": "fill in 项目编号 (project id) or 单位 (unit)",
    },
    # The error workbook.
    "error_column": {"zh": "错误原因", "en": "Problems"},
    "error_summary_sheet": {"zh": "问题汇总", "en": "Summary"},
    # The upload template's notes and validation messages.
    "template.required": {"zh": "必填。", "en": "Required. "},
    "template.choices": {"zh": "从下拉列表选择：{}", "en": "Choose from the list: {}"},
    "template.one_of": {
        "zh": "项目编号与单位至少填一项。",
        "en": "Fill in the project ID or the unit (at least one). ",
    },
    "template.example": {
        "zh": "示例行：请替换或删除后再上传。",
        "en": "Example row: replace or delete it before uploading.",
    },
    "template.bad_choice": {"zh": "请从下拉列表中选择。", "en": "Please choose a value from the list."},
    "template.bad_number": {"zh": "请输入不小于 0 的数字。", "en": "Please enter a number of 0 or more."},
    "template.bad_year": {"zh": "请输入 {}–{} 之间的年份。", "en": "Please enter a year between {} and {}."},
    "template.too_long": {"zh": "名称最多 {} 个字符。", "en": "A name has at most {} characters."},
    "template.quarter": {
        "zh": "填 1–4、一季度…四季度、Q1…Q4 或 2024Q3。",
        "en": "Write 1–4, 一季度…四季度, Q1…Q4 or 2024Q3. ",
    },
    "template.title": {"zh": "创新成效看板 上传模板", "en": "Innovation dashboard upload template"},
}
