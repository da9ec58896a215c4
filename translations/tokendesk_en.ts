<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountActions</name>
    <message numerus="yes">
        <source>Remove %n accounts (%1)? Their credentials and tokens are deleted from the keychain.</source>
        <translation>
            <numerusform>Remove %n account (%1)? Its credentials and tokens are deleted from the keychain.</numerusform>
            <numerusform>Remove %n accounts (%1)? Their credentials and tokens are deleted from the keychain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Logging in %n account(s) shown by the filter; the hidden ones are left alone.</source>
        <translation>
            <numerusform>Logging in %n account shown by the filter; the hidden ones are left alone.</numerusform>
            <numerusform>Logging in %n accounts shown by the filter; the hidden ones are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log in all: %n account(s) without a stored API key or password skipped. To enter one, select the account and log in (Ctrl+L).</source>
        <translation>
            <numerusform>Log in all: %n account without a stored API key or password skipped. To enter it, select the account and log in (Ctrl+L).</numerusform>
            <numerusform>Log in all: %n accounts without a stored API key or password skipped. To enter one, select the account and log in (Ctrl+L).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
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
    <message numerus="yes">
        <source>in %n day(s)</source>
        <comment>time left</comment>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountExport</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountImport</name>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountLock</name>
    <message numerus="yes">
        <source>Another TokenDesk process is still renewing this account; gave up after %n second(s). Try again shortly.</source>
        <translation>
            <numerusform>Another TokenDesk process is still renewing this account; gave up after %n second. Try again shortly.</numerusform>
            <numerusform>Another TokenDesk process is still renewing this account; gave up after %n seconds. Try again shortly.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Exported %n account(s)</source>
        <translation>
            <numerusform>Exported %n account</numerusform>
            <numerusform>Exported %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s); no secret is in the file.</source>
        <translation>
            <numerusform>%n provider profile; no secret is in the file.</numerusform>
            <numerusform>%n provider profiles; no secret is in the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>= %n account(s) already here, unchanged</source>
        <translation>
            <numerusform>= %n account already here, unchanged</numerusform>
            <numerusform>= %n accounts already here, unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new account(s)</source>
        <translation>
            <numerusform>Imported %n new account</numerusform>
            <numerusform>Imported %n new accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %n</source>
        <translation>
            <numerusform>changed %n</numerusform>
            <numerusform>changed %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>replaced %n</source>
        <translation>
            <numerusform>replaced %n</numerusform>
            <numerusform>replaced %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: the password of &quot;%1&quot; expires on %2 (in %n day(s)). Change it at the provider.</source>
        <translation>
            <numerusform>Warning: the password of &quot;%1&quot; expires on %2 (in %n day). Change it at the provider.</numerusform>
            <numerusform>Warning: the password of &quot;%1&quot; expires on %2 (in %n days). Change it at the provider.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message numerus="yes">
        <source>%1 copied — clears in %n s</source>
        <extracomment>%1 is what was copied, e.g. &quot;Token&quot;; %n the seconds until the clipboard is cleared</extracomment>
        <translation>
            <numerusform>%1 copied — clears in %n s</numerusform>
            <numerusform>%1 copied — clears in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountdownDelegate</name>
    <message numerus="yes">
        <source>rate limited — retry in %n s</source>
        <translation>
            <numerusform>rate limited — retry in %n s</numerusform>
            <numerusform>rate limited — retry in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message numerus="yes">
        <source>The password expires on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>The password expires on %1 (in %n day).</numerusform>
            <numerusform>The password expires on %1 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <source>Export the %n selected account(s), or all %1 accounts?</source>
        <translation>
            <numerusform>Export the %n selected account, or all %1 accounts?</numerusform>
            <numerusform>Export the %n selected accounts, or all %1 accounts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export all %n account(s) — no secrets</source>
        <translation>
            <numerusform>Export the %n account — no secrets</numerusform>
            <numerusform>Export all %n accounts — no secrets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export the %n selected account(s) — no secrets</source>
        <translation>
            <numerusform>Export the %n selected account — no secrets</numerusform>
            <numerusform>Export the %n selected accounts — no secrets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s)</source>
        <translation>
            <numerusform>%n provider profile</numerusform>
            <numerusform>%n provider profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to import: the %n account(s) in %1 are already here, unchanged.</source>
        <translation>
            <numerusform>Nothing to import: the %n account in %1 is already here, unchanged.</numerusform>
            <numerusform>Nothing to import: the %n accounts in %1 are already here, unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1: %n new account(s)</source>
        <translation>
            <numerusform>Imported from %1: %n new account</numerusform>
            <numerusform>Imported from %1: %n new accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed</source>
        <translation>
            <numerusform>, %n changed</numerusform>
            <numerusform>, %n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replaced</source>
        <translation>
            <numerusform>, %n replaced</numerusform>
            <numerusform>, %n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>account names, then how many are not named</comment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) failed: %1 — hover a row for the provider&apos;s words.</source>
        <translation>
            <numerusform>%n account failed: %1 — hover a row for the provider&apos;s words.</numerusform>
            <numerusform>%n accounts failed: %1 — hover a row for the provider&apos;s words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpJob</name>
    <message numerus="yes">
        <source>The provider did not answer within %n second(s). Try again later or raise the network timeout.</source>
        <translation>
            <numerusform>The provider did not answer within %n second. Try again later or raise the network timeout.</numerusform>
            <numerusform>The provider did not answer within %n seconds. Try again later or raise the network timeout.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n new account(s)</source>
        <translation>
            <numerusform>%n new account</numerusform>
            <numerusform>%n new accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing account(s) the file would change</source>
        <translation>
            <numerusform>%n existing account the file would change</numerusform>
            <numerusform>%n existing accounts the file would change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here, unchanged</source>
        <translation>
            <numerusform>%n already here, unchanged</numerusform>
            <numerusform>%n already here, unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider profile(s)</source>
        <translation>
            <numerusform>%n provider profile</numerusform>
            <numerusform>%n provider profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also apply the changes to the %n existing account(s) and provider profile(s) listed above</source>
        <translation>
            <numerusform>Also apply the changes to the %n existing account or provider profile listed above</numerusform>
            <numerusform>Also apply the changes to the %n existing accounts and provider profiles listed above</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also apply the changes to the %n existing account(s) listed above</source>
        <translation>
            <numerusform>Also apply the changes to the %n existing account listed above</numerusform>
            <numerusform>Also apply the changes to the %n existing accounts listed above</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n field differs</numerusform>
            <numerusform>%n fields differ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s). It may be waiting for you to unlock it; try again.</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second. It may be waiting for you to unlock it; try again.</numerusform>
            <numerusform>The system keychain did not answer within %n seconds. It may be waiting for you to unlock it; try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message numerus="yes">
        <source>%1 cannot be deleted: %n account(s) use it (%2). Move them to another provider or remove them first.</source>
        <translation>
            <numerusform>%1 cannot be deleted: %n account uses it (%2). Move it to another provider or remove it first.</numerusform>
            <numerusform>%1 cannot be deleted: %n accounts use it (%2). Move them to another provider or remove them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetryAfter</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message numerus="yes">
        <source>%n min left</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h left</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n h left</numerusform>
            <numerusform>%n h left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
</TS>
