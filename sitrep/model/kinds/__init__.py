"""The kinds of entry, one module each: parties and sources, places and their control
history, evacuations, figure entries, notes. `model.entries` gathers them.
"""
