"""What `streamlit run asgi.py` (make run, make serve) serves: the dashboard (app.py) and, on the same Starlette
server, the HTTP API (analytics/api.py)."""

import streamlit as st

from analytics import api

app = st.App("app.py", routes=api.routes())
