"""The data contract: sheet kinds, their columns, bounds and allowed values, and the metric definitions."""
