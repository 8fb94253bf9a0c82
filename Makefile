# newskg: `make demo` sets everything up and runs the main job; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out

.PHONY: demo test install lint bench clean

$(BIN)/kg: pyproject.toml
	@echo "== creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "== upgrading pip"
	@$(BIN)/pip install -qq --upgrade pip
	@echo "== installing newskg and its test tools (spaCy and its English model, rdflib, Oxigraph, ...): about a minute"
	@$(BIN)/pip install -qq -e '.[test]'
	@touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	@echo "== building the example articles into $(OUT)/graph.trig and the store $(OUT)/kgstore"
	$(BIN)/kg build examples/ -o $(OUT)/graph.trig --store $(OUT)/kgstore
	@echo "== validating the graph against the SHACL shapes"
	$(BIN)/kg validate $(OUT)/graph.trig
	@echo "== scoring the seed article against its gold file"
	$(BIN)/kg eval $(OUT)/graph.trig tests/data/gold/2020-07-16-serbia-kosovo-brussels-talks.json --summary
	@for q in who-met-whom statements; do echo "== kg query $$q"; $(BIN)/kg query $$q --store $(OUT)/kgstore --limit 20 || exit 1; done
	@echo "== analysing the graph into $(OUT)/report"
	$(BIN)/kg analyze $(OUT)/graph.trig -o $(OUT)/report
	@echo "== rendering the interactive graph $(OUT)/graph.html"
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
