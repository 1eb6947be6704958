"""Parts of the Timelister page: data reads and actions (data.py), Qt models, dialogs, the detail view."""
