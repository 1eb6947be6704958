"""Words for the enums people see (translated at call time, after the translator is installed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpa_desktop.core.model import AssistantKind, EmployerKind


def assistant_kind_labels() -> dict[AssistantKind, str]:
    return {
        AssistantKind.PERMANENT: QCoreApplication.translate("Labels", "Permanent"),
        AssistantKind.SUBSTITUTE: QCoreApplication.translate("Labels", "Substitute"),
        AssistantKind.ON_CALL: QCoreApplication.translate("Labels", "On-call substitute"),
    }

def employer_kind_labels() -> dict[EmployerKind, str]:
    return {
        EmployerKind.MUNICIPALITY: QCoreApplication.translate("Labels", "Municipality"),
        EmployerKind.PRIVATE_PROVIDER: QCoreApplication.translate("Labels", "Private provider"),
    }
