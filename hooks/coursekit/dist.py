"""`python -m coursekit.dist docs/ dist/ --site SITE`: every file a program imports into its LMS.

From one parsed course it writes, each named with the project's name and version (from
pyproject.toml): the post-test as Moodle XML and GIFT (coursekit.export), as a QTI 1.2 package
for Canvas and Blackboard (coursekit.qti), a SCORM 1.2 package holding the learner edition
(SITE: a `mkdocs build --strict` of mkdocs.yml) and the post-test player (coursekit.scorm), the
evaluation form (printable HTML and CSV), a one-page certificate template filled from
`extra.host` in mkdocs.yml, the curriculum map and how the credit hours were calculated
(coursekit.sponsor). `make dist` builds the learner site into a temporary folder and runs this.

It writes nothing when the course has an error or a warning (among them an objective with no
self-check or no post-test item, and a post-test smaller than the credit hours require), when
SITE holds any post-test question (it would not be the learner edition), or when a setting is
out of range. With --release it also refuses an unset `extra.host` field and placeholder text in
any file it writes. Each problem is printed as `path:line: [rule] message`; the rules (dist-*,
release-*) are in coursekit.rules with the rest.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .course import Course, load_course
from .diagnostics import Diagnostic
from .export import CATEGORY, export_files
from .model import Page
from .qti import qti_package
from .rules import diagnostic
from .scorm import (
    FEEDBACK_MODES,
    SUSPEND_DATA_LIMIT,
    PlayerConfig,
    leaked_items,
    worst_suspend_data,
    write_package,
)
from .sponsor import (
    certificate_html,
    credit_hours_markdown,
    curriculum_map_markdown,
    evaluation_csv,
    evaluation_html,
    host_config,
    markdown_page,
    release_problems,
)

MAX_OPTIONS = 10  # the player keeps each option's position in one digit


@dataclass(frozen=True)
class Project:
    name: str
    version: str


def read_project(pyproject: Path) -> Project:
    """The project's name and version from pyproject.toml ([project] name and version)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data.get("project", {})
    return Project(str(project["name"]), str(project["version"]))


def file_names(project: Project, page: Page) -> dict[str, str]:
    """What each file is called in dist/ (the post-test ones after the post-test page)."""
    course = f"{project.name}-{project.version}"
    stem = f"{course}-{posixpath.splitext(posixpath.basename(page.src_uri))[0]}"
    return {"moodle": f"{stem}.moodle.xml", "gift": f"{stem}.gift.txt", "qti": f"{stem}.qti12.zip",
            "scorm": f"{course}-scorm12.zip", "evaluation": f"{course}-evaluation.html",
            "evaluation-csv": f"{course}-evaluation.csv", "certificate": f"{course}-certificate.html",
            "map": f"{course}-curriculum-map.html", "hours": f"{course}-credit-hours.html"}


def text_files(course: Course, project: Project, host: dict[str, str]) -> dict[str, str]:
    """Every text file of dist/ by name: the post-test exports, the evaluation and certificate."""
    exports = export_files(course)
    files: dict[str, str] = {}
    for page in (p for p in course.pages.values() if p.kind == "posttest"):
        names = file_names(project, page)
        stem = posixpath.splitext(page.src_uri)[0]
        files[names["moodle"]] = exports[stem + ".moodle.xml"]
        files[names["gift"]] = exports[stem + ".gift.txt"]
        files[names["evaluation"]] = evaluation_html(course, CATEGORY)
        files[names["evaluation-csv"]] = evaluation_csv(course)
        files[names["certificate"]] = certificate_html(course, CATEGORY, host)
        files[names["map"]] = markdown_page(f"Curriculum map: {CATEGORY}", curriculum_map_markdown(course))
        files[names["hours"]] = markdown_page(f"Credit hours: {CATEGORY}", credit_hours_markdown(course))
    return files


def problems(course: Course, config: PlayerConfig, site_dir: Path | None,
             docs_shown: str = "docs") -> list[Diagnostic]:
    """Everything that stops dist from writing, course diagnostics first."""
    # Warnings too: `mkdocs build --strict` and the checker refuse them, and so does dist.
    found = list(course.diagnostics)
    posttests = [p for p in course.pages.values() if p.kind == "posttest"]
    if not posttests:
        found.append(diagnostic("dist-posttest", docs_shown, 1,
                                "The course has no post-test page, so there is nothing to export."))
    if len(posttests) > 1:
        found.append(diagnostic("dist-posttest", posttests[1].path, 1,
                                f"This is a second post-test (the first is {posttests[0].path})."))
    for page in posttests:
        for question in page.questions:
            if len(question.options) > MAX_OPTIONS:
                found.append(diagnostic("dist-options", page.path, question.line,
                                        f"Question '{question.id}' has {len(question.options)} "
                                        f"options; the SCORM player takes at most {MAX_OPTIONS}."))
        if (longest := worst_suspend_data(page.questions, config.attempts)) > SUSPEND_DATA_LIMIT:
            found.append(diagnostic("dist-suspend-data", page.path, 1,
                                    f"Saved progress for this post-test could take {longest:,} "
                                    f"characters; SCORM 1.2 keeps {SUSPEND_DATA_LIMIT:,}."))
    found += [diagnostic("dist-config", "--attempts", 1, message) for message in config.problems()]
    if site_dir is not None:
        if not (site_dir / "index.html").is_file():
            found.append(diagnostic("dist-site", f"{site_dir}/index.html", 1, "No built site here."))
        for page in posttests:
            found += [diagnostic("dist-site", f"{site_dir}/{rel}", 1,
                                 f"This file shows post-test item '{qid}': only the learner edition "
                                 "may go into the SCORM package.")
                      for rel, qid in leaked_items(site_dir, page.questions)]
    return found


def write_dist(course: Course, out_dir: Path, project: Project, config: PlayerConfig,
               site_dir: Path, host: dict[str, str] | None = None) -> list[Path]:
    """Write every LMS file into out_dir, replacing this project's earlier ones."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{project.name}-*"):
        if old.is_file():
            old.unlink()
    written: list[Path] = []
    for name, text in text_files(course, project, host or {}).items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for page in (p for p in course.pages.values() if p.kind == "posttest"):
        names = file_names(project, page)
        title = f"{CATEGORY}: {page.title or 'Post-test'}"
        path = out_dir / names["qti"]
        path.write_bytes(qti_package(page.questions, title, f"{project.name}-{project.version}-posttest"))
        written.append(path)
        path = out_dir / names["scorm"]
        write_package(path, site_dir=site_dir, questions=page.questions,
                      identifier=f"{project.name}-{project.version}", version=project.version,
                      title=CATEGORY, config=config)
        written.append(path)
    return written


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m coursekit.dist", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs_dir", help="the course's docs folder")
    parser.add_argument("out_dir", help="where to write the LMS files (dist/)")
    parser.add_argument("--site", required=True, type=Path,
                        help="the learner edition built with mkdocs build --strict")
    parser.add_argument("--pyproject", type=Path, default=None,
                        help="pyproject.toml with the name and version (default: beside docs_dir)")
    parser.add_argument("--attempts", type=int, default=PlayerConfig.attempts,
                        help="submissions the SCORM player allows in one LMS attempt; 0: no limit "
                             f"(default {PlayerConfig.attempts})")
    parser.add_argument("--feedback", default=PlayerConfig.feedback, choices=FEEDBACK_MODES,
                        help="when the SCORM player shows the answers and rationales: 'final' once "
                             "the test is over, 'each' after every submission, 'never' "
                             f"(default {PlayerConfig.feedback})")
    parser.add_argument("--release", action="store_true",
                        help="also refuse unset extra.host fields and placeholder text")
    return parser


@dataclass
class Plan:
    """What one run of dist would write, and everything that stops it."""

    args: argparse.Namespace
    found: list[Diagnostic]
    course: Course | None = None
    project: Project | None = None
    config: PlayerConfig | None = None
    host: dict[str, str] | None = None


def plan(argv: list[str] | None = None) -> Plan:
    """Parse the arguments, load the course and list every problem (paths as the user gave them)."""
    args = _parser().parse_args(argv)
    docs = Path(args.docs_dir)
    shown = args.docs_dir.rstrip("/") or "."
    beside = posixpath.dirname(shown)
    if not docs.is_dir():
        return Plan(args, [diagnostic("dist-docs", shown, 1, "Not a folder.")])
    pyproject = args.pyproject or docs.resolve().parent / "pyproject.toml"
    if not pyproject.is_file():
        where = str(args.pyproject) if args.pyproject else posixpath.join(beside, "pyproject.toml")
        return Plan(args, [diagnostic("dist-version", where, 1, "No pyproject.toml here.")])
    project = read_project(pyproject)
    course = load_course(docs, shown)
    pass_marks = [p.pass_mark for p in course.pages.values() if p.kind == "posttest"]
    config = PlayerConfig(pass_mark=pass_marks[0] if pass_marks else PlayerConfig.pass_mark,
                          attempts=args.attempts, feedback=args.feedback)
    config_file, host = host_config(docs)
    found = problems(course, config, args.site, shown)
    if args.release and not found:
        found = release_problems(host, config_file, posixpath.join(beside, "mkdocs.yml"),
                                 text_files(course, project, host))
    return Plan(args, found, course, project, config, host)


def main(argv: list[str] | None = None) -> int:
    run = plan(argv)
    if run.found:
        print("\n".join(d.format() for d in run.found), file=sys.stderr)
        if run.course is None:  # no course to speak of: the command itself was wrong
            return 2
        print(f"{len(run.found)} problem(s); nothing was written to {run.args.out_dir}.", file=sys.stderr)
        return 1
    assert run.course and run.project and run.config and run.host is not None
    out = Path(run.args.out_dir)
    for path in write_dist(run.course, out, run.project, run.config, run.args.site, run.host):
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
