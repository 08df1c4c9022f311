"""Situation.place and .source: dict lookups that stay right while the document edits the lists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model.situation import Situation


def test_lookups_follow_replacements_deletions_and_additions(sample: Situation) -> None:
    s = sample.model_copy(update={"places": list(sample.places)})
    first, second = s.places[0], s.places[1]
    assert s.place(first.id) is first and s.place(None) is None
    s.places[0] = first.model_copy(update={"id": "renamed-place"})
    assert s.place(first.id) is None, "the old id is gone"
    assert s.place("renamed-place") is s.places[0]
    del s.places[1]
    assert s.place(second.id) is None
    assert s.place(s.places[1].id) is s.places[1], "indexes moved up by one"
    s.places.append(second)
    assert s.place(second.id) is s.places[-1]


def test_a_copy_and_its_original_each_answer_for_their_own_list(sample: Situation) -> None:
    original = sample.model_copy(update={"places": list(sample.places)})
    assert original.place(original.places[0].id) is not None  # the index is made
    copy = original.model_copy(update={"places": list(original.places)})
    del original.places[0]
    assert copy.place(copy.places[0].id) is copy.places[0]
    assert original.place(copy.places[0].id) is None
    assert copy == original.model_copy(update={"places": copy.places}), "never compared"


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["places", "sources"]),
    st.lists(st.tuples(st.sampled_from(["get", "replace", "delete"]), st.integers(0, 40))),
)
def test_any_edit_sequence_answers_as_a_scan(
    sample: Situation, section: str, steps: list[tuple[str, int]]
) -> None:
    s = sample.model_copy(update={section: list(getattr(sample, section))})
    entries = getattr(s, section)
    lookup = s.place if section == "places" else s.source
    ids = [e.id for e in entries] + ["no-such-entry", "renamed-0"]
    for n, (op, i) in enumerate(steps):
        if op == "replace" and entries:
            at = i % len(entries)
            entries[at] = entries[at].model_copy(update={"id": f"renamed-{n}"})
            ids.append(f"renamed-{n}")
        elif op == "delete" and entries:
            del entries[i % len(entries)]
        wanted = ids[i % len(ids)]
        assert lookup(wanted) is next((e for e in entries if e.id == wanted), None)
