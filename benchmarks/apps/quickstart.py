"""The Quick Start app, unchanged; the framework comes from BENCH_FRAMEWORK (default streamlit)."""

import importlib
import os

st = importlib.import_module(os.environ.get("BENCH_FRAMEWORK", "streamlit"))

st.title("My First Fastlit App")

name = st.text_input("What's your name?", placeholder="Enter your name...")
st.write(f"Hello, {name}!")

n = st.slider("Pick a number", 1, 100, 50)
st.write(f"You selected: {n}")

if st.button("Click me!"):
    st.balloons()
    st.success("Button clicked!")
