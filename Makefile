# newskg: `make demo` sets everything up and runs the main job; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out

.PHONY: demo test install lint bench clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg build examples/ -o $(OUT)/graph.trig --store $(OUT)/kgstore
	$(BIN)/kg validate $(OUT)/graph.trig
	$(BIN)/kg eval $(OUT)/graph.trig tests/data/gold/2020-07-16-serbia-kosovo-brussels-talks.json --summary
	@for q in who-met-whom statements; do echo "== kg query $$q"; $(BIN)/kg query $$q --store $(OUT)/kgstore || exit 1; done
	$(BIN)/kg analyze $(OUT)/graph.trig -o $(OUT)/report
	$(BIN)/kg render $(OUT)/graph.trig -o $(OUT)/graph.html
	@echo "demo outputs are in $(OUT)/: graph.trig, kgstore/, report/, graph.html"

test: install
	$(BIN)/pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check kg tests bench

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(OUT) kgstore .pytest_cache
