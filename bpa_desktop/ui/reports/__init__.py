"""Parts of the Rapporter and Oversikt pages: report tables, charts and the CSV export."""
