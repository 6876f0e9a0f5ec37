#!/usr/bin/env python3
"""Builds fingerprints.inc: hashed word 5-gram shingles of published license texts.

The scanner identifies a LICENSE file by comparing its shingles with these
(scanner/extract/license_match.cc). Only the hashes, titles, versions and
source URLs are committed, never the texts.

Usage:
    build.py [--texts DIR] [--out FILE]

DIR (default /tmp/licenses) holds the texts that are not on a Debian system,
saved from their source URLs under the file names listed in LICENSES below.
Texts marked debian: are read from /usr/share/common-licenses; texts marked
identify: from the choosealicense.com copies vendored by Debian's
python3-identify package. Python 3 standard library only.

The normalisation here must stay identical to NormalizeWords() and
ShingleHash() in license_match.cc; the unit tests check a known text's hashes.
"""
import argparse
import ast
import os
import re
import sys

IDENTIFY = "/usr/lib/python3/dist-packages/identify/vendor/licenses.py"
CHOOSEALICENSE = "https://github.com/github/choosealicense.com/blob/gh-pages/_licenses/{}.txt"

# (id used by the catalog, title, version, where the text is read, source URL)
LICENSES = [
    ("Apache-2.0", "Apache License", "2.0", "debian:Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0.txt"),
    ("GPL-2.0-only", "GNU General Public License", "2", "debian:GPL-2", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt"),
    ("GPL-3.0-only", "GNU General Public License", "3", "debian:GPL-3", "https://www.gnu.org/licenses/gpl-3.0.txt"),
    ("LGPL-2.1-only", "GNU Lesser General Public License", "2.1", "debian:LGPL-2.1", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.txt"),
    ("LGPL-3.0-only", "GNU Lesser General Public License", "3", "debian:LGPL-3", "https://www.gnu.org/licenses/lgpl-3.0.txt"),
    ("MPL-2.0", "Mozilla Public License", "2.0", "debian:MPL-2.0", "https://www.mozilla.org/en-US/MPL/2.0/"),
    ("MPL-1.1", "Mozilla Public License", "1.1", "debian:MPL-1.1", "https://www.mozilla.org/en-US/MPL/1.1/"),
    ("CC0-1.0", "Creative Commons Zero", "1.0", "debian:CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/legalcode"),
    ("GFDL-1.3-only", "GNU Free Documentation License", "1.3", "debian:GFDL-1.3", "https://www.gnu.org/licenses/fdl-1.3.txt"),
    ("Artistic-1.0-Perl", "Artistic License", "1.0", "debian:Artistic", "https://dev.perl.org/licenses/artistic.html"),
    ("MIT", "MIT License", "", "identify:MIT", CHOOSEALICENSE.format("mit")),
    ("BSD-2-Clause", "BSD 2-Clause License", "", "identify:BSD-2-Clause", CHOOSEALICENSE.format("bsd-2-clause")),
    ("BSD-3-Clause", "BSD 3-Clause License", "", "identify:BSD-3-Clause", CHOOSEALICENSE.format("bsd-3-clause")),
    ("0BSD", "BSD Zero Clause License", "", "identify:0BSD", CHOOSEALICENSE.format("0bsd")),
    ("ISC", "ISC License", "", "identify:ISC", CHOOSEALICENSE.format("isc")),
    ("Unlicense", "The Unlicense", "", "identify:Unlicense", CHOOSEALICENSE.format("unlicense")),
    ("BSL-1.0", "Boost Software License", "1.0", "identify:BSL-1.0", CHOOSEALICENSE.format("bsl-1.0")),
    ("Zlib", "zlib License", "", "identify:Zlib", CHOOSEALICENSE.format("zlib")),
    ("EPL-2.0", "Eclipse Public License", "2.0", "identify:EPL-2.0", CHOOSEALICENSE.format("epl-2.0")),
    ("AGPL-3.0-only", "GNU Affero General Public License", "3", "identify:AGPL-3.0", CHOOSEALICENSE.format("agpl-3.0")),
    ("CC-BY-4.0", "Creative Commons Attribution", "4.0", "identify:CC-BY-4.0", CHOOSEALICENSE.format("cc-by-4.0")),
    ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike", "4.0", "identify:CC-BY-SA-4.0", CHOOSEALICENSE.format("cc-by-sa-4.0")),
    ("LicenseRef-llama-3.1", "Llama 3.1 Community License Agreement", "3.1", "file:llama-3.1.txt",
     "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"),
    ("LicenseRef-llama-3.2", "Llama 3.2 Community License Agreement", "3.2", "file:llama-3.2.txt",
     "https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE"),
    ("LicenseRef-llama-3.3", "Llama 3.3 Community License Agreement", "3.3", "file:llama-3.3.txt",
     "https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE"),
    ("LicenseRef-llama-4", "Llama 4 Community License Agreement", "4", "file:llama-4.txt",
     "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE"),
    ("LicenseRef-tongyi-qianwen", "Tongyi Qianwen License Agreement", "2023-08-03", "file:tongyi-qianwen.txt",
     "https://github.com/QwenLM/Qwen/blob/main/LICENSE"),
    ("LicenseRef-deepseek", "DeepSeek License Agreement", "1.0", "file:deepseek.txt",
     "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL"),
    ("LicenseRef-llama-2", "Llama 2 Community License Agreement", "2", "file:llama-2.txt",
     "https://github.com/meta-llama/llama/blob/6d4c0c290aeec1fa4399694fefb864be5a153bb6/LICENSE"),
    ("LicenseRef-tongyi-qianwen-research", "Tongyi Qianwen Research License Agreement", "2023-11-30",
     "file:tongyi-qianwen-research.txt",
     "https://github.com/QwenLM/Qwen/blob/e8e15962d897714944773cca57fa2e460a3655e8/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT"),
    # The November 2024 text, whose definition names the Fill, Depth, Canny and Redux models.
    ("LicenseRef-flux-1-dev-non-commercial", "FLUX.1 [dev] Non-Commercial License", "", "file:flux-1-dev.txt",
     "https://github.com/black-forest-labs/flux/blob/805da8571a0b49b6d4043950bd266a65328c243b/model_licenses/LICENSE-FLUX1-dev"),
    ("LicenseRef-creativeml-openrail++-m", "CreativeML Open RAIL++-M License", "2022-11-24",
     "file:creativeml-openrail++-m.txt",
     "https://github.com/Stability-AI/stablediffusion/blob/ca86da3a30c4e080d4db8c25fca73de843663cb4/LICENSE-MODEL"),
    ("LicenseRef-chatglm", "ChatGLM3-6B License", "", "file:chatglm3.txt",
     "https://github.com/THUDM/ChatGLM3/blob/bd5bfb247316f4cff396a4c079217da40c6c772d/MODEL_LICENSE"),
    ("LicenseRef-cogvlm", "CogVLM License", "", "file:cogvlm.txt",
     "https://github.com/THUDM/CogVLM/blob/e4e23039591aca6a023660996517da692b9f5309/MODEL_LICENSE"),
    ("LicenseRef-cogvideox", "CogVideoX License", "", "file:cogvideox.txt",
     "https://github.com/THUDM/CogVideo/blob/d0a9e21dad88a39a5201d715b8dc891f55f95b36/MODEL_LICENSE"),
    # Each Hunyuan release carries its own copy naming the product; this is the HunyuanVideo one.
    ("LicenseRef-tencent-hunyuan-community", "Tencent Hunyuan Community License Agreement", "2024-12-03",
     "file:tencent-hunyuan-video.txt",
     "https://github.com/Tencent-Hunyuan/HunyuanVideo/blob/0865a213e0e6c4df755e9ff626fd9f37bdd78c24/LICENSE.txt"),
]

SHINGLE = 5
END_MARKER = ["end", "of", "terms", "and", "conditions"]
# A copyright notice: a line that starts (after indentation and Markdown
# marks) with "Copyright" or the copyright sign and holds a year, "(c)", the
# sign or a year placeholder. Who holds the copyright is not part of the
# license; a line such as "copyright license to reproduce" is.
COPYRIGHT_START = re.compile("^[ \t\r#*>-]*(copyright|\u00a9)", re.IGNORECASE)
COPYRIGHT_MARK = re.compile("[0-9]|\\(c\\)|\u00a9|\\[yyyy\\]|\\[year\\]|<year>", re.IGNORECASE)


def normalize_words(text):
    """Lowercased ASCII words, copyright lines dropped, cut after END OF TERMS AND CONDITIONS."""
    words = []
    for line in text.split("\n"):
        if COPYRIGHT_START.match(line) and COPYRIGHT_MARK.search(line):
            continue
        buf = []
        for ch in line.encode("utf-8"):
            c = chr(ch)
            if "a" <= c <= "z" or "0" <= c <= "9":
                buf.append(c)
            elif "A" <= c <= "Z":
                buf.append(c.lower())
            else:
                buf.append(" ")
        words.extend("".join(buf).split())
    for i in range(len(words) - len(END_MARKER) + 1):
        if words[i:i + len(END_MARKER)] == END_MARKER:
            return words[:i + len(END_MARKER)]
    return words


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def shingles(text):
    words = normalize_words(text)
    out = set()
    for i in range(len(words) - SHINGLE + 1):
        out.add(fnv1a64(" ".join(words[i:i + SHINGLE]).encode("ascii")))
    return sorted(out)


def load_identify():
    with open(IDENTIFY, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "LICENSES":
            return dict(ast.literal_eval(node.value))
    raise SystemExit("LICENSES not found in " + IDENTIFY)


def read_text(where, texts_dir, identify):
    kind, _, name = where.partition(":")
    if kind == "debian":
        path = os.path.join("/usr/share/common-licenses", name)
    elif kind == "file":
        path = os.path.join(texts_dir, name)
    elif kind == "identify":
        return identify[name]
    else:
        raise SystemExit("unknown text location " + where)
    with open(path, encoding="utf-8") as f:
        return f.read()


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default="/tmp/licenses")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "fingerprints.inc"))
    args = ap.parse_args()
    identify = load_identify()
    lines = [
        "// Generated by scanner/extract/license_fingerprints/build.py; do not edit.",
        "// Hashed word 5-gram shingles of published license texts (see build.py",
        "// for the normalisation). Entries: id, title, version, source URL, hashes.",
    ]
    for lid, title, version, where, url in LICENSES:
        hashes = shingles(read_text(where, args.texts, identify))
        if len(hashes) < 20:
            raise SystemExit(lid + ": text too short, check " + where)
        lines.append("{%s, %s, %s, %s, {" % (c_string(lid), c_string(title), c_string(version), c_string(url)))
        for i in range(0, len(hashes), 6):
            lines.append("  " + ", ".join("0x%016xull" % h for h in hashes[i:i + 6]) + ",")
        lines.append("}},")
        print("%-28s %5d shingles  %s" % (lid, len(hashes), where), file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
