# The two commands of the README, and a few for developers.
#   make run   - install what is missing, build a release binary, create the
#                demo restaurant and serve it on https://127.0.0.1:8443
#   make test  - install what is missing, build, and run every test under
#                AddressSanitizer + UBSan (the black-box suite twice: on the
#                embedded store, then on a throwaway PostgreSQL cluster), then
#                a short fuzzing smoke run
#                (CI runs this; `make test-dev` is the faster local loop)

DATA ?= maitred-data
LISTEN ?= 127.0.0.1:8443
FUZZ_SECONDS ?= 15
JOBS ?= $(shell nproc)

.PHONY: run test test-dev test-asan fuzz-smoke bench setup build-release clean

setup:
	@bash scripts/setup

build-release: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

run: build-release
	@build/release/src/maitred demo --data $(DATA) > $(DATA).demo.out
	@KEY=$$(tail -n 1 $(DATA).demo.out); rm -f $(DATA).demo.out; \
	 echo; echo "Demo API key: $$KEY"; \
	 echo "Try it (in another terminal):"; \
	 echo "  curl --cacert $(DATA)/tls-cert.pem -u '$$KEY:' https://$(LISTEN)/v1/restaurant"; \
	 echo
	exec build/release/src/maitred serve --data $(DATA) --listen $(LISTEN)

test-dev: setup
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)
	ctest --preset dev
	build/dev/tests/with_postgres ctest --preset dev -L api

test-asan: setup
	cmake --preset asan-ubsan >/dev/null
	cmake --build --preset asan-ubsan -j $(JOBS)
	ctest --preset asan-ubsan
	build/asan-ubsan/tests/with_postgres ctest --preset asan-ubsan -L api

fuzz-smoke: setup
	bash fuzz/smoke.sh $(FUZZ_SECONDS)

test: setup
	bash scripts/test-all $(FUZZ_SECONDS)

bench:
	bash bench/http_bench.sh

clean:
	rm -rf build
