"""Pieces several widget plugins share: Streamlit's parameter checks and errors."""
