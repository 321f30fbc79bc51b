#!/usr/bin/env python3
"""Browser test of content planning, approval and publishing, in headless Chromium.

    python3 Tests/browser/test_content.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`). The Diskominfo operator writes a post with
its pillar, campaign and planned day, targets three accounts (two Facebook pages and X) and
submits it. The Diskominfo approver finds it in the approval queue and approves it; the
operator schedules it a minute ahead in WIB; the demo's worker publishes it to the Sandbox at
that time, and the calendar shows it as published. It saves a PNG at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import datetime
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main  # noqa: E402

OPERATOR = os.environ.get("SIMPUL_DEMO_WRITER", "dimas.aditya@tirtamayakota.go.id")
APPROVER = os.environ.get("SIMPUL_DEMO_APPROVER", "hermawan.adiputra@tirtamayakota.go.id")
TARGETS = ["@diskominfokotatirtamaya", "@diskominfo_tmy", "@tirtamayacekfakta"]
WIB = datetime.timezone(datetime.timedelta(hours=7))


class ContentTest(BrowserTest):
    def sign_out(self):
        self.submit(self.find("form[action='/logout']"))

    def set_value(self, element, value):
        """Date and time inputs take typed text in the browser's locale; set them as a script would."""
        self.driver.execute_script("arguments[0].value = arguments[1];", element, value)

    def run(self):
        stamp = int(time.time())
        title = f"Pelayanan Adminduk Sabtu {stamp}"
        today = datetime.datetime.now(WIB).date().isoformat()
        self.sign_in(OPERATOR)

        # 1. A planned post with its pillar and campaign.
        self.open("/content/new")
        form = self.find("form[action='/content']")
        Select(form.find_element(By.NAME, "unit_id")).select_by_visible_text(
            next(o.text for o in Select(form.find_element(By.NAME, "unit_id")).options if "Komunikasi" in o.text))
        form.find_element(By.NAME, "title").send_keys(title)
        form.find_element(By.NAME, "body").send_keys(
            "Layanan administrasi kependudukan buka Sabtu ini pukul 08.00-12.00 di Mal Pelayanan Publik. Bawa KK asli.")
        Select(form.find_element(By.NAME, "pillar_id")).select_by_visible_text("Layanan Publik")
        form.find_element(By.NAME, "campaign").send_keys("Pelayanan Jemput Bola")
        form.find_element(By.NAME, "segments").send_keys("warga umum")
        self.set_value(form.find_element(By.NAME, "planned_date"), today)
        self.shot("new-content")
        self.submit(form)
        check(self.find("main h1").text.strip() == title, f"not on the new item: {self.page_problem()}")
        check("Layanan Publik" in self.find("#content-plan").text, "the plan line does not show the pillar")
        item_url = self.driver.current_url

        # 2. Three target accounts, each added with the form under "Akun tujuan".
        for handle in TARGETS:
            details = self.find("section.variants > details")
            if not details.get_attribute("open"):
                details.find_element(By.TAG_NAME, "summary").click()
            form = details.find_element(By.CSS_SELECTOR, "form")
            select = Select(form.find_element(By.NAME, "account_id"))
            select.select_by_visible_text(next(o.text for o in select.options if o.text.endswith(handle)))
            if handle == "@diskominfo_tmy":
                form.find_element(By.NAME, "hashtags").send_keys("Adminduk TirtamayaMelayani")
            self.submit(form)
        rows = self.driver.find_elements(By.CSS_SELECTOR, "section.variants tbody tr")
        self.shot("three-targets")
        check(len(rows) == 3, f"{len(rows)} target accounts listed")
        check("#Adminduk #TirtamayaMelayani" in rows[1].text or any("#Adminduk" in r.text for r in rows), "the X variant's hashtags are not shown")

        # 3. Submit: the item waits for Diskominfo's approver.
        self.submit(self.find("form[action$='/submit']"))
        check("Menunggu tinjauan" in self.find("main").text, "the item is not in review")
        self.shot("submitted")
        self.sign_out()

        # 4. The approver finds it in the queue and approves.
        self.sign_in(APPROVER)
        self.open("/approvals")
        link = next((a for a in self.driver.find_elements(By.CSS_SELECTOR, "main table a") if a.text == title), None)
        self.shot("approval-queue")
        check(link is not None, "the item is not in the approver's queue")
        link.click()
        self.find("form[action$='/approve']")
        self.submit(self.find("form[action$='/approve']"))
        check("Disetujui" in self.find("main").text, "the item is not approved")
        self.shot("approved")
        self.sign_out()

        # 5. The operator schedules it for the next minute, in WIB.
        self.sign_in(OPERATOR)
        self.driver.get(item_url)
        at = datetime.datetime.now(WIB) + datetime.timedelta(minutes=1)
        form = self.find("form[action$='/schedule']")
        self.set_value(form.find_element(By.NAME, "date"), at.date().isoformat())
        self.set_value(form.find_element(By.NAME, "time"), at.strftime("%H:%M"))
        self.submit(form)
        flash = self.find(".flash").text
        self.shot("scheduled")
        check("Dijadwalkan terbit" in flash and "WIB" in flash, f"flash after scheduling: {flash!r}")

        # 6. The worker publishes it to the Sandbox at its time.
        deadline = time.time() + 180
        while time.time() < deadline:
            self.driver.get(item_url)
            badges = [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "section.variants .badge")]
            if badges.count("Terbit") == 3:
                break
            time.sleep(5)
        self.shot("published")
        badges = [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "section.variants .badge")]
        check(badges.count("Terbit") == 3, f"variant statuses after waiting: {badges}")
        check(len(self.driver.find_elements(By.XPATH, "//main/p/span[contains(@class,'badge') and text()='Terbit']")) == 1,
              "the item itself is not marked published")
        print(f"  published at {datetime.datetime.now(WIB).strftime('%H:%M:%S')} WIB, scheduled for {at.strftime('%H:%M')}")

        # 7. The calendar shows it as published on its day.
        self.open(f"/content/calendar?view=week&date={at.date().isoformat()}")
        entry = next((e for e in self.driver.find_elements(By.CSS_SELECTOR, ".calendar-entry") if title in e.text), None)
        self.shot("calendar")
        check(entry is not None, "the item is not on the calendar")
        check("Terbit" in entry.text, f"calendar entry: {entry.text!r}")


if __name__ == "__main__":
    sys.exit(main(ContentTest, __doc__, sys.argv))
