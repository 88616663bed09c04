"""coursekit: read, check and render the course's structured content.

Pure Python with no MkDocs import: `hooks/course.py` adapts it to MkDocs, and
`python -m coursekit docs/` runs the same checks without a build.
"""
