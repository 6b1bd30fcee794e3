"""The progress bar (stderr): files done, files/s, ETA. It shows counts only, never names.

The total is counted by a background walk so that the main listing can stream (bounded
memory); until that count is known the bar shows files/s without an ETA.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional


class BatchProgress:
    def __init__(self, enabled: bool, count: Optional[Callable[[], int]] = None) -> None:
        self._progress: Any = None
        self._task: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class FilesPerSecond(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} files/s" if speed else "- files/s")

        self._progress = Progress(
            TextColumn("scrubbing"), BarColumn(), MofNCompleteColumn(), FilesPerSecond(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task("scrub", total=None)
        if count is not None:
            threading.Thread(target=self._count, args=(count,), daemon=True).start()

    def _count(self, count: Callable[[], int]) -> None:
        try:
            n = count()
        except Exception:
            return
        if self._progress is not None:
            self._progress.update(self._task, total=n)

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
