#!/usr/bin/env python3
"""Browser test of amplification tasks, in headless Chromium.

    python3 Tests/browser/test_amplification.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`). The koordinator hands the demo's published
road-works post to the RSUD's ASN with a caption and a deadline; the task page shows
completion per unit and per person. That ASN finds it under Tugas saya, sends a text that is not
a link and then a link to another platform, and sees each refused with its reason beside the
field. The ASN has no Facebook account registered: the Sandbox's staff share amplified posts, and
an ASN whose account already shared the post would find the task done before sending a link. It saves a PNG at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import datetime
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main  # noqa: E402

KOORDINATOR = os.environ.get("SIMPUL_DEMO_SUPERVISOR", "sri.wahyuni@tirtamayakota.go.id")
STAFF = os.environ.get("SIMPUL_DEMO_STAFF", "aditya.nugraha@tirtamayakota.go.id")
POST = "Rekap perbaikan jalan lingkungan triwulan III"
UNIT = "Rumah Sakit Umum Daerah"
STAFF_NAME = "dr. Aditya Nugraha"
WIB = datetime.timezone(datetime.timedelta(hours=7))


class AmplificationTest(BrowserTest):
    def set_value(self, element, value):
        self.driver.execute_script("arguments[0].value = arguments[1];", element, value)

    def run(self):
        caption = f"Yuk bagikan kabar jalan lingkungan ({datetime.datetime.now(WIB):%H%M%S})"
        self.sign_in(KOORDINATOR)

        # 1. The koordinator hands the published post to one unit's ASN.
        self.open("/amplification/new")
        form = self.find("#task-form")
        post = Select(form.find_element(By.NAME, "variant"))
        post.select_by_visible_text(next(o.text for o in post.options if o.text.startswith(POST)))
        form.find_element(By.NAME, "caption").send_keys(caption)
        due = datetime.datetime.now(WIB) + datetime.timedelta(days=1)
        self.set_value(form.find_element(By.NAME, "date"), due.date().isoformat())
        self.set_value(form.find_element(By.NAME, "time"), "17:00")
        unit = next(label for label in form.find_elements(By.CSS_SELECTOR, "#recipients label.check") if UNIT in label.text)
        unit.find_element(By.TAG_NAME, "input").click()
        self.shot("new-task")
        self.submit(form)
        flash = self.find(".flash").text
        check("dikirim ke 1 ASN" in flash, f"flash after sending the task: {flash!r}")
        check(caption in self.find(".facts").text, "the task page does not show the caption")
        units = self.find("#unit-table").text
        check(UNIT in units and "dari 1" in units, f"the unit's completion is not shown: {units!r}")
        check(STAFF_NAME in self.find("#person-table").text, "the person table does not list the unit's ASN")
        self.shot("task")
        self.submit(self.find("form[action='/logout']"))

        # 2. The ASN finds it under Tugas saya; links that prove nothing are refused beside the field.
        self.sign_in(STAFF)
        self.open("/amplification/mine")
        section = next((s for s in self.driver.find_elements(By.CSS_SELECTOR, "#my-tasks section") if caption in s.text), None)
        check(section is not None, "the new task is not under Tugas saya")
        check("belum punya akun Facebook" in section.text, "the task does not say the ASN has no registered Facebook account")
        self.shot("my-tasks")
        for link, reason in [("bukan tautan", "Ini bukan tautan"), ("https://x.com/rina/status/1860000000000000001", "bagikan ulang di Facebook")]:
            form = section.find_element(By.CSS_SELECTOR, "form")
            field = form.find_element(By.NAME, "link")
            field.clear()
            field.send_keys(link)
            self.submit(form)
            section = next(s for s in self.driver.find_elements(By.CSS_SELECTOR, "#my-tasks section") if caption in s.text)
            error = section.find_element(By.CSS_SELECTOR, ".error").text
            check(reason in error, f"{link!r} refused with {error!r}, wanted {reason!r}")
            check(section.find_element(By.NAME, "link").get_attribute("value") == link, "the refused link was not kept in the field")
        self.shot("refused-link")


if __name__ == "__main__":
    sys.exit(main(AmplificationTest, __doc__, sys.argv))
