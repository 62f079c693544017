"""Words of crisis in a Library search (`reads_as_crisis`): a wish to die or to harm
oneself is read in any case, spacing or spelling of its apostrophe; a grieving search
that names a death, or a word alone, is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.library.crisis import reads_as_crisis, without_crisis


@pytest.mark.parametrize(
    "typed",
    [
        "I want to die",
        "i WANT to   die",
        "suicidal",
        "Suicidal thoughts after miscarriage",
        "self-harm",
        "self harm",
        "thinking of hurting myself",
        "I don't want to live anymore",
        "I don\u2019t want to be alive",
        "how do I end my life",
        "kill myself",
        # Break test 49, F1: wordings that were missed.
        "i dont want to live anymore",
        "I dont want to be alive",
        "i want to sleep and never wake up",
        "nobody would miss me",
        "I wish I had died too",
        "want to kill my self",
        "kms",
        "unalive",
        "suicde",
        "i cant go on",
        "I want to end it",
        "I want to join my baby in heaven",
        "cutting myself",
        "overdose",
        # F4: as search reads it, full width and a zero-width space inside.
        "\uff53\uff55\uff49\uff43\uff49\uff44\uff41\uff4c",
        "sui\u200bcidal",
        # Re-test 49, N1: more ways of saying it, and of someone close.
        "I wish I'd died with my baby",
        "i dont wanna live",
        "I wish I could die",
        "i dont want to wake up tomorrow",
        "suicidial thoughts",
        "i want to disappear forever",
        "I feel like hurting myself",
        "my wife wants to die",
        "my partner wants to kill himself",
        "my husband wants to hurt himself",
        # Re-test 49b, M1.
        "i want 2 die",
        "i just cant go on",
        "i cant go on without my baby",
        "I want to sleep and never wake up from this nightmare",
        "my wife doesnt want to live anymore",
        "she wants to end her life",
        "i dont want to be here",
        "ive been hurting myself",
        "i wanna be dead",
        "life isnt worth living",
        "i want to be with my baby",
        "siucidal",
        "kms",
        "i just want to kms",
        "kill myself with pills",
        # Re-test 49c.
        "how many pills would kill me",
        "I want to jump off a bridge",
        "thinking about ending it",
        "i wish i could be with my baby",
        "how to hang yourself",
        "i want to take all my pills",
        "i want to follow my baby",
        "i just want to be with my angel",
        "i want to stop living",
        "tired of living",
        "no point living",
        "i'm done with life",
        "i shouldnt be alive",
        "wish i wasnt born",
        "I'm scared I'll hurt myself",
        "i might hurt myself",
        "I want to end it",
        "i dont want to be here anymore",
        "i want to disappear",
        "whats the point of living",
        "i dont deserve to live",
        "i hate being alive",
        "Why am I still alive",
        "i wish i never woke up",
        "i want to sleep forever",
        "i want to end things",
        "i want to end everything",
        "life without my baby is not worth it",
        "idk why i should keep living",
        # Re-test 49, left then: a typing error inside a phrase was not read.
        "i wnat to die",
        "i wantt to die",
        "i dont wnat to live",
        "i want to kll myself",
        "i want to kill mysefl",
        "i want to hurt mysel",
        "self hram",
        "im tired of liivng",
        # Re-test 50, N1.
        "thinking about hanging myself",
        "hanging myself",
        "i want to hang my self",
        "i want to kil myself",
        "i want ot die",
        "iwant to die",
        "i want todie",
        "i wish i was ded",
        # Re-test 50b, P1.
        "painless way to die",
        "i want too die",
        "i wish i wasnt alive",
        "i keep thinking about dying",
        "thinking about hanging",
        "how to die",
        "i hope i die",
        "iwanttodie",
        "want2die",
        "iwanna die",
    ],
)
def test_a_wish_to_die_or_to_harm_oneself_is_read(typed: str) -> None:
    assert reads_as_crisis(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "my baby died",
        "die",
        "harm",
        "self",
        "when will I feel alive again",
        "pain after the D&C",
        "live",
        "",
        "selfharmony",
        # Break test 49, F2: worries about the body.
        "I don't want to die from bleeding",
        "did I hurt myself lifting",
        "can I harm myself by having sex too soon",
        "I am going to die",
        # Re-test 49, N2: questions about the body and everyday life.
        "I can't go on the pill yet",
        "I cant go on a plane yet",
        "will I never wake up from the anaesthetic",
        "can I walk 5 kms",
        "I cut myself by accident, can it get infected",
        # Re-test 49b, M2.
        "how many kms can I walk",
        "I cut myself shaving can I have a bath",
        "how do I take my life back",
        "join my baby loss support group",
        "will the pain disappear forever",
        "i dont want to wake up my husband",
        "am I going to harm myself by taking ibuprofen",
        # Re-test 49c.
        "I want to die my hair after the D&C is it safe",
        "i keep cutting myself off from friends",
        "I dont want to be here at the hospital again",
        "I want to end it with my partner",
        "i want to disappear for a while",
        "i want to die my roots",
        "is my baby still alive",
        "is it worth it to try again",
        # Typing errors are read only where they make no word of their own: "did" is
        # not "died", "dad" not "dead", "on" not "no".
        "I wish I did more",
        "as I was saying, I want to top up my phone",
        # Re-test 50b, P2.
        "I want to cut myself some slack",
        "I wish I was dead tired, not wired",
        "thinking about hanging the pictures from the nursery",
        "better off with my dad",
        "I can't go on the pill yet, can I wait",
        "wait to die my hair",
    ],
)
def test_a_grieving_search_is_not_read_as_a_crisis(typed: str) -> None:
    assert not reads_as_crisis(typed)


@given(st.text(max_size=200))
def test_any_text_is_read_without_an_error(text: str) -> None:
    assert reads_as_crisis(text) in (True, False)


@pytest.mark.parametrize(
    ("typed", "rest"),
    [
        ("how many ibuprofen is an overdose", "how many ibuprofen is an"),
        ("I want to die", "I"),
        ("i wanna die, after the D&C", "i , after the D&C"),
        ("suicidal thoughts after the D&C", "thoughts after the D&C"),
        ("I don't want to live, after the D&C", "I , after the D&C"),
        ("my baby died", "my baby died"),
        ("i wnat to die after the D&C", "i after the D&C"),
    ],
)
def test_what_is_asked_beside_the_crisis_words_is_searched(typed: str, rest: str) -> None:
    assert " ".join(without_crisis(typed).split()) == rest
