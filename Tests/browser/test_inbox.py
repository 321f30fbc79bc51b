#!/usr/bin/env python3
"""Browser test of the inbox, in headless Chromium.

    python3 Tests/browser/test_inbox.py BASE_URL SCREENSHOT_DIR

BASE_URL is a running demo server (`simpul demo`), whose Sandbox fills the inbox. The test
signs in as the demo operator of Diskominfo, searches and filters the inbox, opens a thread,
writes an internal note, sees that the supervisor has the thread open too, replies (the Sandbox
answers like the platform), and sees the message marked replied while the supervisor's browser
learns of it live. It then labels the thread and filters on the label, and opens a message with
the keyboard. It saves a PNG at every step.

The last line printed is `browser: 1 passed, 0 failed` (exit 0) or `browser: 0 passed, 1 failed`.
"""

import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import BrowserTest, check, main  # noqa: E402

OPERATOR = os.environ.get("SIMPUL_DEMO_OPERATOR", "galih.prasetyo@tirtamayakota.go.id")
SUPERVISOR = os.environ.get("SIMPUL_DEMO_EMAIL", "sri.wahyuni@tirtamayakota.go.id")


class InboxTest(BrowserTest):
    def rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#inbox-table tbody tr")

    def run(self):
        self.sign_in(OPERATOR)

        # 1. The Sandbox has filled the inbox (give it a moment after start-up).
        for _ in range(20):
            self.open("/inbox")
            if self.rows():
                break
            time.sleep(1)
        check(self.rows(), "the inbox is empty")
        self.shot("inbox")

        # 2. Filter to comments, then search a word the Sandbox's residents use.
        form = self.find("#inbox-filters")
        Select(form.find_element(By.NAME, "kind")).select_by_value("comment")
        self.submit(form)
        kinds = [tr.find_elements(By.TAG_NAME, "td")[2].text for tr in self.rows()]
        check(kinds and all("Komentar" in k or "Balasan" in k for k in kinds), f"non-comments after filtering: {kinds[:3]}")
        self.shot("inbox-comments")

        # 3. Open the newest comment; a second person (the supervisor, in another browser) opens it too.
        link = self.rows()[0].find_element(By.CSS_SELECTOR, "td a")
        thread = link.get_attribute("href")
        self.driver.get(thread)
        check(self.find("#reply-form"), "no reply form on the thread")
        self.other = BrowserTest(self.base, self.shots)
        self.other.sign_in(SUPERVISOR)
        self.other.driver.get(thread)
        banner = self.other.find("#live-banner")
        check(not banner.is_displayed(), "the live banner shows before anything changed")

        # 4. An internal note, then a reply.
        note = self.find("#note-form")
        note.find_element(By.NAME, "body").send_keys("Sudah dicek ke dinas terkait.")
        self.submit(note)
        check("Sudah dicek ke dinas terkait." in self.find("ul.notes").text, "the note is not shown")
        # The collision guard: the reloaded page names the supervisor, who has the thread open too.
        presence = self.find("#presence")
        check(presence.is_displayed() and "Sri Wahyuni" in presence.text, f"no sign of the other reader: {presence.text!r}")
        print(f"  collision guard: {presence.text!r}")
        form = self.find("#reply-form")
        form.find_element(By.NAME, "text").send_keys("Terima kasih, laporan Anda sudah kami teruskan ke dinas terkait.")
        self.submit(form)
        self.shot("thread-replied")
        flash = self.find(".flash").text
        check("terkirim" in flash, f"flash after reply: {flash!r}")
        facts = self.find("dl.facts").text
        check("Dibalas" in facts, f"the message is not marked replied: {facts!r}")
        check(self.driver.find_elements(By.CSS_SELECTOR, ".message.ours"), "the reply is not in the conversation")
        print(f"  replied: {flash!r}")

        # 5. The other browser learns of it without reloading.
        for _ in range(30):
            if banner.is_displayed():
                break
            time.sleep(0.5)
        self.other.shot("other-browser-live")
        check(banner.is_displayed() and "diubah" in banner.text, f"the second browser saw no live change: {banner.text!r}")
        print(f"  second browser: {banner.text!r}")

        # 6. A label on the thread, then the inbox filtered on it.
        self.driver.get(thread)
        tags = self.find("#tag-form")
        tags.find_element(By.NAME, "tag").send_keys("Uji Peramban")
        self.submit(tags)
        check("uji-peramban" in self.find("#thread-tags").text, f"label not shown: {self.find('#thread-tags').text!r}")
        self.open("/inbox?tag=uji-peramban")
        labelled = [tr.find_element(By.CSS_SELECTOR, "td a").get_attribute("href") for tr in self.rows()]
        check(labelled == [thread], f"the label filter lists {labelled}")
        self.shot("inbox-label")

        # 7. Keyboard: j moves to the first message, o opens it.
        self.open("/inbox")
        first = self.rows()[0].find_element(By.CSS_SELECTOR, "td a").get_attribute("href")
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        check("kb-current" in (self.rows()[0].get_attribute("class") or ""), "j did not select the first message")
        self.driver.switch_to.active_element.send_keys("o")
        for _ in range(20):
            if self.driver.current_url == first:
                break
            time.sleep(0.25)
        check(self.driver.current_url == first, f"o opened {self.driver.current_url}, not {first}")
        print("  keyboard: j, o open the first message")

    def close(self):
        if getattr(self, "other", None) is not None:
            self.other.close()
        super().close()


if __name__ == "__main__":
    sys.exit(main(InboxTest, __doc__, sys.argv))
