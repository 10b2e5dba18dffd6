"""A button at the top and 300 other elements; one text counts the clicks.

A variant of page300 that needs only st.button, headings and markdown, so it also runs on a
framework that has no slider yet. The framework comes from BENCH_FRAMEWORK.
"""

import importlib
import os

st = importlib.import_module(os.environ.get("BENCH_FRAMEWORK", "streamlit"))

if "clicks" not in st.session_state:
    st.session_state["clicks"] = 0
if st.button("Next"):
    st.session_state["clicks"] += 1
clicks = st.session_state["clicks"]

for i in range(1, 301):
    if i == 150:
        st.markdown(f"Clicks: {clicks}")
    elif i % 25 == 1:
        st.header(f"Section {i // 25 + 1}")
    elif i % 25 == 13:
        st.subheader(f"Part {i // 25 + 1}.2")
    elif i % 5 == 0:
        st.caption(f"Caption {i}: a short note under the paragraph above.")
    else:
        st.markdown(
            f"Paragraph {i} of the report. Some **bold** and *italic* text, an inline "
            f"`code span` and a [link](https://example.com/{i}) keep the renderer honest."
        )
