# Headless Chromium for the web UI tests: Debian's `chromium` and `chromium-driver` (browser
# downloads by test tools fail offline, so Selenium drives the packaged browser). Sourced from
# .ci/run; runs as root or with sudo, safe to rerun. NEWSGRAPH_REQUIRE_BROWSER makes the browser
# tests fail instead of skipping when the browser is missing.

newsgraph_install_browser() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
            >/dev/null || return 1
    fi
    export NEWSGRAPH_REQUIRE_BROWSER=1
}

newsgraph_install_browser || echo "browser: could not install chromium; the browser tests will skip" >&2
