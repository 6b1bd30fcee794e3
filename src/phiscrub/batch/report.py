"""`BatchReport`: the outcome of a batch run, as returned by ``scrub_files`` and printed by the CLI.

Failures name files by their scrubbed output path (or their position in the listing when even
the name could not be scrubbed) and give a reason that never quotes content.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Mapping

MAX_LISTED_FAILURES = 1000  # the report stays small for 100k-file runs; the audit log has all


@dataclass(frozen=True)
class FileNote:
    """A file (by its scrubbed output path) and why it FAILED or needs REVIEW; never content."""

    output: str
    reason: str


@dataclass(frozen=True)
class BatchReport:
    """Counts, findings per entity, failures and timing of one run."""

    out_dir: str
    engine: str
    workers: int
    files: int  # files handled in this run (PASS + REVIEW + FAILED)
    passed: int
    review: int
    failed: int
    already_done: int  # finished by an earlier run into the same OUT, skipped
    ignored: int  # hidden files and OS clutter, never copied
    seconds: float
    bytes_in: int
    entities: Mapping[str, int] = field(default_factory=dict)
    name_entities: Mapping[str, int] = field(default_factory=dict)
    failures: tuple[FileNote, ...] = ()
    reviews: tuple[FileNote, ...] = ()  # REVIEW files and why (no content)
    interrupted: bool = False
    policy_fingerprint: str = ""

    @property
    def ok(self) -> bool:
        """True when every file ended PASS or REVIEW and the run was not interrupted."""
        return self.failed == 0 and not self.interrupted

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["entities"] = dict(sorted(self.entities.items()))
        d["name_entities"] = dict(sorted(self.name_entities.items()))
        d["failures"] = [asdict(f) for f in self.failures]
        d["reviews"] = [asdict(f) for f in self.reviews]
        d["ok"] = self.ok
        d["files_per_second"] = round(self.files_per_second, 3)
        d["seconds"] = round(self.seconds, 3)
        return d

    def render(self) -> str:
        """The closing summary printed by the CLI."""
        lines = [
            f"phiscrub scrub: {self.files} file(s) in {self.seconds:.1f}s "
            f"({self.files_per_second:.1f} files/s, engine={self.engine}, workers={self.workers})",
            f"  PASS {self.passed}   REVIEW {self.review}   FAILED {self.failed}"
            f"   already done {self.already_done}   ignored {self.ignored}",
        ]
        if self.entities:
            lines.append("  findings: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())))
        else:
            lines.append("  findings: none")
        if self.name_entities:
            lines.append("  in file/folder names: " + ", ".join(f"{k} {v}" for k, v in sorted(self.name_entities.items())))
        if self.reviews:
            lines.append("  to review (written, flagged for a human look):")
            for f in self.reviews[:50]:
                lines.append(f"    {f.output}: {f.reason}")
            if self.review > 50:
                lines.append(f"    ... {self.review - 50} more (see .phiscrub/audit.jsonl)")
        if self.failures:
            lines.append("  failures:")
            for f in self.failures[:50]:
                lines.append(f"    {f.output}: {f.reason}")
            if self.failed > 50:
                lines.append(f"    ... {self.failed - 50} more (see .phiscrub/audit.jsonl)")
        if self.interrupted:
            lines.append("  interrupted: re-run the same command to finish the rest")
        lines.append(f"  output: {self.out_dir}   audit log: {self.out_dir}/.phiscrub/audit.jsonl")
        return "\n".join(lines)
