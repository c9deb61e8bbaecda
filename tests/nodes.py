"""Learnlink's parts as real processes, for the tests that run several of them or stop one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path


class Node:
    """One `learnlink` (or gunicorn) process, started again on asking."""

    def __init__(self, env: dict[str, str], folder: Path, name: str, *command: str) -> None:
        self.env, self.command, self.name = env, list(command), name
        self.log = folder / f"{name}.log"
        self.process = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        return self.process

    def stop(self, how: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, how)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def learnlink(*args: str) -> list[str]:
    return [sys.executable, "-m", "learnlink.cli", *args]
