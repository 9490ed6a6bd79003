"""Page renderers: each module's render() reads the shared filters, calls analytics and draws; nothing more."""
