#!/bin/sh
# The Debian packages Svodka uses beside Python, installed when missing and we are root:
#   office  — LibreOffice: .doc/.rtf/.odt (Writer) and .xls/.ods (Calc) converted before reading
#   ocr     — Tesseract with Russian: scanned plans
#   browser — Chromium: the report's tests open it in a real browser
# Usage: scripts/system-packages.sh office ocr [browser]
# One `apt-get update`, one `apt-get install`. Without root or apt-get it only says what is missing:
# the product still runs and names the missing tool where it needs it.
set -u

packages_for() {
    case "$1" in
        office) echo "libreoffice-writer-nogui libreoffice-calc-nogui" ;;
        ocr) echo "tesseract-ocr tesseract-ocr-rus tesseract-ocr-osd" ;;  # osd: pages scanned sideways
        browser) echo "chromium fonts-dejavu-core" ;;
    esac
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
for need in "$@"; do
    for package in $(packages_for "$need"); do
        if command -v dpkg-query >/dev/null 2>&1; then
            installed "$package" || missing="$missing $package"
        fi
    done
done
# Without dpkg there is no way to ask; say what the product looks for instead.
if ! command -v dpkg-query >/dev/null 2>&1; then
    for tool in soffice tesseract chromium; do
        command -v "$tool" >/dev/null 2>&1 || echo "==> нет программы $tool: Svodka работает без неё и скажет, где её не хватает"
    done
    exit 0
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "==> не установлены:$missing"
    echo "    установить может root: apt-get install -y$missing"
    echo "    Svodka работает и без них и скажет, чего не хватает (файл .doc — «нужен LibreOffice», тест отчёта — пропущен)"
    exit 0
fi
echo "==> устанавливаю системные пакеты:$missing (apt-get, 1–3 минуты)"
apt-get update -qq >/dev/null || { echo "==> apt-get update не удался: пакеты не установлены"; exit 0; }
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
    || echo "==> apt-get install не удался: Svodka работает и без этих пакетов и скажет, чего не хватает"
