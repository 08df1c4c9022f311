"""Exports of a situation beyond the Markdown brief: HXL CSV, GeoJSON, HTML and PDF.

Every file an export writes goes through :func:`sitrep.exports.write.write_output`,
which refuses to write over the situation file or its outline.
"""
