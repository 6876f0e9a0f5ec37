#!/usr/bin/env bash
# Loads HTML reports in real headless Chromium (Debian's `chromium`) and
# asserts on the DOM it built: the models, the inline SVG charts and lineage
# graph, and that hostile text from the scan stayed text (no <script>
# element). Checks the golden fixture report and a live report of docs/demo.
#   check_html.sh MODELPROV_BIN SOURCE_DIR
set -uo pipefail
bin="$1" src="$2"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "FAIL: chromium not installed (setup.sh test installs it: apt-get install chromium)"
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

dump() {  # dump FILE -> DOM on stdout
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile-$RANDOM" --dump-dom "file://$1" 2>/dev/null
}
expect() {  # expect NAME DOMFILE PATTERN
  if grep -qF -- "$3" "$2"; then echo "ok: $1 has $3"; else echo "FAIL: $1 lacks $3"; fail=1; fi
}
expect_count() {  # expect_count NAME DOMFILE PATTERN MIN
  local n; n=$(grep -oF -- "$3" "$2" | wc -l)
  if [ "$n" -ge "$4" ]; then echo "ok: $1 has $n x $3"; else echo "FAIL: $1 has $n x $3, want >= $4"; fail=1; fi
}
expect_none() {
  if grep -qiF -- "$3" "$2"; then echo "FAIL: $1 contains $3"; fail=1; else echo "ok: $1 has no $3"; fi
}

cp "$src/tests/golden/html/fixture.golden" "$tmp/fixture.html"
dump "$tmp/fixture.html" > "$tmp/fixture.dom"
expect fixture "$tmp/fixture.dom" "</html>"
for model in "acme/support-bot-8b" "BAAI/bge-large-en-v1.5" "deepseek-chat" "local:models/lora" "mystery-lab/secret-model" "pypi:openai"; do
  expect fixture "$tmp/fixture.dom" "$model"
done
expect fixture "$tmp/fixture.dom" 'id="chart-country"'
expect fixture "$tmp/fixture.dom" 'id="chart-license"'
expect fixture "$tmp/fixture.dom" 'class="lineage-graph"'
expect_count fixture "$tmp/fixture.dom" "<svg" 3
expect_count fixture "$tmp/fixture.dom" "<rect" 5
expect fixture "$tmp/fixture.dom" "Built with Llama"
expect fixture "$tmp/fixture.dom" "waived until 2099-01-01: approved by legal, ticket LEGAL-42"
expect fixture "$tmp/fixture.dom" "suppressed inline: no reason given"
expect fixture "$tmp/fixture.dom" "<th>Trigger</th>"
expect fixture "$tmp/fixture.dom" "&lt;script&gt;alert"
expect fixture "$tmp/fixture.dom" "größer"
expect_none fixture "$tmp/fixture.dom" "<script"

(cd "$src" && "$bin" scan docs/demo --quiet --format html --output "$tmp/demo.html") || { echo "FAIL: modelprov scan"; exit 1; }
dump "$tmp/demo.html" > "$tmp/demo.dom"
expect demo "$tmp/demo.dom" "Model dependency review"
expect demo "$tmp/demo.dom" "Qwen/Qwen2.5-7B-Instruct"
expect demo "$tmp/demo.dom" "meta-llama/Llama-3.1-8B-Instruct"
expect demo "$tmp/demo.dom" "app/llm_client.py:19"
expect_count demo "$tmp/demo.dom" "<svg" 2
exit $fail
