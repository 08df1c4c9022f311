"""The brief's drawings as standalone SVG: the map and control over time."""
