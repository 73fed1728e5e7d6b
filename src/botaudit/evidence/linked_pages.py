"""What the `read_linked_pages` step observes: the pages the widget links to, as text.

A link named "Tietosuojakäytäntö" may lead to a notice about the chatbot or to a generic
page about the website (METKU 2022, Lisäselvitys 2, 4.2.4 Legitiimiys); only the page's text
tells them apart, so the link checks read it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation


class LinkedPage(BaseModel):
    """One link of the widget and, when it could be read, the text of the page it leads to."""

    text: str
    href: str
    status: int | None = None
    title: str = ""
    page_text: str = Field(default="", description="The page's text, personal data masked.")
    error: str = Field(default="", description="Why the page was not read, in plain words.")


@observation
class LinkedPages(BaseModel):
    """Every link in the open widget, with the text of the pages on the page's own site."""

    pages: list[LinkedPage] = Field(default_factory=list)
