"""`find_feedback` on small local widgets that make looking hard (the demo's three profiles
are covered by the shared audits of test_audit_demo.py).

Only the steps the criteria need run (a trimmed `bot-identity`), on 127.0.0.1, and the two
criteria are judged on the bundle; no report is rendered. Cases: a feedback link that must
not be followed, a feedback form that neither Escape nor a cancel button closes, and a
close button that takes the page elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import LocalSite

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.config import parse_config
from botaudit.evidence.feedback import FeedbackControls
from botaudit.evidence.model import EvidenceBundle
from botaudit.gather.run import gather
from botaudit.gather.scenario import Scenario
from botaudit.lexicon import Matcher, load_lexicon

pytestmark = pytest.mark.browser

_CHAT = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kunta</title></head>
<body><section id="w" aria-label="Chat">
<div id="log"></div>
<input id="in" aria-label="Viesti"><button id="send">Lähetä</button>
%(extra)s
<button id="x" aria-label="Sulje">×</button>
</section>
<script>
const log = document.getElementById('log');
const bot = (t) => { const d = document.createElement('div'); d.className = 'bot';
  d.textContent = t; log.append(d); };
bot('Hei! Olen kunnan chatbot.');
document.getElementById('send').onclick = () => {
  const i = document.getElementById('in'); const u = document.createElement('div');
  u.className = 'user'; u.textContent = i.value; log.append(u); i.value = '';
  setTimeout(() => bot('Kysy minulta kirjastosta.'), 200);
};
%(script)s
</script></body></html>"""

# In one toolbar: a link to a feedback page elsewhere on the site (not followed) and a
# button opening a form with a graded scale and text that only a reload closes; and a
# close button that takes the page elsewhere.
PAGE = _CHAT % {
    "extra": '<a href="/palaute/">Palautesivu</a><button id="open">Anna palautetta</button>',
    "script": """
document.getElementById('open').onclick = () => {
  const f = document.createElement('div'); f.setAttribute('role', 'dialog');
  f.innerHTML = '<p>Kuinka tyytyväinen olit?</p>' +
    [1, 2, 3, 4, 5].map((n) => `<label><input type="radio" name="r">${n}</label>`).join('') +
    '<textarea aria-label="Kommentti"></textarea><button>Lähetä</button>';
  document.body.append(f);
};
document.getElementById('x').onclick = () => { location.href = '/muualle/'; };
""",
}


# The steps of `bot-identity` that the feedback criteria need, under its id.
SCENARIO = Scenario.model_validate(
    {
        "id": "bot-identity",
        "title": "feedback only",
        "steps": [
            {"do": "open_page"},
            {"do": "open_widget"},
            {"do": "send", "as": "first_message", "phrase": "neutral_opening"},
            {"do": "find_feedback", "as": "feedback"},
        ],
    }
)
CRITERIA = {c.id: c for _, c in load_checklist().criteria()}


def _audit(page: str, tmp_path: Path) -> EvidenceBundle:
    with LocalSite({"/": page, "/palaute/": "<p>Palaute</p>", "/muualle/": "<p>x</p>"}) as url:
        config = {
            "name": "feedback",
            "target": {"url": url},
            "language": "fi",
            "widget": {
                "container": "#w",
                "input": "#in",
                "send": "#send",
                "bot_message": ".bot",
                "user_message": ".user",
            },
            "timing": {"reply_timeout_s": 5, "greeting_timeout_s": 2, "navigation_timeout_s": 10},
        }
        lexicon, sha = load_lexicon()
        return gather(parse_config(config, "feedback test"), [SCENARIO], lexicon, sha, tmp_path)


def _feedback(bundle: EvidenceBundle) -> FeedbackControls:
    identity = bundle.scenarios[0]
    assert identity.status == "completed", identity.error
    record = next(st for st in identity.steps if st.name == "feedback")
    return FeedbackControls.model_validate(record.data)


def _outcome(bundle: EvidenceBundle, criterion: str) -> str:
    lexicon, _ = load_lexicon()
    return run_criterion(CRITERIA[criterion], bundle, Matcher(lexicon.fi)).outcome


def test_links_sticky_forms_and_a_close_that_leaves(tmp_path: Path) -> None:
    bundle = _audit(PAGE, tmp_path)
    found = _feedback(bundle)
    seen = [(f.where, f.inspected, f.link, f.scale, f.levels, f.text_field) for f in found.forms]
    assert seen == [
        ("anytime", False, "/palaute/", "none", 0, False),
        ("anytime", True, "", "graded", 5, True),  # read, then closed by reloading the page
    ]
    assert found.forms[1].opened_by == "Anna palautetta"
    assert found.close == "failed" and "the page went to" in found.detail
    assert bundle.fatal_error is None  # our own click is no page leaving by itself
    assert _outcome(bundle, "acceptability.feedback-control") == "pass"
    assert _outcome(bundle, "acceptability.graded-feedback") == "pass"
