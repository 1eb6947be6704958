"""Texts about backups, encryption and data rights (nb + en), part of i18n's catalogue.

Kept in their own module so that i18n.py stays small; ``i18n.CATALOGUE`` takes them in.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # the database file
    "db_key_missing": {
        "nb": "Databasen {path} kan ikke leses: den er kryptert og nøkkelen finnes ikke i "
        "nøkkelringen til denne brukeren, eller filen er skadet. Filen er ikke endret. Har du "
        "gjenopprettingskoden, legg den inn med «bpa db unlock».",
        "en": "The database {path} cannot be read: it is encrypted and the key is not in this "
        "user's keyring, or the file is damaged. The file has not been changed. If you have the "
        "recovery code, enter it with “bpa db unlock”.",
    },
    "db_key_wrong": {
        "nb": "Nøkkelen i nøkkelringen åpner ikke databasen {path} (feil nøkkel, eller filen er "
        "skadet). Filen er ikke endret.",
        "en": "The key in the keyring does not open the database {path} (a wrong key, or the "
        "file is damaged). The file has not been changed.",
    },
    "db_encryption_library": {
        "nb": "Databasen {path} kan ikke leses: den er kryptert, og denne installasjonen kan ikke "
        "åpne krypterte filer (sqlcipher3 mangler), eller filen er skadet. Filen er ikke endret.",
        "en": "The database {path} cannot be read: it is encrypted and this installation cannot "
        "open encrypted files (sqlcipher3 is missing), or the file is damaged. The file has not "
        "been changed.",
    },
    "db_encryption_keyring": {
        "nb": "Fant ingen nøkkelring (passordlager) som kan ta vare på nøkkelen. Ingenting er "
        "kryptert.",
        "en": "Found no keyring (password store) that can keep the key. Nothing was encrypted.",
    },
    "db_already": {
        "nb": "Databasen {path} er allerede {state}.",
        "en": "The database {path} is already {state}.",
    },
    "db_state_encrypted": {"nb": "kryptert", "en": "encrypted"},
    "db_state_plain": {"nb": "ukryptert", "en": "not encrypted"},
    "db_recovery_code_bad": {
        "nb": "Gjenopprettingskoden har feil form: 64 tegn 0–9 og A–F, gjerne i grupper på fire.",
        "en": "The recovery code is malformed: 64 characters 0–9 and A–F, in groups of four.",
    },
    # backups
    "backup_corrupt": {
        "nb": "Sikkerhetskopien {path} er skadet og kan ikke brukes ({problem}). Ingenting er "
        "endret; velg en annen kopi.",
        "en": "The backup {path} is damaged and cannot be used ({problem}). Nothing was changed; "
        "choose another copy.",
    },
    "backup_not_found": {
        "nb": "Fant ikke sikkerhetskopien {path}.",
        "en": "The backup {path} was not found.",
    },
    "backup_not_ours": {
        "nb": "Filen {path} er ikke en sikkerhetskopi av en bpa-desktop-database.",
        "en": "The file {path} is not a backup of a bpa-desktop database.",
    },
    "backup_folder_unusable": {
        "nb": "Kan ikke skrive sikkerhetskopier til {path} ({detail}).",
        "en": "Cannot write backups to {path} ({detail}).",
    },
    "backup_db_busy": {
        "nb": "Databasen er i bruk av et annet program; lukk det og prøv igjen. Ingenting er endret.",
        "en": "The database is in use by another program; close it and try again. Nothing was changed.",
    },
    # data rights
    "erase_not_left": {
        "nb": "Assistenten har ikke sluttet (ingen sluttdato); personopplysningene kan ikke slettes.",
        "en": "The assistant has not left (no end date); the personal data cannot be erased.",
    },
    "erase_retention": {
        "nb": "Lønnsopplysningene må oppbevares til og med {until} (bokføringsloven: 5 år etter "
        "utgangen av året med siste lønn). Slett personopplysningene etter det.",
        "en": "The payroll records must be kept until {until} (five years after the end of the "
        "year of the last payroll, as the Bookkeeping Act asks). Erase the personal data after that.",
    },
    "erase_already": {
        "nb": "Personopplysningene til denne assistenten er allerede slettet.",
        "en": "This assistant's personal data has already been erased.",
    },
    "erased_name": {"nb": "Slettet assistent {ref}", "en": "Erased assistant {ref}"},
    "export_all_readme": {
        "nb": "Alle data fra bpa-desktop. data/: én JSON-fil per tabell (én oppføring per rad). "
        "schemas/: JSON-skjemaet til hver fil. pdf/: hver attesterte timeliste som PDF.\n",
        "en": "All data from bpa-desktop. data/: one JSON file per table (one entry per row). "
        "schemas/: the JSON schema of each file. pdf/: every attested timesheet as a PDF.\n",
    },
}
