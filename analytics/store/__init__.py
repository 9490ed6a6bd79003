"""The store: one DuckDB file, its schema, the unit tree, and batches written and undone as a whole."""
