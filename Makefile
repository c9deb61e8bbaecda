# Learnlink: `make run` sets up, loads the demo network and starts everything; `make test` tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LL := $(BIN)/learnlink
INSTALLED := $(VENV)/.installed

.PHONY: run test lint install messages messages-update browser imap spam postfix nginx clean

$(INSTALLED): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED) messages
	$(LL) collectstatic --noinput --verbosity 0

messages: $(INSTALLED)
	$(BIN)/pybabel -q compile -d learnlink/locale -D django

messages-update: $(INSTALLED)
	cd learnlink && ../$(LL) makemessages -l sw -l fr --no-location

run: install
	$(LL) migrate --noinput
	$(LL) demo
	DEBUG=1 $(LL) serve --bind 127.0.0.1:8000

test: install browser imap spam postfix nginx
	mkdir -p test-output
	LEARNLINK_VAR_DIR=$(CURDIR)/var/test $(BIN)/pytest

browser:
	@bin/ensure-package /usr/bin/chromium chromium "browser tests"

imap:
	@bin/ensure-package /usr/sbin/dovecot dovecot-imapd "IMAP tests"

spam:
	@bin/ensure-package /usr/sbin/spamd spamd "spam filter tests"

postfix:
	@bin/ensure-package /usr/sbin/postfix postfix "Postfix tests"

nginx:
	@bin/ensure-package /usr/sbin/nginx nginx "check of the nginx site"

lint: $(INSTALLED)
	$(BIN)/ruff check learnlink tests bench
	$(BIN)/mypy learnlink
	bin/check-translations

clean:
	rm -rf $(VENV) var test-output
