"""What is derived from the entries and never stored: who holds what at any date,
the headline figures, the situation on a date, how fresh each entry is.
"""
