"""ws.encryption: encrypt or decrypt the open database (and its copies) in place; the recovery code.

The file is converted with every connection closed (``Database.swap_file``) and reopened with
the key; storage/encryption.py does the conversion and keeps the key in the keyring. Encrypting
also encrypts the copies already in the backup folders, so no plain copy of the data is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpa_desktop import overview_snapshot
from bpa_desktop.i18n import message
from bpa_desktop.storage import encryption
from bpa_desktop.storage.errors import DatabaseError
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.backups import Backups
from bpa_desktop.workspace.errors import WorkspaceError


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    library: bool  # sqlcipher3 is installed
    key_in_keyring: bool


class Encryption:
    def __init__(self, db: Database, backups: Backups) -> None:
        self._db = db
        self._backups = backups

    def status(self) -> EncryptionStatus:
        return EncryptionStatus(encryption.is_encrypted(self._db.path), encryption.available(),
                                encryption.stored_key() is not None)

    def encrypt(self) -> int:
        """Encrypt the database and every plain copy of it; returns how many copies were encrypted."""
        return self._convert(encrypt=True)

    def decrypt(self) -> int:
        """Decrypt the database (its copies stay encrypted and still open with the key)."""
        return self._convert(encrypt=False)

    def recovery_code(self) -> str:
        key = encryption.stored_key()
        if key is None:
            raise WorkspaceError(message("db_key_missing", path=self._db.path))
        return encryption.recovery_code(key)

    def _convert(self, *, encrypt: bool) -> int:
        path = self._db.path
        if encryption.is_encrypted(path) == encrypt:
            state = message("db_state_encrypted" if encrypt else "db_state_plain")
            raise WorkspaceError(message("db_already", path=path, state=state))
        overview_snapshot.discard(path)  # no personal data in plain text beside an encrypted file
        try:
            self._db.swap_file(lambda: encryption.convert(path, encrypt=encrypt))
            converted = 0
            if encrypt:
                for copy in self._backups.list():
                    if not encryption.is_encrypted(copy.path):
                        encryption.convert(copy.path, encrypt=True)
                        converted += 1
        except DatabaseError as error:
            raise WorkspaceError(str(error)) from None
        with self._db.write() as uow:
            uow.audit("encrypt" if encrypt else "decrypt", "database", None, None, f"{converted} copies encrypted")
        return converted
