# Wallet browser tests: headless Debian chromium and its chromedriver (Selenium drives them).
# Sourced by scripts/install-test-deps.sh; apt_install is defined there.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi
