# The seed's habits, kept: `make build`, `make tests`, `make release`.
FARM = npx stasis-farm

.PHONY: build tests release fetch plan graph image test

build:
	$(FARM) build

tests:
	$(FARM) tests

release:
	$(FARM) release

fetch:
	$(FARM) fetch

plan:
	$(FARM) plan

graph:
	$(FARM) graph

image:
	$(FARM) image ensure --bootstrap

# The farm's own test suite.
test:
	npm test
