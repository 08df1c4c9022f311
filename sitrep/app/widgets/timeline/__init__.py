"""The Timeline pane: control over time as a chart, and every change of control by date."""
