# Two commands for a new user: `make demo` and `make test`. Both bootstrap .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit train-models knowledge benchmarks clean web-assets

# Country outlines for the web UI's map: world-atlas from the npm registry (ISC; Natural Earth,
# public domain), pinned by version and checksum. Without npm the map draws no land.
WORLD_ATLAS := world-atlas-2.0.2.tgz
WORLD_ATLAS_SHA256 := 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
WORLD := src/newsgraph/web/static/world/countries-110m.json

web-assets: $(WORLD)

$(WORLD):
	@tmp=$$(mktemp -d) && ( cd $$tmp && npm pack --silent world-atlas@2.0.2 >/dev/null \
		&& echo "$(WORLD_ATLAS_SHA256)  $(WORLD_ATLAS)" | sha256sum -c --quiet - \
		&& tar -xzf $(WORLD_ATLAS) package/countries-110m.json package/LICENSE ) \
		&& mkdir -p $(dir $(WORLD)) && cp $$tmp/package/LICENSE $(dir $(WORLD))LICENSE \
		&& cp $$tmp/package/countries-110m.json $(WORLD) \
		|| echo "web-assets: world-atlas not fetched (npm missing?); the map draws no land" >&2; \
		rm -rf $$tmp

$(STAMP): requirements.lock pyproject.toml | $(WORLD)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
# The editable install leaves src/ uncompiled: byte-compile it once, as a wheel install would,
# so that a process (a spawned worker) does not compile ~110 modules at each start.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/ruff format --check src tests benchmarks training

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

# WIKINER=/path/aij-wikiner-fr-wp3 adds WikiNER French to the fr data (docs/models.md says where).
train-models: $(STAMP) knowledge
	$(BIN)/python training/convert.py --data ../shared/datasets --out training/corpus \
		$(if $(WIKINER),--wikiner $(WIKINER))
	bash training/train.sh

# Actor knowledge (persons, organisations, roles) from ../shared/datasets/actors.
knowledge: $(STAMP)
	$(BIN)/python training/build_knowledge.py --actors ../shared/datasets/actors

benchmarks: $(STAMP)
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
