"""The core queries the app's lists rely on: search-as-you-type filter and filter choices."""

from __future__ import annotations

import pytest

from fieldkit.errors import ValidationError


@pytest.fixture
def filled(profile):
    for values in (
        {"name": "Asha Rao", "country": "IN", "tags": ["police"], "languages": ["hi", "en"]},
        {"name": "Ashok Kumar", "country": "in", "tags": ["labour", "police"]},
        {"name": "Juma Otieno", "country": "KE", "organization": "Asha Shelter"},
        {"name": "Gone Person", "country": "US"},
    ):
        profile.contacts.add(values)
    gone = profile.contacts.list({"q": "gone"})[0]["id"]
    profile.contacts.delete(gone)
    return profile


def test_q_filter_matches_every_word_last_as_prefix(filled):
    names = lambda f: sorted(r["name"] for r in filled.contacts.list(f))  # noqa: E731
    assert names({"q": "ash"}) == ["Asha Rao", "Ashok Kumar", "Juma Otieno"]
    assert names({"q": "asha shel"}) == ["Juma Otieno"]
    assert names({"q": "ash", "country": "IN"}) == ["Asha Rao", "Ashok Kumar"]
    assert names({"q": "gone"}) == []  # deleted records stay out
    assert names({"q": '"AND NEAR('}) == []  # FTS syntax is searched as text
    assert filled.contacts.count({"q": "ash"}) == 3
    assert filled.contacts.count({"q": "  "}) == 3  # nothing typed: no filter


def test_q_filter_pages_in_order(filled):
    first = filled.contacts.list({"q": "ash"}, limit=2)
    rest = filled.contacts.list({"q": "ash"}, limit=2, offset=2)
    assert [r["name"] for r in first + rest] == ["Asha Rao", "Ashok Kumar", "Juma Otieno"]


def test_distinct_gives_filter_choices(filled):
    assert filled.contacts.distinct("country") == ["IN", "KE"]
    assert filled.contacts.distinct("tag") == ["labour", "police"]
    assert filled.contacts.distinct("lang") == ["en", "hi"]
    filled.laws.add({"title": "Palermo", "jurisdiction": "intl", "kind": "treaty"})
    assert filled.laws.distinct("country") == ["intl"]
    with pytest.raises(KeyError):
        filled.contacts.distinct("no_such_field")


def test_unknown_filter_is_still_refused(filled):
    with pytest.raises(ValidationError):
        filled.contacts.list({"nonsense": "x"})


def test_search_as_you_type_ranks_a_bounded_set(profile):
    profile.contacts.add_many({"name": f"Police officer {i}", "city": "Pune"} for i in range(60))
    profile.contacts.add({"name": "Police Police Police", "city": "Pune"})
    capped = profile.search("pol", cap=20, limit=5)
    assert len(capped) == 5  # still answers, from the first 20 matches only
    assert all(h.title.startswith("Police officer") for h in capped)
    full = profile.search("pol", limit=5)
    assert full[0].title == "Police Police Police"  # without a cap every match is ranked
    # a lone last letter waits for the next one instead of widening the search
    assert [h.id for h in profile.search("police p", cap=20, limit=100)] == [
        h.id for h in profile.search("police", cap=20, limit=100)
    ]
    assert profile.search("pune 4", limit=100) != profile.search("pune", limit=100)


def test_paging_by_key_matches_paging_by_offset(profile):
    profile.contacts.add_many(
        {"name": f"{'ABab'[i % 4]}sha {i % 7}", "country": "IN"} for i in range(57)
    )
    for descending in (False, True):
        whole = [r["id"] for r in profile.contacts.list(descending=descending)]
        pages, after = [], None
        while True:
            page = profile.contacts.list(limit=10, after=after, descending=descending)
            pages += [r["id"] for r in page]
            if len(page) < 10:
                break
            after = page[-1]["id"]
        assert pages == whole
    assert profile.contacts.can_page_after("name")
    assert not profile.contacts.can_page_after("phone")  # may be empty: pages by offset
    with pytest.raises(ValueError):
        profile.contacts.list(order_by="phone", after=whole[0])


def test_position_is_where_the_list_puts_a_record(profile):
    """A list selects a record just added by loading the rows up to its position."""
    profile.contacts.add_many(
        {
            "name": f"{'ABab'[i % 4]}sha {i % 7}",
            "country": "IN" if i % 3 else "NP",
            "phone": f"+91 98{i % 5:08d}" if i % 2 else None,  # empty in half: sorted first
            "tags": ["police"] if i % 4 == 0 else [],
        }
        for i in range(41)
    )
    gone = profile.contacts.list(limit=1)[0]["id"]
    profile.contacts.delete(gone)
    for filters in ({}, {"country": "IN"}, {"q": "asha 3"}, {"tag": "police"}):
        for order in ("name", "phone", "country", "created"):
            for descending in (False, True):
                rows = profile.contacts.list(filters, order_by=order, descending=descending)
                assert rows, filters
                for i, row in enumerate(rows):
                    where = profile.contacts.position(
                        row["id"], filters, order_by=order, descending=descending
                    )
                    assert where == i, (filters, order, descending, row)
    outside = profile.contacts.list({"country": "NP"}, limit=1)[0]["id"]
    assert profile.contacts.position(outside, {"country": "IN"}) is None
    assert profile.contacts.position(gone) is None
    assert profile.contacts.position("no-such-id") is None
