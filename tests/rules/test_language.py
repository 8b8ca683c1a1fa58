"""The scenario language: conditional, random and iterated effects, named conditions and
groups, per-country flags, texts with values and same-turn follow-ups, on a test scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from game.engine.commands import AnswerProposal, ChooseOption, EndTurn, TakeAction
from game.engine.game import Game, new_game, replay
from game.engine.snapshot import state_hash
from game.rules.compiler import Compiler, ExprError
from game.rules.types import Env
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

LANG = Path(__file__).parent.parent / "data" / "lang"
_cache: dict[str, Scenario] = {}


def lang() -> Scenario:
    if "lang" not in _cache:
        _cache["lang"] = load_scenario(LANG)
    return _cache["lang"]


def game(humans: list[str] | None = None, seed: int = 3) -> Game:
    return new_game(lang(), seed=seed, humans=["NOR"] if humans is None else humans)


def preview(g: Game, action: str, me: str = "NOR", target: str | None = None) -> list[str]:
    return g.action_effects(lang().actions[action], me, target)


def test_value_level_if_applies_the_branch_that_holds_and_says_both() -> None:
    g = game()
    words = preview(g, "sign")
    assert (
        "If The loan plan is accepted (it is not): Nordia: Prestige +4; "
        "otherwise Nordia: Prestige −2"
    ) in words
    g.apply(TakeAction("NOR", "sign"))
    assert g.state.stats["NOR"]["prestige"] == 18


def test_value_level_if_takes_the_other_branch_when_the_flag_is_set() -> None:
    g = game()
    g.apply(TakeAction("NOR", "accept_loan"))
    assert "(it is): Nordia: Prestige +4" in " ".join(preview(g, "sign"))
    g.apply(TakeAction("NOR", "sign"))
    assert g.state.stats["NOR"]["prestige"] == 24


def test_block_if_nests_and_previews_which_branch_holds() -> None:
    g = game()
    words = " | ".join(preview(g, "sign"))
    assert (
        "If warm era (it is not): Nordia: Morale +3; If Unrest > 50 (it is not): Unrest −5; "
        "otherwise Nordia: Morale −3"
    ) in words
    g.apply(TakeAction("NOR", "sign"))
    # The accord is signed by the action's first effect, so by the time the block runs the
    # era is warm: morale +3 (the preview spoke of the state before the action).
    assert g.state.stats["NOR"]["morale"] == 53


def test_random_outcomes_show_their_chances_now_and_draw_with_the_game_rng() -> None:
    g = game()
    words = " | ".join(preview(g, "sign"))
    # weights 60 and 40 + 50 / 2 = 65: 48 % and 52 %
    assert "At random — 48 %: Unrest +2 | 52 %: Unrest −2" in words
    outcomes = set()
    for seed in range(12):
        g = game(humans=["NOR", "SUD"], seed=seed)
        g.apply(TakeAction("NOR", "sign"))
        outcomes.add(g.state.globals["unrest"])
    assert outcomes == {12.0, 8.0}


def test_triggered_events_are_named_with_their_filled_in_titles() -> None:
    assert preview(game(), "sign")[-1] == "Leads to “Sudland hears the reply”"


def test_for_each_runs_in_scenario_order_with_it_bound() -> None:
    g = game()
    words = " | ".join(preview(g, "sign"))
    assert (
        "For each country where it is not Nordia and relations Nordia–it > 0: "
        "Relations Nordia–Sudland +5; Sudland: Morale +1"
    ) in words
    g.apply(TakeAction("NOR", "sign"))
    assert g.state.relations["NOR|SUD"] == 35
    assert g.state.relations["EST|NOR"] == -10
    assert g.state.stats["SUD"]["morale"] == 51


def test_iteration_functions_count_and_quantify_over_countries() -> None:
    g = game()
    c = Compiler(lang().lex)
    env = Env("NOR")
    assert c.value("count_countries(it.morale > 40)").fn(g.state, env) == 2
    assert c.value("any_country(relation(self, it) > 20 and it != self)").fn(g.state, env)
    assert not c.value("all_countries(it.morale > 40)").fn(g.state, env)


def test_named_conditions_explain_by_name_and_one_level_down() -> None:
    g = game()
    node = Compiler(lang().lex).condition("warm_era")
    assert node.explain(g.state, Env("NOR"), lang().lex) == [
        "Requires warm era (Requires accord era (Requires The accord is signed))"
    ]


def test_effect_groups_run_as_one_statement() -> None:
    g = game()
    assert preview(g, "accept_loan") == [
        "Sets: The loan plan is accepted",
        "Nordia: Morale +5; Nordia celebrates in 1924; Unrest −1",
    ]
    g.apply(TakeAction("NOR", "accept_loan"))
    assert g.state.stats["NOR"]["morale"] == 55
    assert [e.title for e in g.state.log if e.kind == "note"] == ["Nordia celebrates in 1924"]


def test_per_country_flags_are_set_and_read_per_country() -> None:
    g = game()
    c = Compiler(lang().lex)
    g.apply(TakeAction("NOR", "sign"))
    assert c.value("NOR.flag.honoured").fn(g.state, Env("NOR"))
    assert not c.value("SUD.flag.honoured").fn(g.state, Env("NOR"))
    assert c.value("self.flag.honoured").fn(g.state, Env("NOR"))
    with pytest.raises(ExprError, match="per country: write COUNTRY.flag.honoured"):
        c.value("flag.honoured")


def _end_turn(g: Game, who: str = "NOR") -> None:
    while g.state.pending.get(who):
        eid = g.state.pending[who][0]
        g.apply(ChooseOption(who, eid, g.event_options(who, eid)[0].option.id))
    for proposal in g.incoming(who):
        g.apply(AnswerProposal(who, proposal.number, False))
    g.apply(EndTurn(who))


def test_turns_since_accepts_flags_events_and_actions() -> None:
    g = game()
    c = Compiler(lang().lex)
    env = Env("NOR")
    for src in ("turns_since(sign)", "turns_since(reply)", "turns_since(NOR.flag.honoured)"):
        assert c.value(src).fn(g.state, env) == 9999
    g.apply(TakeAction("NOR", "sign"))
    _end_turn(g)
    _end_turn(g)
    for src in ("turns_since(sign)", "turns_since(reply)", "turns_since(NOR.flag.honoured)"):
        assert c.value(src).fn(g.state, env) == 2
    assert "anniversary" in g.state.fired


def test_texts_carry_values_and_escaped_braces() -> None:
    g = game(humans=["NOR", "SUD"])
    g.apply(TakeAction("NOR", "sign"))
    assert g.state.pending["SUD"] == ["reply"]
    title, text = g.event_words("SUD", "reply")
    assert title == "Sudland hears the reply"
    assert text == "Relations stand at 35; 2 countries are content. {Braces} stay."
    options = g.event_options("SUD", "reply")
    assert options[0].text == "Welcome it in 1924"
    assert any(e.kind == "event" and e.title == "Sudland hears the reply" for e in g.state.log)


def test_same_turn_follow_up_reaches_a_person_right_after_the_answer() -> None:
    g = game(humans=["NOR", "SUD"])
    g.apply(TakeAction("NOR", "sign"))
    g.apply(ChooseOption("SUD", "reply", "welcome"))
    assert g.state.pending["SUD"] == ["echo"]
    assert g.state.turn == 0


def test_computer_resolves_same_turn_follow_ups_at_once() -> None:
    g = game(humans=["NOR"])
    g.apply(TakeAction("NOR", "sign"))
    turns = {e.id: e.turn for e in g.state.log if e.kind == "event"}
    assert turns.get("reply") == 0
    if g.state.chosen.get("reply") == "welcome":
        assert turns.get("echo") == 0


def test_scheduled_event_whose_condition_fails_is_dropped_and_counted() -> None:
    g = game(humans=["NOR", "SUD"])
    g.apply(TakeAction("NOR", "sign"))
    g.apply(ChooseOption("SUD", "reply", "welcome"))
    g.apply(ChooseOption("SUD", "echo", "option1"))
    _end_turn(g, "NOR")
    _end_turn(g, "SUD")
    assert "too_late" not in g.state.fired
    assert g.dropped == {"too_late": 1}


def test_division_by_zero_is_zero_at_run_time() -> None:
    g = game()
    node = Compiler(lang().lex).value("self.morale / (unrest - unrest)")
    assert node.fn(g.state, Env("NOR")) == 0


def test_endings_fill_in_their_texts() -> None:
    g = game()
    g.apply(TakeAction("NOR", "sign"))
    while not g.state.over:
        _end_turn(g)
    ending = next(e for e in lang().endings if e.d.id == g.state.endings["NOR"])
    env = Env("NOR")
    assert ending.title_for("NOR").render(g.state, env, lang().lex) == "The accord holds for Nordia"
    text = ending.text_for("NOR").render(g.state, env, lang().lex)
    assert text.startswith("Nordia ends with prestige ")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=hs.integers(0, 2**32), picks=hs.lists(hs.integers(0, 50), max_size=40))
def test_random_outcomes_replay_bit_for_bit(seed: int, picks: list[int]) -> None:
    g = game(humans=["NOR", "SUD"], seed=seed)
    for pick in picks:
        if g.state.over:
            break
        who = g.waiting_for()[pick % len(g.waiting_for())]
        pending = g.state.pending.get(who)
        if g.incoming(who):
            g.apply(AnswerProposal(who, g.incoming(who)[0].number, pick % 2 == 0))
            continue
        if pending:
            opts = [o for o in g.event_options(who, pending[0]) if o.ok]
            g.apply(ChooseOption(who, pending[0], opts[pick % len(opts)].option.id))
            continue
        views = [v for v in g.available_actions(who) if v.ok]
        if views and pick % 3:
            view = views[pick % len(views)]
            aims = [t.country for t in view.targets if t.ok]
            g.apply(TakeAction(who, view.action.d.id, aims[pick % len(aims)] if aims else None))
        else:
            g.apply(EndTurn(who))
    again = replay(lang(), seed, ["NOR", "SUD"], list(g.commands))
    assert again.state.hashes == g.state.hashes
    assert state_hash(again.state) == state_hash(g.state)


def test_balance_report_counts_scheduled_events_dropped_by_their_condition(
    tmp_path: Path,
) -> None:
    from game.engine.simulate import simulate
    from game.report import why_rare
    from tests.helpers import lang_acting_alone

    scenario = lang_acting_alone(tmp_path)
    report = simulate(scenario, games=6)
    assert report["dropped"].get("too_late", 0) > 0
    assert why_rare(scenario, report, "too_late").startswith(
        "Scheduled but its condition failed when it came due"
    )


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("3 + (70 - self.morale) / 8", "3 + (70 − "),
        ("(self.morale + 2) * 3", "(Nordia"),
        ("10 - (self.morale - 2)", "10 − (Nordia"),
        ("self.morale / 2 + 1", "/ 2 + 1"),
    ],
)
def test_sums_inside_products_keep_their_brackets_in_words(source: str, words: str) -> None:
    g = game()
    text = Compiler(lang().lex).value(source).text(g.state, Env("NOR"), lang().lex)
    assert words in text
    assert text.count("(") == text.count(")")
