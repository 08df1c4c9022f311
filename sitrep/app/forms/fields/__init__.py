"""The forms' field widgets: the base field, inputs of every kind, pickers of other
entries, histories, and the widget made for each field spec.
"""
