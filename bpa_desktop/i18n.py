"""Message catalogue for text the Workspace and storage show to people.

Plain Python (no Qt), so the CLI and the storage layer can use it. The UI calls
``set_language`` at start-up with the language the person chose; Norwegian bokmål is the
default and the fallback for a key that has no text in the chosen language.
"""

from __future__ import annotations

from bpa_desktop import data_safety_texts as _data_safety_texts

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
    "opening_hours_range": {
        "nb": "Timer brukt før start må være mellom −{limit} og {limit}.",
        "en": "Hours used before the start must be between −{limit} and {limit}.",
    },
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
    "timesheet_confirm_none_over": {
        "nb": "Ingen dager i {period} er over ennå: en dag kan bekreftes fra dagen etter.",
        "en": "No day of {period} is over yet: a day can be confirmed from the day after.",
    },
    "timesheet_confirm_nothing_new": {
        "nb": "Timelisten for {period} er allerede bekreftet t.o.m. {day}; resten kan bekreftes når dagene er over.",
        "en": "The timesheet for {period} is already confirmed through {day}; the rest can be confirmed once "
        "those days are over.",
    },
    "sick_cover_kind": {
        "nb": "Velg egenmelding eller sykmelding: vikar for syk assistent gjelder sykefravær.",
        "en": "Choose self-certified sick leave or a sick note: a substitute for a sick assistant is about sickness.",
    },
    "sick_cover_graded": {
        "nb": "En vikar tar hele vakter: registrer gradert sykmelding som fravær alene og endre tidene.",
        "en": "A substitute takes whole shifts: register graded sick leave as an absence alone and change the times.",
    },
    "sick_cover_nothing": {
        "nb": "Assistenten har ingen åpne planlagte vakter disse dagene som en vikar kan ta.",
        "en": "The assistant has no open planned shifts on these days for a substitute to take.",
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
    # undo (ws.undoable)
    "undo_change_gone": {
        "nb": "Endringen finnes ikke lenger.",
        "en": "The change no longer exists.",
    },
    "undo_later_change": {
        "nb": "Vakten er endret igjen etterpå; angre den siste endringen først.",
        "en": "The shift was changed again afterwards; undo the latest change first.",
    },
    "undo_plan_changed_since": {
        "nb": "Vaktene er endret siden (for eksempel av en ny utrulling), så endringen kan ikke angres.",
        "en": "The shifts have changed since (for example by a new roll-out), so the change cannot be undone.",
    },
    "undo_record_changed_since": {
        "nb": "Registreringen er endret eller slettet siden, så den kan ikke angres.",
        "en": "The record has been changed or removed since, so it cannot be undone.",
    },
    "undo_confirm_status": {
        "nb": "Bekreftelsen av timelisten for {period} kan ikke angres: den er {status}.",
        "en": "The confirmation of the timesheet for {period} cannot be undone: it is {status}.",
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
    "paper_nothing_waiting": {
        "nb": "Ingen attesterte timelister venter: kommunen har mottatt alle.",
        "en": "No attested timesheets are waiting: the municipality has received them all.",
    },
    # the month close in the UI
    "ui_sick_cover_kind": {
        "nb": "Syk, en vikar dekker vaktene",
        "en": "Sick, a substitute covers the shifts",
    },
    "ui_sick_cover_reason": {"nb": "Syk, vikar dekker", "en": "Sick, a substitute covers"},
    "ui_undo_sick_cover": {"nb": "{name} syk, {other} dekker {days}", "en": "{name} sick, {other} covers {days}"},
    "ui_sick_cover_button": {"nb": "S&yk – vikar dekker…", "en": "S&ick – substitute covers…"},
    "ui_sick_cover_done": {
        "nb": "Fraværet er registrert og {count} vakter er gitt til {name}.",
        "en": "The absence is registered and {count} shifts are given to {name}.",
    },
    "ui_confirmed_through": {
        "nb": "{name} har bekreftet dagene t.o.m. {day}. Resten kan bekreftes når måneden er over ({rest}).",
        "en": "{name} has confirmed the days through {day}. The rest can be confirmed once the month is over ({rest}).",
    },
    "ui_confirmed_partly": {"nb": "bekreftet t.o.m. {day}", "en": "confirmed through {day}"},
    "ui_row_covered": {"nb": "Dekket av vikar", "en": "Covered"},
    "ui_covered_by": {"nb": "dekket av {name}", "en": "covered by {name}"},
    "ui_covers": {"nb": "for {name} ({absence})", "en": "for {name} ({absence})"},
    "ui_agp_day": {"nb": "arbeidsgiverperioden dag {day}", "en": "employer period day {day}"},
    "ui_col_absence_pay": {"nb": "Sykelønn (t)", "en": "Sick pay (h)"},
    "ui_overview_start": {"nb": "Brukt før start", "en": "Used before the start"},
    "ui_overview_start_value": {"nb": "{hours} (før {day})", "en": "{hours} (before {day})"},
    "ui_overview_start_none": {
        "nb": "Ikke satt (legg inn på Vedtak-siden om dere begynte midt i året)",
        "en": "Not set (enter it on the Vedtak page if you started mid-year)",
    },
    "ui_overview_unregistered": {"nb": "Planlagt, ikke registrert", "en": "Planned, not registered"},
    "ui_overview_unregistered_list": {
        "nb": "Planlagte vakter som er over og ikke registrert",
        "en": "Planned shifts that are over and not registered",
    },
    "ui_overview_unregistered_label": {"nb": "Ikke &registrert", "en": "Not &registered"},
    "ui_overview_confirmed": {"nb": "bekreftet", "en": "confirmed"},
    "ui_overview_not_confirmed": {"nb": "ikke bekreftet", "en": "not confirmed"},
    "ui_account_button": {"nb": "&Timekontoens start…", "en": "&Hour account start…"},
    "ui_account_button_help": {
        "nb": "Når timekontoen begynner her, og timer av årets vedtak som er brukt før det",
        "en": "When the hour account begins here, and hours of the year's grant used before that",
    },
    "ui_account_title": {"nb": "Timekontoens start", "en": "Start of the hour account"},
    "ui_account_start_date": {"nb": "&Første dag her", "en": "&First day here"},
    "ui_account_start_date_help": {
        "nb": "Vakter før denne dagen telles ikke; timene brukt før står nedenfor",
        "en": "Shifts before this day are not counted; the hours used before it are entered below",
    },
    "ui_account_opening_hours": {"nb": "Timer &brukt før", "en": "Hours &used before"},
    "ui_account_opening_hours_help": {
        "nb": "Timer av dette årets vedtak som er brukt før første dag (for eksempel hos en annen leverandør); "
        "negativt gir timer tilbake",
        "en": "Hours of this year's grant used before the first day (for example with another provider); "
        "negative gives hours back",
    },
    "ui_account_none": {
        "nb": "Timekontoen teller fra årets første dag. Begynte dere midt i året, legg inn start og timer brukt før.",
        "en": "The hour account counts from the first day of the year. If you started mid-year, enter the start "
        "and the hours used before.",
    },
    "ui_account_value": {
        "nb": "Timekontoen begynner {day}; {hours} t av vedtaket for {year} var brukt før.",
        "en": "The hour account begins on {day}; {hours} h of the {year} grant were used before.",
    },
    "ui_bar_unregistered": {
        "nb": "{hours} t planlagt før i dag og ikke registrert (regnet som brukt; se Oversikt)",
        "en": "{hours} h planned before today and not registered (counted as used; see Overview)",
    },
    "ui_bar_start": {"nb": "{hours} t brukt før start", "en": "{hours} h used before the start"},
    "ui_paper_button": {"nb": "Skriv &ut alle som venter…", "en": "&Print all that wait…"},
    "ui_paper_button_help": {
        "nb": "Alle attesterte timelister kommunen ikke har mottatt, i én PDF for utskrift; også uten tilkobling",
        "en": "Every attested timesheet the municipality has not received, in one PDF to print; also offline",
    },
    "ui_paper_save_title": {"nb": "Lagre timelistene for utskrift", "en": "Save the timesheets for printing"},
    "ui_paper_writing": {"nb": "Lager PDF-en…", "en": "Making the PDF…"},
    "ui_paper_done": {
        "nb": "{count} timelister er lagret i {path} og merket som levert på papir. Sending over nettet "
        "fortsetter; kommunen lagrer hver timeliste én gang.",
        "en": "{count} timesheets are saved in {path} and marked as handed over on paper. Sending over the "
        "network goes on; the municipality stores each timesheet once.",
    },
    "ui_paper_state": {"nb": "levert på papir {day}", "en": "on paper {day}"},
    "ui_paper_detail": {"nb": "Levert på papir {day}.", "en": "Handed over on paper on {day}."},
    "ui_print_title": {"nb": "Skriv ut timelister", "en": "Print timesheets"},
    "ui_calendar_sick_help": {
        "nb": "Velg vakten til den som er syk: fraværet og vikaren registreres sammen",
        "en": "Choose the sick assistant's shift: the absence and the substitute are registered together",
    },
    # the timesheet PDF
    "pdf_title": {"nb": "Timeliste", "en": "Timesheet"},
    "pdf_draft_mark": {"nb": "UTKAST – ikke attestert", "en": "DRAFT – not attested"},
    "pdf_draft_note": {
        "nb": "UTKAST – ikke attestert. Timene kan endre seg til arbeidslederen har attestert timelisten.",
        "en": "DRAFT – not attested. The hours may change until the leader has attested the timesheet.",
    },
    "pdf_recipient": {"nb": "Tjenestemottaker", "en": "Recipient"},
    "pdf_arrangement": {"nb": "Ordning", "en": "Arrangement"},
    "pdf_reference": {"nb": "ref.", "en": "ref."},
    "pdf_leader": {"nb": "Arbeidsleder", "en": "Leader"},
    "pdf_employer": {"nb": "Arbeidsgiver", "en": "Employer"},
    "pdf_org_no": {"nb": "org.nr.", "en": "org. no."},
    "pdf_vedtak": {"nb": "Vedtak", "en": "Vedtak"},
    "pdf_assistant": {"nb": "Assistent", "en": "Assistant"},
    "pdf_employee_no": {"nb": "Ansattnr.", "en": "Employee no."},
    "pdf_position": {"nb": "Stilling", "en": "Position"},
    "pdf_period": {"nb": "Periode", "en": "Period"},
    "pdf_status": {"nb": "Status", "en": "Status"},
    "pdf_version": {"nb": "versjon", "en": "version"},
    "pdf_confirmed_through": {"nb": "Bekreftet t.o.m.", "en": "Confirmed through"},
    "pdf_attested": {"nb": "Attestert", "en": "Attested"},
    "pdf_attested_value": {"nb": "{who}, {day} kl. {time}", "en": "{who}, {day} at {time}"},
    "pdf_not_attested": {"nb": "ikke attestert", "en": "not attested"},
    "pdf_days_heading": {"nb": "Vakter og fravær", "en": "Shifts and absence"},
    "pdf_col_date": {"nb": "Dato", "en": "Date"},
    "pdf_col_start": {"nb": "Start", "en": "Start"},
    "pdf_col_end": {"nb": "Slutt", "en": "End"},
    "pdf_col_hours": {"nb": "Timer", "en": "Hours"},
    "pdf_col_note": {"nb": "Merknad", "en": "Note"},
    "pdf_col_code": {"nb": "Lønnsart", "en": "Pay code"},
    "pdf_col_description": {"nb": "Beskrivelse", "en": "Description"},
    "pdf_col_rate": {"nb": "Sats", "en": "Rate"},
    "pdf_col_amount": {"nb": "Beløp", "en": "Amount"},
    "pdf_sum": {"nb": "Sum", "en": "Total"},
    "pdf_lines_heading": {"nb": "Sum per lønnsart", "en": "Total per pay code"},
    "pdf_total_amount": {"nb": "Sum beløp", "en": "Total amount"},
    "pdf_legend_columns": {
        "nb": "«Timer» er arbeidede timer. Hver kolonne etter den er en lønnsart (koden under navnet) og "
        "summerer til sin linje i «Sum per lønnsart». Grå tekst: planlagt vakt som ikke ble arbeidet.",
        "en": "“Hours” are hours worked. Each column after it is a pay code (the code under its name) and "
        "adds up to its line in “Total per pay code”. Grey text: a planned shift that was not worked.",
    },
    "pdf_legend_holiday": {"nb": "* helligdag.", "en": "* public holiday."},
    "pdf_legend_eve": {
        "nb": "** høytidsaften (onsdag før skjærtorsdag, påskeaften, pinseaften, julaften, nyttårsaften): "
        "tillegg som lønnsprofilen sier, i KS fra kl. 12.",
        "en": "** eve of a holiday (Wednesday before Maundy Thursday, Easter Saturday, Whitsun Eve, Christmas Eve, "
        "New Year's Eve): supplements as the pay profile says, from 12:00 under KS.",
    },
    "pdf_legend_agp": {
        "nb": "AGP: arbeidsgiverperioden, de første 16 kalenderdagene av et sykefravær (folketrygdloven § 8-19).",
        "en": "AGP: the employer period, the first 16 calendar days of a sickness (National Insurance Act § 8-19).",
    },
    "pdf_not_reconciled": {
        "nb": "Dagkolonnene er regnet ut på nytt med dagens lønnsprofil og stemmer ikke helt med de attesterte "
        "lønnslinjene; lønnslinjene gjelder.",
        "en": "The day columns were worked out again with today's pay profile and do not quite match the "
        "attested pay lines; the pay lines stand.",
    },
    "pdf_note_covered_by": {"nb": "dekket av {name}", "en": "covered by {name}"},
    "pdf_note_covers": {"nb": "for {name} ({absence})", "en": "for {name} ({absence})"},
    "pdf_note_sick": {"nb": "syk", "en": "sick"},
    "pdf_note_agp": {"nb": "AGP dag {day} av {length}", "en": "AGP day {day} of {length}"},
    "pdf_note_after_agp": {"nb": "etter AGP: betales ikke her", "en": "after the AGP: not paid here"},
    "pdf_note_unpaid": {"nb": "uten lønn her", "en": "not paid here"},
    "pdf_note_graded": {"nb": "gradert {percent} %", "en": "graded {percent} %"},
    "pdf_note_not_worked": {"nb": "Ikke arbeidet", "en": "Not worked"},
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
    "db_not_database": {
        "nb": "Filen {path} er ikke en database (den er ikke en SQLite-fil). Velg databasefilen "
        "til bpa-desktop. Filen er ikke endret.",
        "en": "The file {path} is not a database (it is not an SQLite file). Choose the "
        "bpa-desktop database file. The file has not been changed.",
    },
    "db_empty": {
        "nb": "Filen {path} er tom (0 byte) og er ikke en bpa-desktop-database. Slett den eller "
        "velg en annen fil; en ny database lages bare der det ikke finnes noen fil. Filen er ikke endret.",
        "en": "The file {path} is empty (0 bytes) and is not a bpa-desktop database. Delete it or "
        "choose another file; a new database is made only where there is no file. "
        "The file has not been changed.",
    },
    "db_folder": {
        "nb": "{path} er en mappe, ikke en databasefil. Oppgi filen (for eksempel {path}/bpa.sqlite).",
        "en": "{path} is a folder, not a database file. Give the file (for example {path}/bpa.sqlite).",
    },
    "db_read_only": {
        "nb": "Databasen {path} kan ikke skrives: {where} er skrivebeskyttet. Gi skrivetilgang eller "
        "flytt filen til en mappe du kan skrive i. Filen er ikke endret.",
        "en": "The database {path} cannot be written: {where} is read-only. Allow writing or move "
        "the file to a folder you can write to. The file has not been changed.",
    },
    "db_read_only_file": {"nb": "filen", "en": "the file"},
    "db_read_only_folder": {"nb": "mappen den ligger i", "en": "the folder it is in"},
    "db_disk_full": {
        "nb": "Disken er full: databasen {path} fikk ikke skrevet. Ingenting er lagret; "
        "databasen er som før. Frigjør plass og prøv igjen.",
        "en": "The disk is full: the database {path} could not be written. Nothing was saved; "
        "the database is as it was. Free some space and try again.",
    },
    "db_io_error": {
        "nb": "Disken svarte med en feil da databasen {path} skulle leses eller skrives. Ingenting "
        "er lagret. Sjekk disken (eller minnepinnen) og prøv igjen.",
        "en": "The disk answered with an error when the database {path} was read or written. "
        "Nothing was saved. Check the disk (or memory stick) and try again.",
    },
    "db_damaged_record": {
        "nb": "En post i databasen {path} kan ikke leses: tabellen «{table}», rad {row}: {what}. "
        "Resten av databasen kan brukes; hent tilbake en sikkerhetskopi for å rette denne.",
        "en": "A record in the database {path} cannot be read: table «{table}», row {row}: {what}. "
        "The rest of the database can be used; restore a backup to repair this one.",
    },
    "db_missing_table": {
        "nb": "Databasen {path} mangler tabellen «{table}» (filen er skadet). Det som bruker den, "
        "virker ikke; resten kan brukes. Hent tilbake en sikkerhetskopi.",
        "en": "The database {path} has no table «{table}» (the file is damaged). What uses it does "
        "not work; the rest can be used. Restore a backup.",
    },
    "db_bad_value": {
        "nb": "«{column}» har verdien «{value}», som ikke er {expected}",
        "en": "«{column}» holds «{value}», which is not {expected}",
    },
    "db_expected_choice": {"nb": "en av {choices}", "en": "one of {choices}"},
    "db_expected_date": {"nb": "en dato", "en": "a date"},
    "db_expected_time": {"nb": "et tidspunkt", "en": "a point in time"},
    "db_expected_number": {"nb": "et tall", "en": "a number"},
    "db_expected_json": {"nb": "gyldig JSON", "en": "valid JSON"},
    "db_expected_text": {"nb": "tekst", "en": "text"},
    "db_missing_table_short": {"nb": "tabellen mangler", "en": "the table is missing"},
    "file_disk_full": {
        "nb": "Disken er full: {path} ble ikke skrevet, og ingen halvferdig fil er igjen. "
        "Frigjør plass og prøv igjen.",
        "en": "The disk is full: {path} was not written, and no half-written file is left. "
        "Free some space and try again.",
    },
    "file_cannot_write": {
        "nb": "Kan ikke skrive {path} ({reason}); ingen halvferdig fil er igjen.",
        "en": "Cannot write {path} ({reason}); no half-written file is left.",
    },
    "attested_changed": {
        "nb": "Den attesterte timelisten for {period} (versjon {version}) er endret etter at den ble "
        "attestert, og brukes ikke: {what}. Ingenting er vist, skrevet ut, eksportert eller sendt fra den. "
        "Hent tilbake en sikkerhetskopi av databasen {path}.",
        "en": "The attested timesheet for {period} (version {version}) has been changed since it was "
        "attested, and is not used: {what}. Nothing has been shown, printed, exported or sent from it. "
        "Restore a backup of the database {path}.",
    },
    "attested_line_differs": {
        "nb": "«{line}» ({code}) har {content} t i det attesterte innholdet, men {rows} t i de lagrede lønnslinjene",
        "en": "«{line}» ({code}) has {content} h in the attested content, but {rows} h in the stored pay lines",
    },
    "attested_hash_differs": {
        "nb": "innholdet har SHA-256 {actual}…, men ble attestert med {stored}…",
        "en": "the content has SHA-256 {actual}…, but was attested with {stored}…",
    },
    "attested_not_json": {
        "nb": "det lagrede innholdet kan ikke leses (det er ikke gyldig JSON)",
        "en": "the stored content cannot be read (it is not valid JSON)",
    },
    "attested_missing": {"nb": "det attesterte innholdet mangler", "en": "the attested content is missing"},
    "db_migration_failed": {
        "nb": "Oppgraderingen av databasen {path} mislyktes. Ingen endringer er lagret; "
        "en sikkerhetskopi ligger i {backup}.",
        "en": "Upgrading the database {path} failed. No changes were saved; "
        "a backup is in {backup}.",
    },
}
CATALOGUE.update(_data_safety_texts.MESSAGES)


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
