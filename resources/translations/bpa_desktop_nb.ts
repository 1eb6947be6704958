<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Kan ikke åpne databasen</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <source>Rota version</source>
        <translation>Turnusversjon</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Sett</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Seen and approved by</source>
        <translation>Sett og godkjent av</translation>
    </message>
    <message>
        <source>Record that someone has seen or approved this version</source>
        <translation>Registrer at noen har sett eller godkjent denne versjonen</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeidsgiver</translation>
    </message>
    <message>
        <source>Union representative</source>
        <translation>Tillitsvalgt</translation>
    </message>
    <message>
        <source>Name or initials</source>
        <translation>Navn eller initialer</translation>
    </message>
    <message>
        <source>Seen on</source>
        <translation>Sett dato</translation>
    </message>
    <message>
        <source>&amp;Approved on the same day</source>
        <translation>Godkjent &amp;samme dag</translation>
    </message>
    <message>
        <source>Approved on the same day</source>
        <translation>Godkjent samme dag</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>Re&amp;gistrer</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>Ro&amp;lle</translation>
    </message>
    <message>
        <source>A&amp;ssistant</source>
        <translation>Ass&amp;istent</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Hvem</translation>
    </message>
    <message>
        <source>S&amp;een on</source>
        <translation>S&amp;ett dato</translation>
    </message>
    <message>
        <source>Share the planned shifts of the roll-out period</source>
        <translation>Del de planlagte vaktene i utrullingsperioden</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF …</translation>
    </message>
    <message>
        <source>&amp;iCal for the chosen assistant…</source>
        <translation>i&amp;Cal for valgt assistent …</translation>
    </message>
    <message>
        <source>&amp;JSON file…</source>
        <translation>&amp;JSON-fil …</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Versjon</translation>
    </message>
    <message>
        <source>Version %1 “%2”, saved %3, %4 – %5</source>
        <translation>Versjon %1 «%2», lagret %3, %4 – %5</translation>
    </message>
    <message>
        <source>Not rolled out yet</source>
        <translation>Ikke rullet ut ennå</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>Registrert.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Skriver …</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
    <message>
        <source>Save the rota as PDF</source>
        <translation>Lagre turnusen som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Save the assistant's shifts as iCalendar</source>
        <translation>Lagre assistentens vakter som iCalendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-filer (*.ics)</translation>
    </message>
    <message>
        <source>Save the planned shifts as a shift file</source>
        <translation>Lagre de planlagte vaktene som vaktfil</translation>
    </message>
    <message>
        <source>Shift files (*.json)</source>
        <translation>Vaktfiler (*.json)</translation>
    </message>
</context>
<context>
    <name>ArrangementForm</name>
    <message>
        <source>Name of the &amp;arrangement</source>
        <translation>Navn på o&amp;rdningen</translation>
    </message>
    <message>
        <source>What you call this arrangement, for example the recipient's first name</source>
        <translation>Det du kaller ordningen, for eksempel tjenestemottakerens fornavn</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>Tjeneste&amp;mottaker</translation>
    </message>
    <message>
        <source>The person who receives assistance</source>
        <translation>Personen som mottar assistanse</translation>
    </message>
    <message>
        <source>&amp;Leader (arbeidsleder)</source>
        <translation>&amp;Arbeidsleder</translation>
    </message>
    <message>
        <source>The person who leads the assistants day to day</source>
        <translation>Personen som leder assistentene i hverdagen</translation>
    </message>
    <message>
        <source>Employer &amp;kind</source>
        <translation>Type arbeids&amp;giver</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>Arbeidsgi&amp;ver</translation>
    </message>
    <message>
        <source>The municipality or company that pays the wages</source>
        <translation>Kommunen eller firmaet som betaler lønnen</translation>
    </message>
    <message>
        <source>&amp;Organisation number</source>
        <translation>Organisasjonsnumm&amp;er</translation>
    </message>
    <message>
        <source>The employer's 9-digit organisation number</source>
        <translation>Arbeidsgiverens organisasjonsnummer (9 sifre)</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommune</translation>
    </message>
    <message>
        <source>The municipality that made the vedtak</source>
        <translation>Kommunen som har fattet vedtaket</translation>
    </message>
</context>
<context>
    <name>ArrangementSwitcher</name>
    <message>
        <source>Arrangement</source>
        <translation>Ordning</translation>
    </message>
    <message>
        <source>Which arrangement the pages show</source>
        <translation>Hvilken ordning sidene viser</translation>
    </message>
    <message>
        <source>Arrangemen&amp;t:</source>
        <translation>&amp;Ordning:</translation>
    </message>
    <message>
        <source>Ne&amp;w arrangement…</source>
        <translation>N&amp;y ordning …</translation>
    </message>
    <message>
        <source>Set up another arrangement with its vedtak and assistants</source>
        <translation>Opprett en ordning til, med vedtak og assistenter</translation>
    </message>
</context>
<context>
    <name>ArrangementWizard</name>
    <message>
        <source>Welcome to bpa-desktop</source>
        <translation>Velkommen til bpa-desktop</translation>
    </message>
    <message>
        <source>New arrangement</source>
        <translation>Ny ordning</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fullfør</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>An arrangement (ordning) is one person's BPA scheme. Fill in who it is for, who leads it and who the employer is.</source>
        <translation>En ordning er én persons BPA-ordning. Fyll inn hvem den er for, hvem som er arbeidsleder og hvem som er arbeidsgiver.</translation>
    </message>
    <message>
        <source>There is no arrangement yet. Let us set one up.</source>
        <translation>Det finnes ingen ordning ennå. La oss opprette en.</translation>
    </message>
    <message>
        <source>Arrangement</source>
        <translation>Ordning</translation>
    </message>
    <message>
        <source>Vedtak</source>
        <translation>Vedtak</translation>
    </message>
    <message>
        <source>The municipality's decision: hours granted per week and the period it covers. A later change is added as a new vedtak on the Vedtak page.</source>
        <translation>Kommunens vedtak: innvilgede timer per uke og perioden vedtaket gjelder. En senere endring legges inn som et nytt vedtak på siden Vedtak.</translation>
    </message>
</context>
<context>
    <name>AssistantForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>The assistant's full name</source>
        <translation>Assistentens fulle navn</translation>
    </message>
    <message>
        <source>&amp;Employee number</source>
        <translation>&amp;Ansattnummer</translation>
    </message>
    <message>
        <source>The employer's employee number (ansattnummer)</source>
        <translation>Arbeidsgiverens ansattnummer for assistenten</translation>
    </message>
    <message>
        <source>&amp;Position percentage</source>
        <translation>&amp;Stillingsprosent</translation>
    </message>
    <message>
        <source>Contract share of a full-time week</source>
        <translation>Avtalt andel av en full arbeidsuke</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Start date kno&amp;wn</source>
        <translation>Startdato &amp;kjent</translation>
    </message>
    <message>
        <source>Sta&amp;rt date</source>
        <translation>Startdat&amp;o</translation>
    </message>
    <message>
        <source>Has end &amp;date</source>
        <translation>Har sl&amp;uttdato</translation>
    </message>
    <message>
        <source>End da&amp;te</source>
        <translation>Slutt&amp;dato</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Sluttdato</translation>
    </message>
</context>
<context>
    <name>AssistantTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Ansattnr.</translation>
    </message>
    <message>
        <source>Position %</source>
        <translation>Stilling %</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ending %1</source>
        <translation>Slutter %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
</context>
<context>
    <name>AssistantsPage</name>
    <message>
        <source>Assistants</source>
        <translation>Assistenter</translation>
    </message>
    <message>
        <source>&amp;Show ended</source>
        <translation>Vis avsl&amp;uttede</translation>
    </message>
    <message>
        <source>Show ended assistants</source>
        <translation>Vis avsluttede assistenter</translation>
    </message>
    <message>
        <source>&amp;Add assistant</source>
        <translation>&amp;Legg til assistent</translation>
    </message>
    <message>
        <source>Ed&amp;it</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>En&amp;d employment</source>
        <translation>A&amp;vslutt arbeidsforhold</translation>
    </message>
    <message>
        <source>No arrangement yet. Create one with “New arrangement”.</source>
        <translation>Ingen ordning ennå. Opprett en med «Ny ordning».</translation>
    </message>
    <message>
        <source>No assistants yet. Add one with “Add assistant” (Ctrl+N).</source>
        <translation>Ingen assistenter ennå. Legg til en med «Legg til assistent» (Ctrl+N).</translation>
    </message>
    <message>
        <source>New assistant</source>
        <translation>Ny assistent</translation>
    </message>
    <message>
        <source>Edit assistant</source>
        <translation>Rediger assistent</translation>
    </message>
    <message>
        <source>End employment</source>
        <translation>Avslutt arbeidsforhold</translation>
    </message>
    <message>
        <source>The assistant is kept in the history, timesheets and reports. Choose the last day of employment.</source>
        <translation>Assistenten blir stående i historikk, timelister og rapporter. Velg siste arbeidsdag i stillingen.</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>Siste &amp;dag</translation>
    </message>
</context>
<context>
    <name>AssistantsWizardPage</name>
    <message>
        <source>Assistants</source>
        <translation>Assistenter</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Assistants to add</source>
        <translation>Assistenter som legges til</translation>
    </message>
    <message>
        <source>&amp;Add assistant…</source>
        <translation>&amp;Legg til assistent …</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Rediger …</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>F&amp;jern</translation>
    </message>
    <message>
        <source>Add the assistants you employ now. You can skip this and add them later on the Assistants page.</source>
        <translation>Legg inn assistentene du har ansatt nå. Du kan hoppe over dette og legge dem til senere på siden Assistenter.</translation>
    </message>
    <message>
        <source>New assistant</source>
        <translation>Ny assistent</translation>
    </message>
    <message>
        <source>Edit assistant</source>
        <translation>Rediger assistent</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>swapped</source>
        <translation>byttet</translation>
    </message>
    <message>
        <source>substitute</source>
        <translation>vikar</translation>
    </message>
    <message>
        <source>extra shift</source>
        <translation>ekstravakt</translation>
    </message>
    <message>
        <source>overtime</source>
        <translation>overtid</translation>
    </message>
    <message>
        <source>%1: %2 hours of need without anyone planned</source>
        <translation>%1: %2 timer av behovet uten noen planlagt</translation>
    </message>
    <message>
        <source>%1: the need is covered</source>
        <translation>%1: behovet er dekket</translation>
    </message>
    <message>
        <source>free</source>
        <translation>fri</translation>
    </message>
    <message>
        <source>Not covered (h)</source>
        <translation>Udekket (t)</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Week</source>
        <translation>Uke</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 uker</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Calendar span</source>
        <translation>Kalenderens lengde</translation>
    </message>
    <message>
        <source>◀ &amp;Earlier</source>
        <translation>◀ &amp;Tidligere</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Tidligere</translation>
    </message>
    <message>
        <source>&amp;Later ▶</source>
        <translation>&amp;Senere ▶</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>I &amp;dag</translation>
    </message>
    <message>
        <source>S&amp;wap…</source>
        <translation>&amp;Bytt …</translation>
    </message>
    <message>
        <source>Select two shifts of different assistants, then swap them</source>
        <translation>Velg to vakter hos forskjellige assistenter og bytt dem</translation>
    </message>
    <message>
        <source>Give to &amp;substitute…</source>
        <translation>Gi til &amp;vikar …</translation>
    </message>
    <message>
        <source>E&amp;xtra shift…</source>
        <translation>E&amp;kstravakt …</translation>
    </message>
    <message>
        <source>Select a free day of an assistant</source>
        <translation>Velg en fridag hos en assistent</translation>
    </message>
    <message>
        <source>&amp;Cancel shift…</source>
        <translation>&amp;Avlys vakt …</translation>
    </message>
    <message>
        <source>Planned shifts</source>
        <translation>Planlagte vakter</translation>
    </message>
    <message>
        <source>Rows are assistants, columns are days; the last row shows hours not covered</source>
        <translation>Radene er assistenter, kolonnene er dager; nederste rad viser timer som ikke er dekket</translation>
    </message>
    <message>
        <source>Swap %1 and %2.</source>
        <translation>Bytt %1 og %2.</translation>
    </message>
    <message>
        <source>Swap shifts</source>
        <translation>Bytt vakter</translation>
    </message>
    <message>
        <source>Give %1 to someone else.</source>
        <translation>Gi %1 til en annen.</translation>
    </message>
    <message>
        <source>Give to substitute</source>
        <translation>Gi til vikar</translation>
    </message>
    <message>
        <source>&amp;Who takes it</source>
        <translation>&amp;Hvem tar den</translation>
    </message>
    <message>
        <source>Cancel %1. The pattern stays as it is.</source>
        <translation>Avlys %1. Turnusmønsteret er uendret.</translation>
    </message>
    <message>
        <source>Cancel shift</source>
        <translation>Avlys vakt</translation>
    </message>
    <message>
        <source>An extra shift for %1 on %2.</source>
        <translation>En ekstravakt for %1 %2.</translation>
    </message>
    <message>
        <source>Extra shift</source>
        <translation>Ekstravakt</translation>
    </message>
    <message>
        <source>Shift &amp;code</source>
        <translation>Vakt&amp;kode</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Say why the shift is changed.</source>
        <translation>Skriv hvorfor vakten endres.</translation>
    </message>
</context>
<context>
    <name>ChangeForm</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Shown in the calendar and kept with the change</source>
        <translation>Vises i kalenderen og lagres med endringen</translation>
    </message>
</context>
<context>
    <name>EndDateDialog</name>
    <message>
        <source>&amp;End</source>
        <translation>A&amp;vslutt</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Avslutt</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong. The change was not saved. Details are in the log file.</source>
        <translation>Noe gikk galt. Endringen ble ikke lagret. Detaljer står i loggfilen.</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>Kunne ikke fullføre</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Working-time findings</source>
        <translation>Arbeidstidsfunn</translation>
    </message>
    <message>
        <source>Enter or a click selects the pattern cells a finding concerns; F8 and Shift+F8 step through them</source>
        <translation>Enter eller et klikk velger rutene i mønsteret som funnet gjelder; F8 og Shift+F8 går gjennom funnene</translation>
    </message>
    <message>
        <source>No findings: the pattern keeps the working-time rules.</source>
        <translation>Ingen funn: turnusen holder arbeidstidsreglene.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sjekker …</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 brudd, %2 advarsler</translation>
    </message>
    <message>
        <source>(checking the whole period…)</source>
        <translation>(sjekker hele perioden …)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Brudd</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>(and %1 more times)</source>
        <translation>(og %1 ganger til)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>HourBar</name>
    <message>
        <source>No vedtak grants hours this year.</source>
        <translation>Ingen vedtak gir timer i år.</translation>
    </message>
    <message>
        <source>%1 h left at year end</source>
        <translation>%1 t igjen ved årsslutt</translation>
    </message>
    <message>
        <source>%1 h over the vedtak</source>
        <translation>%1 t over vedtaket</translation>
    </message>
    <message>
        <source>%1: granted %2 h · worked %3 h · planned %4 h · forecast %5 h (%6)</source>
        <translation>%1: innvilget %2 t · arbeidet %3 t · planlagt %4 t · prognose %5 t (%6)</translation>
    </message>
    <message>
        <source>Dark: worked, light: planned, solid line: granted, dashed line: forecast</source>
        <translation>Mørk: arbeidet, lys: planlagt, hel strek: innvilget, stiplet strek: prognose</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Permanent</source>
        <translation>Fast</translation>
    </message>
    <message>
        <source>Substitute</source>
        <translation>Vikar</translation>
    </message>
    <message>
        <source>On-call substitute</source>
        <translation>Tilkallingsvikar</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Private provider</source>
        <translation>Privat leverandør</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bpa-desktop</source>
        <translation>bpa-desktop</translation>
    </message>
    <message>
        <source>bpa-desktop main window</source>
        <translation>bpa-desktop hovedvindu</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Choose a page; Ctrl+1 to Ctrl+8 jump straight to one</source>
        <translation>Velg en side; Ctrl+1 til Ctrl+8 går rett til en side</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasefil</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <source>%1 – bpa-desktop</source>
        <translation>%1 – bpa-desktop</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Current vedtak</source>
        <translation>Gjeldende vedtak</translation>
    </message>
    <message>
        <source>Hours granted this year</source>
        <translation>Innvilgede timer i år</translation>
    </message>
    <message>
        <source>Active assistants</source>
        <translation>Aktive assistenter</translation>
    </message>
    <message>
        <source>Coming here: planned and worked hours against the vedtak, the forecast at year end, rule findings in the rota and timesheets waiting for attestation.</source>
        <translation>Kommer her: planlagte og arbeidede timer mot vedtaket, prognose ved årsslutt, regelbrudd i turnusen og timelister som venter på attestering.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>No arrangement yet. Create one with “New arrangement”.</source>
        <translation>Ingen ordning ennå. Opprett en med «Ny ordning».</translation>
    </message>
    <message>
        <source>Overview: %1</source>
        <translation>Oversikt: %1</translation>
    </message>
    <message>
        <source>No vedtak is valid today.</source>
        <translation>Ingen vedtak gjelder i dag.</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>uten sluttdato</translation>
    </message>
    <message>
        <source>%1 hours per week, %2 – %3</source>
        <translation>%1 timer per uke, %2 – %3</translation>
    </message>
    <message>
        <source>%1 hours in %2</source>
        <translation>%1 timer i %2</translation>
    </message>
</context>
<context>
    <name>PatternModel</name>
    <message>
        <source>week %1 %2 (first %3)</source>
        <translation>uke %1 %2 (første gang %3)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>fri</translation>
    </message>
    <message>
        <source>%1 (unknown code)</source>
        <translation>%1 (ukjent kode)</translation>
    </message>
    <message>
        <source>breaks a working-time rule</source>
        <translation>bryter en arbeidstidsregel</translation>
    </message>
    <message>
        <source>has a warning</source>
        <translation>har en advarsel</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>U%1</translation>
    </message>
    <message>
        <source>week %1 %2</source>
        <translation>uke %1 %2</translation>
    </message>
    <message>
        <source>set a shift</source>
        <translation>sett en vakt</translation>
    </message>
</context>
<context>
    <name>PatternView</name>
    <message>
        <source>Rota pattern</source>
        <translation>Turnusmønster</translation>
    </message>
    <message>
        <source>Rows are assistants, columns are the days of the pattern. Type a shift code and press Enter; Delete clears; Ctrl+C and Ctrl+V copy; drag a selection to move it.</source>
        <translation>Radene er assistenter, kolonnene er dagene i mønsteret. Skriv en vaktkode og trykk Enter; Delete tømmer; Ctrl+C og Ctrl+V kopierer; dra et utvalg for å flytte det.</translation>
    </message>
    <message>
        <source>Not shift codes, left out: %1</source>
        <translation>Ikke vaktkoder, utelatt: %1</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>lim inn</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>tøm</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>kopier</translation>
    </message>
    <message>
        <source>move</source>
        <translation>flytt</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Coming: the hour account against the vedtak with a forecast for the year, hours split into pay codes, and PDF, payroll file and calendar exports.</source>
        <translation>Kommer: timeregnskap mot vedtaket med prognose for året, timer fordelt på lønnsarter, og eksport til PDF, lønnsfil og kalender.</translation>
    </message>
</context>
<context>
    <name>RotaPage</name>
    <message>
        <source>Rota</source>
        <translation>Turnus</translation>
    </message>
    <message>
        <source>Rota name</source>
        <translation>Turnusens navn</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> uker</translation>
    </message>
    <message>
        <source>Weeks in the pattern</source>
        <translation>Uker i mønsteret</translation>
    </message>
    <message>
        <source>Roll out from (a Monday)</source>
        <translation>Rull ut fra (en mandag)</translation>
    </message>
    <message>
        <source>Roll out until</source>
        <translation>Rull ut til og med</translation>
    </message>
    <message>
        <source>&amp;Roll out</source>
        <translation>&amp;Rull ut</translation>
    </message>
    <message>
        <source>Save the pattern as a new version and replace the planned shifts in the period</source>
        <translation>Lagre mønsteret som en ny versjon og erstatt de planlagte vaktene i perioden</translation>
    </message>
    <message>
        <source>Shift &amp;codes…</source>
        <translation>Vakt&amp;koder …</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Angre siste endring (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>Gjør &amp;om</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Gjør om (Ctrl+Shift+Z eller Ctrl+Y)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Lengde</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>T&amp;il</translation>
    </message>
    <message>
        <source>Rota views</source>
        <translation>Turnusvisninger</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation>&amp;Mønster</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>Kalen&amp;der</translation>
    </message>
    <message>
        <source>Sharing and &amp;approval</source>
        <translation>Deling og &amp;godkjenning</translation>
    </message>
    <message>
        <source>There are no shift codes yet: add them with “Shift codes…” first.</source>
        <translation>Det finnes ingen vaktkoder ennå: legg dem til med «Vaktkoder …» først.</translation>
    </message>
    <message>
        <source>Codes: %1</source>
        <translation>Koder: %1</translation>
    </message>
    <message>
        <source>change the length</source>
        <translation>endre lengden</translation>
    </message>
    <message>
        <source>“%1” is not a shift code. Known codes: %2</source>
        <translation>«%1» er ikke en vaktkode. Kjente koder: %2</translation>
    </message>
    <message>
        <source>Rolling out…</source>
        <translation>Ruller ut …</translation>
    </message>
    <message>
        <source>Rolled out from %1 to %2 as a new version.</source>
        <translation>Rullet ut fra %1 til %2 som en ny versjon.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Arrangement</source>
        <translation>Ordning</translation>
    </message>
    <message>
        <source>Sa&amp;ve details</source>
        <translation>&amp;Lagre opplysninger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Takes effect the next time the program starts</source>
        <translation>Gjelder fra neste gang programmet starter</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>S&amp;pråk</translation>
    </message>
    <message>
        <source>The language changes the next time the program starts.</source>
        <translation>Språket endres neste gang programmet starter.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Working-time agreement</source>
        <translation>Arbeidstidsavtale</translation>
    </message>
    <message>
        <source>The Working Environment Act, no agreements</source>
        <translation>Arbeidsmiljøloven, uten avtaler</translation>
    </message>
    <message>
        <source>Written individual averaging agreement (§ 10-5 (1))</source>
        <translation>Skriftlig individuell avtale om gjennomsnittsberegning (§ 10-5 (1))</translation>
    </message>
    <message>
        <source>Tariff agreement (KS, Virke, NHO)</source>
        <translation>Tariffavtale (KS, Virke, NHO)</translation>
    </message>
    <message>
        <source>The recipient is the employer (work in the employer's home)</source>
        <translation>Tjenestemottakeren er arbeidsgiver (arbeid i arbeidsgivers hjem)</translation>
    </message>
    <message>
        <source>Relief work (avlastning)</source>
        <translation>Avlastning</translation>
    </message>
    <message>
        <source>Agreemen&amp;t</source>
        <translation>A&amp;vtale</translation>
    </message>
    <message>
        <source>The rota's working-time checks allow what this agreement allows.</source>
        <translation>Arbeidstidssjekkene i turnusen tillater det denne avtalen tillater.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Coming: send attested timesheets to the employer when you are online, see each receipt (accepted or rejected with a reason), and make a signed file when there is no connection.</source>
        <translation>Kommer: send attesterte timelister til arbeidsgiveren når du er på nett, se hver kvittering (godkjent, eller avvist med begrunnelse), og lag en signert fil når det ikke er forbindelse.</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <source>What you type in the rota, for example D or N</source>
        <translation>Det du skriver i turnusen, for eksempel D eller N</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Begynner</translation>
    </message>
    <message>
        <source>E&amp;nds</source>
        <translation>&amp;Slutter</translation>
    </message>
    <message>
        <source>An end at or before the start is the next day</source>
        <translation>En slutt før eller lik starten er neste dag</translation>
    </message>
    <message>
        <source>Has &amp;passive time (asleep or on standby)</source>
        <translation>Har &amp;passiv tid (sover eller er i beredskap)</translation>
    </message>
    <message>
        <source>Has passive time</source>
        <translation>Har passiv tid</translation>
    </message>
    <message>
        <source>Passive &amp;from</source>
        <translation>Passiv &amp;fra</translation>
    </message>
    <message>
        <source>Passive &amp;until</source>
        <translation>Passiv &amp;til</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Choose colour</source>
        <translation>Velg farge</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>Fa&amp;rge</translation>
    </message>
    <message>
        <source>Colour of the shift code</source>
        <translation>Vaktkodens farge</translation>
    </message>
    <message>
        <source>The colour is not a colour (use for example #59a14f).</source>
        <translation>Fargen er ikke en farge (bruk for eksempel #59a14f).</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Shift codes</source>
        <translation>Vaktkoder</translation>
    </message>
    <message>
        <source>&amp;New code</source>
        <translation>&amp;Ny kode</translation>
    </message>
    <message>
        <source>&amp;Save code</source>
        <translation>&amp;Lagre kode</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>TimesheetsPage</name>
    <message>
        <source>Timesheets</source>
        <translation>Timelister</translation>
    </message>
    <message>
        <source>Coming: register worked hours, absence and swaps, and attest each assistant's monthly timesheet. An attested timesheet is locked; corrections make a new version.</source>
        <translation>Kommer: registrer arbeidede timer, fravær og vaktbytter, og attester hver assistents månedlige timeliste. En attestert timeliste låses; rettelser gir en ny versjon.</translation>
    </message>
</context>
<context>
    <name>ValidatedForm</name>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Error for %1</source>
        <translation>Feil i %1</translation>
    </message>
</context>
<context>
    <name>VedtakForm</name>
    <message>
        <source>&amp;Hours per week</source>
        <translation>Timer &amp;per uke</translation>
    </message>
    <message>
        <source>Hours granted per week on average</source>
        <translation>Innvilgede timer per uke i gjennomsnitt</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Gyldig &amp;fra</translation>
    </message>
    <message>
        <source>&amp;Time-limited</source>
        <translation>Tids&amp;begrenset</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <source>Valid t&amp;o</source>
        <translation>Gyldig t&amp;il</translation>
    </message>
    <message>
        <source>Ser&amp;vices</source>
        <translation>Tj&amp;enester</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referanse</translation>
    </message>
    <message>
        <source>The municipality's case or decision number</source>
        <translation>Kommunens saks- eller vedtaksnummer</translation>
    </message>
    <message>
        <source>For example practical help, personal care</source>
        <translation>For eksempel praktisk bistand, egenomsorg</translation>
    </message>
</context>
<context>
    <name>VedtakPage</name>
    <message>
        <source>Vedtak history</source>
        <translation>Vedtakshistorikk</translation>
    </message>
    <message>
        <source>Current vedtak</source>
        <translation>Gjeldende vedtak</translation>
    </message>
    <message>
        <source>Vedtak</source>
        <translation>Vedtak</translation>
    </message>
    <message>
        <source>&amp;New vedtak</source>
        <translation>&amp;Nytt vedtak</translation>
    </message>
    <message>
        <source>Ed&amp;it</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>En&amp;d vedtak</source>
        <translation>A&amp;vslutt vedtak</translation>
    </message>
    <message>
        <source>No arrangement yet. Create one with “New arrangement”.</source>
        <translation>Ingen ordning ennå. Opprett en med «Ny ordning».</translation>
    </message>
    <message>
        <source>No vedtak is valid today. Add the new vedtak with “New vedtak” (Ctrl+N).</source>
        <translation>Ingen vedtak gjelder i dag. Legg inn det nye vedtaket med «Nytt vedtak» (Ctrl+N).</translation>
    </message>
    <message>
        <source>%1 hours per week, %2. Reference: %3</source>
        <translation>%1 timer per uke, %2. Referanse: %3</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>uten sluttdato</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Expires in %1 days: ask the municipality for a new vedtak in good time.</source>
        <translation>Utløper om %1 dager: be kommunen om nytt vedtak i god tid.</translation>
    </message>
    <message>
        <source>New vedtak</source>
        <translation>Nytt vedtak</translation>
    </message>
    <message>
        <source>Edit vedtak</source>
        <translation>Rediger vedtak</translation>
    </message>
    <message>
        <source>End vedtak</source>
        <translation>Avslutt vedtak</translation>
    </message>
    <message>
        <source>The vedtak is kept in the history. Choose its last valid day.</source>
        <translation>Vedtaket blir stående i historikken. Velg siste dag det gjelder.</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>Siste &amp;dag</translation>
    </message>
</context>
<context>
    <name>VedtakTableModel</name>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Timer per uke</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Tjenester</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Gjeldende</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Fremtidig</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>uten sluttdato</translation>
    </message>
</context>
</TS>
