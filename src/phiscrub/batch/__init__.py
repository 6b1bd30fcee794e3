"""Batch scrubbing of files and folders (CLI `phiscrub scrub`)."""
