"""`python -m coursekit.release`: the files of one course release, named with its version.

    python -m coursekit.release docs/ release/ --learner SITE --instructor SITE --dist DIST
    python -m coursekit.release docs/ --changelog      (print the changelog entry only)

Into OUT/<name>-<version>/ it writes the learner site, the instructor edition and the offline
edition as zips, copies the LMS files of `make dist` (DIST), writes the changelog entry
(CHANGELOG-<version>.md, from the course version and the modules' `reviewed` dates) and
SHA256SUMS over all of them, in the format `sha256sum -c SHA256SUMS` verifies. `make release`
builds both editions and the LMS files, then runs this.

The offline edition is the learner site in one folder, for a shared drive or a laptop: it is
the same build, because every build already works from a folder (the offline plugin writes the
search index as a script, loaded without a server). It is refused, like the release, when that
search index is missing. Zips hold their entries in sorted order with a fixed time
(SOURCE_DATE_EPOCH, coursekit.zips), so two releases of one commit are the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .course import Course, load_course
from .dist import Project, read_project
from .zips import zip_folder

OFFLINE_SEARCH = "search/search_index.js"  # what the offline plugin writes for file:// search
SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class ModuleReview:
    id: str
    title: str
    reviewed: dt.date | None  # the latest review of any of its pages
    pages: int


def module_reviews(course: Course) -> list[ModuleReview]:
    """Each module with the latest `reviewed` date among its pages, most recent first (then by
    id), so the entry leads with what changed last."""
    reviews = []
    for module in course.modules:
        dates = [p.reviewed for p in module.pages if p.reviewed]
        reviews.append(ModuleReview(module.id, module.title, max(dates) if dates else None,
                                    len(module.pages)))
    return sorted(reviews, key=lambda r: (-(r.reviewed or dt.date.min).toordinal(), r.id))


def release_date(course: Course) -> dt.date:
    """SOURCE_DATE_EPOCH's date (UTC) when set, so a rebuild of one commit says the same; or
    the latest module review."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    dates = [r.reviewed for r in module_reviews(course) if r.reviewed]
    return max(dates) if dates else dt.date(1970, 1, 1)


def changelog_entry(course: Course, project: Project, date: dt.date) -> str:
    """The release's changelog entry in Markdown: version, date, and every module with its last
    clinical review."""
    reviews = module_reviews(course)
    lines = [f"## {project.version} ({date.isoformat()})", "",
             f"Release {project.version} of {project.name}: {len(reviews)} modules, "
             f"{course.total_minutes} minutes of study, "
             f"{sum(len(p.questions) for p in course.pages.values() if p.kind != 'posttest')} "
             f"self-check questions, {len(course.roleplays)} role-plays.", "",
             "Modules, latest clinical review first:", ""]
    for review in reviews:
        when = review.reviewed.isoformat() if review.reviewed else "not reviewed"
        pages = f", {review.pages} pages" if review.pages > 1 else ""
        lines.append(f"- {review.title} (`{review.id}`{pages}): reviewed {when}")
    return "\n".join(lines) + "\n"


def sha256sums(folder: Path, names: list[str]) -> str:
    """`sha256sum` output for the files `names` in `folder` (text mode: two spaces)."""
    out = []
    for name in names:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        out.append(f"{digest}  {name}")
    return "\n".join(out) + "\n"


def offline_problem(site: Path) -> str | None:
    """Why `site` would not search from a folder (file://), or None when it would."""
    if not (site / OFFLINE_SEARCH).is_file():
        return (f"{site}: {OFFLINE_SEARCH} is missing, so search would not work from a folder; "
                "keep the 'offline' plugin in mkdocs.yml.")
    return None


def write_release(course: Course, project: Project, out: Path, *, learner: Path,
                  instructor: Path, dist: Path, date: dt.date) -> Path:
    """Write the release into OUT/<name>-<version>/ (emptied first); return that folder."""
    stem = f"{project.name}-{project.version}"
    folder = out / stem
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    names = []
    for edition, site, prefix in (("site", learner, ""), ("instructor", instructor, ""),
                                  ("offline", learner, f"{stem}-offline/")):
        name = f"{stem}-{edition}.zip"
        zip_folder(site, folder / name, prefix)
        names.append(name)
    for path in sorted(p for p in dist.iterdir() if p.is_file()):
        shutil.copyfile(path, folder / path.name)
        names.append(path.name)
    changelog = f"CHANGELOG-{project.version}.md"
    (folder / changelog).write_text(changelog_entry(course, project, date), encoding="utf-8")
    names.append(changelog)
    (folder / SUMS).write_text(sha256sums(folder, sorted(names)), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.release", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("out", type=Path, nargs="?", help="the folder to write the release into")
    parser.add_argument("--learner", type=Path, help="a strict build of mkdocs.yml")
    parser.add_argument("--instructor", type=Path, help="a strict build of mkdocs.instructor.yml")
    parser.add_argument("--dist", type=Path, help="the LMS files written by `make dist`")
    parser.add_argument("--pyproject", type=Path, default=None,
                        help="pyproject.toml with the name and version (default: beside docs_dir)")
    parser.add_argument("--changelog", action="store_true", help="print the changelog entry only")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"{args.docs_dir}: not a folder", file=sys.stderr)
        return 2
    course = load_course(args.docs_dir, str(args.docs_dir).rstrip("/") or ".")
    if course.diagnostics:  # as the strict build: a warning stops a release too
        for found in course.diagnostics:
            print(found.format())
        print("The course has errors or warnings: no release written.", file=sys.stderr)
        return 1
    project = read_project(args.pyproject or args.docs_dir.resolve().parent / "pyproject.toml")
    date = release_date(course)
    if args.changelog:
        print(changelog_entry(course, project, date), end="")
        return 0
    missing = [f"--{name}" for name in ("learner", "instructor", "dist")
               if getattr(args, name) is None or not getattr(args, name).is_dir()]
    if args.out is None or missing:
        parser.error("writing a release needs OUT and the folders " + ", ".join(missing or ["OUT"]))
    if problem := offline_problem(args.learner):
        print(problem, file=sys.stderr)
        return 1
    folder = write_release(course, project, args.out, learner=args.learner,
                           instructor=args.instructor, dist=args.dist, date=date)
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
