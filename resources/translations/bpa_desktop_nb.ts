<?xml version="1.0" encoding="utf-8"?>
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
        <source>Save the assistant&apos;s shifts as iCalendar</source>
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
        <source>What you call this arrangement, for example the recipient&apos;s first name</source>
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
        <source>The employer&apos;s 9-digit organisation number</source>
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
        <source>An arrangement (ordning) is one person&apos;s BPA scheme. Fill in who it is for, who leads it and who the employer is.</source>
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
        <source>The municipality&apos;s decision: hours granted per week and the period it covers. A later change is added as a new vedtak on the Vedtak page.</source>
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
        <source>The assistant&apos;s full name</source>
        <translation>Assistentens fulle navn</translation>
    </message>
    <message>
        <source>&amp;Employee number</source>
        <translation>&amp;Ansattnummer</translation>
    </message>
    <message>
        <source>The employer&apos;s employee number (ansattnummer)</source>
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
        <source>Find a substitute…</source>
        <translation>Finn vikar …</translation>
    </message>
    <message>
        <source>Select a shift someone cannot take, or a day in the row of hours not covered</source>
        <translation>Velg en vakt noen ikke kan ta, eller en dag i raden med timer som ikke er dekket</translation>
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
    <message>
        <source>Substitute for %1</source>
        <translation>Vikar for %1</translation>
    </message>
    <message>
        <source>Need not covered</source>
        <translation>Behov som ikke er dekket</translation>
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
    <name>CorrectionDialog</name>
    <message>
        <source>The attested version %1 of %2&apos;s timesheet for %3 stays stored unchanged. A correction makes version %4: a draft you can change and must attest again.</source>
        <translation>Den attesterte versjon %1 av timelisten til %2 for %3 blir lagret uendret. En korrigering lager versjon %4: et utkast du kan endre og må attestere på nytt.</translation>
    </message>
    <message>
        <source>Correct the timesheet</source>
        <translation>Korriger timelisten</translation>
    </message>
    <message>
        <source>Why the attested timesheet must be changed</source>
        <translation>Hvorfor den attesterte timelisten må endres</translation>
    </message>
    <message>
        <source>&amp;Make correction</source>
        <translation>&amp;Lag korrigering</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Show &amp;version</source>
        <translation>Vis ver&amp;sjon</translation>
    </message>
    <message>
        <source>Days of the timesheet</source>
        <translation>Dagene i timelisten</translation>
    </message>
    <message>
        <source>Pay lines</source>
        <translation>Lønnslinjer</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statushistorikk</translation>
    </message>
    <message>
        <source>Timesheet details</source>
        <translation>Timelistens detaljer</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Dager</translation>
    </message>
    <message>
        <source>Pay &amp;lines</source>
        <translation>Lønnslinj&amp;er</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historikk</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>nothing stored yet: the planned shifts count until something is registered</source>
        <translation>ingenting lagret ennå: de planlagte vaktene teller til noe blir registrert</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versjon %1</translation>
    </message>
    <message>
        <source>%1: replaces version %2 (%3)</source>
        <translation>%1: erstatter versjon %2 (%3)</translation>
    </message>
    <message>
        <source>%1 hours, of which %2 passive</source>
        <translation>%1 timer, herav %2 passive</translation>
    </message>
    <message>
        <source>Locked: this timesheet is attested and cannot be changed. To change it, make a correction (Ctrl+K): a new version that is attested again.</source>
        <translation>Låst: timelisten er attestert og kan ikke endres. For å endre den lager du en korrigering (Ctrl+K): en ny versjon som attesteres på nytt.</translation>
    </message>
    <message>
        <source>Warning: the stored content no longer matches its checksum.</source>
        <translation>Advarsel: det lagrede innholdet stemmer ikke lenger med kontrollsummen.</translation>
    </message>
    <message>
        <source>Sum of priced lines: %1 kr</source>
        <translation>Sum av linjer med sats: %1 kr</translation>
    </message>
    <message>
        <source>No rates entered: amounts are not calculated.</source>
        <translation>Ingen satser er lagt inn: beløp regnes ikke ut.</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>Versjon %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DeviationDialog</name>
    <message>
        <source>Register a deviation – %1</source>
        <translation>Registrer avvik – %1</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrer</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrer</translation>
    </message>
</context>
<context>
    <name>DeviationForm</name>
    <message>
        <source>&amp;Kind of deviation</source>
        <translation>&amp;Type avvik</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Vakt</translation>
    </message>
    <message>
        <source>The shift in this timesheet the deviation concerns</source>
        <translation>Vakten i timelisten som avviket gjelder</translation>
    </message>
    <message>
        <source>&amp;Absence</source>
        <translation>&amp;Fravær</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>Fr&amp;a</translation>
    </message>
    <message>
        <source>&amp;To (inclusive)</source>
        <translation>Til og &amp;med</translation>
    </message>
    <message>
        <source>&amp;Degree</source>
        <translation>&amp;Grad</translation>
    </message>
    <message>
        <source>Graded sick leave: the share of working time the assistant is away</source>
        <translation>Gradert fravær: den delen av arbeidstiden assistenten er borte</translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <translation>&amp;Dag</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>S&amp;lutt</translation>
    </message>
    <message>
        <source>An end before the start means the next day</source>
        <translation>Slutt før start betyr neste dag</translation>
    </message>
    <message>
        <source>&amp;Who worked it</source>
        <translation>&amp;Hvem tok vakten</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Why it differs from the plan; kept with the timesheet</source>
        <translation>Hvorfor det avviker fra planen; lagres med timelisten</translation>
    </message>
    <message>
        <source>Absence (sick leave, holiday, leave, child&apos;s illness)</source>
        <translation>Fravær (sykdom, ferie, permisjon, sykt barn)</translation>
    </message>
    <message>
        <source>Changed times</source>
        <translation>Endret tid</translation>
    </message>
    <message>
        <source>Extra shift</source>
        <translation>Ekstravakt</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Overtid</translation>
    </message>
    <message>
        <source>Substitute cover: a substitute worked the shift</source>
        <translation>Vikar: en vikar tok vakten</translation>
    </message>
    <message>
        <source>Swap: another assistant took the shift</source>
        <translation>Bytte: en annen assistent tok vakten</translation>
    </message>
    <message>
        <source>Passive time became active</source>
        <translation>Passiv tid ble aktiv</translation>
    </message>
    <message>
        <source>Not worked (cancelled)</source>
        <translation>Ikke arbeidet (avlyst)</translation>
    </message>
    <message>
        <source>This timesheet has no shift this can apply to.</source>
        <translation>Timelisten har ingen vakt dette kan gjelde.</translation>
    </message>
    <message>
        <source>Choose who worked the shift.</source>
        <translation>Velg hvem som tok vakten.</translation>
    </message>
    <message>
        <source>Say why: the reason is kept with the timesheet.</source>
        <translation>Skriv en grunn: den lagres med timelisten.</translation>
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
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the municipality</source>
        <translation>Koble til kommunen</translation>
    </message>
    <message>
        <source>The municipality gives you the address of its receiver and a one-time code. This computer makes its own signing key; compare the key ID shown afterwards with the one the municipality sees.</source>
        <translation>Kommunen gir deg adressen til mottaket sitt og en engangskode. Maskinen lager sin egen signeringsnøkkel; sammenlign nøkkel-ID-en som vises etterpå med den kommunen ser.</translation>
    </message>
    <message>
        <source>Receiver address</source>
        <translation>Adresse til mottaket</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <source>&amp;Receiver address</source>
        <translation>&amp;Adresse til mottaket</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>&amp;Engangskode</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Koble til</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Koble til</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Write the receiver&apos;s address, starting with https://</source>
        <translation>Skriv adressen til mottaket, som begynner med https://</translation>
    </message>
    <message>
        <source>Write the one-time code from the municipality.</source>
        <translation>Skriv engangskoden fra kommunen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Kobler til …</translation>
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
    <name>FairnessModel</name>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Helger</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Netter</translation>
    </message>
    <message>
        <source>Evenings</source>
        <translation>Kvelder</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Helligdager</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Timer per uke</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>stilling</translation>
    </message>
    <message>
        <source>fair share</source>
        <translation>rettferdig andel</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>(%1 times)</source>
        <translation>(%1 ganger)</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Ingen advarsler.</translation>
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
        <source>Worked so far</source>
        <translation>Arbeidet hittil</translation>
    </message>
    <message>
        <source>Planned for the rest of the year</source>
        <translation>Planlagt resten av året</translation>
    </message>
    <message>
        <source>Not yet planned</source>
        <translation>Ikke planlagt ennå</translation>
    </message>
    <message>
        <source>Forecast at year end</source>
        <translation>Prognose ved årsslutt</translation>
    </message>
    <message>
        <source>Chart of the hour account</source>
        <translation>Diagram over timeregnskapet</translation>
    </message>
    <message>
        <source>Waiting for the assistant to confirm</source>
        <translation>Venter på at assistenten bekrefter</translation>
    </message>
    <message>
        <source>Waiting for your attestation</source>
        <translation>Venter på din attestering</translation>
    </message>
    <message>
        <source>Absence this month</source>
        <translation>Fravær denne måneden</translation>
    </message>
    <message>
        <source>Waiting for &amp;confirmation</source>
        <translation>Venter på &amp;bekreftelse</translation>
    </message>
    <message>
        <source>Waiting for &amp;attestation</source>
        <translation>Venter på &amp;attestering</translation>
    </message>
    <message>
        <source>A&amp;bsence this month</source>
        <translation>&amp;Fravær denne måneden</translation>
    </message>
    <message>
        <source>Enter on a timesheet opens it on the Timesheets page.</source>
        <translation>Enter på en timeliste åpner den på siden Timelister.</translation>
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
        <source>%1 h</source>
        <translation>%1 t</translation>
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
        <source>%1 h left unused</source>
        <translation>%1 t ubrukt</translation>
    </message>
    <message>
        <source>%1 h over the vedtak</source>
        <translation>%1 t over vedtaket</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Innvilget</translation>
    </message>
    <message>
        <source>Worked and planned</source>
        <translation>Arbeidet og planlagt</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeidet</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Hour account %1</source>
        <translation>Timeregnskap %1</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>timer</translation>
    </message>
    <message>
        <source>The same figures are in the list to the left.</source>
        <translation>De samme tallene står i listen til venstre.</translation>
    </message>
    <message>
        <source>The vedtak ends on %1 (in %2 days) and no new vedtak follows. Apply for a new one in time.</source>
        <translation>Vedtaket slutter %1 (om %2 dager), og ikke noe nytt vedtak tar over. Søk om nytt vedtak i tide.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>%1: %2, %3 – %4</source>
        <translation>%1: %2, %3–%4</translation>
    </message>
    <message>
        <source>No absence registered in %1.</source>
        <translation>Ikke noe fravær registrert i %1.</translation>
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
        <source>locked</source>
        <translation>låst</translation>
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
    <name>PatternPane</name>
    <message>
        <source>Fairness: %1</source>
        <translation>Rettferdighet: %1</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 feil, %2 advarsler</translation>
    </message>
    <message>
        <source>%1 stretches of need not covered</source>
        <translation>%1 strekk av behovet er ikke dekket</translation>
    </message>
</context>
<context>
    <name>PatternView</name>
    <message>
        <source>Rota pattern</source>
        <translation>Turnusmønster</translation>
    </message>
    <message>
        <source>Rows are assistants, columns are the days of the pattern. Type a shift code and press Enter; Delete clears; Ctrl+C and Ctrl+V copy; drag a selection to move it; Ctrl+L locks or unlocks the selected cells for proposals.</source>
        <translation>Radene er assistenter, kolonnene er dagene i mønsteret. Skriv en vaktkode og trykk Enter; Delete tømmer; Ctrl+C og Ctrl+V kopierer; dra et utvalg for å flytte det; Ctrl+L låser eller låser opp de valgte cellene for forslag.</translation>
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
        <source>lock</source>
        <translation>lås</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>lås opp</translation>
    </message>
    <message>
        <source>Locked %1 cells for proposals.</source>
        <translation>Låste %1 celler for forslag.</translation>
    </message>
    <message>
        <source>Unlocked %1 cells.</source>
        <translation>Låste opp %1 celler.</translation>
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
    <name>PayCodesDialog</name>
    <message>
        <source>Pay codes and rates</source>
        <translation>Lønnsarter og satser</translation>
    </message>
</context>
<context>
    <name>PayCodesForm</name>
    <message>
        <source>%1: “%2” is not a number.</source>
        <translation>%1: «%2» er ikke et tall.</translation>
    </message>
    <message>
        <source>Pay period &amp;starts on day</source>
        <translation>Lønnsperioden &amp;starter dag</translation>
    </message>
    <message>
        <source>1 for calendar months; e.g. 21 for the 21st to the 20th</source>
        <translation>1 for kalendermåneder; f.eks. 21 for den 21. til den 20.</translation>
    </message>
    <message>
        <source>&amp;Hourly wage (kr)</source>
        <translation>&amp;Timelønn (kr)</translation>
    </message>
    <message>
        <source>Employer&apos;s &amp;costs (%)</source>
        <translation>&amp;Arbeidsgiverkostnader (%)</translation>
    </message>
    <message>
        <source>Employer&apos;s national insurance, holiday pay and pension on top of wages, for the cost report</source>
        <translation>Arbeidsgiveravgift, feriepenger og pensjon i tillegg til lønn, for kostnadsrapporten</translation>
    </message>
    <message>
        <source>Pay code for %1</source>
        <translation>Lønnsart for %1</translation>
    </message>
    <message>
        <source>Rate in kr per hour for %1</source>
        <translation>Sats i kr per time for %1</translation>
    </message>
    <message>
        <source>kr/h</source>
        <translation>kr/t</translation>
    </message>
    <message>
        <source>Hourly wage</source>
        <translation>Timelønn</translation>
    </message>
    <message>
        <source>Employer&apos;s costs</source>
        <translation>Arbeidsgiverkostnader</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Propose a rota</source>
        <translation>Lag forslag til turnus</translation>
    </message>
    <message>
        <source>Weeks in the rota</source>
        <translation>Uker i turnusen</translation>
    </message>
    <message>
        <source>At least, percent of the contract</source>
        <translation>Minst, prosent av stillingen</translation>
    </message>
    <message>
        <source>At most, percent of the contract</source>
        <translation>Høyst, prosent av stillingen</translation>
    </message>
    <message>
        <source>Time to search, seconds</source>
        <translation>Tid til å lete, sekunder</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Weeks in the rota</source>
        <translation>&amp;Uker i turnusen</translation>
    </message>
    <message>
        <source>At &amp;least, % of the contract</source>
        <translation>&amp;Minst, % av stillingen</translation>
    </message>
    <message>
        <source>At &amp;most, % of the contract</source>
        <translation>Høy&amp;st, % av stillingen</translation>
    </message>
    <message>
        <source>Fair spread of week&amp;ends</source>
        <translation>Rettferdig fordeling av &amp;helger</translation>
    </message>
    <message>
        <source>Fair spread of &amp;nights</source>
        <translation>Rettferdig fordeling av &amp;netter</translation>
    </message>
    <message>
        <source>Fair spread of e&amp;venings</source>
        <translation>Rettferdig fordeling av &amp;kvelder</translation>
    </message>
    <message>
        <source>Fair spread of &amp;holidays</source>
        <translation>Rettferdig fordeling av helli&amp;gdager</translation>
    </message>
    <message>
        <source>Hours close to each &amp;contract</source>
        <translation>&amp;Timer nær stillingsprosenten</translation>
    </message>
    <message>
        <source>Few hand-&amp;overs</source>
        <translation>Få &amp;overleveringer</translation>
    </message>
    <message>
        <source>As few warnin&amp;gs as possible</source>
        <translation>Så få &amp;advarsler som mulig</translation>
    </message>
    <message>
        <source>&amp;Time to search</source>
        <translation>Tid til å &amp;lete</translation>
    </message>
    <message>
        <source>Locked cells</source>
        <translation>Låste celler</translation>
    </message>
    <message>
        <source>Cells locked in the pattern with Ctrl+L keep what they hold</source>
        <translation>Celler som er låst i mønsteret med Ctrl+L, beholder det de har</translation>
    </message>
    <message>
        <source>free</source>
        <translation>fri</translation>
    </message>
    <message>
        <source>None (lock cells in the pattern with Ctrl+L)</source>
        <translation>Ingen (lås celler i mønsteret med Ctrl+L)</translation>
    </message>
    <message>
        <source>Loc&amp;ked cells</source>
        <translation>Lås&amp;te celler</translation>
    </message>
    <message>
        <source>Make &amp;proposal</source>
        <translation>Lag &amp;forslag</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <source>Stop the search and keep the best rota so far (Esc)</source>
        <translation>Stopp søket og behold den beste turnusen så langt (Esc)</translation>
    </message>
    <message>
        <source>&amp;Use the proposal</source>
        <translation>&amp;Bruk forslaget</translation>
    </message>
    <message>
        <source>Save the proposal as a new rota version over the period; Ctrl+Z on the page undoes it</source>
        <translation>Lagre forslaget som en ny turnusversjon for perioden; Ctrl+Z på siden angrer det</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Set what matters and press Enter to make a proposal.</source>
        <translation>Velg hva som er viktig, og trykk Enter for å lage et forslag.</translation>
    </message>
    <message>
        <source>Current pattern</source>
        <translation>Nåværende turnus</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>Warnings in the proposal</source>
        <translation>Advarsler i forslaget</translation>
    </message>
    <message>
        <source>Why there is no legal rota</source>
        <translation>Hvorfor det ikke finnes en lovlig turnus</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Forbereder søket …</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper …</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Forbereder</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Leter</translation>
    </message>
    <message>
        <source>Checking against the working-time rules</source>
        <translation>Sjekker mot arbeidstidsreglene</translation>
    </message>
    <message>
        <source>No legal rota yet: finding out why</source>
        <translation>Ingen lovlig turnus ennå: finner ut hvorfor</translation>
    </message>
    <message>
        <source>best so far %1</source>
        <translation>beste så langt %1</translation>
    </message>
    <message>
        <source>bound %1</source>
        <translation>grense %1</translation>
    </message>
    <message>
        <source>%1 % from the bound</source>
        <translation>%1 % fra grensen</translation>
    </message>
    <message>
        <source>The search stopped before it found a legal rota. Give it more time, or fewer locked cells.</source>
        <translation>Søket stoppet før det fant en lovlig turnus. Gi det mer tid, eller lås færre celler.</translation>
    </message>
    <message>
        <source>No legal rota found (%1 s).</source>
        <translation>Fant ingen lovlig turnus (%1 s).</translation>
    </message>
    <message>
        <source>the best possible with these settings</source>
        <translation>den beste mulige med disse innstillingene</translation>
    </message>
    <message>
        <source>at most %1 % from the best possible</source>
        <translation>høyst %1 % fra den beste mulige</translation>
    </message>
    <message>
        <source>legal; not improved further in the time given</source>
        <translation>lovlig; ikke forbedret mer på tiden som var gitt</translation>
    </message>
    <message>
        <source>Proposal ready in %1 s: %2 warnings, %3.</source>
        <translation>Forslaget er klart etter %1 s: %2 advarsler, %3.</translation>
    </message>
</context>
<context>
    <name>ProposalView</name>
    <message>
        <source>Per assistant: weekends, nights and evenings per cycle, holidays over the period and hours a week, each with the fair share by employment percent in brackets</source>
        <translation>Per assistent: helger, netter og kvelder per omgang, helligdager i perioden og timer per uke, hver med rettferdig andel etter stillingsprosent i parentes</translation>
    </message>
    <message>
        <source>No legal rota was found, and there was no time left to find out why.</source>
        <translation>Fant ingen lovlig turnus, og det var ikke tid igjen til å finne ut hvorfor.</translation>
    </message>
    <message>
        <source>There is no legal rota with these settings.</source>
        <translation>Det finnes ingen lovlig turnus med disse innstillingene.</translation>
    </message>
    <message>
        <source>Need nobody can cover:</source>
        <translation>Behov ingen kan dekke:</translation>
    </message>
    <message>
        <source>Because:</source>
        <translation>Fordi:</translation>
    </message>
    <message>
        <source>Any one of these would help:</source>
        <translation>Hver av disse ville hjelpe:</translation>
    </message>
    <message>
        <source>(The time ran out before every cause was looked at.)</source>
        <translation>(Tiden gikk ut før alle årsaker var undersøkt.)</translation>
    </message>
</context>
<context>
    <name>ReasonForm</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Du må skrive en grunn.</translation>
    </message>
</context>
<context>
    <name>RegisterShiftDialog</name>
    <message>
        <source>Register today&apos;s shift</source>
        <translation>Registrer vakten</translation>
    </message>
    <message>
        <source>Shifts on %1. Enter registers the chosen shift as planned; to adjust, Tab to the times, type the real ones and a reason, then Enter.</source>
        <translation>Vakter %1. Enter registrerer den valgte vakten som planlagt; for å endre, gå med Tab til tidene, skriv de riktige og en grunn, og trykk Enter.</translation>
    </message>
    <message>
        <source>Shifts to register</source>
        <translation>Vakter å registrere</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrer</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>No shifts are planned on this day.</source>
        <translation>Ingen vakter er planlagt denne dagen.</translation>
    </message>
    <message>
        <source>This shift is registered as not worked. Use “Register deviation” on the Timesheets page to change it.</source>
        <translation>Vakten er registrert som ikke arbeidet. Bruk «Registrer avvik» på siden Timelister for å endre det.</translation>
    </message>
    <message>
        <source>Say why the times differ from the plan.</source>
        <translation>Skriv hvorfor tidene avviker fra planen.</translation>
    </message>
    <message>
        <source>Registered.</source>
        <translation>Registrert.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Cost per month</source>
        <translation>Kostnad per måned</translation>
    </message>
    <message>
        <source>Sick leave and absence</source>
        <translation>Sykefravær og fravær</translation>
    </message>
    <message>
        <source>Planned vs worked vs vedtak</source>
        <translation>Planlagt, arbeidet og vedtak</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>Wages are the pay lines times their rates; employer&apos;s costs are the percentage entered under Pay codes. Months not attested are estimates from today&apos;s record.</source>
        <translation>Lønn er lønnslinjene ganget med satsene; arbeidsgiverkostnader er prosenten under Lønnsarter. Måneder som ikke er attestert, er anslag ut fra det som er registrert i dag.</translation>
    </message>
    <message>
        <source>Wages are paid hours times the hourly wage (no supplement rates entered).</source>
        <translation>Lønn er betalte timer ganget med timelønnen (ingen tilleggssatser er lagt inn).</translation>
    </message>
    <message>
        <source>No rates are entered: enter the hourly wage under Timesheets → Pay codes to see costs.</source>
        <translation>Ingen satser er lagt inn: legg inn timelønn under Timelister → Lønnsarter for å se kostnader.</translation>
    </message>
    <message>
        <source>Cost per month %1</source>
        <translation>Kostnad per måned %1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Paid hours</source>
        <translation>Betalte timer</translation>
    </message>
    <message>
        <source>Wages (kr)</source>
        <translation>Lønn (kr)</translation>
    </message>
    <message>
        <source>Employer&apos;s costs (kr)</source>
        <translation>Arbeidsgiverkostnader (kr)</translation>
    </message>
    <message>
        <source>Total (kr)</source>
        <translation>Sum (kr)</translation>
    </message>
    <message>
        <source>Attested</source>
        <translation>Attestert</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>Lønn</translation>
    </message>
    <message>
        <source>Employer&apos;s costs</source>
        <translation>Arbeidsgiverkostnader</translation>
    </message>
    <message>
        <source>kr</source>
        <translation>kr</translation>
    </message>
    <message>
        <source>Sick leave and absence %1</source>
        <translation>Sykefravær og fravær %1</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>Planlagte timer</translation>
    </message>
    <message>
        <source>Sick hours</source>
        <translation>Syketimer</translation>
    </message>
    <message>
        <source>Sick leave %</source>
        <translation>Sykefravær %</translation>
    </message>
    <message>
        <source>%1 (days)</source>
        <translation>%1 (dager)</translation>
    </message>
    <message>
        <source>sick leave %</source>
        <translation>sykefravær %</translation>
    </message>
    <message>
        <source>Sick leave % = planned hours lost to the assistant&apos;s own sickness (self-certified and sick note, graded by percentage) / planned hours. Days are calendar days, graded.</source>
        <translation>Sykefravær % = planlagte timer tapt på grunn av assistentens egen sykdom (egenmelding og sykmelding, gradert etter prosent) / planlagte timer. Dager er kalenderdager, gradert.</translation>
    </message>
    <message>
        <source>Planned vs worked vs vedtak %1</source>
        <translation>Planlagt, arbeidet og vedtak %1</translation>
    </message>
    <message>
        <source>Worked hours</source>
        <translation>Arbeidede timer</translation>
    </message>
    <message>
        <source>Vedtak hours</source>
        <translation>Vedtakstimer</translation>
    </message>
    <message>
        <source>Worked − vedtak</source>
        <translation>Arbeidet − vedtak</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeidet</translation>
    </message>
    <message>
        <source>Vedtak</source>
        <translation>Vedtak</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>timer</translation>
    </message>
    <message>
        <source>Vedtak hours per month = weekly hours / 7 for each day of the month the vedtak covers.</source>
        <translation>Vedtakstimer per måned = ukentlige timer / 7 for hver dag i måneden vedtaket gjelder.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Eksporter CSV…</translation>
    </message>
    <message>
        <source>Save the table as a CSV file</source>
        <translation>Lagre tabellen som CSV-fil</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;År</translation>
    </message>
    <message>
        <source>Chart of the report</source>
        <translation>Diagram over rapporten</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Rapporttabell</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>The same figures are in the table below the chart.</source>
        <translation>De samme tallene står i tabellen under diagrammet.</translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>Lagre rapporten som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>The report is saved as %1.</source>
        <translation>Rapporten er lagret som %1.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunne ikke skrives: %1</translation>
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
        <source>Propo&amp;se a rota…</source>
        <translation>Lag for&amp;slag …</translation>
    </message>
    <message>
        <source>Let the planner make a legal, fair rota for the period; shown beside this one before you take it</source>
        <translation>La planleggeren lage en lovlig og rettferdig turnus for perioden; den vises ved siden av denne før du tar den i bruk</translation>
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
    <message>
        <source>The planner needs shift codes and the recipient’s need first.</source>
        <translation>Planleggeren trenger vaktkoder og mottakerens behov først.</translation>
    </message>
    <message>
        <source>Saving the proposal…</source>
        <translation>Lagrer forslaget …</translation>
    </message>
    <message>
        <source>take the proposal</source>
        <translation>ta forslaget i bruk</translation>
    </message>
    <message>
        <source>The proposal is saved as a new version and rolled out from %1 to %2 (Ctrl+Z undoes it).</source>
        <translation>Forslaget er lagret som en ny versjon og rullet ut fra %1 til %2 (Ctrl+Z angrer det).</translation>
    </message>
    <message>
        <source>The proposal is undone: the rota is back as it was.</source>
        <translation>Forslaget er angret: turnusen er som før.</translation>
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
        <source>The recipient is the employer (work in the employer&apos;s home)</source>
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
        <source>The rota&apos;s working-time checks allow what this agreement allows.</source>
        <translation>Arbeidstidssjekkene i turnusen tillater det denne avtalen tillater.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>SubmissionTableModel</name>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Siste feil</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Avgjørelse</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>not received after 24 hours</source>
        <translation>ikke mottatt etter 24 timer</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Connection to the municipality</source>
        <translation>Tilkobling til kommunen</translation>
    </message>
    <message>
        <source>&amp;Connect to the municipality…</source>
        <translation>&amp;Koble til kommunen …</translation>
    </message>
    <message>
        <source>Send as &amp;file…</source>
        <translation>Send som &amp;fil …</translation>
    </message>
    <message>
        <source>&amp;Print the timesheet (PDF)…</source>
        <translation>Skriv &amp;ut timelisten (PDF) …</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Send nå</translation>
    </message>
    <message>
        <source>Send what waits to the municipality now, without waiting for the next try</source>
        <translation>Send det som venter til kommunen nå, uten å vente på neste forsøk</translation>
    </message>
    <message>
        <source>&amp;Make file for the municipality…</source>
        <translation>&amp;Lag fil for kommunen …</translation>
    </message>
    <message>
        <source>Save the timesheets not yet received as a signed file</source>
        <translation>Lagre timelistene kommunen ikke har mottatt som en signert fil</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Prøv igjen</translation>
    </message>
    <message>
        <source>Timesheets sent to the municipality</source>
        <translation>Timelister sendt til kommunen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>No arrangement yet. Create one with “New arrangement”.</source>
        <translation>Ingen ordning ennå. Lag en med «Ny ordning».</translation>
    </message>
    <message>
        <source>Not connected. Ask the municipality for the receiver&apos;s address and a one-time code, then choose “Connect to the municipality”. Attested timesheets wait here until then; nothing is lost.</source>
        <translation>Ikke tilkoblet. Be kommunen om adressen til mottaket og en engangskode, og velg «Koble til kommunen». Attesterte timelister venter her til da; ingenting går tapt.</translation>
    </message>
    <message>
        <source>Connected to %1 since %2.
Key ID (fingerprint): %3 – compare it with the key ID the municipality sees, by phone or on the printed timesheet.</source>
        <translation>Koblet til %1 siden %2.
Nøkkel-ID (fingeravtrykk): %3 – sammenlign den med nøkkel-ID-en kommunen ser, på telefon eller på den utskrevne timelisten.</translation>
    </message>
    <message>
        <source>&amp;Connect again…</source>
        <translation>&amp;Koble til på nytt …</translation>
    </message>
    <message>
        <source>The municipality has not received the timesheet of %1 for %2 after more than 24 hours.</source>
        <translation>Kommunen har ikke mottatt timelisten til %1 for %2 etter mer enn 24 timer.</translation>
    </message>
    <message>
        <source>The municipality has not received %1 timesheets after more than 24 hours.</source>
        <translation>Kommunen har ikke mottatt %1 timelister etter mer enn 24 timer.</translation>
    </message>
    <message>
        <source>Send them as a file, or print the timesheet and hand it in. Sending over the network goes on trying meanwhile.</source>
        <translation>Send som fil, eller skriv ut timelisten og lever den. Sendingen over nettet fortsetter å prøve i mellomtiden.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versjon %1</translation>
    </message>
    <message>
        <source>Rejected by the municipality: %1</source>
        <translation>Avvist av kommunen: %1</translation>
    </message>
    <message>
        <source>Correct the timesheet on the Timesheets page and attest it again; the new version is sent by itself.</source>
        <translation>Korriger timelisten på Timelister-siden og attester den på nytt; den nye versjonen sendes av seg selv.</translation>
    </message>
    <message>
        <source>Saved in a file for the municipality on %1.</source>
        <translation>Lagret i fil for kommunen %1.</translation>
    </message>
    <message>
        <source>Connected. Timesheets that waited are being sent now.</source>
        <translation>Tilkoblet. Timelister som ventet, sendes nå.</translation>
    </message>
    <message>
        <source>Connect to the municipality first.</source>
        <translation>Koble til kommunen først.</translation>
    </message>
    <message>
        <source>Another bpa-desktop window on this computer sends these timesheets.</source>
        <translation>Et annet bpa-desktop-vindu på denne maskinen sender disse timelistene.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sender …</translation>
    </message>
    <message>
        <source>Sending finished. See the status of each timesheet below.</source>
        <translation>Sendingen er ferdig. Se status for hver timeliste nedenfor.</translation>
    </message>
    <message>
        <source>Make file for the municipality</source>
        <translation>Lag fil for kommunen</translation>
    </message>
    <message>
        <source>Timesheet file (*.json)</source>
        <translation>Timelistefil (*.json)</translation>
    </message>
    <message>
        <source>Making the file…</source>
        <translation>Lager filen …</translation>
    </message>
    <message>
        <source>%1 timesheets saved in %2. Send the file to the municipality (e-mail or memory stick); they are marked as received once the municipality has read it in.</source>
        <translation>%1 timelister lagret i %2. Send filen til kommunen (e-post eller minnepinne); de merkes som mottatt når kommunen har lest den inn.</translation>
    </message>
    <message>
        <source>Nothing to put in the file: the municipality has received everything.</source>
        <translation>Ingenting å legge i filen: kommunen har mottatt alt.</translation>
    </message>
    <message>
        <source>Print the timesheet (PDF)</source>
        <translation>Skriv ut timelisten (PDF)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The timesheet is saved as %1. Print it and hand it in.</source>
        <translation>Timelisten er lagret som %1. Skriv den ut og lever den.</translation>
    </message>
    <message>
        <source>Queued again.</source>
        <translation>Lagt i kø igjen.</translation>
    </message>
    <message>
        <source>This one cannot simply be sent again: follow the advice in its message.</source>
        <translation>Denne kan ikke bare sendes på nytt: følg rådet i meldingen.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Sync status</source>
        <translation>Synkstatus</translation>
    </message>
</context>
<context>
    <name>SyncWording</name>
    <message>
        <source>Queued</source>
        <translation>I kø</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sendes</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Levert</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Replaced by a newer version</source>
        <translation>Erstattet av nyere versjon</translation>
    </message>
    <message>
        <source>Waiting for a new connection</source>
        <translation>Venter på ny tilkobling</translation>
    </message>
    <message>
        <source>Needs a correction</source>
        <translation>Må korrigeres</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>1 timesheet rejected – see Sync</source>
        <translation>1 timeliste avvist – se Synk</translation>
    </message>
    <message>
        <source>%1 timesheets rejected – see Sync</source>
        <translation>%1 timelister avvist – se Synk</translation>
    </message>
    <message>
        <source>The municipality no longer accepts this computer – connect again on the Sync page</source>
        <translation>Kommunen godtar ikke lenger denne maskinen – koble til på nytt på Synk-siden</translation>
    </message>
    <message>
        <source>1 timesheet needs attention – see Sync</source>
        <translation>1 timeliste trenger oppfølging – se Synk</translation>
    </message>
    <message>
        <source>%1 timesheets need attention – see Sync</source>
        <translation>%1 timelister trenger oppfølging – se Synk</translation>
    </message>
    <message>
        <source>Sync: %1 queued · not connected to the municipality</source>
        <translation>Synk: %1 i kø · ikke koblet til kommunen</translation>
    </message>
    <message>
        <source>Sync: sending…</source>
        <translation>Synk: sender …</translation>
    </message>
    <message>
        <source>Sync: %1 queued</source>
        <translation>Synk: %1 i kø</translation>
    </message>
    <message>
        <source>Sync: all sent</source>
        <translation>Synk: alt er sendt</translation>
    </message>
    <message>
        <source>last sent %1</source>
        <translation>sist sendt %1</translation>
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
    <name>TimesForm</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>S&amp;lutt</translation>
    </message>
    <message>
        <source>An end before the start means the next day</source>
        <translation>Slutt før start betyr neste dag</translation>
    </message>
    <message>
        <source>&amp;Reason for a change</source>
        <translation>&amp;Begrunnelse for endring</translation>
    </message>
    <message>
        <source>Needed only when the times differ from the plan</source>
        <translation>Trengs bare når tidene avviker fra planen</translation>
    </message>
</context>
<context>
    <name>TimesheetLabels</name>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bekreftet</translation>
    </message>
    <message>
        <source>Attested</source>
        <translation>Attestert</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke påbegynt</translation>
    </message>
    <message>
        <source>Self-certified sick leave (egenmelding)</source>
        <translation>Egenmelding</translation>
    </message>
    <message>
        <source>Sick note (sykmelding)</source>
        <translation>Sykmelding</translation>
    </message>
    <message>
        <source>Holiday (ferie)</source>
        <translation>Ferie</translation>
    </message>
    <message>
        <source>Leave (permisjon)</source>
        <translation>Permisjon</translation>
    </message>
    <message>
        <source>Child&apos;s illness (sykt barn)</source>
        <translation>Sykt barn</translation>
    </message>
    <message>
        <source>Self-certified</source>
        <translation>Egenmelding</translation>
    </message>
    <message>
        <source>Sick note</source>
        <translation>Sykmelding</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Ferie</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Permisjon</translation>
    </message>
    <message>
        <source>Child&apos;s illness</source>
        <translation>Sykt barn</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeidet</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Not worked</source>
        <translation>Ikke arbeidet</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <source>Extra shift</source>
        <translation>Ekstravakt</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Overtid</translation>
    </message>
    <message>
        <source>Swapped shift</source>
        <translation>Byttet vakt</translation>
    </message>
    <message>
        <source>Substitute cover</source>
        <translation>Vikar</translation>
    </message>
    <message>
        <source>Changed times</source>
        <translation>Endret tid</translation>
    </message>
    <message>
        <source>Passive time became active</source>
        <translation>Passiv tid ble aktiv</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>kveld</translation>
    </message>
    <message>
        <source>night</source>
        <translation>natt</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lørdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>søndag</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>helligdag</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Opprettet</translation>
    </message>
    <message>
        <source>Confirmed by the assistant</source>
        <translation>Bekreftet av assistenten</translation>
    </message>
    <message>
        <source>Attested by the leader</source>
        <translation>Attestert av arbeidsleder</translation>
    </message>
    <message>
        <source>Correction opened</source>
        <translation>Korrigering opprettet</translation>
    </message>
    <message>
        <source>Accepted by the receiver</source>
        <translation>Godkjent av mottaker</translation>
    </message>
    <message>
        <source>Rejected by the receiver</source>
        <translation>Avvist av mottaker</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>arbeidsleder</translation>
    </message>
    <message>
        <source>assistant</source>
        <translation>assistent</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
</context>
<context>
    <name>TimesheetRows</name>
    <message>
        <source>CORRECTED</source>
        <translation>KORRIGERT</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (låst)</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrigering</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
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
        <source>Passive</source>
        <translation>Passiv</translation>
    </message>
    <message>
        <source>Supplement hours</source>
        <translation>Tilleggstimer</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Pay code</source>
        <translation>Lønnsart</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Rate (kr/h)</source>
        <translation>Sats (kr/t)</translation>
    </message>
    <message>
        <source>Amount (kr)</source>
        <translation>Beløp (kr)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
</context>
<context>
    <name>TimesheetsPage</name>
    <message>
        <source>Pay period</source>
        <translation>Lønnsperiode</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>Register &amp;today&apos;s shift…</source>
        <translation>Registrer &amp;vakten…</translation>
    </message>
    <message>
        <source>Pay &amp;codes…</source>
        <translation>&amp;Lønnsarter…</translation>
    </message>
    <message>
        <source>The employer&apos;s pay codes and rates, and the pay period</source>
        <translation>Arbeidsgiverens lønnsarter og satser, og lønnsperioden</translation>
    </message>
    <message>
        <source>Export pa&amp;yroll file…</source>
        <translation>Eksporter lønns&amp;fil…</translation>
    </message>
    <message>
        <source>Timesheets in the period</source>
        <translation>Timelister i perioden</translation>
    </message>
    <message>
        <source>Register &amp;deviation…</source>
        <translation>Registrer &amp;avvik…</translation>
    </message>
    <message>
        <source>Co&amp;nfirm (assistant)</source>
        <translation>&amp;Bekreft (assistent)</translation>
    </message>
    <message>
        <source>&amp;Attest…</source>
        <translation>A&amp;ttester…</translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation>&amp;Korriger…</translation>
    </message>
    <message>
        <source>Print P&amp;DF…</source>
        <translation>Skriv &amp;ut PDF…</translation>
    </message>
    <message>
        <source>Timesheets</source>
        <translation>Timelister</translation>
    </message>
    <message>
        <source>No arrangement yet. Create one with “New arrangement”.</source>
        <translation>Ingen ordning ennå. Lag en med «Ny ordning».</translation>
    </message>
    <message>
        <source>No assistants are employed in %1.</source>
        <translation>Ingen assistenter er ansatt i %1.</translation>
    </message>
    <message>
        <source>Choose a timesheet in the list first.</source>
        <translation>Velg en timeliste i listen først.</translation>
    </message>
    <message>
        <source>You are looking at an older version. Choose the newest version to act on the timesheet.</source>
        <translation>Du ser på en eldre versjon. Velg den nyeste versjonen for å gjøre noe med timelisten.</translation>
    </message>
    <message>
        <source>%1&apos;s timesheet for %2 is %3 and locked: nothing was changed. To change it, make a correction first (Ctrl+K).</source>
        <translation>Timelisten til %1 for %2 er %3 og låst: ingenting ble endret. For å endre den lager du først en korrigering (Ctrl+K).</translation>
    </message>
    <message>
        <source>The deviation is registered.</source>
        <translation>Avviket er registrert.</translation>
    </message>
    <message>
        <source>%1&apos;s timesheet is already %2.</source>
        <translation>Timelisten til %1 er allerede %2.</translation>
    </message>
    <message>
        <source>Confirmed by the assistant: %1, %2.</source>
        <translation>Bekreftet av assistenten: %1, %2.</translation>
    </message>
    <message>
        <source>%1&apos;s timesheet for %2 is already attested.</source>
        <translation>Timelisten til %1 for %2 er allerede attestert.</translation>
    </message>
    <message>
        <source>%1 is not over yet: the timesheet can be attested from %2.</source>
        <translation>%1 er ikke over ennå: timelisten kan attesteres fra %2.</translation>
    </message>
    <message>
        <source>Attest the timesheet</source>
        <translation>Attester timelisten</translation>
    </message>
    <message>
        <source>Attest %1&apos;s timesheet for %2 (%3 hours)?

Attesting locks the timesheet. After that it can only be changed by a correction: a new version that must be attested again.</source>
        <translation>Attestere timelisten til %1 for %2 (%3 timer)?

Attestering låser timelisten. Etter det kan den bare endres med en korrigering: en ny versjon som må attesteres på nytt.</translation>
    </message>
    <message>
        <source>Attest and lock</source>
        <translation>Attester og lås</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Attested and locked: %1, %2.</source>
        <translation>Attestert og låst: %1, %2.</translation>
    </message>
    <message>
        <source>Only an attested timesheet needs a correction; this one can be changed directly with “Register deviation”.</source>
        <translation>Bare en attestert timeliste trenger korrigering; denne kan endres direkte med «Registrer avvik».</translation>
    </message>
    <message>
        <source>Correction made: version %1 is a draft until it is attested again.</source>
        <translation>Korrigering laget: versjon %1 er et utkast til den attesteres på nytt.</translation>
    </message>
    <message>
        <source>Pay codes and rates are saved.</source>
        <translation>Lønnsarter og satser er lagret.</translation>
    </message>
    <message>
        <source>Save the timesheet as PDF</source>
        <translation>Lagre timelisten som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Skriver PDF…</translation>
    </message>
    <message>
        <source>The timesheet is saved as %1.</source>
        <translation>Timelisten er lagret som %1.</translation>
    </message>
    <message>
        <source>Visma Lønn import (*.csv)</source>
        <translation>Visma Lønn-import (*.csv)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV for regneark (*.csv)</translation>
    </message>
    <message>
        <source>Save the payroll file</source>
        <translation>Lagre lønnsfilen</translation>
    </message>
    <message>
        <source>Writing the payroll file…</source>
        <translation>Skriver lønnsfilen…</translation>
    </message>
    <message>
        <source>The payroll file %1 has %2 lines from %3 attested timesheets.</source>
        <translation>Lønnsfilen %1 har %2 linjer fra %3 attesterte timelister.</translation>
    </message>
    <message>
        <source>Not attested, so not in the file: %1.</source>
        <translation>Ikke attestert, og derfor ikke med i filen: %1.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunne ikke skrives: %1</translation>
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
        <source>The municipality&apos;s case or decision number</source>
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
<context>
    <name>VikarDialog</name>
    <message>
        <source>Find a substitute</source>
        <translation>Finn vikar</translation>
    </message>
    <message>
        <source>Shift to fill</source>
        <translation>Vakten som skal dekkes</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>New warnings</source>
        <translation>Nye advarsler</translation>
    </message>
    <message>
        <source>Hours that week</source>
        <translation>Timer den uka</translation>
    </message>
    <message>
        <source>Who can take it</source>
        <translation>Hvem kan ta den</translation>
    </message>
    <message>
        <source>Best first: no new error, fewest new warnings, most room in the contract. Enter gives the shift</source>
        <translation>Beste først: ingen nye feil, færrest nye advarsler, mest plass i stillingen. Enter gir vakten</translation>
    </message>
    <message>
        <source>Who cannot take it</source>
        <translation>Hvem kan ikke ta den</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Hvorfor ikke</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Kept with the change</source>
        <translation>Lagres med endringen</translation>
    </message>
    <message>
        <source>&amp;Give the shift</source>
        <translation>&amp;Gi vakten</translation>
    </message>
    <message>
        <source>Give the shift</source>
        <translation>Gi vakten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Shift to fill</source>
        <translation>&amp;Vakten som skal dekkes</translation>
    </message>
    <message>
        <source>&amp;Who can take it</source>
        <translation>&amp;Hvem kan ta den</translation>
    </message>
    <message>
        <source>Who ca&amp;nnot</source>
        <translation>Hvem kan i&amp;kke</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Looking for who can take it…</source>
        <translation>Ser etter hvem som kan ta den …</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>%1: new warnings: %2; %3 hours that week, contract %4</source>
        <translation>%1: nye advarsler: %2; %3 timer den uka, stilling %4</translation>
    </message>
    <message>
        <source>%1 can take it with no new error; the best first.</source>
        <translation>%1 kan ta den uten nye feil; den beste først.</translation>
    </message>
    <message>
        <source>Nobody can take it without breaking a working-time rule.</source>
        <translation>Ingen kan ta den uten å bryte en arbeidstidsregel.</translation>
    </message>
    <message>
        <source>Say why the shift is given to someone else.</source>
        <translation>Si hvorfor vakten gis til en annen.</translation>
    </message>
</context>
<context>
    <name>WeightSlider</name>
    <message>
        <source>not at all</source>
        <translation>ikke</translation>
    </message>
    <message>
        <source>a little</source>
        <translation>litt</translation>
    </message>
    <message>
        <source>somewhat</source>
        <translation>noe</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>vanlig</translation>
    </message>
    <message>
        <source>much</source>
        <translation>mye</translation>
    </message>
    <message>
        <source>very much</source>
        <translation>svært mye</translation>
    </message>
</context>
</TS>
