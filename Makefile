# Real Moments: the two front-door commands are `make dev` and `make test`.
# Every target installs what it needs by itself: a JDK 25 is found under /usr/lib/jvm, the Maven
# wrapper (./mvnw) fetches the Maven that .mvn/wrapper pins and Maven the Java dependencies, and
# ./.venv gets the emulator and SAM tooling.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 3000
EMULATOR_PORT ?= 4566
STAGE ?= dev

JDK := $(shell scripts/find-jdk25)
ifeq ($(JDK),)
$(error No JDK 25: see the message above)
endif
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)

MVN := ./mvnw -B -ntp $(if $(CI),,-q)
VENV := .venv
VENV_STAMP := $(VENV)/.installed
RUNTIME_JAR := local/runtime/target/runtime.jar

.PHONY: help venv build test dev invoke token lint sam-validate sam-build deploy clean replay-dlq bench-coldstart openapi client checkov bench-burst bench-rush emoji-table

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV_STAMP): local/requirements.txt local/constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r local/requirements.txt -c local/constraints.txt
	touch $@

venv: $(VENV_STAMP) ## Create ./.venv with moto, SAM CLI, cfn-lint, the AWS CLI and the OpenAPI checkers

build: ## Build every function jar and the local runtime (no tests)
	$(MVN) package -DskipTests
	@touch $(BUILT)

# `make dev` and `make invoke` rebuild only when a source, resource or pom is newer than the last
# build (the stamp lives in local/runtime/target, so `./mvnw clean` forgets it): an unchanged tree
# starts in a second instead of Maven's ~18 s, and an edited one is never run stale.
BUILT := local/runtime/target/.built
SOURCES := $(shell find pom.xml shared functions local -name target -prune -o -type f \( -name '*.java' \
	-o -name pom.xml -o -path '*/src/main/resources/*' \) -print)
$(BUILT): $(SOURCES)
	$(MVN) package -DskipTests
	@touch $@

# `make test` runs every step even after one failed, notes each outcome in $(CHECKS), and ends with a summary
# (scripts/test-summary.py: the tests of each module from its surefire reports, then the other checks),
# which fails the build when anything failed. $(call step,name,command) runs one step.
CHECKS := target/checks.txt
step = started=$$(date +%s); if { $(2); }; then outcome=passed; else outcome=FAILED; fi; \
	echo "$(1)|$$outcome|$$(( $$(date +%s) - started )) s" >> $(CHECKS); test $$outcome = passed

test: $(VENV_STAMP) ## Run every test: unit, emulator integration, end to end, API fuzzing, client build, template lint and scan
	@mkdir -p target && rm -f $(CHECKS)
	@find . \( -name .venv -o -name .tools -o -name node_modules \) -prune -o -type d -path '*/target/surefire-reports' -prune -exec rm -rf {} +
	-@$(call step,./mvnw verify (the suites above),$(MVN) verify && touch $(BUILT))
	-@$(call step,scripts/test_*.py (python -m unittest against moto),AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 $(VENV)/bin/python -m unittest discover -s scripts -p 'test_*.py')
	-@$(call step,openapi-spec-validator docs/openapi.yaml,$(MAKE) --no-print-directory openapi)
	-@$(call step,TypeScript client generated and compiled,$(MAKE) --no-print-directory client)
	-@$(call step,sam validate --lint,$(MAKE) --no-print-directory sam-validate)
	-@$(call step,checkov template.yaml,$(MAKE) --no-print-directory checkov)
	-@$(call step,actionlint,$(MAKE) --no-print-directory lint)
	@python3 scripts/test-summary.py

openapi: $(VENV_STAMP) ## Validate docs/openapi.yaml as OpenAPI 3.1 (the routes and responses are tests of local/runtime)
	$(VENV)/bin/openapi-spec-validator docs/openapi.yaml

# A TypeScript client generated from docs/openapi.yaml with openapi-generator (its CLI jar from Maven Central)
# into clients/typescript/target, then compiled by the TypeScript that clients/typescript/package-lock.json pins.
OPENAPI_GENERATOR_VERSION := 7.25.0
OPENAPI_GENERATOR := .tools/openapi-generator-cli-$(OPENAPI_GENERATOR_VERSION).jar
TS_CLIENT := clients/typescript

$(OPENAPI_GENERATOR):
	$(MVN) -N dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$(OPENAPI_GENERATOR_VERSION) -DoutputDirectory=.tools

$(TS_CLIENT)/node_modules/.installed: $(TS_CLIENT)/package.json $(TS_CLIENT)/package-lock.json
	@command -v npm >/dev/null || { echo "make client needs Node.js and npm (https://nodejs.org)" >&2; exit 1; }
	cd $(TS_CLIENT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

client: $(OPENAPI_GENERATOR) $(TS_CLIENT)/node_modules/.installed ## Generate the TypeScript client from docs/openapi.yaml into clients/typescript/target and compile it
	rm -rf $(TS_CLIENT)/target && mkdir -p $(TS_CLIENT)/target
	java -jar $(OPENAPI_GENERATOR) generate --input-spec docs/openapi.yaml --generator-name typescript-fetch \
		--output $(TS_CLIENT)/target/generated --additional-properties=supportsES6=true \
		> $(TS_CLIENT)/target/generate.log 2>&1 || { cat $(TS_CLIENT)/target/generate.log; exit 1; }
	cd $(TS_CLIENT) && npx --no-install tsc -p tsconfig.json

# checkov pins boto3 1.35, which moto and SAM CLI cannot share: it gets a venv of its own in ./.tools.
CHECKOV_VENV := .tools/checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed

$(CHECKOV_STAMP): local/checkov/requirements.txt local/checkov/constraints.txt
	python3 -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install -q --upgrade pip
	$(CHECKOV_VENV)/bin/pip install -q -r local/checkov/requirements.txt -c local/checkov/constraints.txt
	touch $@

checkov: $(CHECKOV_STAMP) ## Scan template.yaml with checkov: each failing check is fixed, or skipped in its resource's Metadata with the reason
	@mkdir -p target/checkov
	$(CHECKOV_VENV)/bin/checkov --file template.yaml --framework cloudformation --skip-download --quiet --compact \
		--output cli --output json --output-file-path console,target/checkov/results_json.json
	@test -s target/checkov/results_json.json || { echo "checkov wrote no results" >&2; exit 1; }

# Functions run in a JVM per container with an AOT cache per function jar (.local/aot, docs/local-runtime.md);
# IN_PROCESS=1 runs them all in the runtime's JVM instead, AOT=0 runs the container JVMs without the cache.
CONTAINER_FLAGS = $(if $(IN_PROCESS),--in-process)$(if $(filter 0,$(AOT)), --no-aot)

dev: $(VENV_STAMP) $(BUILT) ## Run the whole stack locally on the emulator (http://127.0.0.1:$(PORT)); ENDPOINT=<url> uses a running emulator; IN_PROCESS=1, AOT=0
	java -jar $(RUNTIME_JAR) dev --port $(PORT) --emulator-port $(EMULATOR_PORT) $(if $(ENDPOINT),--endpoint $(ENDPOINT)) $(CONTAINER_FLAGS)

invoke: $(VENV_STAMP) $(BUILT) ## Run one function once: make invoke FUNCTION=<logical id> EVENT=events/<file>.json; IN_PROCESS=1, AOT=0
	@test -n "$(FUNCTION)" -a -n "$(EVENT)" || { echo "usage: make invoke FUNCTION=<logical id> EVENT=events/<file>.json" >&2; exit 2; }
	java -jar $(RUNTIME_JAR) invoke --function $(FUNCTION) --event $(EVENT) --emulator-port $(EMULATOR_PORT) $(CONTAINER_FLAGS)

token: ## Print an ID token for a local user: make -s token NAME=alice [GROUP=moderators] (with `make dev` running)
	@test -f $(RUNTIME_JAR) || $(MVN) package -DskipTests >&2
	@java -jar $(RUNTIME_JAR) token --user $(or $(NAME),alice) $(if $(GROUP),--groups $(GROUP))

# SAM CLI without telemetry: these machines have no internet to send it to.
SAM := SAM_CLI_TELEMETRY=0 $(VENV)/bin/sam
SAM_FUNCTIONS := HealthFunction ProfileApiFunction CampusApiFunction SocialApiFunction MomentsApiFunction FeedApiFunction NotificationsApiFunction \
	UploadProcessorFunction FeedFanoutFunction ActivityRelayFunction NotificationDispatcherFunction InteractionsApiFunction PromptSchedulerFunction \
	ModerationApiFunction ModerationMetricsFunction \
	ExportApiFunction ExporterFunction AccountApiFunction AccountEraserFunction
.PHONY: sam-stage $(addprefix build-,$(SAM_FUNCTIONS))

sam-validate: $(VENV_STAMP) ## sam validate --lint (cfn-lint) on template.yaml; any warning fails
	$(SAM) validate --lint --template template.yaml --region us-east-1

sam-build: $(VENV_STAMP) $(BUILT) ## sam build into .aws-sam/ (one function: FUNCTION=<logical id>)
	$(SAM) build --template template.yaml $(FUNCTION)

# CURSOR_SIGNING_KEY and ALARM_EMAIL become parameter overrides; SAM_DEPLOY_FLAGS adds sam deploy options
# (CI passes --no-confirm-changeset: its approval is the GitHub environment's, docs/deploying.md).
DEPLOY_OVERRIDES = $(if $(CURSOR_SIGNING_KEY)$(ALARM_EMAIL),--parameter-overrides Stage=$(STAGE)$(if $(CURSOR_SIGNING_KEY), CursorSigningKey=$(1))$(if $(ALARM_EMAIL), AlarmEmail=$(ALARM_EMAIL)))
deploy: sam-stage sam-build ## Deploy STAGE=dev|prod as samconfig.toml says (AWS credentials; docs/deploying.md)
	@echo "sam deploy --config-env $(STAGE) $(SAM_DEPLOY_FLAGS) $(call DEPLOY_OVERRIDES,***)"
	@$(SAM) deploy --config-env $(STAGE) $(SAM_DEPLOY_FLAGS) $(call DEPLOY_OVERRIDES,$(CURSOR_SIGNING_KEY))

sam-stage:
	@grep -q '^\[$(STAGE)\.deploy\.parameters\]' samconfig.toml || { echo "samconfig.toml has no stage '$(STAGE)' (use STAGE=dev or STAGE=prod)" >&2; exit 2; }

# `sam build` runs build-<LogicalId> (template.yaml: Metadata BuildMethod makefile) from the repository
# root with ARTIFACTS_DIR set. The function's shaded jar goes to lib/, which the java runtime puts on
# the classpath; `make build` made it.
define sam-artifact
@test -n "$(ARTIFACTS_DIR)" || { echo "$@ is run by sam build (make sam-build), which sets ARTIFACTS_DIR" >&2; exit 2; }
@test -f functions/$(1)/target/$(1).jar || { echo "functions/$(1)/target/$(1).jar is missing: make build writes it (is functions/$(1) a module of the root pom?)" >&2; exit 1; }
mkdir -p "$(ARTIFACTS_DIR)/lib"
cp functions/$(1)/target/$(1).jar "$(ARTIFACTS_DIR)/lib/"
endef

build-HealthFunction: ; $(call sam-artifact,health)
build-ProfileApiFunction: ; $(call sam-artifact,profile-api)
build-CampusApiFunction: ; $(call sam-artifact,campus-api)
build-SocialApiFunction: ; $(call sam-artifact,social-api)
build-MomentsApiFunction: ; $(call sam-artifact,moments-api)
build-FeedApiFunction: ; $(call sam-artifact,feed-api)
build-NotificationsApiFunction: ; $(call sam-artifact,notifications-api)
build-UploadProcessorFunction: ; $(call sam-artifact,upload-processor)
build-FeedFanoutFunction: ; $(call sam-artifact,feed-fanout)
build-ActivityRelayFunction: ; $(call sam-artifact,activity-relay)
build-NotificationDispatcherFunction: ; $(call sam-artifact,notification-dispatcher)
build-InteractionsApiFunction: ; $(call sam-artifact,interactions-api)
build-PromptSchedulerFunction: ; $(call sam-artifact,prompt-scheduler)
build-ModerationApiFunction: ; $(call sam-artifact,moderation-api)
build-ModerationMetricsFunction: ; $(call sam-artifact,moderation-metrics)
build-ExportApiFunction: ; $(call sam-artifact,export-api)
build-ExporterFunction: ; $(call sam-artifact,exporter)
build-AccountApiFunction: ; $(call sam-artifact,account-api)
build-AccountEraserFunction: ; $(call sam-artifact,account-eraser)

# actionlint for .github/workflows, built once from the Go module proxy into ./.tools (needs Go).
ACTIONLINT_VERSION := v1.7.12
ACTIONLINT := .tools/actionlint-$(ACTIONLINT_VERSION)

# Go from PATH, else where its official tarball installs it (a non-login shell may not have it on PATH).
GO := $(or $(shell command -v go 2>/dev/null),$(wildcard /usr/local/go/bin/go))

$(ACTIONLINT):
	@test -n "$(GO)" || { echo "make lint needs Go (https://go.dev/dl) to build actionlint $(ACTIONLINT_VERSION)" >&2; exit 1; }
	mkdir -p .tools/bin
	GOBIN=$(CURDIR)/.tools/bin GOFLAGS=-mod=mod $(GO) install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)
	mv .tools/bin/actionlint $@

lint: $(ACTIONLINT) ## Check the GitHub Actions workflows with actionlint (installed into ./.tools)
	$(ACTIONLINT) -no-color

bench-coldstart: $(VENV_STAMP) ## Cold start of every function vs a do-nothing handler, plain and AOT cache (~4 min; MODES=plain,aot,snap FUNCTIONS=...)
	benchmarks/cold-start/run.sh

bench-burst: $(VENV_STAMP) ## The daily prompt of MEMBERS (10000) members through the local stack: time and AWS calls per member (~6 min)
	benchmarks/prompt-burst/run.sh

bench-rush: $(VENV_STAMP) ## The rush after the prompt with locust: USERS (40) members post and read for RUN_TIME (60s), loopback only
	benchmarks/prompt-burst/load.sh

emoji-table: ## Rewrite the reaction rule's emoji table from the JEmoji version the pom names
	$(MVN) -pl shared -am test -Dtest=EmojiTableTest -Dsurefire.failIfNoSpecifiedTests=false -Demoji.table.write=true

replay-dlq: $(VENV_STAMP) ## Move jobs from a dead-letter queue back to its queue (QUEUE=Notifications, or Erasure; with `make dev` running)
	@$(VENV)/bin/python scripts/replay-dlq.py $(or $(QUEUE),Notifications)

clean: ## Remove build output and local state (keeps .venv)
	$(MVN) clean
	rm -rf .aws-sam .local $(TS_CLIENT)/target
