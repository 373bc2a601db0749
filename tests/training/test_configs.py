"""training/configs: a continuation's learn rate warms up before it trains; the da/sv NER's warms up,
then declines to 0 at its last step."""

from __future__ import annotations

from pathlib import Path

from spacy.util import load_config, registry

CONFIGS = Path(__file__).resolve().parents[2] / "training" / "configs"
CONFIG = CONFIGS / "pipeline-continue.cfg"


def learn_rates(steps: int, path: Path = CONFIG) -> list[float]:
    """The rates a config's optimizer uses at its first `steps` updates."""
    config = load_config(path, interpolate=True)
    optimizer = registry.resolve({"optimizer": config["training"]["optimizer"]})["optimizer"]
    rates = []
    for _ in range(steps):
        rates.append(float(optimizer.learn_rate))
        optimizer.step_schedules()
    return rates


def test_continuation_learn_rate_rises_from_zero_to_its_peak_then_stays_near_it() -> None:
    rates = learn_rates(1_000)
    peak = max(rates)
    assert rates[0] == 0.0
    assert rates[:300] == sorted(rates[:300])
    assert rates.index(peak) == 300
    assert 0.0 < rates[100] < peak / 2
    # After the warm-up the rate declines over the whole run (max_steps), not within a few hundred.
    assert rates[-1] > 0.95 * peak


def test_scandinavian_ner_warms_up_then_declines_to_zero_at_max_steps_with_averages() -> None:
    config = load_config(CONFIGS / "ner-scand.cfg", interpolate=True)
    steps = config["training"]["max_steps"]
    rates = learn_rates(steps + 1, CONFIGS / "ner-scand.cfg")
    peak = max(rates)
    assert rates[0] == 0.0 and rates.index(peak) == 500
    assert rates[steps // 2] < peak and rates[steps] == 0.0
    assert config["training"]["optimizer"]["use_averages"] is True
    encode = config["components"]["ner"]["model"]["tok2vec"]["encode"]
    assert (encode["width"], encode["depth"]) == (128, 4)
