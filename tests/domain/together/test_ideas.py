from journal.domain.together.ideas import IdeaText, YesMark, yes_overlap

IDEAS = [IdeaText(i, i.title(), "") for i in ("hugging", "walks", "bath", "own-x")]


def test_only_ideas_both_said_yes_to_in_list_order() -> None:
    mine = {
        "walks": YesMark("walks", "evenings"),
        "hugging": YesMark("hugging"),
        "own-x": YesMark("own-x"),
    }
    theirs = {
        "hugging": YesMark("hugging", "often"),
        "walks": YesMark("walks"),
        "bath": YesMark("bath"),
    }
    overlap = yes_overlap(IDEAS, mine, theirs)
    assert [(o.idea_id, o.owner_note, o.partner_note) for o in overlap] == [
        ("hugging", "", "often"),
        ("walks", "evenings", ""),
    ]


def test_an_own_idea_appears_once_both_said_yes() -> None:
    both = {"own-x": YesMark("own-x")}
    assert [o.idea_id for o in yes_overlap(IDEAS, both, both)] == ["own-x"]


def test_a_yes_without_text_is_left_out() -> None:
    both = {"unknown": YesMark("unknown")}
    assert yes_overlap(IDEAS, both, both) == []
