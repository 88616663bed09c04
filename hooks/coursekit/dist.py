"""`python -m coursekit.dist docs/ dist/ --site SITE`: every file a program imports into its LMS.

From one parsed course it writes, each named with the project's name and version (from
pyproject.toml): the post-test as Moodle XML and GIFT (coursekit.export), as a QTI 1.2 package
for Canvas and Blackboard (coursekit.qti), a SCORM 1.2 package holding the learner edition
(SITE: a `mkdocs build --strict` of mkdocs.yml) and the post-test player (coursekit.scorm), the
evaluation form (printable HTML and CSV), a one-page certificate template filled from
`extra.host` in mkdocs.yml, the curriculum map and how the credit hours were calculated
(coursekit.sponsor). `make dist` builds the learner site into a temporary folder and runs this.

It writes nothing when the course has an error or a warning, when SITE holds any post-test
question (it would not be the learner edition), or when a setting is out of range. With
--release it also refuses an unset `extra.host` field, an objective with no self-check or no
post-test item, and placeholder text in any file it writes (a post-test smaller than the credit
hours require is refused always, by the course check `posttest-size`). Each problem is printed
as `path:line: [rule] message`.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .course import Course, load_course
from .export import CATEGORY, export_files
from .model import Page
from .qti import qti_package
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


def problems(course: Course, config: PlayerConfig, site_dir: Path | None) -> list[str]:
    """Everything that stops dist from writing, as `path:line: [rule] message` lines."""
    # Warnings too: `mkdocs build --strict` and the checker refuse them, and so does dist.
    found = [d.format() for d in course.diagnostics]
    posttests = [p for p in course.pages.values() if p.kind == "posttest"]
    if not posttests:
        found.append("docs:1: [dist-posttest] The course has no post-test page (front matter "
                     "'posttest: true' under docs/instructors/), so there is nothing to export.")
    if len(posttests) > 1:
        found.append(f"{posttests[1].path}:1: [dist-posttest] The SCORM package holds one post-test; "
                     f"this is the second (the first is {posttests[0].path}).")
    for page in posttests:
        for question in page.questions:
            if len(question.options) > MAX_OPTIONS:
                found.append(f"{page.path}:{question.line}: [dist-options] Question '{question.id}' "
                             f"has {len(question.options)} options; the SCORM player takes at most "
                             f"{MAX_OPTIONS}.")
        if (longest := worst_suspend_data(page.questions, config.attempts)) > SUSPEND_DATA_LIMIT:
            found.append(f"{page.path}:1: [dist-suspend-data] Saved progress for this post-test "
                         f"could take {longest:,} characters; SCORM 1.2 keeps {SUSPEND_DATA_LIMIT:,}. "
                         "Split the bank or use fewer options.")
    found += [f"--attempts:1: [dist-config] {message}" for message in config.problems()]
    if site_dir is not None:
        if not (site_dir / "index.html").is_file():
            found.append(f"{site_dir}/index.html:1: [dist-site] No built site here: build the "
                         "learner edition with 'mkdocs build --strict -d FOLDER' first.")
        for page in posttests:
            found += [f"{site_dir}/{rel}:1: [dist-site] This file shows post-test item '{qid}': "
                      "only the learner edition (mkdocs.yml) may go into the SCORM package."
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


def main(argv: list[str] | None = None) -> int:
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
                        help="also refuse unset extra.host fields, objectives without a self-check "
                             "or post-test item, and placeholder text")
    args = parser.parse_args(argv)
    docs = Path(args.docs_dir)
    if not docs.is_dir():
        print(f"{args.docs_dir}:1: [dist-docs] Not a folder: give the course's docs folder.",
              file=sys.stderr)
        return 2
    pyproject = args.pyproject or docs.resolve().parent / "pyproject.toml"
    if not pyproject.is_file():
        print(f"{pyproject}:1: [dist-version] No pyproject.toml: pass --pyproject with the "
              "project's name and version.", file=sys.stderr)
        return 2
    project = read_project(pyproject)
    course = load_course(docs, args.docs_dir.rstrip("/") or ".")
    pass_marks = [p.pass_mark for p in course.pages.values() if p.kind == "posttest"]
    config = PlayerConfig(pass_mark=pass_marks[0] if pass_marks else PlayerConfig.pass_mark,
                          attempts=args.attempts, feedback=args.feedback)
    config_file, host = host_config(docs)
    found = problems(course, config, args.site)
    if args.release and not found:
        found = release_problems(course, host, str(config_file), text_files(course, project, host))
    if found:
        print("\n".join(found), file=sys.stderr)
        print(f"{len(found)} problem(s); nothing was written to {args.out_dir}.", file=sys.stderr)
        return 1
    out = Path(args.out_dir)
    for path in write_dist(course, out, project, config, args.site, host):
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
