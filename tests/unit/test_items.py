"""coursekit.items: each item-writing rule at its thresholds, with the exact message an author
sees, plus the per-set statistics and the writers' command."""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import module, vary, write_docs

from coursekit.course import Course, load_course
from coursekit.items import (
    all_none_phrase,
    check_absolute,
    check_all_none,
    check_copies_page,
    check_correct_spread,
    check_items,
    check_key_longest,
    check_key_position,
    check_longest_share,
    check_multiple_balance,
    check_negative_stem,
    check_posttest_overlap,
    check_stem_clue,
    copied_run,
    final_sentence,
    item_sets,
    main,
    statistics,
    stem_clues,
    unemphasised_negative,
    word_runs,
    words,
)
from coursekit.model import Option, Page, Question
from coursekit.order import key_positions

P = "docs/m1.md"


def q(*options: tuple[str, bool], prompt: str = "Which response fits?", qid: str = "m1-q",
      qtype: str | None = None) -> Question:
    opts = tuple(Option(text, correct, "Why.", 10 + 2 * n) for n, (text, correct) in enumerate(options))
    multiple = sum(correct for _, correct in options) > 1
    return Question(qid, "m1-o1", qtype or ("multiple" if multiple else "single"), prompt, opts, None, 3)


def messages(found: list) -> list[str]:
    return [d.format() for d in found]


def test_words_are_lower_case_without_punctuation() -> None:
    assert words('"Dev\'s   fine," she said—quietly; evidence-based_ work.') == [
        "devs", "fine", "she", "saidquietly", "evidencebased", "work"]


# ---- item-all-none --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase"), [
    ("All of the above.", "all of the above"),
    ("None of the above", "none of the above"),
    ("none of the above responses", "none of the above"),
    ("All of these", "all of these"),
    ("None of these are correct.", "none of these"),
    ("Both of the above.", "both of the above"),
    ("A and B", "a and b"),
    ("Both (a) and (c).", "a and c"),
    ("Options A, B and D", "a b and d"),
    ("Only B and C", "b and c"),
])
def test_catch_all_options_are_found(text: str, phrase: str) -> None:
    assert all_none_phrase(text) == phrase


@pytest.mark.parametrize("text", [
    "All of these feelings make sense to Dev.",  # 'all of these' inside a real option
    "Ask about a and the pause",
    "A plan and a date",
    "Name the cue.",
    "and",
])
def test_real_options_are_not_catch_alls(text: str) -> None:
    assert all_none_phrase(text) is None


def test_all_none_message() -> None:
    found = check_all_none(P, q(("Name it.", True), ("Move on.", False), ("None of the above.", False)))
    assert messages(found) == [
        "docs/m1.md:14: [item-all-none] Option 'None of the above.' of question 'm1-q' reads as "
        "'none of the above'. Replace it with a distractor that is a mistake a trainee really "
        "makes: learners can rule such an option in or out with partial knowledge."]


# ---- item-key-longest -----------------------------------------------------------------------

def _padded(chars: int) -> str:
    return ("k" * chars)[:chars]


@pytest.mark.parametrize(("key", "longest", "fires"), [
    (75, 60, False),  # 15 longer but exactly 25 %: not more than 25 %
    (76, 60, True),   # 16 longer, 26.7 %
    (39, 24, True),   # 15 longer (the minimum), 62 %
    (38, 24, False),  # 14 longer
    (60, 60, False),
    (20, 60, False),
])
def test_single_key_longest_thresholds(key: int, longest: int, fires: bool) -> None:
    question = q((_padded(key), True), (_padded(longest), False), ("short", False))
    assert bool(check_key_longest(P, question)) is fires


def test_single_key_longest_message() -> None:
    question = q(("Name the quiet cue and ask about it.", True), ("Move on.", False), ("Accuse.", False))
    assert messages(check_key_longest(P, question)) == [
        "docs/m1.md:10: [item-key-longest] The key of question 'm1-q' has 36 characters and the "
        "longest distractor 8. Shorten the key or give the distractors the same detail, so the "
        "options are about equal in length."]


def test_whitespace_does_not_count_as_length() -> None:
    question = q(("Name   the\n cue " + " " * 40, True), ("Move on.", False), ("Accuse.", False))
    assert check_key_longest(P, question) == []


@pytest.mark.parametrize(("keys", "others", "fires"), [
    ((50, 50), (40, 40), False),  # 1.25 times exactly, 10 longer
    ((80, 80), (60, 60), True),   # 1.33 times, 20 longer
    ((30, 30), (20, 20), False),  # 1.5 times, but only 10 longer
    ((100, 20), (40, 40), True),  # mean 60 against 40: 1.5 times, 20 longer
])
def test_multiple_key_longest_compares_means(keys: tuple[int, int], others: tuple[int, int],
                                             fires: bool) -> None:
    question = q(*((_padded(n) + str(i), True) for i, n in enumerate(keys)),
                 *((_padded(n) + str(i), False) for i, n in enumerate(others)))
    assert bool(check_key_longest(P, question)) is fires


def test_multiple_key_longest_message() -> None:
    question = q((_padded(80), True), (_padded(79) + "x", True), (_padded(60), False),
                 (_padded(59) + "y", False))
    assert messages(check_key_longest(P, question)) == [
        "docs/m1.md:3: [item-key-longest] The keys of question 'm1-q' average 80 characters and "
        "its distractors 60. Shorten the key or give the distractors the same detail, so the "
        "options are about equal in length."]


# ---- item-stem-clue -------------------------------------------------------------------------

def test_stem_clue_needs_two_words_only_in_the_key() -> None:
    prompt = "Amara goes quiet after Dev's joke. What would you say?"
    clue = q(("Ask Amara about the quiet.", True), ("Tell a joke back.", False), ("Wait.", False),
             prompt=prompt)
    assert stem_clues(clue) == ["amara", "quiet"]
    assert messages(check_stem_clue(P, clue)) == [
        "docs/m1.md:3: [item-stem-clue] The stem of question 'm1-q' shares 'amara', 'quiet' with "
        "the key and with no distractor. Reword the key, or use those words in a distractor too, "
        "so matching words to the stem does not find the answer."]
    one = q(("Ask Amara what happened.", True), ("Tell a joke back.", False), ("Wait.", False),
            prompt=prompt)
    assert stem_clues(one) == ["amara"] and check_stem_clue(P, one) == []
    shared = q(("Ask Amara about the quiet.", True), ("Tell Amara to cheer up.", False),
               ("Wait.", False), prompt=prompt)
    assert stem_clues(shared) == ["quiet"] and check_stem_clue(P, shared) == []


def test_stem_words_compare_by_their_first_six_letters() -> None:
    question = q(("Reflecting the feeling underneath.", True), ("Move on.", False), ("Wait.", False),
                 prompt="Which reflection names the feelings?")
    assert stem_clues(question) == ["feelings", "reflection"]


def test_stop_words_and_short_words_are_not_clues() -> None:
    question = q(("The therapist asks each partner about their session.", True),
                 ("Move on.", False), ("Wait.", False),
                 prompt="Which response would the therapist give each partner about their session?")
    assert stem_clues(question) == []


def test_a_name_with_a_possessive_is_the_same_name() -> None:
    question = q(("Name Amara's quiet.", True), ("Move on.", False), ("Wait.", False),
                 prompt="Amara goes quiet. Which response is attuned?")
    assert stem_clues(question) == ["amara", "quiet"]


# ---- item-copies-page -----------------------------------------------------------------------

PROSE = "More often one of them makes a small bid for connection, a sigh or a glance, and waits."


def test_copied_run_is_the_longest_shared_run_of_eight_words() -> None:
    runs = word_runs(PROSE)
    assert copied_run("Notice when one of them makes a small bid for connection today.", runs) == (
        "one of them makes a small bid for connection")
    assert copied_run("Them makes a small bid for connection, a sigh.", runs) == (
        "them makes a small bid for connection a sigh")
    assert copied_run("one of them makes a small bid for", runs) == "one of them makes a small bid for"
    assert copied_run("of them makes a small bid for", runs) is None  # seven words
    assert copied_run("One of them makes a big bid for connection.", runs) is None


def test_copies_page_message_names_key_or_distractor() -> None:
    question = q(("Notice one of them makes a small bid for connection.", True), ("Move on.", False),
                 ("Wait until one of them makes a small bid for connection.", False))
    assert messages(check_copies_page(P, question, word_runs(PROSE), "the page's prose")) == [
        "docs/m1.md:10: [item-copies-page] The key 'Notice one of them makes a small bid for "
        "connection.' of question 'm1-q' repeats 'one of them makes a small bid for connection' "
        "from the page's prose. Write the option so it applies the idea to a new situation "
        "instead of repeating the page.",
        "docs/m1.md:14: [item-copies-page] The distractor 'Wait until one of them makes a small "
        "bid for connection.' of question 'm1-q' repeats 'one of them makes a small bid for "
        "connection' from the page's prose. Write the option so it applies the idea to a new "
        "situation instead of repeating the page."]


def test_a_long_option_is_shortened_in_the_message() -> None:
    text = "Wait until one of them makes a small bid for connection, then answer it gently and slowly."
    question = q(("Name it.", True), ("Move on.", False), (text, False))
    [found] = check_copies_page(P, question, word_runs(PROSE), "the page's prose")
    assert "'Wait until one of them makes a small bid for connection, th…'" in found.message


def test_post_test_options_are_compared_with_every_module_page(tmp_path: Path) -> None:
    m1 = module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),))
    post = ("---\ntitle: Post-test\nposttest: true\n---\n\n# Post-test\n\n```question\nid: pt-1\n"
            "objective: m1-o1\nprompt: Dev sighs; what now?\noptions:\n  - text: Name it.\n"
            "    correct: true\n    rationale: Yes.\n  - text: Wait to see whether the other "
            "turns toward it.\n    rationale: No.\n  - text: Accuse.\n    rationale: No.\n```\n")
    course = load_course(write_docs(tmp_path / "docs", {"m1.md": m1, "instructors/post.md": post}),
                         "docs")
    assert [d.format() for d in check_items(course) if d.rule == "item-copies-page"] == [
        "docs/instructors/post.md:16: [item-copies-page] The distractor 'Wait to see whether the "
        "other turns toward it.' of question 'pt-1' repeats 'to see whether the other turns "
        "toward it' from a module page. Write the option so it applies the idea to a new "
        "situation instead of repeating the page."]


def test_post_test_options_are_compared_with_module_part_pages_too(tmp_path: Path) -> None:
    m1 = module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),))
    part = ("---\ntitle: Part two\nmodule: m1\n---\n\n# Part two\n\nA partner who feels heard is "
            "far more willing to soften their own position.\n")
    post = ("---\ntitle: Post-test\nposttest: true\n---\n\n# Post-test\n\n```question\nid: pt-1\n"
            "objective: m1-o1\nprompt: Dev sighs; what now?\noptions:\n  - text: Name it.\n"
            "    correct: true\n    rationale: Yes.\n  - text: Say a partner who feels heard is far "
            "more willing to soften.\n    rationale: No.\n  - text: Accuse.\n    rationale: No.\n```\n")
    course = load_course(write_docs(tmp_path / "docs", {"m1.md": m1, "m1-part.md": part,
                                                        "instructors/post.md": post}), "docs")
    assert [d.line for d in check_items(course) if d.rule == "item-copies-page"] == [16]


# ---- item-absolute-distractor ---------------------------------------------------------------

def test_absolutes_only_in_distractors() -> None:
    question = q(("Name the cue.", True), ("Never name it.", False), ("Only ever wait; none speak.", False))
    assert messages(check_absolute(P, question)) == [
        "docs/m1.md:12: [item-absolute-distractor] Distractors of question 'm1-q' say 'never', "
        "'none', 'only' and no key does. Drop the absolute word, or give a key one too, so "
        "learners cannot rule options out by their wording."]


def test_an_absolute_in_a_key_too_is_fine() -> None:
    question = q(("Always name the cue.", True), ("Never name it.", False), ("Wait.", False))
    assert check_absolute(P, question) == []


def test_absolute_words_are_whole_words() -> None:
    question = q(("Name the cue.", True), ("Everyone waits; nevertheless.", False),
                 ("Lonely.", False))
    assert check_absolute(P, question) == []


# ---- item-negative-stem ---------------------------------------------------------------------

@pytest.mark.parametrize(("prompt", "word"), [
    ("Which response is not attuned?", "not"),
    ("All of these help, except which one?", "except"),
    ("Which is the least attuned reply?", "least"),
    ("Dev is quiet. Which reply is Not attuned?", "Not"),
    ('Ama says, "Sorry I\'m fine." Which reply does not fit?', "not"),
    ("Which is **not** attuned, and which does not help?", "not"),  # the second is bare
])
def test_unemphasised_negatives(prompt: str, word: str) -> None:
    assert unemphasised_negative(prompt) == word


@pytest.mark.parametrize("prompt", [
    "Which response is **not** attuned?",
    "Which response is *not* attuned?",
    "Which response is __not__ attuned?",
    "Which response is NOT attuned?",
    "Which response is **EXCEPT**?",
    "Dev says he is not fine. Which response is attuned?",  # only the question itself counts
    'Ama says, "Sorry I\'m not good enough." Which response slows things down?',
    "Which response is attuned? Note the cue.",  # 'note' is not 'not'
])
def test_emphasised_or_absent_negatives(prompt: str) -> None:
    assert unemphasised_negative(prompt) is None


def test_final_sentence_follows_closing_quotes() -> None:
    assert final_sentence('She says "I\'m fine." He waits!  Which reply fits?') == "Which reply fits?"
    assert final_sentence("Which reply fits") == "Which reply fits"


def test_negative_stem_message() -> None:
    question = q(("Name it.", True), ("Move on.", False), ("Wait.", False),
                 prompt="Which response is not attuned?")
    assert messages(check_negative_stem(P, question)) == [
        "docs/m1.md:3: [item-negative-stem] Question 'm1-q' asks 'Which response is not "
        "attuned?' with 'not' unemphasised. Ask the question positively, or emphasise the word "
        "as **not** or NOT."]


# ---- item-multiple-balance ------------------------------------------------------------------

@pytest.mark.parametrize(("right", "wrong", "fires"), [
    (1, 3, True), (4, 1, True), (2, 1, True), (2, 2, False), (3, 3, False), (2, 4, False),
])
def test_multiple_balance(right: int, wrong: int, fires: bool) -> None:
    question = q(*((f"right {n}", True) for n in range(right)),
                 *((f"wrong {n}", False) for n in range(wrong)), qtype="multiple")
    assert bool(check_multiple_balance(P, question)) is fires


def test_multiple_balance_message_and_single_is_ignored() -> None:
    question = q(("A.", True), ("B.", True), ("C.", True), ("D.", True), ("E.", False))
    assert messages(check_multiple_balance(P, question)) == [
        "docs/m1.md:3: [item-multiple-balance] Multiple-answer question 'm1-q' has 4 correct and 1 "
        "incorrect options. Give it at least 2 correct and 2 incorrect options, or write it as "
        "'type: single'."]
    assert check_multiple_balance(P, q(("A.", True), ("B.", False), ("C.", False))) == []


# ---- per set ----------------------------------------------------------------------------------

def course_of(questions: list[Question], posttest: list[Question] | None = None) -> Course:
    page = Page(path=P, src_uri="m1.md", kind="module", module_id="m1", questions=questions)
    pages = {"m1.md": page}
    if posttest is not None:
        pages["instructors/post.md"] = Page(path="docs/instructors/post.md",
                                            src_uri="instructors/post.md", kind="posttest",
                                            questions=posttest)
    return Course(pages, {}, [], [])


LONG_KEY = (("The longest option here.", True), ("Shorter one.", False), ("Short.", False))
EVEN = (("Same size", True), ("Same kind", False), ("Same sort", False))


def selfcheck(course: Course):
    return item_sets(course)[0]


@pytest.mark.parametrize(("longest", "total", "fires"), [
    (4, 10, False),  # 40 % exactly is allowed
    (5, 10, True),
    (5, 13, False),  # 38 %
    (9, 9, False),   # fewer than ten single-answer questions: too few to judge
])
def test_longest_share_threshold(longest: int, total: int, fires: bool) -> None:
    questions = [q(*(LONG_KEY if n < longest else EVEN), qid=f"q{n}") for n in range(total)]
    assert bool(check_longest_share(selfcheck(course_of(questions)))) is fires


def test_longest_share_message_lists_the_questions() -> None:
    questions = [q(*(LONG_KEY if n < 5 else EVEN), qid=f"q{n}") for n in range(10)]
    assert messages(check_longest_share(selfcheck(course_of(questions)))) == [
        "docs/m1.md:3: [items-key-longest-share] In the self-check questions, 5 of 10 "
        "single-answer keys (50 %) are the longest option, more than 40 %: q0, q1, q2, q3, q4. "
        "Rewrite the listed questions so a distractor is the longest option in more of them."]


def test_a_tie_for_longest_is_not_longest() -> None:
    tie = (("Twelve chars", True), ("Twelve words", False), ("Short.", False))
    questions = [q(*tie, qid=f"q{n}") for n in range(10)]
    assert check_longest_share(selfcheck(course_of(questions))) == []


def _multi(right: int, qid: str) -> Question:
    return q(*((f"right {n}", True) for n in range(right)), *((f"wrong {n}", False) for n in range(3)),
             qid=qid)


def test_correct_count_spread() -> None:
    same = course_of([_multi(2, "a"), _multi(2, "b"), _multi(2, "c")])
    assert messages(check_correct_spread(selfcheck(same))) == [
        "docs/m1.md:3: [items-correct-count-spread] All 3 multiple-answer questions in the "
        "self-check questions have 2 correct options. Vary the number of correct options: some 2, "
        "some 3."]
    assert check_correct_spread(selfcheck(course_of([_multi(2, "a"), _multi(2, "b")]))) == []
    varied = course_of([_multi(2, "a"), _multi(2, "b"), _multi(3, "c")])
    assert check_correct_spread(selfcheck(varied)) == []


def _placed(place: int, n: int) -> Question:
    """A three-option single-answer question whose key is shown at `place` (1-based)."""
    for tries in range(200):
        question = q(*EVEN, qid=f"p{place}-{n}-{tries}")
        if key_positions(question) == [place]:
            return question
    raise AssertionError("no id found")


@pytest.mark.parametrize(("first", "fires"), [(4, False), (5, True)])
def test_key_position_threshold(first: int, fires: bool) -> None:
    places = [1] * first + [2, 3] * ((10 - first) // 2) + [2] * ((10 - first) % 2)
    questions = [_placed(place, n) for n, place in enumerate(places)]
    found = check_key_position(selfcheck(course_of(questions)))
    assert bool(found) is fires
    if fires:
        ids = ", ".join(question.id for question in questions[:5])
        assert messages(found) == [
            "docs/m1.md:3: [items-key-position] In the self-check questions, 5 of 10 single-answer "
            f"keys (50 %) are shown in position 1 (1: 5, 2: 3, 3: 2): {ids}. Change a listed "
            "question's id (new questions only) or add questions; the shuffle follows the id."]


def test_posttest_overlap_thresholds() -> None:
    practice = q(("Name the cue beneath the words.", True), ("Move on.", False), ("Wait.", False),
                 prompt="Amara says she is fine and looks away. Which response is attuned?",
                 qid="m1-fine")
    near = q(("Ask gently.", True), ("Move on.", False), ("Wait.", False),
             prompt="Amara says she is fine and looks down. Which response is attuned?", qid="pt-near")
    far = q(("Ask gently.", True), ("Move on.", False), ("Wait.", False),
            prompt="Jonas goes silent after the budget talk. What do you do first?", qid="pt-far")
    same_key = q(("Name the cue beneath her words.", True), ("Move on.", False), ("Wait.", False),
                 prompt="Jonas goes silent after the budget talk. What do you do first?",
                 qid="pt-key")
    found = check_posttest_overlap(course_of([practice], [near, far, same_key]))
    assert messages(found) == [
        "docs/instructors/post.md:3: [items-posttest-overlap] The prompt of post-test question "
        "'pt-near' is near-identical to self-check question 'm1-fine'. Write the post-test "
        "question about a new situation, so it tests the idea and not memory of the self-check.",
        "docs/instructors/post.md:3: [items-posttest-overlap] The key of post-test question "
        "'pt-key' is near-identical to self-check question 'm1-fine'. Write the post-test "
        "question about a new situation, so it tests the idea and not memory of the self-check."]


def test_each_post_test_page_is_its_own_set() -> None:
    course = course_of([q(*EVEN, qid="a")], [q(*EVEN, qid="b")])
    assert [(s.name, [qq.id for _, qq in s.items]) for s in item_sets(course)] == [
        ("the self-check questions", ["a"]), ("the post-test docs/instructors/post.md", ["b"])]


# ---- the course and the writers' command ----------------------------------------------------

def test_statistics_lines() -> None:
    questions = [q(*(LONG_KEY if n < 3 else EVEN), qid=f"q{n}") for n in range(4)]
    questions += [_multi(2, "ma"), _multi(3, "mb")]
    lines = statistics(course_of(questions))
    shown = ", ".join(f"{place}: {count}" for place, count in sorted(
        {p: sum(key_positions(x) == [p] for x in questions[:4]) for p in (1, 2, 3)}.items()) if count)
    assert lines == [
        "the self-check questions: 6 questions, 4 single-answer, 2 multiple-answer",
        "  single-answer keys that are the longest option: 3 of 4 (75 %; limit 40 %)",
        f"  key position as shown (after the shuffle): {shown}",
        "  key position in the source: 1: 4",
        "  correct options per multiple-answer question: 2 correct: 1, 3 correct: 1",
    ]


def test_command_prints_diagnostics_statistics_and_fails(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = vary(module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)), "- text: Move on.",
                "- text: Always move on.")
    docs = write_docs(tmp_path / "docs", {"m1.md": page})
    assert main([str(docs)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{docs}/m1.md:26: [item-absolute-distractor] Distractors of "
                             "question 'm1-q1' say 'always'")
    assert out[1] == "the self-check questions: 1 questions, 1 single-answer, 0 multiple-answer"
    assert out[-1] == "1 item diagnostics (item-absolute-distractor: 1)"


def test_command_passes_a_clean_course(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = write_docs(tmp_path / "docs", {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),))})
    assert main([str(docs)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 item diagnostics"


def test_command_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'nowhere'}: not a folder\n"


# ---- objectives a home-study question cannot observe ----------------------------------------

@pytest.mark.parametrize(("text", "verb"), [
    ("Demonstrate an attuned reply.", "Demonstrate"),
    ("reframe a complaint as a longing.", "reframe"),
    ("Structure a repair conversation.", "Structure"),
    ("Evaluate your own side-taking.", "Evaluate your own"),
    ("Evaluate the evidence for EFT.", None),  # evaluating evidence is testable
    ("Describe how to demonstrate care.", None),  # the verb that leads is what is assessed
    ("Modeling clay.", None),
])
def test_skill_verbs_lead_the_objective(text: str, verb: str | None) -> None:
    from coursekit.items import skill_verb

    assert skill_verb(text) == verb


def test_a_skill_objective_is_assessed_by_a_role_play_checklist(tmp_path: Path) -> None:
    from coursetext import ROLEPLAY_PAGE

    skill = vary(module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)), "text: Describe the quiet cue.",
                 "text: Demonstrate naming the quiet cue.")
    alone = load_course(write_docs(tmp_path / "a", {"m1.md": skill}), "docs")
    assert [d.format() for d in check_items(alone)] == [
        "docs/m1.md:8: [objective-skill-observed] Objective 'm1-o1' asks learners to "
        "'Demonstrate', and no role-play checklist item observes it. Tie an observer checklist "
        "item of a role-play to it, or reword it with a verb a question can test (identify, "
        "describe, plan)."]
    with_roleplay = load_course(write_docs(tmp_path / "b", {"m1.md": skill, "rp.md": ROLEPLAY_PAGE}),
                                "docs")
    assert [d.rule for d in check_items(with_roleplay)] == []


def test_huge_items_are_checked_in_linear_time() -> None:
    import time

    text = "quiet partner sighs and waits " * 40_000  # about 1.2 MB
    huge = q((text, True), (text + "x", False), ("Wait.", False), prompt=text, qid="pt-huge")
    practice = q((text, True), ("Move on.", False), ("Wait.", False), prompt=text, qid="m1-huge")
    page = Page(path=P, src_uri="m1.md", kind="module", module_id="m1", questions=[practice],
                prose=text)
    post = Page(path="docs/instructors/post.md", src_uri="instructors/post.md", kind="posttest",
                questions=[huge])
    started = time.perf_counter()
    found = check_items(Course({"m1.md": page, "instructors/post.md": post}, {}, [], []))
    assert time.perf_counter() - started < 20  # seconds; a quadratic match took minutes
    assert "items-posttest-overlap" in {d.rule for d in found}
    assert all(len(d.message) < 1000 for d in found)
