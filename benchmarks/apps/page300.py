"""One slider at the top and 300 other elements; exactly one of them depends on the slider.

The dependent text ("Slider value: N") is element 150 of 300, in the middle of the page.
Everything else is identical on every rerun. The framework comes from BENCH_FRAMEWORK.
"""

import importlib
import os

st = importlib.import_module(os.environ.get("BENCH_FRAMEWORK", "streamlit"))

value = st.slider("Value", 0, 100, 50)

for i in range(1, 301):
    if i == 150:
        st.markdown(f"Slider value: {value}")
    elif i % 25 == 1:
        st.header(f"Section {i // 25 + 1}")
    elif i % 25 == 13:
        st.subheader(f"Part {i // 25 + 1}.2")
    elif i % 5 == 0:
        st.caption(f"Caption {i}: a short note under the paragraph above.")
    elif i % 7 == 0:
        st.text(f"Plain text {i}: fixed-width content, not parsed as markdown.")
    else:
        st.markdown(
            f"Paragraph {i} of the report. Some **bold** and *italic* text, an inline "
            f"`code span` and a [link](https://example.com/{i}) keep the renderer honest."
        )
