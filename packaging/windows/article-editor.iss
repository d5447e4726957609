; Inno Setup script: a per-user or per-machine installer over dist\article-editor\ that
; registers the .article file type. Build the app first (python packaging\build.py --clean),
; then:  iscc packaging\windows\article-editor.iss   ->  dist\article-editor-<version>-setup.exe
; The version is read from the built article-editor.exe, whose version resource the build
; stamps from editor.__version__; nothing here spells it.

#define AppExe "article-editor.exe"
#define AppDir "..\..\dist\article-editor"
#define AppVersion GetStringFileInfo(AddBackslash(AppDir) + AppExe, "ProductVersion")

[Setup]
AppId={{6E0F6C1B-3B7A-4E7E-9C5A-A27C1E5A0B11}
AppName=Article Editor
AppVersion={#AppVersion}
AppPublisher=SisaCatch
VersionInfoVersion={#GetFileVersion(AddBackslash(AppDir) + AppExe)}
DefaultDirName={autopf}\Article Editor
DefaultGroupName=Article Editor
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=article-editor-{#AppVersion}-setup
Compression=lzma2/ultra64
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Article Editor"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\Article Editor"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .article -> ArticleEditor.Document, opened by article-editor.exe "%1"
Root: HKA; Subkey: "Software\Classes\.article"; ValueType: string; ValueName: ""; ValueData: "ArticleEditor.Document"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.article"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-article-editor"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ArticleEditor.Document"; ValueType: string; ValueName: ""; ValueData: "Article Editor document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ArticleEditor.Document\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\ArticleEditor.Document\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".article"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Article Editor}"; Flags: nowait postinstall skipifsilent
