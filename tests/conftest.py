"""Fixtures every test module can use: the real-browser harness (see tests/browser.py)."""

pytest_plugins = ("browser",)
