"""The demo group: a deterministic generator of believable ledgers (a tool, not product code)."""
