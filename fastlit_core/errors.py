"""Exceptions an app can observe, named as Streamlit names them, and the run-control signals."""

from __future__ import annotations


class StreamlitAPIException(Exception):
    """Base class of the errors Streamlit raises for API misuse (same name, for ported apps)."""


class StreamlitDuplicateElementId(StreamlitAPIException):
    pass


class StreamlitDuplicateElementKey(StreamlitAPIException):
    pass


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    pass


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    pass


class StreamlitAPIWarning(Warning):
    pass


class FastlitUnsupportedWarning(UserWarning):
    """A Streamlit parameter Fastlit accepts but does not implement yet."""


# Control flow: BaseException so `except Exception` in user code does not swallow them.


class ScriptControlException(BaseException):
    pass


class StopException(ScriptControlException):
    """st.stop(): end this run now; what was drawn so far stays."""


class RerunException(ScriptControlException):
    """st.rerun() or a newer widget change: start the run again."""


class RunTimeoutException(ScriptControlException):
    """The run exceeded its time limit and was stopped at an st.* call."""
