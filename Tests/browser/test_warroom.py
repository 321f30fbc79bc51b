#!/usr/bin/env python3
"""Browser test of the issue war-room (Ruang Isu), in headless Chromium.

    python3 Tests/browser/test_warroom.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`). The koordinator sees the demo's listening
rules counting Sandbox messages, opens a case from a message in the inbox, pulls in two units,
writes the holding statement, adds a task, and drafts the clarification, which opens as an
ordinary content draft of the lead unit; the case page is read at phone width. It saves a PNG
at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main, number_in  # noqa: E402

KOORDINATOR = os.environ.get("SIMPUL_DEMO_SUPERVISOR", "sri.wahyuni@tirtamayakota.go.id")
UNITS = ["Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang"]


class WarRoomTest(BrowserTest):
    def run(self):
        self.sign_in(KOORDINATOR)

        # 1. Listening rules count the Sandbox's messages.
        self.open("/listening")
        check(number_in(self.find("#rule-count").text) >= 5, "the demo's listening rules are missing")
        self.shot("listening")

        # 2. A case opened from a message carries it as the first linked message.
        self.open("/inbox")
        link = self.find("#inbox-list a[href^='/inbox/'], table a[href^='/inbox/']")
        message_path = link.get_attribute("href").split(self.base, 1)[-1]
        self.open(message_path)
        self.find("#thread-cases a.button").click()
        form = self.find("#case-form")
        title = form.find_element(By.NAME, "title")
        title.clear()
        title.send_keys("Uji ruang isu: keluhan warga")
        self.shot("new-case")
        self.submit(form)
        check("ISU-" in self.find("h1").text, f"not on a case page: {self.driver.current_url}")
        case_path = self.driver.current_url.split(self.base, 1)[-1]
        check(message_path in self.find("#case-messages").get_attribute("innerHTML"), "the message is not linked to the case")

        # 3. Two units pulled in, a holding statement, a task.
        for unit in UNITS:
            form = self.find("#involve-form")
            select = Select(form.find_element(By.NAME, "unit_id"))
            select.select_by_visible_text(next(o.text for o in select.options if o.text.strip() == unit))
            self.submit(form)
        involved = self.find("#case-units").text
        check(all(unit in involved for unit in UNITS), f"units involved: {involved!r}")
        holding = self.find("#holding textarea")
        holding.send_keys("Pemkot sedang memeriksa laporan ini; informasi resmi menyusul hari ini.")
        self.submit(self.find("#holding form"))
        task = self.find("#task-form")
        task.find_element(By.NAME, "title").send_keys("Kumpulkan data dari lapangan")
        self.submit(task)
        check("Kumpulkan data dari lapangan" in self.find("#case-tasks").text, "the task is not listed")
        timeline = self.find("#case-timeline").text
        check("dilibatkan" in timeline and "Pernyataan sementara" in timeline, f"timeline: {timeline!r}")
        self.shot("case")

        # 4. The clarification is an ordinary content draft of the lead unit.
        self.submit(self.find("#holding form[action$='/response']"))
        check(self.driver.current_url.split(self.base, 1)[-1].startswith("/content/"), "the clarification did not open as content")
        check("Klarifikasi: Uji ruang isu" in self.find("h1").text, "the draft's title")
        self.shot("clarification-draft")
        self.open(case_path)
        check("Klarifikasi: Uji ruang isu" in self.find("#case-content").text, "the case does not list its response content")

        # 5. On a phone the case reads top to bottom.
        self.driver.set_window_size(390, 900)
        self.open(case_path)
        self.find("#case-status")
        self.shot("case-phone")
        self.driver.set_window_size(1280, 900)


if __name__ == "__main__":
    sys.exit(main(WarRoomTest, __doc__, sys.argv))
