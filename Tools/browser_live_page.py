#!/usr/bin/env python3
"""Drives headless Chromium (Selenium, Debian's chromium-driver) through the live year page of `thidua serve` (§12).

    browser_live_page.py PAGE_URL --member CODE --before TOTAL --after TOTAL --post FILE [--within SECONDS]

Loads PAGE_URL (e.g. http://127.0.0.1:8080/years/2017), waits until the standings show TOTAL `--before` for the
member, scrolls down, marks the window, POSTs the JSON Lines of FILE to the server's /v1/events, and waits until
the member's total reads `--after`: within `--within` seconds (default 2), without a reload (the mark survives),
at the same scroll position, with no Content-Security-Policy violation in the console. Prints one JSON line with
what it saw. Exit 0 passed, 1 failed, 77 skipped (selenium, chromium or chromedriver missing: the reason on stderr).

Everything it starts is its own: it makes itself the subreaper of its descendants and kills and reaps every one
of them (chromedriver, chromium and its helpers) before it exits.
"""
import argparse
import ctypes
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77


def descendants():
    me = str(os.getpid())
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == me:
            yield int(entry)


def kill_all():
    """Kills every child (orphans of chromium are re-parented here) until none is left, reaping each."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        children = list(descendants())
        if not children:
            return
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            while os.waitpid(-1, os.WNOHANG)[0] != 0:
                pass
        except ChildProcessError:
            pass
        time.sleep(0.05)


def total(driver, member):
    """The member's total as the page shows it now, read in one step (the body may be swapped at any moment)."""
    return driver.execute_script(
        'var cell = document.querySelector(\'td[data-n="standings.total"][data-m="\' + arguments[0] + \'"]\');'
        ' return cell ? cell.textContent.trim() : null;', member)


def wait(condition, seconds, step=0.05):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('url')
    parser.add_argument('--member', required=True)
    parser.add_argument('--before', required=True)
    parser.add_argument('--after', required=True)
    parser.add_argument('--post', required=True)
    parser.add_argument('--within', type=float, default=2.0)
    args = parser.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print('skip: the Python package selenium is not installed (.ci/run installs it into .build/venv)', file=sys.stderr)
        return SKIP
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    chromedriver = shutil.which('chromedriver') or ('/usr/bin/chromedriver' if os.access('/usr/bin/chromedriver', os.X_OK) else None)
    if not chromium or not chromedriver:
        print('skip: needs chromium and chromium-driver (chromedriver); missing %s'
              % ', '.join(n for n, p in (('chromium', chromium), ('chromedriver', chromedriver)) if not p), file=sys.stderr)
        return SKIP

    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: chromium's orphans become ours to kill
    profile = tempfile.mkdtemp(prefix='thidua-chromium-')
    driver = None
    try:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
                     '--window-size=1200,800', '--user-data-dir=' + profile):
            options.add_argument(flag)
        options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
        driver.set_page_load_timeout(30)
        driver.get(args.url)

        seen = wait(lambda: total(driver, args.member) == args.before, 15)
        if not seen:
            print('the standings never showed %s for %s (saw %r)' % (args.before, args.member, total(driver, args.member)), file=sys.stderr)
            return 1
        if not wait(lambda: driver.execute_script('return document.documentElement.getAttribute("data-live")') == 'open', 15):
            print('the page never opened its event stream (data-live is %r)'
                  % driver.execute_script('return document.documentElement.getAttribute("data-live")'), file=sys.stderr)
            return 1
        driver.execute_script('window.scrollTo(0, 300); window.thiduaNotReloaded = true;')
        scrolled = driver.execute_script('return window.scrollY')

        with open(args.post, 'rb') as f:
            body = f.read()
        request = urllib.request.Request(args.url.split('/years/')[0] + '/v1/events', data=body, method='POST',
                                         headers={'Content-Type': 'application/x-ndjson'})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            print('POST /v1/events answered %d: %s' % (error.code, error.read().decode('utf-8', 'replace')), file=sys.stderr)
            return 1
        posted = time.monotonic()
        changed = wait(lambda: total(driver, args.member) == args.after, max(args.within, 10), step=0.02)
        delay = time.monotonic() - posted
        result = {
            'posted': status, 'before': args.before, 'after': total(driver, args.member), 'seconds': round(delay, 3),
            'reloaded': not driver.execute_script('return window.thiduaNotReloaded === true'),
            'scrollY': driver.execute_script('return window.scrollY'), 'scrolledTo': scrolled,
            'refreshed': driver.execute_script('return document.documentElement.getAttribute("data-refreshed")'),
            'policyViolations': [entry['message'] for entry in driver.get_log('browser')
                                 if 'Content Security Policy' in entry.get('message', '')],
        }
        print(json.dumps(result, ensure_ascii=False))
        failures = []
        if not changed:
            failures.append('the total of %s never became %s' % (args.member, args.after))
        elif delay > args.within:
            failures.append('the new total took %.2f s to appear (at most %.1f s)' % (delay, args.within))
        if result['reloaded']:
            failures.append('the page was reloaded')
        if result['scrollY'] != scrolled:
            failures.append('the scroll position moved from %s to %s' % (scrolled, result['scrollY']))
        if result['policyViolations']:
            failures.append('the Content-Security-Policy refused something: %s' % result['policyViolations'])
        for failure in failures:
            print(failure, file=sys.stderr)
        return 1 if failures else 0
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        kill_all()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
