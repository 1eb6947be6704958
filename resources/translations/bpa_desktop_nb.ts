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
        <source>Coming: plan the rota (turnus) week by week with shift codes, roll it out over a period and see working-time rule findings and the hours against the vedtak as you edit.</source>
        <translation>Kommer: planlegg turnusen uke for uke med vaktkoder, rull den ut over en periode og se brudd på arbeidstidsreglene og timene mot vedtaket mens du redigerer.</translation>
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