# The seed's habits, kept: `make build`, `make tests`, `make release`.
FARM = npx stasis-farm
# Extra options, e.g. make build FLAGS="--profile ci --mirror ../shared/sources"
FLAGS ?=

.PHONY: build tests release fetch plan graph image test

build:
	$(FARM) build $(FLAGS)

tests:
	$(FARM) tests $(FLAGS)

release:
	$(FARM) release $(FLAGS)

fetch:
	$(FARM) fetch $(FLAGS)

plan:
	$(FARM) plan $(FLAGS)

graph:
	$(FARM) graph $(FLAGS)

image:
	$(FARM) image ensure --bootstrap

# The farm's own test suite.
test:
	npm test
