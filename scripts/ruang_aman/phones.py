"""Phone numbers: parsed and formatted with phonenumbers; national short codes handled explicitly."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

REGION = "ID"

# Indonesia's national short codes. phonenumbers rejects 129 and knows 110/112 only as short
# numbers, so the codes this project may show are listed here, each with who answers it.
SHORT_CODES: dict[str, str] = {
    "110": "police (Polri)",
    "112": "national emergency number",
    "129": "SAPA 129, Ministry of Women's Empowerment and Child Protection",
    "119": "Ministry of Health: medical emergencies and the mental-health line",
    "148": "LPSK, the Witness and Victim Protection Agency",
}


# A national short code behind an area code, as some official sources print SAPA: 021-129.
AREA_SHORT_CODE = re.compile(r"^0(\d{2,3})(\d{3})$")


@dataclass(frozen=True)
class Phone:
    """A validated number: how to show it and how to dial it."""

    display: str
    e164: str
    short: bool

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

    @property
    def wa_me(self) -> str:
        """Link that opens a WhatsApp chat (wa.me wants the number without '+')."""
        return f"https://wa.me/{self.e164.lstrip('+')}"


class InvalidPhone(ValueError):
    """A number that is not a valid Indonesian number or known short code."""


def parse_phone(raw: str) -> Phone:
    """Validate a number as staff copy it from the service's site (08111-129-129, +62 811 1129 129, 129)."""
    compact = "".join(ch for ch in str(raw) if ch.isdigit() or ch == "+")
    if compact in SHORT_CODES:
        return Phone(display=compact, e164=compact, short=True)
    area = AREA_SHORT_CODE.match(compact)
    if area and area.group(2) in SHORT_CODES:
        # Some sources print a short code behind an area code (021-129, Jakarta): shown as printed,
        # dialled with the country code, since phonenumbers rejects it as a fixed line.
        return Phone(display=" ".join(str(raw).split()), e164=f"+62{area.group(1)}{area.group(2)}", short=True)
    try:
        number = phonenumbers.parse(str(raw), REGION)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(str(exc)) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone("not a valid number")
    # Shown as the service publishes it (people recognise 08111-129-129 from the ministry's own
    # posters); phonenumbers validates it and gives the E.164 form that tel: and wa.me links need.
    display = " ".join(str(raw).split())
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(display=display, e164=e164, short=False)


def is_mobile(phone: Phone) -> bool:
    """True for mobile numbers (the only kind WhatsApp serves)."""
    if phone.short:
        return False
    number = phonenumbers.parse(phone.e164, REGION)
    return phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
