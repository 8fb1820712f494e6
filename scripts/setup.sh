#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: the real parts (Chromium for browser tests,
# LibreOffice Calc to recalculate workbooks and Writer to print the Word documents, poppler to render PDFs to PNG,
# openpyxl to save workbooks as another program does, fonts), then the npm packages from the lock file.
# Nothing is downloaded at test run time.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# LibreOffice Writer prints the Word documents (thidua dossier); Calc prints the workbooks.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Debian's openpyxl (/usr/bin/python3) saves the project's workbooks as a third-party program would (test corpus).
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
# Fonts with every Vietnamese glyph (Liberation 2 is metric-compatible with Times New Roman and Arial; 1.x
# lacks some precomposed letters, so a PDF would mix in a fallback font), DejaVu for symbols, and Carlito,
# Calibri's metric twin: column widths are counted in the default font's characters, so without it
# LibreOffice draws every column wider than Excel does.
for font in fonts-liberation2 fonts-dejavu-core fonts-crosextra-carlito; do
  dpkg -s "$font" >/dev/null 2>&1 || need+=("$font")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
