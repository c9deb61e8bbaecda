"""The files in deploy/ an administrator copies to a machine: the three systemd units parse
(systemd-analyze, with the venv at this checkout's), start commands Learnlink has, and are
hardened; the nginx site proxies /health, compresses, takes a group's largest post and passes
`nginx -t` (`make test` installs Debian's nginx when root, as it does Chromium); and every
setting Learnlink reads from the environment is in docs/deploying.md's table."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

from learnlink.exchange.models import Group

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"
UNITS = sorted(DEPLOY.glob("learnlink-*.service"))
SITE = DEPLOY / "nginx-learnlink.conf"
GUIDE = DEPLOY.parent / "docs" / "deploying.md"
SETTINGS = DEPLOY.parent / "learnlink" / "settings.py"
INSTALLED_BIN = "/srv/learnlink/venv/bin/"


def settings_of(unit: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in unit.read_text().splitlines()
                if "=" in line and not line.startswith("#"))


def test_there_is_a_unit_for_the_web_the_worker_and_the_lmtp_server() -> None:
    assert [unit.name for unit in UNITS] == [
        "learnlink-lmtp.service", "learnlink-web.service", "learnlink-worker.service"]


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.stem)
def test_each_unit_runs_a_real_command_as_its_own_user_hardened(unit: Path) -> None:
    options = settings_of(unit)
    program, *arguments = shlex.split(options["ExecStart"])
    if program.endswith("/learnlink"):
        assert arguments[0] in get_commands()
    else:
        assert program.endswith("/gunicorn") and arguments[0] == "learnlink.wsgi"
    assert options["User"] == "learnlink" and options["Restart"] == "on-failure"
    assert options["EnvironmentFile"] == "/etc/learnlink/environment"
    assert options["ProtectSystem"] == "strict"
    assert options["ReadWritePaths"] == "/var/lib/learnlink"


def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is missing (apt-get install systemd)")
    here = str(Path(sys.executable).parent) + "/"
    for unit in UNITS:  # the commands must exist: point them at this checkout's venv
        (tmp_path / unit.name).write_text(unit.read_text().replace(INSTALLED_BIN, here))
    checked = subprocess.run([analyze, "verify", *[u.name for u in UNITS]], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60, check=False)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr


def test_the_nginx_site_takes_a_groups_largest_post_compresses_and_proxies_health() -> None:
    site = SITE.read_text()
    limit = int(re.search(r"client_max_body_size (\d+)m;", site)[1])  # type: ignore[index]
    assert limit * 1024 * 1024 > Group._meta.get_field("size_limit").default
    assert "gzip on;" in site and "gzip_static on;" in site
    health = site.split("location = /health {", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://learnlink_web;" in health
    assert "/media" not in site  # files of private groups pass Learnlink's permission check


def test_the_nginx_site_passes_nginx_t(tmp_path: Path) -> None:
    nginx, openssl = shutil.which("nginx"), shutil.which("openssl")
    if nginx is None or openssl is None:
        pytest.skip("nginx is not installed (apt-get install nginx to check the site)")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=learn.example.org", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], capture_output=True, check=True)
    site = re.sub(r"ssl_certificate (\S+);", f"ssl_certificate {tmp_path}/cert.pem;",
                  SITE.read_text())
    site = re.sub(r"ssl_certificate_key (\S+);", f"ssl_certificate_key {tmp_path}/key.pem;",
                  site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{site}\n}}\n")
    checked = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c",
                              str(tmp_path / "nginx.conf")],
                             capture_output=True, text=True, timeout=60, check=False)
    assert checked.returncode == 0, checked.stderr


def test_every_setting_read_from_the_environment_is_in_the_deploying_guide() -> None:
    """An administrator who never saw Learnlink learns its settings from the guide alone."""
    read = set(re.findall(r'env\.\w+\("([A-Z_]+)"', SETTINGS.read_text()))
    table = GUIDE.read_text().split("## Settings (environment variables)", 1)[1].split("\n## ")[0]
    assert read and not {name for name in read if f"`{name}`" not in table}
