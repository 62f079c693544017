from journal.domain.together.prompts import (
    AnswerState,
    PromptStatus,
    both_answered,
    reveal,
    status_of,
)

A, P = AnswerState.ANSWERED, AnswerState.PASSED
PROMPTS = [("miss", "What do you miss most?"), ("help", "What helped?")]


def test_the_reveal_rule() -> None:
    assert status_of(None, None) is PromptStatus.OPEN
    assert status_of(A, None) is PromptStatus.WAITING
    assert status_of(None, A) is PromptStatus.WAITING
    assert status_of(A, A) is PromptStatus.REVEALED
    assert status_of(P, A) is PromptStatus.SET_ASIDE
    assert status_of(A, P) is PromptStatus.SET_ASIDE


def test_waiting_carries_no_words_and_both_shows_both() -> None:
    views = reveal(
        PROMPTS,
        {"miss": A, "help": A},
        {"miss": A},
        {"miss": ("mine", "theirs"), "help": ("private draft", "")},
    )
    assert (views[0].status, views[0].owner_answer, views[0].partner_answer) == (
        PromptStatus.REVEALED,
        "mine",
        "theirs",
    )
    assert views[1].status is PromptStatus.WAITING
    assert views[1].owner_answer == views[1].partner_answer == ""


def test_answer_text_is_needed_only_where_both_answered() -> None:
    assert both_answered({"miss": A, "help": A, "x": P}, {"miss": A, "x": A}) == {"miss"}
