"""Self-contained HTML reports: one page per match, one sortable page per ranking.

Pure string building over the frozen models: no template engine, no network,
no external assets. Styles and the small sorting script are inline, and a
Content-Security-Policy forbids the page from loading anything at all, so a
report can be mailed, archived or opened offline and looks the same.

The output is deterministic: the same models give byte-identical HTML (no
timestamps, no random ids).

>>> from resume_match.models import MatchReport
>>> page = render_match_html(MatchReport(score=42.0, job_id="demo", job_title="ML Engineer"))
>>> page.startswith("<!DOCTYPE html>"), "42.0" in page
(True, True)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from resume_match.models import (
    BulletFinding,
    MatchReport,
    ParseWarning,
    RankEntry,
    RequirementResult,
    Resume,
    ScoreComponent,
    SkillMention,
)

__all__ = ["render_match_html", "render_rank_html"]

# The page may not fetch anything: inline styles and scripts only, images only as data URLs.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root { --met: #1a7f37; --partial: #b35900; --missing: #c62828; --ink: #1f2328;
        --muted: #59636e; --line: #d0d7de; --skill: #fff3a3; --credited: #c7f0d2; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 10px; border-bottom: 1px solid var(--line);
     padding-bottom: 4px; }
.muted, .source { color: var(--muted); }
.warnings { margin: 16px 0; }
.warning { border-left: 5px solid var(--partial); background: #fff8e6; padding: 8px 12px;
           margin: 6px 0; }
.warning .code { font-weight: 600; }
.warning details { margin-top: 4px; color: var(--muted); }
.scoreline { display: flex; gap: 32px; align-items: center; flex-wrap: wrap; }
.score { font-size: 56px; font-weight: 700; line-height: 1; }
.score small { font-size: 20px; color: var(--muted); font-weight: 400; }
.chart text { font-size: 13px; fill: var(--ink); }
.chart .track { fill: #eaeef2; }
.chart .fill { fill: #2f6fba; }
ul.explain { margin: 8px 0; padding-left: 20px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
         border-bottom: 1px solid var(--line); }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; min-width: 64px; text-align: center; border-radius: 10px;
          padding: 0 8px; color: #fff; font-size: 13px; font-weight: 600; }
.status.met { background: var(--met); }
.status.partial { background: var(--partial); }
.status.missing { background: var(--missing); }
.snippet { display: block; color: var(--muted); font-size: 13px; margin-top: 2px; }
.reason { display: block; font-size: 13px; font-style: italic; }
.missing-list { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; }
.missing-list li { color: var(--missing); border: 1px solid var(--missing);
                   border-radius: 12px; padding: 0 10px; }
.resume { white-space: pre-wrap; font: 13.5px/1.55 ui-monospace, "DejaVu Sans Mono", monospace;
          border: 1px solid var(--line); border-radius: 6px; padding: 16px; background: #fcfcfd; }
.resume .heading { font-weight: 700; color: #0b3d77; }
mark.skill { background: var(--skill); border-radius: 3px; padding: 0 1px; }
mark.skill.credited { background: var(--credited); }
mark.hit { background: var(--skill); }
.flagged { text-decoration: underline wavy var(--missing); text-underline-offset: 3px; }
.advice { display: block; white-space: normal; font-family: system-ui, sans-serif;
          font-size: 13px; border-left: 4px solid var(--missing); background: #fff1f0;
          margin: 4px 0 8px 12px; padding: 4px 10px; }
.advice .rule { font-weight: 600; }
.legend span { margin-right: 14px; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[aria-sort="ascending"]::after { content: " \\25B2"; }
table.sortable th[aria-sort="descending"]::after { content: " \\25BC"; }
.bar { display: inline-block; height: 10px; background: #2f6fba; border-radius: 2px;
       vertical-align: middle; margin-left: 6px; }
.error { color: var(--missing); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
"""

# Sorts a table by a clicked header (numbers by their data-sort value), and
# honours "#sort=<column>-<asc|desc>" in the address so a sorted view can be linked.
_SORT_SCRIPT = """
(function () {
  var table = document.querySelector("table.sortable");
  if (!table) { return; }
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortBy(index, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = heads[index].getAttribute("data-type") === "number";
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort");
      var y = b.cells[index].getAttribute("data-sort");
      var order;
      if (numeric) { order = parseFloat(x) - parseFloat(y); }
      else { order = x < y ? -1 : (x > y ? 1 : 0); }
      if (order === 0) { order = parseInt(a.getAttribute("data-rank"), 10) -
                                 parseInt(b.getAttribute("data-rank"), 10);
                         return order; }
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (h, i) {
      if (i === index) { h.setAttribute("aria-sort", ascending ? "ascending" : "descending"); }
      else { h.removeAttribute("aria-sort"); }
    });
  }
  heads.forEach(function (head, index) {
    head.addEventListener("click", function () {
      sortBy(index, head.getAttribute("aria-sort") !== "ascending");
    });
  });
  var wanted = /sort=([a-z]+)-(asc|desc)/.exec(window.location.hash);
  if (wanted) {
    heads.forEach(function (head, index) {
      if (head.getAttribute("data-key") === wanted[1]) { sortBy(index, wanted[2] === "asc"); }
    });
  }
})();
"""

_WARNING_TITLES = {
    "hidden-text": "Hidden text",
    "scanned-page": "Scanned page",
    "little-text": "Little text",
    "garbled-text": "Garbled text",
    "repaired-pdf": "Repaired PDF",
    "no-sections": "No sections",
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _num(value: float) -> str:
    # One decimal everywhere a person reads a score; the JSON keeps full precision.
    return f"{value:.1f}"


def _page(title: str, body: str, *, script: str = "") -> str:
    from resume_match import __version__

    tail = f"<script>{script}</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="resume_match">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}"
        f"<footer>Made by resume_match {_e(__version__)}, offline; "
        "scores explain themselves in docs/scoring.md.</footer>\n"
        f"{tail}</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- #
# Pieces of a match report
# --------------------------------------------------------------------------- #


def _warnings(warnings: Sequence[ParseWarning]) -> str:
    if not warnings:
        return ""
    items = []
    for w in warnings:
        title = _WARNING_TITLES.get(w.code, w.code)
        page = f" (page {w.page})" if w.page is not None else ""
        detail = ""
        if w.text:
            detail = f"<details><summary>What it says</summary>{_e(w.text)}</details>"
        items.append(
            f'<div class="warning" data-code="{_e(w.code)}"><span class="code">{_e(title)}'
            f"{_e(page)}:</span> {_e(w.message)}{detail}</div>"
        )
    return (
        '<section class="warnings" id="warnings" aria-label="Warnings">\n'
        + "\n".join(items)
        + "\n</section>\n"
    )


def _chart(breakdown: Sequence[ScoreComponent]) -> str:
    """Horizontal bars: the track is the weight a component can earn, the fill what it earned."""
    if not breakdown:
        return ""
    label_w, bar_w, row_h = 110, 360, 28
    scale = bar_w / max(max(c.weight_applied for c in breakdown), 1.0)
    height = row_h * len(breakdown) + 6
    rows = []
    for i, c in enumerate(breakdown):
        y = 4 + i * row_h
        track = c.weight_applied * scale
        fill = max(0.0, min(c.points, c.weight_applied)) * scale
        rows.append(
            f'<g data-component="{_e(c.name)}">'
            f"<title>{_e(c.name)}: {_num(c.points)} of {_num(c.weight_applied)} points"
            f"{' (' + _e(c.detail) + ')' if c.detail else ''}</title>"
            f'<text x="0" y="{y + 15}">{_e(c.name)}</text>'
            f'<rect class="track" x="{label_w}" y="{y}" width="{track:.1f}" height="18" rx="3"/>'
            f'<rect class="fill" x="{label_w}" y="{y}" width="{fill:.1f}" height="18" rx="3"/>'
            f'<text x="{label_w + bar_w + 10}" y="{y + 15}">{_num(c.points)} / '
            f"{_num(c.weight_applied)}</text></g>"
        )
    width = label_w + bar_w + 110
    return (
        f'<svg class="chart" role="img" aria-label="Score breakdown" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(rows)
        + "</svg>"
    )


def _highlight(snippet: str, surface: str) -> str:
    """Escape ``snippet`` and mark the first place ``surface`` occurs in it."""
    at = snippet.find(surface) if surface else -1
    if at < 0 and surface:
        at = snippet.lower().find(surface.lower())
    if at < 0:
        return _e(snippet)
    end = at + len(surface)
    return f'{_e(snippet[:at])}<mark class="hit">{_e(snippet[at:end])}</mark>{_e(snippet[end:])}'


def _requirement_row(result: RequirementResult) -> str:
    req = result.requirement
    evidence = []
    for i, mention in enumerate(result.evidence):
        snippet = result.snippets[i] if i < len(result.snippets) else ""
        where = ", ".join(
            part
            for part in (
                mention.section or "",
                f"page {mention.page}" if mention.page is not None else "",
            )
            if part
        )
        evidence.append(
            f'<span class="snippet">{_highlight(snippet, mention.text)}'
            f"{' <em>(' + _e(where) + ')</em>' if where else ''}</span>"
        )
    reason = f'<span class="reason">{_e(result.reason)}</span>' if result.reason else ""
    matched = ""
    if result.matched and result.relation not in ("direct", "none"):
        matched = f' <span class="muted">via {_e(result.matched)} ({_e(result.relation)})</span>'
    return (
        f'<tr data-status="{result.status}" data-requirement="{_e(req.id)}">'
        f'<td><span class="status {result.status}">{result.status}</span></td>'
        f"<td>{_e(req.label)}{matched}{reason}{''.join(evidence)}</td>"
        f"<td>{_e(req.importance)}</td>"
        f'<td class="num">{req.weight:g}</td>'
        f'<td class="num">{result.credit:.2f}</td></tr>'
    )


def _requirements(report: MatchReport) -> str:
    if not report.requirements:
        return '<p class="muted">The job lists no skill requirements.</p>\n'
    rows = "\n".join(_requirement_row(r) for r in report.requirements)
    return (
        '<table id="requirement-table"><thead><tr><th>Status</th><th>Requirement and evidence</th>'
        '<th>Importance</th><th class="num">Weight</th><th class="num">Credit</th></tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table>\n"
    )


def _missing(report: MatchReport) -> str:
    parts = []
    if report.missing:
        items = "".join(f"<li>{_e(m)}</li>" for m in report.missing)
        parts.append(f'<h3>Missing</h3><ul class="missing-list" id="missing">{items}</ul>')
    if report.near_misses:
        items = "".join(f"<li>{_e(m)}</li>" for m in report.near_misses)
        parts.append(f'<h3>Near misses</h3><ul id="near-misses">{items}</ul>')
    if not parts:
        return '<p id="missing" class="muted">Nothing the job asks for is missing.</p>\n'
    return "\n".join(parts) + "\n"


def _clean_spans(spans: list[tuple[int, int, str]], limit: int) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping, inside ``[0, limit]``; on overlap the earlier span wins."""
    out: list[tuple[int, int, str]] = []
    last = 0
    for start, end, tag in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < last or start >= end or end > limit:
            continue
        out.append((start, end, tag))
        last = end
    return out


def _marked(text: str, lo: int, hi: int, marks: Sequence[tuple[int, int, str]]) -> str:
    """Escape ``text[lo:hi]``, wrapping the mention spans that lie wholly inside it."""
    out = []
    pos = lo
    for start, end, tag in marks:
        if start < lo or end > hi:
            continue
        out.append(_e(text[pos:start]))
        out.append(f"{tag}{_e(text[start:end])}</mark>")
        pos = end
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _advice(findings: Sequence[BulletFinding]) -> str:
    items = "".join(
        f'<span class="item" data-rule="{_e(f.rule)}"><span class="rule">{_e(f.rule)}</span>: '
        f'{_e(f.message)}. <span class="suggestion">{_e(f.suggestion)}</span></span><br>'
        for f in findings
    )
    return f'<span class="advice" role="note">{items}</span>'


def _resume_text(
    resume: Resume,
    mentions: Sequence[SkillMention],
    findings: Sequence[BulletFinding],
    credited: frozenset[tuple[int, int]],
) -> str:
    text = resume.text
    marks = []
    for m in mentions:
        cls = "skill credited" if (m.start, m.end) in credited else "skill"
        title = f"{m.name} ({m.category}; {m.method}, {m.score:g})"
        tag = f'<mark class="{cls}" data-skill="{_e(m.skill_id)}" title="{_e(title)}">'
        marks.append((m.start, m.end, tag))
    clean_marks = _clean_spans(marks, len(text))

    by_bullet: dict[int, list[BulletFinding]] = {}
    for f in findings:
        by_bullet.setdefault(f.bullet, []).append(f)
    blocks: list[tuple[int, int, str]] = [
        (line.start, line.end, "heading") for line in resume.lines if line.role == "heading"
    ]
    for index in sorted(by_bullet):
        if 0 <= index < len(resume.bullets):
            b = resume.bullets[index]
            blocks.append((b.start, b.end, f"bullet:{index}"))
    out = []
    pos = 0
    for start, end, kind in _clean_spans(blocks, len(text)):
        out.append(_marked(text, pos, start, clean_marks))
        inner = _marked(text, start, end, clean_marks)
        if kind == "heading":
            out.append(f'<span class="heading">{inner}</span>')
        else:
            index = int(kind.split(":")[1])
            rules = " ".join(f.rule for f in by_bullet[index])
            out.append(
                f'<span class="flagged" id="bullet-{index}" data-rules="{_e(rules)}">{inner}'
                f"</span>{_advice(by_bullet[index])}"
            )
        pos = end
    out.append(_marked(text, pos, len(text), clean_marks))
    return f'<div class="resume" id="resume-text">{"".join(out)}</div>\n'


# --------------------------------------------------------------------------- #
# Public functions
# --------------------------------------------------------------------------- #


def render_match_html(
    report: MatchReport,
    *,
    resume: Resume | None = None,
    mentions: Sequence[SkillMention] = (),
    findings: Sequence[BulletFinding] = (),
    title: str | None = None,
) -> str:
    """One self-contained HTML page for one match.

    Warnings (hidden text, scanned pages: from the report and the resume) come
    first, then the score with its breakdown as a bar chart, each requirement
    with its status and evidence snippets, what is missing, and, when
    ``resume`` is given, its text with ``mentions`` highlighted (green when a
    requirement credited them) and the bullets named in ``findings`` marked
    with their suggestions.

    >>> from resume_match.models import MatchReport, ScoreComponent
    >>> part = ScoreComponent(name="required", weight_requested=55, weight_applied=55,
    ...                       fraction=0.5, points=27.5)
    >>> page = render_match_html(MatchReport(score=27.5, job_id="j", breakdown=(part,)))
    >>> 'data-component="required"' in page
    True
    """
    job = report.job_title or report.job_id
    source = report.resume_source or (resume.source if resume is not None else "")
    heading = title or (f"{job}: {source}" if source else job)
    seen: set[tuple[str, str, int | None]] = set()
    warnings: list[ParseWarning] = []
    for w in (*report.warnings, *(resume.warnings if resume is not None else ())):
        key = (w.code, w.message, w.page)
        if key not in seen:
            seen.add(key)
            warnings.append(w)

    explain = "".join(f"<li>{_e(line)}</li>" for line in report.explanation)
    if explain:
        explain = f'<ul class="explain">{explain}</ul>'
    body = [
        f'<header><h1>{_e(job)}</h1><p class="source">Resume: <span id="resume-source">'
        f"{_e(source or 'unnamed')}</span> &middot; job id {_e(report.job_id)}</p></header>\n",
        _warnings(warnings),
        '<section id="score-section"><h2>Score</h2><div class="scoreline">'
        f'<div class="score" id="score" data-score="{report.score}">{_num(report.score)}'
        "<small> / 100</small></div>"
        f"{_chart(report.breakdown)}</div>"
        f"{explain}"
        "</section>\n",
        '<section id="gaps"><h2>Gaps</h2>\n',
        _missing(report),
        "</section>\n",
        '<section id="requirements"><h2>Requirements</h2>\n',
        _requirements(report),
        "</section>\n",
    ]
    if resume is not None:
        credited = frozenset(
            (m.start, m.end) for r in report.requirements if r.credit > 0 for m in r.evidence
        )
        flagged = len({f.bullet for f in findings})
        body.append(
            '<section id="resume"><h2>Resume</h2>\n<p class="legend muted">'
            '<span><mark class="skill">skill</mark> found</span>'
            '<span><mark class="skill credited">skill</mark> counted for a requirement</span>'
            '<span><span class="flagged">bullet</span> flagged, with a suggestion below it</span>'
            f'</p>\n<p class="muted">{len(mentions)} skill mentions; '
            f"{flagged} bullet{'s' if flagged != 1 else ''} flagged.</p>\n"
        )
        body.append(_resume_text(resume, mentions, findings, credited))
        body.append("</section>\n")
    return _page(f"{heading} ({_num(report.score)})", "".join(body))


_NUM_CLASS = ' class="num"'


def _cell(value: str, sort: str, *, num: bool = False) -> str:
    cls = ' class="num"' if num else ""
    return f'<td{cls} data-sort="{_e(sort)}">{value}</td>'


def render_rank_html(
    entries: Sequence[RankEntry],
    *,
    job_title: str = "",
    links: Mapping[int, str] | None = None,
    warnings: Mapping[int, Sequence[ParseWarning]] | None = None,
) -> str:
    """A sortable table of ranked candidates; ``links`` maps a rank to its report's address.

    ``warnings`` maps a rank to more warnings to list in its Notes column (for
    example the resume's own ``hidden-text`` warning), beside the report's.

    Click a column header to sort by it (again to reverse); ``#sort=score-asc``
    in the address opens the table sorted that way.

    >>> from resume_match.models import RankEntry
    >>> page = render_rank_html([RankEntry(rank=1, source="a.pdf", score=80.0)],
    ...                         job_title="ML Engineer", links={1: "01-a.html"})
    >>> 'href="01-a.html"' in page
    True
    """
    links = links or {}
    extra = warnings or {}
    rows = []
    for entry in entries:
        name = entry.source.replace("\\", "/").rsplit("/", 1)[-1] or entry.source
        href = links.get(entry.rank)
        label = f'<a href="{_e(href)}">{_e(name)}</a>' if href else _e(name)
        report = entry.report
        if report is not None and entry.score is not None:
            required = [r for r in report.requirements if r.requirement.importance == "required"]
            met = sum(1 for r in required if r.status == "met")
            missing = ", ".join(report.missing[:4]) + (" ..." if len(report.missing) > 4 else "")
            bar = f'<span class="bar" style="width:{entry.score * 1.2:.0f}px"></span>'
            score_cell = _cell(f"{_num(entry.score)}{bar}", f"{entry.score:.4f}", num=True)
            met_cell = _cell(f"{met} of {len(required)}", f"{met:04d}", num=True)
            missing_cell = _cell(_e(missing) or "&ndash;", missing)
            codes = sorted({w.code for w in (*report.warnings, *extra.get(entry.rank, ()))})
            note = _cell(_e(", ".join(codes)), f"{len(codes):03d}")
        else:
            score_cell = _cell("&ndash;", "-1", num=True)
            met_cell = _cell("&ndash;", "-1", num=True)
            missing_cell = _cell("", "")
            note = _cell(f'<span class="error">{_e(entry.error or "no report")}</span>', "error")
        rows.append(
            f'<tr data-rank="{entry.rank}">{_cell(str(entry.rank), f"{entry.rank:06d}", num=True)}'
            f"{_cell(label, name.lower())}{score_cell}{met_cell}{missing_cell}{note}</tr>"
        )
    heads = (
        ("rank", "Rank", "number"),
        ("candidate", "Candidate", "text"),
        ("score", "Score", "number"),
        ("met", "Required met", "number"),
        ("missing", "Missing", "text"),
        ("notes", "Notes", "text"),
    )
    head = "".join(
        f'<th data-key="{k}" data-type="{t}"{_NUM_CLASS if t == "number" else ""}'
        f' scope="col" tabindex="0">{label}</th>'
        for k, label, t in heads
    )
    scored = sum(1 for e in entries if e.score is not None)
    body = (
        f"<header><h1>Candidates{': ' + _e(job_title) if job_title else ''}</h1>"
        f'<p class="muted">{len(entries)} resume{"s" if len(entries) != 1 else ""}, '
        f"{scored} scored. Click a column header to sort.</p></header>\n"
        f'<table class="sortable" id="candidates"><thead><tr>{head}</tr></thead>'
        f"<tbody>\n" + "\n".join(rows) + "\n</tbody></table>\n"
    )
    page_title = f"Candidates: {job_title}" if job_title else "Candidates"
    return _page(page_title, body, script=_SORT_SCRIPT)
