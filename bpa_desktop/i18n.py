"""Message catalogue for text the Workspace and storage show to people.

Plain Python (no Qt), so the CLI and the storage layer can use it. The UI calls
``set_language`` at start-up with the language the person chose; Norwegian bokmål is the
default and the fallback for a key that has no text in the chosen language.
"""

from __future__ import annotations

LANGUAGES = ("nb", "en")
_language = "nb"

CATALOGUE: dict[str, dict[str, str]] = {
    # generic field rules
    "required": {"nb": "Må fylles ut.", "en": "Required."},
    "validation_failed": {
        "nb": "Noen felter må rettes: {fields}.",
        "en": "Some fields need correcting: {fields}.",
    },
    "end_before_start_date": {
        "nb": "Sluttdatoen kan ikke være før startdatoen.",
        "en": "The end date cannot be before the start date.",
    },
    "not_found": {
        "nb": "Fant ikke {entity} med id {id}.",
        "en": "No {entity} with id {id}.",
    },
    # arrangement
    "org_no_digits": {
        "nb": "Organisasjonsnummeret må ha nøyaktig 9 sifre.",
        "en": "The organisation number must have exactly 9 digits.",
    },
    "org_no_checksum": {
        "nb": "Organisasjonsnummeret har feil kontrollsiffer.",
        "en": "The organisation number has a wrong check digit.",
    },
    # vedtak
    "hours_per_week_range": {
        "nb": "Timer per uke må være over 0 og høyst 168.",
        "en": "Hours per week must be above 0 and at most 168.",
    },
    "vedtak_overlap": {
        "nb": "Perioden overlapper et annet vedtak ({period}).",
        "en": "The period overlaps another vedtak ({period}).",
    },
    "open_ended": {"nb": "uten sluttdato", "en": "no end date"},
    # assistant
    "employee_no_taken": {
        "nb": "Ansattnummeret {employee_no} er allerede i bruk i denne ordningen.",
        "en": "Employee number {employee_no} is already used in this arrangement.",
    },
    "employment_percent_range": {
        "nb": "Stillingsprosenten må være over 0 og høyst 100.",
        "en": "The employment percentage must be above 0 and at most 100.",
    },
    "assistant_not_in_arrangement": {
        "nb": "Assistenten hører ikke til denne ordningen.",
        "en": "The assistant does not belong to this arrangement.",
    },
    # shift templates and rotas
    "clock_time_format": {
        "nb": "Klokkeslett skrives TT:MM, for eksempel 08:00.",
        "en": "Write clock times as HH:MM, e.g. 08:00.",
    },
    "template_code_taken": {
        "nb": "Vaktkoden {code} finnes allerede.",
        "en": "The shift code {code} already exists.",
    },
    "passive_pair": {
        "nb": "Hvilende tid trenger både start og slutt.",
        "en": "Passive time needs both a start and an end.",
    },
    "rota_weeks_range": {
        "nb": "En turnus må ha mellom 1 og 52 uker.",
        "en": "A rota must have between 1 and 52 weeks.",
    },
    "rota_unknown_code": {
        "nb": "Ukjent vaktkode: {codes}.",
        "en": "Unknown shift code: {codes}.",
    },
    "rota_cell_outside": {
        "nb": "Turnusen har en vakt utenfor ukene eller ukedagene den dekker.",
        "en": "The rota has a shift outside its weeks or weekdays.",
    },
    # shifts
    "shift_end_before_start": {
        "nb": "Vakten må slutte etter at den starter.",
        "en": "The shift must end after it starts.",
    },
    "shift_too_long": {
        "nb": "En vakt kan ikke vare mer enn 7 døgn.",
        "en": "A shift cannot last more than 7 days.",
    },
    "shift_overlap": {
        "nb": "Vakten overlapper en annen registrert vakt for samme assistent ({period}).",
        "en": "The shift overlaps another worked shift of the same assistant ({period}).",
    },
    "passive_outside_shift": {
        "nb": "Hvilende tid må ligge innenfor vakten.",
        "en": "Passive time must lie within the shift.",
    },
    "timezone_required": {
        "nb": "Tidspunktet mangler tidssone.",
        "en": "The time has no time zone.",
    },
    # absence
    "absence_percent_range": {
        "nb": "Fraværsprosenten må være over 0 og høyst 100.",
        "en": "The absence percentage must be above 0 and at most 100.",
    },
    # timesheets
    "timesheet_locked": {
        "nb": "Timelisten for {period} er attestert; lag en korrigering.",
        "en": "The timesheet for {period} is attested; make a correction.",
    },
    "timesheet_confirm_status": {
        "nb": "Bare et utkast kan bekreftes; timelisten for {period} er {status}.",
        "en": "Only a draft can be confirmed; the timesheet for {period} is {status}.",
    },
    "timesheet_already_attested": {
        "nb": "Timelisten for {period} er allerede attestert.",
        "en": "The timesheet for {period} is already attested.",
    },
    "timesheet_period_not_over": {
        "nb": "Perioden {period} er ikke over; timelisten kan attesteres fra {day}.",
        "en": "The period {period} is not over; the timesheet can be attested from {day}.",
    },
    "timesheet_not_latest": {
        "nb": "Timelisten for {period} har en nyere versjon ({version}); bruk den.",
        "en": "The timesheet for {period} has a newer version ({version}); use that one.",
    },
    "correction_needs_attested": {
        "nb": "Bare en attestert timeliste kan korrigeres; timelisten for {period} er {status}.",
        "en": "Only an attested timesheet can be corrected; the timesheet for {period} is {status}.",
    },
    "timesheet_period_clash": {
        "nb": "Perioden overlapper en annen timeliste for samme assistent ({period}).",
        "en": "The period overlaps another timesheet of the same assistant ({period}).",
    },
    "reason_required": {
        "nb": "Skriv en årsak.",
        "en": "Give a reason.",
    },
    "planned_shift_settled": {
        "nb": "Vakten er allerede registrert som arbeidet eller ikke arbeidet.",
        "en": "The shift is already registered as worked or not worked.",
    },
    "passive_active_outside": {
        "nb": "Tiden som ble aktiv må ligge innenfor vaktens hvilende tid.",
        "en": "The time that became active must lie within the shift's passive time.",
    },
    "period_start_day_range": {
        "nb": "Perioden må starte på en dag fra 1 til 28.",
        "en": "The period must start on a day from 1 to 28.",
    },
    "rate_negative": {"nb": "Satsen kan ikke være negativ.", "en": "The rate cannot be negative."},
    "social_cost_range": {
        "nb": "Sosiale kostnader må være fra 0 til 100 %.",
        "en": "Social costs must be from 0 to 100 %.",
    },
    "pay_line_unknown": {
        "nb": "Lønnsprofilen har ingen slik linje.",
        "en": "The pay profile has no such line.",
    },
    "status_draft": {"nb": "et utkast", "en": "a draft"},
    "status_confirmed": {"nb": "bekreftet", "en": "confirmed"},
    "status_attested": {"nb": "attestert", "en": "attested"},
    "status_submitted": {"nb": "sendt", "en": "submitted"},
    "status_accepted": {"nb": "godkjent", "en": "accepted"},
    "status_rejected": {"nb": "avvist", "en": "rejected"},
    # turnus planner
    "rota_change_kind": {
        "nb": "Ukjent endring «{kind}».",
        "en": "Unknown change «{kind}».",
    },
    "rota_swap_needs_other": {
        "nb": "Velg vakten det skal byttes med.",
        "en": "Choose the shift to swap with.",
    },
    "rota_swap_same_assistant": {
        "nb": "Begge vaktene har samme assistent; velg en vakt hos en annen assistent.",
        "en": "Both shifts have the same assistant; choose a shift of another assistant.",
    },
    "rota_substitute_needs_assistant": {
        "nb": "Velg hvem som skal ta vakten.",
        "en": "Choose who takes the shift.",
    },
    "rota_substitute_same": {
        "nb": "Vakten har allerede denne assistenten.",
        "en": "The shift already has this assistant.",
    },
    "rota_times_required": {
        "nb": "Skriv ny start og slutt.",
        "en": "Give a new start and end.",
    },
    "rota_extra_one_passive": {
        "nb": "En ekstravakt kan ha høyst én periode med hvilende tid.",
        "en": "An extra shift can have at most one passive period.",
    },
    "rota_plan_blocked": {
        "nb": "{count} vakter ligger i en attestert periode eller er allerede registrert "
        "som arbeidet; ingenting er endret.",
        "en": "{count} shifts are in an attested period or already registered as worked; "
        "nothing has been changed.",
    },
    "approval_role": {
        "nb": "Rollen må være assistent, arbeidsgiver eller tillitsvalgt.",
        "en": "The role must be assistant, employer or union representative.",
    },
    "approval_assistant_required": {
        "nb": "Velg assistenten.",
        "en": "Choose the assistant.",
    },
    "approval_before_seen": {
        "nb": "Godkjent-datoen kan ikke være før datoen turnusen ble sett.",
        "en": "The approval date cannot be before the date the rota was seen.",
    },
    "need_weekday_range": {
        "nb": "Ukedagen må være fra 0 (mandag) til 6 (søndag).",
        "en": "The weekday must be from 0 (Monday) to 6 (Sunday).",
    },
    "need_staff_min": {
        "nb": "Behovet må være minst én person.",
        "en": "The need must be at least one person.",
    },
    # overtime: why an hour is overtime
    "overtime_why_marked": {"nb": "ført som overtid", "en": "marked as overtime"},
    "overtime_why_day": {"nb": "over {limit} t denne dagen", "en": "over {limit} h this day"},
    "overtime_why_week": {"nb": "over {limit} t i uke {week}", "en": "over {limit} h in week {week}"},
    "overtime_why_average": {
        "nb": "snittet over {weeks} uker (uke {first}–{last}) er over {limit} t per uke",
        "en": "the average over {weeks} weeks (weeks {first}–{last}) is over {limit} h a week",
    },
    "overtime_part_marked": {"nb": "{hours} t ført som overtid", "en": "{hours} h marked as overtime"},
    "overtime_part_day": {"nb": "{hours} t over {limit} t per dag", "en": "{hours} h over {limit} h a day"},
    "overtime_part_week": {"nb": "{hours} t over {limit} t per uke", "en": "{hours} h over {limit} h a week"},
    "overtime_part_average": {
        "nb": "{hours} t over snittet på {limit} t per uke over {weeks} uker",
        "en": "{hours} h over the average of {limit} h a week over {weeks} weeks",
    },
    "overtime_in_week": {"nb": "i uke {week} ({dates})", "en": "in week {week} ({dates})"},
    "overtime_in_weeks": {"nb": "i {weeks} uker ({dates})", "en": "in {weeks} weeks ({dates})"},
    "overtime_per_week": {"nb": "uke", "en": "week"},
    "overtime_per_weeks": {"nb": "{weeks} uker", "en": "{weeks} weeks"},
    "overtime_finding": {
        "nb": "{name} har {hours} t overtid {period}: {parts}; grensen er {limit} t per {per}",
        "en": "{name} has {hours} h of overtime {period}: {parts}; the limit is {limit} h per {per}",
    },
    "overtime_pdf_heading": {"nb": "Overtid og hvorfor", "en": "Overtime and why"},
    "overtime_pdf_day": {"nb": "Dato", "en": "Date"},
    "overtime_pdf_time": {"nb": "Tid", "en": "Time"},
    "overtime_pdf_hours": {"nb": "Timer", "en": "Hours"},
    "overtime_pdf_why": {"nb": "Hvorfor", "en": "Why"},
    "list_and": {"nb": "{items} og {last}", "en": "{items} and {last}"},
    "month_names": {
        "nb": "januar februar mars april mai juni juli august september oktober november desember",
        "en": "January February March April May June July August September October November December",
    },
    "decimal_mark": {"nb": ",", "en": "."},
    "day_month": {"nb": "{day}. {month}", "en": "{day} {month}"},
    "days_in_month": {"nb": "{first}.–{last}", "en": "{first}–{last}"},
    # turnus proposals (issue 11): why no legal rota exists, and what would help
    "weekday_0": {"nb": "mandag", "en": "Monday"},
    "weekday_1": {"nb": "tirsdag", "en": "Tuesday"},
    "weekday_2": {"nb": "onsdag", "en": "Wednesday"},
    "weekday_3": {"nb": "torsdag", "en": "Thursday"},
    "weekday_4": {"nb": "fredag", "en": "Friday"},
    "weekday_5": {"nb": "lørdag", "en": "Saturday"},
    "weekday_6": {"nb": "søndag", "en": "Sunday"},
    "plan_uncovered": {
        "nb": "Uke {week}, {weekday} kl. {start}–{end}: mangler {missing} av {needed}",
        "en": "Week {week}, {weekday} {start}–{end}: {missing} of {needed} missing",
    },
    "plan_uncovered_passive": {
        "nb": "Uke {week}, {weekday} kl. {start}–{end} (hvilende natt): mangler {missing} av {needed}",
        "en": "Week {week}, {weekday} {start}–{end} (sleeping night): {missing} of {needed} missing",
    },
    "plan_reason_need": {
        "nb": "Behovet {weekday} kl. {start}–{end} ({staff} om gangen)",
        "en": "The need on {weekday} {start}–{end} ({staff} at a time)",
    },
    "plan_reason_need_many": {
        "nb": "Behovet i {count} av {total} blokker i uka ({hours} t per uke)",
        "en": "The need in {count} of the week's {total} blocks ({hours} h a week)",
    },
    "plan_reason_band_many": {
        "nb": "Stillingene til {count} assistenter (til sammen høyst {hours} t per uke)",
        "en": "The contracts of {count} assistants (at most {hours} h a week together)",
    },
    "plan_reason_weekdays": {
        "nb": "{name} kan ikke jobbe {weekdays}",
        "en": "{name} cannot work on {weekdays}",
    },
    "plan_reason_dates": {
        "nb": "{name} er borte {dates}",
        "en": "{name} is away {dates}",
    },
    "plan_reason_cannot": {
        "nb": "{name} kan ikke ta vaktene {codes}",
        "en": "{name} cannot take the shifts {codes}",
    },
    "plan_reason_band_min": {
        "nb": "{name} skal ha minst {percent} % av stillingen ({hours} t per uke)",
        "en": "{name} must have at least {percent} % of the contract ({hours} h a week)",
    },
    "plan_reason_band_max": {
        "nb": "{name} kan ha høyst {percent} % av stillingen ({hours} t per uke)",
        "en": "{name} can have at most {percent} % of the contract ({hours} h a week)",
    },
    "plan_reason_locked": {
        "nb": "Låst: {name} har {code} på {weekday} i uke {week}",
        "en": "Locked: {name} has {code} on {weekday} in week {week}",
    },
    "plan_reason_locked_free": {
        "nb": "Låst: {name} har fri på {weekday} i uke {week}",
        "en": "Locked: {name} is off on {weekday} in week {week}",
    },
    "plan_reason_rule": {
        "nb": "{rule} etter {preset}",
        "en": "{rule} under {preset}",
    },
    "plan_reason_cut": {
        "nb": "Kombinasjoner kontrollen har avvist ({rule})",
        "en": "Combinations the check has rejected ({rule})",
    },
    "plan_help_extra": {
        "nb": "{count} assistent til på {percent} %",
        "en": "{count} more assistant at {percent} %",
    },
    "plan_help_extras": {
        "nb": "{count} assistenter til på til sammen {percent} %",
        "en": "{count} more assistants at {percent} % together",
    },
    "plan_help_preset": {
        "nb": "Tillat {preset}",
        "en": "Allow {preset}",
    },
    "plan_help_weeks": {
        "nb": "En turnus på {weeks} uker",
        "en": "A rota of {weeks} weeks",
    },
    "plan_help_weekdays": {
        "nb": "{name} kan jobbe {weekdays} likevel",
        "en": "{name} can work on {weekdays} after all",
    },
    "plan_help_dates": {
        "nb": "{name} kan jobbe {dates} likevel",
        "en": "{name} can work {dates} after all",
    },
    "plan_help_cannot": {
        "nb": "{name} kan ta vaktene {codes} likevel",
        "en": "{name} can take the shifts {codes} after all",
    },
    "plan_help_band_min": {
        "nb": "{name} kan ha under {percent} % av stillingen",
        "en": "{name} may have less than {percent} % of the contract",
    },
    "plan_help_band_max": {
        "nb": "{name} kan ha mer enn {percent} % av stillingen",
        "en": "{name} may have more than {percent} % of the contract",
    },
    "plan_help_locked": {
        "nb": "Lås opp {name} på {weekday} i uke {week}",
        "en": "Unlock {name} on {weekday} in week {week}",
    },
    "plan_help_need": {
        "nb": "Mindre behov {weekday} kl. {start}–{end}",
        "en": "Less need on {weekday} {start}–{end}",
    },
    "plan_apply_other_start": {
        "nb": "Forslaget er laget for en annen startdato; lag et nytt forslag for denne perioden.",
        "en": "The proposal was made for another start date; make a new proposal for this period.",
    },
    "plan_undo_approved": {
        "nb": "Forslaget er allerede godkjent av noen; lag heller en ny versjon.",
        "en": "Someone has approved the proposal already; make a new version instead.",
    },
    "plan_undo_changed_since": {
        "nb": "Turnusen er lagret på nytt etter forslaget; angre den siste lagringen først.",
        "en": "The rota has been saved again since the proposal; undo the latest save first.",
    },
    "plan_rule_overlap": {"nb": "Én vakt om gangen", "en": "One shift at a time"},
    "plan_rule_daily-rest": {"nb": "Daglig hvile", "en": "Daily rest"},
    "plan_rule_weekly-rest": {"nb": "Ukentlig hvile", "en": "Weekly rest"},
    "plan_rule_daily-hours": {"nb": "Arbeidstid per dag", "en": "Working hours per day"},
    "plan_rule_weekly-hours": {"nb": "Arbeidstid per uke", "en": "Working hours per week"},
    "plan_rule_average-hours": {"nb": "Gjennomsnittlig arbeidstid", "en": "Average working hours"},
    "plan_rule_overtime": {"nb": "Grensene for overtid", "en": "The overtime limits"},
    "plan_rule_sunday-work": {
        "nb": "Fri annenhver søn- og helgedag",
        "en": "Every other Sunday and holiday off",
    },
    "plan_rule_night-work": {"nb": "Nattarbeid", "en": "Night work"},
    "plan_rule_coverage": {"nb": "Dekning av behovet", "en": "Covering the need"},
    "plan_preset_aml": {"nb": "arbeidsmiljøloven uten avtaler", "en": "the Working Environment Act without agreements"},
    "plan_preset_individual": {"nb": "skriftlig individuell avtale (aml § 10-5 (1))", "en": "a written individual agreement (AML § 10-5 (1))"},
    "plan_preset_tariff": {"nb": "tariff-unntak (tariffavtale)", "en": "tariff exceptions (collective agreement)"},
    "plan_preset_home-employer": {"nb": "forskriften om arbeid i arbeidsgivers hjem", "en": "the regulation on work in the employer's home"},
    "plan_preset_relief": {"nb": "avlasterforskriften", "en": "the relief work regulation"},
    # database files
    "db_newer": {
        "nb": "Databasen {path} er laget av en nyere versjon av bpa-desktop. "
        "Oppdater programmet for å åpne den. Filen er ikke endret.",
        "en": "The database {path} was written by a newer version of bpa-desktop. "
        "Update the program to open it. The file has not been changed.",
    },
    "db_corrupt": {
        "nb": "Filen {path} kan ikke leses som en database (den kan være skadet). "
        "Filen er ikke endret. Hent tilbake en sikkerhetskopi.",
        "en": "The file {path} cannot be read as a database (it may be damaged). "
        "The file has not been changed. Restore a backup.",
    },
    "db_foreign": {
        "nb": "Filen {path} er en database, men ikke fra bpa-desktop. Filen er ikke endret.",
        "en": "The file {path} is a database, but not one from bpa-desktop. "
        "The file has not been changed.",
    },
    "db_migration_failed": {
        "nb": "Oppgraderingen av databasen {path} mislyktes. Ingen endringer er lagret; "
        "en sikkerhetskopi ligger i {backup}.",
        "en": "Upgrading the database {path} failed. No changes were saved; "
        "a backup is in {backup}.",
    },
}


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    _language = language


def get_language() -> str:
    return _language


def message(key: str, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in."""
    texts = CATALOGUE[key]
    template = texts.get(_language) or texts["nb"]
    return template.format(**params)
