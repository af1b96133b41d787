"""Terminal rendering of events across reports: a table of events, one event in full, disputes side by side."""

from __future__ import annotations

from claimgraph.cli._render import table
from claimgraph.cli._render_events import highlight, role_text

_SHOWN_ROLES = {"trigger", "status_cue", "source", "merged"}  # marked in the evidence, or bookkeeping


def _names(people: list[dict], width: int = 26) -> str:
    names = ", ".join(p["name"] for p in people) or "-"
    return names if len(names) <= width else names[: width - 1] + "…"


def _as_of_note(listed) -> str:
    if not listed.as_of:
        return ""
    return (f"\nAs of {listed.as_of}: only reports dated by then; {listed.undated_left_out} undated report(s) "
            "left out.")


def events_table(listed) -> str:
    rows = []
    for e in listed.events:
        first = min((c.date for c in e.claims if c.date), default="undated")
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        rows.append([first, e.id, kind, e.status, _names(e.actor), _names(e.recipient), e.time or "",
                     e.sources.reports, e.sources.independent, _follow(e)])
    head = ["first report", "event", "type", "status", "actor", "recipient", "time", "reports", "indep.", "follow-up"]
    more = listed.matched - len(rows)
    cut = f" of {listed.matched} matching (--limit N for more, --json for all)" if more > 0 else ""
    return table(head, rows) + f"\n{len(rows)} event(s){cut}" + _as_of_note(listed)


def _follow(e) -> str:
    return " ".join([f"fulfils {i}" for i in e.fulfils] + [f"fulfilled by {i}" for i in e.fulfilled_by])


def event_detail(e, colour: bool) -> str:
    s = e.sources
    lines = [f"{e.id}  {e.type}{'/' + e.mode if e.mode else ''}  status: {e.status}",
             f"  actor:      {_names(e.actor, 80)}", f"  recipient:  {_names(e.recipient, 80)}",
             f"  time:       {e.time or '-'}", f"  object:     {e.object or '-'}",
             f"  sources:    {s.reports} report(s), {s.outlets} outlet(s), {s.independent} independent; "
             f"first reported by {s.first_reported_by or '-'}"]
    lines += [f"              {origin}" for origin in s.origins]
    lines += [f"  fulfils:    {i}" for i in e.fulfils] + [f"  fulfilled by: {i}" for i in e.fulfilled_by]
    lines += [f"  dispute:    {_dispute(d)}" for d in e.disputes]
    lines += [f"  merged:     {r['event']} + {r['joined']} ({r['score']}: {', '.join(r['reasons'])})"
              for r in e.merged_because]
    for member in e.members:
        lines += ["", f"  report {member.date or 'undated'}  {member.outlet or '-'}  ({member.key})",
                  "    " + highlight(member, colour)]
        lines += [f"    {name}: {role_text(value)}" for name, value in sorted(member.event.roles.items())
                  if name not in _SHOWN_ROLES and value not in (None, "", [])]
        lines += [f"    {_claim_line(c)}" for c in e.claims if c.event == member.key]
    return "\n".join(lines)


def _claim_line(c) -> str:
    said = f", said {c.said_on}" if c.said_on else ""
    return f"{c.status:12} by {c.speaker or 'the report'}{said}: {c.evidence['text'][:140]!r}"


def _dispute(d: dict) -> str:
    if d["about"] == "whether it happened":
        return f"asserted by {', '.join(d['asserted_by'])}; denied by {', '.join(d['denied_by'])}"
    return f"{d['about']}: {' vs '.join(map(str, d['values']))}"


def disputes_text(listed) -> str:
    blocks = []
    for e in listed.events:
        said = [c for c in e.claims if c.status != "denied"]
        denied = [c for c in e.claims if c.status == "denied"]
        lines = [f"{e.id}  {e.type}  {_names(e.actor, 60)} -> {_names(e.recipient, 60)}"]
        lines += [f"  says so:  {c.speaker or c.outlet or c.doc_id} ({c.status}, {c.date or 'undated'}): "
                  f"{c.evidence['text'][:100]!r}" for c in said]
        lines += [f"  denies:   {c.speaker or c.outlet or c.doc_id} ({c.date or 'undated'}): "
                  f"{c.evidence['text'][:100]!r}" for c in denied]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n{len(blocks)} disputed event(s)" + _as_of_note(listed)
