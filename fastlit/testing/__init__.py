"""Testing helpers for Fastlit apps."""
