"""Situation.place and .source: dict lookups that stay right while the document edits the lists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model.situation import Situation


def _first(s: Situation, place_id: str | None) -> object:
    return next((p for p in s.places if p.id == place_id), None)


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
@given(st.lists(st.tuples(st.sampled_from(["get", "replace", "delete"]), st.integers(0, 40))))
def test_any_edit_sequence_answers_as_a_scan(
    sample: Situation, steps: list[tuple[str, int]]
) -> None:
    s = sample.model_copy(update={"places": list(sample.places)})
    ids = [p.id for p in sample.places] + ["no-such-place", "renamed-0"]
    for n, (op, i) in enumerate(steps):
        if op == "replace" and s.places:
            at = i % len(s.places)
            s.places[at] = s.places[at].model_copy(update={"id": f"renamed-{n}"})
            ids.append(f"renamed-{n}")
        elif op == "delete" and s.places:
            del s.places[i % len(s.places)]
        wanted = ids[i % len(ids)]
        assert s.place(wanted) is _first(s, wanted)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(["get", "replace", "delete"]), st.integers(0, 40))))
def test_source_lookups_answer_as_a_scan_whatever_the_edits(
    sample: Situation, steps: list[tuple[str, int]]
) -> None:
    s = sample.model_copy(update={"sources": list(sample.sources)})
    ids = [x.id for x in sample.sources] + ["no-such-source", "renamed-0"]
    for n, (op, i) in enumerate(steps):
        if op == "replace" and s.sources:
            at = i % len(s.sources)
            s.sources[at] = s.sources[at].model_copy(update={"id": f"renamed-{n}"})
            ids.append(f"renamed-{n}")
        elif op == "delete" and s.sources:
            del s.sources[i % len(s.sources)]
        wanted = ids[i % len(ids)]
        assert s.source(wanted) is next((x for x in s.sources if x.id == wanted), None)
