"""AppTestError: an interaction a test asked for that a browser user could not perform."""

from __future__ import annotations


class AppTestError(Exception):
    """Raised by AppTest for an invalid query or interaction (as Streamlit's), such as
    setting the value of a disabled widget."""
