# tintuc — the two commands a newcomer needs, and a few more.
#   make serve   install what is missing, then serve the sample site with trunk, indexing
#                again whenever an article is saved
#   make test    install what is missing, then run every test layer
.PHONY: serve new test build content check-content clean bench bench-publisher bench-hostile bench-search fuzz

PUBLIC_URL ?= /

serve:
	scripts/setup.sh serve
	scripts/serve.sh

# Start an article: make new SECTION=kinh-te TITLE="Tiêu đề bài viết"
new:
	cargo run --quiet -p tintuc-publisher -- new "$(SECTION)" "$(TITLE)"

test:
	scripts/setup.sh test
	scripts/test.sh

# The release folder to copy to a static host; PUBLIC_URL=/tin/ for a sub-path. PREVIEW=1
# includes drafts and scheduled articles, for a preview host only.
build:
	scripts/setup.sh serve
	scripts/build.sh dist $(PUBLIC_URL)

# Make the Markdown articles' JSON and rebuild the section pages, home index and search index
# after adding or editing articles in public/content, and in each edition's public/NAME/content.
SITES = public $(patsubst %/content/site.json,%,$(wildcard public/*/content/site.json))
content:
	for site in $(SITES); do cargo run --quiet --profile publisher -p tintuc-publisher -- index $$site --cache target/publish-cache/site/$$site && cargo run --quiet --profile publisher -p tintuc-publisher -- check $$site || exit 1; done

check-content:
	for site in $(SITES); do cargo run --quiet --profile publisher -p tintuc-publisher -- check $$site || exit 1; done

clean:
	rm -rf dist dist-sub target/wasm32-unknown-unknown

# The benchmark: Lighthouse, sizes and list rendering; writes bench/out/. Not part of `make test`.
bench:
	scripts/bench.sh

# The publisher's tool on a generated tree of 100,000 articles: time and peak memory per step.
bench-publisher:
	scripts/bench-publisher.sh 10000 100000

# Search on a generated archive of 10,000 articles: tintuc's index and Pagefind side by side.
bench-search:
	scripts/bench-search.sh 10000

# Opening the hostile content served anyway: the longest task and time to a page or a message.
bench-hostile:
	scripts/bench-hostile.sh

# The fuzz targets of both crates for FUZZ_MINUTES minutes (`make test` runs a bounded number each).
FUZZ_MINUTES ?= 10
fuzz:
	scripts/fuzz.sh $(FUZZ_MINUTES)
