"""Small modal questions a flow asks: yes or no, quit, which choice, which file."""
