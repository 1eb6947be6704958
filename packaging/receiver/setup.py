"""Build only the receiver's modules of bpa_desktop (pyproject.toml has the rest).

setuptools puts every module of a listed package in the wheel; the desktop's modules in
bpa_desktop/, bpa_desktop/commands/ and bpa_desktop/sync/ import Qt, ReportLab or keyring, so
outside the receiver's own package only the modules below are kept.
"""

from setuptools import setup
from setuptools.command.build_py import build_py

RECEIVER_PACKAGE = "bpa_desktop.sync.receiver"
SHARED_MODULES = {
    # i18n: the catalogue's loader (resources/catalogue); text_format and message: dates, numbers
    # and texts kept to be told later (protocol errors); atomic_write: the bundle file
    "bpa_desktop": {"__init__", "i18n", "text_format", "message", "atomic_write"},
    "bpa_desktop.commands": {"__init__", "cli_language", "common", "receiver"},
    "bpa_desktop.resources": {"__init__"},
    "bpa_desktop.sync": {"__init__", "protocol", "protocol_v2", "signing", "bundle"},
}


class ReceiverModulesOnly(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        if package == RECEIVER_PACKAGE or package.startswith(RECEIVER_PACKAGE + "."):
            return modules
        keep = SHARED_MODULES.get(package, set())
        return [module for module in modules if module[1] in keep]


setup(cmdclass={"build_py": ReceiverModulesOnly})
