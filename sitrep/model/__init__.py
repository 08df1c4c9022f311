"""The situation model: pure pydantic models and what is derived from them. Imports no I/O."""
