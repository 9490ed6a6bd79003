"""Translation table section: presenter mode and exports (deck, workbook, images, PDF)."""

TEXT: dict[str, dict[str, str]] = {}
