"""AppTest's entry: runs app.py from a folder with no pages/ beside it.

AppTest re-detects a pages/ folder on every run and then starts in Streamlit's legacy multipage mode, which a
real server does only once (covered by the browser test); running app.py from here keeps each AppTest run honest.
"""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # as `streamlit run app.py` puts the app's folder first
runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
