#!/usr/bin/env bash
# Loads HTML reports in real headless Chromium (Debian's `chromium`) and checks
# what a reader gets:
#   - the DOM Chromium built: the models, the charts, that hostile text from
#     the scan stayed text (no <script> element);
#   - the layout at 1280, 800 and 360 px wide: no horizontal overflow of the
#     page, no table that needs scrolling at 1280 px, every table-of-contents
#     and in-page link resolves to an element, and no model id is broken
#     inside a name (ids may wrap only after '/'; on a phone a longer one
#     scrolls within its line);
#   - printing: --print-to-pdf gives a PDF, and (when pdftotext is there) its
#     text has the folded evidence unfolded.
# The layout is measured by a copy of the report with a small script added
# before </body> (the report itself has none, and its CSP forbids them); the
# script writes its measurements into the DOM that --dump-dom prints.
# Reports checked: the golden of a real scan (tests/golden/html/scan.golden),
# the hand-built fixture's golden, and a live report of docs/demo.
#   check_html.sh MODELPROV_BIN SOURCE_DIR
# Exit 77 (ctest: skipped) when chromium is not installed.
set -uo pipefail
bin="$1" src="$2"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium not installed (setup.sh test installs it: apt-get install chromium)"
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

chrome() {  # chrome ARGS... : one headless run with a fresh profile, no network
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$tmp/profile-$RANDOM$RANDOM" "$@" 2>/dev/null
}
dump() {  # dump FILE [WIDTH] -> DOM on stdout
  chrome --window-size="${2:-1280},1000" --dump-dom "file://$1"
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

# The measuring script. Results go into <pre id="layout-result"> as
# key=value lines.
cat > "$tmp/measure.js" <<'EOF'
(function () {
  var out = [];
  var de = document.documentElement;
  out.push("overflow=" + Math.max(0, de.scrollWidth - de.clientWidth));
  var wide = [];
  document.querySelectorAll(".scroll").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) wide.push((el.querySelector("table") || el).className);
  });
  out.push("scrolling-tables=" + wide.length + " " + wide.join(","));
  var links = 0, broken = [];
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    links++;
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!document.getElementById(id)) broken.push(id);
  });
  out.push("anchor-links=" + links);
  out.push("broken-links=" + broken.length + " " + broken.slice(0, 10).join(","));
  out.push("toc-links=" + document.querySelectorAll("nav.toc a").length);
  var split = [];
  document.querySelectorAll("code.id span").forEach(function (s) {
    if (s.getClientRects().length > 1) split.push(s.textContent);
  });
  out.push("split-ids=" + split.length + " " + split.slice(0, 10).join(","));
  var pre = document.createElement("pre");
  pre.id = "layout-result";
  pre.textContent = "\n" + out.join("\n") + "\n";
  document.body.appendChild(pre);
})();
EOF

result() {  # result DOMFILE KEY -> the value's first word
  sed -n "s/^$2=\([^ ]*\).*/\1/p" "$1" | head -1
}

layout() {  # layout NAME HTMLFILE
  local name="$1" file="$2" width
  # The copy: no CSP (it would block the script), the script before </body>.
  python3 - "$file" "$tmp/measure.js" "$tmp/$name-measured.html" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
i = html.rfind("</body>")
open(sys.argv[3], "w", encoding="utf-8").write(html[:i] + "<script>" + js + "</script>\n" + html[i:])
EOF
  for width in 1280 800 360; do
    local dom="$tmp/$name-$width.dom"
    dump "$tmp/$name-measured.html" "$width" > "$dom"
    if ! grep -q "^overflow=" "$dom"; then echo "FAIL: $name at $width px: no measurements (chromium failed?)"; fail=1; continue; fi
    local overflow broken links toc split scrolling
    overflow=$(result "$dom" overflow); broken=$(result "$dom" broken-links); links=$(result "$dom" anchor-links)
    toc=$(result "$dom" toc-links); split=$(result "$dom" split-ids); scrolling=$(result "$dom" scrolling-tables)
    if [ "$overflow" = 0 ]; then echo "ok: $name at $width px: no horizontal overflow"
    else echo "FAIL: $name at $width px overflows by ${overflow} px"; fail=1; fi
    if [ "$broken" = 0 ] && [ "$links" -gt 0 ]; then echo "ok: $name at $width px: all $links in-page links resolve"
    else echo "FAIL: $name at $width px: broken in-page links: $(grep '^broken-links=' "$dom")"; fail=1; fi
    if [ "$toc" -ge 5 ]; then echo "ok: $name has a table of contents ($toc links)"
    else echo "FAIL: $name: table of contents has $toc links"; fail=1; fi
    if [ "$split" = 0 ]; then echo "ok: $name at $width px: no model id broken inside a name"
    else echo "FAIL: $name at $width px: $(grep '^split-ids=' "$dom")"; fail=1; fi
    if [ "$width" = 1280 ]; then
      if [ "$scrolling" = 0 ]; then echo "ok: $name at 1280 px: every table fits"
      else echo "FAIL: $name at 1280 px: $(grep '^scrolling-tables=' "$dom")"; fail=1; fi
    fi
  done
}

print_pdf() {  # print_pdf NAME HTMLFILE [TEXT...]: Print to PDF works; the texts are in it
  local name="$1" file="$2" pdf="$tmp/$1.pdf"
  shift 2
  chrome --no-pdf-header-footer --print-to-pdf="$pdf" "file://$file" >/dev/null
  if [ -s "$pdf" ] && [ "$(head -c 4 "$pdf")" = "%PDF" ]; then echo "ok: $name prints to a PDF of $(wc -c < "$pdf") bytes"
  else echo "FAIL: $name: --print-to-pdf gave no PDF"; fail=1; return; fi
  if ! command -v pdftotext >/dev/null; then echo "note: pdftotext not installed; the PDF's text is not checked"; return; fi
  pdftotext -layout "$pdf" "$tmp/$name.txt"
  local want
  for want in "$@"; do
    if grep -qF -- "$want" "$tmp/$name.txt"; then echo "ok: $name's PDF has $want"
    else echo "FAIL: $name's PDF lacks $want"; fail=1; fi
  done
}

# 1. The report of a real scan (tests/e2e/test_report_goldens.cc).
cp "$src/tests/golden/html/scan.golden" "$tmp/scan.html"
dump "$tmp/scan.html" > "$tmp/scan.dom"
expect scan "$tmp/scan.dom" "</html>"
expect scan "$tmp/scan.dom" '<nav class="toc"'
expect scan "$tmp/scan.dom" 'id="risk-non-commercial"'
expect scan "$tmp/scan.dom" "black-forest-labs/"
expect scan "$tmp/scan.dom" "Built with Llama"
expect_none scan "$tmp/scan.dom" "<script"
layout scan "$tmp/scan.html"
# Printed, the folded evidence is unfolded: the sixth place of Qwen's list
# (folded on screen) is in the PDF, the "more places" toggles are not.
print_pdf scan "$tmp/scan.html" "Needs a decision" "Obligations by license" "app/batch.py:7"
if [ -f "$tmp/scan.txt" ] && grep -qF "more places" "$tmp/scan.txt"; then echo "FAIL: scan's PDF shows a fold toggle"; fail=1; fi

# 2. The hand-built fixture (hostile text, waivers, suppressions).
cp "$src/tests/golden/html/fixture.golden" "$tmp/fixture.html"
dump "$tmp/fixture.html" > "$tmp/fixture.dom"
expect fixture "$tmp/fixture.dom" "</html>"
for model in "acme/" "support-bot-8b" "BAAI/" "bge-large-en-v1.5" "deepseek-chat" "local:models/" "mystery-lab/" "secret-model" "pypi:openai"; do
  expect fixture "$tmp/fixture.dom" "$model"
done
expect fixture "$tmp/fixture.dom" 'id="chart-country"'
expect fixture "$tmp/fixture.dom" 'id="chart-license"'
expect fixture "$tmp/fixture.dom" 'class="chain lineage"'
expect_count fixture "$tmp/fixture.dom" "<svg" 2
expect_count fixture "$tmp/fixture.dom" "<rect" 5
expect fixture "$tmp/fixture.dom" "Built with Llama"
expect fixture "$tmp/fixture.dom" "waived until 2099-01-01: approved by legal, ticket LEGAL-42"
expect fixture "$tmp/fixture.dom" "suppressed inline: no reason given"
expect fixture "$tmp/fixture.dom" "<th>Trigger</th>"
expect fixture "$tmp/fixture.dom" "&lt;script&gt;alert"
expect fixture "$tmp/fixture.dom" "größer"
expect_none fixture "$tmp/fixture.dom" "<script"
layout fixture "$tmp/fixture.html"

# 3. A live report of docs/demo.
(cd "$src" && "$bin" scan docs/demo --quiet --fail-on none --format html --output "$tmp/demo.html") || { echo "FAIL: modelprov scan"; exit 1; }
dump "$tmp/demo.html" > "$tmp/demo.dom"
expect demo "$tmp/demo.dom" "Model dependency review"
expect demo "$tmp/demo.dom" "Qwen2.5-7B-Instruct"
expect demo "$tmp/demo.dom" "Llama-3.1-8B-Instruct"
expect demo "$tmp/demo.dom" "app/llm_client.py:19"
expect_count demo "$tmp/demo.dom" "<svg" 2
layout demo "$tmp/demo.html"
print_pdf demo "$tmp/demo.html" "Needs a decision"
exit $fail
