"""Relevance benchmark: a judged query set (queries.yaml) and nDCG@5 / precision@5 of the public search.

The metric and judging functions live in metrics.py and judge.py (plain Python, no Django); __main__.py
loads the demo region, runs every query through the search page's own path and reports. See README.md.
"""
