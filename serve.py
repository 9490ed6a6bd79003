"""The server: `streamlit run serve.py` (what `make run` does) serves app.py through st.App with the sign-in routes
and security headers of ui/auth.py; a plain `streamlit run app.py` serves it read-only for accounts."""

import streamlit as st

from ui import auth

app = st.App("app.py", routes=auth.routes(), middleware=auth.middleware())
