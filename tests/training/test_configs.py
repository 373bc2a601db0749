"""training/configs/pipeline-continue.cfg: a continuation's learn rate warms up before it trains."""

from __future__ import annotations

from pathlib import Path

from spacy.util import load_config, registry

CONFIG = Path(__file__).resolve().parents[2] / "training" / "configs" / "pipeline-continue.cfg"


def learn_rates(steps: int) -> list[float]:
    """The rates the continuation's optimizer uses at its first `steps` updates."""
    config = load_config(CONFIG, interpolate=True)
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
