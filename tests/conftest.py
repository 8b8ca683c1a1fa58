"""Shared test setup: run pygame headless, before anything imports it."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Tests read the source language unless they choose another: not the machine's locale.
os.environ["LANGUAGE"] = "en"


def pytest_configure(config: object) -> None:
    """Keep parsed-scenario copies and the player's scenarios out of the user's folders."""
    import tempfile
    from pathlib import Path

    from game.scenario import toml_cache

    toml_cache.FOLDER = Path(tempfile.mkdtemp(prefix="rapallo-toml-"))
    # The player's own scenario folder: empty, and never the real one.
    os.environ["RAPALLO_SCENARIOS"] = tempfile.mkdtemp(prefix="rapallo-scenarios-")


# Variants and second flows that repeat what a quicker test in the same file checks: they
# run with the long tests (`pytest -m slow`), so the default suite stays quick on two cores.
LONG_VARIANTS = (
    "ui/test_guide.py::test_the_guide_steps_aside_for_the_pause_menu_and_settings",
    "ui/test_guide.py::test_loading_a_saved_game_leaves_the_guide",
    "ui/test_guide.py::test_no_thanks_is_remembered_and_the_menu_still_offers_the_guide",
    "ui/test_turn_summary.py::test_the_summary_stays_in_the_news_log_and_reopens",
    "ui/test_layout.py::test_every_screen_fits_and_nothing_overlaps[2560x1440-100]",
    "ui/test_layout.py::test_every_screen_fits_and_nothing_overlaps[1024x600-100]",
    "ui/test_languages.py::test_main_screens_fit_in_every_language[en]",
    "ui/test_languages.py::test_main_screens_fit_in_every_language[de]",
    "ui/test_languages.py::test_the_turn_in_review_the_paths_and_the_guide_speak_the_language[de]",
    "ui/test_play.py::test_a_game_runs_from_menu_to_ending[second-side]",
    "ui/test_campaigns.py::test_a_new_game_keeps_the_other_campaigns_autosaves",
    "ui/test_paths.py::test_the_paths_follow_the_state",
    "ui/test_saves.py::test_a_bad_save_shows_its_reason_and_breaks_nothing[binary]",
    "ui/test_saves.py::test_a_bad_save_shows_its_reason_and_breaks_nothing[truncated]",
    "ui/test_saves.py::test_a_bad_save_shows_its_reason_and_breaks_nothing[empty]",
    "ui/test_saves.py::test_autosave_keeps_the_last_five",
    "ui/test_hostile_saves.py::test_an_edited_snapshot_is_replayed_and_the_player_told[stat-text]",
    "ui/test_hostile_saves.py::test_an_edited_snapshot_is_replayed_and_the_player_told[all-stats-100]",
    "ui/test_hostile_saves.py::test_a_save_with_bad_fields_shows_one_line[long-id]",
    "ui/test_hostile_saves.py::test_a_save_with_bad_fields_shows_one_line[huge-seed]",
    "ui/test_treaties.py::test_the_soviet_player_may_refuse_rapallo",
    "test_cli.py::test_simulate_jobs_give_the_same_figures",
    "ui/test_layout.py::test_every_screen_fits_and_nothing_overlaps[1280x720-100]",
    "ui/test_saves.py::test_a_changed_scenario_that_replays_exactly_is_only_mentioned",
    "ui/test_saves.py::test_saving_twice_under_one_name_asks_before_replacing",
    "ui/test_author.py::test_the_console_is_off_until_the_setting_turns_it_on",
    "ui/test_sound.py::test_every_sound_file_is_built_by_the_script_and_named_in_the_readme",
    "ui/test_play.py::test_hot_seat_hands_over_between_people",
    "ui/test_saves.py::test_a_diverging_replay_asks_keep_or_cancel",
    "ui/test_saves.py::test_load_from_the_pause_menu_lists_saves_newest_first",
    "engine/test_saves.py::test_killing_a_saving_process_never_corrupts_the_save",
    "test_map_cli.py::test_export_then_import_reproduces_a_bundled_map",
    "ui/test_guide.py::test_the_guide_goes_on_with_space_and_its_map_takes_clicks",
    "ui/test_lists.py::test_the_wheel_scrolls_the_actions_list_it_is_over",
    "ui/test_lists.py::test_the_actions_list_grows_with_the_panel",
    "ui/test_lists.py::test_the_news_follows_the_newest_entry_unless_scrolled_up",
    "ui/test_map_atlas.py::test_screenshots_at_three_zooms[colourblind]",
    "ui/test_lists.py::test_the_country_tab_shows_the_description_of_now",
    "ui/test_descriptions.py::test_the_soviet_description_after_1922_speaks_of_no_white_armies",
    "ui/test_event_place.py::test_the_inset_rings_its_place_in_paper_and_names_it_clear_of_the_ring",
    "ui/test_turn_summary.py::test_a_top_bar_stat_shows_the_turn_so_far_by_cause",
    "ui/test_score_scale.py::test_the_ending_score_reads_against_the_possible_and_the_best_ai_game",
    "ui/test_end_turn.py::test_the_finished_game_is_autosaved_and_continue_shows_the_ending",
    "ui/test_secrets.py::test_an_exposure_reveals_the_secrets_to_france",
    "ui/test_map_atlas.py::test_every_country_with_territory_in_view_has_a_visible_name[1280-normal-pact]",
    "ui/test_sound.py::test_a_click_and_an_event_sound",
    "ui/test_window.py::test_resizing_rebuilds_the_game_layout[(1280, 720)]",
    "ui/test_saves.py::test_no_autosave_when_the_setting_is_off",
    "ui/test_map_atlas.py::test_names_lie_on_their_own_land_and_in_view[pact]",
    "ui/test_map_atlas.py::test_a_name_beside_its_land_is_a_last_resort_tied_to_it[pact]",
    "ui/test_map_atlas.py::test_neighbours_have_colours_apart[normal-pact]",
    "scenario/test_categories.py::test_bundled_scenarios_translate_every_heading_and_capital[ru-pact]",
    "ui/test_words_in_language.py::test_the_games_own_saves_are_named_in_the_language_they_are_read_in[de]",
    "ui/test_window.py::test_resizing_rebuilds_the_game_layout[(3840, 2160)]",
    "ui/test_hostile_saves.py::test_a_save_with_bad_fields_shows_one_line[unknown-human]",
    "ui/test_event_place.py::test_a_region_event_outlines_its_region",
    "ui/test_numbers.py::test_every_bar_of_the_country_tab_has_a_tooltip",
    "ui/test_secrets.py::test_germany_sees_its_own_secrets_but_not_the_soviet_ones",
    "ui/test_saves.py::test_a_bad_save_shows_its_reason_and_breaks_nothing[foreign]",
    "ui/test_campaigns.py::test_a_name_the_font_cannot_draw_says_so",
    "test_tutorial.py::test_tutorial_step_six_lowering_the_cost_changes_nothing_raising_the_reward_does",
)


def pytest_collection_modifyitems(config: object, items: list) -> None:  # type: ignore[type-arg]
    """Mark the long variants above as slow."""
    import pytest

    for item in items:
        if item.nodeid.removeprefix("tests/") in LONG_VARIANTS:
            item.add_marker(pytest.mark.slow)
