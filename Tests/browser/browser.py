"""What every browser test of Simpul needs: headless Chromium in Indonesian, screenshots at
each step, waiting for elements and page loads, and signing in as a demo person."""

import os
import re
import sys
import traceback

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

DEMO_PASSWORD = os.environ.get("SIMPUL_DEMO_PASSWORD", "simpul-demo-2026")
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT_SECONDS = 15


class Failure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def gone(element):
    """Whether an element belongs to a page that has been replaced. Chromium sometimes answers
    a question about such an element with an inspector error instead of a stale reference."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def number_in(text):
    """The first number in a text, Indonesian style: '1.234 akun' -> 1234."""
    match = re.search(r"\d[\d.]*", text)
    check(match is not None, f"no number in {text!r}")
    return int(match.group(0).replace(".", ""))


class BrowserTest:
    def __init__(self, base_url, shots_dir):
        self.base = base_url.rstrip("/")
        self.shots = shots_dir
        self.step = 0
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--window-size=1280,900",
                    "--disable-gpu", "--disable-dev-shm-usage", "--lang=id-ID"):
            options.add_argument(arg)
        # The UI follows Accept-Language; the checks read the Indonesian texts.
        options.add_experimental_option("prefs", {"intl.accept_languages": "id-ID,id"})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(30)
        self.wait = WebDriverWait(self.driver, WAIT_SECONDS)

    def shot(self, name):
        self.step += 1
        path = os.path.join(self.shots, f"{self.step:02d}-{name}.png")
        self.driver.save_screenshot(path)
        print(f"  screenshot {path}")

    def open(self, path):
        self.driver.get(self.base + path)

    def find(self, css):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, css)),
                               message=f"no element {css} on {self.driver.current_url}")

    def page_problem(self):
        """The heading and lead of an error page, to explain a failure."""
        heading = self.driver.find_elements(By.CSS_SELECTOR, "main h1")
        lead = self.driver.find_elements(By.CSS_SELECTOR, "main .lead")
        return " / ".join(e.text for e in heading[:1] + lead[:1]) or self.driver.title

    def submit(self, form):
        """Submit a form with its own submit button, as a person would, and wait for the next page."""
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        self.wait.until(lambda _: gone(old_html), message="the form submission did not load a new page")

    def sign_in(self, email):
        self.open("/login")
        form = self.find("#login-form")
        form.find_element(By.NAME, "email").send_keys(email)
        form.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
        self.submit(form)
        check("/login" not in self.driver.current_url,
              f"still on the login page after signing in: {self.page_problem()}")

    def close(self):
        self.driver.quit()


def main(test_class, doc, argv):
    """Runs one scenario; prints `browser: 1 passed, 0 failed` or the failure, and exits."""
    if len(argv) != 3:
        print(doc.strip(), file=sys.stderr)
        return 2
    base_url, shots_dir = argv[1], argv[2]
    os.makedirs(shots_dir, exist_ok=True)
    test = None
    ok = False
    try:
        test = test_class(base_url, shots_dir)
        test.run()
        ok = True
    except (Failure, TimeoutException) as error:
        print(f"FAIL: {error}".rstrip())
    except Exception:
        traceback.print_exc()
    finally:
        if test is not None:
            if not ok:
                try:
                    test.shot("failure")
                    print(f"  at {test.driver.current_url}")
                except Exception:
                    pass
            test.close()
    print(f"browser: {1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1
