"""Item pipelines: deduplication and file writing."""
