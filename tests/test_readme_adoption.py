"""Adoption in five minutes: the pre-commit hooks and the GitHub Actions workflow run as shipped."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
EVENT = "factbase/events/2026-11-20-disputed-totals.yaml"


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory) -> Path:
    """A desk's repository: factbase/ and articles/ with one drafted article."""
    repo = tmp_path_factory.mktemp("content")
    (repo / "factbase").mkdir()
    shutil.copy(ROOT / "factbase" / "sources.yaml", repo / "factbase")
    shutil.copytree(ROOT / "factbase" / "events", repo / "factbase" / "events")  # the desk's own events
    (repo / "articles").mkdir()
    r = subprocess.run(["writer", "draft", EVENT, "-o", "articles/disputed.md"], cwd=repo, env=ENV, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return repo


def _hook_argv(hook: dict, repo: Path) -> list[str]:
    """What pre-commit runs: entry, args, then every staged file the hook's filters accept."""
    files = [p.relative_to(repo).as_posix() for p in sorted(repo.rglob("*")) if p.is_file()]
    if "files" in hook:
        files = [f for f in files if re.search(hook["files"], f)]
    suffixes = {"markdown": (".md", ".markdown"), "yaml": (".yaml", ".yml")}
    kinds = hook.get("types_or") or hook.get("types") or []
    if kinds:
        files = [f for f in files if any(f.endswith(suffixes[k]) for k in kinds)]
    assert files, f"hook {hook['id']} matched no file"
    return [*shlex.split(hook["entry"]), *hook.get("args", []), *files]


def _run(argv, repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=repo, env=ENV, capture_output=True, text=True, timeout=300)


def test_pre_commit_hooks_run_their_entry_commands(content_repo):
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"writer-check", "writer-facts-validate"}
    for hook in hooks.values():
        assert hook["language"] == "python" and shutil.which(shlex.split(hook["entry"])[0], path=ENV["PATH"])
        r = _run(_hook_argv(hook, content_repo), content_repo)
        assert r.returncode == 0, (hook["id"], r.stdout, r.stderr)


def test_pre_commit_hooks_fail_on_bad_input(tmp_path, content_repo):
    repo = tmp_path / "repo"
    shutil.copytree(content_repo, repo)
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    with (repo / "articles" / "disputed.md").open("a", encoding="utf-8") as f:
        f.write("\nLiquidations topped $170 million in 24 hours.\n")
    r = _run(_hook_argv(hooks["writer-check"], repo), repo)
    assert r.returncode == 1 and "articles/disputed.md:" in r.stdout
    event = repo / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace("coinglass", "coinglas", 1), encoding="utf-8")
    r = _run(_hook_argv(hooks["writer-facts-validate"], repo), repo)
    assert r.returncode == 2 and EVENT in r.stderr


def test_github_workflow_commands_run_in_a_content_repo(tmp_path, content_repo):
    repo = tmp_path / "repo"
    shutil.copytree(content_repo, repo)
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    on = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    ran = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            cmd = step.get("run", "")
            if not cmd.startswith("writer "):
                continue  # installing writer: this environment already has it
            r = _run(["bash", "-o", "pipefail", "-c", cmd], repo)
            assert r.returncode == 0, (cmd, r.stdout, r.stderr)
            ran.append(cmd.split()[1])
    assert ran == ["facts", "check", "check", "batch"]
    sarif = json.loads((repo / "writer.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert (repo / "site" / "index.html").is_file()
