#!/usr/bin/env python3
"""Browser test of the issue war-room (Ruang Isu), in headless Chromium.

    python3 Tests/browser/test_warroom.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`, started on a fresh database). The koordinator
sees the demo's listening rules counting Sandbox messages and waits on Peringatan for the
Sandbox's water-outage surge to raise an alert; opens a case from the alert (the surge's messages
come linked), links one more message from the inbox, pulls in two units, writes the holding
statement, adds a task, and drafts the clarification, which opens as an ordinary content draft
of the lead unit. The draft goes to an official account, the approver approves it, and it is
published to the Sandbox; the case lists it as published and reads at phone width. It saves a
PNG at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import datetime
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main, number_in  # noqa: E402

KOORDINATOR = os.environ.get("SIMPUL_DEMO_SUPERVISOR", "sri.wahyuni@tirtamayakota.go.id")
APPROVER = os.environ.get("SIMPUL_DEMO_LEADER_APPROVER", "sutarno.wibisono@tirtamayakota.go.id")
UNITS = ["Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang"]
TARGET = "@pemkottirtamaya"
SURGE_RULE = "Air PDAM mati atau keruh"
HOLDING = "Pemkot sedang memeriksa gangguan air bersih bersama PDAM; informasi resmi dan jadwal mobil tangki menyusul hari ini."
WIB = datetime.timezone(datetime.timedelta(hours=7))


class WarRoomTest(BrowserTest):
    def sign_out(self):
        self.submit(self.find("form[action='/logout']"))

    def set_value(self, element, value):
        self.driver.execute_script("arguments[0].value = arguments[1];", element, value)

    def wait_for_alert(self):
        """The Sandbox's surge starts about a minute after the demo does."""
        deadline = time.time() + 300
        while time.time() < deadline:
            self.open("/listening/alerts")
            rows = [r for r in self.driver.find_elements(By.CSS_SELECTOR, "#alert-table tbody tr") if SURGE_RULE in r.text]
            if rows:
                return rows[0]
            time.sleep(5)
        check(False, f"no alert for {SURGE_RULE!r} within 5 minutes")

    def run(self):
        self.sign_in(KOORDINATOR)

        # 1. Listening rules count the Sandbox's messages.
        self.open("/listening")
        check(number_in(self.find("#rule-count").text) >= 5, "the demo's listening rules are missing")
        self.shot("listening")

        # 2. The surge becomes an alert, with its formula beside it, and the alert a case.
        row = self.wait_for_alert()
        check("MAD" in self.find("main").text, "the alert page does not show the formula")
        self.shot("alert")
        self.submit(row.find_element(By.CSS_SELECTOR, "form"))
        check("ISU-" in self.find("h1").text, f"not on a case page: {self.driver.current_url}")
        case_path = self.driver.current_url.split(self.base, 1)[-1]
        case_label = self.find("h1").text.split()[0]
        surge_links = self.driver.find_elements(By.CSS_SELECTOR, "#case-messages a[href^='/inbox/']")
        check(len(surge_links) >= 5, f"{len(surge_links)} of the surge's messages linked to the case")
        linked = {a.get_attribute("href").split(self.base, 1)[-1] for a in surge_links}

        # 3. One more message linked from its thread.
        self.open("/inbox")
        paths = [a.get_attribute("href").split(self.base, 1)[-1] for a in self.driver.find_elements(By.CSS_SELECTOR, "#inbox-list a[href^='/inbox/'], table a[href^='/inbox/']")]
        message_path = next(p for p in paths if p not in linked)
        self.open(message_path)
        form = self.find("#link-case-form")
        select = Select(form.find_element(By.NAME, "case_id"))
        select.select_by_visible_text(next(o.text for o in select.options if o.text.startswith(case_label + " ")))
        self.submit(form)
        self.open(case_path)
        check(message_path in self.find("#case-messages").get_attribute("innerHTML"), "the message linked from its thread is not on the case")

        # 4. Two units pulled in, a holding statement, a task.
        for unit in UNITS:
            form = self.find("#involve-form")
            select = Select(form.find_element(By.NAME, "unit_id"))
            select.select_by_visible_text(next(o.text for o in select.options if o.text.strip() == unit))
            self.submit(form)
        involved = self.find("#case-units").text
        check(all(unit in involved for unit in UNITS), f"units involved: {involved!r}")
        holding = self.find("#holding textarea")
        holding.send_keys(HOLDING)
        self.submit(self.find("#holding form"))
        task = self.find("#task-form")
        task.find_element(By.NAME, "title").send_keys("Kumpulkan data gangguan dari PDAM")
        self.submit(task)
        check("Kumpulkan data gangguan dari PDAM" in self.find("#case-tasks").text, "the task is not listed")
        timeline = self.find("#case-timeline").text
        check("dilibatkan" in timeline and "Pernyataan sementara" in timeline, f"timeline: {timeline!r}")
        self.shot("case")

        # 5. The clarification is an ordinary content draft of the lead unit, sent to an official account.
        self.submit(self.find("#holding form[action$='/response']"))
        check(self.driver.current_url.split(self.base, 1)[-1].startswith("/content/"), "the clarification did not open as content")
        title = self.find("main h1").text.strip()
        check(title.startswith("Klarifikasi: "), f"the draft's title: {title!r}")
        item_url = self.driver.current_url
        details = self.find("section.variants > details")
        if not details.get_attribute("open"):
            details.find_element(By.TAG_NAME, "summary").click()
        form = details.find_element(By.CSS_SELECTOR, "form")
        select = Select(form.find_element(By.NAME, "account_id"))
        select.select_by_visible_text(next(o.text for o in select.options if o.text.endswith(TARGET)))
        self.submit(form)
        self.shot("clarification-draft")
        self.submit(self.find("form[action$='/submit']"))
        check("Menunggu tinjauan" in self.find("main").text, f"the clarification is not in review: {self.page_problem()}")
        self.sign_out()

        # 6. The approver approves it; the koordinator schedules it for the next minute.
        self.sign_in(APPROVER)
        self.open("/approvals")
        link = next((a for a in self.driver.find_elements(By.CSS_SELECTOR, "main table a") if a.text == title), None)
        check(link is not None, "the clarification is not in the approver's queue")
        link.click()
        self.submit(self.find("form[action$='/approve']"))
        check("Disetujui" in self.find("main").text, "the clarification is not approved")
        self.sign_out()
        self.sign_in(KOORDINATOR)
        self.driver.get(item_url)
        at = datetime.datetime.now(WIB) + datetime.timedelta(minutes=1)
        form = self.find("form[action$='/schedule']")
        self.set_value(form.find_element(By.NAME, "date"), at.date().isoformat())
        self.set_value(form.find_element(By.NAME, "time"), at.strftime("%H:%M"))
        self.submit(form)

        # 7. Published to the Sandbox; the case lists it as published.
        deadline = time.time() + 180
        while time.time() < deadline:
            self.driver.get(item_url)
            if "Terbit" in [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "section.variants .badge")]:
                break
            time.sleep(5)
        check("Terbit" in [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "section.variants .badge")], "the clarification was not published")
        self.shot("clarification-published")
        self.open(case_path)
        content = self.find("#case-content").text
        check(title in content and "Terbit" in content, f"the case's response content: {content!r}")

        # 8. On a phone the case reads top to bottom.
        self.driver.set_window_size(390, 900)
        self.open(case_path)
        self.find("#case-status")
        self.shot("case-phone")
        self.driver.set_window_size(1280, 900)


if __name__ == "__main__":
    sys.exit(main(WarRoomTest, __doc__, sys.argv))
