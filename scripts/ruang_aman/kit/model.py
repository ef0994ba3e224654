"""The session kit's content as typed records: decks of slides, the guide, the leaflet, social posts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..model import Key, Record, Text, TextList

SLIDE_KINDS = ("title", "points", "facts", "kinds", "myths", "chart", "help")


class Slide(Record):
    """One 16:9 slide: a title, what it shows, and the facilitator's notes for it.

    What a slide shows comes from its kind: `points` are written here; `facts`, `kinds`,
    `myths`, `chart` and `help` name records of the data files, so numbers and contacts are
    never typed into a slide.
    """

    kind: Literal["title", "points", "facts", "kinds", "myths", "chart", "help"]
    title: Text
    text: Text | None = None
    points: TextList | None = None
    facts: list[str] | None = Field(default=None, description="fact keys (facts.yml)")
    kinds: Literal["general", "child"] | None = Field(default=None, description="group of violence.yml")
    myths: list[str] | None = Field(default=None, description="myth keys (myths.yml)")
    chart: str | None = Field(default=None, description="dataset key (statistics.yml)")
    series: str | None = Field(default=None, description="one series of the dataset: its values per period")
    hotlines: list[str] | None = Field(default=None, description="contact keys; default: site.yml hotlines")
    page: str = Field(default="bantuan", pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="the page the QR code opens")
    notes: Text

    @model_validator(mode="after")
    def _needs(self) -> "Slide":
        needed = {"points": "points", "facts": "facts", "kinds": "kinds", "myths": "myths", "chart": "chart"}.get(self.kind)
        if needed and getattr(self, needed) is None:
            raise ValueError(f"a '{self.kind}' slide needs '{needed}:'")
        return self


class Deck(Record):
    """A slide deck for one audience, 8 to 15 slides, the last one a `help` slide."""

    slug: str = Key
    title: Text
    subtitle: Text
    audience: Text
    theme: str = "default"
    slides: list[Slide] = Field(min_length=1)


class TimedStep(Record):
    """One part of the session plan, with its length in minutes."""

    minutes: int = Field(ge=1, le=45)
    title: Text
    text: Text


class Question(Record):
    """A question people ask in a session, and the answer to give."""

    q: Text
    a: Text


class GuideSection(Record):
    """A titled part of the guide: a paragraph, a list, or both."""

    title: Text
    text: Text | None = None
    points: TextList | None = None


class Guide(Record):
    """The facilitator guide: how to run a session, safety in the room, who to call, questions."""

    title: Text
    intro: Text
    session_title: Text
    session_minutes: int = Field(ge=10, le=120)
    session: list[TimedStep] = Field(min_length=1)
    sections: list[GuideSection] = Field(min_length=1)
    contacts_title: Text
    contacts: list[str] = Field(min_length=1, description="contact keys, in the order to call them")
    questions_title: Text
    questions: list[Question] = Field(min_length=1)
    notes_title: Text
    notes_intro: Text

    @model_validator(mode="after")
    def _minutes(self) -> "Guide":
        total = sum(step.minutes for step in self.session)
        if total != self.session_minutes:
            raise ValueError(f"the session steps add up to {total} minutes, not session_minutes: {self.session_minutes}")
        return self


class Panel(Record):
    """One of the leaflet's three panels on a side; its blocks are drawn in this order."""

    title: Text
    text: Text | None = None
    points: TextList | None = None
    kinds: Literal["general", "child"] | None = None
    contacts: list[str] | None = Field(default=None, description="contact keys shown with their role")
    hotlines: list[str] | None = Field(default=None, description="contact keys shown as big numbers")
    qr: str | None = Field(default=None, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="page the QR code opens")


class Leaflet(Record):
    """The tri-fold leaflet: the outside (flap, back, cover) and the inside (three panels)."""

    title: Text
    outside: list[Panel] = Field(min_length=3, max_length=3)
    inside: list[Panel] = Field(min_length=3, max_length=3)


class SocialPost(Record):
    """What goes with one poster's cards on social media."""

    poster: str = Key
    caption: Text
    alt_square: Text
    alt_story: Text
    hashtags: list[str] = Field(min_length=1, max_length=10)


class Social(Record):
    hashtags: list[str] = Field(default_factory=list, description="added to every post")
    posts: list[SocialPost] = Field(min_length=1)


class Words(Record):
    """Interface words of the kit files and the kit page, each in every language."""

    words: dict[str, Text]

    def get(self, key: str, lang: str) -> str:
        text = self.words[key]
        return text.pick(lang)


class Kit(Record):
    """Everything in content_src/kit/, validated."""

    decks: list[Deck]
    guide: Guide
    leaflet: Leaflet
    social: Social
    words: Words
