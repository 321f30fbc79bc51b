#!/usr/bin/env python3
"""Browser test of the account registry, in headless Chromium.

    python3 Tests/browser/test_registry.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`), e.g. http://127.0.0.1:8080. The test signs
in as the demo supervisor, checks the home tiles, filters the registry by platform, registers
a new Instagram account through the form and finds it again by search. It saves a PNG at every
step (and one of the registry at phone width) into SCREENSHOT_DIR.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`
(exit 1).
"""

import os
import sys
import time
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, gone, main, number_in  # noqa: E402

DEMO_EMAIL = os.environ.get("SIMPUL_DEMO_EMAIL", "sri.wahyuni@tirtamayakota.go.id")
UNIT_NAME = "Dinas Komunikasi dan Informatika"
DISPLAY_NAME = "Akun Uji Browser"


class RegistryTest(BrowserTest):
    def account_rows(self):
        table = self.find("#account-table")
        headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        check("Platform" in headers, f"#account-table has no Platform column: {headers}")
        column = headers.index("Platform")
        rows = []
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = tr.find_elements(By.TAG_NAME, "td")
            rows.append((tr, cells, cells[column].text.strip() if len(cells) > column else ""))
        return rows

    # the scenario

    def run(self):
        handle = f"uji.browser.{int(time.time())}"

        # 1. Sign in.
        self.sign_in(DEMO_EMAIL)

        # 2. Home: the accounts tile shows a count.
        tile = self.find("#count-accounts")
        self.shot("home")
        home_count = number_in(tile.text)
        check(home_count > 0, f"#count-accounts shows {home_count}")
        print(f"  home: {home_count} accounts")

        # 3. The registry, unfiltered.
        self.open("/accounts")
        all_count = number_in(self.find("#account-count").text)
        check(all_count > 0, f"#account-count shows {all_count}")
        check(len(self.account_rows()) > 0, "the registry table has no rows")
        self.shot("accounts")
        print(f"  registry: {all_count} accounts")

        # 4. Filter by platform = Instagram.
        filters = self.find("#account-filters")
        Select(filters.find_element(By.CSS_SELECTOR, "select[name=platform]")).select_by_value("instagram")
        self.submit(filters)
        self.shot("accounts-instagram")
        check(self.driver.find_elements(By.CSS_SELECTOR, "#account-count"),
              f"filtering by platform did not show the registry ({self.driver.current_url}): {self.page_problem()}")
        instagram_count = number_in(self.find("#account-count").text)
        rows = self.account_rows()
        check(rows, "no Instagram accounts listed")
        wrong = [platform for _, _, platform in rows if platform != "Instagram"]
        check(not wrong, f"rows with another platform after filtering: {wrong[:5]}")
        check(instagram_count < all_count, f"count did not go down: {all_count} -> {instagram_count}")
        print(f"  instagram: {instagram_count} accounts, {len(rows)} rows shown")

        # 5. Register a new account through the form.
        link = self.find("a[href='/accounts/new']")
        check("Tambah akun" in link.text, f"the add link reads {link.text!r}")
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        link.click()
        self.wait.until(lambda _: gone(old_html), message="the link did not load a new page")
        form = self.find("#account-form")
        Select(form.find_element(By.NAME, "platform")).select_by_value("instagram")
        form.find_element(By.NAME, "handle").send_keys(handle)
        form.find_element(By.NAME, "display_name").send_keys(DISPLAY_NAME)
        Select(form.find_element(By.NAME, "kind")).select_by_value("official")
        unit_select = Select(form.find_element(By.NAME, "unit"))
        unit_options = [o for o in unit_select.options if UNIT_NAME in o.text]
        check(unit_options, f"no unit option containing {UNIT_NAME!r}")
        unit_select.select_by_visible_text(unit_options[0].text)
        followers = form.find_element(By.NAME, "followers")
        followers.clear()
        followers.send_keys("1234")
        self.shot("account-form")
        self.submit(form)

        # 6. The account's page, with the confirmation.
        self.shot("account-created")
        heading = self.find("main h1")
        check(heading.text.strip() == DISPLAY_NAME,
              f"expected the account page, got {heading.text!r}: {self.page_problem()}")
        flash = self.driver.find_elements(By.CSS_SELECTOR, ".flash")
        check(flash and flash[0].is_displayed(), "no flash message after creating the account")
        check(handle in flash[0].text, f"the flash message does not name the handle: {flash[0].text!r}")
        print(f"  created @{handle}: {flash[0].text!r}")

        # 7. Found again by search.
        self.open("/accounts?q=" + quote(handle))
        self.find("#account-table")
        self.shot("accounts-search")
        rows = self.account_rows()
        matching = [cells for _, cells, _ in rows if cells and handle in cells[0].text]
        check(len(matching) == 1, f"searching for {handle} shows {len(rows)} rows, {len(matching)} matching")
        check(DISPLAY_NAME in matching[0][0].text, f"the row reads {matching[0][0].text!r}")
        check(number_in(self.find("#account-count").text) == 1, "the search count is not 1")

        # 8. The registry at phone width (reset: the registry otherwise reopens with the last search).
        self.driver.set_window_size(360, 800)
        self.open("/accounts?reset=1")
        table = self.find("#account-table")
        self.shot("accounts-phone")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60)", table)
        self.shot("accounts-phone-table")
        page_width, viewport = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        print(f"  phone: page {page_width}px wide in a {viewport}px viewport")



if __name__ == "__main__":
    sys.exit(main(RegistryTest, __doc__, sys.argv))
