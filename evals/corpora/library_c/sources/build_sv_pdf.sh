#!/bin/sh
# Print the Swedish report with headless Chromium, keeping Chromium's default header and footer.
cd "$(dirname "$0")"
/usr/bin/chromium --headless --no-sandbox --disable-gpu \
  --print-to-pdf=../corpus/utvardering-naringskraft-vasterhojd-2021-2024.pdf \
  utvardering-naringskraft-vasterhojd-2021-2024.html
