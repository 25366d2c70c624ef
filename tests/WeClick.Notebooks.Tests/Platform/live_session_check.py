"""A live session as a person has it: Debian's Jupyter Notebook 6 serves a notebook on loopback (random token, free port),
headless Chromium opens it, and everything happens through the page's own menus and toolbar: Cell > Run All, a cell typed
into the editor, the toolbar's Run and interrupt buttons. Checks that every code cell finishes without error, that every
Plotly figure output draws (its SVG), that the page logs no JavaScript error, that the interrupt button stops a running
loop within seconds and the session then runs another cell; saves a full-page screenshot.

Usage: live_session_check.py FOLDER NOTEBOOK SCREENSHOT (FOLDER holds NOTEBOOK; JUPYTER_PATH etc. come from the caller).
Prints one JSON object, {"ok": true, ...} or {"ok": false, "failed": "...", ...} (exit code 1). Every wait has a deadline,
and the server's process group is ended whatever happens.

Driver: Debian's python3-selenium with chromium-driver rather than playwright-core from npm. chromium-driver is built from
chromium's own source package, so apt installs and upgrades the two at one version (Debian follows Chromium's security
releases in bookworm), and WebDriver is a W3C protocol that chromedriver implements for its own browser. A pinned
playwright-core is released against the Chromium build it bundles and speaks that build's DevTools protocol; against
whatever Chromium apt brings next, the pair would need checking again at every upgrade.
"""
import base64
import json
import os
import re
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from jupyter_checks import CheckFailed, check, report, wait_for  # noqa: E402
from notebook_server import Server  # noqa: E402

KERNEL = "weclick-csharp"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
RUN_ALL_SECONDS = 300      # the small tour the test injects runs in about a minute alone, three with the machine's cores busy
INTERRUPT_SECONDS = 5      # from the click on the interrupt button to an idle kernel
LOOP_CELL = "long spins = 0; while (true) { spins++; System.Threading.Thread.Sleep(10); }"
AFTER_CELL = "spins > 0"
observed = {}


def start_browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages and uncaught errors
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Page:
    """The notebook page, read as a person sees it (prompts, outputs, buttons) and collecting its JavaScript errors."""

    def __init__(self, driver):
        self.driver = driver
        self.errors = []

    def collect_errors(self):
        # get_log empties the browser's buffer: keep every SEVERE entry (console.error, uncaught exceptions, failed loads).
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.errors.append(entry["message"])

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def click(self, css):
        self.driver.find_element(By.CSS_SELECTOR, css).click()

    def menu(self, menu_id, item_id):
        self.click(f"#{menu_id}")
        wait_for(f"menu item #{item_id} did not show", lambda: self.driver.find_element(By.CSS_SELECTOR, f"#{item_id} a").is_displayed(), 5)
        self.click(f"#{item_id} a")

    def toolbar(self, action):
        self.click(f'#maintoolbar button[data-jupyter-action="jupyter-notebook:{action}"]')

    def code_cells(self):
        """Per code cell: its prompt text, the first line of its source, and whether it shows an error."""
        return self.js("""
            return Array.from(document.querySelectorAll('#notebook-container .cell.code_cell')).map(cell => ({
                prompt: cell.querySelector('.input_prompt').innerText.replace(/\u00a0/g, ' ').trim(),  // 'In\u00a0[3]:'
                first_line: cell.querySelector('.CodeMirror-line') ? cell.querySelector('.CodeMirror-line').innerText : '',
                error: cell.querySelector('.output_error') ? cell.querySelector('.output_error').innerText.slice(0, 1500) : null,
                text: cell.querySelector('.output_wrapper').innerText}));""")

    def kernel_idle(self):
        return self.js("return document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon');")

    def finished(self, index):
        """The code cell at index once it shows an execution count and the kernel is idle, else None."""
        cell = self.code_cells()[index]
        return cell if re.fullmatch(r"In \[\d+\]:", cell["prompt"]) and self.kernel_idle() else None


def choose_kernel_if_asked(page):
    """Notebook 6 asks for a kernel when the notebook's kernelspec is not installed: choose ours in its dialog."""
    dialogs = [d for d in page.driver.find_elements(By.CSS_SELECTOR, ".modal.in") if d.is_displayed()]
    if not dialogs:
        return False
    select = dialogs[0].find_elements(By.CSS_SELECTOR, "select")
    check(select, f"an unexpected dialog: {dialogs[0].text}")
    names = [o.get_attribute("value") for o in Select(select[0]).options]
    check(KERNEL in names, f"the kernel dialog does not offer {KERNEL}: {names}")
    Select(select[0]).select_by_value(KERNEL)
    next(b for b in dialogs[0].find_elements(By.CSS_SELECTOR, "button") if "Set Kernel" in b.text).click()
    observed["kernel_chosen_in_dialog"] = True
    return True


def open_notebook(page, server, notebook):
    page.driver.get(f"{server.base}/notebooks/{notebook}?token={server.token}")
    wait_for("the notebook page did not load", lambda: page.js("return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded);"), 60)

    def kernel_ready():
        choose_kernel_if_asked(page)
        return page.js("""const k = Jupyter.notebook.kernel;
                          return k && k.is_connected() && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')
                              ? k.name : null;""")
    observed["kernel"] = wait_for("the kernel did not start (the indicator never went idle); see notebook-server.log", kernel_ready, 90)
    observed["kernel_display_name"] = page.driver.find_element(By.CSS_SELECTOR, ".kernel_indicator_name").text
    check(observed["kernel"] == KERNEL, f"the page runs kernel {observed['kernel']}, not {KERNEL}")


def run_all(page):
    count = len(page.code_cells())
    started = time.monotonic()
    page.menu("celllink", "run_all_cells")
    deadline = started + RUN_ALL_SECONDS
    while True:
        cells = page.code_cells()
        for i, cell in enumerate(cells):
            check(cell["error"] is None, f"code cell {i + 1} ({cell['first_line']!r}) ended in an error:\n{cell['error']}")
        unfinished = [i for i, cell in enumerate(cells) if not re.fullmatch(r"In \[\d+\]:", cell["prompt"])]
        if not unfinished and page.kernel_idle():
            break
        if time.monotonic() > deadline:
            first = unfinished[0] if unfinished else len(cells) - 1
            check(False, f"code cell {first + 1} of {count} ({cells[first]['first_line']!r}) did not finish within {RUN_ALL_SECONDS} s "
                         f"of Run All; it shows {cells[first]['prompt']!r}")
        time.sleep(0.5)
    observed["code_cells"] = count
    observed["run_all_seconds"] = round(time.monotonic() - started, 1)


def check_figures(page):
    """Every output that carries the Plotly MIME type must show as a drawn plotly.js plot (its SVG) in its own cell."""
    def per_cell():
        return page.js("""
            const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
            return cells.map(c => ({
                figures: c.output_area.outputs.filter(o => o.data && o.data[arguments[0]] !== undefined).length,
                drawn: Array.from(c.element[0].querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('.main-svg')).length,
                failed: c.element[0].innerText.includes('plotly.js could not be loaded')}));""", PLOTLY_MIME)

    def all_drawn():
        cells = per_cell()
        return cells if all(c["drawn"] == c["figures"] for c in cells) else None
    try:
        cells = wait_for("figures did not draw", all_drawn, 30)
    except CheckFailed:
        cells = per_cell()
        wrong = [f"code cell {i + 1}: {c['figures']} figure outputs, {c['drawn']} drawn" for i, c in enumerate(cells) if c["drawn"] != c["figures"]]
        check(False, "a figure did not draw: " + "; ".join(wrong))
    observed["figure_outputs"] = sum(c["figures"] for c in cells)
    observed["plotly_svgs"] = page.js("return document.querySelectorAll('.js-plotly-plot .main-svg').length;")
    observed["drawn_figures"] = sum(c["drawn"] for c in cells)
    # Reported, not failed: a figure wider than its output area is cut at the right edge in Notebook 6 (no scroll bar).
    observed["figures_wider_than_output"] = page.js("""
        return Array.from(document.querySelectorAll('.output_subarea .js-plotly-plot')).map(p => {
            const svg = p.querySelector('.main-svg'), area = p.closest('.output_subarea');
            return svg && svg.getBoundingClientRect().width > area.clientWidth + 1
                ? `${(p.querySelector('.gtitle') || {}).textContent || p.id}: ${Math.round(svg.getBoundingClientRect().width)} px in ${area.clientWidth} px` : null;
        }).filter(x => x);""")
    check(not any(c["failed"] for c in cells), "a figure says plotly.js could not be loaded")


def add_cell_and_run(page, code):
    """Through the UI: type the code into a new cell at the end and press the toolbar's Run button. Run leaves an empty
    cell below the last one (as it does for a person), which the next call types into; otherwise the last cell is selected
    and Insert > Insert Cell Below adds one. Returns the new cell's index among the code cells."""
    last_is_empty = page.js("const c = Jupyter.notebook.get_cells().at(-1); return c.cell_type === 'code' && c.get_text() === '';")
    if not last_is_empty:
        before = len(page.code_cells())
        page.driver.find_elements(By.CSS_SELECTOR, "#notebook-container .cell")[-1].find_element(By.CSS_SELECTOR, ".prompt").click()
        page.menu("insertlink", "insert_cell_below")
        wait_for("Insert Cell Below added no cell", lambda: len(page.code_cells()) == before + 1, 5)
    cell = page.driver.find_elements(By.CSS_SELECTOR, "#notebook-container .cell.code_cell")[-1]
    cell.find_element(By.CSS_SELECTOR, ".CodeMirror-lines").click()
    cell.find_element(By.CSS_SELECTOR, ".CodeMirror textarea").send_keys(code)
    typed = page.js("return Jupyter.notebook.get_selected_cell().get_text();")
    check(typed == code, f"the editor holds {typed!r} after typing {code!r}")  # e.g. bracket auto-closing gone wrong
    index = len(page.code_cells()) - 1
    page.toolbar("run-cell-and-select-next")
    return index


def check_interrupt(page):
    index = add_cell_and_run(page, LOOP_CELL)
    wait_for("the loop cell did not start running", lambda: page.code_cells()[index]["prompt"] == "In [*]:" and not page.kernel_idle(), 10)
    time.sleep(2)  # well inside the loop
    check(page.code_cells()[index]["prompt"] == "In [*]:", f"the loop cell stopped by itself: {page.code_cells()[index]}")
    clicked = time.monotonic()
    page.toolbar("interrupt-kernel")

    cell = wait_for(f"the loop cell was still running {INTERRUPT_SECONDS} s after the interrupt button",
                    lambda: page.finished(index), INTERRUPT_SECONDS, 0.1)
    observed["interrupt_seconds"] = round(time.monotonic() - clicked, 2)
    observed["interrupt_shown"] = cell["error"]
    check(cell["error"] is not None and "interrupted" in cell["error"], f"the interrupted cell shows no interruption: {cell}")

    after = add_cell_and_run(page, AFTER_CELL)
    cell = wait_for(f"the cell after the interrupt ({AFTER_CELL!r}) did not finish", lambda: page.finished(after), 20)
    observed["after_interrupt"] = cell["text"].strip()
    check(cell["error"] is None and observed["after_interrupt"].endswith("True"), f"the cell after the interrupt: {cell}")


def screenshot(page, path):
    """The whole notebook: Notebook 6 scrolls inside #site, so the viewport is made as tall as header plus notebook, and
    long outputs, which it shows in a scrolled box, are shown whole (as a click on their left margin does)."""
    page.js("Jupyter.notebook.get_cells().forEach(c => c.output_area && c.output_area.unscroll_area());")
    height = page.js("return document.getElementById('header').offsetHeight + document.getElementById('notebook').scrollHeight;")
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 1280, "height": min(int(height) + 40, 16000), "deviceScaleFactor": 1, "mobile": False})
    time.sleep(1)  # the page resizes #site on the resize event; figures relayout
    shot = page.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    observed["screenshot"] = path


def main(folder, notebook, screenshot_path):
    server = Server(folder)
    driver = None
    try:
        server.wait_until_up()
        driver = start_browser()
        observed["chromium"] = driver.capabilities.get("browserVersion")
        page = Page(driver)
        try:
            open_notebook(page, server, notebook)
            run_all(page)
            check_figures(page)
            check_interrupt(page)
            page.collect_errors()
            observed["javascript_errors"] = page.errors
            check(not page.errors, "the page logged JavaScript errors:\n" + "\n".join(page.errors))
        finally:
            try:
                page.collect_errors()
                observed["javascript_errors"] = page.errors
                screenshot(page, screenshot_path)  # also when a check failed: it shows where
            except WebDriverException as e:
                observed["screenshot_failed"] = str(e)
    finally:
        if driver is not None:
            driver.quit()
        observed["left_behind"] = server.stop()
        observed["server_exit_code"] = server.process.returncode
    check(observed["left_behind"] == [], f"kernel processes outlived the server: {observed['left_behind']}")


if __name__ == "__main__":
    sys.exit(report(lambda: main(sys.argv[1], sys.argv[2], sys.argv[3]), observed))
