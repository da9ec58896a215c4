<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account</name>
    <message>
        <source>field &apos;%1&apos;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein</translation>
    </message>
    <message>
        <source>must be an ISO 8601 timestamp such as 2024-05-01T12:00:00.000Z</source>
        <translation>muss ein ISO-8601-Zeitstempel wie 2024-05-01T12:00:00.000Z sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>unknown error kind</source>
        <translation>unbekannte Fehlerart</translation>
    </message>
    <message>
        <source>entry %1 must be an object</source>
        <translation>Eintrag %1 muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown token state</source>
        <translation>unbekannter Token-Zustand</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>must start with https:// or http://</source>
        <translation>muss mit https:// oder http:// beginnen</translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>must be 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>muss aus 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“ bestehen</translation>
    </message>
    <message>
        <source>must not start or end with spaces</source>
        <translation>darf nicht mit Leerzeichen beginnen oder enden</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Add an account at a provider</source>
        <translation>Ein Konto bei einem Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Edit the selected account</source>
        <translation>Das ausgewählte Konto bearbeiten</translation>
    </message>
    <message>
        <source>Add a copy of the selected account</source>
        <translation>Eine Kopie des ausgewählten Kontos hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected account and its keychain entries</source>
        <translation>Das ausgewählte Konto und seine Schlüsselbund-Einträge entfernen</translation>
    </message>
    <message>
        <source>Log in with the stored credential</source>
        <translation>Mit den gespeicherten Zugangsdaten anmelden</translation>
    </message>
    <message>
        <source>Get a new token now</source>
        <translation>Jetzt ein neues Token holen</translation>
    </message>
    <message>
        <source>Forget the tokens, keep the credential</source>
        <translation>Die Tokens verwerfen, die Zugangsdaten behalten</translation>
    </message>
    <message>
        <source>Log &amp;in all</source>
        <translation>A&amp;lle anmelden</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Copy a valid token to the clipboard</source>
        <translation>Ein gültiges Token in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;header line</source>
        <translation>&amp;Header-Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy the whole header line, such as &quot;Authorization: Bearer …&quot;</source>
        <translation>Die ganze Header-Zeile kopieren, etwa „Authorization: Bearer …“</translation>
    </message>
    <message>
        <source>Cop&amp;y as curl</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <source>Copy a curl command line that sends the header</source>
        <translation>Eine curl-Befehlszeile kopieren, die den Header sendet</translation>
    </message>
    <message>
        <source>%1 failed for %2: %3</source>
        <translation>%1 für %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>(Provider said: %1)</source>
        <translation>(Antwort des Anbieters: %1)</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot;? Its API key or password and its tokens are deleted from the keychain.</source>
        <translation>Das Konto „%1“ entfernen? Sein API-Schlüssel oder Passwort und seine Tokens werden aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n accounts (%1)? Their credentials and tokens are deleted from the keychain.</source>
        <translation>
            <numerusform>%n Konto entfernen (%1)? Seine Zugangsdaten und Tokens werden aus dem Schlüsselbund gelöscht.</numerusform>
            <numerusform>%n Konten entfernen (%1)? Ihre Zugangsdaten und Tokens werden aus dem Schlüsselbund gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Could not remove the keychain entries: %1 The account was kept.</source>
        <translation>Die Schlüsselbund-Einträge konnten nicht entfernt werden: %1 Das Konto wurde behalten.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <comment>account</comment>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <comment>account</comment>
        <translation>&amp;Duplizieren…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <comment>account</comment>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <comment>account</comment>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <comment>get a new token</comment>
        <translation>Er&amp;neuern</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <comment>account</comment>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Login</source>
        <comment>the operation that failed</comment>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>the operation that failed</comment>
        <translation>Erneuerung</translation>
    </message>
    <message>
        <source>Logout</source>
        <comment>the operation that failed</comment>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>button: remove the accounts</comment>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Copy</source>
        <comment>the operation that failed</comment>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Token</source>
        <comment>what was copied</comment>
        <translation>Token</translation>
    </message>
    <message>
        <source>Header line</source>
        <comment>what was copied</comment>
        <translation>Header-Zeile</translation>
    </message>
    <message>
        <source>curl command</source>
        <comment>what was copied</comment>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <source>Log in every account shown in the list (with a filter: its matches) that is not logged in</source>
        <translation>Jedes in der Liste gezeigte Konto anmelden, das nicht angemeldet ist (mit Filter: nur die Treffer)</translation>
    </message>
    <message numerus="yes">
        <source>Logging in %n account(s) shown by the filter; the hidden ones are left alone.</source>
        <translation>
            <numerusform>%n vom Filter gezeigtes Konto wird angemeldet; die ausgeblendeten bleiben unberührt.</numerusform>
            <numerusform>%n vom Filter gezeigte Konten werden angemeldet; die ausgeblendeten bleiben unberührt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log in all: %n account(s) without a stored API key or password skipped. To enter one, select the account and log in (Ctrl+L).</source>
        <translation>
            <numerusform>Alle anmelden: %n Konto ohne gespeicherten API-Schlüssel oder Passwort übersprungen. Um ihn einzugeben, wählen Sie das Konto aus und melden Sie es an (Strg+L).</numerusform>
            <numerusform>Alle anmelden: %n Konten ohne gespeicherten API-Schlüssel oder Passwort übersprungen. Um einen einzugeben, wählen Sie das Konto aus und melden Sie es an (Strg+L).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit Account “%1”</source>
        <translation>Konto „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (nicht installiert)</translation>
    </message>
    <message>
        <source>This provider profile is not installed. Choose another provider.</source>
        <translation>Dieses Anbieterprofil ist nicht installiert. Wählen Sie einen anderen Anbieter.</translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <extracomment>%1 is &quot;API key&quot; or &quot;Password&quot;; keep a mnemonic (&amp;)</extracomment>
        <translation>&amp;%1:</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>%1 host of %2</source>
        <extracomment>%1 is a known host&apos;s label, e.g. &quot;Integration&quot;; %2 the provider&apos;s name</extracomment>
        <translation>Host „%1“ von %2</translation>
    </message>
    <message>
        <source>Hide what you typed</source>
        <translation>Eingabe verbergen</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Correct the fields marked above to test the login.</source>
        <translation>Korrigieren Sie die oben markierten Felder, um die Anmeldung zu testen.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>&amp;Test Login</source>
        <translation>Anmeldung &amp;testen</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>An&amp;bieter:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>e.g. prod-kyc</source>
        <translation>z. B. prod-kyc</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>Allow &amp;insecure http:// for this account</source>
        <translation>Unsicheres http:// für dieses Konto &amp;erlauben</translation>
    </message>
    <message>
        <source>Allow insecure http</source>
        <translation>Unsicheres http erlauben</translation>
    </message>
    <message>
        <source>Warning: over http:// the credential and the tokens travel unencrypted; anyone on the network path can read them.</source>
        <translation>Warnung: Über http:// werden Zugangsdaten und Tokens unverschlüsselt übertragen; jeder auf dem Netzwerkweg kann sie mitlesen.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Use&amp;rname:</source>
        <translation>Benut&amp;zername:</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>Angemeldet b&amp;leiben</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>When the token expires, log in again automatically with the stored credential.</source>
        <translation>Wenn das Token abläuft, automatisch mit den gespeicherten Zugangsdaten neu anmelden.</translation>
    </message>
    <message>
        <source>Test login</source>
        <translation>Anmeldung testen</translation>
    </message>
    <message>
        <source>Log in with what is typed here and show the result. Saves nothing.</source>
        <translation>Mit den hier eingegebenen Daten anmelden und das Ergebnis zeigen. Speichert nichts.</translation>
    </message>
    <message>
        <source>Test login result</source>
        <translation>Ergebnis der Testanmeldung</translation>
    </message>
    <message>
        <source>Enter a name for the account.</source>
        <translation>Geben Sie einen Namen für das Konto ein.</translation>
    </message>
    <message>
        <source>Choose another name: “%1” is already used by another account.</source>
        <translation>Wählen Sie einen anderen Namen: „%1“ wird bereits von einem anderen Konto verwendet.</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s base URL, e.g. https://api.example.com.</source>
        <translation>Geben Sie die Basis-URL des Anbieters ein, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (or http://).</source>
        <translation>Die Basis-URL muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>Enter a complete URL with a host, e.g. https://api.example.com.</source>
        <translation>Geben Sie eine vollständige URL mit Host ein, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>Remove the user name or password from the URL; they have their own fields.</source>
        <translation>Entfernen Sie Benutzername oder Passwort aus der URL; dafür gibt es eigene Felder.</translation>
    </message>
    <message>
        <source>The base URL must not contain a “?” query or a “#” fragment.</source>
        <translation>Die Basis-URL darf keine „?“-Abfrage und kein „#“-Fragment enthalten.</translation>
    </message>
    <message>
        <source>Plain http:// to another machine: use https://, or tick “Allow insecure http://” below.</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner: Verwenden Sie https:// oder setzen Sie unten „Unsicheres http:// erlauben“.</translation>
    </message>
    <message>
        <source>This account&apos;s provider profile is not installed. Choose a provider.</source>
        <translation>Das Anbieterprofil dieses Kontos ist nicht installiert. Wählen Sie einen Anbieter.</translation>
    </message>
    <message>
        <source>Enter the username.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Needs a username and password.</source>
        <translation>Benötigt Benutzername und Passwort.</translation>
    </message>
    <message>
        <source>Needs an API key.</source>
        <translation>Benötigt einen API-Schlüssel.</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <comment>time left</comment>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <comment>time left</comment>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <comment>time left</comment>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <extracomment>time left: hours and minutes</extracomment>
        <translation>in %1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <comment>time left</comment>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Login OK — token expiry unknown.</source>
        <translation>Anmeldung OK – Ablauf des Tokens unbekannt.</translation>
    </message>
    <message>
        <source>Login OK — but the token already expired at %1. Check this computer&apos;s clock.</source>
        <translation>Anmeldung OK – aber das Token ist bereits um %1 abgelaufen. Prüfen Sie die Uhr dieses Rechners.</translation>
    </message>
    <message>
        <source>Login OK — token valid until %1 (%2).</source>
        <extracomment>%1 is a clock time (&quot;14:05&quot;), %2 a relative time (&quot;in 59 min&quot;)</extracomment>
        <translation>Anmeldung OK – Token gültig bis %1 (%2).</translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation>(HTTP %1)</translation>
    </message>
    <message>
        <source>The provider said: “%1”</source>
        <translation>Antwort des Anbieters: „%1“</translation>
    </message>
    <message>
        <source>Save</source>
        <comment>button: save the account</comment>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Secret</source>
        <comment>credential of an unknown provider</comment>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored secret</source>
        <translation>Leer lassen, um das gespeicherte Geheimnis zu behalten</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored API key</source>
        <translation>Leer lassen, um den gespeicherten API-Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>Leer lassen, um das gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <comment>the typed credential</comment>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <comment>the typed credential</comment>
        <translation>Zei&amp;gen</translation>
    </message>
    <message>
        <source>Type the API key to test the login; the stored one is not read here.</source>
        <translation>Geben Sie den API-Schlüssel ein, um die Anmeldung zu testen; der gespeicherte wird hier nicht gelesen.</translation>
    </message>
    <message>
        <source>Type the password to test the login; the stored one is not read here.</source>
        <translation>Geben Sie das Passwort ein, um die Anmeldung zu testen; das gespeicherte wird hier nicht gelesen.</translation>
    </message>
    <message>
        <source>Enter the API key to test the login.</source>
        <translation>Geben Sie den API-Schlüssel ein, um die Anmeldung zu testen.</translation>
    </message>
    <message>
        <source>Enter the password to test the login.</source>
        <translation>Geben Sie das Passwort ein, um die Anmeldung zu testen.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <comment>login test</comment>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Provider</source>
        <comment>accessible name</comment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Duplicate Account</source>
        <translation>Konto duplizieren</translation>
    </message>
    <message>
        <source>The base URL now points to another host. The stored password is only sent to %1: enter the password for the new host.</source>
        <extracomment>%1 is the host (and port) the stored secret was saved for</extracomment>
        <translation>Die Basis-URL zeigt jetzt auf einen anderen Host. Das gespeicherte Passwort wird nur an %1 gesendet: Geben Sie das Passwort für den neuen Host ein.</translation>
    </message>
    <message>
        <source>The base URL now points to another host. The stored API key is only sent to %1: enter the API key for the new host.</source>
        <translation>Die Basis-URL zeigt jetzt auf einen anderen Host. Der gespeicherte API-Schlüssel wird nur an %1 gesendet: Geben Sie den API-Schlüssel für den neuen Host ein.</translation>
    </message>
    <message>
        <source>The name must not start with “-”: the command line would read it as an option.</source>
        <translation>Der Name darf nicht mit „-“ beginnen: Die Kommandozeile würde ihn als Option lesen.</translation>
    </message>
    <message>
        <source>Remove the control or invisible characters (line breaks, bidi or zero-width characters) from the name.</source>
        <translation>Entfernen Sie die Steuer- oder unsichtbaren Zeichen (Zeilenumbrüche, Bidi- oder Nullbreitenzeichen) aus dem Namen.</translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Duplicate account</source>
        <translation>Konto duplizieren</translation>
    </message>
    <message>
        <source>The account was not saved: %1</source>
        <translation>Das Konto wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The account was not duplicated: its credential could not be read. %1</source>
        <translation>Das Konto wurde nicht dupliziert: Seine Zugangsdaten konnten nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Enter the credential for %1</source>
        <translation>Zugangsdaten für %1 eingeben</translation>
    </message>
    <message>
        <source>Login failed for %1: %2</source>
        <translation>Anmeldung bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The account was not saved: its base URL is on another host now, so enter its API key or password again.</source>
        <translation>Das Konto wurde nicht gespeichert: Seine Basis-URL liegt jetzt auf einem anderen Host, geben Sie daher den API-Schlüssel oder das Passwort erneut ein.</translation>
    </message>
    <message>
        <source>The old credential and tokens of %1 could not be deleted from the keychain: %2</source>
        <translation>Die alten Zugangsdaten und Tokens von %1 konnten nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>AccountExchange</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Allow insecure http</source>
        <translation>Unsicheres http erlauben</translation>
    </message>
    <message>
        <source>Keep signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
</context>
<context>
    <name>AccountExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The provider profile &quot;%1&quot; has a literal value in its field &apos;login.fields.%2&apos;, which looks like a secret. Replace the value with a placeholder such as {secret} before exporting it.</source>
        <translation>Das Anbieterprofil „%1“ hat im Feld &apos;login.fields.%2&apos; einen festen Wert, der wie ein Geheimnis aussieht. Ersetzen Sie den Wert vor dem Export durch einen Platzhalter wie {secret}.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: these accounts use a provider profile that is not installed here or whose file cannot be read, and a file with them could not be imported anywhere: %1. Repair or reinstall the profile, or name the other accounts to export.</source>
        <translation>Nichts wurde exportiert: Diese Konten verwenden ein Anbieterprofil, das hier nicht installiert ist oder dessen Datei nicht gelesen werden kann, und eine Datei mit ihnen ließe sich nirgends importieren: %1. Reparieren oder installieren Sie das Profil neu, oder nennen Sie die anderen Konten, die exportiert werden sollen.</translation>
    </message>
    <message>
        <source>it is neither a regular file nor a pipe or character device</source>
        <translation>es ist weder eine reguläre Datei noch eine Pipe oder ein zeichenorientiertes Gerät</translation>
    </message>
</context>
<context>
    <name>AccountFile</name>
    <message>
        <source>TokenDesk has left it unchanged and will not save account changes until it is fixed or moved away.</source>
        <translation>TokenDesk hat sie unverändert gelassen und speichert keine Kontoänderungen, bis sie repariert oder verschoben ist.</translation>
    </message>
    <message>
        <source>The account file %1 has a broken account entry (account %2): %3. %4</source>
        <translation>Die Kontodatei %1 enthält einen fehlerhaften Kontoeintrag (Konto %2): %3. %4</translation>
    </message>
    <message>
        <source>The account file %1 could not be read: %2. %3</source>
        <translation>Die Kontodatei %1 konnte nicht gelesen werden: %2. %3</translation>
    </message>
    <message>
        <source>The account file %1 is not valid JSON (%2 at byte %3). %4</source>
        <translation>Die Kontodatei %1 ist kein gültiges JSON (%2 bei Byte %3). %4</translation>
    </message>
    <message>
        <source>The account file %1 is not an account list (expected a JSON object). %2</source>
        <translation>Die Kontodatei %1 ist keine Kontoliste (erwartet wird ein JSON-Objekt). %2</translation>
    </message>
    <message>
        <source>The account file %1 has no valid &quot;version&quot; field. %2</source>
        <translation>Die Kontodatei %1 hat kein gültiges Feld „version“. %2</translation>
    </message>
    <message>
        <source>The account file %1 was written by a newer version of TokenDesk (format %2; this version reads up to format %3). %4</source>
        <translation>Die Kontodatei %1 wurde von einer neueren TokenDesk-Version geschrieben (Format %2; diese Version liest bis Format %3). %4</translation>
    </message>
    <message>
        <source>The account file %1 could not be upgraded: %2. %3</source>
        <translation>Die Kontodatei %1 konnte nicht aktualisiert werden: %2. %3</translation>
    </message>
    <message>
        <source>The account file %1 has no &quot;accounts&quot; list. %2</source>
        <translation>Die Kontodatei %1 hat keine Liste „accounts“. %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the id &apos;%1&apos; is used by account %2 too</source>
        <translation>die ID „%1“ wird auch von Konto %2 verwendet</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is used by account %2 too</source>
        <translation>der Name „%1“ wird auch von Konto %2 verwendet</translation>
    </message>
    <message>
        <source>format version %1 is not supported (this version reads format %2)</source>
        <translation>Formatversion %1 wird nicht unterstützt (diese Version liest Format %2)</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the account file.</source>
        <translation>Der Ordner %1 für die Kontodatei konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not save the account file %1: %2.</source>
        <translation>Die Kontodatei %1 konnte nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>could not restrict its permissions</source>
        <translation>ihre Zugriffsrechte konnten nicht eingeschränkt werden</translation>
    </message>
</context>
<context>
    <name>AccountImport</name>
    <message>
        <source>the file is larger than %1 MiB; it is not a TokenDesk export</source>
        <translation>die Datei ist größer als %1 MiB; sie ist kein TokenDesk-Export</translation>
    </message>
    <message>
        <source>not valid JSON (at byte %1: %2); the file may be truncated or not an export</source>
        <translation>kein gültiges JSON (bei Byte %1: %2); die Datei ist vielleicht abgeschnitten oder kein Export</translation>
    </message>
    <message>
        <source>the file must hold a JSON object</source>
        <translation>die Datei muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>is missing: this is not a TokenDesk export file</source>
        <translation>fehlt: Dies ist keine TokenDesk-Exportdatei</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;: this is not a TokenDesk export file</source>
        <translation>muss „%1“ sein: Dies ist keine TokenDesk-Exportdatei</translation>
    </message>
    <message>
        <source>is missing or not a whole number</source>
        <translation>fehlt oder ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is newer than this TokenDesk reads (%2); update TokenDesk</source>
        <translation>%1 ist neuer, als dieses TokenDesk lesen kann (%2); aktualisieren Sie TokenDesk</translation>
    </message>
    <message>
        <source>%1 is not supported (this TokenDesk reads %2)</source>
        <translation>%1 wird nicht unterstützt (dieses TokenDesk liest %2)</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a list of accounts</source>
        <translation>muss eine Liste von Konten sein</translation>
    </message>
    <message>
        <source>must be an account object</source>
        <translation>muss ein Kontoobjekt sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is also the name of accounts[%2]; names must be unique</source>
        <translation>„%1“ ist auch der Name von accounts[%2]; Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… und %n weiteres Problem</numerusform>
            <numerusform>… und %n weitere Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>must be a list of provider profiles</source>
        <translation>muss eine Liste von Anbieterprofilen sein</translation>
    </message>
    <message>
        <source>must be a provider profile object</source>
        <translation>muss ein Anbieterprofil-Objekt sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in provider; a file cannot replace it</source>
        <translation>„%1“ ist ein eingebauter Anbieter; eine Datei kann ihn nicht ersetzen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is also the id of providers[%2]</source>
        <translation>„%1“ ist auch die ID von providers[%2]</translation>
    </message>
    <message>
        <source>must be a URL such as &quot;https://api.example.com&quot;</source>
        <translation>muss eine URL wie „https://api.example.com“ sein</translation>
    </message>
    <message>
        <source>not a URL: &quot;%1&quot;</source>
        <translation>keine URL: „%1“</translation>
    </message>
    <message>
        <source>must start with https:// or http://</source>
        <translation>muss mit https:// oder http:// beginnen</translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>a shared file must not carry secrets; remove this field</source>
        <translation>eine weitergegebene Datei darf keine Geheimnisse enthalten; entfernen Sie dieses Feld</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must not start or end with spaces</source>
        <translation>darf nicht mit Leerzeichen beginnen oder enden</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;; it is neither built in, nor installed here, nor in the file&apos;s &quot;providers&quot;</source>
        <translation>unbekannter Anbieter „%1“; er ist weder eingebaut noch hier installiert noch in „providers“ der Datei</translation>
    </message>
    <message>
        <source>is missing; the provider &quot;%1&quot; logs in with a username and password</source>
        <translation>fehlt; der Anbieter „%1“ meldet mit Benutzername und Passwort an</translation>
    </message>
    <message>
        <source>holds %1 provider profiles; a file may bring at most %2</source>
        <translation>enthält %1 Anbieterprofile; eine Datei darf höchstens %2 mitbringen</translation>
    </message>
    <message>
        <source>holds %1 accounts; a file may bring at most %2</source>
        <translation>enthält %1 Konten; eine Datei darf höchstens %2 mitbringen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not start with &apos;-&apos; (the command line would read it as an option)</source>
        <translation>„%1“ darf nicht mit „-“ beginnen (die Kommandozeile würde es als Option lesen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain control characters or invisible formatting characters (line breaks, escape sequences, bidi or zero-width characters)</source>
        <translation>„%1“ darf keine Steuerzeichen oder unsichtbaren Formatierungszeichen enthalten (Zeilenumbrüche, Escape-Sequenzen, Bidi- oder Nullbreitenzeichen)</translation>
    </message>
</context>
<context>
    <name>AccountLock</name>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Another TokenDesk process is still renewing this account; gave up after %n second(s). Try again shortly.</source>
        <translation>
            <numerusform>Ein anderer TokenDesk-Prozess erneuert dieses Konto noch; nach %n Sekunde aufgegeben. Versuchen Sie es gleich noch einmal.</numerusform>
            <numerusform>Ein anderer TokenDesk-Prozess erneuert dieses Konto noch; nach %n Sekunden aufgegeben. Versuchen Sie es gleich noch einmal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Refresh expires in</source>
        <translation>Refresh-Restzeit</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>days and hours left</comment>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1
Provider said: %2</source>
        <translation>%1
Antwort des Anbieters: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>expiry</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>column</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <comment>column</comment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>User</source>
        <comment>column</comment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>State</source>
        <comment>column: token state</comment>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Expires in</source>
        <comment>column: the access token&apos;s countdown</comment>
        <translation>Restzeit</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>An account with the id %1 already exists.</source>
        <translation>Ein Konto mit der ID %1 existiert bereits.</translation>
    </message>
    <message>
        <source>There is no account with the id %1.</source>
        <translation>Es gibt kein Konto mit der ID %1.</translation>
    </message>
    <message>
        <source>Could not lock the account file %1 (%2). Check the folder&apos;s permissions.</source>
        <translation>Die Kontodatei %1 konnte nicht gesperrt werden (%2). Prüfen Sie die Zugriffsrechte des Ordners.</translation>
    </message>
    <message>
        <source>The account file %1 is being changed by another TokenDesk process. Try again in a moment.</source>
        <translation>Die Kontodatei %1 wird gerade von einem anderen TokenDesk-Prozess geändert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot be saved: %2</source>
        <translation>Das Konto „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>Ein Konto namens „%1“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; no longer exists; another TokenDesk window or the command line may have removed it.</source>
        <translation>Das Konto „%1“ existiert nicht mehr; ein anderes TokenDesk-Fenster oder die Kommandozeile hat es vielleicht entfernt.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot change its id.</source>
        <translation>Die ID des Kontos „%1“ kann nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Wrong credentials: the provider rejected the API key, username or password. Check them in the account settings.</source>
        <translation>Falsche Zugangsdaten: Der Anbieter hat API-Schlüssel, Benutzername oder Passwort abgelehnt. Prüfen Sie sie in den Kontoeinstellungen.</translation>
    </message>
    <message>
        <source>Password expired — change it at the provider, then update it here.</source>
        <translation>Passwort abgelaufen – ändern Sie es beim Anbieter und aktualisieren Sie es dann hier.</translation>
    </message>
    <message>
        <source>This user is not verified yet. Finish the provider&apos;s verification, then log in again.</source>
        <translation>Dieser Benutzer ist noch nicht verifiziert. Schließen Sie die Verifizierung beim Anbieter ab und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The provider refused the request as incomplete or invalid. Check the account&apos;s username and secret.</source>
        <translation>Der Anbieter hat die Anfrage als unvollständig oder ungültig abgelehnt. Prüfen Sie Benutzername und Geheimnis des Kontos.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asks to wait before trying again.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, vor einem neuen Versuch zu warten.</translation>
    </message>
    <message>
        <source>Could not reach the provider. Check the base URL and your network connection.</source>
        <translation>Der Anbieter ist nicht erreichbar. Prüfen Sie die Basis-URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The secure connection failed: the provider&apos;s certificate was not accepted. No credential was sent.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: Das Zertifikat des Anbieters wurde nicht akzeptiert. Es wurden keine Zugangsdaten gesendet.</translation>
    </message>
    <message>
        <source>The provider did not answer in time. Try again later or raise the network timeout.</source>
        <translation>Der Anbieter hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut oder erhöhen Sie das Netzwerk-Zeitlimit.</translation>
    </message>
    <message>
        <source>The provider reported an error on its side. Try again later.</source>
        <translation>Der Anbieter hat einen Fehler auf seiner Seite gemeldet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer could not be understood. Check the base URL and provider type.</source>
        <translation>Die Antwort des Anbieters war unverständlich. Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>Refused to send credentials over plain http:// to a host that is not this machine. Use https://, or allow insecure http for this account.</source>
        <translation>Zugangsdaten werden nicht über unverschlüsseltes http:// an einen anderen Rechner gesendet. Verwenden Sie https:// oder erlauben Sie unsicheres http für dieses Konto.</translation>
    </message>
    <message>
        <source>The provider rejected the refresh token. Log in again.</source>
        <translation>Der Anbieter hat das Refresh-Token abgelehnt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The system keychain is not available. Unlock it or start a Secret Service, then try again.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar. Entsperren Sie ihn oder starten Sie einen Secret Service und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No API key or password was found for this account in the keychain. If the keychain is locked, unlock it; otherwise edit the account and enter the secret again.</source>
        <translation>Für dieses Konto wurde kein API-Schlüssel und kein Passwort im Schlüsselbund gefunden. Ist der Schlüsselbund gesperrt, entsperren Sie ihn; andernfalls bearbeiten Sie das Konto und geben das Geheimnis erneut ein.</translation>
    </message>
    <message>
        <source>The account&apos;s configuration is not usable.</source>
        <translation>Die Konfiguration des Kontos ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AuthHeaderAnswer</name>
    <message>
        <source>The provider&apos;s answer was empty. Check the base URL and provider type.</source>
        <translation>Die Antwort des Anbieters war leer. Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider answered with a web page instead of JSON. Check the base URL: it should point at the API, not a website or login page.</source>
        <translation>Der Anbieter hat mit einer Webseite statt mit JSON geantwortet. Prüfen Sie die Basis-URL: Sie sollte auf die API zeigen, nicht auf eine Website oder Anmeldeseite.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is not valid JSON (%1). It may have been cut off; try again.</source>
        <translation>Die Antwort des Anbieters ist kein gültiges JSON (%1). Sie wurde vielleicht abgeschnitten; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The provider&apos;s list of auth headers is not a list. Check the base URL and provider type.</source>
        <translation>Die Liste der Auth-Header des Anbieters ist keine Liste. Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer to adding an auth header is not a JSON object. Check the provider&apos;s list: the header may have been created anyway.</source>
        <translation>Die Antwort des Anbieters auf das Hinzufügen eines Auth-Headers ist kein JSON-Objekt. Prüfen Sie die Liste beim Anbieter: Der Header wurde vielleicht trotzdem angelegt.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer to adding an auth header has no token. Check the provider&apos;s list: the header may have been created anyway.</source>
        <translation>Die Antwort des Anbieters auf das Hinzufügen eines Auth-Headers enthält kein Token. Prüfen Sie die Liste beim Anbieter: Der Header wurde vielleicht trotzdem angelegt.</translation>
    </message>
    <message>
        <source>The new auth header&apos;s token contains characters a header cannot carry (such as line breaks); it was refused. Delete it at the provider.</source>
        <translation>Das Token des neuen Auth-Headers enthält Zeichen, die ein Header nicht transportieren kann (etwa Zeilenumbrüche); es wurde abgelehnt. Löschen Sie es beim Anbieter.</translation>
    </message>
    <message>
        <source>No auth header with that token exists — it may have been deleted already.</source>
        <translation>Es gibt keinen Auth-Header mit diesem Token – vielleicht wurde er bereits gelöscht.</translation>
    </message>
    <message>
        <source>The provider does not offer auth-header administration at this address (HTTP %1). Check the base URL and the provider type.</source>
        <translation>Der Anbieter bietet unter dieser Adresse keine Verwaltung von Auth-Headern an (HTTP %1). Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider does not allow this user to manage auth headers (HTTP 403).</source>
        <translation>Der Anbieter erlaubt diesem Benutzer nicht, Auth-Header zu verwalten (HTTP 403).</translation>
    </message>
    <message>
        <source>The provider refused the new auth header. Check its name.</source>
        <translation>Der Anbieter hat den neuen Auth-Header abgelehnt. Prüfen Sie seinen Namen.</translation>
    </message>
    <message>
        <source>The provider refused the request as incomplete or invalid.</source>
        <translation>Der Anbieter hat die Anfrage als unvollständig oder ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>The provider reported an error on its side (HTTP %1). Try again later.</source>
        <translation>Der Anbieter hat einen Fehler auf seiner Seite gemeldet (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider answered with an unexpected status (HTTP %1).</source>
        <translation>Der Anbieter hat mit einem unerwarteten Status geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>The provider refused the account&apos;s token for auth-header administration, even after logging in again. Check that this user may manage auth headers.</source>
        <translation>Der Anbieter hat das Token des Kontos für die Verwaltung von Auth-Headern abgelehnt, auch nach erneuter Anmeldung. Prüfen Sie, ob dieser Benutzer Auth-Header verwalten darf.</translation>
    </message>
    <message>
        <source>The new auth header&apos;s token</source>
        <translation>Das Token des neuen Auth-Headers</translation>
    </message>
    <message>
        <source>Delete it at the provider.</source>
        <translation>Löschen Sie es beim Anbieter.</translation>
    </message>
</context>
<context>
    <name>AuthHeaderCall</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The account&apos;s provider type &quot;%1&quot; is unknown: its profile is missing or broken.</source>
        <translation>Der Anbietertyp „%1“ des Kontos ist unbekannt: Sein Profil fehlt oder ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; of account &quot;%2&quot; does not offer auth headers.</source>
        <translation>Der Anbieter „%1“ des Kontos „%2“ bietet keine Auth-Header an.</translation>
    </message>
    <message>
        <source>This account or its provider type no longer exists.</source>
        <translation>Dieses Konto oder sein Anbietertyp existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>AuthHeaderModel</name>
    <message>
        <source>Id</source>
        <comment>auth header id</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>hidden token</source>
        <translation>verborgenes Token</translation>
    </message>
    <message>
        <source>The provider did not say when it was created</source>
        <translation>Der Anbieter hat nicht angegeben, wann er erstellt wurde</translation>
    </message>
    <message>
        <source>Hidden: reveal the row to see the whole token</source>
        <translation>Verborgen: Zeile aufdecken, um das ganze Token zu sehen</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>column</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>column: when the header was created</comment>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Token</source>
        <comment>column</comment>
        <translation>Token</translation>
    </message>
</context>
<context>
    <name>AuthHeaderPanel</name>
    <message>
        <source>Could not load the auth headers.</source>
        <translation>Die Auth-Header konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not add &quot;%1&quot;.</source>
        <translation>„%1“ konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Could not add &quot;%1&quot; to replace &quot;%2&quot;.</source>
        <translation>„%1“ konnte nicht als Ersatz für „%2“ hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Delete the old auth header &quot;%1&quot;? Anything still using it stops working; use the new token there first.</source>
        <translation>Den alten Auth-Header „%1“ löschen? Alles, was ihn noch verwendet, funktioniert dann nicht mehr; setzen Sie dort zuerst das neue Token ein.</translation>
    </message>
    <message>
        <source>Delete the auth header &quot;%1&quot;? Anything still using it stops working.</source>
        <translation>Den Auth-Header „%1“ löschen? Alles, was ihn noch verwendet, funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>Delete auth header</source>
        <translation>Auth-Header löschen</translation>
    </message>
    <message>
        <source>Could not delete &quot;%1&quot;.</source>
        <translation>„%1“ konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is deleted; &quot;%2&quot; replaces it. Its token stays here until you click Done.</source>
        <translation>„%1“ ist gelöscht; „%2“ ersetzt ihn. Sein Token bleibt hier, bis Sie auf Fertig klicken.</translation>
    </message>
    <message>
        <source>Auth header token</source>
        <translation>Auth-Header-Token</translation>
    </message>
    <message>
        <source>Auth header line</source>
        <translation>Auth-Header-Zeile</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; replaces &quot;%2&quot;. Copy the new token, put it where the old one was used, then delete the old header.</source>
        <translation>„%1“ ersetzt „%2“. Kopieren Sie das neue Token, setzen Sie es überall dort ein, wo das alte verwendet wurde, und löschen Sie dann den alten Header.</translation>
    </message>
    <message>
        <source>(Provider said: %1)</source>
        <translation>(Antwort des Anbieters: %1)</translation>
    </message>
    <message>
        <source>Load the list from the provider</source>
        <translation>Die Liste vom Anbieter laden</translation>
    </message>
    <message>
        <source>Create a new auth header</source>
        <translation>Einen neuen Auth-Header anlegen</translation>
    </message>
    <message>
        <source>Show or hide the selected token in full</source>
        <translation>Das ausgewählte Token vollständig zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Copy the selected token</source>
        <translation>Das ausgewählte Token kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;header line</source>
        <translation>Zeile k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the selected token as a whole header line</source>
        <translation>Das ausgewählte Token als ganze Header-Zeile kopieren</translation>
    </message>
    <message>
        <source>Add a header with the same name and today&apos;s date, then delete the old one</source>
        <translation>Einen Header mit demselben Namen und dem heutigen Datum anlegen, dann den alten löschen</translation>
    </message>
    <message>
        <source>Delete the selected auth header</source>
        <translation>Den ausgewählten Auth-Header löschen</translation>
    </message>
    <message>
        <source>Filter auth headers</source>
        <translation>Auth-Header filtern</translation>
    </message>
    <message>
        <source>Filter by name or id</source>
        <translation>Nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>No auth headers yet. Add one for each machine or integration that calls the API: each gets its own token, and deleting it cuts off only that one.</source>
        <translation>Noch keine Auth-Header. Legen Sie einen für jeden Rechner oder jede Integration an, die die API aufruft: Jeder bekommt sein eigenes Token, und wer ihn löscht, sperrt nur diesen einen aus.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Name of the new auth header</source>
        <translation>Name des neuen Auth-Headers</translation>
    </message>
    <message>
        <source>e.g. ci-runner</source>
        <translation>z. B. ci-runner</translation>
    </message>
    <message>
        <source>Create auth header</source>
        <translation>Auth-Header erstellen</translation>
    </message>
    <message>
        <source>Cancel adding</source>
        <translation>Hinzufügen abbrechen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>Copy to&amp;ken</source>
        <translation>To&amp;ken kopieren</translation>
    </message>
    <message>
        <source>Copy the new token</source>
        <translation>Das neue Token kopieren</translation>
    </message>
    <message>
        <source>Copy header &amp;line</source>
        <translation>Header-&amp;Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy the new header line</source>
        <translation>Die neue Header-Zeile kopieren</translation>
    </message>
    <message>
        <source>Delete the &amp;old header…</source>
        <translation>&amp;Alten Header löschen…</translation>
    </message>
    <message>
        <source>Delete the old header</source>
        <translation>Den alten Header löschen</translation>
    </message>
    <message>
        <source>Available once the new token is copied</source>
        <translation>Verfügbar, sobald das neue Token kopiert ist</translation>
    </message>
    <message>
        <source>Close and forget the new token</source>
        <translation>Schließen und das neue Token vergessen</translation>
    </message>
    <message>
        <source>Auth headers</source>
        <translation>Auth-Header</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>button: delete the auth header</comment>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <comment>reload the auth header list</comment>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <comment>auth header</comment>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;veal</source>
        <comment>show the token in full</comment>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <comment>replace the auth header by a new one</comment>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <comment>auth header</comment>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <comment>auth header</comment>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>adding an auth header</comment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>close the new token</comment>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>New auth header &quot;%1&quot;. Copy its token now; Reveal shows it again later.</source>
        <translation>Neuer Auth-Header „%1“. Kopieren Sie sein Token jetzt; „Zeigen“ zeigt es später wieder an.</translation>
    </message>
    <message>
        <source>At the last login the provider said the password has expired, and TokenDesk does not send it again on its own. Change it at the provider, enter the new one in the account settings (F2), then log in (Ctrl+L).</source>
        <translation>Bei der letzten Anmeldung meldete der Anbieter, dass das Passwort abgelaufen ist, und TokenDesk sendet es nicht von sich aus erneut. Ändern Sie es beim Anbieter, geben Sie das neue in den Kontoeinstellungen ein (F2) und melden Sie sich dann an (Strg+L).</translation>
    </message>
    <message>
        <source>At the last login the provider said the user is not verified, and TokenDesk does not log in again on its own. Verify the user at the provider, then log in (Ctrl+L).</source>
        <translation>Bei der letzten Anmeldung meldete der Anbieter, dass der Benutzer nicht verifiziert ist, und TokenDesk meldet sich nicht von sich aus erneut an. Verifizieren Sie den Benutzer beim Anbieter und melden Sie sich dann an (Strg+L).</translation>
    </message>
    <message>
        <source>The provider rejected this account&apos;s API key or password at the last login, and TokenDesk does not send it again on its own. Correct it in the account settings (F2), then log in (Ctrl+L).</source>
        <translation>Der Anbieter hat bei der letzten Anmeldung den API-Schlüssel oder das Passwort dieses Kontos abgelehnt, und TokenDesk sendet es nicht von sich aus erneut. Korrigieren Sie es in den Kontoeinstellungen (F2) und melden Sie sich dann an (Strg+L).</translation>
    </message>
    <message>
        <source>The list loads after the login.</source>
        <translation>Die Liste wird nach der Anmeldung geladen.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter leeren</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>The account name is empty.</source>
        <translation>Der Kontoname ist leer.</translation>
    </message>
    <message>
        <source>The account name must not start or end with spaces.</source>
        <translation>Der Kontoname darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The account name must not start with &apos;-&apos;.</source>
        <translation>Der Kontoname darf nicht mit „-“ beginnen.</translation>
    </message>
    <message>
        <source>The account name must not contain control characters.</source>
        <translation>Der Kontoname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Refusing plain http:// to %1, which is not this machine: the credential would cross the network unencrypted. Use https://, or pass --allow-insecure-http to accept that for this account.</source>
        <translation>Unverschlüsseltes http:// zu %1 wird abgelehnt, denn das ist nicht dieser Rechner: Die Zugangsdaten würden unverschlüsselt durchs Netz gehen. Verwenden Sie https:// oder geben Sie --allow-insecure-http an, um das für dieses Konto zu erlauben.</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists. Choose another name, or remove that account first.</source>
        <translation>Ein Konto namens „%1“ existiert bereits. Wählen Sie einen anderen Namen oder entfernen Sie zuerst dieses Konto.</translation>
    </message>
    <message>
        <source>Say which provider with --provider ID (one of: %1).</source>
        <translation>Geben Sie den Anbieter mit --provider ID an (eines von: %1).</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;. Known providers: %2.</source>
        <translation>Unbekannter Anbieter „%1“. Bekannte Anbieter: %2.</translation>
    </message>
    <message>
        <source>Give the provider&apos;s address with --base-url URL.</source>
        <translation>Geben Sie die Adresse des Anbieters mit --base-url URL an.</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; logs in with a username and password: add --username USER.</source>
        <translation>Der Anbieter „%1“ meldet sich mit Benutzername und Passwort an: Geben Sie --username BENUTZER an.</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; logs in with an API key alone: leave out --username.</source>
        <translation>Der Anbieter „%1“ meldet sich nur mit einem API-Schlüssel an: Lassen Sie --username weg.</translation>
    </message>
    <message>
        <source>%1 for %2: </source>
        <translation>%1 für %2: </translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The account was kept; try again once the keychain is available.</source>
        <translation>Das Konto wurde behalten; versuchen Sie es erneut, sobald der Schlüsselbund verfügbar ist.</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and its keychain entries.</source>
        <translation>Konto „%1“ und seine Schlüsselbund-Einträge wurden entfernt.</translation>
    </message>
    <message>
        <source>Add an account; the API key or password is read from stdin or prompted for.</source>
        <translation>Ein Konto hinzufügen; der API-Schlüssel oder das Passwort wird von der Standardeingabe gelesen oder abgefragt.</translation>
    </message>
    <message>
        <source>A name for the account, unique, e.g. prod-kyc.</source>
        <translation>Ein eindeutiger Name für das Konto, z. B. prod-kyc.</translation>
    </message>
    <message>
        <source>The provider profile (&apos;tokendesk-cli providers&apos; lists them).</source>
        <translation>Das Anbieterprofil („tokendesk-cli providers“ listet sie auf).</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL, e.g. https://api.example.com.</source>
        <translation>Die Basis-URL des Anbieters, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>The username, for providers that log in with one.</source>
        <translation>Der Benutzername, für Anbieter, die sich mit einem anmelden.</translation>
    </message>
    <message>
        <source>Allow a plain http:// base URL to a host other than this machine (the credential travels unencrypted).</source>
        <translation>Eine unverschlüsselte http://-Basis-URL zu einem anderen Rechner erlauben (die Zugangsdaten werden unverschlüsselt übertragen).</translation>
    </message>
    <message>
        <source>Remove an account and its keychain entries.</source>
        <translation>Ein Konto und seine Schlüsselbund-Einträge entfernen.</translation>
    </message>
    <message>
        <source>The account.</source>
        <translation>Das Konto.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Usage: tokendesk-cli %1 COMMAND [ARGS…]</source>
        <translation>Aufruf: tokendesk-cli %1 COMMAND [ARGS…]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;tokendesk-cli %1 COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>„tokendesk-cli %1 COMMAND --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>Valid tokens and header lines for third-party HTTP APIs, from the accounts and keychain entries TokenDesk shares with its window.</source>
        <translation>Gültige Tokens und Header-Zeilen für HTTP-APIs von Drittanbietern, aus den Konten und Schlüsselbund-Einträgen, die TokenDesk mit seinem Fenster teilt.</translation>
    </message>
    <message>
        <source>One of the commands below.</source>
        <translation>Einer der unten aufgeführten Befehle.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of: %2.</source>
        <translation>„%1“ braucht einen von: %2.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1 %2&quot;; use one of: %3.</source>
        <translation>Unbekannter Befehl „%1 %2“; verwenden Sie einen von: %3.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Missing %1.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds from 1 to %1.</source>
        <translation>--timeout erwartet eine Anzahl Sekunden von 1 bis %1.</translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation>Exit-Status:</translation>
    </message>
    <message>
        <source>Run &apos;tokendesk-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>„tokendesk-cli COMMAND --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>No account named &quot;%1&quot;. &apos;tokendesk-cli list&apos; shows the accounts.</source>
        <translation>Kein Konto namens „%1“. „tokendesk-cli list“ zeigt die Konten.</translation>
    </message>
    <message>
        <source>The provider type &quot;%1&quot; of account &quot;%2&quot; is unknown: its profile is missing or broken.</source>
        <translation>Der Anbietertyp „%1“ des Kontos „%2“ ist unbekannt: Sein Profil fehlt oder ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; uses the provider &quot;%2&quot;, which has no auth headers. &apos;tokendesk-cli providers --json&apos; shows which providers do (auth_headers).</source>
        <translation>Das Konto „%1“ verwendet den Anbieter „%2“, der keine Auth-Header hat. „tokendesk-cli providers --json“ zeigt, welche Anbieter welche haben (auth_headers).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The auth header&apos;s name is empty.</source>
        <translation>Der Name des Auth-Headers ist leer.</translation>
    </message>
    <message>
        <source>The auth header&apos;s name must not contain control characters.</source>
        <translation>Der Name des Auth-Headers darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Token of the auth header to delete: </source>
        <translation>Token des zu löschenden Auth-Headers: </translation>
    </message>
    <message>
        <source>The token to delete is empty.</source>
        <translation>Das zu löschende Token ist leer.</translation>
    </message>
    <message>
        <source>Deleted the auth header from &quot;%1&quot;.</source>
        <translation>Der Auth-Header von „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>List the account&apos;s auth headers at the provider (tokens masked; --json: in full).</source>
        <translation>Die Auth-Header des Kontos beim Anbieter auflisten (Tokens maskiert; mit --json vollständig).</translation>
    </message>
    <message>
        <source>Print a JSON array of objects with id, name, created and the full token.</source>
        <translation>Ein JSON-Array von Objekten mit id, name, created und dem vollständigen Token ausgeben.</translation>
    </message>
    <message>
        <source>Create an auth header called LABEL and print its token.</source>
        <translation>Einen Auth-Header namens LABEL anlegen und sein Token ausgeben.</translation>
    </message>
    <message>
        <source>The new auth header&apos;s name.</source>
        <translation>Der Name des neuen Auth-Headers.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with &apos;tokendesk-cli add NAME --provider ID --base-url URL&apos;.</source>
        <translation>Noch keine Konten. Fügen Sie eines mit „tokendesk-cli add NAME --provider ID --base-url URL“ hinzu.</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>BASE URL</source>
        <translation>BASIS-URL</translation>
    </message>
    <message>
        <source>List the accounts with their token state and expiry.</source>
        <translation>Die Konten mit Token-Zustand und Ablauf auflisten.</translation>
    </message>
    <message>
        <source>Print a JSON array of objects.</source>
        <translation>Ein JSON-Array von Objekten ausgeben.</translation>
    </message>
    <message>
        <source>Print only the account names, one per line.</source>
        <translation>Nur die Kontonamen ausgeben, einen pro Zeile.</translation>
    </message>
    <message>
        <source>Provider said: %1</source>
        <translation>Antwort des Anbieters: %1</translation>
    </message>
    <message>
        <source>Try again after %1.</source>
        <translation>Versuchen Sie es nach %1 erneut.</translation>
    </message>
    <message>
        <source>Run &apos;tokendesk-cli --help&apos; for usage.</source>
        <translation>„tokendesk-cli --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>Run &apos;tokendesk-cli %1 --help&apos; for usage.</source>
        <translation>„tokendesk-cli %1 --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>CREDENTIAL</source>
        <translation>ZUGANGSDATEN</translation>
    </message>
    <message>
        <source>RENEWAL</source>
        <translation>ERNEUERUNG</translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>HEADER</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>username + password</source>
        <translation>Benutzername + Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <source>re-login</source>
        <translation>Neuanmeldung</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>List the provider profiles: the built-in presets and your own.</source>
        <translation>Die Anbieterprofile auflisten: die eingebauten Vorlagen und Ihre eigenen.</translation>
    </message>
    <message>
        <source>Print only the provider ids, one per line.</source>
        <translation>Nur die Anbieter-IDs ausgeben, eine pro Zeile.</translation>
    </message>
    <message>
        <source>Could not read the secret from standard input.</source>
        <translation>Das Geheimnis konnte nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <source>The secret on standard input is longer than %1 bytes.</source>
        <translation>Das Geheimnis auf der Standardeingabe ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>No secret on standard input. Pipe the API key or password in, for example: tokendesk-cli add … &lt; keyfile</source>
        <translation>Kein Geheimnis auf der Standardeingabe. Leiten Sie den API-Schlüssel oder das Passwort ein, zum Beispiel: tokendesk-cli add … &lt; keyfile</translation>
    </message>
    <message>
        <source>Could not read the secret from the terminal.</source>
        <translation>Das Geheimnis konnte nicht vom Terminal gelesen werden.</translation>
    </message>
    <message>
        <source>No secret entered.</source>
        <translation>Kein Geheimnis eingegeben.</translation>
    </message>
    <message>
        <source>The provider does not say when the token expires.</source>
        <translation>Der Anbieter gibt nicht an, wann das Token abläuft.</translation>
    </message>
    <message>
        <source>The token is valid until %1 (%2 from now).</source>
        <translation>Das Token ist gültig bis %1 (noch %2).</translation>
    </message>
    <message>
        <source>Log in with the stored credential, even if the token is valid.</source>
        <translation>Mit den gespeicherten Zugangsdaten anmelden, auch wenn das Token gültig ist.</translation>
    </message>
    <message>
        <source>Logged in to &quot;%1&quot;.</source>
        <translation>Bei „%1“ angemeldet.</translation>
    </message>
    <message>
        <source>Renew the token now: with the refresh token, or by logging in where there is none.</source>
        <translation>Das Token jetzt erneuern: mit dem Refresh-Token oder, wo es keins gibt, durch Anmelden.</translation>
    </message>
    <message>
        <source>Renewed the token of &quot;%1&quot;.</source>
        <translation>Das Token von „%1“ wurde erneuert.</translation>
    </message>
    <message>
        <source>Forget the account&apos;s tokens; the stored credential is kept.</source>
        <translation>Die Tokens des Kontos verwerfen; die gespeicherten Zugangsdaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Logged out of &quot;%1&quot;; its credential is kept.</source>
        <translation>Von „%1“ abgemeldet; die Zugangsdaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>--min-valid wants a number of seconds from 0 to %1.</source>
        <translation>--min-valid erwartet eine Anzahl Sekunden von 0 bis %1.</translation>
    </message>
    <message>
        <source>Note: the provider issued a token valid for %1 only, less than --min-valid.</source>
        <translation>Hinweis: Der Anbieter hat ein Token ausgestellt, das nur %1 gültig ist, weniger als --min-valid.</translation>
    </message>
    <message>
        <source>Print a valid token (or header line), logging in or refreshing first if needed.</source>
        <translation>Ein gültiges Token (oder eine Header-Zeile) ausgeben; vorher anmelden oder erneuern, falls nötig.</translation>
    </message>
    <message>
        <source>Print the whole header line, e.g. &apos;Authorization: Bearer …&apos;.</source>
        <translation>Die ganze Header-Zeile ausgeben, z. B. „Authorization: Bearer …“.</translation>
    </message>
    <message>
        <source>Print token, header, expires_at and expires_in as a JSON object.</source>
        <translation>Token, Header, expires_at und expires_in als JSON-Objekt ausgeben.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n account(s)</source>
        <translation>
            <numerusform>%n Konto exportiert</numerusform>
            <numerusform>%n Konten exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s); no secret is in the file.</source>
        <translation>
            <numerusform>%n Anbieterprofil; die Datei enthält kein Geheimnis.</numerusform>
            <numerusform>%n Anbieterprofile; die Datei enthält kein Geheimnis.</numerusform>
        </translation>
    </message>
    <message>
        <source>+ provider %1 (%2)</source>
        <translation>+ Anbieter %1 (%2)</translation>
    </message>
    <message>
        <source>~ provider %1 (%2) differs from the one installed here</source>
        <translation>~ Anbieter %1 (%2) unterscheidet sich vom hier installierten</translation>
    </message>
    <message>
        <source>+ %1 (%2, %3)</source>
        <translation>+ %1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>~ %1: %2</source>
        <translation>~ %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>= %n account(s) already here, unchanged</source>
        <translation>
            <numerusform>= %n Konto bereits vorhanden, unverändert</numerusform>
            <numerusform>= %n Konten bereits vorhanden, unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the file to import.</source>
        <translation>Geben Sie die zu importierende Datei an.</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was changed:</source>
        <translation>%1 kann nicht importiert werden; es wurde nichts geändert:</translation>
    </message>
    <message>
        <source>Nothing imported. Run again with --yes to apply the changes listed above to the existing accounts.</source>
        <translation>Nichts importiert. Rufen Sie den Befehl erneut mit --yes auf, um die oben aufgeführten Änderungen auf die vorhandenen Konten anzuwenden.</translation>
    </message>
    <message>
        <source>Nothing to import: everything in %1 is already here.</source>
        <translation>Nichts zu importieren: Alles aus %1 ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new account(s)</source>
        <translation>
            <numerusform>%n neues Konto importiert</numerusform>
            <numerusform>%n neue Konten importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %n</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>The existing accounts listed with ~ were left as they are; --yes applies those changes.</source>
        <translation>Die mit ~ aufgeführten vorhandenen Konten blieben unverändert; --yes wendet diese Änderungen an.</translation>
    </message>
    <message>
        <source>New accounts have no API key or password yet: &apos;tokendesk-cli credential NAME&apos; stores it (or TokenDesk asks at the first login).</source>
        <translation>Neue Konten haben noch keinen API-Schlüssel und kein Passwort: „tokendesk-cli credential NAME“ speichert sie (oder TokenDesk fragt bei der ersten Anmeldung danach).</translation>
    </message>
    <message>
        <source>API key or password</source>
        <translation>API-Schlüssel oder Passwort</translation>
    </message>
    <message>
        <source>Write accounts and your provider profiles to a file to share, without any secret.</source>
        <translation>Konten und Ihre Anbieterprofile in eine Datei zum Weitergeben schreiben, ohne jedes Geheimnis.</translation>
    </message>
    <message>
        <source>The accounts to export (default: all).</source>
        <translation>Die zu exportierenden Konten (Standard: alle).</translation>
    </message>
    <message>
        <source>Write to FILE instead of stdout.</source>
        <translation>In DATEI statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>Add the accounts of an exported file; --yes also applies its changes to existing ones.</source>
        <translation>Die Konten einer exportierten Datei hinzufügen; --yes wendet auch ihre Änderungen an vorhandenen Konten an.</translation>
    </message>
    <message>
        <source>Also change existing accounts (matched by name) that differ from the file.</source>
        <translation>Auch vorhandene Konten (nach Namen zugeordnet) ändern, die von der Datei abweichen.</translation>
    </message>
    <message>
        <source>Store or replace an account&apos;s API key or password (read from stdin or prompted for).</source>
        <translation>Den API-Schlüssel oder das Passwort eines Kontos speichern oder ersetzen (von der Standardeingabe gelesen oder abgefragt).</translation>
    </message>
    <message>
        <source>The account, e.g. an imported one.</source>
        <translation>Das Konto, z. B. ein importiertes.</translation>
    </message>
    <message>
        <source>  %1 is replaced: its stored API key or password and its tokens are removed, and it asks for its secret at the next login.</source>
        <translation>  %1 wird ersetzt: Der gespeicherte API-Schlüssel bzw. das Passwort und die Tokens werden entfernt; bei der nächsten Anmeldung wird das Geheimnis erneut abgefragt.</translation>
    </message>
    <message>
        <source>  %1 uses plain http: it logs in only after you allow insecure http in its own settings (an import never allows it).</source>
        <translation>  %1 verwendet unverschlüsseltes http: Es meldet sich erst an, nachdem Sie unsicheres http in seinen eigenen Einstellungen erlaubt haben (ein Import erlaubt es nie).</translation>
    </message>
    <message>
        <source>Warning: the old keychain entries of &quot;%1&quot; could not be removed (%2); they are no longer used.</source>
        <translation>Warnung: Die alten Schlüsselbund-Einträge von „%1“ konnten nicht entfernt werden (%2); sie werden nicht mehr verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>replaced %n</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot; (%2). To log in and print a token: tokendesk-cli token %3</source>
        <translation>Konto „%1“ hinzugefügt (%2). Anmelden und ein Token ausgeben: tokendesk-cli token %3</translation>
    </message>
    <message>
        <source>--%1 and --%2 cannot be used together; use one of them.</source>
        <translation>--%1 und --%2 können nicht zusammen verwendet werden; verwenden Sie eine der beiden Optionen.</translation>
    </message>
    <message>
        <source>Stored the credential of &quot;%1&quot;. To log in and print a token: tokendesk-cli token %2</source>
        <translation>Zugangsdaten von „%1“ gespeichert. Anmelden und ein Token ausgeben: tokendesk-cli token %2</translation>
    </message>
    <message>
        <source>Stored the API key of &quot;%1&quot;. To log in and print a token: tokendesk-cli token %2</source>
        <translation>API-Schlüssel von „%1“ gespeichert. Anmelden und ein Token ausgeben: tokendesk-cli token %2</translation>
    </message>
    <message>
        <source>Stored the password of &quot;%1&quot;. To log in and print a token: tokendesk-cli token %2</source>
        <translation>Passwort von „%1“ gespeichert. Anmelden und ein Token ausgeben: tokendesk-cli token %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no auth headers yet. To add one: tokendesk-cli headers add %2 LABEL</source>
        <translation>„%1“ hat noch keine Auth-Header. Einen hinzufügen: tokendesk-cli headers add %2 LABEL</translation>
    </message>
    <message>
        <source>Added the auth header &quot;%1&quot; to &quot;%2&quot;. Its token is printed above; to show it again: tokendesk-cli headers list %3 --json</source>
        <translation>Auth-Header „%1“ zu „%2“ hinzugefügt. Sein Token steht oben; erneut anzeigen: tokendesk-cli headers list %3 --json</translation>
    </message>
    <message>
        <source>No API key or password was found for this account in the keychain. If the keychain is locked, unlock it; otherwise store the secret again: tokendesk-cli credential %1</source>
        <translation>Für dieses Konto wurde kein API-Schlüssel und kein Passwort im Schlüsselbund gefunden. Ist der Schlüsselbund gesperrt, entsperren Sie ihn; andernfalls speichern Sie das Geheimnis erneut: tokendesk-cli credential %1</translation>
    </message>
    <message>
        <source>Note: the token&apos;s expiry (its exp claim) is implausible, so TokenDesk treats it as unknown and could not check --min-valid. To renew it anyway: tokendesk-cli refresh %1</source>
        <translation>Hinweis: Der Ablaufzeitpunkt des Tokens (sein exp-Claim) ist unplausibel; TokenDesk behandelt ihn als unbekannt und konnte --min-valid nicht prüfen. Trotzdem erneuern: tokendesk-cli refresh %1</translation>
    </message>
    <message>
        <source>Note: the token&apos;s expiry is unknown (the provider sent none that TokenDesk could read or found plausible), so --min-valid could not be checked. To renew it anyway: tokendesk-cli refresh %1</source>
        <translation>Hinweis: Der Ablaufzeitpunkt des Tokens ist unbekannt (der Anbieter hat keinen gesendet, den TokenDesk lesen konnte oder für plausibel hielt), daher konnte --min-valid nicht geprüft werden. Trotzdem erneuern: tokendesk-cli refresh %1</translation>
    </message>
    <message>
        <source>Renew the token first unless it stays valid this many seconds (default 30). When the expiry is unknown the token is not renewed and a note says so.</source>
        <translation>Das Token vorher erneuern, wenn es nicht mehr so viele Sekunden gültig bleibt (Standard: 30). Ist der Ablaufzeitpunkt unbekannt, wird es nicht erneuert, und ein Hinweis sagt das.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; has no scheme: it must start with https:// (or http:// for this machine), e.g. https://api.example.com.</source>
        <translation>Die Basis-URL „%1“ hat kein Schema: Sie muss mit https:// beginnen (oder mit http:// für diesen Rechner), z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; uses %2://, which TokenDesk does not speak: give an https:// URL (or http:// for this machine), e.g. https://api.example.com.</source>
        <translation>Die Basis-URL „%1“ verwendet %2://, das TokenDesk nicht spricht: Geben Sie eine https://-URL an (oder http:// für diesen Rechner), z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid URL (it has spaces or other characters a URL cannot hold): give an https:// URL, e.g. https://api.example.com.</source>
        <translation>Die Basis-URL „%1“ ist keine gültige URL (sie enthält Leerzeichen oder andere Zeichen, die eine URL nicht enthalten kann): Geben Sie eine https://-URL an, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; names no host: give an https:// URL with one, e.g. https://api.example.com.</source>
        <translation>Die Basis-URL „%1“ nennt keinen Host: Geben Sie eine https://-URL mit Host an, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>Say which auth header to delete: its ID or name, or &apos;-&apos; for its token.</source>
        <translation>Geben Sie an, welcher Auth-Header gelöscht werden soll: seine ID oder sein Name, oder &apos;-&apos; für sein Token.</translation>
    </message>
    <message>
        <source>Deleted the auth header &quot;%1&quot; from &quot;%2&quot;.</source>
        <translation>Der Auth-Header „%1“ von „%2“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Delete the auth header with this ID or name (&apos;-&apos;: read its token from stdin).</source>
        <translation>Den Auth-Header mit dieser ID oder diesem Namen löschen (&apos;-&apos;: sein Token von der Standardeingabe lesen).</translation>
    </message>
    <message>
        <source>The ID or name of the auth header to delete, as &apos;headers list&apos; shows it; or &apos;-&apos; to read its token from stdin (a prompt without echo on a terminal).</source>
        <translation>Die ID oder der Name des zu löschenden Auth-Headers, wie &apos;headers list&apos; sie zeigt; oder &apos;-&apos;, um sein Token von der Standardeingabe zu lesen (an einem Terminal eine Eingabe ohne Echo).</translation>
    </message>
    <message>
        <source>  0  success
  1  another failure (an unusable config or import file, an unknown provider profile, …)
  2  usage: unknown command or option, missing or bad argument, unknown account
  3  credentials rejected: wrong credentials, user not verified, password expired, none stored
  4  network: connection failed, timeout, TLS, insecure http:// URL refused
  5  provider error: rate limited, server error, answer not understood, redirect refused
  6  keychain unavailable or locked
</source>
        <translation>  0  Erfolg
  1  ein anderer Fehler (unbrauchbare Konfigurations- oder Importdatei, unbekanntes Anbieterprofil, …)
  2  Aufruf: unbekannter Befehl oder unbekannte Option, fehlendes oder falsches Argument, unbekanntes Konto
  3  Zugangsdaten abgelehnt: falsche Zugangsdaten, Benutzer nicht verifiziert, Passwort abgelaufen, keine gespeichert
  4  Netzwerk: Verbindung fehlgeschlagen, Zeitüberschreitung, TLS, unsichere http://-URL abgelehnt
  5  Anbieterfehler: Drosselung (Rate-Limit), Serverfehler, Antwort nicht verstanden, Umleitung abgelehnt
  6  Schlüsselbund nicht verfügbar oder gesperrt
</translation>
    </message>
    <message>
        <source>Give up on a provider or keychain that does not answer, or on another TokenDesk process renewing the same account, within SECONDS (default %1).</source>
        <translation>Aufgeben, wenn ein Anbieter oder der Schlüsselbund nicht innerhalb von SECONDS Sekunden antwortet oder ein anderer TokenDesk-Prozess dasselbe Konto so lange erneuert (Standard: %1).</translation>
    </message>
    <message>
        <source>Could not write the output: %1</source>
        <translation>Die Ausgabe konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Warning: the password of &quot;%1&quot; expired on %2. Change it at the provider.</source>
        <translation>Warnung: Das Passwort von „%1“ ist am %2 abgelaufen. Ändern Sie es beim Anbieter.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: the password of &quot;%1&quot; expires on %2 (in %n day(s)). Change it at the provider.</source>
        <translation>
            <numerusform>Warnung: Das Passwort von „%1“ läuft am %2 ab (in %n Tag). Ändern Sie es beim Anbieter.</numerusform>
            <numerusform>Warnung: Das Passwort von „%1“ läuft am %2 ab (in %n Tagen). Ändern Sie es beim Anbieter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted the auth header &quot;%1&quot; (ID %2) from &quot;%3&quot;.</source>
        <translation>Der Auth-Header „%1“ (ID %2) von „%3“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>stdin</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>Replaced accounts have no API key or password any more: &apos;tokendesk-cli credential NAME&apos; stores it (or TokenDesk asks at the first login).</source>
        <translation>Ersetzte Konten haben keinen API-Schlüssel und kein Passwort mehr: „tokendesk-cli credential NAME“ speichert sie (oder TokenDesk fragt bei der ersten Anmeldung danach).</translation>
    </message>
    <message>
        <source>A file written by &apos;export&apos; or the GUI; &apos;-&apos; reads it from stdin.</source>
        <translation>Eine von „export“ oder der Oberfläche geschriebene Datei; „-“ liest sie von der Standardeingabe.</translation>
    </message>
    <message>
        <source>A token is never taken from the command line, where other users&apos; &apos;ps&apos; and your shell history show it; nothing was deleted. Name the auth header by its ID or NAME, or give &apos;-&apos; and pipe its token in. The token you typed may be in your shell history. To see the IDs and names: tokendesk-cli headers list %1</source>
        <translation>Ein Token wird nie von der Befehlszeile genommen, wo „ps“ anderer Benutzer und Ihr Shell-Verlauf es zeigen; nichts wurde gelöscht. Nennen Sie den Auth-Header mit seiner ID oder seinem NAMEN, oder geben Sie „-“ an und leiten Sie sein Token über die Standardeingabe ein. Das eingegebene Token steht womöglich in Ihrem Shell-Verlauf. IDs und Namen zeigt: tokendesk-cli headers list %1</translation>
    </message>
    <message>
        <source>&quot;%2&quot; is the ID of one auth header of &quot;%1&quot; and the name of another; nothing was deleted. Delete the other one by its ID, or give &apos;-&apos; and pipe in the token of the one to delete. To see the tokens: tokendesk-cli headers list %3 --json</source>
        <translation>„%2“ ist die ID eines Auth-Headers von „%1“ und der Name eines anderen; nichts wurde gelöscht. Löschen Sie den anderen mit seiner ID, oder geben Sie „-“ an und leiten Sie das Token des zu löschenden über die Standardeingabe ein. Die Tokens zeigt: tokendesk-cli headers list %3 --json</translation>
    </message>
    <message>
        <source>Several auth headers of &quot;%1&quot; are named &quot;%2&quot;; name the one to delete by its ID. To see the IDs: tokendesk-cli headers list %3</source>
        <translation>Mehrere Auth-Header von „%1“ heißen „%2“; nennen Sie den zu löschenden mit seiner ID. Die IDs zeigt: tokendesk-cli headers list %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no auth header with the ID or name &quot;%2&quot;; to delete by token, give &apos;-&apos; and pipe the token in. To see the IDs and names: tokendesk-cli headers list %3</source>
        <translation>„%1“ hat keinen Auth-Header mit der ID oder dem Namen „%2“; um per Token zu löschen, geben Sie „-“ an und leiten Sie das Token über die Standardeingabe ein. IDs und Namen zeigt: tokendesk-cli headers list %3</translation>
    </message>
    <message>
        <source>Warning: the password of &quot;%1&quot; expires on %2 (in %3). Change it at the provider.</source>
        <translation>Warnung: Das Passwort von „%1“ läuft am %2 ab (in %3). Ändern Sie es beim Anbieter.</translation>
    </message>
    <message>
        <source>-o needs a file name (&apos;-o -&apos; writes to stdout).</source>
        <translation>-o braucht einen Dateinamen („-o -“ schreibt auf die Standardausgabe).</translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message>
        <source>%1 copied</source>
        <extracomment>%1 is what was copied, e.g. &quot;Token&quot;</extracomment>
        <translation>%1 kopiert</translation>
    </message>
    <message numerus="yes">
        <source>%1 copied — clears in %n s</source>
        <extracomment>%1 is what was copied, e.g. &quot;Token&quot;; %n the seconds until the clipboard is cleared</extracomment>
        <translation>
            <numerusform>%1 kopiert – wird in %n s geleert</numerusform>
            <numerusform>%1 kopiert – wird in %n s geleert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountdownDelegate</name>
    <message numerus="yes">
        <source>rate limited — retry in %n s</source>
        <translation>
            <numerusform>gedrosselt – neuer Versuch in %n s</numerusform>
            <numerusform>gedrosselt – neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>expiry</comment>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <source>%1: %2</source>
        <comment>notification shown in the window: title: text</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>TokenDesk is still running</source>
        <translation>TokenDesk läuft weiter</translation>
    </message>
    <message>
        <source>It keeps your tokens fresh from the tray. Quit it from the tray menu.</source>
        <translation>Es hält Ihre Tokens vom Infobereich aus aktuell. Beenden Sie es über das Menü im Infobereich.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Account details</source>
        <translation>Kontodetails</translation>
    </message>
    <message>
        <source>Select an account to see its token, profile and history.</source>
        <translation>Wählen Sie ein Konto, um Token, Profil und Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Provider said:</source>
        <translation>Antwort des Anbieters:</translation>
    </message>
    <message>
        <source>The password expired on %1. Change it at the provider.</source>
        <translation>Das Passwort ist am %1 abgelaufen. Ändern Sie es beim Anbieter.</translation>
    </message>
    <message numerus="yes">
        <source>The password expires on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Das Passwort läuft am %1 ab (in %n Tag).</numerusform>
            <numerusform>Das Passwort läuft am %1 ab (in %n Tagen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned by the login</source>
        <translation>Von der Anmeldung zurückgegeben</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>expiry</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Refresh token expires</source>
        <translation>Refresh-Token läuft ab</translation>
    </message>
    <message>
        <source>The token is not a JWT: nothing to decode.</source>
        <translation>Das Token ist kein JWT: Es gibt nichts zu dekodieren.</translation>
    </message>
    <message>
        <source>Decoded from the token for information only; the signature is not checked.</source>
        <translation>Nur zur Information aus dem Token dekodiert; die Signatur wird nicht geprüft.</translation>
    </message>
    <message>
        <source>JWT header</source>
        <translation>JWT-Header</translation>
    </message>
    <message>
        <source>JWT claims</source>
        <translation>JWT-Claims</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>Nicht vor</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Recent logins and refreshes</source>
        <translation>Letzte Anmeldungen und Erneuerungen</translation>
    </message>
    <message>
        <source>login</source>
        <comment>history: the operation</comment>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>refresh</source>
        <comment>history: the operation</comment>
        <translation>Erneuerung</translation>
    </message>
    <message>
        <source>logout</source>
        <comment>history: the operation</comment>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Token</source>
        <comment>details heading</comment>
        <translation>Token</translation>
    </message>
    <message>
        <source>Obtained</source>
        <comment>token: when</comment>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Expires</source>
        <comment>token: when</comment>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Issuer</source>
        <comment>JWT claim</comment>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Subject</source>
        <comment>JWT claim</comment>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Audience</source>
        <comment>JWT claim</comment>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>OK</source>
        <comment>history: the operation succeeded</comment>
        <translation>OK</translation>
    </message>
    <message>
        <source>The wait ended on %1; TokenDesk may send again.</source>
        <translation>Die Wartezeit endete am %1; TokenDesk darf wieder senden.</translation>
    </message>
</context>
<context>
    <name>DirectFile</name>
    <message>
        <source>it was replaced while being opened; nothing was written</source>
        <translation>sie wurde beim Öffnen ersetzt; nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>not supported on this system</source>
        <translation>auf diesem System nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>%1 New tokens and changes are not recorded in it until it can be saved: free up disk space or check the folder, then log in again.</source>
        <translation>%1 Neue Tokens und Änderungen werden darin erst vermerkt, wenn sie gespeichert werden kann: Geben Sie Speicherplatz frei oder prüfen Sie den Ordner und melden Sie sich dann erneut an.</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Import accounts…</source>
        <translation>Konten &amp;importieren…</translation>
    </message>
    <message>
        <source>Add the accounts of a file a colleague exported; asks before changing an existing one</source>
        <translation>Die Konten einer Datei hinzufügen, die jemand exportiert hat; fragt, bevor ein vorhandenes geändert wird</translation>
    </message>
    <message>
        <source>&amp;Export accounts…</source>
        <translation>Konten &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the selected accounts (all when none is selected) to a file to share, without any secret</source>
        <translation>Die ausgewählten Konten (alle, wenn keines ausgewählt ist) ohne jedes Geheimnis in eine Datei zum Weitergeben speichern</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>&amp;Anbieter…</translation>
    </message>
    <message>
        <source>See the provider profiles, add your own, test a login</source>
        <translation>Anbieterprofile ansehen, eigene hinzufügen, eine Anmeldung testen</translation>
    </message>
    <message>
        <source>There are no accounts to export yet.</source>
        <translation>Es gibt noch keine Konten zum Exportieren.</translation>
    </message>
    <message>
        <source>Export accounts</source>
        <translation>Konten exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected account(s), or all %1 accounts?</source>
        <translation>
            <numerusform>%n ausgewähltes Konto oder alle %1 Konten exportieren?</numerusform>
            <numerusform>Die %n ausgewählten Konten oder alle %1 Konten exportieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds no API key, password or token: each person enters their own at the first login.</source>
        <translation>Die Datei enthält keinen API-Schlüssel, kein Passwort und kein Token: Jede Person gibt bei der ersten Anmeldung ihre eigenen ein.</translation>
    </message>
    <message>
        <source>&amp;Selected (%1)</source>
        <translation>Aus&amp;gewählte (%1)</translation>
    </message>
    <message>
        <source>&amp;All (%1)</source>
        <translation>A&amp;lle (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Export all %n account(s) — no secrets</source>
        <translation>
            <numerusform>%n Konto exportieren – ohne Geheimnisse</numerusform>
            <numerusform>Alle %n Konten exportieren – ohne Geheimnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected account(s) — no secrets</source>
        <translation>
            <numerusform>%n ausgewähltes Konto exportieren – ohne Geheimnisse</numerusform>
            <numerusform>Die %n ausgewählten Konten exportieren – ohne Geheimnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>TokenDesk export (*.json)</source>
        <translation>TokenDesk-Export (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Konto</numerusform>
            <numerusform>%n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s)</source>
        <translation>
            <numerusform>%n Anbieterprofil</numerusform>
            <numerusform>%n Anbieterprofile</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 to %2, without any secret.</source>
        <translation>%1 nach %2 exportiert, ohne jedes Geheimnis.</translation>
    </message>
    <message>
        <source>Import accounts</source>
        <translation>Konten importieren</translation>
    </message>
    <message>
        <source>TokenDesk export (*.json);;All files (*)</source>
        <translation>TokenDesk-Export (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import not possible</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>%1 kann nicht importiert werden</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was changed.

%2</source>
        <translation>%1 kann nicht importiert werden; es wurde nichts geändert.

%2</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to import: the %n account(s) in %1 are already here, unchanged.</source>
        <translation>
            <numerusform>Nichts zu importieren: %n Konto in %1 ist bereits unverändert vorhanden.</numerusform>
            <numerusform>Nichts zu importieren: Die %n Konten in %1 sind bereits unverändert vorhanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>Aus %1 wurde nichts importiert: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1: %n new account(s)</source>
        <translation>
            <numerusform>Aus %1 importiert: %n neues Konto</numerusform>
            <numerusform>Aus %1 importiert: %n neue Konten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed</source>
        <translation>
            <numerusform>, %n geändert</numerusform>
            <numerusform>, %n geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Log in to enter their API keys or passwords.</source>
        <translation>Melden Sie sich an, um ihre API-Schlüssel oder Passwörter einzugeben.</translation>
    </message>
    <message>
        <source>The old keychain entries of &quot;%1&quot; could not be removed (%2); they are no longer used.</source>
        <translation>Die alten Schlüsselbund-Einträge von „%1“ konnten nicht entfernt werden (%2); sie werden nicht mehr verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>, %n replaced</source>
        <translation>
            <numerusform>, %n ersetzt</numerusform>
            <numerusform>, %n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryNotifier</name>
    <message>
        <source>Automatic renewal is off.</source>
        <translation>Die automatische Erneuerung ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>The last attempt to renew it failed.</source>
        <translation>Der letzte Versuch, es zu erneuern, ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>It cannot be renewed automatically.</source>
        <translation>Es kann nicht automatisch erneuert werden.</translation>
    </message>
    <message>
        <source>Log in again to get a new one.</source>
        <translation>Melden Sie sich erneut an, um ein neues zu erhalten.</translation>
    </message>
    <message>
        <source>Token expires soon</source>
        <translation>Token läuft bald ab</translation>
    </message>
    <message>
        <source>Token renewal failed</source>
        <extracomment>%1 is the account name, %2 what went wrong</extracomment>
        <translation>Token-Erneuerung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Automatic renewal of %1 failed: %2</source>
        <translation>Automatische Erneuerung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The token of %1 expires at %2.</source>
        <extracomment>%1 is the account name, %2 the time of day its token expires (14:05:30 CET)</extracomment>
        <translation>Das Token von %1 läuft um %2 ab.</translation>
    </message>
    <message>
        <source>The token of %1 expires on %2 at %3.</source>
        <extracomment>%1 is the account name, %2 the date and %3 the time of day its token expires</extracomment>
        <translation>Das Token von %1 läuft am %2 um %3 ab.</translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>account names, then how many are not named</comment>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) failed: %1 — hover a row for the provider&apos;s words.</source>
        <translation>
            <numerusform>Bei %n Konto ist der Vorgang fehlgeschlagen: %1 – die Antwort des Anbieters steht im Tooltip der Zeile.</numerusform>
            <numerusform>Bei %n Konten ist der Vorgang fehlgeschlagen: %1 – die Antwort des Anbieters steht im Tooltip der Zeile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Connection to %1 was refused: is the base URL right and the service running?</source>
        <translation>Die Verbindung zu %1 wurde abgelehnt: Stimmt die Basis-URL und läuft der Dienst?</translation>
    </message>
    <message>
        <source>The host %1 was not found. Check the base URL and your DNS.</source>
        <translation>Der Host %1 wurde nicht gefunden. Prüfen Sie die Basis-URL und Ihr DNS.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering. Try again later.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. No credential was sent.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. Es wurden keine Zugangsdaten gesendet.</translation>
    </message>
    <message>
        <source>The provider redirected the request to another site; it was stopped so that no credential follows it. Check the base URL.</source>
        <translation>Der Anbieter hat die Anfrage auf eine andere Website umgeleitet; sie wurde angehalten, damit ihr keine Zugangsdaten folgen. Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>Could not reach %1. Check your network connection and proxy.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung und den Proxy.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid http(s) URL.</source>
        <translation>Die Basis-URL „%1“ ist keine gültige http(s)-URL.</translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password.</source>
        <translation>Die Basis-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The base URL must start with https://.</source>
        <translation>Die Basis-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>%1 redirected the request more than %2 times (a redirect loop), so it was given up. Check the base URL; if it is right, the provider&apos;s service is misconfigured.</source>
        <translation>%1 hat die Anfrage mehr als %2-mal umgeleitet (eine Umleitungsschleife); sie wurde deshalb aufgegeben. Prüfen Sie die Basis-URL; stimmt sie, ist der Dienst des Anbieters falsch eingerichtet.</translation>
    </message>
    <message>
        <source>The provider answered with a redirect that cannot be followed (HTTP %1). Check the base URL.</source>
        <translation>Der Anbieter antwortete mit einer Weiterleitung, der nicht gefolgt werden kann (HTTP %1). Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>The provider answered with a redirect (HTTP %1) without a usable address (Location), so it cannot be followed. Check the base URL.</source>
        <translation>Der Anbieter hat mit einer Weiterleitung (HTTP %1) ohne brauchbare Adresse (Location) geantwortet; ihr kann nicht gefolgt werden. Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>The provider answered the %1 request with a redirect (HTTP %2) that would turn it into a GET without its data, so it was not followed and nothing more was sent. Check the base URL.</source>
        <translation>Der Anbieter hat die %1-Anfrage mit einer Weiterleitung (HTTP %2) beantwortet, die sie in ein GET ohne ihre Daten verwandeln würde; ihr wurde nicht gefolgt und nichts weiter gesendet. Prüfen Sie die Basis-URL.</translation>
    </message>
</context>
<context>
    <name>HttpJob</name>
    <message numerus="yes">
        <source>The provider did not answer within %n second(s). Try again later or raise the network timeout.</source>
        <translation>
            <numerusform>Der Anbieter hat nicht innerhalb von %n Sekunde geantwortet. Versuchen Sie es später erneut oder erhöhen Sie das Netzwerk-Zeitlimit.</numerusform>
            <numerusform>Der Anbieter hat nicht innerhalb von %n Sekunden geantwortet. Versuchen Sie es später erneut oder erhöhen Sie das Netzwerk-Zeitlimit.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider&apos;s answer is larger than %1 KiB; it was not read.</source>
        <translation>Die Antwort des Anbieters ist größer als %1 KiB; sie wurde nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import accounts</source>
        <translation>Konten importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s)</source>
        <translation>
            <numerusform>%n neues Konto</numerusform>
            <numerusform>%n neue Konten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing account(s) the file would change</source>
        <translation>
            <numerusform>%n vorhandenes Konto, das die Datei ändern würde</numerusform>
            <numerusform>%n vorhandene Konten, die die Datei ändern würde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here, unchanged</source>
        <translation>
            <numerusform>%n bereits vorhanden, unverändert</numerusform>
            <numerusform>%n bereits vorhanden, unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s)</source>
        <translation>
            <numerusform>%n Anbieterprofil</numerusform>
            <numerusform>%n Anbieterprofile</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds: %2.</source>
        <translation>%1 enthält: %2.</translation>
    </message>
    <message>
        <source>No secret is imported: TokenDesk asks for each new account&apos;s API key or password at its first login.</source>
        <translation>Es werden keine Geheimnisse importiert: TokenDesk fragt bei der ersten Anmeldung jedes neuen Kontos nach dessen API-Schlüssel oder Passwort.</translation>
    </message>
    <message numerus="yes">
        <source>Also apply the changes to the %n existing account(s) and provider profile(s) listed above</source>
        <translation>
            <numerusform>Die Änderungen auch auf %n oben aufgeführtes vorhandenes Konto oder Anbieterprofil anwenden</numerusform>
            <numerusform>Die Änderungen auch auf die %n oben aufgeführten vorhandenen Konten und Anbieterprofile anwenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also apply the changes to the %n existing account(s) listed above</source>
        <translation>
            <numerusform>Die Änderungen auch auf %n oben aufgeführtes vorhandenes Konto anwenden</numerusform>
            <numerusform>Die Änderungen auch auf die %n oben aufgeführten vorhandenen Konten anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>allows insecure http</source>
        <translation>erlaubt unsicheres http</translation>
    </message>
    <message>
        <source>New accounts (%1)</source>
        <translation>Neue Konten (%1)</translation>
    </message>
    <message>
        <source>Existing accounts the file would change (%1)</source>
        <translation>Vorhandene Konten, die die Datei ändern würde (%1)</translation>
    </message>
    <message>
        <source>Already here, unchanged (%1)</source>
        <translation>Bereits vorhanden, unverändert (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n Feld weicht ab</numerusform>
            <numerusform>%n Felder weichen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Provider profiles (%1)</source>
        <translation>Anbieterprofile (%1)</translation>
    </message>
    <message>
        <source>new: will be installed</source>
        <translation>neu: wird installiert</translation>
    </message>
    <message>
        <source>differs from the profile installed here</source>
        <translation>weicht vom hier installierten Profil ab</translation>
    </message>
    <message>
        <source>already installed, identical</source>
        <translation>bereits installiert, identisch</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Account</source>
        <comment>column</comment>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>column</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <comment>button</comment>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Unticked, existing accounts stay exactly as they are. Ticked, an account whose provider, host or user changes is replaced: its stored secret and tokens are removed.</source>
        <translation>Ohne Häkchen bleiben vorhandene Konten genau so, wie sie sind. Mit Häkchen wird ein Konto, dessen Anbieter, Host oder Benutzer sich ändert, ersetzt: Sein gespeichertes Geheimnis und seine Tokens werden entfernt.</translation>
    </message>
    <message>
        <source>Replaced: another provider, host or user. Its stored API key or password and its tokens are removed; TokenDesk asks for its secret at the next login.</source>
        <translation>Wird ersetzt: anderer Anbieter, Host oder Benutzer. Der gespeicherte API-Schlüssel bzw. das Passwort und die Tokens werden entfernt; TokenDesk fragt bei der nächsten Anmeldung nach dem Geheimnis.</translation>
    </message>
    <message>
        <source>Uses plain http: it logs in only after you allow insecure http in its own settings (an import never allows it).</source>
        <translation>Verwendet unverschlüsseltes http: Es meldet sich erst an, nachdem Sie unsicheres http in seinen eigenen Einstellungen erlaubt haben (ein Import erlaubt es nie).</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>The provider &quot;%1&quot; could not be saved: %2</source>
        <translation>Der Anbieter „%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret is stored for this account.</source>
        <translation>Für dieses Konto ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>keine Details angegeben</translation>
    </message>
    <message>
        <source>The system keychain is not available: %1. Unlock it or start a Secret Service (such as GNOME Keyring or KWallet), then try again.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: %1. Entsperren Sie ihn oder starten Sie einen Secret Service (etwa GNOME Keyring oder KWallet) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1.</source>
        <translation>Der Schlüsselbund des Systems hat einen Fehler gemeldet: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s). It may be waiting for you to unlock it; try again.</source>
        <translation>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunde geantwortet. Vielleicht wartet er darauf, dass Sie ihn entsperren; versuchen Sie es erneut.</numerusform>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunden geantwortet. Vielleicht wartet er darauf, dass Sie ihn entsperren; versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain is locked, so TokenDesk cannot read or store this account&apos;s secrets. Unlock it (by logging in to your desktop session, or with Seahorse &quot;Passwords and Keys&quot;), then try again.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt, daher kann TokenDesk die Geheimnisse dieses Kontos weder lesen noch speichern. Entsperren Sie ihn (indem Sie sich an Ihrer Desktop-Sitzung anmelden oder mit Seahorse „Passwörter und Verschlüsselung“) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TokenDesk — demo</source>
        <translation>TokenDesk – Demo</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Demo mode: embedded demo providers; accounts and secrets live in memory only.</source>
        <translation>Demo-Modus: eingebaute Demo-Anbieter; Konten und Geheimnisse liegen nur im Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>Clipboard cleared</source>
        <translation>Zwischenablage geleert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Search name, provider, user or URL (Ctrl+F)</source>
        <translation>Name, Anbieter, Benutzer oder URL suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Konten durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Needs attention</source>
        <translation>&amp;Handlungsbedarf</translation>
    </message>
    <message>
        <source>Only accounts that are expired, failed, rate limited or whose password expires soon</source>
        <translation>Nur Konten, die abgelaufen, fehlgeschlagen oder gedrosselt sind oder deren Passwort bald abläuft</translation>
    </message>
    <message>
        <source>Auth &amp;headers</source>
        <translation>&amp;Auth-Header</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Add an account for each API you use: pick the provider, enter its base URL and your API key or username and password. TokenDesk logs in, keeps the token fresh and copies it, or a ready header line, with one keystroke.</source>
        <translation>Fügen Sie für jede API, die Sie nutzen, ein Konto hinzu: Wählen Sie den Anbieter, geben Sie seine Basis-URL und Ihren API-Schlüssel oder Benutzernamen und Passwort ein. TokenDesk meldet sich an, hält das Token frisch und kopiert es – oder eine fertige Header-Zeile – mit einem Tastendruck.</translation>
    </message>
    <message>
        <source>&amp;Add an account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Clipboard, token renewal, notifications, language and tray options</source>
        <translation>Zwischenablage, Token-Erneuerung, Benachrichtigungen, Sprache und Infobereich</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <comment>menu</comment>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <comment>menu</comment>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <comment>tab</comment>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <source>Account actions</source>
        <translation>Kontoaktionen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>No secret is stored for this account.</source>
        <translation>Für dieses Konto ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is not available: simulated failure. Unlock it or start a Secret Service, then try again.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: simulierter Fehler. Entsperren Sie ihn oder starten Sie einen Secret Service und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time (simulated).</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet (simuliert).</translation>
    </message>
    <message>
        <source>The system keychain reported an error: simulated failure.</source>
        <translation>Der Schlüsselbund des Systems hat einen Fehler gemeldet: simulierter Fehler.</translation>
    </message>
</context>
<context>
    <name>ProfileFile</name>
    <message>
        <source>Could not save the provider profile %1: %2</source>
        <translation>Das Anbieterprofil %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the folder %1 could not be created</source>
        <translation>der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not remove the provider profile %1: %2</source>
        <translation>Das Anbieterprofil %1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>B2B API: username and password for an access token and a rotating refresh token.</source>
        <translation>B2B-API: Benutzername und Passwort für ein Zugriffstoken und ein rotierendes Refresh-Token.</translation>
    </message>
    <message>
        <source>Invalid credentials: the provider rejected the username or password. Check them in the account settings.</source>
        <translation>Ungültige Zugangsdaten: Der Anbieter hat Benutzername oder Passwort abgelehnt. Prüfen Sie sie in den Kontoeinstellungen.</translation>
    </message>
    <message>
        <source>KYC service: username and password, sent form-urlencoded, for a JWT. No refresh token: log in again.</source>
        <translation>KYC-Dienst: Benutzername und Passwort, form-urlencoded gesendet, für ein JWT. Kein Refresh-Token: erneut anmelden.</translation>
    </message>
    <message>
        <source>Wrong username or password, or the user is inactive. Check the credentials in the account settings.</source>
        <translation>Falscher Benutzername oder falsches Passwort, oder der Benutzer ist inaktiv. Prüfen Sie die Zugangsdaten in den Kontoeinstellungen.</translation>
    </message>
    <message>
        <source>Partner or company API key for a JWT sent as R-Auth. Partner keys also get a rotating refresh token.</source>
        <translation>Partner- oder Firmen-API-Schlüssel für ein JWT, das als R-Auth gesendet wird. Partner-Schlüssel erhalten außerdem ein rotierendes Refresh-Token.</translation>
    </message>
    <message>
        <source>Quadrata onboarding API: a company API key is exchanged for a 60-minute access token.</source>
        <translation>Quadrata-Onboarding-API: Ein Firmen-API-Schlüssel wird gegen ein 60 Minuten gültiges Zugriffstoken getauscht.</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Username and password for a JWT; the user can also create long-lived auth headers.</source>
        <translation>Benutzername und Passwort für ein JWT; der Benutzer kann außerdem langlebige Auth-Header anlegen.</translation>
    </message>
    <message>
        <source>Incorrect username or password. Check them in the account settings.</source>
        <translation>Falscher Benutzername oder falsches Passwort. Prüfen Sie sie in den Kontoeinstellungen.</translation>
    </message>
</context>
<context>
    <name>ProviderProfile</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a JSON pointer such as &quot;/data/accessToken&quot;</source>
        <translation>muss ein JSON-Pointer wie &quot;/data/accessToken&quot; sein</translation>
    </message>
    <message>
        <source>must be POST, PUT or GET</source>
        <translation>muss POST, PUT oder GET sein</translation>
    </message>
    <message>
        <source>must start with &apos;/&apos; and contain no spaces or &apos;..&apos;</source>
        <translation>muss mit „/“ beginnen und darf weder Leerzeichen noch „..“ enthalten</translation>
    </message>
    <message>
        <source>must be &quot;json&quot; or &quot;form&quot;</source>
        <translation>muss &quot;json&quot; oder &quot;form&quot; sein</translation>
    </message>
    <message>
        <source>must name at least one field</source>
        <translation>muss mindestens ein Feld nennen</translation>
    </message>
    <message>
        <source>uses the unknown placeholder {%1}</source>
        <translation>verwendet den unbekannten Platzhalter {%1}</translation>
    </message>
    <message>
        <source>uses {username}, but an &quot;api_key&quot; profile has no username</source>
        <translation>verwendet {username}, aber ein &quot;api_key&quot;-Profil hat keinen Benutzernamen</translation>
    </message>
    <message>
        <source>must send the credential with &quot;{secret}&quot;</source>
        <translation>muss die Zugangsdaten mit &quot;{secret}&quot; senden</translation>
    </message>
    <message>
        <source>must send the refresh token with &quot;{refreshToken}&quot;</source>
        <translation>muss das Refresh-Token mit &quot;{refreshToken}&quot; senden</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number of seconds up to a year</source>
        <translation>muss eine ganze Zahl von Sekunden bis zu einem Jahr sein</translation>
    </message>
    <message>
        <source>must be a JSON pointer such as &quot;/client_id&quot;</source>
        <translation>muss ein JSON-Pointer wie &quot;/client_id&quot; sein</translation>
    </message>
    <message>
        <source>must be a JSON pointer or a list of them</source>
        <translation>muss ein JSON-Pointer oder eine Liste davon sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be an HTTP status between 100 and 599</source>
        <translation>muss ein HTTP-Status zwischen 100 und 599 sein</translation>
    </message>
    <message>
        <source>must be one of credentials_rejected, password_expired, not_verified, invalid_request, rate_limited, provider_error</source>
        <translation>muss eines von credentials_rejected, password_expired, not_verified, invalid_request, rate_limited, provider_error sein</translation>
    </message>
    <message>
        <source>is missing or not a number</source>
        <translation>fehlt oder ist keine Zahl</translation>
    </message>
    <message>
        <source>version %1 is not supported (this TokenDesk reads version %2)</source>
        <translation>Version %1 wird nicht unterstützt (dieses TokenDesk liest Version %2)</translation>
    </message>
    <message>
        <source>must be lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64)</source>
        <translation>muss aus Kleinbuchstaben, Ziffern, „.“, „_“ oder „-“ bestehen (höchstens 64)</translation>
    </message>
    <message>
        <source>must be &quot;api_key&quot; or &quot;username_password&quot;</source>
        <translation>muss &quot;api_key&quot; oder &quot;username_password&quot; sein</translation>
    </message>
    <message>
        <source>is needed when the profile has a refresh request</source>
        <translation>wird gebraucht, wenn das Profil eine Refresh-Anfrage hat</translation>
    </message>
    <message>
        <source>is not a valid HTTP header name</source>
        <translation>ist kein gültiger HTTP-Header-Name</translation>
    </message>
    <message>
        <source>must contain {token} and no control characters</source>
        <translation>muss {token} und darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation>%1: kein gültiges JSON an Position %2: %3</translation>
    </message>
    <message>
        <source>%1: the profile must be a JSON object</source>
        <translation>%1: Das Profil muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos;: %3</source>
        <translation>%1: Feld „%2“: %3</translation>
    </message>
    <message>
        <source>must be a JSON pointer such as &quot;/message&quot;</source>
        <translation>muss ein JSON-Pointer wie &quot;/message&quot; sein</translation>
    </message>
    <message>
        <source>must be an object with a label and an http(s) url</source>
        <translation>muss ein Objekt mit einem label und einer http(s)-url sein</translation>
    </message>
    <message>
        <source>is missing or empty</source>
        <translation>fehlt oder ist leer</translation>
    </message>
    <message>
        <source>must be an http(s) URL such as &quot;https://api.example.com&quot;</source>
        <translation>muss eine http(s)-URL wie &quot;https://api.example.com&quot; sein</translation>
    </message>
</context>
<context>
    <name>ProviderRegistry</name>
    <message>
        <source>%1: the file is larger than %2 KiB; skipped</source>
        <translation>%1: Die Datei ist größer als %2 KiB; übersprungen</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: field &apos;id&apos;: &quot;%2&quot; is already used by %3; skipped</source>
        <translation>%1: Feld „id“: „%2“ wird bereits von %3 verwendet; übersprungen</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>das Profil</translation>
    </message>
    <message>
        <source>field &apos;id&apos;: &quot;%1&quot; is a built-in provider; choose another id</source>
        <translation>Feld „id“: „%1“ ist ein eingebauter Anbieter; wählen Sie eine andere ID</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in provider and cannot be removed.</source>
        <translation>„%1“ ist ein eingebauter Anbieter und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>There is no provider &quot;%1&quot;.</source>
        <translation>Es gibt keinen Anbieter „%1“.</translation>
    </message>
    <message>
        <source>The file %1 holds the provider profile &quot;%2&quot;; rename that file or choose another id.</source>
        <translation>Die Datei %1 enthält das Anbieterprofil „%2“; benennen Sie diese Datei um oder wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <source>The file %1 already exists and is not this profile&apos;s; move it away or choose another id.</source>
        <translation>Die Datei %1 existiert bereits und gehört nicht zu diesem Profil; verschieben Sie sie oder wählen Sie eine andere ID.</translation>
    </message>
</context>
<context>
    <name>ProviderResponse</name>
    <message>
        <source>The provider answered with a web page instead of JSON. Check the base URL: it should point at the API, not a website or login page.</source>
        <translation>Der Anbieter hat mit einer Webseite statt mit JSON geantwortet. Prüfen Sie die Basis-URL: Sie sollte auf die API zeigen, nicht auf eine Website oder Anmeldeseite.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer was empty. Check the base URL and provider type.</source>
        <translation>Die Antwort des Anbieters war leer. Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer is not valid JSON (%1). It may have been cut off; try again.</source>
        <translation>Die Antwort des Anbieters ist kein gültiges JSON (%1). Sie wurde vielleicht abgeschnitten; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no access token at &quot;%1&quot;. Check the provider type.</source>
        <translation>Die Antwort des Anbieters enthält kein Access-Token unter „%1“. Prüfen Sie den Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider&apos;s access token contains characters a header cannot carry (such as line breaks); it was refused.</source>
        <translation>Das Access-Token des Anbieters enthält Zeichen, die ein Header nicht transportieren kann (etwa Zeilenumbrüche); es wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The provider&apos;s refresh token contains characters that are not allowed; it was refused.</source>
        <translation>Das Refresh-Token des Anbieters enthält unzulässige Zeichen; es wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The provider&apos;s refresh token at &quot;%1&quot; is not a string.</source>
        <translation>Das Refresh-Token des Anbieters unter „%1“ ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The provider does not know this login address (HTTP %1). Check the base URL and the provider type.</source>
        <translation>Der Anbieter kennt diese Anmeldeadresse nicht (HTTP %1). Prüfen Sie Basis-URL und Anbietertyp.</translation>
    </message>
    <message>
        <source>The provider reported an error on its side (HTTP %1). Try again later.</source>
        <translation>Der Anbieter hat einen Fehler auf seiner Seite gemeldet (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider answered with an unexpected status (HTTP %1).</source>
        <translation>Der Anbieter hat mit einem unerwarteten Status geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>The provider issued a token that had already expired. Check this computer&apos;s clock and the provider&apos;s.</source>
        <translation>Der Anbieter hat ein Token ausgestellt, das bereits abgelaufen war. Prüfen Sie die Uhr dieses Computers und die des Anbieters.</translation>
    </message>
    <message>
        <source>%1 is %2 bytes long, more than the %3 bytes (%4 KiB) TokenDesk accepts for a token; it was refused.</source>
        <translation>%1 ist %2 Bytes lang, mehr als die %3 Bytes (%4 KiB), die TokenDesk für ein Token annimmt; es wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The provider&apos;s access token</source>
        <translation>Das Access-Token des Anbieters</translation>
    </message>
    <message>
        <source>The provider&apos;s refresh token</source>
        <translation>Das Refresh-Token des Anbieters</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <source>Your profiles live in memory only in this session (demo mode).</source>
        <translation>Ihre Profile liegen in dieser Sitzung nur im Arbeitsspeicher (Demo-Modus).</translation>
    </message>
    <message>
        <source>Your profiles are saved in %1</source>
        <translation>Ihre Profile werden in %1 gespeichert</translation>
    </message>
    <message>
        <source>Import a provider profile</source>
        <translation>Ein Anbieterprofil importieren</translation>
    </message>
    <message>
        <source>Provider profile (*.json);;All files (*)</source>
        <translation>Anbieterprofil (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <source>%1 is built in and cannot be changed. &quot;New from this&quot; starts your own copy.</source>
        <translation>%1 ist eingebaut und kann nicht geändert werden. „Neu als Kopie“ beginnt Ihre eigene Kopie.</translation>
    </message>
    <message>
        <source>Your profile %1. Edit the JSON and save.</source>
        <translation>Ihr Profil %1. Bearbeiten Sie das JSON und speichern Sie.</translation>
    </message>
    <message>
        <source>field &apos;id&apos;: &quot;%1&quot; is a built-in provider; choose another id</source>
        <translation>Feld „id“: „%1“ ist ein eingebauter Anbieter; wählen Sie eine andere ID</translation>
    </message>
    <message>
        <source>Valid profile: %1 (%2). %3</source>
        <translation>Gültiges Profil: %1 (%2). %3</translation>
    </message>
    <message>
        <source>Not a valid profile.</source>
        <translation>Kein gültiges Profil.</translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <translation>&amp;%1:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>My provider</source>
        <translation>Mein Anbieter</translation>
    </message>
    <message>
        <source>A new profile. Give it its own id and name, then save.</source>
        <translation>Ein neues Profil. Geben Sie ihm eine eigene ID und einen Namen und speichern Sie es dann.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB; it is not a provider profile.</source>
        <translation>%1 ist größer als %2 KiB; es ist kein Anbieterprofil.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported from %1 — not saved yet. Check it, test a login, then save.</source>
        <translation>Aus %1 importiert – noch nicht gespeichert. Prüfen Sie es, testen Sie eine Anmeldung und speichern Sie dann.</translation>
    </message>
    <message>
        <source>Replace provider</source>
        <translation>Anbieter ersetzen</translation>
    </message>
    <message>
        <source>A provider profile with the id &quot;%1&quot; (%2) already exists. Replace it?</source>
        <translation>Ein Anbieterprofil mit der ID „%1“ (%2) existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Saved %1. Accounts can use it now: Add account offers it.</source>
        <translation>%1 gespeichert. Konten können es jetzt verwenden: „Konto hinzufügen“ bietet es an.</translation>
    </message>
    <message>
        <source>Provider profile %1 saved.</source>
        <translation>Anbieterprofil %1 gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be deleted: %n account(s) use it (%2). Move them to another provider or remove them first.</source>
        <translation>
            <numerusform>%1 kann nicht gelöscht werden: %n Konto verwendet es (%2). Stellen Sie es zuerst auf einen anderen Anbieter um oder entfernen Sie es.</numerusform>
            <numerusform>%1 kann nicht gelöscht werden: %n Konten verwenden es (%2). Stellen Sie sie zuerst auf einen anderen Anbieter um oder entfernen Sie sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete provider</source>
        <translation>Anbieter löschen</translation>
    </message>
    <message>
        <source>Delete the provider profile %1?</source>
        <translation>Das Anbieterprofil %1 löschen?</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Correct the profile first: %1</source>
        <translation>Korrigieren Sie zuerst das Profil: %1</translation>
    </message>
    <message>
        <source>Enter the base URL, such as https://api.example.com.</source>
        <translation>Geben Sie die Basis-URL ein, etwa https://api.example.com.</translation>
    </message>
    <message>
        <source>Enter the username.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Provider profiles</source>
        <translation>Anbieterprofile</translation>
    </message>
    <message>
        <source>Provider profile JSON</source>
        <translation>JSON des Anbieterprofils</translation>
    </message>
    <message>
        <source>&amp;New from this</source>
        <translation>&amp;Neu als Kopie</translation>
    </message>
    <message>
        <source>Start a new profile as a copy of the one shown</source>
        <translation>Ein neues Profil als Kopie des angezeigten beginnen</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <source>Load a provider profile JSON file into the editor; Save installs it</source>
        <translation>Eine JSON-Datei mit einem Anbieterprofil in den Editor laden; Speichern installiert es</translation>
    </message>
    <message>
        <source>Test login with this profile</source>
        <translation>Anmeldung mit diesem Profil testen</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Used for this test only; never stored</source>
        <translation>Nur für diesen Test verwendet; wird nie gespeichert</translation>
    </message>
    <message>
        <source>&amp;Test login</source>
        <translation>Anmeldung &amp;testen</translation>
    </message>
    <message>
        <source>Providers</source>
        <comment>window title</comment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>profile</source>
        <comment>where an error is: the edited profile</comment>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Replace</source>
        <comment>button: replace the provider profile</comment>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>button: delete the provider profile</comment>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <comment>provider profile</comment>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <comment>provider profile</comment>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Another program changed the provider profile %1 after you opened it. Replace its changes with yours?</source>
        <translation>Ein anderes Programm hat das Anbieterprofil %1 geändert, nachdem Sie es geöffnet haben. Dessen Änderungen durch Ihre ersetzen?</translation>
    </message>
    <message>
        <source>%1 is not saved: another program deleted it.</source>
        <translation>%1 ist nicht gespeichert: Ein anderes Programm hat es gelöscht.</translation>
    </message>
    <message>
        <source>Another program deleted the provider profile %1. Its text is still in the editor: save it to create the profile again, or choose another profile.</source>
        <translation>Ein anderes Programm hat das Anbieterprofil %1 gelöscht. Sein Text steht noch im Editor: Speichern Sie ihn, um das Profil neu anzulegen, oder wählen Sie ein anderes Profil.</translation>
    </message>
    <message>
        <source>Another program changed the provider profile %1; this is its new version.</source>
        <translation>Ein anderes Programm hat das Anbieterprofil %1 geändert; dies ist seine neue Fassung.</translation>
    </message>
    <message>
        <source>Another program changed the provider profile %1 while you were editing it. Your unsaved edits are kept; saving them replaces that change.</source>
        <translation>Ein anderes Programm hat das Anbieterprofil %1 geändert, während Sie es bearbeitet haben. Ihre ungespeicherten Änderungen bleiben erhalten; wenn Sie sie speichern, ersetzen sie diese Änderung.</translation>
    </message>
    <message>
        <source>Unsaved provider profile</source>
        <translation>Ungespeichertes Anbieterprofil</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <comment>button: throw the unsaved profile away</comment>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>RetryAfter</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait but did not say how long; TokenDesk waits %1.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet zu warten, sagt aber nicht, wie lange; TokenDesk wartet %1.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait (unreadable Retry-After); TokenDesk waits %1.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet zu warten (unlesbares Retry-After); TokenDesk wartet %1.</translation>
    </message>
    <message>
        <source>Too many attempts, but the provider allows trying again right away (Retry-After: 0).</source>
        <translation>Zu viele Versuche, doch der Anbieter erlaubt einen sofortigen neuen Versuch (Retry-After: 0).</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait until %1, which has passed; TokenDesk may try again right away.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, bis %1 zu warten – dieser Zeitpunkt ist vorbei; TokenDesk darf es sofort erneut versuchen.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait more than a day; TokenDesk waits at most %1.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, länger als einen Tag zu warten; TokenDesk wartet höchstens %1.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait %1; TokenDesk sends nothing before then.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, %1 zu warten; bis dahin sendet TokenDesk nichts.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait until %1; TokenDesk waits at most %2.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, bis %1 zu warten; TokenDesk wartet höchstens %2.</translation>
    </message>
    <message>
        <source>Too many attempts: the provider asked to wait until %1; TokenDesk waits %2.</source>
        <translation>Zu viele Versuche: Der Anbieter bittet, bis %1 zu warten; TokenDesk wartet %2.</translation>
    </message>
</context>
<context>
    <name>SecretRedactor</name>
    <message>
        <source>[redacted]</source>
        <translation>[entfernt]</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>TokenDesk Settings</source>
        <translation>TokenDesk-Einstellungen</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <comment>settings group</comment>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source> s</source>
        <comment>unit suffix: seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Clear the clipboard after, seconds</source>
        <translation>Zwischenablage leeren nach, Sekunden</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>clear the clipboard after</comment>
        <translation>Nie</translation>
    </message>
    <message>
        <source>A copied token is removed from the clipboard after this time, if it is still there. It is always removed when TokenDesk quits.</source>
        <translation>Ein kopiertes Token wird nach dieser Zeit aus der Zwischenablage entfernt, falls es noch dort ist. Beim Beenden von TokenDesk wird es immer entfernt.</translation>
    </message>
    <message>
        <source>C&amp;lear copied tokens after:</source>
        <translation>Kopierte Tokens &amp;leeren nach:</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>accessible name</comment>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Tokens</source>
        <comment>settings group</comment>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>&amp;Renew tokens automatically before they expire</source>
        <translation>Tokens vor Ablauf automatisch &amp;erneuern</translation>
    </message>
    <message>
        <source>With a refresh token, or by logging in again with the stored credential when the account keeps you signed in</source>
        <translation>Mit einem Refresh-Token oder durch erneutes Anmelden mit den gespeicherten Zugangsdaten, wenn das Konto angemeldet bleibt</translation>
    </message>
    <message>
        <source>Renew ahead of expiry, seconds</source>
        <translation>Vor Ablauf erneuern, Sekunden</translation>
    </message>
    <message>
        <source>Tokens are renewed this long before they expire. Short-lived tokens are renewed when 90 % of their lifetime has passed, at the latest 10 s before expiry.</source>
        <translation>Tokens werden so lange vor ihrem Ablauf erneuert. Kurzlebige Tokens werden erneuert, wenn 90 % ihrer Lebensdauer vergangen sind, spätestens 10 s vor Ablauf.</translation>
    </message>
    <message>
        <source>Renew &amp;ahead by up to:</source>
        <translation>&amp;Vorlauf bis zu:</translation>
    </message>
    <message>
        <source>Network timeout, seconds</source>
        <translation>Netzwerk-Zeitlimit, Sekunden</translation>
    </message>
    <message>
        <source>A login or refresh that has no complete answer by then fails</source>
        <translation>Eine Anmeldung oder Erneuerung ohne vollständige Antwort bis dahin schlägt fehl</translation>
    </message>
    <message>
        <source>&amp;Network timeout:</source>
        <translation>&amp;Netzwerk-Zeitlimit:</translation>
    </message>
    <message>
        <source> min</source>
        <comment>unit suffix: minutes</comment>
        <translation> min</translation>
    </message>
    <message>
        <source>Warn before a token expires, minutes</source>
        <translation>Vor Ablauf eines Tokens warnen, Minuten</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>expiry notice</comment>
        <translation>Aus</translation>
    </message>
    <message>
        <source>A notification this long before a token expires that TokenDesk cannot renew by itself. Failed automatic renewals are always notified.</source>
        <translation>Eine Benachrichtigung so lange vor dem Ablauf eines Tokens, das TokenDesk nicht selbst erneuern kann. Über fehlgeschlagene automatische Erneuerungen wird immer benachrichtigt.</translation>
    </message>
    <message>
        <source>&amp;Warn before expiry:</source>
        <translation>Vor Ablauf &amp;warnen:</translation>
    </message>
    <message>
        <source>Applies to tokens that cannot be renewed automatically.</source>
        <translation>Gilt für Tokens, die nicht automatisch erneuert werden können.</translation>
    </message>
    <message>
        <source>Window</source>
        <comment>settings group</comment>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>System default</source>
        <comment>language</comment>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies after TokenDesk restarts.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von TokenDesk.</translation>
    </message>
    <message>
        <source>&amp;Start minimised to the tray</source>
        <translation>Minimiert im Infobereich s&amp;tarten</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>&amp;Im Infobereich weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>This desktop has no system tray: these options take effect where it has one.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: Diese Optionen wirken dort, wo es einen gibt.</translation>
    </message>
</context>
<context>
    <name>TokenOperation</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; of this account is not known. Check its provider profile.</source>
        <translation>Der Anbieter „%1“ dieses Kontos ist nicht bekannt. Prüfen Sie sein Anbieterprofil.</translation>
    </message>
    <message>
        <source>The account changed while logging in. Try again.</source>
        <translation>Das Konto wurde während der Anmeldung geändert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Rate limited by the provider — retry in %1.</source>
        <translation>Vom Anbieter gedrosselt – neuer Versuch in %1.</translation>
    </message>
    <message>
        <source>%1 The new token is in the keychain, but the account does not record it: fix the cause, then log in again.</source>
        <translation>%1 Das neue Token liegt im Schlüsselbund, aber das Konto vermerkt es nicht: Beheben Sie die Ursache und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>%1 The tokens were removed from the keychain, but the account still lists them until it can be saved.</source>
        <translation>%1 Die Tokens wurden aus dem Schlüsselbund entfernt, aber das Konto führt sie noch, bis es gespeichert werden kann.</translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Erneuerung…</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Gedrosselt</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit TokenDesk</source>
        <translation>TokenDesk &amp;beenden</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>token in the tray menu</comment>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>weniger als eine Minute übrig</translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>noch %n min</numerusform>
            <numerusform>noch %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h left</source>
        <comment>hours</comment>
        <translation>
            <numerusform>noch %n h</numerusform>
            <numerusform>noch %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days left</source>
        <translation>
            <numerusform>noch %n Tag</numerusform>
            <numerusform>noch %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>expiry unknown</source>
        <translation>Ablauf unbekannt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>tray menu entry: %1 the account name, %2 the time left, e.g. &quot;4 min left&quot;</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No tokens yet</source>
        <translation>Noch keine Tokens</translation>
    </message>
    <message>
        <source>Expiring soonest</source>
        <translation>Läuft zuerst ab</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;header line</source>
        <translation>&amp;Header-Zeile kopieren</translation>
    </message>
    <message>
        <source>&amp;Hide TokenDesk</source>
        <translation>TokenDesk &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Show TokenDesk</source>
        <translation>TokenDesk an&amp;zeigen</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop credential manager for third-party HTTP APIs.</source>
        <translation>Desktop-Verwaltung von Zugangsdaten für HTTP-APIs von Drittanbietern.</translation>
    </message>
    <message>
        <source>Run on the embedded demo providers, with in-memory accounts and secrets.</source>
        <translation>Mit den eingebauten Demo-Anbietern laufen, Konten und Geheimnisse nur im Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>Show the main window, save a PNG of it to &lt;file&gt; and quit.</source>
        <translation>Das Hauptfenster zeigen, ein PNG davon in &lt;Datei&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Could not start the demo providers: %1</source>
        <translation>Die Demo-Anbieter konnten nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>Der Screenshot konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
</TS>
