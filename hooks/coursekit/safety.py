"""Author HTML through an allowlist: what course text may contain, checked and sanitised.

Two layers, one allowlist:

- `check_markup` reads author text (page prose, titles, every YAML text field) and reports each
  raw HTML tag or attribute outside the allowlist, each `{: ... }` attribute list that sets
  anything but an id, class, lang or dir, and each URL whose scheme is not http, https or mailto.
  It tokenizes HTML the way a browser does (the WHATWG tokenizer's states for tags, attributes,
  comments and declarations), so `<svg/onload=...>` or `<a href="jav&#x61;script:...">` are seen
  as the browser sees them. Text is read twice: as written and with character references
  decoded, because Material's tooltips (link titles, abbreviations, long navigation titles) set
  `innerHTML` from text, which turns `&lt;img onerror=...&gt;` back into markup.
- `clean_fragment` and `clean_page` pass rendered HTML through nh3 (the ammonia sanitiser) with
  the same tags, attributes and URL schemes, so a check that missed something still cannot put
  a script on a page.

Every check is linear in its input: the scanners move forward only, and each regular
expression here is a single character class run or an anchored literal.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import nh3

# ---- the allowlist -----------------------------------------------------------------------

# Attributes any allowed tag may carry. `markdown` is md_in_html's switch (`<div markdown>`);
# it never reaches the page. `title` is left out on purpose: Material shows titles in a
# tooltip built with innerHTML, so a title is markup, not text.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "markdown"})

# Formatting and structure only: nothing that runs code, loads a frame, submits a form or
# changes how the page is parsed (script, style, iframe, object, embed, form, input, svg, math,
# meta, base, link, template, textarea, noscript ... are all outside it).
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    tag: frozenset(extra) for tag, extra in {
        "a": ("href", "hreflang"), "b": (), "bdi": (), "bdo": (), "blockquote": ("cite",),
        "br": (), "caption": (), "cite": (), "code": (), "col": ("span",),
        "colgroup": ("span",), "dd": (), "del": ("cite", "datetime"), "details": ("open",),
        "dfn": (), "div": (), "dl": (), "dt": (), "em": (), "figcaption": (), "figure": (),
        "h1": (), "h2": (), "h3": (), "h4": (), "h5": (), "h6": (), "hr": (), "i": (),
        "img": ("src", "alt", "width", "height"), "ins": ("cite", "datetime"), "kbd": (),
        "li": ("value",), "mark": (), "ol": ("start", "reversed", "type"), "p": (), "pre": (),
        "q": ("cite",), "s": (), "samp": (), "section": (), "small": (), "span": (),
        "strong": (), "sub": (), "summary": (), "sup": (), "table": (), "tbody": (),
        "td": ("colspan", "rowspan"), "tfoot": (), "th": ("colspan", "rowspan", "scope"),
        "thead": (), "time": ("datetime",), "tr": (), "u": (), "ul": (), "var": (), "wbr": (),
    }.items()
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SAFE_SCHEMES = ("http", "https", "mailto")
# What `{: ... }` may set: `#id`, `.class`, and these keys.
ATTR_LIST_KEYS = frozenset({"id", "class", "lang", "dir"})
# Ids and classes start with a letter: Material's own ids start with "__" (`__config` holds the
# search worker's path), and an author id must never shadow them.
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

# ---- findings ----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Finding:
    line: int  # 0-based line within the text checked
    rule: str  # "unsafe-html" or "unsafe-url"
    detail: str


MAX_FINDINGS = 20

# Every refusal starts at one of these: a tag or autolink '<', a character reference '&', an
# attribute list '{', a Markdown link's or reference definition's ']'.
_MARKUP_START = re.compile(r"[<&{\]]")


def check_markup(text: str) -> list[Finding]:
    """Every refusal in one piece of author text, sorted, each reported once."""
    if _MARKUP_START.search(text) is None:
        return []  # most author text: nothing a tag, reference, attribute list or link needs
    found: set[Finding] = set()
    lines = _LineIndex(text)
    blanked = _blank_autolinks(text, lines, found)
    found.update(_check_tags(blanked, lines, suffix=""))
    decoded = decode_references(blanked) if "&" in blanked else blanked
    if decoded is not blanked:
        # Decoding shortens the text but keeps every line break, so its offsets need their own
        # index; its line numbers are the original's.
        lines = _LineIndex(decoded)
        raw = {(f.line, f.rule) for f in found}
        found.update(f for f in _check_tags(decoded, lines, suffix=_ENCODED)
                     if (f.line, f.rule) not in raw)
    found.update(_check_attr_lists(decoded, lines))
    found.update(_check_markdown_urls(decoded, lines))
    ordered = sorted(found)
    if len(ordered) > MAX_FINDINGS:  # hostile text: say how many, do not list them all
        rest = ordered[MAX_FINDINGS:]
        summary = Finding(rest[0].line, rest[0].rule, f"{len(rest):,} more refusals follow in "
                          f"this text; only the first {MAX_FINDINGS} are listed.")
        ordered = [*ordered[:MAX_FINDINGS], summary]
    return ordered


def check_markdown(text: str) -> list[Finding]:
    """The refusals for text whose raw HTML is escaped before Markdown sees it: attribute lists
    and URLs only (Markdown still makes links and attributes from such text)."""
    found: set[Finding] = set()
    blanked = _blank_autolinks(text, _LineIndex(text), found)
    decoded = decode_references(blanked)
    lines = _LineIndex(decoded)  # decoding shortens lines, never removes a line break
    found.update(_check_attr_lists(decoded, lines))
    found.update(_check_markdown_urls(decoded, lines))
    return sorted(found)[:MAX_FINDINGS]


def check_urls(text: str) -> list[Finding]:
    """The URL refusals alone (for text going where attribute lists mean nothing)."""
    return [f for f in check_markdown(text) if f.rule == "unsafe-url"]


_MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|:~<>&\"'")


def inert_markdown(text: str) -> str:
    """Text that neither Markdown nor HTML reads as anything but text: every character either
    could give meaning to written as a numeric character reference."""
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN_PUNCTUATION else c for c in text)


def export_markdown(text: str) -> str:
    """Author Markdown for an LMS that renders Markdown and lets raw HTML through (Moodle):
    raw HTML escaped, as the site shows it, and text holding an unsafe URL made inert."""
    if check_urls(text):
        return inert_markdown(text)
    return html.escape(text, quote=False)


def description_quotes(text: str) -> bool:
    """Material writes front matter `description` into an attribute without escaping it."""
    return any(c in text for c in '"<>')


class _LineIndex:
    """Offset to 0-based line, by binary search over the newline offsets (no rescans)."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect_right(self.newlines, offset - 1)


# ---- character references ----------------------------------------------------------------

# The pattern html.unescape itself uses: each alternative is one bounded character run.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def decode_references(text: str) -> str:
    """Text with character references decoded, line breaks kept where they were."""
    return _CHARREF.sub(lambda m: html.unescape(m.group(0)).replace("\r", " ").replace("\n", " "),
                        text)


# ---- URLs --------------------------------------------------------------------------------

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_DROPPED = {code: None for code in [*range(0x21), 0x7F, 0x5C]}


def url_scheme(url: str) -> str | None:
    """The scheme a browser would read from this attribute or link value, or None if relative.

    Browsers drop leading control characters and spaces and every tab and line break inside a
    URL; Markdown drops the backslash of an escape. This drops every control character, space
    and backslash, which is stricter (`JavaScript :x` counts as javascript:). Character
    references are decoded first.
    """
    url = decode_references(url).translate(_DROPPED)
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def url_problem(url: str, where: str, image: bool = False) -> str | None:
    """The refusal for a URL found in `where` ("A Markdown link", "<a href>"), or None."""
    scheme = url_scheme(url)
    if image and scheme is not None:
        return f"{where} loads a '{scheme}:' URL, from outside the course."
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return f"{where} has a '{scheme}:' URL."
    return None


# ---- autolinks ---------------------------------------------------------------------------

# `<https://example.org/path>` and `<name@example.org>` become links, not tags. Only shapes
# that stay harmless even where Markdown leaves them raw (no spaces, quotes or '=') are taken.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"'=`]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)>")


def _blank_autolinks(text: str, lines: _LineIndex, found: set[Finding]) -> str:
    """The text with each autolink blanked to spaces, all but its closing '>': the text keeps
    its length (and so its line numbers), and the '>' still ends an inline element for an
    attribute list glued to the link (`<https://example.org>{...}` sets attributes on it)."""
    def blank(match: re.Match[str]) -> str:
        link = match.group(0)
        body = link[1:-1]
        if "@" not in body or ":" in body:  # not an e-mail address: a URL with a scheme
            scheme = url_scheme(body)
            if scheme not in ("http", "https", "mailto"):
                found.add(Finding(lines(match.start()), "unsafe-url",
                                  f"An autolink has a '{scheme}:' URL."))
        return " " * (len(link) - 1) + ">"

    return _AUTOLINK.sub(blank, text) if "<" in text else text


# ---- HTML tags, the way a browser tokenizes them ------------------------------------------

@dataclass(frozen=True)
class Tag:
    kind: str  # "start", "end", "comment", "declaration" or "unclosed"
    name: str
    attrs: tuple[tuple[str, str | None], ...]
    offset: int


_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_BEFORE_ATTR = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME = re.compile(r"=?[^\t\n\f\r />=]*")
_SPACE = re.compile(r"[\t\n\f\r ]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_COMMENT_END = re.compile(r"--!?>")


def tokenize(text: str) -> Iterator[Tag]:
    """The tags, comments and declarations in text, as the HTML tokenizer's data state finds
    them. Raw-text elements (script, style, textarea ...) are refused anyway, so their content
    is read as ordinary markup, which can only add refusals."""
    n = len(text)
    i = 0
    while (lt := text.find("<", i)) >= 0 and lt + 1 < n:
        c = text[lt + 1]
        if text.startswith("<!--", lt):
            start = lt + 4
            if text.startswith(">", start) or text.startswith("->", start):  # <!--> and <!--->
                i = text.index(">", start) + 1
                yield Tag("comment", "", (), lt)
                continue
            end = _COMMENT_END.search(text, start)
            if end is None:
                yield Tag("unclosed", "!--", (), lt)
                return
            yield Tag("comment", "", (), lt)
            i = end.end()
        elif c in "!?":  # doctype, CDATA, processing instruction: a bogus comment to '>'
            end = text.find(">", lt)
            yield Tag("declaration", (text[lt + 1 : lt + 10].split() or [""])[0].split(">")[0], (), lt)
            if end < 0:
                return
            i = end + 1
        elif c == "/" or (c.isascii() and c.isalpha()):
            closing = c == "/"
            if closing and not (lt + 2 < n and text[lt + 2].isascii() and text[lt + 2].isalpha()):
                end = text.find(">", lt)  # `</>` or `</ ...>`: ignored or a bogus comment
                if end < 0:
                    return
                i = end + 1
                continue
            tag, i = _read_tag(text, lt, lt + (2 if closing else 1), closing)
            yield tag  # an unclosed tag runs to the end of the text: i is its length
        else:
            i = lt + 1


def _read_tag(text: str, lt: int, pos: int, closing: bool) -> tuple[Tag, int]:
    """The tag starting at `lt` (its name at `pos`) and the offset just after it."""
    n = len(text)
    name_end = _TAG_NAME.match(text, pos).end()  # type: ignore[union-attr]
    name = text[pos:name_end].lower()
    pos = name_end
    attrs: list[tuple[str, str | None]] = []
    while True:
        pos = _BEFORE_ATTR.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            return Tag("unclosed", name, (), lt), n  # its attributes are never checked
        if text[pos] == ">":
            return Tag("end" if closing else "start", name, tuple(attrs), lt), pos + 1
        attr_end = _ATTR_NAME.match(text, pos).end()  # type: ignore[union-attr]
        attr = text[pos:attr_end].lower()
        pos = _SPACE.match(text, attr_end).end()  # type: ignore[union-attr]
        value: str | None = None
        if pos < n and text[pos] == "=":
            pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            if pos < n and text[pos] in "\"'":
                close = text.find(text[pos], pos + 1)
                if close < 0:
                    return Tag("unclosed", name, (), lt), n  # its attributes are never checked
                value, pos = text[pos + 1 : close], close + 1
            else:
                value_end = _UNQUOTED.match(text, pos).end()  # type: ignore[union-attr]
                value, pos = text[pos:value_end], value_end
        attrs.append((attr, value))


_ENCODED = " (spelled with character references, which Material's tooltips turn back into markup)"


def _check_tags(text: str, lines: _LineIndex, suffix: str) -> Iterator[Finding]:
    """Refusals for the tags in text, each detail ending with `suffix` (how it was spelled)."""
    if "<" not in text:
        return
    for tag in tokenize(text):
        line = lines(tag.offset)
        if tag.kind == "declaration":
            yield Finding(line, "unsafe-html", f"Markup declaration '<{tag.name}' is not allowed{suffix}.")
        elif tag.kind == "unclosed":
            what = "comment '<!--'" if tag.name == "!--" else f"tag <{tag.name}>"
            yield Finding(line, "unsafe-html",
                          f"The {what} is never closed, so it would swallow the page after it{suffix}.")
        elif tag.kind == "start":
            yield from _check_start_tag(tag, line, suffix)


def _check_start_tag(tag: Tag, line: int, suffix: str) -> Iterator[Finding]:
    if tag.name not in ALLOWED_TAGS:
        yield Finding(line, "unsafe-html", f"Tag <{tag.name}> is not allowed{suffix}.")
        return
    allowed = ALLOWED_TAGS[tag.name] | GLOBAL_ATTRIBUTES
    for attr, value in tag.attrs:
        if attr not in allowed:
            yield Finding(line, "unsafe-html",
                          f"Attribute '{attr}' is not allowed on <{tag.name}>{suffix}.")
        elif attr in URL_ATTRIBUTES and value is not None:
            problem = url_problem(value, f"<{tag.name} {attr}>", image=tag.name == "img")
            if problem:
                yield Finding(line, "unsafe-url", problem[:-1] + suffix + ".")
        elif attr in ("id", "class") and value is not None:
            yield from _check_names(value, attr == "class", line, f"<{tag.name}>")


def _check_names(value: str, is_class: bool, line: int, where: str) -> Iterator[Finding]:
    """An id is one name; a class attribute is a space-separated list of them."""
    for name in value.split() if is_class else [value]:
        if not NAME.fullmatch(name):
            yield Finding(line, "unsafe-html",
                          f"{'Class' if is_class else 'Id'} '{name}' on {where} must start "
                          "with a letter and hold only letters, digits, '-' and '_'.")


# ---- attribute lists: `{: #id .class key=value }` ------------------------------------------

_ATTR_KEY = re.compile(r"[^ \t=}]+")
_ATTR_VALUE = re.compile(r"[^ \t}]*")


def _check_attr_lists(text: str, lines: _LineIndex) -> Iterator[Finding]:
    """Markdown's attr_list reads `{...}` at the end of a line (a heading, a block's last line,
    a table cell) or right after an inline element (`*x*{...}`, `[x](y){...}`). Every brace
    group in such a place is read, and any group written `{: ...}`; a brace in mid-sentence
    stays prose. Each group runs from the last '{' before a '}' to it, so no text is read
    twice."""
    for match in _BRACE_GROUP.finditer(text):
        start, end = match.start(), match.end()
        after = _TRAILING.match(text, end).end()  # type: ignore[union-attr]
        at_end = after == len(text) or text[after] in "\n|"
        glued = start > 0 and text[start - 1] in _INLINE_CLOSERS
        if not (at_end or glued or match.group(1).startswith(":")):
            continue
        line = lines(start)
        for key, value in _attr_list_items(match.group(1)):
            if key.startswith("#") and value is None:
                yield from _check_names(key[1:], False, line, "an attribute list")
            elif key.startswith(".") and value is None:
                yield from _check_names(key[1:], True, line, "an attribute list")
            elif key.lower() not in ATTR_LIST_KEYS:
                shown = key if value is None else f"{key}=..."
                yield Finding(line, "unsafe-html",
                              f"Attribute list sets '{shown}'; only #id, .class, lang and dir "
                              "are allowed.")
            elif key.lower() in ("id", "class") and value is not None:
                yield from _check_names(value, key.lower() == "class", line, "an attribute list")


_BRACE_GROUP = re.compile(r"\{([^{}\n]*)\}")
_TRAILING = re.compile(r"[ \t]*")
_INLINE_CLOSERS = frozenset("*_`)]>~=^")


def _attr_list_items(body: str) -> Iterator[tuple[str, str | None]]:
    pos, n = 0, len(body)
    while pos < n:
        if body[pos] in " \t:":
            pos += 1
            continue
        key_end = _ATTR_KEY.match(body, pos)
        if key_end is None:  # a stray '='
            pos += 1
            continue
        key, pos = key_end.group(0), key_end.end()
        if pos < n and body[pos] == "=":
            pos += 1
            if pos < n and body[pos] in "\"'":
                close = body.find(body[pos], pos + 1)
                close = n if close < 0 else close
                yield key, body[pos + 1 : close]
                pos = close + 1
            else:
                value_end = _ATTR_VALUE.match(body, pos).end()  # type: ignore[union-attr]
                yield key, body[pos:value_end]
                pos = value_end
        else:
            yield key, None


# ---- Markdown links, images and reference definitions -------------------------------------

_BRACKETS = re.compile(r"!?\[|\]\(?")
_DEST = re.compile(r"[\x00-\x20<]*([A-Za-z0-9+.\\\x00-\x20-]*:?)")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(\S*)", re.MULTILINE)


def _check_markdown_urls(text: str, lines: _LineIndex) -> Iterator[Finding]:
    if "](" in text:
        opened: list[bool] = []  # for each open bracket: was it `![`, an image?
        for match in _BRACKETS.finditer(text):
            token = match.group(0)
            if token.endswith("["):
                opened.append(token == "![")
                continue
            image = opened.pop() if opened else False
            if token == "](":
                head = _DEST.match(text, match.end()).group(1)  # type: ignore[union-attr]
                problem = url_problem(head, f"A Markdown {'image' if image else 'link'}", image)
                if problem:
                    yield Finding(lines(match.start()), "unsafe-url", problem)
    if "]:" in text:
        for match in _REFERENCE.finditer(text):
            problem = url_problem(match.group(1), "A link reference definition")
            if problem:
                yield Finding(lines(match.start()), "unsafe-url", problem)


# ---- sanitising rendered HTML (defence in depth) -------------------------------------------

WORD_JOINER = "\u2060"


def plain_tooltip(text: str) -> str:
    """Text that stays text even when a script sets it as innerHTML (Material's tooltips):
    an invisible word joiner after every '<' and '&' keeps either from starting markup."""
    return text.replace("&", "&" + WORD_JOINER).replace("<", "<" + WORD_JOINER)


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "title":
        return plain_tooltip(value)
    if attr in ("id", "class"):
        kept = [name for name in value.split() if NAME.fullmatch(name)] if attr == "class" else (
            [value] if NAME.fullmatch(value) else [])
        return " ".join(kept) or None
    if tag == "img" and attr == "src" and url_scheme(value) is not None:
        return None
    if attr in URL_ATTRIBUTES and url_problem(value, attr):
        return None
    return value


# "*" replaces ammonia's default generic attributes (lang and title): no title here.
_FRAGMENT_ATTRIBUTES = {"*": {"lang", "dir"}} | {
    tag: set(extra) | {"id", "class"} for tag, extra in ALLOWED_TAGS.items()}


# One cleaner per allowlist, built once: nh3.clean would convert the allowlists on every call,
# which costs more than cleaning a question's worth of HTML.
_FRAGMENT_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes=_FRAGMENT_ATTRIBUTES,
                                url_schemes=set(SAFE_SCHEMES), link_rel=None, strip_comments=True,
                                attribute_filter=_filter)


def clean_fragment(fragment: str) -> str:
    """Rendered author HTML with only the allowlist's tags, attributes and URL schemes left."""
    return _FRAGMENT_CLEANER.clean(fragment)


# What the course's own generators and Markdown extensions add around author text: headings'
# permalinks and abbreviations carry titles (made plain above), tables align cells with
# `style`, role-play and live views use sections, data-ck-* and ARIA attributes.
_PAGE_TAGS = set(ALLOWED_TAGS) | {"abbr", "input", "label", "button", "fieldset", "legend",
                                  "article", "aside", "nav", "header", "footer", "ruby", "rt",
                                  "rp"}
_PAGE_ATTRIBUTES = {tag: attrs | {"title", "role", "tabindex", "hidden"}
                    for tag, attrs in _FRAGMENT_ATTRIBUTES.items() if tag != "*"}
_PAGE_ATTRIBUTES["*"] = {"lang", "dir", "data-search-exclude"}  # author text cannot set it
_PAGE_ATTRIBUTES.update({
    "abbr": {"title", "id", "class"},
    "input": {"type", "checked", "disabled", "id", "class", "name", "value"},
    "label": {"for", "id", "class"},
    "button": {"type", "id", "class", "hidden", "disabled"},
    "fieldset": {"id", "class"}, "legend": {"id", "class"},
    "th": _PAGE_ATTRIBUTES["th"] | {"style", "align"},
    "td": _PAGE_ATTRIBUTES["td"] | {"style", "align"},
})
for _tag in _PAGE_TAGS - set(_PAGE_ATTRIBUTES):
    _PAGE_ATTRIBUTES[_tag] = {"id", "class", "role", "tabindex", "hidden", "title"}


def _page_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id":  # generated ids (toc slugs, ref-*, instructor-note-*) keep their form,
        return None if value.startswith("__") else value  # but never Material's "__" ids
    if attr == "class":
        return value
    return _filter(tag, attr, value)


def clean_page(page_html: str) -> str:
    """A page's rendered content with active content (scripts, handlers, frames, forms that
    submit, unsafe URLs, style other than table alignment) removed."""
    return _PAGE_CLEANER.clean(page_html)


_PAGE_CLEANER = nh3.Cleaner(tags=_PAGE_TAGS, attributes=_PAGE_ATTRIBUTES, url_schemes=set(SAFE_SCHEMES),
                            link_rel=None, strip_comments=False, attribute_filter=_page_filter,
                            generic_attribute_prefixes={"data-ck-", "aria-"},
                            filter_style_properties={"text-align"})
