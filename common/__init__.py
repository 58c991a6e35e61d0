"""Building blocks that are no domain: the one HTML sanitiser for Markdown, a cache that survives a Redis
outage, form fields that refuse out-of-range ids, CSV cells safe from formula injection, the facets of a
filtered list.

The bottom layer: it imports no app of the portal (tests/common/test_bottom_layer.py holds it), every app may use it.
"""
