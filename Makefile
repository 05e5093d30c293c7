# Two commands for a newcomer on Debian with Swift: `make demo` and `make test`.
# Both install the system libraries the build needs when they are missing.
APT_PACKAGES := libopenblas-dev libedit-dev libpng-dev libjpeg-dev libsleef-dev libzmq3-dev libcairo2-dev libfreetype-dev libpcre2-dev fonts-dejavu-core python3-venv pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release demo test parity bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

build: deps
	swift build

release: deps
	swift build -c release --product nnsh

demo: release
	.build/release/nnsh --transcript examples/tutorial/01_conv2d.py

test: deps
	swift test --no-parallel
	$(MAKE) release
	@if [ -d ../shared/parity ]; then python3 scripts/parity-ratchet.py; fi
	scripts/jupyter-tests.sh .build/release/nnsh

parity: release
	python3 ../shared/parity/run.py --nnsh .build/release/nnsh

bench: deps
	scripts/bench.sh

clean:
	rm -rf .build
