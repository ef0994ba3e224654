"""The self-check "Apakah ini kekerasan?" (content_src/self-check.yml): its cross-checks and its HTML.

The HTML is complete without JavaScript: the questions as a list, what each kind of violence means (from
violence.yml) and what each belief gets wrong (from myths.yml), and the hotlines. theme/assets/ra/ra-check.js,
loaded only on a page that has it, shows the answer buttons and builds the result from these same elements,
so every explanation is written once and nothing is fetched, stored or sent.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .model import Content, ForWhom, SelfCheck
from .problems import Problems


def check_self_check(content: Content, positions: Any, problems: Problems) -> None:
    """Every question's key is unique and every kind and belief it names exists."""
    check = content.self_check
    if check is None:
        return
    targets = {"kinds": ({v.key for v in content.violence}, "violence", "violence.yml"),
               "myths": ({m.key for m in content.myths}, "myths", "myths.yml")}
    seen: set[str] = set()
    for i, question in enumerate(check.questions):
        if question.key in seen:
            problems.error("duplicate-key", positions.where(check, "questions", i, "key"),
                           f"self-check: question key '{question.key}' is used twice.", "every question needs its own key.")
        seen.add(question.key)
        for field, (known, name, file) in targets.items():
            if name in content.unreadable:
                continue
            for j, key in enumerate(getattr(question, field)):
                if key not in known:
                    problems.error("unknown-reference", positions.where(check, "questions", i, field, j),
                                   f"self-check: question '{question.key}' names '{key}', which is not in {file}.",
                                   f"use one of: {', '.join(sorted(known))}.")


def _voices(r: Any, text: ForWhom) -> str:
    """Both voices of a text; the script shows the one the reader chose (without it: the reader's own)."""
    return f'<span data-for="me">{r.t(text.me)}</span><span data-for="other" hidden>{r.t(text.other)}</span>'


def _question(r: Any, check: SelfCheck, number: int, question) -> str:
    lang = r.lang
    name = f"ra-q-{question.key}"
    answers = "".join(
        f'<label><input type="radio" name="{name}" value="{value}"> {escape(check.word(value, lang))}</label>'
        for value in ("yes", "sometimes", "no")
    )
    return (
        f'<li><fieldset class="ra-check__q" data-kinds="{" ".join(question.kinds)}" data-myths="{" ".join(question.myths)}">'
        f'<legend>{_voices(r, question.ask)}</legend><div class="ra-check__answers">{answers}</div></fieldset></li>'
    )


def self_check_html(r: Any, check: SelfCheck) -> str:
    """The whole self-check for one language; `r` is the page Renderer (texts, hotlines, links)."""
    from .placeholders import page_showing

    lang, content = r.lang, r.content
    word = lambda key: escape(check.word(key, lang))  # noqa: E731
    used_kinds = {k for q in check.questions for k in q.kinds}
    used_myths = {m for q in check.questions for m in q.myths}
    kinds_page = page_showing(content, "violence")
    kinds = "".join(
        f'<div data-kind="{v.key}"><dt>{r.t(v.name)}</dt><dd>{r.t(v.definition)} '
        f'<a href="{kinds_page}#{v.key}">{word("read_more")}<span class="ra-visually-hidden">: {r.t(v.name)}</span></a></dd></div>'
        for v in content.violence if v.key in used_kinds
    )
    beliefs = "".join(
        f'<div data-myth="{m.key}"><dt>{r.t(m.myth)}</dt><dd>{r.t(m.fact)}</dd></div>'
        for m in content.myths if m.key in used_myths
    )
    who = "".join(
        f'<label><input type="radio" name="ra-who" value="{value}"{" checked" if value == "me" else ""}> {word(key)}</label>'
        for value, key in (("me", "for_me"), ("other", "for_other"))
    )
    questions = "".join(_question(r, check, n, q) for n, q in enumerate(check.questions, 1))
    res = check.results
    result = (
        f'<div class="ra-check__result" id="ra-check-result" tabindex="-1" hidden>'
        f'<div data-result="some"><h2>{_voices(r, res.some.title)}</h2>'
        f'<p class="ra-check__fault">{_voices(r, res.not_your_fault)}</p><p>{_voices(r, res.some.text)}</p>'
        f'<ul class="ra-check__found"></ul><div class="ra-check__beliefs" data-title="{word("beliefs_title")}"></div></div>'
        f'<div data-result="none"><h2>{_voices(r, res.none.title)}</h2><p>{_voices(r, res.none.text)}</p></div>'
        f'{r.render("hotlines")}'
        f'<p><a class="ra-check__help" href="{page_showing(content, "contacts")}">{word("help_link")}</a></p>'
        f'<p><button type="button" class="ra-check__again">{word("start_again")}</button></p></div>'
    )
    return (
        f'<div class="ra-check" id="ra-check">'
        f'<p>{word("intro")}</p><p class="ra-check__privacy">{word("privacy")}</p>'
        f'<p class="ra-check__noscript">{word("no_script")}</p>'
        f'<div class="ra-check__form"><fieldset class="ra-check__who"><legend>{word("who")}</legend>{who}</fieldset>'
        f'<h2 id="ra-check-questions">{word("questions")}</h2>'
        f'<ol class="ra-check__questions" aria-labelledby="ra-check-questions">{questions}</ol>'
        f'<p><button type="button" class="ra-check__go">{word("show_result")}</button></p></div>'
        f'{result}'
        f'<h2>{word("kinds_title")}</h2><dl class="ra-check__kinds">{kinds}</dl>'
        f'<h2>{word("beliefs_title")}</h2><dl class="ra-check__myths">{beliefs}</dl></div>'
    )
