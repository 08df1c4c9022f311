"""Figures as numbers: the source's wording and uncertainty kept, the words people
count in, and honest sums. Pure: imports nothing else of the model.
"""
