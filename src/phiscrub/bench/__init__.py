"""Synthetic PHI corpora, evaluation, and the `phiscrub bench` command."""
