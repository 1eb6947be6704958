; Inno Setup script for the Windows installer (NOT BUILT HERE: the project's CI runs on Linux).
; On a Windows machine with Python 3.11+ and Inno Setup 6:
;   py -m venv .venv && .venv\Scripts\pip install ".[receiver,encryption]" pyinstaller
;   magick resources\icons\hicolor\256x256\apps\no.bpa_desktop.BpaDesktop.png packaging\windows\bpa-desktop.ico
;   .venv\Scripts\pyinstaller --noconfirm packaging\bpa-desktop.spec
;   iscc packaging\windows\bpa-desktop.iss        -> dist\bpa-desktop-0.1.0-setup.exe
; Installs per user (no administrator needed); the data folder (%LOCALAPPDATA%\bpa-desktop) is
; never touched by the installer or the uninstaller.
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1F3A52-8E0B-4B7D-9F51-2B3C4D5E6F70}
AppName=BPA Desktop
AppVersion={#AppVersion}
AppPublisher=The bpa-desktop authors
DefaultDirName={localappdata}\Programs\bpa-desktop
DefaultGroupName=BPA Desktop
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=bpa-desktop-{#AppVersion}-setup
LicenseFile=..\..\LICENSE
SetupIconFile=bpa-desktop.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\bpa-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\BPA Desktop"; Filename: "{app}\bpa-desktop.exe"
Name: "{userdesktop}\BPA Desktop"; Filename: "{app}\bpa-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\bpa-desktop.exe"; Description: "{cm:LaunchProgram,BPA Desktop}"; Flags: nowait postinstall skipifsilent
