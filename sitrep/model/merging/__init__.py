"""The three-way merge of situations (what git asks of a merge driver, no file I/O),
the repairs after it, and resolving the conflicts it leaves in the file.
"""
