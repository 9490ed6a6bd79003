"""What `streamlit run asgi.py` (make run, make serve) serves: the dashboard (app.py) and, on the same Starlette
server, the HTTP API (analytics/api.py), the sign-in routes and the security headers (ui/auth.py)."""

import streamlit as st

from analytics import api
from ui import auth

app = st.App("app.py", routes=[*api.routes(), *auth.routes()], middleware=auth.middleware())
