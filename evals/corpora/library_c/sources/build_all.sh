#!/bin/sh
# Rebuild the two PDFs of corpus/ (run from /work/lib3/c). The .txt bulletin is written by hand
# (sources/fjellnett-member-bulletin-june-2025.txt is a copy of corpus/fjellnett-member-bulletin-june-2025.txt).
set -e
B=$(mktemp -d)
cp sources/brattli-rapport-spirekraft-saltvoll-2020-2024.tex "$B"/
(cd "$B" && pdflatex -interaction=nonstopmode brattli-rapport-spirekraft-saltvoll-2020-2024.tex >/dev/null \
          && pdflatex -interaction=nonstopmode brattli-rapport-spirekraft-saltvoll-2020-2024.tex >/dev/null)
cp "$B"/brattli-rapport-spirekraft-saltvoll-2020-2024.pdf corpus/
/work/main/.venv/bin/python sources/build_ekbyrne.py corpus/ekbyrne-naringslivsprogram-2025-2028.pdf
