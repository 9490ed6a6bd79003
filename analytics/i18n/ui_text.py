"""Translation table section: dashboard pages, metrics and the command line."""

TEXT: dict[str, dict[str, str]] = {}
