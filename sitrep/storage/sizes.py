"""Warning before a growing situation file passes what sitrep can open. No Textual."""

from __future__ import annotations

from sitrep.yaml.block.fast import without_gc


@without_gc
def size_warning(text: str) -> str | None:
    """A warning when canonical text is over 90% of a limit the loader enforces.

    The file stays loadable. Which value budget applies depends on the reader:
    the fast one (yamlfast.MAX_FAST_VALUES) for the plain block style, libyaml's
    (yamlnodes.MAX_NODES) for anything it declines, so a text that may be over
    libyaml's is read once by the fast reader to tell (about 0.4 s at 100,000 places).
    """
    from sitrep.yaml.block.fast import MAX_FAST_VALUES, Declined, read_plain, value_bound
    from sitrep.yaml.io import MAX_FILE_BYTES
    from sitrep.yaml.nodes import MAX_NODES, NodeError, check_node_budget

    near = 0.9
    if len(text) > near * MAX_FILE_BYTES:  # characters, a lower bound on bytes
        return f"the file is near the {MAX_FILE_BYTES // 2**20} MiB sitrep can open: split it"
    if value_bound(text) <= near * min(MAX_NODES, MAX_FAST_VALUES):
        return None  # either reader reads it
    read = read_plain(text, int(near * MAX_FAST_VALUES))
    if not isinstance(read, Declined):
        return None
    if read.too_large:
        return f"the file is near the {MAX_FAST_VALUES:,} values sitrep can open: split it"
    try:
        check_node_budget(text, int(near * MAX_NODES))
    except NodeError:
        return (
            f"the file is near the {MAX_NODES:,} values sitrep can open when it is not in "
            f"the plain style sitrep writes (line {read.line}: {read.reason}): split it"
        )
    return None
