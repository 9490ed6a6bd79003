"""Chart builders: pure functions from metric frames to plotly figures, one module per subject, one chart per view."""
