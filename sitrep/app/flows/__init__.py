"""What the user goes through to save, quit, recover and edit: linear flows, one per module."""
