# claimgraph: `make demo` and `make test` do all set-up on a fresh machine (Python 3.11+, PyPI only).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements-pip.lock requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.db

.PHONY: install ftm demo test lint bench eval lock clean

install: $(STAMP)

# Every package, the spaCy model included, is pinned by version and sha256 in requirements.lock; pip itself in
# requirements-pip.lock (why: see there).
$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-* && touch $@

# The followthemoney package, to validate FollowTheMoney exports (tests use it when present; CI installs it).
ftm: install
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-ftm.lock

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimgraph ingest examples/corpus --db $(DEMO_DB)
	@echo; echo "== Documents"; $(BIN)/claimgraph docs --db $(DEMO_DB)
	@echo; echo "== Most mentioned entities"; $(BIN)/claimgraph entities --db $(DEMO_DB) --limit 15
	@echo; echo "== One entity, found by an alias"; $(BIN)/claimgraph entity Pyongyang --db $(DEMO_DB)
	@echo; echo "== Sanctions and designations across reports: planned, considered, done, with follow-ups"
	@$(BIN)/claimgraph events --db $(DEMO_DB) --type SANCTION
	@echo; echo "== Disputed: events one source asserts and another denies, claims side by side"
	@$(BIN)/claimgraph disputes --db $(DEMO_DB)
	@echo; echo "== One event across reports: every claim, its sources, the plans it carried out, why it was merged"
	@$(BIN)/claimgraph event $$($(BIN)/claimgraph events --db $(DEMO_DB) --json \
	    | $(BIN)/python -c "import json,sys; print(max(json.load(sys.stdin), key=lambda e: (len(e['fulfils']), e['sources']['reports']))['id'])") --db $(DEMO_DB)
	@echo; echo "Database: $(DEMO_DB). Try: $(BIN)/claimgraph timeline 'Wagner Group' --db $(DEMO_DB)"
	@echo "Web app: $(BIN)/claimgraph serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/entity/Wagner%20Group"

test: install
	$(BIN)/python -m ruff check src tests bench scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/throughput.py

eval: install
	$(BIN)/claimgraph eval seed ../shared/eval/dev/seed
	$(BIN)/claimgraph eval timex ../shared/eval/dev/tempeval3_tbaq
	$(BIN)/claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl
	$(BIN)/claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl --folds 5
	$(BIN)/claimgraph eval news ../shared/eval/dev/news_clusters
	$(BIN)/claimgraph eval attribution ../shared/eval/dev/polnear/dev

# Regenerate requirements.lock after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	sed -i "s/^#    pip-compile .*/#    make lock/" requirements.lock
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra ftm --strip-extras --no-emit-index-url --no-emit-find-links -c requirements.lock -o requirements-ftm.lock pyproject.toml
	sed -i "s/^#    pip-compile .*/#    make lock/" requirements-ftm.lock

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
