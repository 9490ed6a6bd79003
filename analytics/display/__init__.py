"""Wording with no Streamlit: figures formatted for people, takeaways, the KPI band, labels of vocabulary values."""
