#!/usr/bin/env python3
"""Browser test of the compliance guard, in headless Chromium.

    python3 Tests/browser/test_compliance.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`). The test signs in as the demo supervisor,
checks a text in the checker and sees its findings marked in place, writes a draft that breaks
SKB 5, fails to submit it, submits it with a written override reason, then finds the draft's
finding in the findings list and marks it a false positive. It saves a PNG at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main  # noqa: E402

SUPERVISOR = os.environ.get("SIMPUL_DEMO_EMAIL", "sri.wahyuni@tirtamayakota.go.id")


class ComplianceTest(BrowserTest):
    def run(self):
        stamp = int(time.time())
        self.sign_in(SUPERVISOR)

        # 1. The checker marks each finding in the text and explains it.
        self.open("/compliance/check")
        form = self.find("form[action='/compliance/check']")
        form.find_element(By.ID, "text").send_keys("Ayo coblos no 2 ya! Pancasila itu sampah, tegakkan khilafah.")
        self.submit(form)
        marks = self.driver.find_elements(By.CSS_SELECTOR, "mark.finding")
        items = self.driver.find_elements(By.CSS_SELECTOR, "ol.findings > li")
        self.shot("checker")
        check(len(marks) >= 2, f"{len(marks)} marks in the checked text")
        check(len(items) >= 2, f"{len(items)} findings listed")
        texts = " ".join(item.text for item in items)
        check("SKB 5 Instansi" in texts and "SKB 11 Instansi" in texts, f"explanations do not cite both SKBs: {texts[:300]}")
        print(f"  checker: {len(items)} findings, {len(marks)} marks")

        # 2. A draft that campaigns cannot be submitted as it is.
        self.open("/content/new")
        form = self.find("form[action='/content']")
        units = Select(form.find_element(By.NAME, "unit_id"))
        options = [o for o in units.options if "Komunikasi" in o.text]
        check(options, "no Diskominfo unit to choose")
        units.select_by_visible_text(options[0].text)
        title = f"Ajakan ke TPS {stamp}"
        form.find_element(By.NAME, "title").send_keys(title)
        form.find_element(By.NAME, "body").send_keys("Ayo coblos no 2, Maju Bersama Rakyat! #MajuBersama02")
        self.submit(form)
        self.shot("draft")
        check(self.find("main h1").text.strip() == title, f"not on the draft page: {self.page_problem()}")
        check(self.driver.find_elements(By.CSS_SELECTOR, "mark.finding-block"), "the draft page marks no blocking finding")
        self.submit(self.find("form[action$='/submit']"))
        self.shot("draft-blocked")
        summary = self.find(".error-summary")
        check("belum dapat diajukan" in summary.text, f"no refusal: {summary.text!r}")

        # 3. An approver's written reason lets it through, and says so.
        form = self.find("form[action$='/submit']")
        form.find_element(By.NAME, "override_reason").send_keys("Contoh untuk materi sosialisasi netralitas ASN")
        self.submit(form)
        self.shot("draft-overridden")
        flash = self.find(".flash")
        check("pengecualian" in flash.text, f"flash after override: {flash.text!r}")
        check("Menunggu tinjauan" in self.find("main").text, "the draft is not in review")

        # 4. The finding is listed; a reviewer marks it a false positive.
        self.open("/compliance/findings?pack=skb5&status=open")
        table = self.find("main table.list")
        self.shot("findings")
        rows = [tr for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Draf konten" in tr.text]
        check(rows, "the draft's finding is not listed")
        link = rows[0].find_element(By.CSS_SELECTOR, "a")
        self.driver.get(link.get_attribute("href"))
        form = self.find("form[action$='/review']")
        Select(form.find_element(By.NAME, "status")).select_by_value("falsePositive")
        form.find_element(By.NAME, "note").send_keys("Bahan sosialisasi, bukan kampanye")
        self.shot("finding")
        self.submit(form)
        flash = self.find(".flash")
        self.shot("finding-reviewed")
        check("bukan pelanggaran" in flash.text, f"flash after review: {flash.text!r}")

        # 5. The packs page and the checker at phone width.
        self.open("/compliance/packs")
        check("Pemilihan Wali Kota Tirtamaya 2027" in self.find("main").text, "the demo election data is not listed")
        self.shot("packs")
        self.driver.set_window_size(360, 800)
        self.open("/compliance/check")
        self.shot("checker-phone")
        width, viewport = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        print(f"  phone: page {width}px wide in a {viewport}px viewport")
        check(width <= viewport + 2, "the checker scrolls sideways at 360 px")


if __name__ == "__main__":
    sys.exit(main(ComplianceTest, __doc__, sys.argv))
