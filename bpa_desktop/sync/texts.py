"""Plain Norwegian texts about sync, shown to the arbeidsleder and kept on each submission."""

from __future__ import annotations

from datetime import datetime

from bpa_desktop.core.calendar import OSLO

NOT_ENROLLED = (
    "Maskinen er ikke registrert hos kommunen ennå. Registrer den med koden du har fått fra kommunen."
)
UNREACHABLE = "Kommunen svarer ikke"
TIMEOUT = "Kommunen svarer ikke (ingen svar innen fristen)"
SERVER_ERROR = "Kommunens mottak har en feil (HTTP {status})"
BUSY = "Kommunens mottak er opptatt"
IN_FLIGHT = "Timelisten blir allerede behandlet hos kommunen"
UNEXPECTED = "Uventet svar fra kommunen (HTTP {status})"
AUTH = (
    "Kommunen godtar ikke lenger tilgangen til denne maskinen ({detail}). Registrer maskinen på nytt "
    "med en ny kode fra kommunen. Ingenting er tapt: timelistene venter og sendes etterpå."
)
TOKEN_MISSING = "Tilgangsnøkkelen mangler i nøkkelringen. Registrer maskinen på nytt med en ny kode fra kommunen."
KEY_MISSING = (
    "Signeringsnøkkelen mangler i nøkkelringen. Registrer maskinen på nytt med en ny kode fra kommunen."
)
VERSION_CONFLICT = (
    "Timelisten er endret hos kommunen siden denne versjonen ble laget. Se begge versjonene og lag en ny rettelse."
)
BAD_SIGNATURE = (
    "Kommunen kunne ikke bekrefte signaturen, så innholdet kan ha blitt endret underveis. "
    "Din kopi er uendret. Prøv igjen, eller send som fil."
)
KEY_REUSED = "Kommunen har en annen timeliste med samme ID. Din kopi er uendret; kontakt kommunen."
REFUSED = "Kommunen avviste innsendingen: {title}"
REPLACED = "Erstattet av versjon {version} før kommunen tok imot denne; versjon {version} sendes i stedet."
UNREADABLE_ANSWER = "Svaret fra kommunen kunne ikke leses. Ingenting er endret; prøv igjen senere."
UNREADABLE_DECISIONS = "Kommunens svar på timelistene kunne ikke leses; de hentes på nytt neste gang."
BAD_RECEIPT = "Kvitteringen fra kommunen stemmer ikke med timelisten. Din kopi er uendret; kontakt kommunen."
INVALID_PAY_CODE = (
    "Lønnsarten {codes} kan ikke sendes (bare bokstaver, tall, punktum og bindestrek). "
    "Rett lønnsarten i innstillingene og korriger timelisten."
)
CURSOR_RESET = "Kommunens mottak er gjenopprettet fra sikkerhetskopi; innsendte timelister kontrolleres på nytt."
STUCK = "Kommunen har ikke mottatt timelisten – send som fil eller skriv ut."


def retry_text(reason: str, next_attempt_at: datetime, now: datetime) -> str:
    """'Kommunen svarer ikke – prøver igjen kl. 14:05' (the date too when not today)."""
    local = next_attempt_at.astimezone(OSLO)
    if local.date() == now.astimezone(OSLO).date():
        return f"{reason} – prøver igjen kl. {local:%H:%M}"
    return f"{reason} – prøver igjen {local:%d.%m.} kl. {local:%H:%M}"
