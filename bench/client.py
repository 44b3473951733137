"""Talking to the servers: a browser just good enough for the login form, and wrk."""

import contextlib
import html
import http.client
import json
import re
import subprocess
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from bench.stack import BASE_DIR, Broke


class Browser:
    """Just enough of a browser for the login form: cookies kept by hand (the portal's cookies
    are Secure, and this talks plain http on loopback as the TLS proxy would)."""

    def __init__(self, port):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Host": self.host, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{self.host}"
            headers["Referer"] = f"https://{self.host}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() != "set-cookie":
                continue
            pair, _, attributes = value.partition(";")
            key, _, cookie = pair.strip().partition("=")
            if not cookie or "max-age=0" in attributes.lower():
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = cookie
        return response.status, response.getheader("Location", ""), content.decode(errors="replace")

    def csrf_form(self, path):
        status, _location, page = self.request("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not match:
            raise Broke(f"GET {path} answered {status} without a CSRF token")
        return html.unescape(match.group(1))

    def log_in(self, email, password, totp_secret):
        token = self.csrf_form("/account/login/")
        status, location, _page = self.request(
            "POST",
            "/account/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": password},
        )
        if status != 302:
            raise Broke(f"logging in as {email} answered {status}, not a redirect")
        if "/2fa/" in location:
            path = urllib.parse.urlsplit(location).path
            token = self.csrf_form(path)
            status, location, _page = self.request(
                "POST", path, {"csrfmiddlewaretoken": token, "code": totp_code(totp_secret)}
            )
            if status != 302 or "/2fa/" in location:
                raise Broke(f"the two-step code for {email} was refused ({status} {location})")
        status, location, _page = self.request("GET", "/dashboard/")
        if status != 200:
            raise Broke(f"after logging in, {email}'s dashboard answered {status} {location}")
        return self.cookies["sessionid"]


def totp_code(secret):
    """The current code of an authenticator app, by the library allauth checks it with."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time() // 30)))


def wait_for(port, path="/", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            status, _location, _page = Browser(port).request("GET", path)
            if status == 200:
                return
        time.sleep(0.3)
    raise Broke(f"nothing answered 200 on port {port}{path} within {timeout} s")


def settle(port, *, workers, path="/"):
    """Wait until the server has answered everything wrk left in its queue: when wrk stops, the
    requests it had in flight are still worked off. One probe per worker, sent now, comes back
    only after them; the next run then starts on an idle server."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for status, _location, _page in pool.map(
            lambda _n: Browser(port).request("GET", path), range(workers)
        ):
            if status != 200:
                raise Broke(f"the probe {path} on port {port} answered {status}")


def wrk(port, path, *, seconds, connections, threads, cookie=None):
    """One wrk run; its numbers as a dict (rps, latency_us percentiles, not_200, errors)."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(BASE_DIR / "bench" / "wrk.lua"),
        "-H",
        "X-Forwarded-Proto: https",
    ]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    line = next(
        (line for line in result.stdout.splitlines() if line.startswith("BENCH-JSON ")), None
    )
    if result.returncode or line is None:
        raise Broke(f"wrk failed on {path}:\n{result.stdout}\n{result.stderr}")
    run = json.loads(line.removeprefix("BENCH-JSON "))
    run["rps"] = run["requests"] / (run["duration_us"] / 1e6)
    return run
