"""Translation table section: upload, validation and batch messages."""

TEXT: dict[str, dict[str, str]] = {}
