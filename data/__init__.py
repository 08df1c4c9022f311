"""Bundled data: the sample situation and the country outline for its map."""
